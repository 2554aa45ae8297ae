"""The language data the tagger needs, read once per language pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import babel

from .tokens import Tok, phrase_key

V = TypeVar("V")


@dataclass
class Phrases(Generic[V]):
    """Multi-word phrases keyed by their lower-case tokens, matched longest first."""

    table: dict[tuple[str, ...], V] = field(default_factory=dict)
    longest: int = 0
    first: dict[str, int] = field(default_factory=dict)  # first word -> longest phrase length
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> lengths, longest first

    def add(self, text: str, value: V) -> None:
        key = phrase_key(text)
        if key and key not in self.table:
            self.table[key] = value
            self.longest = max(self.longest, len(key))
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
            self.lengths[key[0]] = tuple(sorted({*self.lengths.get(key[0], ()), len(key)}, reverse=True))

    def match(self, toks: list[Tok], i: int, stop: int | None = None) -> tuple[int, V] | None:
        """(end index, value) of the longest phrase starting at toks[i], or None."""
        if i >= len(toks) or i < 0:
            return None
        lengths = self.lengths.get(toks[i].low)
        if lengths is None:
            return None
        room = (len(toks) if stop is None else stop) - i
        table = self.table
        for n in lengths:
            if n <= room:
                key = (toks[i].low,) if n == 1 else tuple([t.low for t in toks[i : i + n]])
                if key in table:
                    return i + n, table[key]
        return None


@dataclass
class Place:
    name: str  # canonical display name
    kind: str  # country | city | region
    code: str | None = None  # CLDR territory code for countries and world regions
    level: str | None = None  # for a region: "province" when places.yaml lists it so


def _lows(items: Any) -> set[str]:
    return {str(x).lower() for x in items or []}


class Lexicon:
    """Everything the recognisers look up, built from a LanguagePack's YAML data."""

    def __init__(self, pack: Any) -> None:
        words = pack.data("words")
        self.common = _lows(words.get("common")) | _lows(words.get("function"))
        self.function = _lows(words.get("function"))

        names = pack.data("names")
        self.honorifics = _lows(names.get("honorifics"))
        self.name_titles = _lows(names.get("name_titles"))
        self.pair_joiners = {str(x) for x in names.get("pair_joiners") or []}
        self.particles = _lows(names.get("particles"))
        self.announcers = _lows(names.get("announcers"))
        self.region_titles = _lows((pack.data("roles") or {}).get("region_titles"))
        self.work_words = _lows(names.get("work_words"))
        self.verb_endings = tuple(_lows(names.get("headline_verb_endings")))
        self.given = _lows(names.get("given"))
        self.family_first = _lows(names.get("family_first"))
        self.list_joiners = _lows(names.get("list_joiners"))

        roles = pack.data("roles")
        self.titles: Phrases[str] = Phrases()
        self.professions: Phrases[str] = Phrases()
        for t in roles.get("titles") or []:
            self.titles.add(str(t), "title")
        for t in roles.get("professions") or []:
            self.professions.add(str(t), "profession")
        self.modifiers: Phrases[bool] = Phrases()
        for t in roles.get("modifiers") or []:
            self.modifiers.add(str(t), True)
        self.portfolios: Phrases[bool] = Phrases()
        for t in roles.get("portfolios") or []:
            self.portfolios.add(str(t), True)
        self.role_abbrev = {str(k).lower(): str(v) for k, v in (roles.get("abbreviations") or {}).items()}
        self.role_links = _lows(roles.get("links"))
        self.unit_links = _lows(roles.get("unit_links"))
        self.role_verb_prefixes = tuple(_lows(roles.get("verb_prefixes")))
        self.role_asides: Phrases[bool] = Phrases()
        for t in roles.get("asides") or []:
            self.role_asides.add(str(t), True)

        self.places: Phrases[Place] = Phrases()
        self._load_places(pack)

        orgs = pack.data("orgs")
        self.known_orgs: Phrases[str] = Phrases()
        for t in orgs.get("known") or []:
            self.known_orgs.add(str(t), str(t))
        self.org_heads: Phrases[bool] = Phrases()
        for t in orgs.get("heads") or []:
            self.org_heads.add(str(t), True)
        self.org_joiners = _lows(orgs.get("joiners"))
        self.not_orgs = {str(x) for x in orgs.get("not_orgs") or []}
        self.domains = tuple("." + d for d in _lows(orgs.get("domains")))
        self.org_tails = _lows(orgs.get("tails"))
        self.team_tails = _lows(orgs.get("team_tails"))
        # org heads written in capitals ("PT Merial Esa"): a head, not an acronym
        self.capital_org_heads = {str(w) for w in (orgs.get("capital_heads") or [])}
        self.org_context: Phrases[bool] = Phrases()
        for t in orgs.get("context") or []:
            self.org_context.add(str(t), True)
        self.org_acronyms = {str(k): str(v) for k, v in (orgs.get("acronyms") or {}).items()}
        self.documents: Phrases[bool] = Phrases()
        for t in orgs.get("documents") or []:
            self.documents.add(str(t), True)
        self.document_numbers = _lows(orgs.get("document_numbers"))
        self.document_years = _lows(orgs.get("document_years"))

        self.quantities = pack.data("quantities")
        self.quotes = pack.data("quotes")
        self.document_about = _lows(orgs.get("document_about"))
        # Verbs after a quote that only a person is the subject of ("kata X", "ujar X").
        self.speech_verbs = _lows(self.quotes.get("person_verbs"))

        verbs = pack.data("verbs", {}) or {}  # shared with simplify.py: read only
        self._verb_prefixes = tuple(_lows(verbs.get("prefixes")))
        self._verb_min = int(verbs.get("min_length") or 5)
        self._not_verbs = _lows(verbs.get("not_verbs"))
        self._verbs = _lows(verbs.get("bare_verbs")) | _lows(verbs.get("ke_verbs"))
        self._derived: dict[str, Any] = {}

    def verb_like(self, word: str) -> bool:
        """A lower-case word that looks like a verb (verbs.yaml: prefixes and exceptions)."""
        if word in self._verbs:
            return True
        return (
            len(word) >= self._verb_min
            and word.startswith(self._verb_prefixes)
            and word not in self._not_verbs
        )

    def derived(self, name: str, build: Callable[[Lexicon], V]) -> V:
        """A structure a recogniser builds from this data, built once per language pack."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[no-any-return]

    def _load_places(self, pack: Any) -> None:
        data = pack.data("places")
        territories = babel.Locale.parse(pack.code).territories
        # Aliases first so that a data file can override a CLDR spelling.
        for code, aliases in (data.get("country_aliases") or {}).items():
            name = territories.get(str(code), str(code))
            for alias in aliases or []:
                self.places.add(str(alias), Place(name, "country", str(code)))
        for code, name in territories.items():
            kind = "region" if code.isdigit() else "country"
            if code.isdigit() or len(code) == 2:
                self.places.add(name, Place(name, kind, code))
        for name, variants in (data.get("cities") or {}).items():
            place = Place(str(name), "city")
            self.places.add(str(name), place)
            for v in variants or []:
                self.places.add(str(v), place)
        for name in data.get("regions") or []:
            self.places.add(str(name), Place(str(name), "region"))
        for name in data.get("provinces") or []:
            self.places.add(str(name), Place(str(name), "region", level="province"))
        self.directions = {str(x) for x in data.get("directions") or []}
        self.place_context: Phrases[str] = Phrases()
        for kind, words in (data.get("context") or {}).items():
            for w in words or []:
                self.place_context.add(str(w), str(kind))
        self.venues: Phrases[str] = Phrases()
        for w in data.get("venues") or []:
            self.venues.add(str(w), "venue")
        for w in data.get("landforms") or []:
            self.venues.add(str(w), "landform")


_CACHE: dict[str, Lexicon] = {}


def lexicon(pack: Any) -> Lexicon:
    key = str(getattr(pack, "root", pack.code))
    if key not in _CACHE:
        _CACHE[key] = Lexicon(pack)
    return _CACHE[key]
