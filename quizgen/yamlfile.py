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


def _walk(node: yaml.Node, key: Key, lines: dict[Key, int]) -> None:
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k_node, v_node in node.value:
            name = k_node.value if isinstance(k_node, yaml.ScalarNode) else str(k_node.start_mark)
            _walk(v_node, key + (name,), lines)
            lines.setdefault(key + (name,), k_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _walk(child, key + (i,), lines)


# libyaml's loader when PyYAML was built with it (it is, in the wheels): ~20x faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, path: str) -> YamlDoc:
    """Parse YAML text safely; syntax errors become a one-line QuizgenError with the line."""
    loader = _Loader(text)
    try:
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
    lines: dict[Key, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return YamlDoc(path=path, data=data, lines=lines)


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
