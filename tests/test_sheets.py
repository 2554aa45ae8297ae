"""Quizizz and Kahoot spreadsheets, read back with openpyxl as the vendors' templates
define them: the template's fixed cells, one data row per exported item, text cells
(no date, number or formula made of a text), and the platforms' limits."""

from __future__ import annotations

import zipfile

import pytest
from _exports import only_given_away
from hostilebank import hostile_bank
from openpyxl import load_workbook
from seedbank import seed_bank

from quizgen.errors import QuizgenError
from quizgen.select import fact_of
from quizgen.export import kahoot, quizizz
from quizgen.export.selection import Selection, choices, feedback, one_line
from quizgen.export.xlsx import js_length
from quizgen.model import CLOZE, MCQ, SHORT, TRUEFALSE, Item

BANKS = pytest.mark.parametrize("make", [seed_bank, hostile_bank], ids=["seeds", "hostile"])


def _sheet(path):
    wb = load_workbook(path)
    return wb.active


def _is_text(cell) -> bool:
    return cell.data_type == "s" and cell.number_format == "@"


@BANKS
def test_quizizz_sheet_follows_the_template(make, tmp_path):
    bank = make()
    path = tmp_path / "quiz.xlsx"
    result = quizizz.write_quizizz(bank, path)
    ws = _sheet(path)
    assert [c.value for c in ws[1]] == list(quizizz.HEADER)
    assert [c.value for c in ws[2]] == list(quizizz.INSTRUCTIONS)
    rows = list(ws.iter_rows(min_row=quizizz.FIRST_ROW))
    assert len(rows) == len(result.items) and only_given_away(result.skipped)
    for item, cells in zip(result.items, rows, strict=True):
        values = [c.value for c in cells]
        assert all(_is_text(c) for c in cells if c.value is not None)
        assert values[0] == one_line(item.question)
        assert values[8] == str(quizizz.DEFAULT_TIME)
        assert values[10] == feedback(item, bank)
        if item.kind in (MCQ, TRUEFALSE):
            c = choices(item, bank.lang)
            assert values[1] == "Multiple Choice"
            assert [v for v in values[2:7] if v is not None] == c.texts
            assert values[7] == str(c.correct + 1)
        else:
            assert values[1] == "Fill-in-the-Blank"
            assert values[2:8] == [one_line(item.answer), None, None, None, None, None]
    assert {i.kind for i in result.items} == {MCQ, TRUEFALSE, SHORT, CLOZE}


@BANKS
def test_kahoot_sheet_follows_the_template_and_its_limits(make, tmp_path):
    bank = make()
    path = tmp_path / "kahoot.xlsx"
    result = kahoot.write_kahoot(bank, path, time=30)
    ws = _sheet(path)
    for row, text in kahoot.INTRO.items():
        assert ws.cell(row=row, column=2).value == text
    assert [c.value for c in ws[kahoot.HEADER_ROW]] == list(kahoot.HEADER)
    rows = list(ws.iter_rows(min_row=kahoot.HEADER_ROW + 1))
    assert len(rows) == len(result.items)
    for n, (item, cells) in enumerate(zip(result.items, rows, strict=True), start=1):
        values = [c.value for c in cells]
        c = choices(item, bank.lang)
        assert values[0] == n and values[6] == 30 and values[7] == c.correct + 1
        assert values[1] == one_line(item.question) and js_length(values[1]) <= 120
        assert [v for v in values[2:6] if v is not None] == c.texts
        assert all(js_length(v) <= 75 for v in values[2:6] if v)
        assert all(_is_text(cell) for cell in cells[1:6] if cell.value is not None)
    kinds = {i.kind for i in result.items}
    assert kinds == {MCQ, TRUEFALSE}
    # every kept fact is exported once, or left out with a reason; nothing else
    taken = [i.id for i in result.items] + [s.item for s in result.skipped]
    facts = [fact_of(next(i for i in bank.items if i.id == t)) for t in taken]
    assert len(facts) == len(set(facts))
    assert set(facts) == {fact_of(i) for i in bank.items if i.keep}


def test_spreadsheets_keep_formulas_dates_and_numbers_as_text(tmp_path):
    path = tmp_path / "quiz.xlsx"
    quizizz.write_quizizz(hostile_bank(), path)
    ws = _sheet(path)
    texts = {c.value for row in ws.iter_rows(min_row=3) for c in row if c.value}
    assert {"=1+1", "12/7", "10.000", "@SUM(A1)", "-10.000"} <= texts
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<v>10</v>" not in sheet


def _long(n: int) -> Item:
    return Item(id=f"mcq-long{n}", kind=MCQ, question="x" * n + "?", answer="a",
                options=["a", "b", "c", "d"])


@pytest.mark.parametrize("item, reason", [
    (_long(119), None),
    (_long(120), "question has 121 characters; Kahoot allows 120"),
    (Item(id="mcq-emoji", kind=MCQ, question="😀" * 60 + "?", answer="a", options=["a", "b"]),
     "question has 121 characters; Kahoot allows 120"),
    (Item(id="mcq-five", kind=MCQ, question="q?", answer="a", options=list("abcde")),
     "5 options; Kahoot takes at most 4"),
    (Item(id="mcq-answer", kind=MCQ, question="q?", answer="a", options=["a", "b" * 76]),
     "an answer has 76 characters; Kahoot allows 75"),
    (Item(id="short-1", kind=SHORT, question="q?", answer="a"),
     "Kahoot has no short questions (it takes mcq, truefalse)"),
    (Item(id="mcq-lost", kind=MCQ, question="q?", answer="z", options=["a", "b"]),
     "its answer is not among its options; fix the item in the bank"),
])
def test_kahoot_leaves_out_what_it_would_reject(item, reason):
    bank = hostile_bank()
    bank.items = [item, hostile_bank().items[0]]
    _, result = kahoot.build_kahoot(bank)
    assert [s.reason for s in result.skipped] == ([reason] if reason else [])


def test_spreadsheets_are_reproducible(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    kahoot.write_kahoot(seed_bank(), a)
    kahoot.write_kahoot(seed_bank(), b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:  # no clock inside: fixed dates
        assert "2000-01-01T00:00:00Z</dcterms:modified>" in z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("build, time", [(kahoot.build_kahoot, 25), (quizizz.build_quizizz, 7)])
def test_spreadsheets_refuse_a_time_the_platform_lacks(build, time):
    with pytest.raises(QuizgenError, match="use one of"):
        build(seed_bank(), Selection(), time)
