"""`quizgen build decks/seeds.yaml` writes every classroom-platform file the deck lists,
and each passes its platform's check; `quizgen export FORMAT` says what it left out."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from nodetools import parse_gift, run_node
from openpyxl import load_workbook

from quizgen.bank import load_bank
from quizgen.export.selection import choose
from quizgen.select import fact_of
from quizgen.cli import main
from quizgen.export import kahoot, quizizz

from conftest import FIXTURES, ROOT

DECK = ROOT / "decks" / "seeds.yaml"
FILES = {"quizizz": "quizizz.xlsx", "moodle": "moodle.xml", "gift": "bank.gift.txt",
         "kahoot": "kahoot.xlsx", "forms": "google-forms.gs", "csv": "bank.csv"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(DECK), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_build_writes_every_platform_file_the_deck_lists(built):
    out, output = built
    for name in FILES.values():
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
        assert f"wrote {out / name}" in output
    assert re.search(r"quizgen: kahoot: left out \d+ short items", output)


def test_built_platform_files_pass_their_checks(built):
    out, _ = built
    kept = choose(load_bank(out / "bank.yaml"))  # kept items, each fact once
    gift = parse_gift(out / "bank.gift.txt")
    assert [q["title"] for q in gift[1:]] == [i.id for i in kept]
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "moodle_quiz.xsd")))
    moodle = etree.parse(str(out / "moodle.xml"))
    schema.assertValid(moodle)
    assert len(moodle.getroot()) == 1 + len(kept)
    sheet = load_workbook(out / "quizizz.xlsx").active
    assert sheet.max_row == quizizz.FIRST_ROW - 1 + len(kept)
    sheet = load_workbook(out / "kahoot.xlsx").active
    bank = load_bank(out / "bank.yaml")  # a fact is asked by its Kahoot kind where it has one
    assert 0 < sheet.max_row - kahoot.HEADER_ROW <= len(
        {fact_of(i) for i in bank.items if i.keep and i.kind in kahoot.KINDS})
    done = run_node("forms_recorder.js", str(out / "google-forms.gs"))
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["items"]) == len(kept)
    text = (out / "bank.csv").read_text("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 1 + len(kept)


@pytest.mark.parametrize("args, lines", [
    (["kahoot", "--kinds", "mcq,truefalse"], ["left out mcq-0a3c55e1f702"]),
    (["gift", "--count", "mcq=1"], []),
    (["csv", "--delimiter", ";"], []),
    (["kahoot", "--time", "240", "--kinds", "truefalse"], []),
])
def test_export_command_writes_and_lists_what_it_left_out(args, lines, tmp_path):
    bank = load_bank(FIXTURES / "bank_sample.yaml")
    long = next(i for i in bank.items if i.id == "mcq-0a3c55e1f702")
    long.question = "Di mana " + "sekali lagi " * 12 + "?"
    from quizgen.bank import save_bank

    save_bank(bank, tmp_path / "bank.yaml")
    out = tmp_path / "file.out"
    result = CliRunner().invoke(main, ["export", args[0], str(tmp_path / "bank.yaml"),
                                       "-o", str(out), *args[1:]])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    notes = [ln for ln in result.output.splitlines() if ln.startswith("quizgen: ")]
    assert len(notes) == len(lines)
    for note, expected in zip(notes, lines, strict=True):
        assert expected in note
    assert result.output.splitlines()[-1].startswith(f"wrote {out}: ")
