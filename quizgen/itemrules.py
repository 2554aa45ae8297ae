"""The rules an item of each kind keeps, wherever it is checked: loading a bank file
(quizgen/bank.py) and a change on the review page (quizgen/review/edits.py).

An MCQ has at least two distinct options and its answer among them (compared as a student
reads them: case and spacing aside); a true/false answer is one of the language's two
answer words (or, without a language, one of the item's options); a cloze question has
exactly one blank.
"""

from __future__ import annotations

import re

from .model import CLOZE, MCQ, TRUEFALSE, Item

BLANK = re.compile(r"_{3,}")


def same_option(text: str) -> str:
    """Options compare as a student reads them: case and spacing aside."""
    return " ".join(text.split()).casefold()


def kind_problem(item: Item, truth: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """(field, message) for the first rule of its kind the item breaks, None if it keeps
    them all. `truth`: the language's answer words for true and false."""
    if item.kind == MCQ:
        if len(item.options) < 2:
            return "options", ("a multiple-choice item needs at least two options; add the"
                               " wrong options")
        seen: set[str] = set()
        for option in item.options:
            if same_option(option) in seen:
                return "options", f"option '{option}' is given twice; make the options distinct"
            seen.add(same_option(option))
        if same_option(item.answer) not in seen:
            return "answer", "the answer must be one of the options; make one option the answer"
    elif item.kind == TRUEFALSE:
        allowed = list(truth or item.options)
        if allowed and item.answer not in allowed:
            return "answer", (f"the answer must be one of {' / '.join(allowed)}; write one of"
                              " them")
    elif item.kind == CLOZE:
        blanks = len(BLANK.findall(item.question))
        if blanks != 1:
            return "question", ("a cloze question needs exactly one blank (_____) where the"
                                " answer goes; " + ("remove the others" if blanks else
                                                    "write one in place of the answer"))
    return None
