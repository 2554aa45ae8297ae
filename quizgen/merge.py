"""Merging across sources: one group per fact, all its sources kept; events kept apart.

Every candidate belongs to an *event*, named by the month of the event's first known day
("2025-07"), or "undated". The rule:

1. Each article gets an event date: its published date; else the latest specific day it
   mentions (a DATE of day granularity: news names the day things happened, while month
   and year mentions are mostly background); else the date of the dated article it shares
   the most rare entities with (entities weighted by log(N / articles naming them), so
   names present everywhere count for nothing), as long as that date is not earlier than
   a date the article mentions; else the latest date it mentions at all. Only names
   found in at most MATCH_DF articles count (an index from names to dated articles keeps
   this linear in the number of articles).
2. Article dates within EVENT_GAP_DAYS of each other (chained) form one event.
3. A candidate takes its article's event, unless its sentence names a date outside that
   event's window: then it is about that other time, and takes the event whose window
   meets the date (or the date's own month or year when no article covers it).

Candidates with the same template, fact key, answer and event form one FactGroup
(near-duplicate groups are then folded: quizgen/fold.py).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .digest import digests
from .model import DATE, Candidate, Corpus, Source
from .rank import wording_key

EVENT_GAP_DAYS = 7
UNDATED = "undated"
# An undated article's dated partner is weighed by the names they share that appear in at
# most this many articles: rare names are what the weight rewards, and a name in every
# article would make the search quadratic in the size of the set.
MATCH_DF = 200
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso(norm: str | None) -> tuple[date, date] | None:
    """The interval of days an ISO date of any granularity covers, or None."""
    m = _ISO.match(norm or "")
    if not m:
        return None
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = date(y, int(mo), int(d))
            return day, day
        if mo:
            first = date(y, int(mo), 1)
            nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def article_dates(corpus: Corpus) -> dict[str, date | None]:
    """The event date of every article (rule 1 of the module docstring); computed once
    per linked corpus (display names and events both ask)."""
    if "article_dates" not in corpus.derived:
        corpus.derived["article_dates"] = _article_dates(corpus)
    return corpus.derived["article_dates"]


def _article_dates(corpus: Corpus) -> dict[str, date | None]:
    found = digests(corpus)
    mentions = {d.info.id: [iv for norm in d.dates if (iv := parse_iso(norm))] for d in found}
    dates: dict[str, date | None] = {}
    for d in found:
        days = [lo for lo, hi in mentions[d.info.id] if lo == hi]
        published = d.info.published
        dates[d.info.id] = date.fromisoformat(published[:10]) if published else (max(days) if days else None)
    ents = {d.info.id: {e for e in d.entities if e in corpus.entities} for d in found}
    n = len(found)
    df: dict[str, int] = defaultdict(int)
    for s in ents.values():
        for e in s:
            df[e] += 1
    anchored = {k: v for k, v in dates.items() if v is not None}
    holders: dict[str, list[str]] = defaultdict(list)  # entity -> dated articles naming it
    for k in sorted(anchored):
        for e in ents[k]:
            if df[e] <= MATCH_DF:
                holders[e].append(k)
    for d in found:
        aid = d.info.id
        if dates[aid] is not None:
            continue
        floor = max((lo for lo, _ in mentions[aid]), default=None)
        weight: dict[str, float] = defaultdict(float)
        for e in sorted(ents[aid]):  # one order of terms: equal sets give equal sums
            share = math.log(n / df[e])
            for other in holders.get(e, ()):
                weight[other] += share
        best: tuple[float, str] | None = None
        for other in sorted(weight):
            if floor and anchored[other] < floor:
                continue
            if weight[other] > 0 and (best is None or weight[other] > best[0]):
                best = (weight[other], other)
        if best:
            dates[aid] = anchored[best[1]]
        elif mentions[aid]:
            dates[aid] = max(hi for _, hi in mentions[aid])
    return dates


@dataclass(frozen=True)
class Event:
    key: str  # "YYYY-MM" of its first day
    start: date
    end: date


class EventIndex:
    """Which event each candidate is about (rules 2 and 3 of the module docstring)."""

    def __init__(self, corpus: Corpus) -> None:
        self.dates = article_dates(corpus)
        days = sorted({d for d in self.dates.values() if d is not None})
        self.events: list[Event] = []
        for d in days:
            last = self.events[-1] if self.events else None
            if last and (d - last.end).days <= EVENT_GAP_DAYS:
                self.events[-1] = Event(last.key, last.start, d)
            else:
                self.events.append(Event(d.strftime("%Y-%m"), d, d))

    def of_day(self, day: date | None) -> Event | None:
        if day is None:
            return None
        return next((e for e in self.events if e.start <= day <= e.end), None)

    def _window(self, ev: Event) -> tuple[date, date]:
        gap = timedelta(days=EVENT_GAP_DAYS)
        return ev.start - gap, ev.end + gap

    def key(self, candidate: Candidate) -> str:
        """The event of a candidate, from its article's date and the dates its sentence
        (`origin`) names."""
        home = self.of_day(self.dates.get(candidate.article))
        spans = candidate.origin.spans if candidate.origin else []
        for sp in sorted(spans, key=lambda s: s.start):
            iv = parse_iso(sp.norm) if sp.label == DATE else None
            if iv is None:
                continue
            lo, hi = iv
            if home:
                wlo, whi = self._window(home)
                if lo <= whi and hi >= wlo:
                    continue
            other = next(
                (e for e in self.events if lo <= self._window(e)[1] and hi >= self._window(e)[0]),
                None,
            )
            if other:
                return other.key
            return sp.norm[:7] if lo.month == hi.month else sp.norm[:4]
        return home.key if home else UNDATED


SourceKey = tuple[str, int, int, int]  # article, sentence, answer start and end


@dataclass
class FactGroup:
    """One fact: its best-worded candidate and the sources of every candidate that states
    it. Candidates are added one at a time (`add`), so a large set need not keep them all:
    only the best, and of every one its wording key and source, which order the sources
    once all are in (`settle`)."""

    template: str
    fact: str
    answer_key: str
    event: str
    score: float = 0.0
    best: Candidate | None = field(default=None, repr=False)
    # (*rank.wording_key, n, answer end) of every candidate added: its order and source
    _heard: list[tuple] = field(default_factory=list, repr=False)
    _sources: list[SourceKey] = field(default_factory=list, repr=False)  # settled, then joined
    _made: list[Source] | None = field(default=None, repr=False)
    joined: bool = field(default=False, repr=False)  # took a twin's sources

    def add(self, candidate: Candidate, n: int, same: dict | None = None) -> None:
        """The n-th candidate of the set that states this fact. `same` keeps one copy of
        equal texts across groups (questions and article ids repeat)."""
        key = wording_key(candidate)
        if same is not None:
            key = tuple(same.setdefault(x, x) if isinstance(x, str) else x for x in key)
        entry = (*key, n, candidate.answer_end)
        if self.best is None or entry < self._heard[0]:
            self.best = candidate
            self._heard.insert(0, entry)
        else:
            self._heard.append(entry)

    def settle(self) -> None:
        """Sources in order: the best-worded candidate's first (rank.wording_key), then by
        the order the candidates came in."""
        self._heard.sort()
        # wording_key is (quality, sentence, question, article, answer start)
        self._sources.extend((e[3], e[1], e[4], e[6]) for e in self._heard)
        self._heard = []
        self._made = None

    def join(self, twin: FactGroup) -> None:
        """Take a weaker twin's sources (fold.fold_near_duplicates)."""
        self._sources.extend(twin._sources)
        self._made = None
        self.joined = True

    @property
    def articles(self) -> list[str]:
        return sorted({src[0] for src in self._sources})

    def sources(self) -> list[Source]:
        """All sources, the best candidate's first, each stated once."""
        if self._made is None:
            self._made = [Source(*k) for k in dict.fromkeys(self._sources)]
        return list(self._made)


def answer_key(candidate: Candidate) -> str:
    """The canonical answer: its norm, else its text; case-folded, spaces collapsed."""
    return " ".join((candidate.answer_norm or candidate.answer).casefold().split())


class Grouping:
    """Candidates stating the same fact (template, fact key, answer, event) grouped, as
    they come: `add` each (its `event` set, see EventIndex.key), then `groups()`."""

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str, str, str], FactGroup] = {}
        self._n = 0
        self._same: dict = {}

    def add(self, candidate: Candidate) -> None:
        k = (candidate.template, candidate.fact, answer_key(candidate), candidate.event)
        group = self._groups.get(k)
        if group is None:
            group = self._groups[k] = FactGroup(*k)
        group.add(candidate, self._n, self._same)
        self._n += 1

    def groups(self) -> list[FactGroup]:
        out = list(self._groups.values())
        for g in out:
            g.settle()
        return out


def group_candidates(candidates: list[Candidate], events: EventIndex) -> list[FactGroup]:
    """Candidates stating the same fact (template, fact key, answer, event) grouped."""
    grouping = Grouping()
    for c in candidates:
        if not c.event:
            c.event = events.key(c)
        grouping.add(c)
    return grouping.groups()
