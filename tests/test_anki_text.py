"""The Anki text export, imported with the real Anki client's text (CSV) import."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest
from seedbank import seed_bank

from quizgen.select import deck_items
from quizgen.export.anki_text import dumps_anki_text, write_anki_text
from quizgen.model import KINDS

FIXTURES = Path(__file__).parent / "fixtures"



def import_text(col: Collection, path: Path):
    """As Anki desktop's import dialog does: read the file's metadata, accept it, import."""
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def visible(rendered: str) -> str:
    text = re.sub(r"(?s)<style>.*?</style>", "", rendered)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.parametrize(
    "line",
    [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:Korea Utara dan Perang Rusia",
        "#guid column:1",
        "#tags column:4",
    ],
)
def test_anki_text_headers(bank, line):
    head = [x for x in dumps_anki_text(bank).splitlines() if x.startswith("#")]
    assert line in head


def test_anki_text_imports_every_item(bank, col, tmp_path):
    path = tmp_path / "deck.txt"
    assert write_anki_text(bank, path) == len(bank.items)
    log = import_text(col, path)
    assert len(log.new) == len(bank.items) and col.note_count() == len(bank.items)
    by_guid = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        by_guid[card.note().guid] = card
    for item in bank.items:
        card = by_guid[f"quizgen-{item.id}"]
        assert card.note_type()["name"] == "Basic"
        assert col.decks.name(card.did) == bank.title
        assert f"quizgen::kind::{item.kind}" in card.note().tags
        assert visible(card.question()), item.id
        assert item.answer in visible(card.answer()), item.id
        assert "{{" not in card.question() + card.answer(), item.id


@pytest.mark.parametrize(
    "guid, side, shown",
    [
        ("quizgen-short-hostile0001", "answer", "{{c1::bukan cloze}} serta {{Front}}"),
        ("quizgen-short-hostile0001", "answer", "<script>alert(1)</script>"),
        ("quizgen-short-hostile0001", "question", "<b>ini</b> & {{c2::itu}}"),
        ("quizgen-mcq-0a3c55e1f702", "question", "A. Pyongyang B. Wonsan C. Kursk"),
        ("quizgen-mcq-0a3c55e1f702", "answer", "B. Wonsan"),
        ("quizgen-cloze-1c2d3e4f5a6b", "question", "penerbangan _____ antara Moskow"),
        ("quizgen-tf-3c4d5e6f7081", "answer", "Salah Yang benar: Korea Utara"),
        ("quizgen-tf-2b3c4d5e6f70", "answer",
         "Sumber: Bertemu Putin di Pyongyang, Kim Jong-un Nyatakan Dukungan Penuh untuk Perang"
         " Rusia di Ukraina · KompasTV · 19 Juni 2024"),
    ],
)
def test_anki_text_cards_show(bank, col, tmp_path, guid, side, shown):
    write_anki_text(bank, tmp_path / "deck.txt")
    import_text(col, tmp_path / "deck.txt")
    nid = col.db.scalar("SELECT id FROM notes WHERE guid = ?", guid)
    card = col.get_note(nid).cards()[0]
    rendered = card.question() if side == "question" else card.answer()
    assert shown in visible(rendered)
    assert "<script>" not in rendered


def test_anki_text_reimport_of_a_correction_updates_and_adds_none(bank, col, tmp_path):
    path = tmp_path / "deck.txt"
    write_anki_text(bank, path)
    import_text(col, path)
    bank.items[0].answer = "Sergei Lavrov"
    write_anki_text(bank, path)
    log = import_text(col, path)
    assert (len(log.new), len(log.updated)) == (0, 1)
    assert col.note_count() == len(bank.items)
    nid = col.db.scalar("SELECT id FROM notes WHERE guid = ?", f"quizgen-{bank.items[0].id}")
    assert "Sergei Lavrov" in col.get_note(nid)["Back"]


def test_anki_text_seed_deck_imports(col, tmp_path):
    seed = seed_bank()
    kept = deck_items(seed.items)
    assert {i.kind for i in kept} == set(KINDS)
    write_anki_text(seed, tmp_path / "deck.txt")
    log = import_text(col, tmp_path / "deck.txt")
    assert len(log.new) == len(kept) == col.note_count()
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        assert visible(card.question()) and "{{" not in card.question() + card.answer()
