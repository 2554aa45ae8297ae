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
        found = _known_person(s, i) or role_at(s, i, out) or _one(org_at(s, i)) or _one(place_at(s, i))
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
    joins = {","} | s.lex.list_joiners
    changed = True
    while changed:
        changed = False
        starts = {f.a: f for f in out if f.label == "PERSON"}
        ends = {f.b: f for f in out if f.label == "PERSON"}
        for a, b in list(loose):
            if len(_words(s, a, b)) < 2 or any(f.a < b and a < f.b for f in out):
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
    attrs: dict[str, str] = {}
    end, complements = _complements(s, end, attrs)
    person, _ = _person_after(s, end, attrs, kind)
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
    """The person named right after a role, optionally after a comma."""
    k = j + 1 if j < s.n and s.toks[j].text == "," else j
    known = _known_person(s, k)
    if known:
        return known[0], known[0].b
    if not s.titled(k) or s.not_name(k) or _head(s, k) or org_at(s, k) or place_at(s, k, False):
        return None, j
    end = _run_end(s, k)
    g = _given_split(s, k, end)
    if g > k:
        attrs.setdefault("org", _text(s, k, g))
        return Found(g, end, "PERSON"), end
    if kind == "profession" and end < s.n and s.toks[end].num and not _person_evidence(s, k, end):
        return None, j  # "relawan Asian Games 2018": a name followed by a number is no person
    # "pelatih Petrokimia, M Hanafiah": an unknown name, a comma, then the person.
    if k == j and end < s.n and s.toks[end].text == "," and not _person_evidence(s, k, end):
        k2 = end + 1
        if s.titled(k2) and not s.not_name(k2) and not _head(s, k2):
            attrs.setdefault("org", _text(s, k, end))
            end2 = _run_end(s, k2)
            return Found(k2, end2, "PERSON"), end2
    return Found(k, end, "PERSON"), end


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
    if any(w in lex.given for w in words) or (len(words) > 1 and words[0] in lex.family_first):
        return True
    if len(words) > 1 and any(
        len(toks[k].text) == 1 and toks[k].word and not (k + 1 < s.n and toks[k + 1].glued and toks[k + 1].text == "-")
        for k in range(a, b)
    ):
        return True  # an initial: "Thalatie K Yani", "M Hanafiah"
    if any(toks[k].low in lex.particles and not toks[k].cap for k in range(a, b)):
        return True
    p = a - 1
    if p >= 0 and toks[p].text == "." and p >= 1:
        p -= 1
    if p >= 0 and (toks[p].low in lex.honorifics or toks[p].low in lex.announcers):
        return True
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


def _given_split(s: Sentence, a: int, b: int) -> int:
    """Start of a person inside a run ("Creative Media Works | Matthew Talbot")."""
    lex = s.lex
    for k in range(a, b):
        low = s.toks[k].low
        if low in lex.given or low in lex.family_first:
            return k if k == a or b - k >= 2 else a
    return a


def run_at(s: Sentence, i: int) -> list[Found] | None:
    if not s.titled(i) or s.not_name(i):
        return None
    end = _run_end(s, i)
    k = _given_split(s, i, end)
    if k > i:
        return [Found(k, end, "PERSON")]
    if _person_evidence(s, i, end):
        return [Found(i, end, "PERSON")]
    ctx = _place_context(s, i)
    if ctx is not None and len(_words(s, i, end)) <= 3:
        attrs = {"kind": ctx} if ctx != "place" else {}
        return [Found(i, end, "PLACE", None, attrs)]
    return None


def _place_context(s: Sentence, i: int) -> str | None:
    for n in (2, 1):
        if i - n >= s.start:
            m = s.lex.place_context.match(s.toks, i - n, i)
            if m and m[0] == i:
                return m[1]
    return None
