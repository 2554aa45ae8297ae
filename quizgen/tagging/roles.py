"""ROLE recogniser: modifiers* head complements* ("mantan Menteri Luar Negeri Rusia",
"Deputy Chief of Transaction Banking CIMB Niaga", "Duta Besar Indonesia untuk Arab Saudi"),
and the person named right after it. attrs: head = title | profession (roles.yaml), org,
country, place, to.
"""

from __future__ import annotations

from .context import Found, Sentence
from .persons import (
    _cap_run,
    _given_split,
    _head,
    _known_person,
    _person_evidence,
    _person_start,
    _run_end,
    _strong_evidence,
    _words,
    role_with_person,
)
from .places import _acronym_after, org_at, place_at


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
    head_end, kind = h
    attrs: dict[str, str] = {"head": kind}
    end, complements = _complements(s, head_end, attrs)
    person, end = _person_after(s, end, attrs, kind)
    if person is not None and not complements and _region_title(s, j, head_end) and (
            len(_words(s, person.a, person.b)) == 1 or _place_inside(s, person.a, person.b)):
        # "Bupati Purwakarta": the region a regional head heads, no person
        end, person = person.b, None
        attrs.setdefault("place", " ".join(s.toks[m].text for m in range(head_end, end)
                                           if s.toks[m].word))
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
        if pl and pl.b < s.n and s.toks[pl.b].low in s.lex.team_tails:
            break  # "pemain Bali United": a club, not the role's place and a person
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
            and not (t.low.startswith(s.lex.role_verb_prefixes) and s.lex.verb_like(t.low))
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
    aside = s.lex.role_asides.match(s.toks, k) if k < s.n and not s.toks[k].cap else None
    if aside and s.titled(aside[0]):
        k = aside[0]  # "Menteri Kesehatan Kanada saat itu | Rona Ambrose"
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
    if _place_inside(s, k, end) and not _strong_evidence(s, k, end):
        return None, j  # "Ketua DPD Golkar Jawa Barat": an organisation and its region
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


def _place_inside(s: Sentence, a: int, b: int) -> bool:
    """A known place name of two or more words inside [a, b) ("Golkar Jawa Barat")."""
    for m in range(a, b):
        pm = s.lex.places.match(s.toks, m)
        if pm and pm[0] <= b and pm[0] - m >= 2:
            return True
    return False


def _region_title(s: Sentence, a: int, b: int) -> bool:
    """The role's head [a, b) heads a region ("Bupati", "Gubernur", "Kapolres": roles.yaml
    `region_titles`), so the capitalised word after it is the region."""
    head = " ".join(s.toks[m].low for m in range(a, b) if s.toks[m].word)
    return head in s.lex.region_titles


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
