"""The bank as the review page shows it: items as plain data for the page, the filters,
the choices each filter offers, kept items per kind, and the page's labels.

Labels are English (assets/labels.yaml) unless the bank's language pack has review.yaml;
kind names are the pack's worksheet section titles, as printed on its worksheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..bank import fingerprint
from ..errors import QuizgenError
from ..export.cardtext import answer_index, context_parts, source_line, source_lines
from ..lang import available, load_language
from ..model import KINDS, ArticleInfo, Item, QuestionBank

EVENT_TAG = "event-"  # tags naming the event an item is about (generate.py)


def edited(item: Item) -> bool:
    """True when a person changed the item's wording since it was generated."""
    return bool(item.generated) and fingerprint(item) != item.generated


def item_view(item: Item, articles: dict[str, ArticleInfo], lang: str) -> dict[str, Any]:
    parts = context_parts(item)
    return {
        "id": item.id,
        "kind": item.kind,
        "question": item.question,
        "answer": item.answer,
        "options": list(item.options),
        "correct": answer_index(item) if item.options else None,
        "explanation": item.explanation,
        "context": list(parts) if parts else [item.context, "", ""],
        "sources": source_lines(item, articles, lang),
        "template": item.template,
        "score": round(item.score, 2),
        "confidence": item.confidence,
        "tags": list(item.tags),
        "keep": item.keep,
        "edited": edited(item),
    }


@dataclass
class Filter:
    """What the page asks to see; empty fields do not filter."""

    kind: str = ""
    template: str = ""
    event: str = ""
    article: str = ""
    dropped: bool = False
    edited: bool = False
    below: float | None = None  # confidence (or, without one, score) below this
    text: str = ""  # words in the question, answer or options

    @classmethod
    def from_query(cls, query: dict[str, str]) -> Filter:
        below = query.get("below", "").strip()
        try:
            below_value = float(below) if below else None
        except ValueError:
            raise QuizgenError(f"score filter '{below}' is not a number; write e.g. 0.5") from None
        return cls(
            kind=query.get("kind", ""), template=query.get("template", ""),
            event=query.get("event", ""), article=query.get("article", ""),
            dropped=query.get("dropped") == "1", edited=query.get("edited") == "1",
            below=below_value, text=" ".join(query.get("q", "").split()).casefold(),
        )

    def __call__(self, item: Item) -> bool:
        if self.kind and item.kind != self.kind:
            return False
        if self.template and item.template != self.template:
            return False
        if self.event and self.event not in item.tags:
            return False
        if self.article and all(s.article != self.article for s in item.sources):
            return False
        if self.dropped and item.keep:
            return False
        rating = item.score if item.confidence is None else item.confidence
        if self.below is not None and not rating < self.below:
            return False
        if self.edited and not edited(item):
            return False
        if self.text:
            hay = " ".join([item.question, item.answer, *item.options]).casefold()
            if not all(word in hay for word in self.text.split()):
                return False
        return True


def kept_counts(bank: QuestionBank) -> dict[str, dict[str, int]]:
    """Per kind in the bank: items and kept items."""
    counts = {k: {"items": 0, "kept": 0} for k in KINDS}
    for item in bank.items:
        counts[item.kind]["items"] += 1
        counts[item.kind]["kept"] += item.keep
    return {k: c for k, c in counts.items() if c["items"]}


def facets(bank: QuestionBank) -> dict[str, list[list[str]]]:
    """The choices of the template, event and article filters: [value, shown text]."""
    templates = sorted({i.template for i in bank.items if i.template})
    events = sorted({t for i in bank.items for t in i.tags if t.startswith(EVENT_TAG)})
    cited = {s.article for i in bank.items for s in i.sources}
    articles = [[a.id, source_line(a, bank.lang)] for a in bank.articles if a.id in cited]
    return {
        "template": [[t, t] for t in templates],
        "event": [[e, e[len(EVENT_TAG):]] for e in events],
        "article": articles,
    }


@cache
def _default_labels() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("assets/labels.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def page_labels(lang: str) -> dict[str, Any]:
    """The page's words in the bank's language where its pack has them, else English."""
    labels = dict(_default_labels())
    kinds = dict(labels.pop("kinds"))
    if lang in available():
        pack = load_language(lang)
        own = pack.data("review", default=None)
        if isinstance(own, dict):
            labels.update({k: str(v) for k, v in own.items() if k in labels})
        sheet = pack.data("worksheet", default=None)
        sections = sheet.get("sections") if isinstance(sheet, dict) else None
        for kind, section in (sections or {}).items():
            if kind in kinds and isinstance(section, dict) and section.get("title"):
                kinds[kind] = str(section["title"])
    return {**labels, "kinds": kinds}
