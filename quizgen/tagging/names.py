"""ROLE and PERSON recognisers, and the left-to-right chunker that runs all name recognisers.

Order at each word: a person already known in the article, a role (with the person after
it), an organisation, a place, then a capitalised run that becomes a PERSON with evidence,
a PLACE after a place word ("kota X", "di X"), or nothing.
"""

from __future__ import annotations

from .context import Found, Sentence
from .lexicon import Lexicon
from .quotes import quote_words
from .places import _acronym_after, org_at, place_at


def chunk(s: Sentence) -> list[Found]:
    out: list[Found] = []
    loose: list[tuple[int, int]] = []  # capitalised runs left without a label
    role_words = _role_words(s.lex)
    i = s.start
    while i < s.n:
        if not s.word(i) or not (s.toks[i].cap or s.toks[i].low in role_words):
            i += 1  # only a role may start at a lower-case word
            continue
        doc = document_end(s, i)
        if doc:
            s.taken.update(range(i, doc))  # a law's name: nothing inside it is tagged
            i = doc
            continue
        found = (
            _known_person(s, i)
            or (s.toks[i].low in role_words and role_at(s, i, out))
            or _one(org_at(s, i))
            or _one(place_at(s, i))
        )
        if not found:
            found = run_at(s, i)
            if not found and s.titled(i) and not s.not_name(i):
                loose.append((i, _run_end(s, i)))
        if found:
            out.extend(found)
            i = max(f.b for f in found)
        else:
            i += 1
    return _lists(s, out, loose)


def _role_words(lex: Lexicon) -> set[str]:
    """First words of every title, profession and modifier."""
    return lex.derived(
        "role_words", lambda lx: {*lx.titles.first, *lx.professions.first, *lx.modifiers.first}
    )


def _lists(s: Sentence, out: list[Found], loose: list[tuple[int, int]]) -> list[Found]:
    """Two-word runs listed next to a person are persons: "Eric Bailly, Romelu Lukaku"."""
    joins = {","} | s.lex.list_joiners | s.lex.pair_joiners
    pairs = s.lex.pair_joiners
    changed = True
    while changed:
        changed = False
        starts = {f.a: f for f in out if f.label == "PERSON"}
        ends = {f.b: f for f in out if f.label == "PERSON"}
        for a, b in list(loose):
            if any(f.a < b and a < f.b for f in out):
                continue
            if len(_words(s, a, b)) < 2:  # one word: only as the other half of a pair
                left = a >= 1 and s.toks[a - 1].text in pairs and a - 1 in ends
                right = b + 1 < s.n and s.toks[b].text in pairs and b + 1 in starts
                glued = (s.toks[a].glued and s.toks[a - 1].glued) if left else (
                    right and s.toks[b].glued and s.toks[b + 1].glued
                )
                if (left or right) and glued:
                    out.append(Found(a, b, "PERSON"))
                    loose.remove((a, b))
                    changed = True
                continue
            k = a - 1
            while k >= 0 and s.toks[k].low in joins:
                k -= 1
            m = b
            while m < s.n and s.toks[m].low in joins:
                m += 1
            if (k + 1 < a and k + 1 in ends) or (m > b and m in starts):
                out.append(Found(a, b, "PERSON"))
                loose.remove((a, b))
                changed = True
    out.sort(key=lambda f: f.a)
    return out


def _one(f: Found | None) -> list[Found] | None:
    return [f] if f else None


def _known_person(s: Sentence, i: int) -> list[Found] | None:
    m = s.known.full.match(s.toks, i)
    if m and s.toks[i].cap and not any(k in s.taken for k in range(i, m[0])):
        return [Found(i, m[0], "PERSON")]
    return None


# --- roles ----------------------------------------------------------------------------
def _head(s: Sentence, j: int) -> tuple[int, str] | None:
    a = s.lex.titles.match(s.toks, j)
    b = s.lex.professions.match(s.toks, j)
    if a and b:
        return a if a[0] >= b[0] else b
    return a or b


def role_at(s: Sentence, i: int, before: list[Found]) -> list[Found] | None:
    """A role ("Menteri Luar Negeri Rusia") and the person named right after it."""
    j = i
    while True:
        m = s.lex.modifiers.match(s.toks, j)
        h = _head(s, j)
        if not m or (h and h[0] >= m[0]):
            break
        j, _ = _acronym_after(s, m[0])
    h = _head(s, j)
    if not h or any(k in s.taken for k in range(i, h[0])):
        return None
    end, kind = h
    attrs: dict[str, str] = {"head": kind}
    end, complements = _complements(s, end, attrs)
    person, end = _person_after(s, end, attrs, kind)
    capital = s.toks[i].cap
    apposition = i >= 2 and s.toks[i - 1].text == "," and bool(before) and before[-1].label == "PERSON"
    if kind == "profession" and not (complements or person or apposition):
        return None
    if kind == "title" and not (capital or complements or person or apposition):
        return None
    if end < s.n and s.toks[end - 1].low in s.lex.function:
        end -= 1
    role = Found(i, end, "ROLE", _role_norm(s, i, end), attrs)
    return [role] + ([person] if person else [])


def _complements(s: Sentence, j: int, attrs: dict[str, str]) -> tuple[int, int]:
    count = 0
    lowered = 0
    while j < s.n and j not in s.taken:
        p = s.lex.portfolios.match(s.toks, j)
        if p and (count == 0 or s.toks[j].cap):
            j, count = p[0], count + 1
            continue
        pl = place_at(s, j, standalone=False)
        if pl:
            _note_place(pl, attrs, "country")
            j, count = pl.b, count + 1
            continue
        o = org_at(s, j)
        if o:
            attrs.setdefault("org", _text(s, o.a, o.b))
            j, count = o.b, count + 1
            continue
        t = s.toks[j]
        if t.low in s.lex.unit_links and count == 0 and j + 1 < s.n and s.toks[j + 1].cap:
            end = _cap_run(s, j + 1)  # "Deputy Chief of Transaction Banking CIMB Niaga"
            end = _person_start(s, j + 1, end) or end
            if end > j + 1:
                attrs.setdefault("org", _text(s, j + 1, end))
                j, count = end, count + 1
                continue
        if t.low in s.lex.role_links and count:
            pl = place_at(s, j + 1, standalone=False)
            if pl:
                _note_place(pl, attrs, "to")
                j, count = pl.b, count + 1
                continue
        if (
            t.word
            and not t.cap
            and lowered == 0
            and t.low not in s.lex.function
            and (s.titled(j + 1) or s.caps[j + 1] if j + 1 < s.n else False)
        ):
            j, lowered, count = j + 1, 1, count + 1  # "penyidik senior KPK", "kurator pameran X"
            continue
        break
    return j, count


def _note_place(pl: Found, attrs: dict[str, str], key: str) -> None:
    if pl.attrs.get("kind") == "country" and pl.norm:
        attrs.setdefault(key, pl.norm)
    else:
        attrs.setdefault("place" if key == "country" else key, pl.attrs.get("canonical", ""))


def _person_after(s: Sentence, j: int, attrs: dict[str, str], kind: str) -> tuple[Found | None, int]:
    """The person named right after a role, optionally after a comma, and where the role ends."""
    k = j + 1 if j < s.n and s.toks[j].text == "," else j
    known = _known_person(s, k)
    if known:
        return known[0], j
    if not s.titled(k) or s.not_name(k) or _head(s, k) or org_at(s, k) or place_at(s, k, False):
        return None, j
    end = _run_end(s, k)
    g = _given_split(s, k, end)
    if g > k:
        attrs.setdefault("org", _text(s, k, g))
        return Found(g, end, "PERSON"), j
    inner = next((m for m in range(k + 1, end) if role_with_person(s, m)), None)
    if inner is not None and k == j:
        # "Kapolda Metro Jaya | Inspektur Jenderal Idham Aziz": a name, then another role.
        attrs.setdefault("org", _text(s, k, inner))
        return None, inner
    if len(_words(s, k, end)) == 1 and not _strong_evidence(s, k, end) and _not_a_name(s, k):
        return None, j
    if kind == "profession" and end < s.n and s.toks[end].num and not _person_evidence(s, k, end):
        return None, j  # "relawan Asian Games 2018": a name followed by a number is no person
    # "pelatih Petrokimia, M Hanafiah": an unknown name, a comma, then the person.
    if k == j and end < s.n and s.toks[end].text == "," and not _person_evidence(s, k, end):
        k2 = end + 1
        if s.titled(k2) and not s.not_name(k2) and not _head(s, k2):
            attrs.setdefault("org", _text(s, k, end))
            end2 = _run_end(s, k2)
            return Found(k2, end2, "PERSON"), j
    return Found(k, end, "PERSON"), j


def _not_a_name(s: Sentence, k: int) -> bool:
    """A lone capitalised word after a role that is no person: an ordinary word ("Nomor"),
    or the first word of a name broken by a lower-case noun ("CEO Creative media Works")."""
    toks, lex = s.toks, s.lex
    if toks[k].low in lex.common or toks[k].low in lex.document_numbers or len(toks[k].text) == 1:
        return True  # an ordinary word, or a letter ("Tesla Model S")
    nxt = k + 1
    return (
        nxt + 1 < s.n
        and toks[nxt].word
        and not toks[nxt].cap
        and toks[nxt].low not in lex.function
        and not lex.verb_like(toks[nxt].low)
        and s.titled(nxt + 1)
    )


def _role_norm(s: Sentence, a: int, b: int) -> str:
    parts: list[str] = []
    j = a
    while j < b:
        t = s.toks[j]
        if t.text == "(":  # drop a bracketed acronym: "Pelaksana Harian (Plh)"
            while j < b and s.toks[j].text != ")":
                j += 1
            j += 1
            continue
        word = s.lex.role_abbrev.get(t.low)
        if word is None:
            word = t.text.capitalize() if t.allcaps and not s.caps[j] else t.text
        sep = "" if (t.glued and parts) else " "
        parts.append(sep + word if parts else word)
        j += 1
    norm = "".join(parts)
    return norm[:1].upper() + norm[1:]


def _text(s: Sentence, a: int, b: int) -> str:
    return "".join((" " if k > a and not s.toks[k].glued else "") + s.toks[k].text for k in range(a, b))


# --- persons ---------------------------------------------------------------------------
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
    return [s.toks[k].low for k in range(a, b) if s.toks[k].word]


def _person_evidence(s: Sentence, a: int, b: int) -> bool:
    lex, toks = s.lex, s.toks
    words = _words(s, a, b)
    if not words or len(words) > 6:
        return False
    if tuple(words) in s.known.full.table or all(w in s.known.short for w in words):
        return True
    if len(words) == 1 and (words[0] in lex.common or toks[a].text in lex.directions):
        return False  # "Barat", "Pemerintah": an ordinary word needs a known name
    if len(words) == 1 and _enclitic(lex, words[0]):
        return False  # "akun Twitternya": a word with a possessive ending
    if _strong_evidence(s, a, b):
        return True
    last = max(k for k in range(a, b) if toks[k].word)
    if len(words) > 1 and any(_initial(s, k) for k in range(a, last)):
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
    if b + 2 < s.n and toks[b].text == "(" and toks[b + 1].num and toks[b + 2].text == ")":
        return True  # an age: "Atim Arta Ota (62)"
    if b < s.n and toks[b].word and not toks[b].cap and _head(s, b) and len(words) > 1:
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
    lex, toks = s.lex, s.toks
    words = _words(s, a, b)
    if not words:
        return False
    if tuple(words) in s.known.full.table or all(w in s.known.short for w in words):
        return True
    if len(words) == 1 and (words[0] in lex.common or len(words[0]) == 1):
        return False  # "Tim", "Hari", "ibu Anda": an ordinary word needs a known name
    if any(w in lex.given for w in words) or (len(words) > 1 and words[0] in lex.family_first):
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
    suffix = str(lex.quotes.get("pronoun_suffix") or "")
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


def run_at(s: Sentence, i: int) -> list[Found] | None:
    if not s.titled(i) or s.not_name(i):
        return None
    end = _run_end(s, i)
    k = _given_split(s, i, end)
    if k > i:
        return [Found(k, end, "PERSON")]
    if _strong_evidence(s, i, end):
        return [Found(i, end, "PERSON")]
    acr_end, acr = _acronym_after(s, end)
    if acr and _initials(s, i, end) == "".join(c for c in acr if c.isupper()):
        return [Found(i, acr_end, "ORG", None, {"acronym": acr})]  # "Tour de Singkarak (TdS)"
    ctx = _place_context(s, i)
    words = _words(s, i, end)
    if ctx is not None and len(words) <= 3 and len("".join(words)) > 1:
        attrs = {"kind": ctx} if ctx != "place" else {}
        return [Found(i, end, "PLACE", None, attrs)]
    if _person_evidence(s, i, end):
        speaker = i >= 1 and s.toks[i - 1].low in s.lex.speech_verbs  # "kata Jokowi"
        return [Found(i, end, "PERSON", spreads=speaker)]
    return None


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


def document_end(s: Sentence, i: int) -> int | None:
    """End of a law's or regulation's name starting at i, with its number and year
    ("Peraturan Menteri Perdagangan Nomor 12 Tahun 2005", "UU No. 31 Tahun 1999")."""
    lex, toks = s.lex, s.toks
    m = lex.documents.match(toks, i) if toks[i].cap else None
    if not m:
        return None
    j = m[0]
    while j < s.n and toks[j].word and toks[j].cap and toks[j].low not in lex.document_numbers:
        j += 1
    numbered = j < s.n and toks[j].low in lex.document_numbers
    if not (numbered or toks[i].allcaps or j < s.n and toks[j].low in lex.document_about):
        return None  # "Keputusan Presiden Jokowi ...": a decision, not a document's name
    if numbered:
        k = j + 1
        if k < s.n and toks[k].text == ".":
            k += 1
        if k < s.n and toks[k].num:
            j = k + 1
            if j + 1 < s.n and toks[j].text == "/" and toks[j + 1].num:
                j += 2
            if j + 1 < s.n and toks[j].low in lex.document_years and toks[j + 1].num:
                j += 2
    return j


def _place_context(s: Sentence, i: int) -> str | None:
    for n in (2, 1):
        if i - n >= s.start:
            m = s.lex.place_context.match(s.toks, i - n, i)
            if m and m[0] == i:
                return m[1]
    return None
