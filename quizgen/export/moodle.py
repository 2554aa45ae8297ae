"""Moodle XML (`.xml`), for Moodle's Question bank > Import > "Moodle XML format".

One `<question type="category">` from the bank title, then per item a multichoice,
truefalse, shortanswer or cloze (Moodle's "multianswer", with the blank as an embedded
`{1:SHORTANSWER:=answer}`) question. The source sentence and its citation are the general
feedback; the item's kind, template and tags are Moodle tags; the item id is the question's
name and ID number, so a re-import can be matched by a person.

Texts are plain in the bank and HTML here: escaped, inside CDATA sections (a `]]>` in the
text is split across two sections), control characters removed. Scores are only 100 and
0, both among the fractions Moodle's question editor allows.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..model import CLOZE, MCQ, SHORT, TRUEFALSE, Item, QuestionBank
from .cardtext import BLANK, source_lines
from .selection import (
    Export, Selection, choices, clean, is_true, one_line, sort_out, unusable,
    written,
)

FORMAT = "moodle"
KINDS = (MCQ, TRUEFALSE, SHORT, CLOZE)
TYPES = {MCQ: "multichoice", TRUEFALSE: "truefalse", SHORT: "shortanswer", CLOZE: "cloze"}
# Moodle's allowed answer grades (question_bank::fraction_options), in percent.
FRACTIONS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
             "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10",
             "5", "0")  # fmt: skip
RIGHT, WRONG = "100", "0"
TAG_MAX = 50  # Moodle's tag name length

# Inside an embedded answer, these characters are syntax unless escaped with a backslash.
_CLOZE_SPECIAL = '\\}#~/"'


def cdata(text: str) -> str:
    """Text as CDATA: a ']]>' inside is split across two sections."""
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_text(text: str) -> str:
    """Plain text as HTML; braces as entities, so no text reads as an embedded answer."""
    return html.escape(one_line(text), quote=False).replace("{", "&#123;").replace("}", "&#125;")


def cloze_answer(text: str) -> str:
    """An answer for inside {1:SHORTANSWER:=...}: HTML-escaped, syntax escaped."""
    flat = html.escape(one_line(text), quote=False)
    return "".join("\\" + c if c in _CLOZE_SPECIAL else c for c in flat)


def shortanswer(text: str) -> str:
    """A shortanswer answer: '*' is Moodle's wildcard there, '\\*' a plain asterisk."""
    return one_line(text).replace("*", "\\*")


def _text_el(tag: str, body: str, fmt: str = "html", indent: str = "    ") -> str:
    return f'{indent}<{tag} format="{fmt}"><text>{cdata(body)}</text></{tag}>'


def _answer(fraction: str, body: str, fmt: str = "html") -> str:
    return (f'    <answer fraction="{fraction}" format="{fmt}"><text>{cdata(body)}</text>'
            f'<feedback format="html"><text></text></feedback></answer>')


def _feedback_html(item: Item, bank: QuestionBank) -> str:
    articles = {a.id: a for a in bank.articles}
    parts = [item.explanation, item.context]
    body = "".join(f"<p>{html_text(p)}</p>" for p in parts if one_line(p))
    cites = [c for c in source_lines(item, articles, bank.lang) if one_line(c)]
    return body + "".join(f"<p><cite>{html_text(c)}</cite></p>" for c in cites)


def tags(item: Item) -> list[str]:
    names = [item.kind, item.template, *item.tags]
    seen = dict.fromkeys(one_line(n)[:TAG_MAX] for n in names if one_line(n))
    return list(seen)


def _question_text(item: Item) -> str:
    if item.kind != CLOZE:
        return f"<p>{html_text(item.question)}</p>"
    before, after = BLANK.split(item.question, maxsplit=1)
    embedded = "{1:SHORTANSWER:=" + cloze_answer(item.answer) + "}"
    # html_text strips the ends: keep the spaces around the blank as they were.
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return f"<p>{html_text(before)}{lead}{embedded}{trail}{html_text(after)}</p>"


def _body(item: Item, bank: QuestionBank) -> list[str]:
    if item.kind == MCQ:
        c = choices(item, bank.lang)
        assert c is not None
        return ["    <single>true</single>", "    <shuffleanswers>true</shuffleanswers>",
                "    <answernumbering>abc</answernumbering>"] + [
            _answer(RIGHT if i == c.correct else WRONG, html_text(t))
            for i, t in enumerate(c.texts)]
    if item.kind == TRUEFALSE:
        truth = is_true(item, bank.lang)
        return [_answer(RIGHT if truth else WRONG, "true", "moodle_auto_format"),
                _answer(WRONG if truth else RIGHT, "false", "moodle_auto_format")]
    if item.kind == SHORT:
        return ["    <usecase>0</usecase>",
                _answer(RIGHT, shortanswer(item.answer), "moodle_auto_format")]
    return []  # cloze: the answer is embedded in the question text


def question(item: Item, bank: QuestionBank) -> str:
    penalty = "1" if item.kind == TRUEFALSE else "0.3333333"
    lines = [
        f'  <question type="{TYPES[item.kind]}">',
        f"    <name><text>{cdata(item.id)}</text></name>",
        _text_el("questiontext", _question_text(item)),
        _text_el("generalfeedback", _feedback_html(item, bank)),
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{penalty}</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{cdata(item.id)}</idnumber>",
        *_body(item, bank),
        "    <tags>" + "".join(f"<tag><text>{cdata(t)}</text></tag>" for t in tags(item))
        + "</tags>",
        "  </question>",
    ]
    return "\n".join(lines)


def category(title: str) -> str:
    path = "$course$/top/" + (one_line(title).replace("/", "//") or "quizgen")
    return ('  <question type="category">\n'
            f"    <category><text>{cdata(path)}</text></category>\n"
            '    <info format="html"><text></text></info>\n'
            "  </question>")


def export_moodle(bank: QuestionBank, selection: Selection | None = None) -> tuple[str, Export]:
    """The Moodle XML of the bank's chosen items, and what was left out."""
    result = sort_out(FORMAT, bank, selection, unusable("Moodle XML", KINDS, bank.lang))
    body = [category(bank.title)] + [question(i, bank) for i in result.items]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
    return head + "\n".join(body) + "\n</quiz>\n", result


def write_moodle(bank: QuestionBank, path: str | Path, selection: Selection | None = None):
    """Write the file (atomically); returns what export_moodle returns beside the text."""
    return written(path, *export_moodle(bank, selection))
