"""True/false statements: a candidate's `statement` as it is (true), or with its answer
swapped for a wrong option of the same type and kind (false; the true statement becomes
the explanation). The answer words come from the pack's `labels` data. About half the
statements are made false, chosen by a hash of the seed and the item, so the split is
balanced and deterministic.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping, Sequence

from .distract import Answer, distractors
from .lang import LanguagePack
from .model import Candidate, Corpus


def answer_words(pack: LanguagePack) -> tuple[str, str]:
    """The words for true and false, e.g. ("Benar", "Salah")."""
    labels = pack.data("labels")
    return str(labels["answer_true"]), str(labels["answer_false"])


def _answer_in_statement(candidate: Candidate) -> tuple[int, int] | None:
    statement = candidate.statement
    at = statement.find(candidate.answer)
    if at < 0:
        at = statement.casefold().find(candidate.answer.casefold())
    if at < 0 or not candidate.answer:
        return None
    return at, at + len(candidate.answer)


def _answer_attrs(candidate: Candidate) -> dict[str, str]:
    for span in candidate.slots.values():
        if (span.start, span.end) == (candidate.answer_start, candidate.answer_end):
            return dict(span.attrs)
    return {}


def false_statement(
    candidate: Candidate, corpus: Corpus, pack: LanguagePack, rng: random.Random
) -> str | None:
    """The statement with its answer replaced by a same-type wrong option, or None."""
    where = _answer_in_statement(candidate)
    if where is None:
        return None
    start, end = where
    shown = candidate.statement[start:end]
    attrs = _answer_attrs(candidate)
    answer = Answer(
        text=shown,
        label=candidate.answer_label,
        norm=candidate.answer_norm,
        kind=attrs.get("kind"),
        question=candidate.statement[:start] + " " + candidate.statement[end:],
        attrs=attrs,
    )
    options = distractors(answer, corpus, pack, rng, n=1)
    if not options:
        return None
    return candidate.statement[:start] + options[0] + candidate.statement[end:]


def plan_truth(keys: Sequence[str], falsifiable: Mapping[str, bool], seed: int) -> dict[str, bool]:
    """Which statements stay true: half of them (rounded down) become false, taken among
    the falsifiable ones in the order of a hash of seed and key."""
    target = len(keys) // 2
    order = sorted(
        (k for k in keys if falsifiable.get(k)),
        key=lambda k: hashlib.sha1(f"{seed}:{k}".encode()).hexdigest(),
    )
    false = set(order[:target])
    return {k: k not in false for k in keys}
