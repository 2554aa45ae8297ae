"""The left-to-right chunker that runs the name recognisers (roles.py, persons.py, places.py).

Order at each word: a law's name (left untagged), a person already known in the article, a
role (with the person after it), an organisation, a place, then a capitalised run that
becomes a PERSON with evidence, an ORG before the acronym of its initials, a PLACE after a
place word ("kota X", "di X"), or nothing. Leftover two-word runs listed next to a person,
and one-word names paired with one by "/", are persons too.
"""

from __future__ import annotations

from .context import Found, Sentence
from .lexicon import Lexicon
from .persons import _known_person, _run_end, _words, run_at
from .places import org_at, place_at
from .roles import role_at


def chunk(s: Sentence) -> list[Found]:
    out: list[Found] = []
    loose: list[tuple[int, int]] = []  # capitalised runs left without a label
    role_words = _role_words(s.lex)
    starts = _lexical_starts(s.lex)
    documents, known = s.lex.documents.first, s.known.full.first
    toks, taken, caps = s.toks, s.taken, s.caps
    i = s.start
    while i < s.n:
        t = toks[i]
        low = t.low
        if not t.word or i in taken or not (t.cap or low in role_words):
            i += 1  # only a role may start at a lower-case word
            continue
        doc = document_end(s, i) if low in documents else None
        if doc:
            s.taken.update(range(i, doc))  # a law's name: nothing inside it is tagged
            i = doc
            continue
        # Each recogniser is asked only where its first test can pass: a phrase's first
        # word, an acronym (org_at), a web domain (org_at).
        found = (
            (low in known and _known_person(s, i))
            or (low in role_words and role_at(s, i, out))
            or ((low in starts or caps[i] or "." in t.text) and (_one(org_at(s, i)) or _one(place_at(s, i))))
        )
        if not found and s.titled(i) and not s.not_name(i):
            end = _run_end(s, i)  # the run's end, once for the recogniser and the leftovers
            found = run_at(s, i, end)
            if not found:
                loose.append((i, end))
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


def _lexical_starts(lex: Lexicon) -> set[str]:
    """First words of the phrases org_at and place_at look up (known organisations, their
    head words, places, venues): elsewhere only an acronym or a domain can start one."""
    return lex.derived(
        "lexical_starts",
        lambda lx: {*lx.known_orgs.first, *lx.org_heads.first, *lx.places.first, *lx.venues.first},
    )


def _lists(s: Sentence, out: list[Found], loose: list[tuple[int, int]]) -> list[Found]:
    """Two-word runs listed next to a person are persons: "Eric Bailly, Romelu Lukaku"."""
    joins = s.lex.derived("list_joins", lambda lx: {","} | lx.list_joiners | lx.pair_joiners)
    pairs = s.lex.pair_joiners
    changed = bool(loose)
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


def document_end(s: Sentence, i: int) -> int | None:
    """End of a law's or regulation's name starting at i, with its number and year
    ("Peraturan Menteri Perdagangan Nomor 12 Tahun 2005", "UU No. 31 Tahun 1999")."""
    lex, toks = s.lex, s.toks
    m = lex.documents.match(toks, i) if toks[i].cap and toks[i].low in lex.documents.first else None
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
