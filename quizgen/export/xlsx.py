"""Spreadsheets for the quiz platforms' import templates (Quizizz/Wayground, Kahoot).

Text goes into text cells: a string cell formatted as Text ("@"), so a spreadsheet
program shows "12/7" and "10.000" as written instead of a date and a number, and keeps
them so when a teacher edits the cell; a text starting with "=" stays text, never a
formula. The file is reproducible: fixed document dates and zip entry times.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from ..errors import QuizgenError
from ..outfile import atomic_write_bytes
from ..model import QuestionBank
from .selection import Check, Export, Selection, clean, sort_out, unusable

TEXT_FORMAT = "@"
FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def check_time(platform: str, seconds: int, allowed: Sequence[int]) -> None:
    """Refuse a time limit the platform's editor does not offer."""
    if seconds not in allowed:
        raise QuizgenError(f"{platform} has no time limit of {seconds} s;"
                           f" use one of {', '.join(map(str, allowed))}")


def js_length(text: str) -> int:
    """Length as a browser counts it (UTF-16 code units: an emoji counts 2), which is how
    the platforms' editors count their character limits."""
    return len(text.encode("utf-16-le")) // 2


def put(
    ws: Worksheet, row: int, column: int, value: str | int | None, *, bold: bool = False
) -> Cell:
    """Set a cell: text as a text cell, whole numbers as numbers, None as empty."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = clean(value)
        cell.data_type = "s"  # openpyxl would read a leading "=" as a formula
        cell.number_format = TEXT_FORMAT
    else:
        cell.value = value
    if bold:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def put_row(ws: Worksheet, row: int, values: Sequence[str | int | None], *, first: int = 1,
            bold: bool = False) -> None:
    for i, value in enumerate(values):
        put(ws, row, first + i, value, bold=bold)


def start_sheet(fmt: str, platform: str, bank: QuestionBank, selection: Selection | None,
                kinds: Sequence[str], check: Check, time: int, times: Sequence[int]):
    """Check the time limit, sort the items out (selection.sort_out with the platform's
    `check` after the common ones) and open a workbook: (workbook, sheet, result)."""
    check_time(platform, time, times)
    result = sort_out(fmt, bank, selection, unusable(platform, kinds, bank.lang, check))
    return *new_sheet("Sheet1"), result


def new_sheet(title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    wb.properties.creator = "quizgen"
    return wb, ws


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx bytes, the same for the same content (no clock inside)."""
    raw = io.BytesIO()
    wb.save(raw)  # sets the modified date to now: core.xml is written again below
    wb.properties.created = wb.properties.modified = FIXED_TIME
    core = tostring(wb.properties.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = core if info.filename == "docProps/core.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


def write_workbook(path: str | Path, wb: Workbook, result: Export) -> Export:
    """Write the workbook to path (atomically) and pass the export's result on."""
    atomic_write_bytes(path, workbook_bytes(wb))
    return result
