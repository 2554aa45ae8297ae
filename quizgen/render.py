"""Sandboxed jinja2 for template strings: a small allowed subset, checked at load time.

Templates are untrusted. A string may use output expressions `{{ ... }}`, `{% if %}` /
`{% elif %}` / `{% else %}`, the filters in FILTERS, string and number literals, `~`,
`and`/`or`/`not`, `==`/`!=`, and the attributes in SLOT_ATTRS of a slot (plus
`slot.attrs.KEY`). Anything else is refused when the template is loaded, and rendering runs
in an ImmutableSandboxedEnvironment with StrictUndefined as a second wall.

What jinja2's sandbox limits by itself: attributes starting with "_" and the internals of
functions, methods, frames and generators (is_safe_attribute), mutation of lists, dicts
and sets (the immutable variant), `range()` to MAX_RANGE (100,000) items, and str.format
tricks. It does not limit `*` or `**` on its own (`'x' * 10**9`, `9**9**9`), nor output size,
nor time: here calls, loops and arithmetic are refused at load time, the sandbox refuses
arithmetic again when rendering (`intercepted_binops`), and output over MAX_RENDERED
characters is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .model import ROLE, Span

MAX_RENDERED = 400  # characters; longer output is refused (the candidate is dropped)
MAX_DEPTH = 40  # levels of the parsed string (an {% if %} with a filtered slot has ~8)
SLOT_ATTRS = ("text", "norm", "canonical", "label", "kind", "attrs")


def _is_quote_mark(ch: str) -> bool:
    return ch in "\"'" or unicodedata.category(ch) in ("Pi", "Pf")


def unquote(v: Any) -> str:
    """The words of a quotation without its quote marks and trailing comma or full stop."""
    s = str(v).strip()
    while s and _is_quote_mark(s[0]):
        s = s[1:]
    while s and (_is_quote_mark(s[-1]) or s[-1] in ",.;:"):
        s = s[:-1].rstrip()
    return s.strip()


def normalise(text: str) -> str:
    """A key for fact ids: case-folded, spaces collapsed, outer quote marks dropped."""
    return " ".join(unquote(text).casefold().split())


class _Attrs(dict):
    """A span's attrs as seen by templates: a missing key reads as ''."""

    def __missing__(self, key: str) -> str:
        return ""


class SlotValue:
    """What a slot name means in a template string: str() is the span text."""

    __slots__ = ("text", "norm", "canonical", "label", "kind", "attrs", "_display")

    def __init__(self, text: str = "", span: Span | None = None, display: str | None = None,
                 norm: str | None = None) -> None:
        self.text = text
        self.label = span.label if span else ""
        attrs = dict(span.attrs) if span else {}
        self.attrs = _Attrs(attrs)
        self._display = display if display is not None else text
        self.norm = (span.norm if span and span.norm else None) or norm or normalise(text)
        self.canonical = attrs.get("canonical") or self._display
        self.kind = attrs.get("kind", "")

    def __str__(self) -> str:
        return self._display

    def __bool__(self) -> bool:
        return bool(self.text)

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __contains__(self, item: object) -> bool:
        return str(item) in str(self)


EMPTY = SlotValue()


def display_text(span: Span | None, text: str) -> str:
    """The text to show for a slot. A role title that opens the sentence loses the capital
    the sentence start gave it: "PEMIMPIN Korea Utara" -> "Pemimpin Korea Utara" (a shouted
    news lead), "Mantan kepala keamanan Gaza" -> "mantan kepala keamanan Gaza"."""
    if span is None or span.label != ROLE or span.start != 0:
        return text
    first, _, rest = text.partition(" ")
    if len(first) >= 5 and first.isupper():
        return first.capitalize() + (" " + rest if rest else "")
    if first[:1].isupper() and first[1:].islower() and rest[:1].islower():
        return first.lower() + " " + rest
    return text


# ---- filters -----------------------------------------------------------------------------

def _capfirst(v: Any) -> str:
    s = str(v)
    return s[:1].upper() + s[1:]


def _lower(v: Any) -> str:
    return str(v).lower()


def _upper(v: Any) -> str:
    return str(v).upper()


def _trim(v: Any) -> str:
    return str(v).strip().rstrip(",;:")


def _default(v: Any, fallback: Any = "") -> Any:
    return v if v else fallback


def _wordcount(v: Any) -> int:
    return len(str(v).split())


FILTERS = {"capfirst": _capfirst, "unquote": unquote, "lower": _lower, "upper": _upper,
           "trim": _trim, "default": _default, "wordcount": _wordcount}

_ARITHMETIC = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/",
               nodes.FloorDiv: "//", nodes.Mod: "%", nodes.Pow: "**", nodes.Neg: "-",
               nodes.Pos: "+"}


class _Sandbox(ImmutableSandboxedEnvironment):
    """The second wall: arithmetic is refused when rendering too (and never folded at
    compile time, where `'x' * 10**9` would run before any check)."""

    intercepted_binops = frozenset(_ARITHMETIC.values())
    intercepted_unops = frozenset({"-", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        raise SecurityError(f"arithmetic '{operator}' is not allowed in templates")

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        raise SecurityError(f"arithmetic '{operator}' is not allowed in templates")


_ENV = _Sandbox(undefined=jinja2.StrictUndefined, autoescape=False)
_ENV.filters = dict(FILTERS)
_ENV.tests = {}
_ENV.globals = {}


# ---- load-time checks --------------------------------------------------------------------

_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const,
            nodes.If, nodes.CondExpr, nodes.Filter, nodes.Getattr, nodes.Getitem,
            nodes.Concat, nodes.And, nodes.Or, nodes.Not, nodes.Compare, nodes.Operand)
_NAMES = {nodes.For: "for", nodes.Macro: "macro", nodes.Assign: "set",
          nodes.AssignBlock: "set", nodes.Include: "include", nodes.Import: "import",
          nodes.FromImport: "import", nodes.Extends: "extends", nodes.CallBlock: "call",
          nodes.Call: "a function call", nodes.Block: "block", nodes.FilterBlock: "filter",
          nodes.With: "with", nodes.Test: "an 'is' test", nodes.Slice: "a slice",
          nodes.List: "a list", nodes.Dict: "a mapping", nodes.Tuple: "a tuple",
          **{op: f"arithmetic ('{sign}')" for op, sign in _ARITHMETIC.items()}}


class RenderCheckError(ValueError):
    """Why a template string is refused; the message says how to fix it."""


def compile_string(source: str, names: set[str]) -> jinja2.Template:
    """Check a template string against the allowed subset and the defined names."""
    deep = RenderCheckError(f"nested over {MAX_DEPTH} levels deep (brackets, ifs, filters or "
                            "operators inside one another); simplify the expression")
    try:
        tree = _ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderCheckError(f"jinja2 syntax error: {exc.message}; check the {{{{ }}}} and "
                               f"{{% %}} pairs") from None
    except RecursionError:  # jinja2's parser recurses once or more per level
        raise deep from None
    if _depth(tree) > MAX_DEPTH:  # before anything that walks the tree recursively
        raise deep
    for node in tree.find_all(nodes.Node):
        _check_node(node, names)
    undeclared = meta.find_undeclared_variables(tree) - names
    if undeclared:
        name = sorted(undeclared)[0]
        known = ", ".join(sorted(names)) or "none"
        raise RenderCheckError(f"'{name}' is not a slot of the pattern; use one of: {known}")
    return _ENV.from_string(source)


def _depth(tree: nodes.Node) -> int:
    """How deep the parsed tree is, found without recursion."""
    deepest, todo = 0, [(tree, 1)]
    while todo:
        node, level = todo.pop()
        deepest = max(deepest, level)
        todo.extend((child, level + 1) for child in node.iter_child_nodes())
    return deepest


def _check_node(node: nodes.Node, names: set[str]) -> None:
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        key = node.attr if isinstance(node, nodes.Getattr) else _const_key(node)
        if isinstance(key, str) and key.startswith("_"):
            raise RenderCheckError("jinja2 may not reach Python internals; use only slot "
                                   f"attributes ({', '.join(SLOT_ATTRS)})")
        base = node.node
        if isinstance(base, nodes.Name) and isinstance(node, nodes.Getattr):
            if key not in SLOT_ATTRS:
                raise RenderCheckError(f"unknown slot attribute '.{key}'; use one of: "
                                       f"{', '.join(SLOT_ATTRS)}")
            return
        if (isinstance(base, nodes.Getattr) and base.attr == "attrs"
                and isinstance(base.node, nodes.Name) and isinstance(key, str)):
            if isinstance(node, nodes.Getattr) and hasattr(dict, key):
                raise RenderCheckError(f"'.attrs.{key}' names a method; write "
                                       f".attrs['{key}'] to read the attribute")
            return
        raise RenderCheckError("attributes may be read only from a slot, as slot.norm or "
                               "slot.attrs.KEY")
    if isinstance(node, nodes.Filter) and node.name not in FILTERS:
        raise RenderCheckError(f"filter '{node.name}' is not allowed; use one of: "
                               f"{', '.join(FILTERS)}")
    if isinstance(node, nodes.Compare):
        for op in node.ops:
            if op.op not in ("eq", "ne", "lt", "lteq", "gt", "gteq", "in", "notin"):
                raise RenderCheckError(f"comparison '{op.op}' is not allowed; use ==, !=, "
                                       f"<, <=, >, >=, in or not in")
    if isinstance(node, nodes.Name) and node.ctx != "load":
        raise RenderCheckError("assigning names is not allowed; use only {{ slot }} and "
                               "{% if %}")
    if isinstance(node, nodes.Name) and node.name not in names:  # also jinja2's own 'self'
        known = ", ".join(sorted(names)) or "none"
        raise RenderCheckError(f"'{node.name}' is not a slot of the pattern; use one of: "
                               f"{known}")
    if not isinstance(node, _ALLOWED):
        what = _NAMES.get(type(node), type(node).__name__)
        raise RenderCheckError(f"{what} is not allowed in templates; use only {{{{ slot }}}}, "
                               f"{{% if %}}/{{% else %}}, literals and the filters "
                               f"{', '.join(FILTERS)}")


def _const_key(node: nodes.Getitem) -> object:
    if isinstance(node.arg, nodes.Const):
        return node.arg.value
    raise RenderCheckError("only a quoted key may be used in [ ], as slot.attrs['kind']")


# ---- rendering ---------------------------------------------------------------------------

_SPACE_BEFORE = re.compile(r"\s+([,.;:?!)\]”’])")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Collapse runs of white space and drop spaces before closing punctuation, so an
    unbound optional slot leaves no hole."""
    return _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text)).strip()


def render(template: jinja2.Template, values: dict[str, SlotValue]) -> str | None:
    """Render with slot values; None when the output is empty or longer than MAX_RENDERED.
    Raises jinja2.TemplateError on a rendering failure (the caller adds the location)."""
    out = tidy(template.render(values))
    if not out or len(out) > MAX_RENDERED:
        return None
    return out
