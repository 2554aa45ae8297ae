"""CSV (`.csv`): one row per item for any spreadsheet or platform that imports a table.

UTF-8 with a byte order mark, so Excel reads the accents and the emoji right; comma
separated, or `;` for Excel set to Indonesian (and other locales whose decimal mark is
the comma). Columns: id, kind, question, options (joined with " | "), answer, source.
A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) gets a leading apostrophe, as OWASP advises, so opening the file never
runs anything.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import QuizgenError
from ..model import Item, QuestionBank
from .cardtext import source_lines
from .selection import Export, Selection, one_line, sort_out, written

FORMAT = "csv"
COLUMNS = ("id", "kind", "question", "options", "answer", "source")
DELIMITERS = (",", ";")
OPTION_SEPARATOR = " | "
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """A cell no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(item: Item, bank: QuestionBank) -> list[str]:
    articles = {a.id: a for a in bank.articles}
    cells = [
        item.id,
        item.kind,
        item.question,
        OPTION_SEPARATOR.join(one_line(o) for o in item.options),
        item.answer,
        OPTION_SEPARATOR.join(source_lines(item, articles, bank.lang)),
    ]
    return [neutral(one_line(c)) for c in cells]


def export_csv(bank: QuestionBank, selection: Selection | None = None,
               delimiter: str = ",") -> tuple[str, Export]:
    """The CSV text (with its BOM) of the bank's chosen items; every kind is taken."""
    if delimiter not in DELIMITERS:
        raise QuizgenError(f"CSV delimiter {delimiter!r} is not offered; use ',' or ';'")
    result = sort_out(FORMAT, bank, selection, lambda item: None)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(i, bank) for i in result.items)
    return BOM + out.getvalue(), result


def write_csv(bank: QuestionBank, path: str | Path, selection: Selection | None = None,
              delimiter: str = ","):
    """Write the file (atomically); returns what was exported."""
    return written(path, *export_csv(bank, selection, delimiter))
