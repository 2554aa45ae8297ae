"""PLACE and ORG recognisers: gazetteer places, venues, organisation names and acronyms."""

from __future__ import annotations

from .context import Found, Sentence
from .lexicon import Lexicon, Place


def place_at(s: Sentence, i: int, standalone: bool = True) -> Found | None:
    """A known place or a named venue starting at token i."""
    if not s.word(i) or not s.toks[i].cap:
        return None
    m = s.lex.places.match(s.toks, i)
    if m:
        end, place = m
        if any(k in s.taken for k in range(i, end)):
            return None
        if end < s.n and s.toks[end].text in s.lex.directions and place.kind != "country":
            end += 1  # "Jakarta Selatan"
        if standalone and place.kind != "country" and _inside_name(s, i, end):
            return None  # "Manchester United", "Vita Solo": part of a longer name
        found = _place_found(i, end, place)
        ctx = _context_kind(s, i)
        if ctx and place.kind != "country":
            found.attrs["kind"] = ctx  # "wilayah Kursk": the text names the kind
        return found
    v = s.lex.venues.match(s.toks, i)
    if v:
        end = _name_tail(s, v[0])
        if end > v[0]:
            return Found(i, end, "PLACE", None, {"kind": v[1]})  # a venue or a landform
    return None


def _context_kind(s: Sentence, i: int) -> str | None:
    """The kind named by a place word right before i ("kota", "wilayah"), if any."""
    if i - 1 < s.start or s.toks[i - 1].low not in context_ends(s.lex):
        return None  # no place word ends right before i
    for n in (2, 1):
        if i - n >= s.start:
            m = s.lex.place_context.match(s.toks, i - n, i)
            if m and m[0] == i and m[1] in ("city", "region"):
                return m[1]
    return None


def context_ends(lex: Lexicon) -> set[str]:
    """Last words of the place words of places.yaml ("kota", "di", "wilayah")."""
    return lex.derived("place_context_ends", lambda lx: {key[-1] for key in lx.place_context.table})


def _place_found(a: int, b: int, place: Place) -> Found:
    attrs = {"kind": place.kind, "canonical": place.name}
    if place.code:
        attrs["cldr"] = place.code
    if place.level:
        attrs["level"] = place.level
    return Found(a, b, "PLACE", place.code if place.kind == "country" else place.name, attrs)


def _inside_name(s: Sentence, a: int, b: int) -> bool:
    before = a - 1 >= s.start and s.titled(a - 1) and not s.not_name(a - 1)
    after = s.titled(b) and not s.lex.places.match(s.toks, b) and not s.not_name(b)
    return before or after


def _name_tail(s: Sentence, j: int, limit: int = 5) -> int:
    """End of the capitalised words (acronyms, joined by hyphens or particles) from j."""
    end = j
    while end < s.n and end - j < limit:
        t = s.toks[end]
        if s.word(end) and t.cap and not s.not_name(end):
            pm = s.lex.places.match(s.toks, end) if end > j else None
            if pm and pm[1].kind == "country":
                break  # "Kosmodrom Vostochny | Rusia"
            end += 1
        elif t.text == "-" and end > j and s.word(end + 1) and s.toks[end + 1].cap:
            end += 1
        elif t.low in s.lex.particles and end + 1 < s.n and s.titled(end + 1):
            end += 1
        elif t.num and end > j and not t.glued:
            end += 1  # "Asian Games 2018"
        else:
            break
    while end > j and not s.toks[end - 1].word and not s.toks[end - 1].num:
        end -= 1
    return end


def _acronym_after(s: Sentence, j: int) -> tuple[int, str | None]:
    """Skip a bracketed acronym "(KPK)" at j; returns (new j, acronym)."""
    if j + 2 < s.n and s.toks[j].text == "(" and s.toks[j + 2].text == ")":
        inner = s.toks[j + 1]
        if inner.word and inner.cap and len(inner.text) <= 10 and not inner.low in s.lex.common:
            return j + 3, inner.text
    return j, None


def org_at(s: Sentence, i: int) -> Found | None:
    """An organisation starting at token i: a known name, a head + name, an acronym, a site."""
    if not s.word(i):
        return None
    t = s.toks[i]
    m = s.lex.known_orgs.match(s.toks, i)
    if m and t.cap and not (s.initial(i) and s.ordinary(i)):
        end, acr = _acronym_after(s, m[0])
        return _org(i, end, acr)
    h = s.lex.org_heads.match(s.toks, i)
    if h and t.cap and (not s.caps[i] or t.text in s.lex.capital_org_heads):
        end = _org_name(s, h[0])
        if end > h[0]:
            end, acr = _acronym_after(s, end)
            return _org(i, end, acr)
    if s.caps[i] and _is_acronym(s, i):
        end = i + 1
        while end < s.n and s.caps[end] and _is_acronym(s, end):
            end += 1
        if end == i + 1 and s.titled(end) and s.toks[end].low in s.lex.org_tails:
            return _org(i, end + 1, t.text)  # "AP News"
        return _org(i, end, None)
    if t.cap and "." in t.text and t.low.endswith(s.lex.domains):
        return _org(i, i + 1, None)
    return None


def _org(a: int, b: int, acronym: str | None) -> Found:
    return Found(a, b, "ORG", None, {"acronym": acronym} if acronym else {})


def _is_acronym(s: Sentence, i: int) -> bool:
    t = s.toks[i]
    if t.text in s.lex.not_orgs or t.low in s.lex.common or "." in t.text:
        return False
    return not s.lex.places.match(s.toks, i)


def _org_name(s: Sentence, j: int) -> int:
    """End of an organisation's name after its head word."""
    from .persons import _person_start, role_with_person  # persons imports this module

    end = j
    while end < s.n:
        t = s.toks[end]
        if end > j and t.cap and role_with_person(s, end):
            break  # "Polda Metro Jaya | Komisaris Besar Raden Prabowo": a role and its person
        if s.word(end) and t.cap and not s.not_name(end):
            pm = None if s.caps[end] else s.lex.places.match(s.toks, end)
            stop = bool(s.caps[end] or pm)
            end = pm[0] if pm else end + 1
            if stop and _person_follows(s, end):
                break  # "Biro Humas KPK | Yuyuk Andriati"
        elif t.num and end > j and not t.glued:
            end += 1
        elif t.low in s.lex.org_joiners and end > j and s.titled(end + 1):
            end += 1
        elif t.text == "-" and t.glued and s.word(end + 1):
            end += 1
        else:
            break
    while end > j and (
        not (s.toks[end - 1].word or s.toks[end - 1].num) or s.toks[end - 1].low in s.lex.org_joiners
    ):
        end -= 1
    if end - j >= 3:  # "Partai Golkar | Charles Jones Mesang", "Fraksi Hanura | Miryam S Haryani"
        k = _person_start(s, j, end)
        if k is not None:
            end = k
    return end


def _person_follows(s: Sentence, j: int) -> bool:
    """Two or more capitalised words at j: a person's name rather than more of a name."""
    k = j
    while k < s.n and s.titled(k) and not s.not_name(k):
        k += 1
    return k - j >= 2 and not s.lex.places.match(s.toks, j)
