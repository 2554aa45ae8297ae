"""Anki text export: a tab-separated file with Anki's file headers, for File → Import.

Text import cannot create note types, so every item becomes a note of Anki's stock
"Basic" type (Front, Back), which every collection has: a cloze item shows its blank on
the front, a multiple choice item its lettered options. Where a collection's stock type
has another name (collections created in another interface language), Anki keeps the
type chosen in its import dialog. GUIDs are the same as in the .apkg export, so
re-importing a corrected file updates notes instead of adding them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..lang import load_language
from ..model import MCQ, TRUEFALSE, ArticleInfo, Item, QuestionBank
from ..outfile import atomic_write_text
from ..select import deck_items
from .anki import deck_name
from .anki_fields import CardLabels, explanation_html, note_guid, note_tags, source_html
from .cardtext import answer_index, html_text, marked_context_html

NOTETYPE = "Basic"  # Anki's stock note type; its fields are Front and Back
COLUMNS = ("guid", "front", "back", "tags")


def _options(item: Item, labels: CardLabels, lettered: bool) -> list[str]:
    rows = []
    for i, option in enumerate(item.options):
        letter = f"{labels.letters[i]}. " if lettered and i < len(labels.letters) else ""
        rows.append(html_text(letter + option))
    return rows


def front_html(item: Item, labels: CardLabels) -> str:
    if item.kind == MCQ and item.options:
        return html_text(item.question) + "<br><br>" + "<br>".join(_options(item, labels, True))
    if item.kind == TRUEFALSE:
        options = item.options or [o for o in (labels.answer_true, labels.answer_false) if o]
        return html_text(item.question) + ("<br><br>" + " / ".join(map(html_text, options))
                                           if options else "")
    return html_text(item.question)  # short; cloze keeps its blank "_____"


def back_html(
    item: Item, bank: QuestionBank, articles: dict[str, ArticleInfo], labels: CardLabels
) -> str:
    answer = item.answer
    i = answer_index(item) if item.kind == MCQ else None
    if i is not None and i < len(labels.letters):
        answer = f"{labels.letters[i]}. {answer}"
    parts = [f"<b>{html_text(answer)}</b>"]
    for extra in (
        explanation_html(item, labels, plain=True),
        marked_context_html(item) if item.context else "",
        source_html(item, articles, bank.lang, labels, plain=True),
    ):
        if extra:
            parts.append(extra)
    return "<br><br>".join(parts)


def dumps_anki_text(bank: QuestionBank) -> str:
    labels = CardLabels.from_pack(load_language(bank.lang))
    articles = {a.id: a for a in bank.articles}
    out = io.StringIO()
    for header in (
        "separator:tab",
        "html:true",
        f"notetype:{NOTETYPE}",
        f"deck:{' '.join(deck_name(bank).split())}",
        f"guid column:{COLUMNS.index('guid') + 1}",
        f"tags column:{COLUMNS.index('tags') + 1}",
    ):
        out.write(f"#{header}\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for item in deck_items(bank.items):
        writer.writerow([
            note_guid(item),
            front_html(item, labels),
            back_html(item, bank, articles, labels),
            " ".join(note_tags(item, bank.lang)),
        ])
    return out.getvalue()


def write_anki_text(bank: QuestionBank, path: str | Path) -> int:
    """Write the bank's kept items as an Anki text file; returns the number of notes."""
    text = dumps_anki_text(bank)
    atomic_write_text(path, text)
    return len(deck_items(bank.items))
