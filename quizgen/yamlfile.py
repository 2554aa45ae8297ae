"""Safe YAML loading that remembers the line of every value, for errors like FILE:LINE."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

import yaml

from .errors import QuizgenError

Key = tuple[Any, ...]


@dataclass
class YamlDoc:
    path: str
    data: Any
    lines: dict[Key, int]  # key path -> 1-based line of the value

    def line(self, *key: Any) -> int:
        """Line of the value at key path, or of its nearest ancestor that has one."""
        k = tuple(key)
        while k:
            if k in self.lines:
                return self.lines[k]
            k = k[:-1]
        return self.lines.get((), 1)

    def where(self, *key: Any) -> str:
        return f"{self.path}:{self.line(*key)}"


# quizgen's limits for every YAML file it reads (decks, templates, banks, language data),
# checked by quizgen itself, below the parsers' own limits (which change between versions:
# PyYAML 6.0.4's libyaml refuses nesting past 1,000 by itself), so the message is ours.
MAX_DEPTH = 100  # nested lists and mappings; libyaml's composer recurses in C (and crashes)
MAX_ALIAS_REPEATS = 100_000  # values reached again through '*alias' (an alias bomb: 10**9)
MAX_CHARS = 200_000_000  # one YAML text: a bank of about 200,000 items
MAX_VALUE_CHARS = 1_000_000  # one value (a sentence of an article is at most 100,000)


class _Walk:
    """Records the line of every value; counts values reached again through aliases (or
    refuses them: `aliases=False`); refuses a key given twice in one mapping and a value
    over MAX_VALUE_CHARS."""

    def __init__(self, path: str, shift: int = 0, aliases: bool = True) -> None:
        self.path, self.lines, self.seen, self.repeats = path, {}, set(), 0
        self.shift, self.aliases = shift, aliases

    def _where(self, node: yaml.Node) -> str:
        return f"{self.path}:{node.start_mark.line + 1 + self.shift}"

    def visit(self, node: yaml.Node, key: Key) -> None:
        if id(node) in self.seen:
            if not self.aliases:
                raise QuizgenError(f"{self._where(node)}: a YAML alias ('*name') repeats a value;"
                                   " write the value out instead")
            self.repeats += 1
            if self.repeats > MAX_ALIAS_REPEATS:
                raise QuizgenError(
                    f"{self._where(node)}: YAML aliases ('*name') repeat"
                    f" values over {MAX_ALIAS_REPEATS} times; write the values out instead"
                )
        self.seen.add(id(node))
        lines = self.lines
        lines[key] = node.start_mark.line + 1 + self.shift
        if isinstance(node, yaml.MappingNode):
            names: dict[Any, yaml.Node] = {}
            for k_node, v_node in node.value:
                name = k_node.value if isinstance(k_node, yaml.ScalarNode) else str(k_node.start_mark)
                if name in names:
                    raise QuizgenError(
                        f"{self._where(k_node)}: key '{name}' is given twice in one mapping (also"
                        f" at line {names[name].start_mark.line + 1 + self.shift}); keep one of them"
                    )
                names[name] = k_node
                self.visit(v_node, key + (name,))
                lines.setdefault(key + (name,), k_node.start_mark.line + 1 + self.shift)
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                self.visit(child, key + (i,))
        elif len(node.value) > MAX_VALUE_CHARS:
            raise QuizgenError(
                f"{self._where(node)}: a value of {len(node.value)} characters, over the"
                f" {MAX_VALUE_CHARS} limit for one value; shorten it"
            )


# libyaml's loader when PyYAML was built with it (it is, in the wheels): ~20x faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
# Every list or mapping starts at an indicator of its own: "[", "{", or "-", ":" or "?"
# before white space. Text with no more than MAX_DEPTH of them cannot nest deeper.
_INDICATOR = re.compile(r"[\[{]|[-:?](?:\s|$)")


def _may_nest_deeper(text: str, depth: int) -> bool:
    return next(islice(_INDICATOR.finditer(text), depth, None), None) is not None


def _check_depth(text: str, path: str, shift: int) -> None:
    """Refuse nesting deeper than MAX_DEPTH, from the event stream (which does not recurse).
    libyaml's parser is fast but may stop at a nesting limit of its own before ours is
    reached (its scanner reads ahead); the pure-Python parser, which has none, then finds
    the line. Any other error is left for the parse proper to report."""
    loader = _Loader(text)
    try:
        _deepest(loader, path, shift)
    except yaml.YAMLError:
        loader.dispose()
        loader = yaml.SafeLoader(text)
        try:
            _deepest(loader, path, shift)
        except yaml.YAMLError:
            pass
    finally:
        loader.dispose()


def _deepest(loader: yaml.BaseLoader, path: str, shift: int) -> None:
    depth = 0
    while (event := loader.get_event()) is not None:
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise QuizgenError(
                    f"{path}:{event.start_mark.line + 1 + shift}: YAML nested over {MAX_DEPTH} levels"
                    " deep; flatten the lists and mappings"
                )
        elif isinstance(event, _CLOSE):
            depth -= 1


# Where an anchor ('&name') or an alias ('*name') may stand: before a value, after white
# space or a flow indicator. Text without one has neither (quoted text may match: the
# events then tell).
_MAY_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s\]},]")


def _refuse_anchors(text: str, path: str, shift: int) -> None:
    """Refuse YAML anchors and aliases (nobody writes them by hand in these files, and an
    alias tree under every limit still expands to gigabytes). Syntax errors are left for
    the parse proper to report."""
    loader = _Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            if getattr(event, "anchor", None) is not None:
                what = "alias ('*name')" if isinstance(event, yaml.AliasEvent) else "anchor ('&name')"
                raise QuizgenError(
                    f"{path}:{event.start_mark.line + 1 + shift}: a YAML {what} is not allowed"
                    " in this file; write the value out instead"
                )
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()


def parse_yaml(text: str, path: str, first_line: int = 1, *, aliases: bool = True) -> YamlDoc:
    """Parse YAML text safely; syntax errors become a one-line QuizgenError with the line.
    `first_line`: the line of the file the text starts on (for a part of a file).
    `aliases=False`: refuse anchors and aliases."""
    shift = first_line - 1
    if len(text) > MAX_CHARS:
        raise QuizgenError(
            f"{path}: YAML text of {len(text) / 1e6:.0f} million characters, over the"
            f" {MAX_CHARS // 1_000_000} million limit; split it into smaller files"
        )
    if _may_nest_deeper(text, MAX_DEPTH):  # else the event pass cannot fail: skip it
        _check_depth(text, path, shift)
    if not aliases and ("&" in text or "*" in text) and _MAY_ANCHOR.search(text):
        _refuse_anchors(text, path, shift)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + shift
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise QuizgenError(
            f"{path}:{line}: YAML syntax error: {problem}; check indentation, colons and quotes"
        ) from None
    except yaml.YAMLError as exc:
        raise QuizgenError(f"{path}: YAML error: {exc}; fix the file's syntax") from None
    finally:
        loader.dispose()
    walk = _Walk(path, shift, aliases)
    if node is not None:
        walk.visit(node, ())
    return YamlDoc(path=path, data=data, lines=walk.lines)


def load_yaml(path: str | Path, *, aliases: bool = True) -> YamlDoc:
    return parse_yaml(read_yaml_text(path), str(path), aliases=aliases)


def read_yaml_text(path: str | Path) -> str:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QuizgenError(f"{p}: file not found; check the path") from None
    except IsADirectoryError:
        raise QuizgenError(f"{p}: is a directory, not a YAML file; name a file") from None
    except UnicodeDecodeError:
        raise QuizgenError(f"{p}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as exc:
        raise QuizgenError(f"{p}: cannot read ({exc.strerror}); check permissions") from None
    return text


def load_yaml_lists(
    path: str | Path, keys: tuple[str, ...], skip: str | None = None, *, aliases: bool = True
) -> tuple[YamlDoc, dict[str, Iterator[tuple[Any, YamlDoc, Key]]]]:
    """A YAML file whose top-level mapping holds long lists under `keys` (a bank's articles
    and items): the file without those lists, and each list's values one by one, each
    with a document that knows its lines and its key path there. A list written in block
    style at the left margin ("- " lines) is parsed item by item, so the whole file's node
    tree and line table are never held at once; another layout is parsed with the rest.
    `skip`: a key of the items whose block is left unread where the layout allows (the
    caller must not need it). `aliases=False`: refuse anchors and aliases."""
    text = read_yaml_text(path)
    cut: dict[str, Iterator[tuple[int, str]]] = {}
    for key in keys:
        parts = _split_list(text, key)
        if parts is not None:
            text, cut[key] = parts
    doc = parse_yaml(text, str(path), aliases=aliases)

    def each(chunks: Iterator[tuple[int, str]]) -> Iterator[tuple[Any, YamlDoc, Key]]:
        for first_line, chunk in chunks:
            part = (_parse_without(chunk, skip, str(path), first_line, aliases) if skip
                    else None)
            part = part or parse_yaml(chunk, str(path), first_line, aliases=aliases)
            if not isinstance(part.data, list) or len(part.data) != 1:
                raise QuizgenError(f"{part.where()}: expected one list item here; check the indentation")
            yield part.data[0], part, (0,)

    def whole(key: str) -> Iterator[tuple[Any, YamlDoc, Key]]:
        values = doc.data.get(key) if isinstance(doc.data, dict) else None
        for i, v in enumerate(values if isinstance(values, list) else []):
            yield v, doc, (key, i)

    return doc, {key: each(cut[key]) if key in cut else whole(key) for key in keys}


def _parse_without(chunk: str, key: str, path: str, first_line: int,
                   aliases: bool = True) -> YamlDoc | None:
    """An item's text parsed without the block of `key` written at the item's first level
    ("  key:" and the lines below it); None when the item is not written so."""
    lines = chunk.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"  {key}:")), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (lines[end].startswith(("  - ", "   ")) or not lines[end].strip()):
        end += 1
    kept = "".join(lines[:start]) + "\n" * (end - start) + "".join(lines[end:])
    try:
        part = parse_yaml(kept, path, first_line, aliases=aliases)
    except QuizgenError:
        return None
    ok = isinstance(part.data, list) and len(part.data) == 1 and isinstance(part.data[0], dict)
    return part if ok and key not in part.data[0] else None


_ITEM = re.compile(r"^-(?: |$)", re.MULTILINE)  # a list item at the left margin
_LIST_END = re.compile(r"^(?!-(?: |$)|[ #]|$)", re.MULTILINE)  # a line that cannot be in the list


def _split_list(text: str, key: str) -> tuple[str, Iterator[tuple[int, str]]] | None:
    """The text with `key:`'s block list emptied, and each item's text with its first line,
    when the list is written at the left margin; else None. Items are cut one at a time
    (a large bank has millions of lines)."""
    found = re.search(rf"^{re.escape(key)}:[ \t]*$", text, re.MULTILINE)
    if found is None:
        return None
    begin = found.end() + 1
    after = _LIST_END.search(text, begin)
    end = after.start() if after else len(text)
    first = _ITEM.search(text, begin, end)
    items_from = first.start() if first else end
    lead = text[begin:items_from].splitlines()
    if any(line.strip() and not line.lstrip().startswith("#") for line in lead):
        return None  # an indented list ("  - "): parse the file whole
    lines_in_list = text.count("\n", found.start(), end)
    # The list's lines are left blank in the rest, so that its lines keep their numbers.
    head = text[: found.start()] + f"{key}: []" + "\n" * lines_in_list + text[end:]

    def items() -> Iterator[tuple[int, str]]:
        starts = [m.start() for m in _ITEM.finditer(text, items_from, end)] + [end]
        line = text.count("\n", 0, items_from) + 1
        for a, b in pairwise(starts):
            yield line, text[a:b]
            line += text.count("\n", a, b)

    return head, items()
