"""Google Forms: an Apps Script file (`.gs`) a teacher pastes into script.google.com and
runs once; it creates the form in quiz mode with the answer keys, points and feedback.

Google Forms imports no question file, so the export is a program: the script logic is
the fixed asset `assets/forms.gs`, and the bank's items go into it as one JSON literal
(`const QUIZ = {...}`), never spliced into code. Every kind is taken: multiple choice
and true/false become multiple-choice questions with the right choice marked; short and
cloze become short-answer questions whose accepted answers the script sets through the
Google Forms API service when the teacher has added it (FormApp alone cannot).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import KINDS, Item, QuestionBank
from .cardtext import source_line
from .selection import Export, Selection, choices, feedback, one_line, sort_out, unusable, written

FORMAT = "forms"
PLACEHOLDER = "/*QUIZ*/null"
POINTS = 1


def asset_text() -> str:
    return resources.files("quizgen.export").joinpath("assets/forms.gs").read_text("utf-8")


def quiz_data(bank: QuestionBank, items: list[Item]) -> dict[str, Any]:
    """What the script creates: the form's title, description and questions."""
    cited = {s.article for i in items for s in i.sources}
    sources = [one_line(source_line(a, bank.lang)) for a in bank.articles if a.id in cited]
    out: list[dict[str, Any]] = []
    for item in items:
        q: dict[str, Any] = {"id": item.id, "kind": item.kind, "title": one_line(item.question),
                             "points": POINTS, "feedback": feedback(item, bank)}
        c = choices(item, bank.lang)
        if c is not None:
            q.update(choices=c.texts, correct=c.correct)
        else:
            q.update(answers=[one_line(item.answer)])
        out.append(q)
    return {"title": one_line(bank.title) or "Quiz", "description": "\n".join(sources),
            "items": out}


def script(data: dict[str, Any]) -> str:
    """The Apps Script with the data in place: JSON is a JavaScript literal (with the two
    line separators JSON allows and older JavaScript did not written as escapes)."""
    literal = json.dumps(data, ensure_ascii=False, indent=1)
    literal = literal.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return asset_text().replace(PLACEHOLDER, literal, 1)


def export_forms(bank: QuestionBank, selection: Selection | None = None) -> tuple[str, Export]:
    """The Apps Script of the bank's chosen items, and what was left out."""
    result = sort_out(FORMAT, bank, selection, unusable("Google Forms", KINDS, bank.lang))
    return script(quiz_data(bank, result.items)), result


def write_forms(bank: QuestionBank, path: str | Path, selection: Selection | None = None):
    """Write the script (atomically); returns what was exported and left out."""
    return written(path, *export_forms(bank, selection))
