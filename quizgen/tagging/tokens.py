"""Word tokens with offsets and case flags, as the recognisers see a sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)|([^\W_]+(?:\.[^\W\d_][^\W_]*)*)|[^\w\s]")


class Tok(NamedTuple):
    """One token. A tuple: cheap to build, and holding no objects the collector must track."""

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


_new = tuple.__new__  # builds a Tok without the Python-level __new__ of NamedTuple


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    prev_end = -1
    for m in _TOKEN.finditer(text):
        s = m.group()
        start, end = m.span()
        if m.lastindex == 2:  # letters and digits, starting with a letter
            if s.isalpha():
                fields = (True, False, s[0].isupper(), len(s) >= 2 and s.isupper())
            else:
                letters = sum(1 for c in s if c.isalpha())
                word = letters > 0
                fields = (word, not word and s[0].isdigit(), word and s[0].isupper(), letters >= 2 and s.isupper())
        else:  # a number, or one punctuation mark
            fields = (False, m.lastindex == 1, False, False)
        append(_new(Tok, (len(out), start, end, s, s.lower(), *fields, start == prev_end)))
        prev_end = end
    return out


def phrase_key(text: str) -> tuple[str, ...]:
    """The lower-case token sequence of a phrase from the language data."""
    return tuple(t.low for t in tokenize(text))
