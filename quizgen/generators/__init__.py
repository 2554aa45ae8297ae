"""Generic question generators that templates name with `generator: NAME`.

A generator is a language-neutral mechanism (WH substitution, cloze deletion, ...) that a
language pack configures through template `params`. Each module below registers its
generators with `register`; the template loader validates names and params against
this registry.

Signature of a generator:
    fn(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: LanguagePack,
       template: Template-like object with .id, .kinds, .prior) -> list[Candidate]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

GeneratorFn = Callable[..., list]


@dataclass(frozen=True)
class GeneratorSpec:
    name: str
    fn: GeneratorFn
    # allowed params: name -> (type or tuple of types, required?)
    params: dict[str, tuple[type | tuple[type, ...], bool]] = field(default_factory=dict)
    doc: str = ""


_REGISTRY: dict[str, GeneratorSpec] = {}


def register(
    name: str, params: dict[str, tuple[type | tuple[type, ...], bool]] | None = None, doc: str = ""
) -> Callable[[GeneratorFn], GeneratorFn]:
    def deco(fn: GeneratorFn) -> GeneratorFn:
        _REGISTRY[name] = GeneratorSpec(name, fn, dict(params or {}), doc or (fn.__doc__ or ""))
        return fn

    return deco


def get(name: str) -> GeneratorSpec | None:
    return _REGISTRY.get(name)


def names() -> list[str]:
    return sorted(_REGISTRY)


# Generator modules register themselves when imported (one import line per module).
from . import cloze, gloss, wh  # noqa: F401  (WH substitution, cloze deletion, glosses)
