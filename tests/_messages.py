"""Comparing our error messages where a part of them is a dependency's own words.

quizgen owns the frame of every message (file, line, what, how to fix). A parser's detail
inside it ("did not find expected ',' or ']'", Jinja2's "unexpected '}'") is the
dependency's wording, which may change with any release: a table row writes it as {dep},
which matches any non-empty text on the line.
"""

from __future__ import annotations

import re

DEP = "{dep}"


def same_message(expected: str, actual: str) -> bool:
    if DEP not in expected:
        return actual == expected
    pattern = "[^\n]+".join(re.escape(part) for part in expected.split(DEP))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None
