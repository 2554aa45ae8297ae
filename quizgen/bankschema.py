"""The schema of a bank file, checked like a deck file's (quizgen/schema.py): every key
known (a misspelt one names the closest), every value of its type (a string where a list
belongs is an error, not a list of letters), every item keeping the rules of its kind
(quizgen/itemrules.py), ids unique. Errors are one line, `FILE:LINE: what; how to fix`.

Hand-edited banks are the normal case: the review page and teachers' editors write them.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from .errors import QuizgenError
from .itemrules import kind_problem
from .lang import available, load_language
from .lang import answer_words as pack_answer_words
from .model import KINDS, ArticleInfo, Item, Source
from .schema import Located, is_type, shown

FORMAT_VERSION = 1
HEAD_KEYS = ("quizgen_bank", "title", "lang", "seed", "articles", "items")

# Item fields: the type each holds, and whether a file may leave it out (or write null)
# to mean the default. The fields of model.Item, no more and no less.
_TEXT, _TEXTS = str, "texts"
ITEM_FIELDS: dict[str, tuple[Any, bool]] = {
    "id": (_TEXT, False),
    "kind": (_TEXT, False),
    "question": (_TEXT, False),
    "answer": (_TEXT, False),
    "options": (_TEXTS, True),
    "context": (_TEXT, True),
    "answer_span": ("span", True),
    "explanation": (_TEXT, True),
    "sources": ("sources", True),
    "template": (_TEXT, True),
    "score": ((float, int), True),
    "confidence": ("confidence", True),
    "tags": (_TEXTS, True),
    "keep": (bool, True),
    "generated": (_TEXT, True),
}
assert set(ITEM_FIELDS) == {f.name for f in fields(Item)}
_SOURCE_KEYS = tuple(f.name for f in fields(Source))
_ARTICLE_TEXTS = tuple(f.name for f in fields(ArticleInfo) if f.name != "id")


def check_head(at: Located) -> dict[str, Any]:
    """The bank's top-level mapping (its lists already taken out or left in place)."""
    data = at.doc.data
    if not isinstance(data, dict) or data.get("quizgen_bank") != FORMAT_VERSION:
        raise QuizgenError(
            f"{at.where()}: not a quizgen bank (expected 'quizgen_bank: {FORMAT_VERSION}');"
            " make one with 'quizgen generate'"
        )
    at.check_keys((), data, HEAD_KEYS)
    for key, expected in (("title", str), ("lang", str), ("seed", int), ("articles", list),
                          ("items", list)):
        if data.get(key) is not None:
            at.check_type((key,), data[key], expected)
    if "items" not in data:
        raise QuizgenError(f"{at.where()}: the bank has no 'items'; add 'items: []' or the"
                           " items, or make the bank again with 'quizgen generate'")
    return data


def truth_words(lang: str | None) -> tuple[str, str] | None:
    """The language's answer words for true and false; None without a language pack (the
    review page shows such a bank in English)."""
    return pack_answer_words(load_language(lang)) if lang in available() else None


def article_from(value: Any, at: Located) -> ArticleInfo:
    at.check_type((), value, dict)
    at.check_keys((), value, ("id", *_ARTICLE_TEXTS))
    if not value.get("id") or not isinstance(value["id"], str):
        raise at.fail(("id",), "must be the article's id, a non-empty string",
                      "restore the id the bank was made with (its items cite it)")
    data = {"path": "", **value}
    for key in _ARTICLE_TEXTS:
        if isinstance(data.get(key), date):  # a date written without quotes: the same date
            data[key] = data[key].isoformat()
        if data.get(key) is not None:
            at.check_type((key,), data[key], str)
    data["path"] = data["path"] or ""
    return ArticleInfo(**data)


def _text_list(at: Located, key: str, value: Any) -> list[str]:
    if type(value) is list and all(type(text) is str for text in value):
        return value
    at.check_type((key,), value, list)
    for i, text in enumerate(value):
        at.check_type((key, i), text, str)
    return list(value)


def _span(at: Located, value: Any) -> tuple[int, int]:
    ok = (isinstance(value, list) and len(value) == 2
          and all(is_type(n, int) and n >= 0 for n in value) and value[0] <= value[1])
    if not ok:
        raise at.fail(("answer_span",), "must be two offsets [start, end] with start <= end,"
                      f" not {shown(value)}", "fix the offsets or write null")
    return value[0], value[1]


def _sources(at: Located, value: Any) -> list[Source]:
    at.check_type(("sources",), value, list)
    out = []
    for i, source in enumerate(value):
        key = ("sources", i)
        at.check_type(key, source, dict)
        at.check_keys(key, source, _SOURCE_KEYS)
        for name in _SOURCE_KEYS:
            if name not in source:
                raise at.fail(key, f"has no '{name}'", "each source needs article, sentence,"
                              " start and end; restore it or remove the source")
            at.check_type(key + (name,), source[name], str if name == "article" else int)
        out.append(Source(**source))
    return out


def item_from(value: Any, at: Located, truth: tuple[str, str] | None,
              sources: bool = True) -> Item:
    """One item of the bank, checked; `sources=False` leaves its sources unread."""
    at.check_type((), value, dict)
    at.check_keys((), value, ITEM_FIELDS)
    data: dict[str, Any] = {}
    for name, (expected, optional) in ITEM_FIELDS.items():
        v = value.get(name)
        if v is None:
            if not optional:
                raise at.fail((), f"has no '{name}'", f"add '{name}:' to the item")
            continue
        if expected == _TEXTS:
            v = _text_list(at, name, v)
        elif expected == "span":
            v = _span(at, v)
        elif expected == "sources":
            if not sources:
                continue
            v = _sources(at, v)
        elif expected == "confidence":
            if not is_type(v, (int, float)) or not 0 <= v <= 1:
                raise at.fail((name,), f"must be a number from 0 to 1, not {shown(v)}",
                              "write one such as 0.8, or remove it")
        elif type(v) is not expected:  # (the usual case costs one comparison)
            at.check_type((name,), v, expected)
        data[name] = v
    for name in ("id", "question", "answer"):
        if not data[name].strip():
            raise at.fail((name,), "is empty", f"write the item's {name}")
    at.choice(("kind",), data["kind"], KINDS, "kind")
    item = Item(**data)
    problem = kind_problem(item, truth)
    if problem is not None:
        field, message = problem
        raise QuizgenError(f"{at.where(field)}: {item.kind} item '{item.id}': {message}")
    return item


class UniqueIds:
    """Refuses an id given to two items: their Anki notes would share one id, and the
    second would overwrite the student's card of the first."""

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}

    def add(self, item: Item, at: Located) -> None:
        where = at.where("id")
        first = self.lines.get(item.id)
        if first is not None:
            raise QuizgenError(
                f"{where}: item id '{item.id}' is given twice (also at line"
                f" {first.rsplit(':', 1)[1]}); give each item its own id or remove one of them"
            )
        self.lines[item.id] = where
