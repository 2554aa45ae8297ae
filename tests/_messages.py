"""Comparing our error messages where a part of them is a dependency's own words.

quizgen owns the frame of every message (file, line, what, how to fix). A parser's detail
inside it ("did not find expected ',' or ']'", Jinja2's "unexpected '}'") is the
dependency's wording, which may change with any release: a table row writes it as {dep},
which matches any non-empty text on the line. A count that is not the row's point (how
many items the confidence model keeps) is written {n}, which matches any whole number.
"""

from __future__ import annotations

import re

DEP = "{dep}"
NUMBER = "{n}"


def same_message(expected: str, actual: str) -> bool:
    if DEP not in expected and NUMBER not in expected:
        return actual == expected
    pattern = "[^\n]+".join(
        r"\d+".join(re.escape(piece) for piece in part.split(NUMBER))
        for part in expected.split(DEP))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None
