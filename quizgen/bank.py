"""The question bank: a YAML file people read, edit and feed back; JSON Lines for machines.

Regenerating merges by item id, so a person's edits and `keep: false` survive.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, fields
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from .confidence import load_model
from .errors import QuizgenError
from .lang import load_language
from .model import ArticleInfo, Item, QuestionBank, Source
from .outfile import atomic_write_text
from .parallel import map_ordered
from .bankschema import FORMAT_VERSION, UniqueIds, article_from, check_head, item_from, truth_words
from .schema import Located
from .yamlfile import load_yaml_lists

# Fields a person may edit in a bank; regeneration keeps their values.
EDITABLE = ("question", "answer", "options", "explanation", "keep", "tags")


_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_ITEM_NAMES = frozenset(_ITEM_FIELDS)


def item_to_dict(item: Item) -> dict[str, Any]:
    """dataclasses.asdict(item), written out (asdict's deep copies cost as much as the
    YAML emitter), with the answer span as a list and the score rounded."""
    d = {name: getattr(item, name) for name in _ITEM_FIELDS}
    d["options"] = list(item.options)
    d["answer_span"] = list(item.answer_span) if item.answer_span else None
    d["sources"] = [{name: getattr(s, name) for name in _SOURCE_FIELDS} for s in item.sources]
    d["score"] = round(item.score, 4)
    d["tags"] = list(item.tags)
    return d


def bank_to_dict(bank: QuestionBank, *, with_items: bool = True) -> dict[str, Any]:
    data = {
        "quizgen_bank": FORMAT_VERSION,
        "title": bank.title,
        "lang": bank.lang,
        "seed": bank.seed,
        "articles": [asdict(a) for a in bank.articles],
    }
    if with_items:
        data["items"] = [item_to_dict(i) for i in bank.items]
    return data


class _Dumper(yaml.SafeDumper):
    pass


def _str_repr(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_repr)

# libyaml's emitter (PyYAML's C extension) is five times faster and writes the very same
# text for strings of printable BMP characters without line breaks or tabs. Others it
# escapes or folds differently (valid YAML, but a diff in the person's file), so items
# holding such strings go through the pure-Python emitter.
_FastDumper: type | None = None
if hasattr(yaml, "CSafeDumper"):

    class _FastDumper(yaml.CSafeDumper):  # type: ignore[no-redef]
        pass

    _FastDumper.add_representer(str, _str_repr)

_SAME_IN_BOTH = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_REPRESENTER = yaml.SafeDumper(None)  # for scalars of other types (floats)
_RESOLVER = yaml.resolver.Resolver()


@lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag a plain scalar `value` would be read as (a string unless it looks like a
    number, a boolean or null)."""
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))


@lru_cache(maxsize=8192)  # keys, kinds, numbers: the same scalars over and over
def _scalar(tag: str, value: str, style: str | None = None) -> yaml.ScalarEvent:
    # What the serializer emits for a scalar node (yaml.serializer.Serializer.serialize_node):
    # implicit = (read back as its tag when plain, read back as its tag when quoted).
    implicit = (tag == _plain_tag(value), tag == _STR)
    return yaml.ScalarEvent(None, tag, implicit, value, style=style)


# Block collections start and end alike every time; the emitters only read events.
_MAP_START = yaml.MappingStartEvent(None, _MAP, True, flow_style=False)
_MAP_END = yaml.MappingEndEvent()
_SEQ_START = yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False)
_SEQ_END = yaml.SequenceEndEvent()


def _events(value: Any, out: list[yaml.Event], slow: list[str] | None = None) -> None:
    """The events _Dumper's representer and serializer make of plain data (block style, no
    aliases: item_to_dict copies every list and dict), appended to `out` directly: no node
    tree, no anchor pass, each scalar's implicit tags looked up once per text. Strings the
    fast emitter would write otherwise (outside _SAME_IN_BOTH) are added to `slow`.
    Strings inside a mapping or a list are handled in its loop (most values are strings)."""
    kind = type(value)
    if kind is str:
        if slow is not None and _SAME_IN_BOTH.fullmatch(value) is None:
            slow.append(value)
        out.append(_scalar(_STR, value, "|" if "\n" in value else None))
    elif kind is dict or kind is list:
        mapping = kind is dict
        out.append(_MAP_START if mapping else _SEQ_START)
        for x in chain.from_iterable(value.items()) if mapping else value:  # keys, values
            if type(x) is str:
                if slow is not None and _SAME_IN_BOTH.fullmatch(x) is None:
                    slow.append(x)
                out.append(_scalar(_STR, x, "|" if "\n" in x else None))
            else:
                _events(x, out, slow)
        out.append(_MAP_END if mapping else _SEQ_END)
    elif kind is int:
        out.append(_scalar(_TAG + "int", str(value)))
    elif kind is bool:
        out.append(_scalar(_TAG + "bool", "true" if value else "false"))
    elif value is None:
        out.append(_scalar(_TAG + "null", "null"))
    else:
        node = (_REPRESENTER.represent_float if kind is float else _REPRESENTER.represent_data)(value)
        out.append(_scalar(node.tag, node.value, node.style))


def _dump(data: Any) -> str:
    """A value as a YAML document, by the fast emitter if it writes it the same."""
    events: list[yaml.Event] = []
    slow: list[str] = []
    _events(data, events, slow)
    return _emit(events, fast=not slow)


def _emit(events: list[yaml.Event], fast: bool) -> str:
    """One document of a value's events, by the fast emitter if `fast`."""
    dumper = _FastDumper if fast and _FastDumper else _Dumper
    whole = [yaml.StreamStartEvent(), yaml.DocumentStartEvent(explicit=False), *events,
             yaml.DocumentEndEvent(explicit=False), yaml.StreamEndEvent()]
    return yaml.emit(whole, Dumper=dumper, allow_unicode=True, width=100)


YAML_CHUNK = 250  # items dumped together; chunks go to every core


def dumps_yaml(bank: QuestionBank, *, jobs: int | None = None) -> str:
    """The bank as YAML. Items are emitted in runs (a block sequence under a top-level key
    is written exactly as the same sequence on its own), each run by the fast emitter when
    every string in it reads the same from both; chunks of items on every core."""
    data = bank_to_dict(bank, with_items=False)
    if not bank.items:
        return _dump({**data, "items": []})
    head = _dump(data)
    chunks = [bank.items[i : i + YAML_CHUNK] for i in range(0, len(bank.items), YAML_CHUNK)]
    body = map_ordered(lambda n: _dump_items(chunks[n]), range(len(chunks)), jobs=jobs, min_items=4)
    return head + "items:\n" + "".join(body)


def _dump_items(items: list[Item]) -> str:
    """Items as a block sequence, in runs of items the fast emitter writes alike or not."""
    runs: list[tuple[bool, list[yaml.Event]]] = []
    for item in items:
        events: list[yaml.Event] = []
        slow: list[str] = []
        _events(item_to_dict(item), events, slow)
        fast = not slow
        if not runs or runs[-1][0] != fast:
            runs.append((fast, []))
        runs[-1][1].extend(events)
    return "".join(_emit([_SEQ_START, *run, _SEQ_END], fast) for fast, run in runs)


def dumps_jsonl(bank: QuestionBank) -> str:
    lines = [json.dumps(item_to_dict(i), ensure_ascii=False) for i in bank.items]
    return "\n".join(lines) + ("\n" if lines else "")


def save_bank(bank: QuestionBank, path: str | Path, fmt: str | None = None) -> None:
    fmt = fmt or ("jsonl" if str(path).endswith(".jsonl") else "yaml")
    text = dumps_jsonl(bank) if fmt == "jsonl" else dumps_yaml(bank)
    atomic_write_text(path, text)


def load_bank(path: str | Path, *, sources: bool = True) -> QuestionBank:
    """A bank file, checked against the bank schema (quizgen/bankschema.py). `sources=False`
    leaves the items' sources unread (empty), which is all merge_edits needs of an earlier
    bank, and most of a large bank's text."""
    p = Path(path)
    if p.suffix == ".jsonl":
        raise QuizgenError(f"{p}: JSON Lines banks are for machines; load the YAML bank instead")
    doc, lists = load_yaml_lists(p, ("items", "articles"), skip=None if sources else "sources",
                                 aliases=False)
    data = check_head(Located(doc))
    truth = truth_words(data.get("lang"))
    articles = [article_from(a, Located(part, key, ("articles", n)))
                for n, (a, part, key) in enumerate(lists["articles"])]
    items = []
    ids = UniqueIds()
    for n, (value, part, key) in enumerate(lists["items"]):
        at = Located(part, key, ("items", n))
        item = item_from(value, at, truth, sources)
        ids.add(item, at)
        items.append(item)
    return QuestionBank(
        title=data.get("title") or p.stem,
        lang=data.get("lang") or "",
        seed=data.get("seed") or 0,
        articles=articles,
        items=items,
    )


def silent_articles(bank: QuestionBank) -> list[ArticleInfo]:
    """The bank's articles that no item cites."""
    cited = {s.article for i in bank.items for s in i.sources}
    return [a for a in bank.articles if a.id not in cited]


def require_items(bank: QuestionBank, *, limited: bool = False) -> None:
    """Refuse a bank without items: writing it would leave an empty deck and worksheet.
    `limited`: the deck's item limits may be why (said in the message)."""
    if bank.items:
        return
    paths = [a.path for a in bank.articles]
    why = "no sentence matched a template" + (", or the deck's 'items' limits left none"
                                              if limited else "")
    if len(paths) == 1:
        where = f"{paths[0]}: no question could be made from this article ({why})"
    else:
        shown = ", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")
        where = f"no question could be made from the {len(paths)} articles {shown} ({why})"
    what = "a news article" if len(paths) == 1 else "news articles"
    raise QuizgenError(
        f"{where}; give {what} naming people, places, dates or numbers"
        " (see what was found with 'quizgen inspect FILE'); nothing was written"
    )


def fingerprint(item: Item) -> str:
    """A digest of the editable fields (except keep), to tell a person's edits later."""
    payload = json.dumps(
        [getattr(item, n) for n in EDITABLE if n != "keep"], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


def stamp(item: Item) -> Item:
    """Record the fingerprint of the item as generated."""
    item.generated = fingerprint(item)
    return item


def merge_edits(new: QuestionBank, old: QuestionBank) -> QuestionBank:
    """Carry a person's edits from an earlier bank into a regenerated one.

    Items are matched by id. A person's `keep` survives: one that differs from what the
    old item's confidence gave it (at the language's threshold), and any `keep: false` in
    a bank without confidences. The other editable fields of an old item survive when the
    person changed them, that is when they no longer match the fingerprint recorded at
    generation; otherwise the new generated values win, so improved templates still reach
    unedited items.
    """
    threshold = load_model(load_language(new.lang)).threshold if new.lang else 0.0
    old_by_id = {i.id: i for i in old.items}
    for item in new.items:
        prev = old_by_id.get(item.id)
        if prev is None:
            continue
        if prev.confidence is None:
            if not prev.keep:
                item.keep = False
        elif prev.keep != (prev.confidence >= threshold):
            item.keep = prev.keep
        if prev.generated and fingerprint(prev) != prev.generated:
            for name in EDITABLE:
                if name != "keep":
                    setattr(item, name, getattr(prev, name))
            item.generated = prev.generated
    return new
