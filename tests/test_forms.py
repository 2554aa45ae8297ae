"""Google Forms Apps Script: it parses with `node --check`, and run under Node against a
recorder of the FormApp calls (tests/node/forms_recorder.js) it creates the exported
questions: quiz mode, choices with the key, points, feedback, accepted text answers."""

from __future__ import annotations

import json

import pytest
from _exports import only_given_away
from hostilebank import hostile_bank
from nodetools import node, run_node
from seedbank import seed_bank

from quizgen.export.forms import (
    PLACEHOLDER, asset_text, export_forms, quiz_data, write_forms,
)
from quizgen.export.selection import choices, feedback, one_line
from quizgen.model import CLOZE, MCQ, SHORT, TRUEFALSE

BANKS = pytest.mark.parametrize("make", [seed_bank, hostile_bank], ids=["seeds", "hostile"])


def _run(path, *flags):
    done = run_node("forms_recorder.js", str(path), *flags)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@BANKS
def test_forms_script_parses_with_node(make, tmp_path):
    import subprocess

    path = tmp_path / "quiz.gs"
    write_forms(make(), path)
    js = tmp_path / "quiz.js"  # node --check goes by the file name's suffix
    js.write_text(path.read_text("utf-8"), "utf-8")
    done = subprocess.run([node(), "--check", str(js)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@BANKS
def test_forms_script_creates_the_exported_quiz(make, tmp_path):
    bank = make()
    path = tmp_path / "quiz.gs"
    result = write_forms(bank, path)
    form = _run(path)
    assert form["title"] == one_line(bank.title) and form["isQuiz"] is True
    assert len(form["items"]) == len(result.items) and only_given_away(result.skipped)
    for item, rec in zip(result.items, form["items"], strict=True):
        assert rec["setTitle"] == one_line(item.question) and rec["setPoints"] == 1
        c = choices(item, bank.lang)
        if item.kind in (MCQ, TRUEFALSE):
            assert rec["type"] == "MULTIPLE_CHOICE"
            assert [x["value"] for x in rec["choices"]] == c.texts
            assert [x["isCorrect"] for x in rec["choices"]] == [
                i == c.correct for i in range(len(c.texts))]
            assert rec["feedbackCorrect"] == rec["feedbackIncorrect"] == feedback(item, bank)
        else:
            assert rec["type"] == "TEXT" and rec["generalFeedback"] == feedback(item, bank)
    assert {i.kind for i in result.items} == {MCQ, TRUEFALSE, SHORT, CLOZE}
    assert form["batch"] == []  # no Forms API service: text answers are graded by hand
    assert "graded by hand" in form["log"][0]


def test_forms_script_sets_text_answer_keys_through_the_forms_api(tmp_path):
    bank = hostile_bank()
    path = tmp_path / "quiz.gs"
    result = write_forms(bank, path)
    form = _run(path, "--forms-api")
    [call] = form["batch"]
    assert call["id"] == "FORM-ID"
    texts = [(n, i) for n, i in enumerate(result.items) if i.kind in (SHORT, CLOZE)]
    requests = call["request"]["requests"]
    assert [r["updateItem"]["location"]["index"] for r in requests] == [n for n, _ in texts]
    for r, (_, item) in zip(requests, texts, strict=True):
        grading = r["updateItem"]["item"]["questionItem"]["question"]["grading"]
        assert grading == {"pointValue": 1,
                           "correctAnswers": {"answers": [{"value": one_line(item.answer)}]}}
        assert r["updateItem"]["updateMask"] == "questionItem.question.grading"


def test_forms_script_holds_the_items_as_data_not_code():
    bank = hostile_bank()
    bank.items[0].question = "Tanya */ }); createQuiz = null; /* \u2028 \u2029?"
    text, result = export_forms(bank)
    head, rest = text.split("const QUIZ = ", 1)
    literal, tail = rest.split(";\n\nfunction createQuiz", 1)
    assert json.loads(literal) == quiz_data(bank, result.items)
    asset = asset_text()
    assert head + "const QUIZ = " + PLACEHOLDER + ";\n\nfunction createQuiz" + tail == asset
    assert "\u2028" not in literal and "\u2029" not in literal
