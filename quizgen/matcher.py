"""The compiled form of patterns: a sentence as units, and matcher combinators over them.

Each pattern element becomes a Node whose `fn(units, i, binds, k)` tries to match at unit i
and calls the continuation k(j, binds) with the position after it; the first non-None result
wins, which gives backtracking with a fixed preference order (optional parts taken first,
gaps shortest first, alternatives left to right). Nodes also carry what a quick search needs:
the minimum length, the possible first units and the units every match contains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Sentence, Span
from .split import token_spans

# ---- units -------------------------------------------------------------------------------

@dataclass(slots=True)
class Unit:
    start: int
    end: int
    word: str | None  # casefolded token text, None for a span
    span: Span | None


def _tokens(sentence: Sentence) -> list[tuple[int, int]]:
    if sentence.tokens:
        return [(t.start, t.end) for t in sentence.tokens]
    return token_spans(sentence.text)


class Units(list):
    """A sentence's units, with each unit's key and the set of keys present (for the quick
    rejection of patterns whose required words or labels are absent)."""

    keys: list[tuple[str, str]]
    present: set[tuple[str, str]]


def units_of(sentence: Sentence) -> Units:
    """The sentence as units: outermost spans (longest first on ties) and the tokens between."""
    spans: list[Span] = []
    for s in sorted(sentence.spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.end > s.start and (not spans or s.start >= spans[-1].end):
            spans.append(s)
    units = Units()
    si = 0
    text = sentence.text
    for ts, te in _tokens(sentence):
        while si < len(spans) and spans[si].end <= ts:
            _push_span(units, spans[si])
            si += 1
        if si < len(spans) and spans[si].start < te:
            continue  # token overlaps the next span: absorbed by it
        units.append(Unit(ts, te, text[ts:te].casefold(), None))
    for s in spans[si:]:
        _push_span(units, s)
    units.keys = [("w", x.word) if x.span is None else ("L", x.span.label)  # type: ignore
                  for x in units]
    units.present = set(units.keys)
    return units


def _push_span(units: list[Unit], span: Span) -> None:
    if not units or units[-1].span is not span:
        units.append(Unit(span.start, span.end, None, span))


# ---- the compiled nodes ------------------------------------------------------------------

Binds = tuple  # ((name, first_unit, end_unit), ...), innermost last
Cont = Callable[[int, Binds], object]
Matcher = Callable[[list[Unit], int, Binds, Cont], object]


@dataclass
class SlotInfo:
    name: str
    labels: tuple[str, ...]  # () for a capture
    column: int


@dataclass
class Node:
    fn: Matcher
    min_len: int
    first: set[tuple[str, str]] | None  # possible first units, None = any
    required: set[tuple[str, str]]  # units that every match contains
    slots: dict[str, SlotInfo] = field(default_factory=dict)


def word(w: str) -> Node:
    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        return k(i + 1, b) if i < len(u) and u[i].word == w else None
    key = ("w", w)
    return Node(fn, 1, {key}, {key})


def slot(name: str, labels: tuple[str, ...], tests: list[Callable[[dict], bool]],
          column: int) -> Node:
    labelset = frozenset(labels)

    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        if i < len(u):
            s = u[i].span
            if s is not None and s.label in labelset and all(t(s.attrs) for t in tests):
                return k(i + 1, b + ((name, i, i + 1),))
        return None
    keys = {("L", lab) for lab in labels}
    return Node(fn, 1, keys, keys if len(keys) == 1 else set(),
                 {name: SlotInfo(name, labels, column)})


def capture(name: str, sub: Node, column: int) -> Node:
    f = sub.fn

    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        return f(u, i, b, lambda j, b2: k(j, b2 + ((name, i, j),)))
    slots = dict(sub.slots)
    slots[name] = SlotInfo(name, (), column)
    return Node(fn, sub.min_len, sub.first, sub.required, slots)


def gap(lo: int, hi: int) -> Node:
    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        for j in range(i + lo, min(i + hi, len(u)) + 1):
            r = k(j, b)
            if r is not None:
                return r
        return None
    return Node(fn, lo, None, set())


def optional(sub: Node) -> Node:
    f = sub.fn

    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        r = f(u, i, b, k)
        return r if r is not None else k(i, b)
    return Node(fn, 0, None, set(), sub.slots)


def anchor(at_start: bool) -> Node:
    def start(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        return k(i, b) if i == 0 else None

    def end(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        rest = u[i:]
        if all(x.word is not None and not x.word[0].isalnum() for x in rest):
            return k(len(u), b)
        return None
    return Node(start if at_start else end, 0, None, set())


def seq(items: list[Node]) -> Node:
    if len(items) == 1:
        return items[0]
    fns = [n.fn for n in items]

    def chain(idx: int) -> Matcher:
        if idx == len(fns) - 1:
            return fns[idx]
        head, tail = fns[idx], chain(idx + 1)
        return lambda u, i, b, k: head(u, i, b, lambda j, b2: tail(u, j, b2, k))
    first: set | None = set()
    for n in items:
        if n.first is None:
            first = None
            break
        first |= n.first
        if n.min_len > 0:
            break
    else:
        first = None  # every item may be empty: anything may come first
    slots: dict[str, SlotInfo] = {}
    for n in items:
        slots.update(n.slots)
    req = set().union(*(n.required for n in items))
    fn = chain(0) if fns else (lambda u, i, b, k: k(i, b))
    return Node(fn, sum(n.min_len for n in items), first, req, slots)


def alt(branches: list[Node]) -> Node:
    if len(branches) == 1:
        return branches[0]
    fns = [n.fn for n in branches]

    def fn(u: list[Unit], i: int, b: Binds, k: Cont) -> object:
        for f in fns:
            r = f(u, i, b, k)
            if r is not None:
                return r
        return None
    first: set | None = set()
    for n in branches:
        if n.first is None:
            first = None
            break
        first |= n.first
    slots: dict[str, SlotInfo] = {}
    for n in branches:
        for name, info in n.slots.items():
            slots.setdefault(name, info)
    req = set.intersection(*(n.required for n in branches))
    return Node(fn, min(n.min_len for n in branches), first, req, slots)
