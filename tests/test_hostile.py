"""Nothing executed, nothing lost (issue 7), through `quizgen build` as a teacher runs it.

Nothing executed: an article whose sentences carry `<script>`, an `onerror=` attribute and
Anki's own syntax (`{{c1::...}}`, `{{Front}}`) is built into a deck; the real `anki` library
imports it and renders every card, and the worksheet's HTML and PDF are read back. The
hostile words show as text everywhere and nothing of them is live. A saved page with real
<script> elements gives no trace of their content.

Nothing lost: a build that fails after some outputs were made (an output name taken by a
folder; a worksheet with nothing to print) leaves every earlier file byte for byte as it
was, with no temporary file behind; edits and `keep: false` in the bank survive rebuilds.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from anki.collection import Collection
from click.testing import CliRunner
from pypdf import PdfReader
from test_anki import import_apkg, rendered_cards, visible

from quizgen.bank import load_bank, save_bank
from quizgen.cli import main
from quizgen.export.anki import write_apkg
from quizgen.select import deck_bank, deck_items

# Sentences after seeds/000 and seeds/001, each carrying hostile words a template keeps in
# its question or its source sentence.
HOSTILE_TXT = """\
Menlu Rusia Tiba di Pyongyang <script>alert(1)</script>

Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025) dengan\
 pesan <script>alert(1)</script> untuk kunjungan tiga hari.

Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Wonsan pada Sabtu\
 (12/7/2025) sambil membawa spanduk <img src=x onerror=alert(1)> bertuliskan {{c1::rahasia}}.

Pemimpin Korea Utara Kim Jong Un menyatakan dukungan {{Front}} penuh kepada Rusia dalam\
 perang di Ukraina.
"""
LITERALS = ("<script>alert", "<img src=x onerror=alert(1)>", "{{c1::rahasia}}", "{{Front}}")

HOSTILE_HTML = """\
<!DOCTYPE html><html><head><title>Putin Tiba di Pyongyang</title>
<script>var bocor = "RAHASIA_SKRIP"; alert(1);</script></head><body><article>
<h1>Putin Tiba di Pyongyang</h1>
<p>Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024) dini hari.</p>
<script>document.write("RAHASIA_TULIS")</script>
<p>Putin disambut Pemimpin Korea Utara Kim Jong Un di Bandara Internasional Sunan.</p>
<img src=x onerror="alert('RAHASIA_GAMBAR')">
</article></body></html>
"""

DECK = """\
title: Uji Teks Berbahaya
sources: [berbahaya.txt, halaman.html]
outputs:
  worksheet: {versions: 1, items: {mcq: 50, truefalse: 50, cloze: 50, short: 50}}
"""
SECRETS = ("RAHASIA_SKRIP", "RAHASIA_TULIS", "RAHASIA_GAMBAR")
OUTPUTS = ("bank.yaml", "bank.jsonl", "deck.apkg", "deck.txt", "worksheet.html",
           "worksheet.pdf")


def make_deck(folder: Path, deck: str = DECK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "berbahaya.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / "halaman.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "deck.yaml").write_text(deck, encoding="utf-8")
    return folder / "deck.yaml"


def build(deck: Path, out: Path):
    return CliRunner().invoke(main, ["build", str(deck), "--out", str(out)])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    result = build(make_deck(folder), folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


# ---- nothing executed --------------------------------------------------------------------

def test_hostile_items_come_from_the_hostile_sentences(built):
    """The check below means something only if hostile words reached the items."""
    items = load_bank(built / "bank.yaml").items
    text = " ".join(f"{i.question} {i.context}" for i in items)
    for literal in LITERALS:
        assert literal in text, literal
    assert any("<script>" in i.question for i in items)


def test_hostile_anki_cards_show_text_and_run_nothing(built, tmp_path):
    # every item kept, as a teacher may keep them, so that every hostile text is a card
    # whatever the confidence model thinks of it
    bank = load_bank(built / "bank.yaml")
    for item in bank.items:
        item.keep = True
    write_apkg(deck_bank(bank), tmp_path / "all.apkg")
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_apkg(col, tmp_path / "all.apkg")
        cards = rendered_cards(col)
    finally:
        col.close()
    assert len(cards) == len(deck_items(bank.items))
    seen = " ".join(visible(q) + " " + visible(a) for _, q, a in cards.values())
    for literal in LITERALS:
        assert literal in seen, literal
    for guid, (name, question, answer) in cards.items():
        for side in (question, answer):
            assert not re.search(r"<(script|img|iframe)\b", side, re.I), guid
            assert not re.search(r"<[^>]*\bon\w+\s*=", side, re.I), guid
            assert "{{" not in side, guid  # no Anki field or cloze syntax left unrendered
        deletions = len(re.findall(r'class="?cloze"?', question))
        assert deletions == (1 if name.endswith("Cloze") or "cloze" in name.lower() else 0), guid
    for secret in SECRETS:
        assert secret not in seen


def test_hostile_worksheet_html_is_escaped(built):
    page = (built / "worksheet.html").read_text(encoding="utf-8")
    assert not re.search(r"<script\b|<img\b|\bonerror\s*=\s*alert", page, re.I)
    assert "&lt;script&gt;alert" in page
    for secret in SECRETS:
        assert secret not in page


def test_hostile_worksheet_pdf_prints_the_literal_text(built):
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(built / "worksheet.pdf").pages)
    bank = load_bank(built / "bank.yaml")
    printed = [i.question for i in bank.items if i.keep and "<script>" in i.question
               and i.kind != "cloze"]
    assert printed
    assert "<script>alert" in text
    for secret in SECRETS:
        assert secret not in text


# ---- nothing lost ------------------------------------------------------------------------

def _edit(out: Path) -> tuple[str, str, str]:
    """Drop one item and reword another in the bank, as a teacher does; their ids and the
    new question."""
    bank = load_bank(out / "bank.yaml")
    dropped, edited = bank.items[0], bank.items[1]
    dropped.keep = False
    edited.question = edited.question.rstrip("?.") + " (disunting)?"
    save_bank(bank, out / "bank.yaml")
    return dropped.id, edited.id, edited.question


def _folder_in_the_way(folder: Path, out: Path) -> str:
    (out / "kartu.apkg").mkdir()  # a later output's name is taken by a folder
    return DECK.replace("outputs:\n", "outputs:\n  anki: kartu.apkg\n")


def _nothing_to_print(folder: Path, out: Path) -> str:
    # the worksheet asks for no item of any kind
    return DECK.replace("{mcq: 50, truefalse: 50, cloze: 50, short: 50}",
                        "{mcq: 0, truefalse: 0, cloze: 0, short: 0}")


@pytest.mark.parametrize("failure, message", [
    (_folder_in_the_way, "kartu.apkg: cannot write output, a folder has that name"),
    (_nothing_to_print, "has no item to print"),
])
def test_hostile_failed_build_leaves_every_output_as_it_was(built, tmp_path, failure, message):
    folder = tmp_path / "deck"
    out = folder / "out"
    shutil.copytree(built, out)
    _edit(out)
    before = snapshot(out)
    deck = make_deck(folder, failure(folder, out))
    # the article changed too: a bank written before the failure would differ
    with open(folder / "berbahaya.txt", "a", encoding="utf-8") as f:
        f.write("\nPresiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024).\n")
    result = build(deck, out)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("quizgen: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert snapshot(out) == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_hostile_edits_and_keep_false_survive_two_rebuilds(built, tmp_path):
    folder = tmp_path / "deck"
    out = folder / "out"
    shutil.copytree(built, out)
    dropped, edited, question = _edit(out)
    deck = make_deck(folder)
    for _ in range(2):
        result = build(deck, out)
        assert result.exit_code == 0, result.output
        items = {i.id: i for i in load_bank(out / "bank.yaml").items}
        assert items[dropped].keep is False
        assert items[edited].question == question
    assert set(OUTPUTS) <= set(snapshot(out))
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_hostile_outputs_get_ordinary_permissions(built):
    """Temporary files are made private (0600); the renamed outputs are not."""
    umask = os.umask(0)
    os.umask(umask)
    for name in OUTPUTS:
        assert stat.S_IMODE((built / name).stat().st_mode) == 0o666 & ~umask, name
