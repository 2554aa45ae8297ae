"""Word tokens with offsets and case flags, as the recognisers see a sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)|([^\W_]+(?:\.[^\W\d_][^\W_]*)*)|[^\w\s]")
# The same tokens as one group: split() gives [gap, token, gap, token, ..., gap].
_SPLIT = re.compile(r"(\d+(?:[.,]\d+)*|[^\W_]+(?:\.[^\W\d_][^\W_]*)*|[^\w\s])").split


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

Kind = tuple[str, bool, bool, bool, bool]  # low, word, num, cap, allcaps: the text decides them
_KINDS: dict[str, Kind] = {}  # per token text; words repeat, so most tokens are a lookup
_KINDS_MAX = 200_000


def _kind(s: str) -> Kind:
    """Lower case and flags of one token's text (which of _TOKEN's branches matched it)."""
    branch = _TOKEN.fullmatch(s).lastindex  # type: ignore[union-attr]
    if branch == 2:  # letters and digits, starting with a letter
        if s.isalpha():
            kind = (s.lower(), True, False, s[0].isupper(), len(s) >= 2 and s.isupper())
        else:
            letters = sum(1 for c in s if c.isalpha())
            word = letters > 0
            kind = (s.lower(), word, not word and s[0].isdigit(), word and s[0].isupper(), letters >= 2 and s.isupper())
    else:  # a number, or one punctuation mark
        kind = (s.lower(), False, branch == 1, False, False)
    if len(_KINDS) >= _KINDS_MAX:
        _KINDS.clear()
    _KINDS[s] = kind
    return kind


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    kinds = _KINDS.get
    parts = _SPLIT(text)
    end = len(parts[0])
    for k in range(1, len(parts), 2):
        s = parts[k]
        start, end = end, end + len(s)
        glued = k > 1 and not parts[k - 1]
        append(_new(Tok, (k >> 1, start, end, s, *(kinds(s) or _kind(s)), glued)))
        end += len(parts[k + 1])
    return out


def phrase_key(text: str) -> tuple[str, ...]:
    """The lower-case token sequence of a phrase from the language data."""
    return tuple(t.low for t in tokenize(text))
