"""GIFT: Moodle's plain-text question format (`.gift.txt`), for Moodle's Question bank >
Import and every tool that reads GIFT.

Each question is `::ITEM-ID::[html]TEXT{ANSWERS####FEEDBACK}`, one blank line between
questions, the bank title as `$CATEGORY:`. Texts are written in the [html] format,
HTML-escaped, then the GIFT reserved characters `~ = # { } :` and the backslash are
escaped with a backslash as Moodle's own GIFT exporter does. HTML escaping makes every
`>` an `&gt;`, so no answer ever holds `->` (which would turn a question into a matching
one), and text such as `<b>` shows as typed.

Kinds: mcq (`{=right ~wrong}`), truefalse (`{TRUE}` / `{FALSE}`), short (`{=answer}`)
and cloze as a missing-word question (`before {=answer} after`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..model import CLOZE, MCQ, SHORT, TRUEFALSE, Item, QuestionBank
from .cardtext import BLANK
from .selection import (
    Export, Selection, choices, clean, feedback, is_true, one_line, sort_out, unusable,
    written,
)

FORMAT = "gift"
KINDS = (MCQ, TRUEFALSE, SHORT, CLOZE)
_RESERVED = {c: "\\" + c for c in "\\~=#{}:"}
_SPACES = re.compile(r"\s+")


def escape(text: str, *, strip: bool = True) -> str:
    """Text for inside a GIFT question: HTML-escaped, then GIFT's reserved characters
    escaped; one line (`strip=False` keeps one space at either end)."""
    flat = one_line(text) if strip else _SPACES.sub(" ", clean(text))
    return "".join(_RESERVED.get(c, c) for c in html.escape(flat, quote=False))


def category(title: str) -> str:
    """The bank title as a Moodle category path under the course ('/' doubled)."""
    name = one_line(title).replace("/", "//") or "quizgen"
    return f"$CATEGORY: $course$/top/{name}"


def _answers(item: Item, lang: str) -> str:
    if item.kind == TRUEFALSE:
        return "TRUE" if is_true(item, lang) else "FALSE"
    if item.kind == MCQ:
        c = choices(item, lang)
        assert c is not None
        return " ".join(("=" if i == c.correct else "~") + escape(t) for i, t in enumerate(c.texts))
    return "=" + escape(item.answer)


def question(item: Item, bank: QuestionBank) -> str:
    """One GIFT question (no trailing newline)."""
    body = _answers(item, bank.lang)
    note = feedback(item, bank)
    block = "{" + body + (f"####{escape(note)}" if note else "") + "}"
    head = f"::{escape(item.id)}::[html]"
    if item.kind == CLOZE:
        before, after = BLANK.split(item.question, maxsplit=1)
        if one_line(before) and one_line(after):  # missing word: answers replace the blank
            before, after = escape(before, strip=False), escape(after, strip=False)
            return f"{head}{before.lstrip()}{block}{after.rstrip()}"
        # A blank first or last: GIFT needs text on both sides of a missing word, so the
        # blank stays in the text and the answers follow it.
    return f"{head}{escape(item.question)} {block}"


def export_gift(bank: QuestionBank, selection: Selection | None = None) -> tuple[str, Export]:
    """The GIFT text of the bank's chosen items, and what was left out."""
    result = sort_out(FORMAT, bank, selection, unusable("GIFT", KINDS, bank.lang))
    parts = [category(bank.title)] + [question(i, bank) for i in result.items]
    return "\n\n".join(parts) + "\n", result


def write_gift(bank: QuestionBank, path: str | Path, selection: Selection | None = None):
    """Write the file (atomically); returns what export_gift returns beside the text."""
    return written(path, *export_gift(bank, selection))
