"""Word tokens with offsets and case flags, as the recognisers see a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:\.[^\W\d_][^\W_]*)*|[^\w\s]")


@dataclass
class Tok:
    i: int
    start: int
    end: int
    text: str
    low: str
    word: bool  # letters (possibly with digits)
    num: bool  # digits, with grouping or decimal marks
    cap: bool  # starts with an upper-case letter
    allcaps: bool  # two or more letters, all upper case
    glued: bool  # no space before it


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        s = m.group()
        letters = [c for c in s if c.isalpha()]
        num = s[0].isdigit() and not letters
        out.append(
            Tok(
                i=len(out),
                start=m.start(),
                end=m.end(),
                text=s,
                low=s.lower(),
                word=bool(letters),
                num=num,
                cap=bool(letters) and s[0].isupper(),
                allcaps=len(letters) >= 2 and all(c.isupper() for c in letters),
                glued=m.start() == prev_end,
            )
        )
        prev_end = m.end()
    return out


def phrase_key(text: str) -> tuple[str, ...]:
    """The lower-case token sequence of a phrase from the language data."""
    return tuple(t.low for t in tokenize(text))
