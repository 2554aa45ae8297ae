"""The cleaner's language data, checked and compiled once per language pack.

`boilerplate.yaml` gives furniture line patterns, credit labels and the sign-off pattern;
`publishers.yaml` gives outlet aliases and display names. A bad entry is a one-line
QuizgenError naming FILE:LINE and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import QuizgenError
from .lang import LanguagePack
from .yamlfile import YamlDoc

CREDIT_KINDS = ("writer", "editor", "source", "photo")


@dataclass(frozen=True)
class Outlet:
    alias: str  # lower case
    name: str  # display name
    pattern: re.Pattern[str]

    @property
    def is_domain(self) -> bool:
        return "." in self.alias


@dataclass(frozen=True)
class CleanRules:
    drop: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    credit_label: re.Pattern[str]  # "Label :" anywhere; group "label"
    credit_kinds: dict[str, str]  # lower-case label -> kind
    caption_credit: re.Pattern[str]  # "(Sumber: ..." inside a caption
    signoff: re.Pattern[str] | None  # the closing agency/editor code
    outlets: tuple[Outlet, ...]  # longest alias first
    inline: re.Pattern[str] | None = None  # markers removed wherever they stand in a line

    def outlet(self, text: str, *, domains_only: bool = False) -> str | None:
        """Display name of the first outlet (longest alias first) named in text."""
        for o in self.outlets:
            if (o.is_domain or not domains_only) and o.pattern.search(text):
                return o.name
        return None


_CACHE: dict[str, CleanRules] = {}


def load_rules(pack: LanguagePack) -> CleanRules:
    key = str(pack.root)
    if key not in _CACHE:
        _CACHE[key] = _compile(pack.doc("boilerplate"), pack.doc("publishers"))
    return _CACHE[key]


def _fail(doc: YamlDoc, keys: tuple[Any, ...], what: str) -> QuizgenError:
    path = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in keys)
    return QuizgenError(f"{doc.where(*keys)}: {path.replace('.[', '[')}: {what}")


def _regex(doc: YamlDoc, keys: tuple[Any, ...], value: Any, full: bool) -> re.Pattern[str]:
    if not isinstance(value, str) or not value.strip():
        raise _fail(doc, keys, "must be a non-empty text pattern; quote it")
    try:
        re.compile(value)  # errors at positions in the pattern as written
        return re.compile(rf"(?:{value})\Z" if full else value, re.IGNORECASE)
    except re.error as exc:
        raise _fail(doc, keys, f"bad regular expression ({exc}); fix the pattern") from None


def _words(doc: YamlDoc, keys: tuple[Any, ...], value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise _fail(doc, keys, "must be a list of words, e.g. [Penulis, Reporter]")
    return [w.strip() for w in value]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _compile(bp: YamlDoc, pub: YamlDoc) -> CleanRules:
    data = bp.data if isinstance(bp.data, dict) else {}
    for name in ("drop", "end"):
        if not isinstance(data.get(name, []), list):
            raise _fail(bp, (name,), "must be a list of line patterns")
    drop = tuple(_regex(bp, ("drop", i), v, True) for i, v in enumerate(data.get("drop", [])))
    end = tuple(_regex(bp, ("end", i), v, True) for i, v in enumerate(data.get("end", [])))

    credits = data.get("credits", {})
    if not isinstance(credits, dict):
        raise _fail(bp, ("credits",), f"must map a kind ({', '.join(CREDIT_KINDS)}) to labels")
    kinds: dict[str, str] = {}
    for kind, labels in credits.items():
        if kind not in CREDIT_KINDS:
            raise _fail(bp, ("credits", kind), f"unknown kind; use one of {', '.join(CREDIT_KINDS)}")
        for label in _words(bp, ("credits", kind), labels):
            kinds[label.lower()] = kind
    labels = _alternation(list(kinds)) or r"(?!)"
    credit_label = re.compile(rf"(?<!\w)(?P<label>{labels})\s*:", re.IGNORECASE)

    caption_words = _words(bp, ("caption_credit_words",), data.get("caption_credit_words", []))
    caption = re.compile(rf"[(\[]\s*(?:{_alternation(caption_words) or '(?!)'})\b", re.IGNORECASE)
    signoff = None
    if data.get("signoff") is not None:
        signoff = _regex(bp, ("signoff",), data["signoff"], False)

    outlets: list[Outlet] = []
    entries = pub.data.get("publishers") if isinstance(pub.data, dict) else None
    if not isinstance(entries, list):
        raise _fail(pub, ("publishers",), "must be a list of {name, aliases} entries")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise _fail(pub, ("publishers", i), "needs a 'name' (the display name) and 'aliases'")
        for alias in _words(pub, ("publishers", i, "aliases"), entry.get("aliases")):
            text = re.escape(alias.lower()).replace(r"\ ", r"\s+")
            pattern = re.compile(rf"(?<![\w.]){text}(?![\w])", re.IGNORECASE)
            outlets.append(Outlet(alias.lower(), entry["name"], pattern))
    outlets.sort(key=lambda o: len(o.alias), reverse=True)
    inline = None
    if data.get("inline"):
        words = _words(bp, ("inline",), data["inline"])
        inline = re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)\s*:?")
    return CleanRules(drop, end, credit_label, kinds, caption, signoff, tuple(outlets), inline)
