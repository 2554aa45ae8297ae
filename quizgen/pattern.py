"""The pattern language of fact templates: parse once, match fast over tagged sentences.

A sentence is seen as a list of units (quizgen/matcher.py): each tagged span is one unit,
every token outside a span is one unit. Grammar (see docs/templates.md, "Writing templates"):

    pattern  := alt
    alt      := seq ('|' seq)*
    seq      := item*
    item     := atom '?'?                      optional with a trailing ?
    atom     := '{' NAME ':' LABELS constraint* '}'       a tagged span, e.g. {c:PLACE/country}
              | '{' NAME ':' alt '}'            capture what a sub-pattern matched
              | '(' alt ')'  |  '[' alt ']'     group / optional group
              | '...{' M ',' N '}' | '...{' N '}'   skip M..N units (lazy: fewest first)
              | '^' | '$'                       sentence start / end (final punctuation ignored)
              | WORD | 'quoted words' | PUNCT    literal tokens, case-insensitive
    constraint := '/' VALUES | '/' KEY '=' VALUES | '/' KEY '!=' VALUES | '/' KEY '=*'
                                                (bare VALUES test attrs['kind'])
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import matcher as mt
from .matcher import Binds, SlotInfo, Unit, Units, units_of
from .model import LABELS, Sentence, Span
from .render import normalise
from .split import WORD, tokenize

MAX_GAP = 20
MAX_NESTING = 20  # groups, optional groups and captures inside one another
_META = set("{}()[]|?^$'")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LABELSPEC = re.compile(r"[A-Z][A-Za-z_]*(?=\s*(?:[|/}]|\Z))")
_VALUE = re.compile(r"[^|/}=!\s]+")
# Jinja2 keywords and names our template strings reserve; a slot may not take them.
RESERVED = {"and", "or", "not", "if", "else", "elif", "endif", "in", "is", "true", "false",
            "none", "True", "False", "None", "loop", "self", "block", "for", "endfor"}


class PatternError(ValueError):
    """A syntax error in a pattern, with the 1-based column where it was found."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


# ---- the parser --------------------------------------------------------------------------

class _Parser:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.depth = 0  # groups and captures open at i

    def error(self, msg: str, at: int | None = None) -> PatternError:
        return PatternError(msg, (self.i if at is None else at) + 1)

    def skip_ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self) -> str:
        self.skip_ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def alt(self, stop: str) -> mt.Node:
        if self.depth > MAX_NESTING:
            raise self.error(f"groups nested over {MAX_NESTING} deep; simplify the pattern")
        branches = [self.seq(stop)]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq(stop))
        return mt.alt(branches)

    def seq(self, stop: str) -> mt.Node:
        items: list[mt.Node] = []
        names: dict[str, int] = {}
        while (c := self.peek()) and c != "|" and c not in stop:
            at = self.i
            node = self.atom()
            if self.i < len(self.s) and self.s[self.i] == "?":
                self.i += 1
                node = mt.optional(node)
            for name, info in node.slots.items():
                if name in names:
                    raise self.error(f"slot name '{name}' is used twice; give each slot its "
                                     f"own name", info.column - 1)
                names[name] = at
            items.append(node)
        if not items:
            raise self.error("empty pattern part; write a word, a slot or a gap here")
        return mt.seq(items)

    def expect(self, ch: str, opened_at: int) -> None:
        if self.peek() != ch:
            found = f"'{self.s[self.i]}'" if self.i < len(self.s) else "the end"
            raise self.error(f"expected '{ch}' to close the '{self.s[opened_at]}' at column "
                             f"{opened_at + 1}, found {found}")
        self.i += 1

    def atom(self) -> mt.Node:
        s, at = self.s, self.i
        c = s[at]
        if c == "{":
            return self.slot()
        if c in "([":
            self.i += 1
            self.depth += 1
            sub = self.alt(")" if c == "(" else "]")
            self.depth -= 1
            self.expect(")" if c == "(" else "]", at)
            return sub if c == "(" else mt.optional(sub)
        if s.startswith("...", at):
            return self.gap()
        if c in "^$":
            self.i += 1
            return mt.anchor(c == "^")
        if c == "'":
            end = s.find("'", at + 1)
            if end < 0:
                raise self.error("unclosed quote; end the literal with '")
            self.i = end + 1
            words = [t.text for t in tokenize(s[at + 1:end])]
            if not words:
                raise self.error("empty quoted literal; put a word or sign between the quotes")
            return mt.seq([mt.word(w.casefold()) for w in words])
        m = WORD.match(s, at)
        if m:
            self.i = m.end()
            return mt.word(m.group().casefold())
        if c in _META:
            hint = {"?": "'?' must follow a word, slot or group",
                    "}": "a '}' without its '{'", ")": "a ')' without its '('",
                    "]": "a ']' without its '['"}.get(c, f"'{c}' cannot stand here")
            raise self.error(f"unexpected '{c}': {hint}; quote a literal sign as '{c}'")
        self.i += 1
        return mt.word(c)

    def gap(self) -> mt.Node:
        at = self.i
        self.i += 3
        m = re.compile(r"\{\s*(\d+)\s*(?:,\s*(\d+)\s*)?\}").match(self.s, self.i)
        if not m:
            raise self.error("a gap needs bounds, e.g. ...{0,4} (skip 0 to 4 words)", at)
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) is not None else lo
        if lo > hi:
            raise self.error(f"gap bounds {{{lo},{hi}}} are reversed; write ...{{{hi},{lo}}}",
                             at)
        if hi > MAX_GAP:
            raise self.error(f"gap of up to {hi} units is too wide; the limit is {MAX_GAP}", at)
        self.i = m.end()
        return mt.gap(lo, hi)

    def slot(self) -> mt.Node:
        s, at = self.s, self.i
        self.i += 1
        self.skip_ws()
        m = _NAME.match(s, self.i)
        if not m:
            raise self.error("a slot starts with a name, e.g. {person:PERSON}")
        name = m.group()
        if name in RESERVED:
            raise self.error(f"'{name}' is a reserved word; choose another slot name")
        if name.startswith("_"):
            raise self.error(f"slot name '{name}' may not start with '_'")
        self.i = m.end()
        self.skip_ws()
        if self.i >= len(s) or s[self.i] != ":":
            raise self.error(f"expected ':' after the slot name '{name}', e.g. {{{name}:PERSON}}")
        self.i += 1
        self.skip_ws()
        if _LABELSPEC.match(s, self.i):
            return self.label_slot(name, at)
        self.depth += 1
        sub = self.alt("}")
        self.depth -= 1
        self.expect("}", at)
        return mt.capture(name, sub, at + 1)

    def label_slot(self, name: str, at: int) -> mt.Node:
        s = self.s
        labels: list[str] = []
        while True:
            m = re.compile(r"[A-Za-z_]+").match(s, self.i)
            if not m:
                raise self.error("expected a label after '|'")
            lab = m.group()
            if lab not in LABELS:
                close = difflib.get_close_matches(lab.upper(), LABELS, 1)
                hint = f"did you mean {close[0]}? " if close else ""
                raise self.error(f"unknown label '{lab}'; {hint}known labels: "
                                 f"{', '.join(LABELS)}")
            labels.append(lab)
            self.i = m.end()
            self.skip_ws()
            if self.i < len(s) and s[self.i] == "|":
                self.i += 1
                self.skip_ws()
                continue
            break
        tests: list[Callable[[dict], bool]] = []
        while self.i < len(s) and s[self.i] == "/":
            self.i += 1
            tests.append(self.constraint())
        self.skip_ws()
        if self.i >= len(s) or s[self.i] != "}":
            raise self.error(f"expected '}}' to close the slot '{name}' opened at column "
                             f"{at + 1}")
        self.i += 1
        return mt.slot(name, tuple(labels), tests, at + 1)

    def constraint(self) -> Callable[[dict], bool]:
        s = self.s
        m = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(!=|=)").match(s, self.i)
        key, op = ("kind", "=")
        if m:
            key, op = m.group(1), m.group(2)
            self.i = m.end()
            if s.startswith("*", self.i) and op == "=":
                self.i += 1
                return lambda a, key=key: bool(a.get(key))
        values: list[str] = []
        while True:
            v = _VALUE.match(s, self.i)
            if not v:
                raise self.error("expected a value in the slot constraint, e.g. "
                                 "{c:PLACE/country} or {q:QUOTE/speaker=*}")
            values.append(v.group())
            self.i = v.end()
            if self.i < len(s) and s[self.i] == "|":
                self.i += 1
                continue
            break
        vs = frozenset(values)
        if op == "=":
            return lambda a, key=key: a.get(key) in vs
        return lambda a, key=key: a.get(key) not in vs


# ---- the public face ---------------------------------------------------------------------

@dataclass
class Binding:
    start: int  # character offsets in the sentence text
    end: int
    span: Span | None  # the span when the slot is a span slot
    norm: str | None = None  # captures: the norms of their units (span norm or text), joined


@dataclass
class Match:
    start: int
    end: int
    bindings: dict[str, Binding]


@dataclass
class Pattern:
    source: str
    slots: dict[str, SlotInfo]
    _node: mt.Node

    def __post_init__(self) -> None:
        req = self._node.required
        self._words = tuple(v for k, v in req if k == "w")
        self._labels = frozenset(v for k, v in req if k == "L")
        self._program = mt.program(self._node)

    def may_match(self, folded: str, labels: set[str] | frozenset[str]) -> bool:
        """False when the sentence cannot match: a required label is not among its span
        `labels`, or a required word is not even a substring of its `folded` (casefolded)
        text. Cheaper than units_of(), so most sentences never need their units."""
        return self._labels <= labels and all(w in folded for w in self._words)

    def search(self, sentence: Sentence, units: Units | None = None) -> list[Match]:
        """Every non-overlapping match, leftmost first; each start takes its preferred match
        (optional parts taken when they can be, gaps as short as possible). Pass the
        sentence's units_of() when running many patterns over one sentence. The cost is at
        most the program's length times the sentence's units (quizgen/matcher.py)."""
        u = units if units is not None else units_of(sentence)
        node = self._node
        if node.required and not node.required <= u.present:
            return []
        first, keys, prog = node.first, u.keys, self._program
        out: list[Match] = []
        tried: set[int] = set()
        i, n = 0, len(u)
        while i < n:
            if first is not None and keys[i] not in first:
                i += 1
                continue
            r = mt.run(prog, u, i, tried)
            if r is None:  # (a match is never empty: compile_pattern refuses such patterns)
                i += 1
                continue
            j, binds = r
            out.append(self._make(u, i, j, binds))
            tried = set()  # the pairs on the match's own path were marked as tried too
            i = j
        return out

    def _make(self, u: list[Unit], i: int, j: int, binds: Binds) -> Match:
        bindings: dict[str, Binding] = {}
        for name, a, b in binds:
            if name in bindings:
                continue
            if b > a:
                if self.slots[name].labels:
                    bindings[name] = Binding(u[a].start, u[b - 1].end, u[a].span)
                else:
                    norm = " ".join(_unit_norm(x) for x in u[a:b])
                    bindings[name] = Binding(u[a].start, u[b - 1].end, None, norm)
        return Match(u[i].start, u[j - 1].end, bindings)


def _unit_norm(x: Unit) -> str:
    if x.span is None:
        return x.word or ""
    return x.span.norm.casefold() if x.span.norm else normalise(x.span.text)


def compile_pattern(text: str) -> Pattern:
    """Parse a pattern; PatternError(message, column) on a syntax error."""
    p = _Parser(text)
    if not text.strip():
        raise PatternError("empty pattern; write words and slots such as {person:PERSON}", 1)
    node = p.alt("")
    if p.peek():
        raise p.error(f"unexpected '{p.s[p.i]}'")
    if node.min_len == 0:
        raise PatternError("the pattern can match nothing; make at least one word or slot "
                           "required", 1)
    return Pattern(text, node.slots, node)
