"""Deck definitions: a YAML file naming the sources, templates, limits and outputs of a deck.

    title: Korea Utara dan Perang Rusia
    lang: id
    seed: 7
    sources: ["../seeds/*.txt"]          # paths or globs, relative to this file
    templates: {packs: true, files: []}  # the language pack's templates, plus your own files
    items: {short: 15, mcq: 15, cloze: 15, truefalse: 10}   # most kept items per kind
    outputs: {...}                        # see DEFAULT_OUTPUTS

Every value is validated; a mistake is one line naming FILE:LINE, the key and the fix.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import QuizgenError
from .lang import available, load_language
from .model import KINDS
from .paths import expand_glob, is_plain_name
from .schema import Located
from .yamlfile import YamlDoc, load_yaml

DEFAULT_OUTPUTS: dict[str, Any] = {
    "bank": "bank.yaml",  # the editable question bank (kept edits survive a rebuild)
    "bank_jsonl": "bank.jsonl",  # the same items as JSON Lines, for machines
    "anki": "deck.apkg",  # Anki package
    "anki_text": "deck.txt",  # Anki text import file
    "anki_subdecks": False,  # one sub-deck per source article
    # Classroom platforms (quizgen/export/platforms.py): a file name each, or none.
    "quizizz": None,  # e.g. quizizz.xlsx
    "moodle": None,  # e.g. moodle.xml
    "gift": None,  # e.g. bank.gift.txt
    "kahoot": None,  # e.g. kahoot.xlsx
    "forms": None,  # e.g. google-forms.gs
    "csv": None,  # e.g. bank.csv
    "worksheet": {
        "stem": "worksheet",  # worksheet.html and worksheet.pdf
        "pdf": True,
        "versions": 2,
        "paper": "a4",
        "sources": True,  # list the source articles after the key
        "items": {"mcq": 8, "truefalse": 6, "cloze": 6, "short": 5},
    },
}


@dataclass
class Deck:
    path: Path
    title: str
    lang: str
    seed: int
    sources: list[Path]
    template_packs: bool = True
    template_files: list[Path] = field(default_factory=list)
    items: dict[str, int] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)


def _counts(doc: YamlDoc, key: tuple, value: Any) -> dict[str, int]:
    at = Located(doc)
    at.check_type(key, value, dict)
    at.check_keys(key, value, set(KINDS))
    for kind, n in value.items():
        at.check_type(key + (kind,), n, int)
        if n < 0:
            raise QuizgenError(f"{doc.where(*key, kind)}: '{kind}' must be 0 or more")
    return dict(value)


def _merge_outputs(doc: YamlDoc, given: Any) -> dict[str, Any]:
    at = Located(doc)
    out = {**DEFAULT_OUTPUTS, "worksheet": dict(DEFAULT_OUTPUTS["worksheet"])}
    if given is None:
        return out
    at.check_type(("outputs",), given, dict)
    at.check_keys(("outputs",), given, set(DEFAULT_OUTPUTS))
    for k, v in given.items():
        key = ("outputs", k)
        if k == "worksheet":
            if v in (None, False):
                out[k] = None
                continue
            at.check_type(key, v, dict)
            at.check_keys(key, v, set(DEFAULT_OUTPUTS["worksheet"]))
            ws = out["worksheet"]
            for wk, wv in v.items():
                wkey = key + (wk,)
                if wk == "items":
                    ws[wk] = _counts(doc, wkey, wv)
                    continue
                at.check_type(wkey, wv, type(DEFAULT_OUTPUTS["worksheet"][wk]))
                if wk == "stem":
                    _plain_name(doc, wkey, wv)
                ws[wk] = wv
            if ws["paper"] not in ("a4", "letter"):
                raise QuizgenError(f"{doc.where(*key, 'paper')}: paper must be a4 or letter")
            if not 1 <= ws["versions"] <= 26:
                raise QuizgenError(f"{doc.where(*key, 'versions')}: versions must be 1 to 26")
        elif k == "anki_subdecks":
            at.check_type(key, v, bool)
            out[k] = v
        else:
            if v not in (None, False):
                at.check_type(key, v, str)
                _plain_name(doc, key, v)
            out[k] = v or None
    _distinct_names(doc, out)
    return out


def _plain_name(doc: YamlDoc, key: tuple, name: str) -> None:
    """An output name stays in the output folder: no folder part, not absolute, not hidden."""
    if not is_plain_name(name):
        raise QuizgenError(
            f"{doc.where(*key)}: '{key[-1]}' must be a plain file name inside the output folder"
        )


def output_names(outputs: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The file names each output of a deck writes into the output folder."""
    names: dict[str, tuple[str, ...]] = {}
    for k, v in outputs.items():
        if k == "worksheet":
            if v:
                names[k] = (f"{v['stem']}.html",) + ((f"{v['stem']}.pdf",) if v["pdf"] else ())
        elif k != "anki_subdecks" and v:
            names[k] = (v,)
    return names


def _distinct_names(doc: YamlDoc, outputs: dict[str, Any]) -> None:
    """Two outputs of one build may not write the same file (the last would win unseen)."""
    owner: dict[str, str] = {}
    for k, names in output_names(outputs).items():
        for name in names:
            other = owner.setdefault(name.casefold(), k)  # one file where case is folded
            if other != k:
                key = ("outputs", k, "stem") if k == "worksheet" else ("outputs", k)
                raise QuizgenError(
                    f"{doc.where(*key)}: outputs '{other}' and '{k}' would both write {name};"
                    " give each output its own file name"
                )


def _sources(doc: YamlDoc, base: Path, value: Any) -> list[Path]:
    at = Located(doc)
    if isinstance(value, str):
        value = [value]
    at.check_type(("sources",), value, list)
    if not value:
        raise QuizgenError(f"{doc.where('sources')}: 'sources' is empty; list article files or globs")
    found: list[Path] = []
    for i, pattern in enumerate(value):
        at.check_type(("sources", i), pattern, str)
        full = str(base / pattern)
        if glob.has_magic(pattern):
            try:
                matches = expand_glob(full)
            except (ValueError, OSError) as exc:
                raise QuizgenError(f"{doc.where('sources', i)}: bad glob '{pattern}' ({exc})") from None
            matches = [m for m in matches if Path(m).is_file()]
            if not matches:
                raise QuizgenError(
                    f"{doc.where('sources', i)}: no file matches '{pattern}'"
                    f" (relative to {base}); fix the pattern"
                )
            found.extend(Path(m) for m in matches)
        else:
            p = Path(full)
            if not p.is_file():
                raise QuizgenError(
                    f"{doc.where('sources', i)}: source '{pattern}' not found (relative to {base});"
                    " fix the path or remove it"
                )
            found.append(p)
    return list(dict.fromkeys(found))


def load_deck(path: str | Path) -> Deck:
    doc = load_yaml(path, aliases=False)
    at = Located(doc)
    data = doc.data
    p = Path(path)
    if not isinstance(data, dict):
        raise QuizgenError(f"{doc.where()}: a deck file must be a mapping with title, lang, sources")
    at.check_keys((), data, {"title", "lang", "seed", "sources", "templates", "items", "outputs"})
    for required in ("title", "sources"):
        if required not in data:
            raise QuizgenError(f"{doc.where()}: missing '{required}'; add it to the deck file")
    at.check_type(("title",), data["title"], str)
    lang = data.get("lang", "id")
    at.check_type(("lang",), lang, str)
    if lang not in available():
        raise QuizgenError(
            f"{doc.where('lang')}: unknown language '{lang}'; available: {', '.join(available())}"
        )
    seed = data.get("seed", 0)
    at.check_type(("seed",), seed, int)
    base = p.parent
    tpl = data.get("templates") or {}
    at.check_type(("templates",), tpl, dict)
    at.check_keys(("templates",), tpl, {"packs", "files"})
    packs = tpl.get("packs", True)
    at.check_type(("templates", "packs"), packs, bool)
    files = tpl.get("files") or []
    at.check_type(("templates", "files"), files, list)
    tfiles = []
    for i, f in enumerate(files):
        at.check_type(("templates", "files", i), f, str)
        tp = base / f
        if not tp.is_file():
            raise QuizgenError(f"{doc.where('templates', 'files', i)}: template file '{f}' not found")
        tfiles.append(tp)
    items = _counts(doc, ("items",), data["items"]) if "items" in data else {}
    load_language(lang)
    return Deck(
        path=p,
        title=data["title"],
        lang=lang,
        seed=seed,
        sources=_sources(doc, base, data["sources"]),
        template_packs=packs,
        template_files=tfiles,
        items=items,
        outputs=_merge_outputs(doc, data.get("outputs")),
    )
