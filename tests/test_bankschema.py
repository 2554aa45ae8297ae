"""The bank schema (issue 15): hand-edited banks with random wrong types and shapes.

A valid bank (one item of each kind from tests/fixtures/bank_sample.yaml) is changed at
random: a field of an item, a source, an article or the head set to a value of another
type or shape (text, numbers, true/false, null, lists, mappings, special strings: blanks,
answer words, YAML indicators), fields removed, unknown keys added, items duplicated, whole
items replaced; then written as YAML text (sometimes with a line repeated, making a key
given twice or broken indentation) and loaded by load_bank. Every case is either loaded or
refused with a one-line QuizgenError `FILE:LINE: what; how to fix`, never another
exception; a bank that loads saves and loads again to the same text.

Hypothesis with derandomize=True: every run (and CI) tries the same 2,000 examples.
"""

from __future__ import annotations

import atexit
import copy
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizgen.bank import dumps_yaml, load_bank
from quizgen.errors import QuizgenError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = yaml.safe_load((ROOT / "tests" / "fixtures" / "bank_sample.yaml").read_text("utf-8"))


def _base() -> dict:
    """The sample bank cut to its first item of each kind and the articles they cite."""
    items, kinds = [], set()
    for item in SAMPLE["items"]:
        if item["kind"] not in kinds:
            kinds.add(item["kind"])
            items.append(item)
    cited = {s["article"] for i in items for s in i.get("sources") or []}
    return {**SAMPLE, "articles": [a for a in SAMPLE["articles"] if a["id"] in cited],
            "items": items}


BASE = _base()
assert len(BASE["items"]) == 4
ITEM_KEYS = sorted({k for item in SAMPLE["items"] for k in item})
SOURCE_KEYS = ["article", "sentence", "start", "end"]
ARTICLE_KEYS = ["id", "path", "title", "publisher", "author", "published"]
HEAD_KEYS = ["quizgen_bank", "title", "lang", "seed", "articles", "items"]
STRANGE = ["", " ", "_____", "Di _____ dan _____", "Benar", "Salah", "benar", "Wonsan",
           "mcq", "truefalse", "cloze", "short", "essay", "id", "xx", "*a", "&a", "- x",
           "{a: 1}", "[1, 2]", "yes", "1945", "2025-07-11", "null", "~", "a: b", "#", "\t",
           "é", "😀", "x" * 300]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 2**70), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(STRANGE),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(ITEM_KEYS + ["x", "", "1"]), inner,
                                            max_size=3)),
    max_leaves=6,
)


texts = st.one_of(st.text(max_size=12), st.sampled_from(STRANGE))
offsets = st.integers(-1, 400)
# A value of the type the key holds (its content still wrong at times: an answer that is
# no option, a cloze without its blank, an offset past the text).
PLAUSIBLE = {
    "options": st.lists(texts, max_size=5), "tags": st.lists(texts, max_size=3),
    "answer_span": st.one_of(st.none(), st.lists(offsets, min_size=2, max_size=2)),
    "sources": st.lists(st.fixed_dictionaries({"article": texts, "sentence": offsets,
                                               "start": offsets, "end": offsets}), max_size=2),
    "score": st.floats(-1, 2), "confidence": st.one_of(st.none(), st.floats(-0.5, 1.5)),
    "keep": st.booleans(), "seed": st.integers(-5, 10**12), "quizgen_bank": st.integers(0, 2),
    "sentence": offsets, "start": offsets, "end": offsets, "articles": st.just([]),
    "items": st.just([]), "published": st.one_of(st.none(), texts, st.dates()),
}


@st.composite
def changed_bank(draw) -> str:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["item", "item", "item", "source", "article", "head",
                                      "copy", "replace"]))
        items = data.get("items") if isinstance(data.get("items"), list) else None
        if where == "head":
            target, keys = data, HEAD_KEYS
        elif where == "article" and isinstance(data.get("articles"), list) and data["articles"]:
            target, keys = draw(st.sampled_from(data["articles"])), ARTICLE_KEYS
        elif not items:
            continue
        elif where == "copy":  # an item again (the same id), perhaps changed below
            items.insert(draw(st.integers(0, len(items))), copy.deepcopy(draw(st.sampled_from(items))))
            continue
        elif where == "replace":
            items[draw(st.integers(0, len(items) - 1))] = draw(values)
            continue
        else:
            target, keys = draw(st.sampled_from(items)), ITEM_KEYS
            if where == "source" and isinstance(target, dict):
                sources = target.get("sources")
                if isinstance(sources, list) and sources and isinstance(sources[0], dict):
                    target, keys = sources[0], SOURCE_KEYS
        if not isinstance(target, dict):
            continue
        key = draw(st.sampled_from(keys + ["colour", "qestion", "Kind"]))
        if draw(st.integers(0, 4)) == 0:
            target.pop(key, None)
        elif draw(st.booleans()):
            target[key] = draw(PLAUSIBLE.get(key, texts))
        else:
            target[key] = draw(values)
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     allow_unicode=True, sort_keys=False, width=100)
    if draw(st.integers(0, 14)) == 0:  # a line repeated: a key twice, or a broken shape
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, lines[at])
        text = "".join(lines)
    return text


WORK = Path(tempfile.mkdtemp(prefix="quizgen-bankschema-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
PATH = WORK / "bank.yaml"
ERROR = re.compile(rf"{re.escape(str(PATH))}:[1-9]\d*: [^\n]+; [^\n]+")


def test_bankschema_base_bank_loads() -> None:
    PATH.write_text(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False), "utf-8")
    assert [i.kind for i in load_bank(PATH).items] == ["short", "mcq", "cloze", "truefalse"]


@settings(max_examples=2000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(changed_bank())
def test_bankschema_any_bank_loads_or_is_refused_with_file_and_line(text: str) -> None:
    PATH.write_text(text, "utf-8")
    try:
        bank = load_bank(PATH)
    except QuizgenError as exc:
        assert ERROR.fullmatch(exc.message), exc.message
        event("refused: " + re.sub(r"'[^']*'|\d+", "", exc.message.split(": ", 1)[1])[:30])
        return
    event("loaded")
    again = WORK / "again.yaml"
    again.write_text(dumps_yaml(bank), "utf-8")
    assert dumps_yaml(load_bank(again)) == dumps_yaml(bank)


@pytest.mark.parametrize("text, error", [
    # each item field of the wrong type: named with its line and how to write it
    ("options: {a: 1}", "'items[1].options' must be a list, not dict"),
    ("options: [Wonsan, 3]", "'items[1].options[1]' must be a string, not int 3"),
    ("tags: PERSON", "'items[1].tags' must be a list, not str 'PERSON'"),
    ("answer_span: [3]", "'items[1].answer_span' must be two offsets [start, end]"),
    ("score: tinggi", "'items[1].score' must be a number, not str 'tinggi'; write a"
                         " number such as 0.5"),
    ("question: ''", "'items[1].question' is empty; write the item's question"),
    ("kind: Truefalse", "unknown kind 'Truefalse' in 'items[1].kind'; did you mean"
                        " 'truefalse'?"),
])
def test_bankschema_field_errors(tmp_path: Path, text: str, error: str) -> None:
    data = copy.deepcopy(BASE)
    key, _, value = text.partition(": ")
    data["items"][1][key] = yaml.safe_load(value)
    path = tmp_path / "bank.yaml"
    saved = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None,
                           width=1000)  # a short list or mapping on its key's line
    path.write_text(saved, "utf-8")
    line = next(n for n, s in enumerate(saved.splitlines(), 1)
                if s.startswith(f"  {key}:") and n > saved.splitlines().index("- id: "
                                                                            + data["items"][1]["id"]))
    with pytest.raises(QuizgenError) as caught:
        load_bank(path)
    assert caught.value.message.startswith(f"{path}:{line}: {error}"), caught.value.message
    assert path.read_text("utf-8") == saved


def test_bankschema_article_date_without_quotes_is_that_date(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    data = copy.deepcopy(BASE)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                    .replace("'2025-07-13T06:39:00'", "2025-07-13"), "utf-8")
    assert load_bank(path).articles[0].published == "2025-07-13"


def test_bankschema_bank_without_language_pack_checks_truefalse_by_options(tmp_path) -> None:
    """A bank in a language without a pack still loads (the review page shows it in
    English); its true/false answers are checked against their own options."""
    data = copy.deepcopy(BASE)
    data["lang"] = "xx"
    tf = data["items"][3]
    tf["options"], tf["answer"] = ["True", "False"], "True"
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert load_bank(path).items[3].answer == "True"
    tf["answer"] = "Maybe"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(QuizgenError, match="the answer must be one of True / False"):
        load_bank(path)
