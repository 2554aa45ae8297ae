"""CSV export, read back with Python's csv reader as a spreadsheet program reads it:
UTF-8 with BOM, the chosen delimiter, one row per item, formula-looking cells neutralised."""

from __future__ import annotations

import csv
import io

import pytest
from hostilebank import hostile_bank
from seedbank import seed_bank

from quizgen.errors import QuizgenError
from quizgen.export.csvfile import COLUMNS, neutral, write_csv
from quizgen.export.selection import choose, one_line


@pytest.mark.parametrize("make", [seed_bank, hostile_bank], ids=["seeds", "hostile"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_reads_back_one_row_per_item(make, delimiter, tmp_path):
    bank = make()
    path = tmp_path / "bank.csv"
    result = write_csv(bank, path, delimiter=delimiter)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(result.items) == 1 + len(choose(bank))
    for item, row in zip(result.items, rows[1:], strict=True):
        assert row[:3] == [item.id, item.kind, neutral(one_line(item.question))]
        assert row[4] == neutral(one_line(item.answer))
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)


@pytest.mark.parametrize("text, expected", [
    ("=1+1", "'=1+1"),
    ("+62 812", "'+62 812"),
    ("-10.000", "'-10.000"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("12/7", "12/7"),
    ("Pyongyang", "Pyongyang"),
])
def test_csv_neutralises_formula_cells(text, expected):
    assert neutral(text) == expected


def test_csv_refuses_another_delimiter(tmp_path):
    with pytest.raises(QuizgenError, match="use ',' or ';'"):
        write_csv(seed_bank(), tmp_path / "x.csv", delimiter="\t")
    assert not (tmp_path / "x.csv").exists()
