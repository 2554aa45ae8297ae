"""The compiled form of patterns: a sentence as units, and a small matching machine over them.

Each pattern element becomes a Node that knows how to emit its instructions into a
program (a list, like a regular-expression VM's): match a word or a slot, skip any unit,
try two ways in order (SPLIT), jump, mark where a capture starts and ends, test the
sentence start or end. `run` executes a program by backtracking in a fixed preference
order (optional parts taken first, gaps shortest first, alternatives left to right) and
records every (instruction, unit) pair it has tried: whether the rest of the pattern can
match from there does not depend on how it was reached, so a pair that failed once fails
again and is never explored twice. A search over n units by a program of m instructions
therefore costs at most m * n steps, however many gaps and optional parts the pattern
has (the plain backtracker it replaced took exponential time on many gaps). Nodes also
carry what a quick search needs: the minimum length, the possible first units and the
units every match contains.
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
Program = list  # of instructions: lists whose first element is one of the opcodes below
Emit = Callable[[Program], None]

# Opcodes. WORD w | SLOT name labels tests | ANY | SPLIT first second | JMP to |
# OPEN (a capture starts) | CLOSE name | START | END | MATCH
WORD, SLOT, ANY, SPLIT, JMP, OPEN, CLOSE, START, END, MATCH = range(10)


@dataclass
class SlotInfo:
    name: str
    labels: tuple[str, ...]  # () for a capture
    column: int


@dataclass
class Node:
    emit: Emit  # appends the node's instructions to a program
    min_len: int
    first: set[tuple[str, str]] | None  # possible first units, None = any
    required: set[tuple[str, str]]  # units that every match contains
    slots: dict[str, SlotInfo] = field(default_factory=dict)


def word(w: str) -> Node:
    key = ("w", w)
    return Node(lambda prog: prog.append([WORD, w]), 1, {key}, {key})


def slot(name: str, labels: tuple[str, ...], tests: list[Callable[[dict], bool]],
         column: int) -> Node:
    labelset = frozenset(labels)
    keys = {("L", lab) for lab in labels}
    return Node(lambda prog: prog.append([SLOT, name, labelset, tuple(tests)]), 1, keys,
                keys if len(keys) == 1 else set(), {name: SlotInfo(name, labels, column)})


def capture(name: str, sub: Node, column: int) -> Node:
    def emit(prog: Program) -> None:
        prog.append([OPEN])
        sub.emit(prog)
        prog.append([CLOSE, name])
    slots = dict(sub.slots)
    slots[name] = SlotInfo(name, (), column)
    return Node(emit, sub.min_len, sub.first, sub.required, slots)


def _split(prog: Program) -> list:
    """Append a SPLIT whose targets the caller fills in."""
    ins = [SPLIT, 0, 0]
    prog.append(ins)
    return ins


def gap(lo: int, hi: int) -> Node:
    def emit(prog: Program) -> None:
        prog.extend([ANY] for _ in range(lo))
        exits = []
        for _ in range(hi - lo):  # each further unit only when the shorter skip failed
            ins = _split(prog)
            exits.append(ins)
            ins[2] = len(prog)
            prog.append([ANY])
        for ins in exits:
            ins[1] = len(prog)
    return Node(emit, lo, None, set())


def optional(sub: Node) -> Node:
    def emit(prog: Program) -> None:
        ins = _split(prog)
        ins[1] = len(prog)
        sub.emit(prog)
        ins[2] = len(prog)
    return Node(emit, 0, None, set(), sub.slots)


def anchor(at_start: bool) -> Node:
    op = START if at_start else END
    return Node(lambda prog: prog.append([op]), 0, None, set())


def seq(items: list[Node]) -> Node:
    if len(items) == 1:
        return items[0]

    def emit(prog: Program) -> None:
        for n in items:
            n.emit(prog)
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
    return Node(emit, sum(n.min_len for n in items), first, req, slots)


def alt(branches: list[Node]) -> Node:
    if len(branches) == 1:
        return branches[0]

    def emit(prog: Program) -> None:
        jumps = []
        for n in branches[:-1]:
            ins = _split(prog)
            ins[1] = len(prog)
            n.emit(prog)
            jump = [JMP, 0]
            prog.append(jump)
            jumps.append(jump)
            ins[2] = len(prog)
        branches[-1].emit(prog)
        for jump in jumps:
            jump[1] = len(prog)
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
    return Node(emit, min(n.min_len for n in branches), first, req, slots)


Compiled = tuple[tuple[tuple, ...], frozenset[int]]  # instructions, and the join points


def program(node: Node) -> Compiled:
    """The node's instructions, ending in MATCH, and the instructions more than one other
    leads to (the only ones `run` needs to remember: the others are reached at a unit by
    one way only, so at most as often as the one before them)."""
    prog: Program = []
    node.emit(prog)
    prog.append([MATCH])
    into = [0] * len(prog)
    for pc, ins in enumerate(prog):
        if ins[0] == SPLIT:
            into[ins[1]] += 1
            into[ins[2]] += 1
        elif ins[0] == JMP:
            into[ins[1]] += 1
        elif ins[0] != MATCH:
            into[pc + 1] += 1
    return tuple(tuple(ins) for ins in prog), frozenset(pc for pc, k in enumerate(into) if k > 1)


def _punctuation_from(u: list[Unit]) -> int:
    """The first unit from which every unit is a punctuation mark (len(u) if none is)."""
    t = len(u)
    while t > 0 and u[t - 1].word is not None and not u[t - 1].word[0].isalnum():
        t -= 1
    return t


def run(compiled: Compiled, u: list[Unit], start: int, tried: set[int],
        ) -> tuple[int, Binds] | None:
    """The preferred match of a program starting at unit `start`: (end unit, binds), or
    None. `tried` holds the (join point, unit) pairs already explored without a match; pass
    the same set to later starts of one search while no match has been found."""
    prog, joins = compiled
    n = len(u)
    width = n + 1
    punct = -1  # _punctuation_from(u), made when an END is first reached
    stack: list[tuple[int, int, Binds, tuple]] = [(0, start, (), ())]
    while stack:
        pc, i, b, opened = stack.pop()
        while True:
            if pc in joins:
                key = pc * width + i
                if key in tried:
                    break
                tried.add(key)
            ins = prog[pc]
            op = ins[0]
            if op == WORD:
                if i < n and u[i].word == ins[1]:
                    pc, i = pc + 1, i + 1
                    continue
                break
            if op == SLOT:
                if i < n:
                    s = u[i].span
                    if s is not None and s.label in ins[2] and all(t(s.attrs) for t in ins[3]):
                        b = b + ((ins[1], i, i + 1),)
                        pc, i = pc + 1, i + 1
                        continue
                break
            if op == ANY:
                if i < n:
                    pc, i = pc + 1, i + 1
                    continue
                break
            if op == SPLIT:
                stack.append((ins[2], i, b, opened))
                pc = ins[1]
            elif op == JMP:
                pc = ins[1]
            elif op == OPEN:
                opened = opened + (i,)
                pc += 1
            elif op == CLOSE:
                b = b + ((ins[1], opened[-1], i),)
                opened = opened[:-1]
                pc += 1
            elif op == START:
                if i != 0:
                    break
                pc += 1
            elif op == END:  # final punctuation is ignored: the match takes it
                if punct < 0:
                    punct = _punctuation_from(u)
                if i < punct:
                    break
                pc, i = pc + 1, n
            else:  # MATCH
                return i, b
    return None
