"""Kahoot!: the `.xlsx` of Kahoot's quiz spreadsheet template, for Create > Add question >
Import spreadsheet.

The layout is the vendor's template: its title and instructions in B2:B5, the header in
row 8 (column A unnamed, for the question number), one question per row from row 9.
Multiple choice items keep their options (at most four); a true/false item becomes a
two-answer question with the language's true and false words. Kahoot refuses a question
over 120 characters or an answer over 75: such an item is left out whole and listed,
never cut. The time limit is one of the values Kahoot offers.
"""

from __future__ import annotations

from pathlib import Path

from ..model import MCQ, TRUEFALSE, Item, QuestionBank
from .platforms import PLATFORMS
from .selection import Check, Export, Selection, choices, one_line
from .xlsx import js_length, put, put_row, start_sheet, write_workbook

FORMAT = "kahoot"
KINDS = (MCQ, TRUEFALSE)
MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIMES = PLATFORMS["kahoot"].times
DEFAULT_TIME = PLATFORMS["kahoot"].default_time
INTRO = {
    2: "Quiz template",
    3: "Add questions, at least two answer alternatives, time limit and choose correct"
       " answers (at least one). Have fun creating your awesome quiz!",
    4: "Remember: questions have a limit of 120 characters and answers can have 75 characters"
       " max. Text will turn red in Excel or Google Docs if you exceed this limit. If several"
       " answers are correct, separate them with a comma.",
    5: "And remember, if you're not using Excel you need to export to .xlsx format before you"
       " upload to Kahoot!",
}
HEADER_ROW = 8
HEADER = (
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)


def _limits(lang: str) -> Check:
    def why(item: Item) -> str | None:
        n = js_length(one_line(item.question))
        if n > MAX_QUESTION:
            return f"question has {n} characters; Kahoot allows {MAX_QUESTION}"
        c = choices(item, lang)
        assert c is not None
        if len(c.texts) > MAX_ANSWERS:
            return f"{len(c.texts)} options; Kahoot takes at most {MAX_ANSWERS}"
        longest = max(js_length(t) for t in c.texts)
        if longest > MAX_ANSWER:
            return f"an answer has {longest} characters; Kahoot allows {MAX_ANSWER}"
        return None

    return why


def build_kahoot(bank: QuestionBank, selection: Selection | None = None,
                 time: int = DEFAULT_TIME):
    """The workbook of the bank's chosen items, and what was left out."""
    wb, ws, result = start_sheet(FORMAT, "Kahoot", bank, selection, KINDS, _limits(bank.lang),
                                 time, TIMES)
    for row, text in INTRO.items():
        put(ws, row, 2, text)
    put_row(ws, HEADER_ROW, HEADER, bold=True)
    for n, item in enumerate(result.items, start=1):
        c = choices(item, bank.lang)
        assert c is not None
        answers = c.texts + [None] * (MAX_ANSWERS - len(c.texts))
        put_row(ws, HEADER_ROW + n, [n, one_line(item.question), *answers, time, c.correct + 1])
    ws.column_dimensions["B"].width = 60
    return wb, result


def write_kahoot(bank: QuestionBank, path: str | Path, selection: Selection | None = None,
                 time: int = DEFAULT_TIME) -> Export:
    """Write the .xlsx (atomically); returns what was exported and left out."""
    return write_workbook(path, *build_kahoot(bank, selection, time))
