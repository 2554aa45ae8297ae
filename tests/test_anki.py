"""The .apkg export, checked with the real Anki client library (the one inside Anki desktop).

Every package is imported into a fresh collection with the presets Anki desktop's import
dialog uses (update notes and note types "if newer", no scheduling), and every card's
question and answer are rendered.
"""

from __future__ import annotations

import copy
import html
import re
import time
import warnings
from collections import Counter
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from seedbank import seed_bank

from quizgen.select import deck_items
from quizgen.export.anki import deck_id, write_apkg
from quizgen.export.anki_models import NOTE_TYPES
from quizgen.model import KINDS, Item, QuestionBank, Source

FIXTURES = Path(__file__).parent / "fixtures"
T0 = 1_700_000_000  # build times of the tests, one day apart
DAY = 86_400



def import_apkg(col: Collection, path: Path):
    """Import as Anki desktop does: its stored presets, which default to 'update if newer'."""
    options = col._backend.get_import_anki_package_presets()
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    ).log


def visible(rendered: str) -> str:
    """What a student sees: no style sheet, no tags, entities decoded, spaces collapsed."""
    text = re.sub(r"(?s)<style>.*?</style>", "", rendered)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def rendered_cards(col: Collection) -> dict[str, tuple[str, str, str]]:
    """guid -> (note type name, question html, answer html); one card per note."""
    out = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        assert note.guid not in out, f"{note.guid}: more than one card"
        out[note.guid] = (card.note_type()["name"], card.question(), card.answer())
    return out


def note_by_guid(col: Collection, guid: str):
    return col.get_note(col.db.scalar("SELECT id FROM notes WHERE guid = ?", guid))


def write(bank: QuestionBank, path: Path, t: int, **kw) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns about unescaped HTML in fields
        return write_apkg(bank, path, timestamp=t, **kw)


def check_cards(col: Collection, bank: QuestionBank) -> None:
    """Every kept item is one card: a front with text, its answer on the back, no '{{'."""
    kept = {f"quizgen-{i.id}": i for i in deck_items(bank.items)}
    cards = rendered_cards(col)
    assert set(cards) == set(kept)
    for guid, (name, question, answer) in cards.items():
        item = kept[guid]
        assert name == NOTE_TYPES[item.kind].name
        assert visible(question), f"{guid}: empty front"
        assert "{{" not in question and "{{" not in answer, guid
        assert item.answer in visible(answer), f"{guid}: answer missing on the back"


def test_anki_sample_imports_with_every_kind(bank, col, tmp_path):
    stats = write(bank, tmp_path / "deck.apkg", T0)
    log = import_apkg(col, tmp_path / "deck.apkg")
    kinds = Counter(i.kind for i in bank.items)
    assert stats["cards"] == {k: kinds[k] for k in KINDS}
    assert all(stats["cards"][k] > 0 for k in KINDS)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (len(bank.items), 0, 0)
    assert col.note_count() == len(bank.items) and col.card_count() == len(bank.items)
    check_cards(col, bank)


def test_anki_hostile_text_shows_as_text(bank, col, tmp_path):
    write(bank, tmp_path / "deck.apkg", T0)
    import_apkg(col, tmp_path / "deck.apkg")
    _, question, answer = rendered_cards(col)["quizgen-short-hostile0001"]
    assert "<script>" not in answer and "<b>ini" not in question
    assert "{{c2::itu}}" in visible(question)
    assert "<script>alert(1)</script>" in visible(answer)
    assert "{{c1::bukan cloze}} serta {{Front}}" in visible(answer)


CLOZE = Item(
    id="cloze-hostile", kind="cloze", template="t", tags=["PLACE"],
    question="Pasukan dikirim ke wilayah _____ di Rusia.", answer="Kursk",
    context="Pasukan dikirim ke wilayah Kursk di Rusia.", answer_span=(27, 32),
    sources=[Source("a004", 11, 27, 32)],
)


@pytest.mark.parametrize(
    "question, answer, front_text, back_text",
    [
        # Anki syntax in the answer: '::' would start a hint, '}}' would end the deletion.
        ("Kode _____ dipakai.", "a::b}}c", "Kode [...] dipakai.", "Kode a::b}}c dipakai."),
        # A second deletion written in the article stays text.
        ("{{c2::x}} _____ {{Text}}", "Kursk", "{{c2::x}} [...] {{Text}}", "{{c2::x}} Kursk {{Text}}"),
        # Media and maths syntax stays text.
        ("[sound:a.mp3] _____ [latex]x[/latex]", "Kursk", "[sound:a.mp3] [...] [latex]x[/latex]",
         "[sound:a.mp3] Kursk [latex]x[/latex]"),
        # No blank in an edited question: the deletion goes after it.
        ("Di wilayah mana?", "Kursk", "Di wilayah mana? [...]", "Di wilayah mana? Kursk"),
    ],
)
def test_anki_cloze_has_one_deletion_and_text_stays_text(
    bank, col, tmp_path, question, answer, front_text, back_text
):
    item = copy.deepcopy(CLOZE)
    item.question, item.answer, item.answer_span = question, answer, None
    bank.items = [item]
    write(bank, tmp_path / "deck.apkg", T0)
    import_apkg(col, tmp_path / "deck.apkg")
    (_, q, a), = rendered_cards(col).values()
    assert col.card_count() == 1
    assert visible(q) == front_text
    assert visible(a).startswith(back_text)


def test_anki_reimport_adds_nothing(bank, col, tmp_path):
    path = tmp_path / "deck.apkg"
    write(bank, path, T0)
    import_apkg(col, path)
    log = import_apkg(col, path)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, len(bank.items))
    assert col.note_count() == len(bank.items)


def test_anki_rebuild_with_corrected_answer_updates_that_note_only(bank, col, tmp_path):
    path = tmp_path / "deck.apkg"
    write(bank, path, T0)
    import_apkg(col, path)
    bank.items[0].answer = "Sergei Lavrov"
    stats = write(bank, path, T0 + DAY)  # over the previous file: unchanged notes keep T0
    log = import_apkg(col, path)
    assert stats["updated"] == 1
    assert (len(log.new), len(log.updated)) == (0, 1)
    assert col.note_count() == len(bank.items)
    note = note_by_guid(col, f"quizgen-{bank.items[0].id}")
    assert note["Answer"] == "Sergei Lavrov"
    check_cards(col, bank)


def test_anki_rebuild_without_previous_file_updates_all_adds_none(bank, col, tmp_path):
    write(bank, tmp_path / "v1.apkg", T0)
    import_apkg(col, tmp_path / "v1.apkg")
    bank.items[1].question = "Di kota mana pertemuan itu berlangsung?"
    write(bank, tmp_path / "v2.apkg", T0 + DAY)
    log = import_apkg(col, tmp_path / "v2.apkg")
    assert (len(log.new), len(log.updated)) == (0, len(bank.items))
    check_cards(col, bank)


def test_anki_rebuild_keeps_a_students_edit_of_an_unchanged_note(bank, col, tmp_path):
    path = tmp_path / "deck.apkg"
    now = int(time.time())
    write(bank, path, now - DAY)
    import_apkg(col, path)
    edited = note_by_guid(col, f"quizgen-{bank.items[2].id}")
    edited["Question"] = "Berapa personel yang dikirim? (catatan saya)"
    col.update_note(edited)  # stamped with the current time
    bank.items[0].answer = "Sergei Lavrov"
    write(bank, path, now + DAY)  # a later build, after the edit
    import_apkg(col, path)
    assert col.get_note(edited.id)["Question"].endswith("(catatan saya)")


def test_anki_items_not_kept_are_left_out(bank, col, tmp_path):
    bank.items[0].keep = False
    stats = write(bank, tmp_path / "deck.apkg", T0)
    import_apkg(col, tmp_path / "deck.apkg")
    assert stats["skipped"] == 1 and stats["notes"] == len(bank.items) - 1
    assert f"quizgen-{bank.items[0].id}" not in rendered_cards(col)


def test_anki_subdecks_per_article(bank, col, tmp_path):
    write(bank, tmp_path / "deck.apkg", T0, subdecks=True)
    import_apkg(col, tmp_path / "deck.apkg")
    names = {col.decks.name(col.get_card(c).did) for c in col.find_cards("")}
    root = bank.title
    assert names == {
        f"{root}::Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina dalam"
        " Pertemuan dengan Menlu Lavrov",
        f"{root}::Bertemu Putin di Pyongyang, Kim Jong-un Nyatakan Dukungan Penuh untuk Perang"
        " Rusia di Ukraina",
        f"{root}::Kontan",  # an article without a title is named by its outlet
    }


@pytest.mark.parametrize(
    "guid, tags",
    [
        ("quizgen-short-5b1d0c2a9e11", {"quizgen::kind::short", "quizgen::lang::id",
         "quizgen::template::id.role.holder", "quizgen::article::a000",
         "quizgen::label::PERSON", "quizgen::label::ROLE"}),
        ("quizgen-mcq-0a3c55e1f702", {"quizgen::kind::mcq", "quizgen::lang::id",
         "quizgen::template::id.wh.place", "quizgen::article::a000", "quizgen::article::a004",
         "quizgen::label::PLACE"}),
    ],
)
def test_anki_tags(bank, col, tmp_path, guid, tags):
    write(bank, tmp_path / "deck.apkg", T0)
    import_apkg(col, tmp_path / "deck.apkg")
    assert set(note_by_guid(col, guid).tags) == tags


@pytest.mark.parametrize(
    "guid, front_has, back_has",
    [
        # The back marks the answer in the source sentence and cites every source.
        ("quizgen-mcq-0a3c55e1f702",
         ['<li class="qg-correct"><span class="qg-letter">B</span> Wonsan</li>'],
         ["di <mark>Wonsan</mark>,", "Media Indonesia · 13 Juli 2025</li><li>Kontan</li>"]),
        ("quizgen-tf-3c4d5e6f7081", ["<li>Benar</li>"],
         ['<span class="qg-label">Yang benar</span> Korea Utara', "wilayah Kursk"]),
        ("quizgen-short-5b1d0c2a9e11", ["Siapa Menteri Luar Negeri Rusia?"],
         ['<div class="qg-answer">Sergey Lavrov</div>', '<span class="qg-label">Sumber</span> Kim Jong Un']),
    ],
)
def test_anki_card_html(bank, col, tmp_path, guid, front_has, back_has):
    write(bank, tmp_path / "deck.apkg", T0)
    import_apkg(col, tmp_path / "deck.apkg")
    _, question, answer = rendered_cards(col)[guid]
    for piece in front_has:
        assert piece in question
    for piece in back_has:
        assert piece in answer


# Pinned note type schemas. Changing a field list or template name in place makes Anki
# skip every update of existing notes; add a new version (new id, name, row) instead.
@pytest.mark.parametrize(
    "kind, model_id, name, fields",
    [
        ("short", 1790972250, "quizgen short answer v1",
         ("Question", "Answer", "Context", "Explanation", "Source")),
        ("cloze", 1731155288, "quizgen cloze v1", ("Text", "Context", "Explanation", "Source")),
        ("mcq", 1904030073, "quizgen multiple choice v1",
         ("Question", "Options", "Answer", "Context", "Explanation", "Source")),
        ("truefalse", 1432775778, "quizgen true or false v1",
         ("Statement", "Options", "Answer", "Context", "Explanation", "Source")),
    ],
)
def test_anki_note_types_are_pinned(kind, model_id, name, fields):
    nt = NOTE_TYPES[kind]
    assert (nt.model_id, nt.name, nt.fields) == (model_id, name, fields)


def test_anki_changed_style_reaches_the_note_type(bank, col, tmp_path, monkeypatch):
    path = tmp_path / "deck.apkg"
    write(bank, path, T0)
    import_apkg(col, path)
    monkeypatch.setattr("quizgen.export.anki.card_css", lambda: ".card { color: red; }")
    write(bank, path, T0 + DAY)
    import_apkg(col, path)
    assert col.models.get(NOTE_TYPES["short"].model_id)["css"] == ".card { color: red; }"


# Deck ids come from deck names alone, so they never change between builds or machines.
@pytest.mark.parametrize(
    "name, expected",
    [
        ("Korea Utara dan Perang Rusia", 1480263313),
        ("Korea Utara dan Perang Rusia::Kontan", 1728500415),
        ("Ekonomi", 1084146880),
    ],
)
def test_anki_deck_id_is_fixed_per_name(name, expected):
    assert deck_id(name) == expected


def test_anki_seed_deck_imports_with_every_kind(col, tmp_path):
    seed = seed_bank()
    stats = write(seed, tmp_path / "deck.apkg", T0)
    log = import_apkg(col, tmp_path / "deck.apkg")
    kept = deck_items(seed.items)
    assert all(stats["cards"][k] > 0 for k in KINDS), stats
    assert len(log.new) == len(kept) == col.note_count() == col.card_count()
    check_cards(col, seed)
    assert len(import_apkg(col, tmp_path / "deck.apkg").new) == 0
