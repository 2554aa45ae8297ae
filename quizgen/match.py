"""Run fact templates over one sentence and turn each match into a Candidate."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from . import generators
from .errors import QuizgenError
from .lang import LanguagePack
from .model import Article, Candidate, Sentence, Span
from .pattern import Match, units_of
from .render import EMPTY, SlotValue, display_text, render
from .templates import GENERATOR, Template

CAPTURE_LABEL = "TEXT"  # answer_label of an answer slot that captures several units


def run_templates(sentence: Sentence, article: Article, templates: Sequence[Template],
                  pack: LanguagePack) -> list[Candidate]:
    """Every candidate the templates make from one sentence, in template order."""
    out: list[Candidate] = []
    units = None
    folded: str | None = None  # what Pattern.may_match reads, made on first use
    labels: set[str] = set()
    for t in templates:
        if t.form == GENERATOR:
            spec = generators.get(t.generator)
            if spec is None:  # a template loaded before its generator was unregistered
                raise QuizgenError(f"{t.where} template {t.id}: unknown generator "
                                   f"'{t.generator}'; known: {', '.join(generators.names())}")
            out.extend(spec.fn(sentence, article, t.params, pack, t))
            continue
        assert t.pattern is not None
        if units is None:
            if folded is None:
                folded = sentence.text.casefold()
                labels = {s.label for s in sentence.spans}
            if not t.pattern.may_match(folded, labels):
                continue
            units = units_of(sentence)
        for m in t.pattern.search(sentence, units):
            cand = _candidate(t, m, sentence, article)
            if cand is not None:
                out.append(cand)
    return out


def _values(t: Template, m: Match, text: str) -> dict[str, SlotValue]:
    values: dict[str, SlotValue] = {}
    assert t.pattern is not None
    for name in t.pattern.slots:
        b = m.bindings.get(name)
        if b is None:
            values[name] = EMPTY
            continue
        raw = text[b.start:b.end]
        values[name] = SlotValue(raw, b.span, display_text(b.span, raw), b.norm)
    return values


def _candidate(t: Template, m: Match, sentence: Sentence, article: Article) -> Candidate | None:
    values = _values(t, m, sentence.text)
    rendered: dict[str, str] = {}
    for key, tmpl in t.strings.items():
        try:
            out = render(tmpl, values)
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            raise QuizgenError(f"{t.where} template {t.id}: {key} failed to render on "
                               f"\"{sentence.text[:60]}\": {exc}; simplify the expression"
                               ) from None
        if out is None:
            if key == "statement":
                continue
            return None
        rendered[key] = out
    b = m.bindings[t.answer_slot]
    span: Span | None = b.span
    if span is not None:
        label = span.label
    else:  # a capture: the label of the first span inside it
        inner = [s for s in sentence.spans if b.start <= s.start and s.end <= b.end]
        label = min(inner, key=lambda s: s.start).label if inner else CAPTURE_LABEL
    answer_value = values[t.answer_slot]
    slots = {name: bb.span for name, bb in m.bindings.items() if bb.span is not None}
    fact = "|".join([t.id] + [values[name].norm or "" for name in t.fact or values])
    return Candidate(
        template=t.id,
        kinds=list(t.kinds),
        question=rendered["question"],
        answer=rendered["answer"],
        article=article.id,
        sentence=sentence.index,
        answer_start=b.start,
        answer_end=b.end,
        answer_label=label,
        answer_norm=(span.norm if span is not None and span.norm else answer_value.text),
        fact=fact,
        prior=t.prior,
        statement=rendered.get("statement", ""),
        slots=slots,
    )
