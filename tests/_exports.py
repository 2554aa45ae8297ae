"""What a platform export may leave out of a bank whose every kind it takes."""

from __future__ import annotations

from quizgen.export.selection import Skipped


def only_given_away(skipped: list[Skipped]) -> bool:
    """Nothing is left out but facts another exported item already asks from their other
    side (quizgen/select.py gives_away), each named with that item."""
    return all(s.reason.startswith("asks the fact of ") for s in skipped)
