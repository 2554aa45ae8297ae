"""The bad-input table of the classroom-platform exports (issue 16), through the real
command line like tests/test_bad_input.py: an empty bank, a bank whose every item is over
the format's limits, an output that cannot be written, each a one-line error naming the
file and the fix, exit code 1, and nothing written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import save_bank
from quizgen.build import make_bank
from quizgen.cli import main
from quizgen.deck import load_deck
from quizgen.export.platforms import PLATFORMS
from quizgen.model import MCQ, SHORT, Item, QuestionBank

FORMATS = sorted(PLATFORMS)
NO_KEPT = ("nothing to export as {fmt}: the bank has no kept item; set keep: true on some"
           " items or choose other --kinds; nothing was written")


def _bank(tmp: Path, items: list[Item]) -> Path:
    path = tmp / "bank.yaml"
    save_bank(QuestionBank(title="T", lang="id", items=items), path)
    return path


def _long_mcq(n: int) -> Item:
    return Item(id=f"mcq-long{n}", kind=MCQ, question=f"Siapa {n} " + "x" * 118 + "?", answer="a",
                options=["a", "b", "c", "d"])


@dataclass
class Row:
    name: str
    fmt: str
    items: list[Item]
    out: str  # the -o argument under the temporary folder
    error: str  # after "quizgen: error: "; {tmp} is the folder, {fmt} the format
    args: tuple[str, ...] = ()


ROWS = [Row(f"{fmt}-empty-bank", fmt, [], "out.file", "{tmp}/bank.yaml: " + NO_KEPT)
        for fmt in FORMATS]
ROWS += [Row(f"{fmt}-nothing-kept", fmt, [Item(id="short-1", kind=SHORT, question="Siapa?",
                                               answer="A", keep=False)],
             "out.file", "{tmp}/bank.yaml: " + NO_KEPT) for fmt in FORMATS]
GOOD = Item(id="mcq-1", kind=MCQ, question="Siapa?", answer="a", options=["a", "b"])
ROWS += [Row(f"{fmt}-output-is-a-folder", fmt, [GOOD], ".",
             "{tmp}: cannot write output, a folder has that name; move the folder or choose"
             " another output name") for fmt in FORMATS]
ROWS += [Row(f"{fmt}-output-under-a-file", fmt, [GOOD], "bank.yaml/out.file",
             "{tmp}/bank.yaml: is a file, not a folder, so {tmp}/bank.yaml/out.file cannot be"
             " written; choose another output folder") for fmt in FORMATS]
ROWS += [Row(f"{fmt}-output-is-its-bank", fmt, [GOOD], "bank.yaml",
             "{tmp}/bank.yaml: is an input of this run, and writing it would destroy it; choose"
             " another output name") for fmt in FORMATS]
ROWS += [
    Row("kahoot-all-over-limits", "kahoot", [_long_mcq(1), _long_mcq(2)], "k.xlsx",
        "{tmp}/bank.yaml: nothing to export as kahoot: all 2 items were left out (question has"
        " 127 characters); shorten or fix the items in the bank, or choose another format;"
        " nothing was written"),
    Row("kahoot-only-kinds-it-lacks", "kahoot",
        [Item(id="short-1", kind=SHORT, question="Siapa?", answer="A")], "k.xlsx",
        "{tmp}/bank.yaml: nothing to export as kahoot: all 1 items were left out (Kahoot has no"
        " short questions (it takes mcq, truefalse)); shorten or fix the items in the bank, or"
        " choose another format; nothing was written"),
    Row("kinds-not-a-kind", "gift", [_long_mcq(1)], "g.txt",
        "--kinds 'mcq,essay': 'essay' is not a kind; use a comma-separated list of short,"
        " cloze, mcq, truefalse, e.g. --kinds mcq,truefalse", ("--kinds", "mcq,essay")),
    Row("kinds-none-in-bank", "moodle", [_long_mcq(1)], "m.xml",
        "{tmp}/bank.yaml: nothing to export as moodle: the bank has no kept item of the chosen"
        " kinds; set keep: true on some items or choose other --kinds; nothing was written",
        ("--kinds", "cloze")),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_export_bad_input_gives_one_line_and_writes_nothing(tmp_path: Path, row: Row) -> None:
    bank = _bank(tmp_path, row.items)
    before = set(tmp_path.rglob("*"))
    saved = bank.read_bytes()
    result = CliRunner().invoke(main, ["export", row.fmt, str(bank), "-o",
                                       str(tmp_path / row.out), *row.args])
    expected = row.error.replace("{tmp}", str(tmp_path)).replace("{fmt}", row.fmt)
    assert result.stderr == f"quizgen: error: {expected}\n"
    assert result.exit_code == 1
    assert set(tmp_path.rglob("*")) == before
    assert bank.read_bytes() == saved


def test_build_names_the_deck_output_that_has_nothing_to_export(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    deck = tmp_path / "deck.yaml"
    # a template of short answers only: Kahoot (multiple choice, true/false) takes none
    (tmp_path / "short.yaml").write_text(
        "templates:\n  - id: t.short.role\n    kinds: [short]\n    prior: 0.9\n"
        "    match: \"{title:{role:ROLE} {of:PLACE|ORG}?} {person:PERSON}\"\n"
        "    answer_slot: person\n    question: \"Siapa {{ role }} {{ of }}?\"\n"
        "    answer: \"{{ person }}\"\n", "utf-8")
    deck.write_text(f"title: T\nsources: ['{root}/seeds/000_76ed86c18c620676.txt']\n"
                    "templates: {packs: false, files: [short.yaml]}\n"
                    "outputs: {kahoot: k.xlsx, worksheet: false, bank: bank.yaml}\n", "utf-8")
    # the teacher has kept every item in the bank, whatever its confidence
    bank = make_bank(load_deck(deck))
    assert bank.items
    for it in bank.items:
        it.keep = True
    out = tmp_path / "out"
    out.mkdir()
    save_bank(bank, out / "bank.yaml", "yaml")
    before = (out / "bank.yaml").read_bytes()
    result = CliRunner().invoke(main, ["build", str(deck), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quizgen: error: {deck}: outputs.kahoot: nothing to"
                                    " export as kahoot: all ")
    assert [p.name for p in out.rglob("*")] == ["bank.yaml"]
    assert (out / "bank.yaml").read_bytes() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_deck_platform_output_must_be_a_plain_file_name(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.txt").write_text("Judul\n\nTeks.\n", "utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(f"title: T\nsources: [a.txt]\noutputs:\n  {fmt}: ../x.out\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(deck), "--out", str(tmp_path / "out")])
    assert result.stderr == (f"quizgen: error: {deck}:4: '{fmt}' must be a plain file name"
                             " inside the output folder\n")
    assert result.exit_code == 1
