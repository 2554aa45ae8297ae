"""True/false statements: a candidate's `statement` as it is (true), or with its answer
swapped for a wrong option of the same type and kind (false; the true statement becomes
the explanation). A place the sentence itself locates ("Kursk di Rusia") is not swapped.
The answer words come from the pack's `labels` data. About half the
statements are made false, chosen by a hash of the seed and the item, so the split is
balanced and deterministic.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence

from .datefmt import span_display
from .distract import Answer, distractors
from .lang import LanguagePack, answer_words  # noqa: F401 (answer_words: callers import it here)
from .model import DATE, ORG, PERSON, PLACE, Candidate, Corpus


def _answer_in_statement(candidate: Candidate, pack: LanguagePack) -> tuple[int, int] | None:
    """Where the answer stands in the statement: as in the sentence, or as a date
    written clean (quizgen/datefmt.py) when the statement's dates were."""
    statement = candidate.statement
    forms = [candidate.answer]
    span = next((s for s in candidate.slots.values()
                 if (s.start, s.end) == (candidate.answer_start, candidate.answer_end)), None)
    if span is not None and span.label == DATE:
        forms.insert(0, span_display(span, pack) or candidate.answer)
    for form in forms:
        if not form:
            continue
        at = statement.find(form)
        if at < 0:
            at = statement.casefold().find(form.casefold())
        if at >= 0:
            return at, at + len(form)
    return None


def _answer_attrs(candidate: Candidate) -> dict[str, str]:
    for span in candidate.slots.values():
        if (span.start, span.end) == (candidate.answer_start, candidate.answer_end):
            return dict(span.attrs)
    return {}


def _located(after: str, pack: LanguagePack) -> bool:
    """True if the text after a place locates it: "di Rusia", ", Korea Utara"."""
    words = (pack.data("distractors", {}) or {}).get("located_in", [])
    return any(re.match(r"\s*" + re.escape(w) + r"\s+[A-Z]", after) for w in words)


def false_statement(
    candidate: Candidate, corpus: Corpus, pack: LanguagePack, rng: random.Random
) -> str | None:
    """The statement with its answer replaced by a same-type wrong option, or None."""
    where = _answer_in_statement(candidate, pack)
    if where is None:
        return None
    start, end = where
    shown = candidate.statement[start:end]
    if candidate.answer_label == PLACE and _located(candidate.statement[end:], pack):
        return None
    attrs = _answer_attrs(candidate)
    if candidate.answer_label == PLACE and not attrs.get("kind"):
        # a place of no known kind (a venue, a hall): any other place swapped in reads
        # absurd ("Anggun sangat terkenal di Sumit Room") or cuts a name ("Jateng 5 ICE BSD")
        return None
    answer = Answer(
        text=shown,
        label=candidate.answer_label,
        norm=candidate.answer_norm,
        kind=attrs.get("kind"),
        question=candidate.statement[:start] + " " + candidate.statement[end:],
        attrs=attrs,
    )
    # a person or organisation from another story makes a statement absurd rather than
    # false ("actor X defends for the army's football club"): only the answer's own story
    options = distractors(answer, corpus, pack, rng, n=1,
                          own_story=candidate.answer_label in (PERSON, ORG))
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
