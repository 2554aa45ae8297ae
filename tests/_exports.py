"""What a platform export may leave out of a bank whose every kind it takes."""

from __future__ import annotations

import re

from quizgen.export.selection import Skipped


def only_given_away(skipped: list[Skipped]) -> bool:
    """Nothing is left out but facts another exported item already asks from their other
    side (quizgen/select.py gives_away), each named with that item, and facts whose answer
    names someone MAX_PER_NAME exported items already answer with, each named with it."""
    return all(s.reason.startswith("asks the fact of ")
               or re.fullmatch(r"its answer names \S+, the answer of \d+ items already", s.reason)
               for s in skipped)
