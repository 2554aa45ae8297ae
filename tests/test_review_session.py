"""The bank under review: each change saved at once through the bank's own writer, never
over a file changed meanwhile, and surviving the next build as hand edits do."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from seedbank import DECK

from quizgen.bank import load_bank
from quizgen.build import build
from quizgen.deck import load_deck
from quizgen.errors import QuizgenError
from quizgen.review.edits import EditError
from quizgen.review.session import Conflict, ReviewSession

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    shutil.copy(FIXTURES / "bank_sample.yaml", path)
    return path


def test_review_session_saves_each_change_at_once(bank_file: Path) -> None:
    session = ReviewSession(bank_file)
    first = session.bank.items[0]
    version = session.change(first.id, session.version, {"keep": False})
    version = session.change(first.id, version, {"answer": "Sergei Lavrov"})
    saved = load_bank(bank_file).items[0]
    assert (saved.keep, saved.answer) == (False, "Sergei Lavrov")
    assert version == session.version == 2


@pytest.mark.parametrize("meddle, message", [
    (lambda p: p.write_text(p.read_text(encoding="utf-8").replace("keep: true", "keep: false", 1),
                            encoding="utf-8"),
     "changed on disk; the page reloads it"),
    (None, "was changed from another page; this page reloads it"),
])
def test_review_session_never_overwrites_a_newer_bank(bank_file: Path, meddle, message) -> None:
    session = ReviewSession(bank_file)
    other = ReviewSession(bank_file) if meddle is None else None
    item = session.bank.items[1]
    if meddle is None:  # another tab: an older version of the same session
        session.change(item.id, session.version, {"keep": False})
        stale = session.version - 1
    else:  # an editor saved the file meanwhile
        meddle(bank_file)
        os.utime(bank_file, ns=(1, 1))
        stale = session.version
    text = bank_file.read_text(encoding="utf-8")
    with pytest.raises(Conflict, match=message):
        session.change(item.id, stale, {"answer": "Lost edit"})
    assert bank_file.read_text(encoding="utf-8") == text  # nothing written
    assert "Lost edit" not in text
    assert other is None or other.version == 0


def test_review_session_keeps_the_file_as_it_was_when_a_change_is_invalid(bank_file: Path) -> None:
    session = ReviewSession(bank_file)
    text = bank_file.read_text(encoding="utf-8")
    cloze = next(i for i in session.bank.items if i.kind == "cloze")
    with pytest.raises(EditError):
        session.change(cloze.id, session.version, {"question": "no blank"})
    assert bank_file.read_text(encoding="utf-8") == text and session.version == 0


def test_review_session_refuses_to_replace_a_read_only_bank(bank_file: Path) -> None:
    session = ReviewSession(bank_file)
    text = bank_file.read_text(encoding="utf-8")
    bank_file.chmod(0o444)
    assert "read-only" in session.write_problem()
    item = session.bank.items[0]
    with pytest.raises(QuizgenError, match="read-only, so changes cannot be saved; make it"
                                           r" writable \(chmod u\+w\)"):
        session.change(item.id, session.version, {"keep": False})
    assert bank_file.read_text(encoding="utf-8") == text and session.bank.items[0].keep


def test_review_session_edits_survive_the_next_build(tmp_path: Path) -> None:
    """The issue's acceptance: drops and edits made in review reach the rebuilt deck and
    worksheet, as hand edits do."""
    deck = load_deck(DECK)
    build(deck, tmp_path)
    session = ReviewSession(tmp_path / "bank.yaml")
    sheet = (tmp_path / "worksheet.html").read_text(encoding="utf-8")
    printed = [i for i in session.bank.items if f"</span>{i.question}</p>" in sheet]
    dropped, edited = printed[0], next(i for i in printed if i.question != printed[0].question)
    # the kinds of one fact may share a question (short answer and multiple choice): the
    # teacher drops every item asking it
    twins = [i for i in session.bank.items if i.question == dropped.question]
    for twin in twins:
        session.change(twin.id, session.version, {"keep": False})
    session.change(edited.id, session.version, {"answer": "Jawaban Guru"})
    build(deck, tmp_path)
    rebuilt = {i.id: i for i in load_bank(tmp_path / "bank.yaml").items}
    assert all(rebuilt[t.id].keep is False for t in twins)
    assert rebuilt[edited.id].answer == "Jawaban Guru"
    anki_text = (tmp_path / "deck.txt").read_text(encoding="utf-8")
    assert all(f"quizgen-{t.id}\t" not in anki_text for t in twins)
    assert "Jawaban Guru" in anki_text
    sheet = (tmp_path / "worksheet.html").read_text(encoding="utf-8")
    assert f"</span>{dropped.question}</p>" not in sheet
    assert "Jawaban Guru" in sheet
