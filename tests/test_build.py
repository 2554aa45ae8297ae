"""The whole pipeline on the seed deck, through the CLI as a user runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import load_bank, save_bank
from quizgen.cli import main
from quizgen.model import KINDS

ROOT = Path(__file__).resolve().parents[1]
DECK = ROOT / "decks" / "seeds.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(DECK), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_every_output(built):
    for name in ("bank.yaml", "bank.jsonl", "deck.apkg", "deck.txt", "worksheet.html",
                 "worksheet.pdf"):
        assert (built / name).is_file(), name
        assert (built / name).stat().st_size > 0, name
    assert not list(built.glob(".*.tmp")), "temporary files left behind"


def test_build_bank_uses_every_seed_and_kind(built, seed_paths):
    bank = load_bank(built / "bank.yaml")
    kept = [i for i in bank.items if i.keep]
    assert len(kept) >= 30  # the threshold is fitted (confidence.yaml): 36 at slices 1-8
    assert {i.kind for i in kept} == set(KINDS)
    assert len({i.id for i in bank.items}) == len(bank.items)
    cited = {s.article for i in kept for s in i.sources}
    assert len(bank.articles) == len(seed_paths)
    assert cited == {a.id for a in bank.articles}, "some seed article gave no item"


def test_build_keeps_edits_of_the_bank(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    bank = load_bank(out / "bank.yaml")
    dropped, edited = bank.items[0], bank.items[1]
    dropped.keep = False
    edited.question = edited.question.rstrip("?") + " (disunting)?"
    save_bank(bank, out / "bank.yaml")
    result = CliRunner().invoke(main, ["build", str(DECK), "--out", str(out)])
    assert result.exit_code == 0, result.output
    again = {i.id: i for i in load_bank(out / "bank.yaml").items}
    assert again[dropped.id].keep is False
    assert again[edited.id].question == edited.question


def test_build_is_reproducible(built, tmp_path):
    result = CliRunner().invoke(main, ["build", str(DECK), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("bank.yaml", "bank.jsonl", "deck.txt", "worksheet.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


@pytest.mark.parametrize(
    "args,expected",
    [
        (["build", "decks/nope.yaml"], "decks/nope.yaml: file not found; check the path"),
        (["inspect", "seeds/nope.txt"], "seeds/nope.txt"),
        (["generate", "--lang", "xx", "seeds/000_76ed86c18c620676.txt"], "unknown language 'xx'"),
    ],
)
def test_cli_bad_input_gives_one_line_and_exit_1(args, expected, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.output
    assert expected in lines[0]
