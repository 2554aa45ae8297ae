"""Glosses: an acronym and its expansion, or a term and the name in brackets after it.

"Komisi Pemberantasan Korupsi (KPK)" and "JICA (Japan International Cooperation Agency)"
-> `acronym` question ("Apa kepanjangan KPK?") / the expansion; the acronym's first letter
must be the expansion's first letter. "harimau sumatera (Panthera tigris sumatrensis)",
"perusahaan minyak negara (Petroecuador)" -> `gloss` question ("Apa nama lain dari
harimau sumatera?") / the bracketed name: a lower-case term of at most `max_term_words`
words (not a function word of the pack's `words.yaml`, not a verb) before a bracket that
opens with a capital and holds no digit, date, place or quantity.

Template params: `acronym` and `gloss` (question strings with `{term}`; either may be
left out), `max_term_words` (int, default 4), `max_expansion_words` (int, default 8).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..model import DATE, ORG, PLACE, QUANTITY, Article, Candidate, Sentence
from ..simplify import is_verb_like
from . import register

BRACKET = re.compile(r"\(([^()]+)\)")
WORD = re.compile(r"[\w][\w.&'’-]*")
ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&-]{1,11}")


@cache
def _function_words(pack: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in pack.data("words").get("function", []))


def _initials(words: list[str], fn: frozenset[str]) -> str:
    """The initials of the content words; a reduplicated word gives its initial twice
    ("Perserikatan Bangsa-Bangsa" -> "pbb")."""
    out = []
    for w in words:
        if w.lower() in fn:
            continue
        halves = w.split("-")
        out.append(w[0] * 2 if len(halves) == 2 and halves[0].lower() == halves[1].lower() else w[0])
    return "".join(out).lower()


def _expansion(words: list[re.Match[str]], acronym: str, pack: Any, limit: int
               ) -> list[re.Match[str]] | None:
    """The words right before the bracket that the acronym stands for: the suffix whose
    initials (function words left out) are the acronym's letters ("Ketua Komisi Pemilihan
    Umum (KPU)" -> "Komisi Pemilihan Umum", "penanaman modal asing (PMA)"), else the run
    of capitalised words (function words between them allowed) with as many content words
    as the acronym has letters and at least half of its letters among their initials (a
    translated name: "Republik Demokratik Rakyat Korea (DPRK)")."""
    if not ACRONYM.fullmatch(acronym) or sum(ch.isupper() for ch in acronym) < 2:
        return None
    fn = _function_words(pack)
    tail = words[-limit:]
    letters = re.sub(r"[^a-z]", "", acronym.lower())
    for k in range(len(tail)):
        cand = tail[k:]
        if cand[0].group(0).lower() not in fn and len(cand) >= 2 and \
                _initials([w.group(0) for w in cand], fn) == letters:
            return cand
    run: list[re.Match[str]] = []
    for w in reversed(tail):
        if w.group(0)[:1].isupper() or (run and w.group(0).lower() in fn):
            run.insert(0, w)
        else:
            break
    content = [w for w in run if w.group(0).lower() not in fn]
    if len(content) < max(2, len(letters)):
        return None
    run = run[run.index(content[-len(letters)]):]
    shared = Counter(_initials([w.group(0) for w in run], fn)) & Counter(letters)
    # at least half of the letters, counted with repeats ("FCC" is no "Federal Amerika
    # Serikat": one F of three letters)
    return run if 2 * sum(shared.values()) >= len(letters) else None


def _is_acronym(text: str, expansion: str) -> bool:
    if not ACRONYM.fullmatch(text) or sum(ch.isupper() for ch in text) < 2:
        return False
    return len(expansion.split()) >= 2 and expansion[:1].upper() == text[:1]


def _term(words: list[re.Match[str]], sentence: Sentence, pack: Any, limit: int
          ) -> list[re.Match[str]]:
    fn = _function_words(pack)
    run: list[re.Match[str]] = []
    for w in reversed(words):
        t = w.group(0)
        if len(run) >= limit or not t.islower() or t in fn or is_verb_like(t, pack):
            break
        if any(sp.start <= w.start() < sp.end for sp in sentence.spans):
            break
        run.insert(0, w)
    return run


def _spanned(sentence: Sentence, start: int, end: int, labels: tuple[str, ...]) -> bool:
    return any(sp.label in labels and sp.start < end and start < sp.end for sp in sentence.spans)


def _label(sentence: Sentence, start: int, end: int) -> str:
    for sp in sentence.spans:
        if sp.start <= start and end <= sp.end:
            return sp.label
    return ORG


@register("gloss", params={"acronym": (str, False), "gloss": (str, False),
                           "max_term_words": (int, False), "max_expansion_words": (int, False)},
          doc="Ask for an acronym's expansion or for the name in brackets after a term.")
def gloss(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: Any,
          template: Any) -> list[Candidate]:
    text = sentence.text
    out: list[Candidate] = []

    def make(question: str, term: str, start: int, end: int, label: str) -> None:
        out.append(Candidate(
            template=template.id, kinds=list(template.kinds),
            question=question.replace("{term}", term), answer=text[start:end],
            article=article.id, sentence=sentence.index, answer_start=start, answer_end=end,
            answer_label=label, answer_norm=None,
            fact="gloss " + " ".join(term.lower().split()), prior=template.prior))

    for m in BRACKET.finditer(text):
        inner = m.group(1).strip()
        i0 = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        before = list(WORD.finditer(text[: m.start()]))
        if not before or text[before[-1].end(): m.start()].strip():
            continue  # "kata, (" : the bracket does not follow a word
        if params.get("acronym"):
            run = _expansion(before, inner, pack, params.get("max_expansion_words", 8))
            if run:
                s, e = run[0].start(), run[-1].end()
                make(params["acronym"], inner, s, e, _label(sentence, s, e))
                continue
            last = before[-1].group(0)
            if _is_acronym(last, inner) and all(w[:1].isupper() or w.islower() for w in inner.split()):
                make(params["acronym"], last, i0, i0 + len(inner), ORG)
                continue
        if ACRONYM.fullmatch(inner) and sum(ch.isupper() for ch in inner) >= 2:
            continue  # an acronym whose expansion was not found is no name of the term
        if params.get("gloss") and inner[:1].isupper() and not any(ch.isdigit() for ch in inner) \
                and not _spanned(sentence, m.start(1), m.end(1), (DATE, PLACE, QUANTITY)):
            term = _term(before, sentence, pack, params.get("max_term_words", 4))
            if term:
                make(params["gloss"], text[term[0].start(): term[-1].end()], i0,
                     i0 + len(inner), ORG)
    return out
