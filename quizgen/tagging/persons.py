"""PERSON recogniser: capitalised runs that are persons by evidence, where a person's name
starts inside a longer run, and the role heads the other recognisers ask about.

Evidence (names.yaml and quotes.yaml): a name known in the article, a given name, a family
name written first, a form of address kept in the name ("Gus Dur"), an honorific or an
announcing word before it (strong evidence, which outweighs a place word before the run);
an initial before another name word, a particle, a speech verb, an aside, an age, a role
next to it (weaker). A run followed by the acronym of its initials is an organisation
("Tour de Singkarak (TdS)"); after a place word ("di", "kota", "wilayah") it is a place.
"""

from __future__ import annotations

from .context import Found, Sentence
from .lexicon import Lexicon
from .places import _acronym_after, context_ends
from .quotes import quote_words


def _head(s: Sentence, j: int) -> tuple[int, str] | None:
    lex = s.lex
    low = s.toks[j].low if 0 <= j < s.n else None
    a = lex.titles.match(s.toks, j) if low in lex.titles.first else None
    b = lex.professions.match(s.toks, j) if low in lex.professions.first else None
    if a and b:
        return a if a[0] >= b[0] else b
    return a or b


def _known_person(s: Sentence, i: int) -> list[Found] | None:
    m = s.known.full.match(s.toks, i)
    if m and s.toks[i].cap and not any(k in s.taken for k in range(i, m[0])):
        return [Found(i, m[0], "PERSON")]
    return None


def _run_end(s: Sentence, i: int) -> int:
    """End of a capitalised run from i: names joined by particles, initials and hyphens."""
    j = i
    while j < s.n:
        t = s.toks[j]
        if s.titled(j) and (j == i or not s.not_name(j)):
            j += 1
            if j < s.n and len(t.text) == 1 and s.toks[j].text == "." and s.toks[j].glued:
                j += 1  # an initial "K."
            continue
        if j > i and t.low in s.lex.particles and not t.cap and s.titled(j + 1):
            j += 1
            continue
        if j > i and t.text == "-" and s.word(j + 1):
            nxt = s.toks[j + 1]
            glued = t.glued and nxt.glued
            if glued:
                j += 2  # "Jong-un": the part after a joined hyphen may be lower case
                continue
            if nxt.cap and not s.lex.places.match(s.toks, j + 1):
                j += 1
                continue
        break
    while j > i and not s.toks[j - 1].word:
        j -= 1
    return j


def _words(s: Sentence, a: int, b: int) -> list[str]:
    return [t.low for t in s.toks[a:b] if t.word]


def _person_evidence(s: Sentence, a: int, b: int) -> bool:
    return _evidence(s, a, b, _words(s, a, b), None)


def _evidence(s: Sentence, a: int, b: int, words: list[str], strong: bool | None) -> bool:
    """_person_evidence given the run's words and, when already known, its strong evidence."""
    lex, toks = s.lex, s.toks
    if not words or len(words) > 6:
        return False
    if tuple(words) in s.known.full.table or s.known.short.issuperset(words):
        return True
    if len(words) == 1 and (words[0] in lex.common or toks[a].text in lex.directions):
        return False  # "Barat", "Pemerintah": an ordinary word needs a known name
    if len(words) == 1 and _enclitic(lex, words[0]):
        return False  # "akun Twitternya": a word with a possessive ending
    if _strong(s, a, words) if strong is None else strong:
        return True
    if len(words) > 1:
        last = max(k for k in range(a, b) if toks[k].word)
        if any(_initial(s, k) for k in range(a, last)):
            return True  # an initial before another name word: "Thalatie K Yani", "M Hanafiah"
    if any(toks[k].low in lex.particles and not toks[k].cap for k in range(a, b)):
        return True
    p = a - 1
    if p >= 0 and toks[p].text == "." and p >= 1:
        p -= 1
    if p >= 0 and (_ends_phrase(s, p, "after_verbs") or _ends_phrase(s, p, "according")):
        return True
    verbs = quote_words(lex).before
    q = b + 1 if b < s.n and toks[b].text == "," else b
    if q < s.n and toks[q].low in verbs:
        return True
    if q > b:  # "Lavrov, di sisi lain, menyebut ..."
        aside = next((k for k in range(q, min(q + 6, s.n)) if toks[k].text == ","), None)
        if aside is not None and aside + 1 < s.n and toks[aside + 1].low in verbs:
            return True
    if (b + 2 < s.n and toks[b].text == "(" and toks[b + 1].num and toks[b + 2].text == ")"
            and toks[b + 1].text.isdigit() and int(toks[b + 1].text) <= 120):
        return True  # an age: "Atim Arta Ota (62)"; a year is no age: "Kill Bill (2003)"
    if len(words) > 1 and b < s.n and toks[b].word and not toks[b].cap and _head(s, b):
        return True  # "Novel Baswedan penyidik KPK"
    if b + 1 < s.n and toks[b].text == "," and _head(s, b + 1):
        return True  # "Harry Warganegara, plt Sekjen INASGOC"
    return False


def _phrase_ends(lex: Lexicon) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """Speech-verb and source phrases of quotes.yaml, by their last word."""
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for key in ("after_verbs", "according"):
        table: dict[str, list[tuple[str, ...]]] = {}
        for ph in lex.quotes.get(key) or []:
            words = tuple(str(ph).lower().split())
            if words:
                table.setdefault(words[-1], []).append(words)
        out[key] = table
    return out


def _ends_phrase(s: Sentence, p: int, key: str) -> bool:
    """Whether a phrase of quotes.yaml[key] ends at token p."""
    for words in s.lex.derived("quote_phrase_ends", _phrase_ends)[key].get(s.toks[p].low, ()):
        n = len(words)
        if p - n + 1 >= 0 and tuple(t.low for t in s.toks[p - n + 1 : p + 1]) == words:
            return True
    return False


def _strong_evidence(s: Sentence, a: int, b: int) -> bool:
    """Evidence from the name itself or the word before it: a name known in the article, a
    given name, a family name written first, a form of address in the name, an honorific or
    an announcing word before it. It outweighs a place word before the name."""
    return _strong(s, a, _words(s, a, b))


def _strong(s: Sentence, a: int, words: list[str]) -> bool:
    """_strong_evidence given the words of the run starting at a."""
    lex, toks = s.lex, s.toks
    if not words:
        return False
    if tuple(words) in s.known.full.table or s.known.short.issuperset(words):
        return True
    if len(words) == 1 and (words[0] in lex.common or len(words[0]) == 1):
        return False  # "Tim", "Hari", "ibu Anda": an ordinary word needs a known name
    if not lex.given.isdisjoint(words) or (len(words) > 1 and words[0] in lex.family_first):
        return True
    if len(words) > 1 and words[0] in lex.name_titles:
        return True  # "Gus Dur", "Mas Udi"
    p = a - 1
    if p >= 1 and toks[p].text == ".":
        p -= 1
    return p >= 0 and (toks[p].low in lex.honorifics or toks[p].low in lex.announcers)


def _initial(s: Sentence, k: int) -> bool:
    """A one-letter name part ("M", "K."), not a letter before a joined hyphen ("K-pop")."""
    t = s.toks[k]
    return len(t.text) == 1 and t.word and not (k + 1 < s.n and s.toks[k + 1].glued and s.toks[k + 1].text == "-")


def _enclitic(lex: Lexicon, word: str) -> bool:
    suffix = quote_words(lex).suffix
    return bool(suffix) and word.endswith(suffix) and len(word) - len(suffix) >= 3 and word not in lex.given


def _given_split(s: Sentence, a: int, b: int) -> int:
    """Start of a person inside a run ("Creative Media Works | Matthew Talbot")."""
    lex = s.lex
    for k in range(a, b):
        low = s.toks[k].low
        if low in lex.given or low in lex.family_first:
            return k if k == a or b - k >= 2 else a
    return a


def _person_start(s: Sentence, a: int, b: int) -> int | None:
    """Where a person's name of two or more words begins inside the capitalised words
    [a, b), leaving at least one word before it ("Partai Golkar | Charles Jones Mesang",
    "Fraksi Hanura | Miryam S Haryani"); None when no part looks like a person."""
    lex, toks = s.lex, s.toks
    for k in range(a + 1, b - 1):
        if not toks[k].word:
            continue
        if toks[k].low in lex.given or toks[k].low in lex.family_first or _initial(s, k):
            return k
        if toks[k].low in lex.name_titles or toks[k].low in lex.honorifics:
            return k  # "Komisaris Besar | Raden Prabowo Argo Yuwono"
        if _initial(s, k + 1) and k + 2 < b:
            return k
    return None


def _cap_run(s: Sentence, j: int) -> int:
    """End of the capitalised words (names and acronyms) from j, joined by hyphens."""
    end = j
    while end < s.n and (s.word(end) and s.toks[end].cap or s.toks[end].text == "-" and s.word(end + 1)):
        end += 1
    while end > j and not s.toks[end - 1].word:
        end -= 1
    return end


def role_with_person(s: Sentence, k: int) -> bool:
    """A role head at k with a person's name right after it."""
    h = _head(s, k)
    if not h or not s.titled(h[0]) or s.not_name(h[0]):
        return False
    end = _run_end(s, h[0])
    return len(_words(s, h[0], end)) >= 2 or _person_evidence(s, h[0], end)


def _initials(s: Sentence, a: int, b: int) -> str:
    """First letters of the capitalised words in [a, b): "Tour de Singkarak" -> "TS"."""
    return "".join(s.toks[k].text[0] for k in range(a, b) if s.toks[k].word and s.toks[k].cap)


def run_at(s: Sentence, i: int, end: int) -> list[Found] | None:
    """What the capitalised run [i, end) is (end from _run_end; i titled and no
    not_name): a club, a person, an organisation before its acronym, a place, or None."""
    words = _words(s, i, end)
    if len(words) > 1 and s.toks[end - 1].low in s.lex.team_tails:
        return [Found(i, end, "ORG", None, {"kind": "team"})]  # "West Ham United"
    k = _given_split(s, i, end)
    if k > i:
        return [Found(k, end, "PERSON")]
    if _strong(s, i, words):
        return [Found(i, end, "PERSON")]
    if words and s.known.teams.issuperset(words) and not _evidence(s, i, end, words, False):
        return [Found(i, end, "ORG", None, {"kind": "team"})]  # "United" after "Manchester United"
    if len(words) <= 4 and len("".join(words)) > 1 and _team_context(s, i):
        return [Found(i, end, "ORG", None, {"kind": "team"})]  # "klub Swansea", "markas United"
    acr_end, acr = _acronym_after(s, end)
    if acr and _initials(s, i, end) == "".join(c for c in acr if c.isupper()):
        return [Found(i, acr_end, "ORG", None, {"acronym": acr})]  # "Tour de Singkarak (TdS)"
    ctx = _place_context(s, i)
    if ctx is not None and len(words) <= 3 and len("".join(words)) > 1:
        attrs = {"kind": ctx} if ctx != "place" else {}
        return [Found(i, end, "PLACE", None, attrs)]
    if i - 1 >= s.start and not s.toks[i - 1].cap and s.toks[i - 1].low in s.lex.work_words:
        return None  # "film Baby Driver", "lagu What About Us": a title, not a person
    if _evidence(s, i, end, words, False):
        speaker = i >= 1 and s.toks[i - 1].low in s.lex.speech_verbs  # "kata Jokowi"
        return [Found(i, end, "PERSON", spreads=speaker)]
    return None


def _team_context(s: Sentence, i: int) -> bool:
    """A lower-case club or team word right before i ("klub Swansea", "markas United")."""
    p = i - 1
    if p < s.start or s.toks[p].cap:
        return False
    m = s.lex.org_context.match(s.toks, p, i)
    return bool(m and m[0] == i)


def _place_context(s: Sentence, i: int) -> str | None:
    if i - 1 < s.start or s.toks[i - 1].low not in context_ends(s.lex):
        return None  # no place word ends right before i
    for n in (2, 1):
        if i - n >= s.start:
            m = s.lex.place_context.match(s.toks, i - n, i)
            if m and m[0] == i:
                return m[1]
    return None
