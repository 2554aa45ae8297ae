"""Moodle XML export: valid against the XSD of the subset we write
(tests/fixtures/moodle_quiz.xsd), and read back as Moodle reads it: one 100% answer per
multiple choice, only Moodle's allowed fractions, cloze answers that parse back."""

from __future__ import annotations

import html
import re

import pytest
from _exports import only_given_away
from hostilebank import hostile_bank
from lxml import etree
from lxml import html as lxml_html
from seedbank import seed_bank

from quizgen.bank import load_bank
from quizgen.export.cardtext import BLANK
from quizgen.export.moodle import FRACTIONS, TYPES, cloze_answer, export_moodle, write_moodle
from quizgen.export.selection import choices, is_true, one_line
from quizgen.model import CLOZE, MCQ, SHORT, TRUEFALSE

from conftest import FIXTURES

SCHEMA = etree.XMLSchema(etree.parse(str(FIXTURES / "moodle_quiz.xsd")))
# Moodle's multianswer syntax for the one embedded answer we write: {N:SHORTANSWER:...}
# with answers "=text#feedback" separated by "~"; a backslash escapes } # ~ / " \.
EMBEDDED = re.compile(r"\{(\d+):(SHORTANSWER|SA):((?:\\.|[^\\}])*)\}")


def _plain(fragment: str) -> str:
    """The text a reader sees of an HTML fragment."""
    return one_line(lxml_html.fragment_fromstring(fragment, create_parent="div").text_content())


def _cloze_answers(spec: str) -> list[tuple[str, bool]]:
    out, current, i = [], "", 0
    parts: list[str] = []
    while i < len(spec):
        c = spec[i]
        if c == "\\" and i + 1 < len(spec):
            current += c + spec[i + 1]
            i += 2
            continue
        if c == "~":
            parts.append(current)
            current = ""
        else:
            current += c
        i += 1
    parts.append(current)
    for part in parts:
        right = part.startswith("=")
        text = re.split(r"(?<!\\)#", part.lstrip("="), maxsplit=1)[0]
        out.append((html.unescape(re.sub(r"\\(.)", r"\1", text)), right))
    return out


def _check(bank, tmp_path):
    path = tmp_path / "bank.xml"
    result = write_moodle(bank, path)
    doc = etree.parse(str(path))
    SCHEMA.assertValid(doc)
    questions = doc.getroot().findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == (
        "$course$/top/" + one_line(bank.title).replace("/", "//"))
    for item, q in zip(result.items, questions[1:], strict=True):
        assert q.get("type") == TYPES[item.kind]
        assert q.findtext("name/text") == item.id
        fractions = [a.get("fraction") for a in q.findall("answer")]
        assert set(fractions) <= set(FRACTIONS)
        feedback = _plain(q.findtext("generalfeedback/text"))
        assert one_line(item.context) in feedback
        text = q.findtext("questiontext/text")
        if item.kind == CLOZE:
            found = EMBEDDED.findall(text)
            assert len(found) == 1, item.id
            assert _cloze_answers(found[0][2]) == [(one_line(item.answer), True)]
            shown = _plain(EMBEDDED.sub("_____", text))
            assert shown == one_line(BLANK.sub("_____", item.question)), item.id
            continue
        assert not EMBEDDED.search(text)
        assert _plain(text) == one_line(item.question), item.id
        answers = [(a.findtext("text"), a.get("fraction")) for a in q.findall("answer")]
        if item.kind == MCQ:
            c = choices(item, bank.lang)
            assert [_plain(t) for t, _ in answers] == c.texts
            assert [f for _, f in answers].count("100") == 1
            assert answers[c.correct][1] == "100"
        elif item.kind == TRUEFALSE:
            right = "true" if is_true(item, bank.lang) else "false"
            assert dict(answers)[right] == "100" and [f for _, f in answers].count("100") == 1
        else:
            assert answers == [(one_line(item.answer).replace("*", "\\*"), "100")]
    return result


@pytest.mark.parametrize("make", [seed_bank, hostile_bank,
                                  lambda: load_bank(FIXTURES / "bank_sample.yaml")],
                         ids=["seeds", "hostile", "sample"])
def test_moodle_xml_is_valid_and_reads_back(make, tmp_path):
    result = _check(make(), tmp_path)
    assert {i.kind for i in result.items} == {MCQ, TRUEFALSE, SHORT, CLOZE}
    assert only_given_away(result.skipped)


def test_moodle_xml_splits_cdata_and_drops_control_characters():
    text, _ = export_moodle(hostile_bank())
    assert "]]]]><![CDATA[>" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)


@pytest.mark.parametrize("answer, expected", [
    ("Pyongyang", "Pyongyang"),
    ("a}b", "a\\}b"),
    ("1#2~3", "1\\#2\\~3"),
    ("12/7", "12\\/7"),
    ('"x" \\ y', '\\"x\\" \\\\ y'),
    ("<b>", "&lt;b&gt;"),
])
def test_moodle_cloze_answer_escapes_multianswer_syntax(answer, expected):
    assert cloze_answer(answer) == expected


def test_moodle_question_text_cannot_embed_a_question():
    text, _ = export_moodle(hostile_bank())
    mcq2 = text.split('<question type="multichoice">')[2]
    assert "{1:SHORTANSWER" not in mcq2.split("<generalfeedback")[0]
