"""Quizizz (Wayground since 2025): the `.xlsx` of its spreadsheet template, for Create >
Quiz > Import from spreadsheet.

The layout is the vendor's template: the header in row 1, its instruction row in row 2,
one question per row from row 3. Multiple choice items keep their options (at most five)
and name the right one by number; a true/false item becomes a two-option multiple choice
with the language's true and false words; short and cloze items become Fill-in-the-Blank
questions, the answer as the accepted option. The explanation column carries the source
sentence and its citation. Every cell is a text cell (quizgen/export/xlsx.py).
"""

from __future__ import annotations

from pathlib import Path

from ..model import CLOZE, MCQ, SHORT, TRUEFALSE, Item, QuestionBank
from .platforms import PLATFORMS
from .selection import Check, Export, Selection, choices, feedback, one_line
from .xlsx import put_row, start_sheet, write_workbook

FORMAT = "quizizz"
KINDS = (MCQ, TRUEFALSE, SHORT, CLOZE)
MAX_OPTIONS = 5
TIMES = PLATFORMS["quizizz"].times
DEFAULT_TIME = PLATFORMS["quizizz"].default_time
MULTIPLE_CHOICE = "Multiple Choice"
FILL_IN = "Fill-in-the-Blank"
HEADER = (
    "Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4",
    "Option 5", "Correct Answer", "Time in seconds", "Image Link", "Answer explanation",
)  # fmt: skip
INSTRUCTIONS = (
    "Text of the question\n\n(required)",
    "Question Type\n\n(default is Multiple Choice)",
    "Text for option 1\n\n(required in all cases except open-ended & draw questions)",
    "Text for option 2\n\n(required in all cases except open-ended & draw questions)",
    "Text for option 3\n\n(optional)",
    "Text for option 4\n\n(optional)",
    "Text for option 5\n\n(optional)",
    'The correct option choice (between 1-5).\n\nLeave blank for "Open-Ended", "Poll", "Draw"'
    ' and "Fill-in-the-Blank".',
    "Time in seconds\n\n(optional, default value is 30 seconds)",
    "Link of the image\n\n(optional)",
    "Explanation for the answer\n(optional)",
)
FIRST_ROW = 3


def _options(lang: str) -> Check:
    def why(item: Item) -> str | None:
        c = choices(item, lang)
        if c is not None and len(c.texts) > MAX_OPTIONS:
            return f"{len(c.texts)} options; Quizizz takes at most {MAX_OPTIONS}"
        return None

    return why


def row(item: Item, bank: QuestionBank, time: int) -> list[str | None]:
    c = choices(item, bank.lang)
    if c is not None:
        kind, options, correct = MULTIPLE_CHOICE, list(c.texts), str(c.correct + 1)
    else:
        kind, options, correct = FILL_IN, [one_line(item.answer)], None
    options += [None] * (MAX_OPTIONS - len(options))
    return [one_line(item.question), kind, *options, correct, str(time), None,
            feedback(item, bank) or None]


def build_quizizz(bank: QuestionBank, selection: Selection | None = None,
                  time: int = DEFAULT_TIME):
    """The workbook of the bank's chosen items, and what was left out."""
    wb, ws, result = start_sheet(FORMAT, "Quizizz", bank, selection, KINDS,
                                 _options(bank.lang), time, TIMES)
    put_row(ws, 1, HEADER, bold=True)
    put_row(ws, 2, INSTRUCTIONS, bold=True)
    for n, item in enumerate(result.items):
        put_row(ws, FIRST_ROW + n, row(item, bank, time))
    ws.column_dimensions["A"].width = 60
    return wb, result


def write_quizizz(bank: QuestionBank, path: str | Path, selection: Selection | None = None,
                  time: int = DEFAULT_TIME) -> Export:
    """Write the .xlsx (atomically); returns what was exported and left out."""
    return write_workbook(path, *build_quizizz(bank, selection, time))
