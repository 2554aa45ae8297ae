"""Folding near-duplicate fact groups: two groups with the same answer whose questions ask
about the same things are one question worded twice.

Two groups are twins when they have the same answer and
- their questions' Signatures.similarity is NEAR_DUP or more; or
- within one event, they name the same two or more entities and the similarity is
  SAME_NAMES_DUP or more (paraphrases of one report: "dukungan tak terbatas" / "dukungan
  tanpa syarat"); or
- given the language pack, within one event, they have the same main predicate
  (quizgen/predicate.py) and are of the same kinds.
The stronger group (higher score, then fact key) survives; within one event it takes the
sources of its twin (the same fact, worded differently), across events the twin is dropped.

What a question is about (`Asking`: its main predicate and its signature) depends on the
question alone once the set's entities are known, so it can be computed where candidates
are made, on every core (`asking`, kept in Candidate.asking); what is missing is computed
here. Only the words' weights need the whole set.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .merge import FactGroup
from .model import Candidate, Entity
from .predicate import main_predicate

NEAR_DUP = 0.6
SAME_NAMES_DUP = 0.35  # enough, within one event, when the questions name the same entities
_WORD = re.compile(r"\w+")


def question_words(question: str) -> set[str]:
    return set(_WORD.findall(question.casefold().replace("_____", " ")))


def overlap(a: str, b: str) -> float:
    """Share of the smaller question's words that the other has too."""
    wa, wb = question_words(a), question_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


class NameIndex:
    """Every name of the set's linked entities, by its first word, to find them in
    questions: a question's signature is its words with each name replaced by the id of
    its entity (so "Sergey Lavrov" and "Sergei Lavrov" agree)."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self._names: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for e in entities.values():
            for name in e.aliases | {e.name}:
                toks = tuple(_WORD.findall(name.casefold()))
                if toks:
                    self._names[toks[0]].append((toks, e.id))
        for v in self._names.values():
            v.sort(key=lambda t: (-len(t[0]), t))
        self.ids = frozenset(entities)

    def signature(self, question: str) -> frozenset[str]:
        toks = _WORD.findall(question.casefold().replace("_____", " "))
        out: set[str] = set()
        i = 0
        while i < len(toks):
            names = self._names.get(toks[i])  # most words start no name
            hit = names and next(
                ((len(name), eid) for name, eid in names if tuple(toks[i : i + len(name)]) == name),
                None,
            )
            if hit:
                out.add(hit[1])
                i += hit[0]
            else:
                out.add(toks[i])
                i += 1
        return frozenset(out)


class Asking(NamedTuple):
    """What fold_near_duplicates compares of a question that needs no other question."""

    predicate: str  # main predicate, "" when unknown or no pack is given
    signature: frozenset[str]


def asking(question: str, names: NameIndex, pack: Any) -> Asking:
    return Asking(main_predicate(question, pack) if pack is not None else "",
                  names.signature(question))


def predicate(candidate: Candidate, pack: Any) -> str:
    """The main predicate of a candidate's question: its `asking`'s, when the collector
    worked it out, else worked out here."""
    if candidate.asking is not None:
        return candidate.asking.predicate
    return main_predicate(candidate.question, pack)


class Signatures:
    """What a question is about: its signature (NameIndex), each word weighted by its
    rarity among all the questions (inverse document frequency), so that question and
    function words, found in most questions, count for little. `known` gives signatures
    already computed."""

    def __init__(
        self,
        questions: list[str],
        entities: Mapping[str, Entity],
        known: Iterable[tuple[str, frozenset[str]]] = (),
    ) -> None:
        self._index: NameIndex | None = None
        self._entities = entities
        self._ids = frozenset(entities)
        self._cache: dict[str, frozenset[str]] = dict(known)
        self._mass: dict[str, float] = {}
        df: dict[str, int] = defaultdict(int)
        for q in dict.fromkeys(questions):
            for w in self.of(q):
                df[w] += 1
        n = len(set(questions))
        self.weight = {w: math.log((n + 1) / (d + 0.5)) for w, d in df.items()}

    def of(self, question: str) -> frozenset[str]:
        sig = self._cache.get(question)
        if sig is None:
            if self._index is None:
                self._index = NameIndex(self._entities)
            sig = self._cache[question] = self._index.signature(question)
        return sig

    def entities(self, question: str) -> frozenset[str]:
        return self.of(question) & self._ids

    def mass(self, question: str) -> float:
        if question not in self._mass:
            w = self.weight
            self._mass[question] = sum(w.get(x, 0.0) for x in self.of(question))
        return self._mass[question]

    def similarity(self, a: str, b: str) -> float:
        """Weighted share of the smaller question's signature found in the other."""
        sa, sb = self.of(a), self.of(b)
        w = self.weight
        mass_a, mass_b = self.mass(a), self.mass(b)
        if min(mass_a, mass_b) <= 0:
            return 0.0
        return sum(w.get(x, 0.0) for x in sa & sb) / min(mass_a, mass_b)


@dataclass(slots=True)
class _Asked:
    """What fold_near_duplicates compares of a group's best question, computed once."""

    event: str
    kinds: tuple[str, ...]
    predicate: str
    signature: frozenset[str]
    mass: float
    names: frozenset[str]


def _asked(sig: Signatures, g: FactGroup, pack: Any) -> _Asked:
    best = g.best
    assert best
    q = best.question
    pred = predicate(best, pack) if pack is not None else ""
    return _Asked(g.event, tuple(best.kinds), pred, sig.of(q), sig.mass(q), sig.entities(q))


def _twins(weight: Mapping[str, float], a: _Asked, b: _Asked) -> bool:
    same_event = a.event == b.event
    if same_event and a.predicate and a.predicate == b.predicate and a.kinds == b.kinds:
        return True
    low = min(a.mass, b.mass)  # Signatures.similarity
    sim = sum(weight.get(x, 0.0) for x in a.signature & b.signature) / low if low > 0 else 0.0
    if sim >= NEAR_DUP:
        return True
    return same_event and len(a.names) >= 2 and a.names == b.names and sim >= SAME_NAMES_DUP


def fold_near_duplicates(
    groups: list[FactGroup], entities: Mapping[str, Entity] | None = None, pack: Any = None
) -> list[FactGroup]:
    """Groups asking the same thing reduced to one (module docstring); without the pack,
    no predicate is compared. `groups` must be scored. A candidate's `asking`, when set,
    must come from `asking` with the same entities and pack."""
    ordered = sorted(groups, key=lambda g: (-g.score, g.template, g.fact, g.answer_key, g.event))
    bests = [g.best for g in ordered if g.best]
    known = [(b.question, b.asking.signature) for b in bests if b.asking is not None]
    sig = Signatures([b.question for b in bests], entities or {}, known)
    kept: list[FactGroup] = []
    by_answer: dict[str, list[tuple[FactGroup, _Asked]]] = defaultdict(list)
    for g in ordered:
        asked = _asked(sig, g, pack)
        same = by_answer[g.answer_key]
        twin = next((k for k, k_asked in same if _twins(sig.weight, k_asked, asked)), None)
        if twin is None:
            kept.append(g)
            same.append((g, asked))
        elif twin.event == g.event:
            twin.join(g)
    return kept
