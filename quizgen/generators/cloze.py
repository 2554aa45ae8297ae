"""Cloze deletion: blank a salient span of a (simplified) sentence.

The sentence is simplified first (quizgen/simplify.py); a short sentence mostly stays
whole. Spans of the `labels` param are blanked in that order of
preference (then by position), at most `max` per sentence; a span whose entity appears
again in the text is not blanked (the text would give it away), and a quantity loses
only its number and qualifier ("mengirim _____ personel militer").

Template params: `labels` (list of span labels, in order of preference), `max` (int,
default 2), `blank` (str, default "_____").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import DATE, ORG, PERSON, PLACE, QUANTITY, Article, Candidate, Sentence
from ..simplify import simplify
from . import register
from .facts import fact_key, span_key, upper_first
from .wh import quantity_parts

DEFAULT_LABELS = [QUANTITY, DATE, PLACE, PERSON, ORG]


@register("cloze", params={"labels": (list, False), "max": (int, False),
                           "blank": (str, False)},
          doc="Blank up to `max` salient spans of the sentence, one candidate each.")
def cloze(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: Any,
          template: Any) -> list[Candidate]:
    labels = list(params.get("labels") or DEFAULT_LABELS)
    blank = params.get("blank", "_____")
    clause = simplify(sentence, pack)
    base = clause
    statement = upper_first(clause.text) + "."
    keys = [span_key(s) for s in base.spans]
    order = sorted(
        (i for i, s in enumerate(base.spans) if s.label in labels and keys.count(keys[i]) == 1),
        key=lambda i: (labels.index(base.spans[i].label), base.spans[i].start))
    out: list[Candidate] = []
    for i in order:
        span, orig = base.spans[i], base.origin[i]
        start, end = span.start, span.end
        if span.label == QUANTITY:
            parts = quantity_parts(base, span, pack.data("wh")["wh"][QUANTITY])
            if parts is None:
                continue
            start, end = parts[0], parts[1]
        if any(s.start < end and start < s.end and s is not span and s.label in labels
               for s in base.spans if s.label != "ROLE") and span.label != QUANTITY:
            continue  # nested or overlapping spans: blanking one leaves half of the other
        text = base.text[:start] + blank + base.text[end:]
        text = upper_first(text.strip())
        if text[-1:] not in ".?!\"”'’":
            text += "."
        s, e = base.sentence_range(start, end)
        out.append(Candidate(
            template=template.id, kinds=list(template.kinds), question=text,
            answer=sentence.text[s:e], article=article.id, sentence=sentence.index,
            answer_start=s, answer_end=e, answer_label=span.label, answer_norm=orig.norm,
            fact=fact_key(base, span, pack), prior=template.prior, statement=statement,
            slots={"answer": orig}))
        if len(out) >= params.get("max", 2):
            break
    return out


__all__ = ["cloze"]
