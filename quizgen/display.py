"""How answers are shown: entity display names, full names for partial mentions, clean dates.

The display name of a person, place or organisation is its most common spelling in the
article set (for a person, among the mentions with the most words: the full name, not the
surname); on a tie, the one the first-dated article uses ("Sergey Lavrov" and "Sergei Lavrov" twice each: the 2023
article writes "Sergey"). Entity ids do not change, so item ids do not either.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .datefmt import display_iso, display_range
from .digest import digests
from .distract import words
from .merge import article_dates
from .model import DATE, ORG, PERSON, PLACE, ROLE, Candidate, Corpus, Span

NAMED = (PERSON, PLACE, ORG)
_WORD = re.compile(r"\w+")


def _full_forms(forms: Counter[str], label: str) -> list[str]:
    """The spellings that may name the entity, most frequent first: for a person those
    with the most words (mixed case only: a lede's capitals are not a spelling)."""
    usable = {f: n for f, n in forms.items() if not f.isupper() or len(f) <= 5}
    if not usable:
        return []
    if label != PERSON:
        return sorted(usable, key=lambda f: (-usable[f], f))
    most = max(len(_WORD.findall(f)) for f in usable)
    return sorted((f for f in usable if len(_WORD.findall(f)) == most),
                  key=lambda f: (-usable[f], f))


def apply_display_names(corpus: Corpus) -> None:
    """Set every linked person's, place's and organisation's display name (Entity.name and
    the spans' `canonical` attr) to its most common full spelling (module docstring)."""
    dated = article_dates(corpus)
    found = digests(corpus)
    order = sorted(found, key=lambda d: (dated.get(d.info.id) or date.max, d.info.id))
    forms: dict[str, Counter[str]] = {}
    first_use: dict[str, dict[str, int]] = {}
    ents = corpus.entities
    for rank, d in enumerate(order):
        for m, eid in zip(d.mentions, d.entities):
            if m.label in NAMED and eid in ents:
                forms.setdefault(eid, Counter())[m.text] += 1
                first_use.setdefault(eid, {}).setdefault(m.text, rank)
    for eid, counts in forms.items():
        full = _full_forms(counts, ents[eid].label)
        if not full:
            continue
        best = min(full, key=lambda f: (-counts[f], first_use[eid][f], f))
        ents[eid].name = best
    for article in corpus.articles:
        for sentence in article.sentences:
            for sp in sentence.spans:
                if sp.label in NAMED and sp.norm in ents and "canonical" in sp.attrs:
                    sp.attrs["canonical"] = ents[sp.norm].name


_PAIR = re.compile(r"\s[-\u2013/]\s|/")


def answer_span(cand: Candidate) -> Span | None:
    """The slot span the answer was taken from, if any."""
    for span in cand.slots.values():
        if (span.start, span.end) == (cand.answer_start, cand.answer_end):
            return span
    return None


def display_answer(cand: Candidate, corpus: Corpus, lang: str | None = None) -> str:
    """The answer as shown: the entity's display name when the text is a part or another
    spelling of it ("Kim", "Kim Jong-un" -> "Kim Jong Un"), a role's spelled-out form
    ("Menlu Korea Utara" -> "Menteri Luar Negeri Korea Utara"), a date as a clean date from
    its ISO norm ("Rabu (19/6/2024)" -> "19 Juni 2024"; "Rabu (18/10)" in an undated
    article -> "18 Oktober": a year guessed from the weekday alone is not shown)."""
    if cand.answer_label == DATE and lang:
        span = answer_span(cand)
        guessed = span is not None and span.attrs.get("year") == "guessed"
        shown = None
        if span is not None and span.attrs.get("until"):  # "11-13 Agustus 2017"
            shown = display_range(cand.answer_norm, span.attrs["until"], lang, year=not guessed)
        shown = shown or display_iso(cand.answer_norm, lang, year=not guessed)
        if shown:
            return shown
    ent = corpus.entities.get(cand.answer_norm or "")
    if ent and _PAIR.search(ent.name) and not _PAIR.search(cand.answer):
        return cand.answer  # a pair written as one name ("Anies - Sandi") is no one's name
    if ent and words(cand.answer) < words(ent.name):
        return ent.name
    if ent and cand.answer_label in NAMED and cand.answer in ent.aliases:
        return ent.name
    span = answer_span(cand)
    if ent and cand.answer_label == ROLE and span is not None and span.text == cand.answer:
        return ent.name
    return cand.answer
