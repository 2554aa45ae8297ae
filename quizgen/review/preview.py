"""Previews of one item as the exporters make it: the Anki card (the .apkg's note type and
field values, front and back) and one worksheet version with its answer key.

Both are whole HTML documents, shown by the page in sandboxed frames (no scripts run).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from ..export.anki_fields import CardLabels, note_fields
from ..export.anki_models import NOTE_TYPES, card_css
from ..export.worksheet import WorksheetOptions, render_html
from ..lang import load_language
from ..model import Item, QuestionBank

# The parts of Anki's template language our note types use (anki_models.py):
# {{Field}}, {{cloze:Field}} and {{#Field}}...{{/Field}} (shown when the field is not empty).
_SECTION = re.compile(r"\{\{#(\w+)\}\}(.*?)\{\{/\1\}\}", re.S)
_FIELD = re.compile(r"\{\{(?:(cloze):)?(\w+)\}\}")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def _cloze(text: str, back: bool) -> str:
    if back:
        return _CLOZE.sub(lambda m: f'<span class="cloze">{m.group(2)}</span>', text)
    return _CLOZE.sub(lambda m: f'<span class="cloze">[{m.group(3) or "..."}]</span>', text)


def fill_template(template: str, values: dict[str, str], back: bool) -> str:
    """A card side as Anki renders it from a note type template and field values."""
    template = _SECTION.sub(lambda m: m.group(2) if values.get(m.group(1)) else "", template)
    return _FIELD.sub(
        lambda m: _cloze(values.get(m.group(2), ""), back) if m.group(1)
        else values.get(m.group(2), ""),
        template,
    )


def _page(body: str, css: str, lang: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<style>{css}</style></head><body class=\"card\">{body}</body></html>")


@cache
def _labels(lang: str) -> CardLabels:
    return CardLabels.from_pack(load_language(lang))


def card_preview(item: Item, bank: QuestionBank) -> dict[str, str]:
    """The item's Anki card: {'front': html, 'back': html}, each a whole document."""
    note_type = NOTE_TYPES[item.kind]
    articles = {a.id: a for a in bank.articles}
    values = dict(zip(note_type.fields, note_fields(item, bank, articles, _labels(bank.lang)),
                      strict=True))
    css = card_css()
    front = fill_template(note_type.front, values, back=False)
    back = fill_template(note_type.back, values, back=True)
    return {"front": _page(front, css, bank.lang), "back": _page(back, css, bank.lang)}


def worksheet_preview(item: Item, bank: QuestionBank) -> str:
    """Version A of a worksheet holding this item alone, with its answer key."""
    one = dataclasses.replace(bank, items=[dataclasses.replace(item, keep=True)])
    return render_html(one, WorksheetOptions(versions=1, include_sources=True))
