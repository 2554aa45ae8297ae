"""GIFT export, read back with the strict gift-pegjs parser (npm): every exported file
parses into the same questions, answers and kinds that were exported."""

from __future__ import annotations

import html
import re

import pytest
from _exports import only_given_away
from hostilebank import hostile_bank
from nodetools import parse_gift
from seedbank import seed_bank

from quizgen.bank import load_bank
from quizgen.export.cardtext import BLANK
from quizgen.export.gift import escape, export_gift, write_gift
from quizgen.export.selection import Selection, choices, feedback, is_true, one_line
from quizgen.model import CLOZE, MCQ, SHORT, TRUEFALSE

from conftest import FIXTURES

GIFT_TYPE = {MCQ: "MC", TRUEFALSE: "TF", SHORT: "Short", CLOZE: "Short"}


def _text(fmt_text: dict) -> str:
    text = fmt_text["text"]
    return html.unescape(text) if fmt_text["format"] == "html" else text


def _norm(text: str) -> str:
    # gift-pegjs joins a missing word's text as before + "_____ " + after (Moodle joins
    # without the space), and may add one before it: compare texts with no space around a
    # blank.
    return re.sub(r"\s*_____\s*", "_____", one_line(BLANK.sub("_____", text)))


def _round_trip(bank, tmp_path):
    path = tmp_path / "bank.gift.txt"
    result = write_gift(bank, path)
    parsed = parse_gift(path)
    path_ = "$course$/top/" + one_line(bank.title).replace("/", "//")
    assert parsed[0] == {"type": "Category", "title": path_}
    questions = parsed[1:]
    assert [q["title"] for q in questions] == [i.id for i in result.items]
    for item, q in zip(result.items, questions, strict=True):
        assert q["type"] == GIFT_TYPE[item.kind], item.id
        assert _norm(_text(q["stem"])) == _norm(item.question), item.id
        assert _text(q["globalFeedback"]) == feedback(item, bank), item.id
        if item.kind == TRUEFALSE:
            assert q["isTrue"] is is_true(item, bank.lang)
        elif item.kind == MCQ:
            c = choices(item, bank.lang)
            assert [_text(x["text"]) for x in q["choices"]] == c.texts
            right = [i == c.correct for i in range(len(c.texts))]
            assert [x["isCorrect"] for x in q["choices"]] == right
        else:
            assert [_text(x["text"]) for x in q["choices"]] == [one_line(item.answer)]
            assert [x["isCorrect"] for x in q["choices"]] == [True]
    return path, result


@pytest.mark.parametrize("make", [seed_bank, hostile_bank,
                                  lambda: load_bank(FIXTURES / "bank_sample.yaml")],
                         ids=["seeds", "hostile", "sample"])
def test_gift_round_trips_through_gift_pegjs(make, tmp_path):
    bank = make()
    path, result = _round_trip(bank, tmp_path)
    assert {i.kind for i in result.items} == {MCQ, TRUEFALSE, SHORT, CLOZE}
    assert only_given_away(result.skipped)


def test_gift_never_writes_an_arrow_and_separates_questions_by_one_blank_line(tmp_path):
    text, _ = export_gift(hostile_bank())
    blocks = text.rstrip("\n").split("\n\n")
    assert not [b for b in blocks[1:] if "->" in b]  # blocks[0] is the category
    assert all(b.strip() and "\n" not in b for b in blocks)
    assert len(blocks) == 1 + len(hostile_bank().items)


@pytest.mark.parametrize("text, expected", [
    ("a:b", "a\\:b"),
    ("{x}", "\\{x\\}"),
    ("~=#", "\\~\\=\\#"),
    ("c:\\d", "c\\:\\\\d"),
    ("x -> y", "x -&gt; y"),
    ("<b>&", "&lt;b&gt;&amp;"),
    ("satu\ndua\u0007", "satu dua"),
])
def test_gift_escape_follows_moodles_exporter(text, expected):
    assert escape(text) == expected


def test_gift_cloze_blank_at_the_end_keeps_the_blank_in_the_text(tmp_path):
    bank = hostile_bank()
    text, _ = export_gift(bank, Selection(kinds=(CLOZE,)))
    last = text.rstrip().split("\n\n")[-1]
    assert re.search(r"_____ \{=selesai \]\]&gt; ya####", last)


def test_gift_respects_kinds_and_counts(tmp_path):
    bank = seed_bank()
    _, result = export_gift(bank, Selection(kinds=(MCQ, SHORT), counts={MCQ: 2}))
    kinds = [i.kind for i in result.items]
    assert kinds.count(MCQ) == 2 and set(kinds) == {MCQ, SHORT}
    order = [i.id for i in bank.items]
    places = [order.index(i.id) for i in result.items]
    assert places == sorted(places)
