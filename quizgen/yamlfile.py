"""Safe YAML loading that remembers the line of every value, for errors like FILE:LINE."""

from __future__ import annotations

from dataclasses import dataclass
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


MAX_DEPTH = 100  # nested lists and mappings; libyaml's composer recurses in C (and crashes)
MAX_ALIAS_REPEATS = 100_000  # values reached again through '*alias' (an alias bomb: 10**9)


class _Walk:
    """Records the line of every value; counts values reached again through aliases."""

    def __init__(self, path: str) -> None:
        self.path, self.lines, self.seen, self.repeats = path, {}, set(), 0

    def visit(self, node: yaml.Node, key: Key) -> None:
        if id(node) in self.seen:
            self.repeats += 1
            if self.repeats > MAX_ALIAS_REPEATS:
                raise QuizgenError(
                    f"{self.path}:{node.start_mark.line + 1}: YAML aliases ('*name') repeat"
                    f" values over {MAX_ALIAS_REPEATS} times; write the values out instead"
                )
        self.seen.add(id(node))
        lines = self.lines
        lines[key] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for k_node, v_node in node.value:
                name = k_node.value if isinstance(k_node, yaml.ScalarNode) else str(k_node.start_mark)
                self.visit(v_node, key + (name,))
                lines.setdefault(key + (name,), k_node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                self.visit(child, key + (i,))


# libyaml's loader when PyYAML was built with it (it is, in the wheels): ~20x faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_depth(loader: yaml.BaseLoader, path: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, from the event stream (which does not recurse)."""
    depth = 0
    while (event := loader.get_event()) is not None:
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise QuizgenError(
                    f"{path}:{event.start_mark.line + 1}: YAML nested over {MAX_DEPTH} levels"
                    " deep; flatten the lists and mappings"
                )
        elif isinstance(event, _CLOSE):
            depth -= 1


def parse_yaml(text: str, path: str) -> YamlDoc:
    """Parse YAML text safely; syntax errors become a one-line QuizgenError with the line."""
    loader = _Loader(text)
    try:
        _check_depth(loader, path)
        loader.dispose()
        loader = _Loader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise QuizgenError(
            f"{path}:{line}: YAML syntax error: {problem}; check indentation, colons and quotes"
        ) from None
    except yaml.YAMLError as exc:
        raise QuizgenError(f"{path}: YAML error: {exc}; fix the file's syntax") from None
    finally:
        loader.dispose()
    walk = _Walk(path)
    if node is not None:
        walk.visit(node, ())
    return YamlDoc(path=path, data=data, lines=walk.lines)


def load_yaml(path: str | Path) -> YamlDoc:
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
    return parse_yaml(text, str(p))
