"""Word tokens with offsets and case flags, as the recognisers see a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)|([^\W_]+(?:\.[^\W\d_][^\W_]*)*)|[^\w\s]")


@dataclass(slots=True)
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
        start, end = m.span()
        if m.lastindex == 2:  # letters and digits, starting with a letter
            letters = len(s) if s.isalpha() else sum(1 for c in s if c.isalpha())
            word = letters > 0
            num = not word and s[0].isdigit()
            cap = word and s[0].isupper()
            allcaps = letters >= 2 and s.isupper()
        else:  # a number, or one punctuation mark
            word = cap = allcaps = False
            num = m.lastindex == 1
        out.append(Tok(len(out), start, end, s, s.lower(), word, num, cap, allcaps, start == prev_end))
        prev_end = end
    return out


def phrase_key(text: str) -> tuple[str, ...]:
    """The lower-case token sequence of a phrase from the language data."""
    return tuple(t.low for t in tokenize(text))
