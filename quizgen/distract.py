"""Wrong options for multiple-choice items and for false true/false statements.

A wrong option has the answer's type and kind: an entity of the same label and sub-kind
(a country for a country, a city for a city), a number near the right one written the same
way ("lebih dari 10.000" -> "lebih dari 20.000"), a date near the right one at the same
granularity and in the same format ("Sabtu (12/7)" -> "Senin (14/7)"). Entities come first
from the article set (most mentioned first), then from the pack's `distractors` data
(country codes named through Babel/CLDR, cities, role titles). Never a variant, alias or
part of the answer, never a name the question already uses, never a person known only by
one word (`confident`: it may be a tagging slip), never a give-away: an option
in another letter case than the answer, or much longer or shorter, is refused.
All choices come from the `random.Random` passed in, so they follow the seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain

from babel import Locale
from babel.dates import get_day_names, get_month_names

from .digest import digests, role_shape
from .lang import LanguagePack
from .merge import parse_iso
from .model import DATE, ORG, PERSON, PLACE, QUANTITY, ROLE, Corpus, Entity
from .tagging.lexicon import lexicon

POOL_TOP = 8  # choose among this many best-placed pool entries
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d{1,3}(?:([.,\u00a0 ])\d{3})+(?:([.,])\d+)?|\d+(?:([.,])\d+)?")


@dataclass(frozen=True)
class Answer:
    """What distractors are drawn for."""

    text: str  # as shown to the learner
    label: str
    norm: str | None = None
    kind: str | None = None  # PLACE sub-kind etc.
    question: str = ""  # names used here are never options
    attrs: Mapping[str, str] = field(default_factory=dict)  # of the answer span (cldr, country)


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


@lru_cache(maxsize=262144)
def is_variant(a: str, b: str, label: str | None = None) -> bool:
    """True when a and b may name the same thing: equal ignoring case, spaces and
    punctuation, one inside the other ("Jong Un"), most words shared, spelled nearly alike
    ("Sergey" / "Sergei", "Moskow" / "Moskwa"), or, for people, the same last name
    ("Presiden Putin" / "Vladimir Putin"). Roles may share most words ("Menteri Luar
    Negeri Rusia" / "Menteri Pertahanan Rusia")."""
    sa, sb = squash(a), squash(b)
    if not sa or not sb or sa == sb or sa in sb or sb in sa:
        return True
    wa, wb = words(a), words(b)
    if label != ROLE and len(wa & wb) * 2 > min(len(wa), len(wb)):
        return True
    last_a, last_b = _WORD.findall(a.casefold())[-1:], _WORD.findall(b.casefold())[-1:]
    if label == PERSON and last_a == last_b:
        return True
    return _alike(sa, sb)


@lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """Spelled nearly alike: difflib ratio 0.8 or more (its cheap upper bounds first)."""
    if 2 * min(len(a), len(b)) < 0.8 * (len(a) + len(b)):
        return False
    m = SequenceMatcher(None, a, b)
    return m.quick_ratio() >= 0.8 and m.ratio() >= 0.8


@lru_cache(maxsize=65536)
def case_style(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "upper"
    if letters and all(c.islower() for c in letters):
        return "lower"
    return "mixed"


def fits(option: str, answer: str) -> bool:
    """Not a give-away next to the answer: same letter case (and capital or not at the
    start), comparable length."""
    if case_style(option) != case_style(answer) or option[:1].isupper() != answer[:1].isupper():
        return False
    lo, hi = sorted((len(option), len(answer)))
    return hi <= 2 * lo + 4


def _mentioned(name: str, question: str) -> bool:
    """True when every word of `name` is already in the question."""
    w = words(name)
    return bool(w) and w <= words(question)


class NamePool:
    """What entity distractors are drawn from, computed once for an article set: the
    confident entities of each (label, kind), most present first; every name by its
    words (to find the names a question already uses); CLDR codes of entities; the roles
    used as titles, by the kind of complement they have. Built by `name_pool`."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        codes: Mapping[str, str],
        roles: Iterable[tuple[frozenset[str], str]],
    ) -> None:
        self.entities = entities
        self.codes = dict(codes)
        self.roles: dict[frozenset[str], list[str]] = {}
        for shape, name in roles:
            self.roles.setdefault(shape, []).append(name)
        for shape, names in self.roles.items():
            self.roles[shape] = sorted(set(names))
        self.by_type: dict[tuple[str, str | None], list[Entity]] = {}
        self.by_article: dict[tuple[str, str | None, str], list[Entity]] = {}
        self.names_by_word: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
        for e in entities.values():
            if confident(e):
                self.by_type.setdefault((e.label, e.kind), []).append(e)
                for a in e.articles:
                    self.by_article.setdefault((e.label, e.kind, a), []).append(e)
            for n in e.aliases | {e.name}:
                w = words(n)
                for x in w:
                    self.names_by_word.setdefault((e.label, x), []).append((n, w))
        for same in chain(self.by_type.values(), self.by_article.values()):
            same.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))

    def asked(self, label: str, question: str) -> set[str]:
        """Names of entities with this label that the question already uses."""
        q = words(question)
        return {n for x in q for n, w in self.names_by_word.get((label, x), ()) if w <= q}


def corpus_codes(corpus: Corpus) -> dict[str, str]:
    """The CLDR territory code of every entity a mention gives one."""
    return {
        eid: m.cldr
        for d in digests(corpus)
        for m, eid in zip(d.mentions, d.entities)
        if eid and m.cldr
    }


def corpus_roles(corpus: Corpus) -> list[tuple[frozenset[str], str]]:
    """(complement shape, display name) of every role used as a title in the set."""
    ents = corpus.entities
    out = []
    for d in digests(corpus):
        for shape, at in d.titles:
            eid, m = d.entities[at], d.mentions[at]
            out.append((shape, ents[eid].name if eid in ents else (m.canonical or m.text)))
    return out


def name_pool(corpus: Corpus) -> NamePool:
    """The corpus's NamePool, built on first use and kept with the corpus (`derived`)."""
    pool = corpus.derived.get("names")
    if pool is None:
        pool = corpus.derived["names"] = NamePool(
            corpus.entities, corpus_codes(corpus), corpus_roles(corpus)
        )
    return pool


def _role_names(answer: Answer, pool: NamePool, pack: LanguagePack) -> tuple[list[str], list[str]]:
    """Roles of the article set used as titles, with the same kind of complement (a
    country, a place...), and the pack's role titles, given the answer's country."""
    shape = role_shape(answer.attrs)
    complements = {k for k in shape if not k.startswith("head=")}
    titles = list((pack.data("distractors", {}) or {}).get("roles", []))
    if "head=profession" in shape:
        titles = []  # the pack's titles are offices
    names = [n for n in pool.roles.get(shape, []) if len(_WORD.findall(n)) >= 2]  # not "Kepala"
    field_ = _role_field(answer.text, pack)
    if field_:  # a keeper's wrong options are other sports roles, not a politician's
        names = [n for n in names if _role_field(n, pack) in (field_, None)]
    if complements == {"country"}:
        country = Locale.parse(pack.code).territories.get(answer.attrs["country"])
        titles = [f"{t} {country}" for t in titles] if country else []
    elif complements:
        titles = []
    if field_:
        titles = [t for t in titles if _role_field(t, pack) in (field_, None)]
    return names, titles


@lru_cache(maxsize=4096)
def _role_field(name: str, pack: LanguagePack) -> str | None:
    """The field of a role (distractors.yaml `role_fields`: sport, arts, law, ...) by the
    first of its words that names one ("Kiper veteran Italia" -> sport), or None."""
    fields = (pack.data("distractors", {}) or {}).get("role_fields") or {}
    by_word = _field_words(pack, tuple(fields))
    for w in _WORD.findall(name.casefold()):
        if w in by_word:
            return by_word[w]
    return None


@lru_cache(maxsize=8)
def _field_words(pack: LanguagePack, _keys: tuple[str, ...]) -> dict[str, str]:
    fields = (pack.data("distractors", {}) or {}).get("role_fields") or {}
    return {str(w).casefold(): str(f) for f, ws in fields.items() for w in ws}


def _related_articles(pool: NamePool, home: Iterable[str]) -> set[str]:
    """The articles that share a person or an organisation with the `home` articles: the
    same story told elsewhere, or the same club, party or company."""
    index = pool.__dict__.setdefault("_article_entities", {})
    if not index:
        for e in pool.entities.values():
            if e.label in (PERSON, ORG):
                for a in e.articles:
                    index.setdefault(a, set()).add(e.id)
    shared = set().union(*(index.get(a, set()) for a in home))
    return {a for a, ids in index.items() if ids & shared}


def _people_only(names: Iterable[str], pool: NamePool, pack: LanguagePack) -> Iterable[str]:
    """Names that are a person's: not a form of address ("Pak Jokowi", "Om Rudi"), not only
    common words ("Peranti Lunak", "Bantuan Hukum"), not the name of an organisation or a
    place of the article set ("Semen Padang", "Manchester City")."""
    address, plain, org_words = _person_words(pack)
    others = pool.__dict__.setdefault("_non_person_names", set())
    if not others:
        others.update(n.casefold() for e in pool.entities.values() if e.label in (ORG, PLACE)
                      for n in e.aliases | {e.name})
        others.add("\x00")
    for n in names:
        ws = [w.casefold().rstrip(".") for w in _WORD.findall(n)]
        if (not ws or ws[0] in address or all(w in plain for w in ws) or n.casefold() in others
                or any(w in org_words for w in ws)):
            continue
        yield n


@lru_cache(maxsize=8)
def _provinces(pack: LanguagePack) -> frozenset[str]:
    """The pack's provinces (places.yaml `provinces`), case-folded."""
    return frozenset(str(p).casefold() for p in (pack.data("places") or {}).get("provinces", []))


@lru_cache(maxsize=8)
def _person_words(pack: LanguagePack) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Forms of address, plain words, and the one-word heads and tails of organisation names
    (orgs.yaml `heads`, `tails`, `team_tails`, `context` and distractors.yaml
    `not_person_words`): a name with one of these is no person's ("Tim AFLoader", "New York
    Times", "Beach Club")."""
    names = pack.data("names") or {}
    extra = pack.data("distractors", {}) or {}
    orgs = pack.data("orgs") or {}
    address = {str(w).lower() for w in [*names.get("honorifics", []),
                                        *extra.get("forms_of_address", [])]}
    lex = lexicon(pack)
    plain = set(lex.function) | set(lex.common)
    org_words = {str(w).lower() for key in ("heads", "tails", "team_tails", "context")
                 for w in orgs.get(key, []) if " " not in str(w)}
    org_words |= {str(w).lower() for w in extra.get("not_person_words", [])}
    # a role's word inside a "name" is a role and a name run together ("Dennis Adhiswara
    # Wasekjen Wanda Hamidah")
    roles = pack.data("roles") or {}
    org_words |= {str(w).lower() for key in ("titles", "professions") for w in roles.get(key, [])
                  if " " not in str(w)}
    org_words |= {str(w).lower() for w in (roles.get("abbreviations") or {})}
    return frozenset(address), frozenset(plain), frozenset(org_words)


def confident(entity: Entity) -> bool:
    """True if an entity is surely what its label says: a person needs a name of two words
    or more among its spellings ("Vladimir Putin"); a lone capitalised word ("Barat" in
    "sumber intelijen Barat") may be a tagging slip, and a wrong option must be a person."""
    if entity.label != PERSON:
        return True
    return any(len(_WORD.findall(n)) >= 2 for n in entity.aliases | {entity.name})


def _entity_pool(answer: Answer, pool: NamePool, pack: LanguagePack) -> list[list[str]]:
    """Three tiers of names, each cut at POOL_TOP: from the answer's own articles, from
    the rest of the article set (most present first), from language data. Names from the
    answer's story come first: in a set of unrelated articles, a footballer is not a
    plausible wrong answer about a police case."""
    taboo = {answer.text}
    ent = pool.entities.get(answer.norm or "")
    kind = ent.kind if ent else answer.kind
    code = answer.attrs.get("cldr")
    if ent:
        taboo |= {ent.name, *ent.aliases}
        code = code or pool.codes.get(ent.id)
    home = sorted(ent.articles) if ent else []

    def usable(es: Iterable[Entity]) -> Iterable[str]:
        return (e.name for e in es
                if e.id != answer.norm and not (code and pool.codes.get(e.id) == code))

    near = usable(chain.from_iterable(pool.by_article.get((answer.label, kind, a), ())
                                      for a in home))
    same_type: Iterable[Entity] = pool.by_type.get((answer.label, kind), ())
    if answer.label == PERSON:
        # people of unrelated stories are no plausible wrong answer (a minister offered
        # for a goal), and names the tagger took for people are no people at all
        related = _related_articles(pool, home)
        same_type = (e for e in same_type if not home or e.articles & related)
    same = usable(same_type)
    if answer.label == PERSON:
        near, same = (_people_only(names, pool, pack) for names in (near, same))
    if answer.label == PLACE:
        # a province is a wrong option only for a province: "Jawa Barat" for "Kota
        # Sukabumi" may hold the answer, and a statement with it would be true
        provinces = _provinces(pack)
        if answer.text.casefold() not in provinces and not (ent and ent.name.casefold() in provinces):
            near, same = ((n for n in names if n.casefold() not in provinces)
                          for names in (near, same))
    taboo |= pool.asked(answer.label, answer.question)
    names: Iterable[str] = same  # lazily: the tier stops at POOL_TOP names
    data: list[str] = []
    extra = pack.data("distractors", {}) or {}
    if answer.label == ROLE:
        names, data = _role_names(answer, pool, pack)
    elif answer.label == PLACE and kind == "country":
        territories = Locale.parse(pack.code).territories
        data = [territories[c] for c in extra.get("countries", []) if c in territories and c != code]
    elif answer.label == PLACE and kind == "city":
        abroad = list(extra.get("cities", []))
        home = list(extra.get("home_cities", []))
        answer_abroad = answer.text in abroad or (ent is not None and ent.name in abroad)
        data = abroad if answer_abroad else home
        other_side = set(home if answer_abroad else abroad)
        names = (n for n in names if n not in other_side)
    tiers: list[list[str]] = []
    seen: list[str] = []
    label = answer.label
    if answer.label == ROLE:
        near = iter(())
    for tier in (near, names, data):
        out: list[str] = []
        for n in tier:
            if _mentioned(n, answer.question) or not fits(n, answer.text):
                continue
            if any(is_variant(n, t, label) for t in taboo) or any(
                is_variant(n, o, label) for o in seen
            ):
                continue
            out.append(n)
            seen.append(n)
            if len(out) == POOL_TOP:
                break
        tiers.append(out)
    return tiers


def _sig_round(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    from math import floor, log10

    return round(x, sig - 1 - int(floor(log10(abs(x)))))


def _format_like(value: float, token: str, group: str | None, decimal: str | None) -> str:
    decimals = len(token.rsplit(decimal, 1)[1]) if decimal and decimal in token else 0
    text = f"{value:,.{decimals}f}"
    int_part, _, frac = text.partition(".")
    int_part = int_part.replace(",", group or "")
    return int_part + (f"{decimal}{frac}" if frac else "")


def number_options(text: str) -> tuple[list[str], list[str]]:
    """Texts like `text` with its number moved to plausible nearby values: (smaller ones,
    larger ones), nearest first."""
    m = _NUMBER.search(text)
    if not m:
        return [], []
    token = m[0]
    group = m[1]
    decimal = m[2] or m[3]
    if group and not decimal and group in ".," and len(token.split(group)[-1]) != 3:
        return [], []
    raw = token.replace(group, "") if group else token
    value = float(raw.replace(decimal, ".")) if decimal else float(raw)
    if value >= 10:
        digits = squash(str(int(value))).rstrip("0") or "0"
        sig = max(1, len(digits))
        below = [_sig_round(value * f, sig) for f in (0.75, 0.5, 0.25)]
        above = [_sig_round(value * f, sig) for f in (1.25, 1.5, 2, 3, 4)]
    else:
        below = [value - d for d in (1, 2, 3)]
        above = [value + d for d in (1, 2, 3)]

    def texts(values: list[float]) -> list[str]:
        out = [
            text[: m.start()] + _format_like(v, token, group, decimal) + text[m.end() :]
            for v in values
            if v > 0 and v != value
        ]
        return list(dict.fromkeys(out))

    return texts(below), texts(above)


def _shift_month(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def date_options(text: str, norm: str | None, locale: str) -> tuple[list[str], list[str]]:
    """Texts like `text` naming nearby dates at the same granularity: (earlier ones, later
    ones), nearest first; empty when the text's parts (day, month, year, weekday) cannot
    all be found."""
    iv = parse_iso(norm)
    if iv is None or not norm:
        return [], []
    day = iv[0]
    gran = {10: "day", 7: "month", 4: "year"}[len(norm)]

    def shifted(k: int) -> date:
        if gran == "day":
            return day + timedelta(days=k)
        if gran == "month":
            return _shift_month(day, k)
        return date(day.year + k, 1, 1)

    steps = (1, 2, 3, 7) if gran == "day" else (1, 2, 3)

    def texts(sign: int) -> list[str]:
        out = [_render_date(text, day, shifted(sign * k), gran, locale) for k in steps]
        return list(dict.fromkeys(o for o in out if o and o != text))

    return texts(-1), texts(1)


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like.islower():
        return word.lower()
    return word[:1].upper() + word[1:]


def _like(value: int, written: str) -> str:
    """`value` written as `written` is: zero-padded only if that was ("09", but "9")."""
    return str(value).zfill(len(written)) if written.startswith("0") else str(value)


@lru_cache(maxsize=16)
def _calendar_names(locale: str) -> tuple[list[tuple[str, str, int]], dict[str, dict[int, str]]]:
    """(kind, name, number) of every month and weekday name, and the names by width."""
    months = {w: dict(get_month_names(w, locale=locale)) for w in ("wide", "abbreviated")}
    days = dict(get_day_names("wide", locale=locale))
    names = [("month", n, k) for w in ("wide", "abbreviated") for k, n in months[w].items()]
    names += [("weekday", n, k) for k, n in days.items()]
    return names, {**months, "weekday": days}


def _render_date(text: str, old: date, new: date, gran: str, locale: str) -> str | None:
    names, by_width = _calendar_names(locale)
    found = {"day": False, "month": False, "year": False}

    def word(m: re.Match[str]) -> str:
        w = m[0]
        for kind, name, num in names:
            if w.casefold() == name.casefold():
                if kind == "month" and num == old.month:
                    found["month"] = True
                    new_name = by_width["wide" if len(w) > 3 else "abbreviated"][new.month]
                    return _same_case(new_name, w)
                if kind == "weekday" and num == old.weekday() and gran == "day":
                    return _same_case(by_width["weekday"][new.weekday()], w)
        return w

    def numeric(m: re.Match[str]) -> str:
        parts = m[0].split(m[2]) if m[2] else [m[0]]
        if len(parts) >= 2 and gran == "day" and int(parts[0]) == old.day and int(parts[1]) == old.month:
            found["day"] = found["month"] = True
            vals = [new.day, new.month] + ([new.year] if len(parts) == 3 else [])
            if len(parts) == 3:
                found["year"] = int(parts[2]) == old.year
            return m[2].join(_like(v, p) for v, p in zip(vals, parts, strict=True))
        if len(parts) == 1 and len(m[0]) == 4 and int(m[0]) == old.year:
            found["year"] = True
            return str(new.year)
        if len(parts) == 1 and gran == "day" and int(m[0]) == old.day and not found["day"]:
            found["day"] = True
            return _like(new.day, m[0])
        return m[0]

    out = re.sub(r"(\d+)(?:([/.-])\d+(?:[/.-]\d+)?)?", numeric, text)
    out = re.sub(r"[^\W\d_]+", word, out)
    needed = {"day": ["day", "month"], "month": ["month"], "year": ["year"]}[gran]
    if not all(found[k] for k in needed):
        return None
    if new.year != old.year and not found["year"] and gran != "year":
        return None
    return out


def _around(below: list[str], above: list[str], rng: random.Random, n: int) -> list[str]:
    """n options split between smaller and larger values, the split drawn at random so the
    right answer is not always the middle one."""
    splits = [k for k in range(n + 1) if k <= len(below) and n - k <= len(above)]
    if not splits:
        return (below + above)[:n] if len(below) + len(above) < n else []
    k = rng.choice(splits)
    return below[:k] + above[: n - k]


def distractors(
    answer: Answer, corpus: Corpus, pack: LanguagePack, rng: random.Random, n: int = 3,
    *, own_story: bool = False,
) -> list[str]:
    """Up to n wrong options for `answer` (fewer when not enough good ones exist).
    `own_story`: names only from the answer's own articles (no names from other stories
    nor from language data)."""
    if answer.label in (PERSON, PLACE, ORG, ROLE):
        picked: list[str] = []
        tiers = _entity_pool(answer, name_pool(corpus), pack)  # each at most POOL_TOP
        for tier in tiers[:1] if own_story else tiers:
            picked += rng.sample(tier, min(n - len(picked), len(tier)))
        return picked
    if answer.label == QUANTITY:
        below, above = number_options(answer.text)
    elif answer.label == DATE:
        if answer.attrs.get("until"):
            return []  # a range ("11-13 Agustus"): single days would give themselves away
        below, above = date_options(answer.text, answer.norm, pack.code)
    else:
        return []
    below = [o for o in below if fits(o, answer.text)]
    above = [o for o in above if fits(o, answer.text)]
    return _around(below, above, rng, n)
