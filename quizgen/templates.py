"""Fact template files: load, validate every field, and compile patterns and strings once.

A template file is YAML with one key, `templates:`, a list of templates in one of two forms:
pattern templates (`match`, `answer_slot`, `question`, `answer`, optional `statement`) and
generator templates (`generator` + `params`, see quizgen/generators). Every mistake is
reported as one line: `FILE:LINE template ID: what is wrong; how to fix it`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import generators
from .errors import QuizgenError
from .lang import LanguagePack
from .model import KINDS, TRUEFALSE
from .pattern import Pattern, PatternError, compile_pattern
from .render import RenderCheckError, compile_string
from .yamlfile import YamlDoc, load_yaml

PATTERN = "pattern"
GENERATOR = "generator"
_COMMON = ("id", "kinds", "prior")
_FIELDS = {
    PATTERN: _COMMON + ("match", "answer_slot", "question", "answer", "statement", "fact"),
    GENERATOR: _COMMON + ("generator", "params"),
}
_REQUIRED = {
    PATTERN: ("id", "kinds", "match", "answer_slot", "question", "answer"),
    GENERATOR: ("id", "kinds", "generator"),
}
_STRINGS = ("question", "answer", "statement")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
DEFAULT_PRIOR = 0.5


@dataclass
class Template:
    id: str
    kinds: list[str]
    prior: float
    form: str  # PATTERN | GENERATOR
    where: str  # "FILE:LINE" of the template
    # pattern templates
    pattern: Pattern | None = None
    answer_slot: str = ""
    fact: list[str] = field(default_factory=list)  # slots that make the fact key; [] = all
    strings: dict[str, jinja2.Template] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # field -> template text
    # generator templates
    generator: str = ""
    params: dict[str, Any] = field(default_factory=dict)


class _Checker:
    """Validates one template mapping; every error names the file line of the field."""

    def __init__(self, doc: YamlDoc, index: int, raw: Any) -> None:
        self.doc, self.index, self.raw = doc, index, raw
        tid = raw.get("id") if isinstance(raw, dict) else None
        self.name = f"template {tid}" if isinstance(tid, str) and tid else \
            f"template #{index + 1}"

    def fail(self, key: Any, msg: str) -> QuizgenError:
        path = ("templates", self.index) + ((key,) if key is not None else ())
        return QuizgenError(f"{self.doc.where(*path)} {self.name}: {msg}")

    def check(self) -> Template:
        raw = self.raw
        if not isinstance(raw, dict):
            raise self.fail(None, "each template is a mapping of fields (id:, kinds:, ...); "
                                  "start it with '- id: NAME'")
        form = GENERATOR if "generator" in raw else PATTERN
        if form == GENERATOR and "match" in raw:
            raise self.fail("match", "a template has either 'match' or 'generator', not "
                                     "both; remove one")
        allowed = _FIELDS[form]
        for key in raw:
            if key not in allowed:
                other = _FIELDS[PATTERN if form == GENERATOR else GENERATOR]
                close = difflib.get_close_matches(str(key), allowed, 1)
                if close:
                    hint = f"did you mean '{close[0]}'?"
                elif key in other:
                    hint = f"'{key}' belongs to {'pattern' if form == GENERATOR else 'generator'}" \
                           f" templates; remove it"
                else:
                    hint = f"allowed fields: {', '.join(allowed)}"
                raise self.fail(key, f"unknown field '{key}'; {hint}")
        for key in _REQUIRED[form]:
            if key not in raw or raw[key] is None:
                raise self.fail(None, f"missing required field '{key}'; add '{key}:'")
        tid = raw["id"]
        if not isinstance(tid, str) or not _ID.match(tid):
            raise self.fail("id", f"id {tid!r} is not valid; use lower-case letters, digits, "
                                  f"'.', '_' and '-', e.g. id.role.holder")
        kinds = self.kinds(raw["kinds"])
        prior = raw.get("prior", DEFAULT_PRIOR)
        if isinstance(prior, bool) or not isinstance(prior, (int, float)) \
                or not 0 <= prior <= 1:
            raise self.fail("prior", f"prior {prior!r} must be a number from 0 to 1, "
                                     f"e.g. 0.8")
        t = Template(tid, kinds, float(prior), form, self.doc.where("templates", self.index))
        if form == GENERATOR:
            self.generator(t, raw)
        else:
            self.pattern(t, raw)
        return t

    def kinds(self, value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.fail("kinds", f"kinds must be a list such as [short, mcq]; known kinds: "
                                     f"{', '.join(KINDS)}")
        for k in value:
            if k not in KINDS:
                close = difflib.get_close_matches(str(k), KINDS, 1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise self.fail("kinds", f"unknown kind {k!r}; {hint}known kinds: "
                                         f"{', '.join(KINDS)}")
        if len(set(value)) != len(value):
            raise self.fail("kinds", "a kind is listed twice; list each kind once")
        return list(value)

    def generator(self, t: Template, raw: dict) -> None:
        name = raw["generator"]
        spec = generators.get(name) if isinstance(name, str) else None
        if spec is None:
            known = ", ".join(generators.names()) or "none registered"
            raise self.fail("generator", f"unknown generator {name!r}; known generators: "
                                         f"{known}")
        params = raw.get("params") or {}
        if not isinstance(params, dict):
            raise self.fail("params", "params must be a mapping of name: value")
        for key, value in params.items():
            if key not in spec.params:
                close = difflib.get_close_matches(str(key), list(spec.params), 1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                known = ", ".join(spec.params) or "none"
                raise self._param_fail(key, f"generator '{name}' has no param '{key}'; "
                                            f"{hint}known params: {known}")
            typ = spec.params[key][0]
            types = typ if isinstance(typ, tuple) else (typ,)
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise self._param_fail(key, f"param '{key}' must be {_type_name(typ)}, not "
                                            f"{type(value).__name__}")
        for key, (_typ, required) in spec.params.items():
            if required and key not in params:
                raise self.fail("params" if "params" in raw else "generator",
                                f"generator '{name}' needs param '{key}'; add it under params:")
        t.generator, t.params = name, dict(params)

    def _param_fail(self, key: str, msg: str) -> QuizgenError:
        path = ("templates", self.index, "params", key)
        return QuizgenError(f"{self.doc.where(*path)} {self.name}: {msg}")

    def pattern(self, t: Template, raw: dict) -> None:
        src = raw["match"]
        if not isinstance(src, str):
            raise self.fail("match", "match must be a pattern string in quotes, e.g. "
                                     "\"{role:ROLE} {person:PERSON}\"")
        try:
            t.pattern = compile_pattern(src)
        except PatternError as exc:
            raise self.fail("match", f"pattern error at column {exc.column}: "
                                     f"{exc.message}") from None
        slots = t.pattern.slots
        slot = raw["answer_slot"]
        if not isinstance(slot, str) or slot not in slots:
            raise self.fail("answer_slot", f"answer_slot {slot!r} is not a slot of the "
                                           f"pattern; use one of: {', '.join(slots)}")
        t.answer_slot = slot
        fact = raw.get("fact", [])
        if not isinstance(fact, list) or not all(isinstance(x, str) for x in fact):
            raise self.fail("fact", "fact must be a list of slot names, e.g. [role, person]")
        for name in fact:
            if name not in slots:
                raise self.fail("fact", f"fact names '{name}', which is not a slot of the "
                                        f"pattern; use some of: {', '.join(slots)}")
        t.fact = list(fact)
        names = set(slots)
        for key in _STRINGS:
            if key not in raw:
                continue
            value = raw[key]
            if not isinstance(value, str) or not value.strip():
                raise self.fail(key, f"{key} must be a non-empty string in quotes")
            try:
                t.strings[key] = compile_string(value, names)
            except RenderCheckError as exc:
                raise self.fail(key, f"{key}: {exc}") from None
            t.sources[key] = value
        if TRUEFALSE in t.kinds and "statement" not in raw:
            raise self.fail("kinds", "kind 'truefalse' needs a 'statement:' string; add one "
                                     "or remove truefalse from kinds")


def _type_name(typ: type | tuple[type, ...]) -> str:
    types = typ if isinstance(typ, tuple) else (typ,)
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
             list: "a list", dict: "a mapping"}
    return " or ".join(names.get(x, x.__name__) for x in types)


def load_file(path: str | Path, seen: dict[str, str] | None = None) -> list[Template]:
    """The templates of one file; `seen` (id -> where) catches ids defined twice."""
    doc = load_yaml(path)
    data = doc.data
    if not isinstance(data, dict) or "templates" not in data:
        raise QuizgenError(f"{doc.where()}: a template file is a mapping with a 'templates:' "
                           f"list; start the file with 'templates:'")
    for key in data:
        if key != "templates":
            close = difflib.get_close_matches(str(key), ["templates"], 1)
            hint = "did you mean 'templates'?" if close else "the only key is 'templates'"
            raise QuizgenError(f"{doc.where(key)}: unknown key '{key}'; {hint}")
    items = data["templates"]
    if not isinstance(items, list) or not items:
        raise QuizgenError(f"{doc.where('templates')}: 'templates' must be a non-empty list "
                           f"of templates, each starting with '- id: NAME'")
    seen = {} if seen is None else seen
    out = []
    for i, raw in enumerate(items):
        t = _Checker(doc, i, raw).check()
        if t.id in seen:
            raise QuizgenError(f"{doc.where('templates', i, 'id')} template {t.id}: id is "
                               f"already used at {seen[t.id]}; give each template its own id")
        seen[t.id] = doc.where("templates", i, "id")
        out.append(t)
    return out


def load_files(paths: Iterable[str | Path]) -> list[Template]:
    seen: dict[str, str] = {}
    out: list[Template] = []
    for p in paths:
        out.extend(load_file(p, seen))
    return out


def load_templates(pack: LanguagePack, extra_files: Iterable[str | Path] = (), *,
                   packs: bool = True) -> list[Template]:
    """The pack's templates (quizgen/lang/<code>/templates/*.yaml, unless packs=False) plus
    the user's files."""
    return load_files([*(pack.template_files() if packs else []), *extra_files])

