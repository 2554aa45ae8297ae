"""A person's change to one item, checked before it reaches the bank.

The review page sends the fields it changed; `apply_change` checks them against the item's
kind (an MCQ keeps exactly one correct option among distinct options, a cloze keeps its
blank, a true/false answer is one of its options) and returns the item as it would be
saved. A change that breaks a rule raises EditError naming the field and the fix.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..bank import EDITABLE
from ..errors import QuizgenError
from ..itemrules import kind_problem, same_option
from ..model import MCQ, Item

# The fields the page may change: the bank's editable fields but its tags (which the
# exporters read as data: kind, event, entity labels).
CHANGEABLE = tuple(name for name in EDITABLE if name != "tags")
_TEXT_FIELDS = ("question", "answer", "explanation")


class EditError(QuizgenError):
    """A change that would make the item invalid; `field` names the field to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _checked_values(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in CHANGEABLE:
            raise EditError(name, f"'{name}' cannot be changed here; change {', '.join(CHANGEABLE)}")
        if name == "keep":
            if not isinstance(value, bool):
                raise EditError(name, "'keep' must be true or false")
        elif name == "options":
            if not isinstance(value, list) or not all(isinstance(o, str) for o in value):
                raise EditError(name, "options must be a list of texts")
            value = [" ".join(o.split()) for o in value if o.strip()]
        else:
            if not isinstance(value, str):
                raise EditError(name, f"'{name}' must be text")
            value = value.strip()
            if name != "explanation" and not value:
                raise EditError(name, f"the {name} is empty; write one")
        values[name] = value
    return values


def _check_kind(item: Item) -> None:
    problem = kind_problem(item)
    if problem is not None:
        raise EditError(*problem)


def apply_change(item: Item, changes: dict[str, Any]) -> Item:
    """A copy of `item` with `changes` (field -> new value) applied and checked."""
    if not isinstance(changes, dict) or not changes:
        raise EditError("", "no change given")
    changed = dataclasses.replace(item, **_checked_values(changes))
    changed.options = list(changed.options)
    if changed.kind == MCQ and "answer" in changes and "options" not in changes:
        # Editing the answer of an MCQ renames its correct option.
        old = next((i for i, o in enumerate(item.options) if same_option(o) == same_option(item.answer)), None)
        if old is not None:
            changed.options[old] = changed.answer
    _check_kind(changed)
    return changed


def fields_of(item: Item) -> dict[str, Any]:
    """The changeable fields of an item, as the page sends them back (for undo)."""
    return {name: list(getattr(item, name)) if name == "options" else getattr(item, name)
            for name in CHANGEABLE}
