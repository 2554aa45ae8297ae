"""The checks every hand-edited YAML file of quizgen goes through (decks, banks): a value's
type, the keys a mapping may hold, each error one line `FILE:LINE: what; how to fix`.

A key path is written as a person finds it in the file: `outputs.worksheet.stem`,
`items[3].options`, `sources[0]`.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from typing import Any

from .errors import QuizgenError
from .yamlfile import YamlDoc

Key = tuple[Any, ...]

# What a type is called in a message, and how to write a value of it.
_NAMES: dict[type, tuple[str, str]] = {
    str: ("a string", "write text (in quotes when it looks like a number, a date or true/false)"),
    int: ("a whole number", "write a whole number such as 7"),
    float: ("a number", "write a number such as 0.5"),
    bool: ("true or false", "write true or false"),
    list: ("a list", "write a list: one '- ' line per entry, or [a, b]"),
    dict: ("a mapping", "write 'key: value' lines indented under it"),
}


def key_name(key: Key) -> str:
    """('items', 3, 'options') -> 'items[3].options'."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def type_name(expected: type | tuple[type, ...]) -> str:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if set(kinds) == {int, float}:
        return _NAMES[float][0]
    return " or ".join(_NAMES[t][0] if t in _NAMES else t.__name__ for t in kinds)


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def is_type(value: Any, expected: type | tuple[type, ...]) -> bool:
    """isinstance, except that true/false is not a number."""
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool):
        return bool in kinds
    return isinstance(value, kinds)


class Located:
    """A value inside a YAML document: its key path there and, for messages, the path a
    person knows it by (an item parsed on its own is `items[3]` in the file)."""

    def __init__(self, doc: YamlDoc, key: Key = (), name: Key | None = None) -> None:
        self.doc, self.key, self.name = doc, key, key if name is None else name

    def where(self, *key: Any) -> str:
        return self.doc.where(*self.key, *key)

    def fail(self, key: Key, what: str, fix: str) -> QuizgenError:
        """`FILE:LINE: 'KEY' what; fix` for the value at `key` below this one."""
        label = key_name(self.name + tuple(key))
        return QuizgenError(f"{self.where(*key)}: {f'{label!r} ' if label else ''}{what}; {fix}")

    def check_type(self, key: Key, value: Any, expected: type | tuple[type, ...]) -> None:
        if not is_type(value, expected):
            first = expected[0] if isinstance(expected, tuple) else expected
            raise self.fail(key, f"must be {type_name(expected)}, not {type(value).__name__}"
                            f" {shown(value)}", _NAMES.get(first, ("", "fix its type"))[1])

    def check_keys(self, key: Key, value: dict, allowed: Collection[str]) -> None:
        """Every key of the mapping `value` (at `key`) is allowed; a misspelt one is named
        with the closest allowed key."""
        for k in value:
            if k not in allowed:
                names = sorted(allowed)
                label = key_name(self.name + tuple(key) + (k,))
                close = difflib.get_close_matches(str(k), names, 1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise QuizgenError(f"{self.where(*key, k)}: unknown key '{label}'; {hint}allowed"
                                   f" here: {', '.join(names)}")

    def choice(self, key: Key, value: Any, allowed: Iterable[str], what: str) -> None:
        """`value` is one of `allowed` (a string); else name the closest."""
        allowed = list(allowed)
        if value in allowed:
            return
        close = difflib.get_close_matches(str(value), allowed, 1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise QuizgenError(f"{self.where(*key)}: unknown {what} {shown(value)} in"
                           f" '{key_name(self.name + tuple(key))}'; {hint}use one of"
                           f" {', '.join(allowed)}")
