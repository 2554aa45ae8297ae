"""An item as the field values, tags and GUID of an Anki note. All text is escaped here."""

from __future__ import annotations

from dataclasses import dataclass

from ..lang import LanguagePack
from ..model import CLOZE, LABELS, MCQ, SHORT, TRUEFALSE, ArticleInfo, Item, QuestionBank
from .cardtext import (
    BLANK,
    answer_index,
    cloze_answer,
    context_parts,
    html_text,
    marked_context_html,
    source_lines,
    tag_text,
)

DEFAULT_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TAG_ROOT = "quizgen"


@dataclass(frozen=True)
class CardLabels:
    """Words printed on cards, from the language pack (empty when the pack has none)."""

    source: str = ""
    explanation: str = ""
    correction: str = ""  # before the true statement behind a false true/false item
    answer_true: str = ""
    answer_false: str = ""
    letters: str = DEFAULT_LETTERS

    @classmethod
    def from_pack(cls, pack: LanguagePack) -> CardLabels:
        """Keys of the pack's labels.yaml, then of its anki.yaml."""
        found: dict[str, str] = {}
        for name in ("anki", "labels"):  # later files win: the shared labels first
            data = pack.data(name, default=None)
            if isinstance(data, dict):
                found.update({k: str(v) for k, v in data.items() if isinstance(v, str | int)})
        keys = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in found.items() if k in keys and v})


def note_guid(item: Item) -> str:
    """The note GUID: the bank's stable item id, so a rebuilt deck updates its notes."""
    return f"{TAG_ROOT}-{item.id}"


def note_tags(item: Item, lang: str) -> list[str]:
    """Kind, template, language, source articles and the bank's tags (entity labels among
    them), as Anki tags, all under one root so they fold away in Anki's tag list."""
    tags = [f"{TAG_ROOT}::kind::{item.kind}", f"{TAG_ROOT}::lang::{lang}"]
    if item.template:
        tags.append(f"{TAG_ROOT}::template::{item.template}")
    tags += [f"{TAG_ROOT}::article::{a}" for a in dict.fromkeys(s.article for s in item.sources)]
    tags += [f"{TAG_ROOT}::label::{t}" if t in LABELS else f"{TAG_ROOT}::{t}" for t in item.tags]
    return [t for t in dict.fromkeys(tag_text(t) for t in tags) if t]


def _labelled(label: str, body: str, plain: bool) -> str:
    """Label and body; `plain` for note types without our CSS ("Label: body")."""
    if not label:
        return body
    if plain:
        return f"<i>{html_text(label)}:</i> {body}"
    return f'<span class="qg-label">{html_text(label)}</span> {body}'


def source_html(
    item: Item,
    articles: dict[str, ArticleInfo],
    lang: str,
    labels: CardLabels,
    plain: bool = False,
) -> str:
    lines = [html_text(s) for s in source_lines(item, articles, lang)]
    if not lines:
        return ""
    if len(lines) == 1:
        return _labelled(labels.source, lines[0], plain)
    items = "".join(f"<li>{line}</li>" for line in lines)
    return _labelled(labels.source, f"<ul>{items}</ul>", plain)


def explanation_html(item: Item, labels: CardLabels, plain: bool = False) -> str:
    if not item.explanation.strip():
        return ""
    is_false = item.kind == TRUEFALSE and item.answer != labels.answer_true
    label = labels.correction if is_false and labels.correction else labels.explanation
    return _labelled(label, html_text(item.explanation), plain)


def options_html(item: Item, letters: str, lettered: bool) -> str:
    correct = answer_index(item)
    rows = []
    for i, option in enumerate(item.options):
        cls = ' class="qg-correct"' if i == correct else ""
        letter = (
            f'<span class="qg-letter">{html_text(letters[i])}</span> '
            if lettered and i < len(letters)
            else ""
        )
        rows.append(f"<li{cls}>{letter}{html_text(option)}</li>")
    if not rows:
        return ""
    tag, cls = ("ol", "qg-options") if lettered else ("ul", "qg-options qg-tf")
    return f'<{tag} class="{cls}">{"".join(rows)}</{tag}>'


def lettered_answer(item: Item, letters: str) -> str:
    i = answer_index(item)
    if i is None or i >= len(letters):
        return html_text(item.answer)
    return f'<span class="qg-letter">{html_text(letters[i])}</span> {html_text(item.answer)}'


def cloze_text(item: Item) -> str:
    """The item as cloze text with exactly one deletion, c1.

    The question's blank is filled when it has exactly one; otherwise the answer span of
    the source sentence is used; otherwise the deletion follows the question.
    """
    deletion = "{{c1::" + cloze_answer(item.answer) + "}}"
    pieces = BLANK.split(item.question)
    if len(pieces) == 2:
        return html_text(pieces[0]) + deletion + html_text(pieces[1])
    parts = context_parts(item)
    if parts is not None:
        return html_text(parts[0]) + deletion + html_text(parts[2])
    return html_text(item.question) + " " + deletion


def filled_cloze(item: Item) -> str:
    pieces = BLANK.split(item.question)
    return item.answer.join(pieces) if len(pieces) == 2 else ""


def note_fields(
    item: Item, bank: QuestionBank, articles: dict[str, ArticleInfo], labels: CardLabels
) -> list[str]:
    """Field values in the order of the kind's note type (anki_models.NOTE_TYPES)."""
    context = marked_context_html(item)
    explanation = explanation_html(item, labels)
    source = source_html(item, articles, bank.lang, labels)
    if item.kind == SHORT:
        return [html_text(item.question), html_text(item.answer), context, explanation, source]
    if item.kind == CLOZE:
        # The source sentence only adds something when the cloze text is not that sentence.
        same = " ".join(filled_cloze(item).split()) == " ".join(item.context.split())
        return [cloze_text(item), "" if same else context, explanation, source]
    if item.kind == MCQ:
        return [
            html_text(item.question),
            options_html(item, labels.letters, lettered=True),
            lettered_answer(item, labels.letters),
            context,
            explanation,
            source,
        ]
    if item.kind == TRUEFALSE:
        options = item.options or [o for o in (labels.answer_true, labels.answer_false) if o]
        tf = Item(id=item.id, kind=item.kind, question=item.question, answer=item.answer,
                  options=options)
        return [
            html_text(item.question),
            options_html(tf, labels.letters, lettered=False),
            html_text(item.answer),
            context,
            explanation,
            source,
        ]
    raise ValueError(f"unknown item kind {item.kind!r}")
