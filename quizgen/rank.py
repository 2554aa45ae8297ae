"""Scoring: how much a teacher would want a candidate, in 0..1.

    score = 0.30 * prior        the template's prior quality (Candidate.prior)
          + 0.15 * centrality   how central the sentence's entities are in the article set
          + 0.10 * position     lead sentences matter more in news
          + 0.15 * support      how many articles state the fact (corroboration)
          + 0.15 * length       questions of 6-18 words are preferred
          + 0.15 * answer_type  some answers make better questions than others

where, with N articles in the set and M the largest mention count of any entity,
    centrality(e) = 0.5 * articles(e) / N + 0.5 * log(1 + mentions(e)) / log(1 + M)
    centrality    = 0.5 * centrality(answer entity) + 0.5 * mean centrality(other entities)
                    (the available part only, when the answer or the others are not entities)
    position      = 1 / (1 + 0.15 * sentence index)
    support       = (k - 1) / k for k distinct source articles (0 for one, 0.5 for two...)
    length        = 1 inside the band, falling 0.15 per word below and 0.06 per word above it;
                    the band is 6-18 words, and 8-32 for cloze items (the whole sentence)
    answer_type   = ANSWER_TYPE[label] below, times 1 - GUESSABLE * (2 * share - 1) for a
                    place or organisation named in more than half of the articles (share) of
                    a set of three or more: the topic country of every article is a guess, not
                    a fact learned ("Negara mana yang mengirim ...?" / "Korea Utara").
Every term is in 0..1 and the weights sum to 1, so the score is in 0..1.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .digest import digests
from .model import DATE, ORG, PERSON, PLACE, QUANTITY, QUOTE, ROLE, Candidate, Corpus, Item

WEIGHTS = {
    "prior": 0.30,
    "centrality": 0.15,
    "position": 0.10,
    "support": 0.15,
    "length": 0.15,
    "answer_type": 0.15,
}
ANSWER_TYPE = {PERSON: 1.0, PLACE: 0.9, DATE: 0.9, QUANTITY: 0.9, ORG: 0.8, ROLE: 0.75, QUOTE: 0.6}
OTHER_ANSWER_TYPE = 0.5
GUESSABLE = 1.0
GUESSABLE_LABELS = (PLACE, ORG)
BLANK = "_____"
QUESTION_BAND = (6, 18)
CLOZE_BAND = (8, 32)

_WORD = re.compile(r"\w+(?:[-']\w+)*")


@dataclass(frozen=True)
class CorpusStats:
    """What scoring needs to know about the article set, computed once."""

    n_articles: int
    max_mentions: int
    entity_articles: dict[str, int]
    entity_mentions: dict[str, int]

    @classmethod
    def of(cls, corpus: Corpus) -> CorpusStats:
        ents = corpus.entities
        return cls(
            n_articles=max(1, len(digests(corpus))),
            max_mentions=max([e.mentions for e in ents.values()] + [1]),
            entity_articles={k: len(e.articles) for k, e in ents.items()},
            entity_mentions={k: e.mentions for k, e in ents.items()},
        )

    def centrality(self, entity_id: str) -> float | None:
        if entity_id not in self.entity_mentions:
            return None
        share = min(1.0, self.entity_articles[entity_id] / self.n_articles)
        mentions = math.log1p(self.entity_mentions[entity_id]) / math.log1p(self.max_mentions)
        return 0.5 * share + 0.5 * min(1.0, mentions)


def word_count(text: str) -> int:
    return len(_WORD.findall(text.replace(BLANK, " ")))


def length_score(question: str) -> float:
    lo, hi = CLOZE_BAND if BLANK in question else QUESTION_BAND
    n = word_count(question) + (1 if BLANK in question else 0)
    if n < lo:
        return max(0.0, 1.0 - 0.15 * (lo - n))
    if n > hi:
        return max(0.0, 1.0 - 0.06 * (n - hi))
    return 1.0


def position_score(sentence_index: int) -> float:
    return 1.0 / (1.0 + 0.15 * max(0, sentence_index))


def support_score(n_articles: int) -> float:
    return (n_articles - 1) / n_articles if n_articles > 0 else 0.0


def centrality_score(
    candidate: Candidate, stats: CorpusStats, sentence_norms: Iterable[str] = ()
) -> float:
    """Centrality of the answer entity and of the other entities of the sentence."""
    answer = stats.centrality(candidate.answer_norm) if candidate.answer_norm else None
    others = [
        c
        for n in sorted(set(sentence_norms) - {candidate.answer_norm or ""})
        if (c := stats.centrality(n)) is not None
    ]
    other = sum(others) / len(others) if others else None
    parts = [p for p in (answer, other) if p is not None]
    return sum(parts) / len(parts) if parts else 0.0


def answer_type_score(candidate: Candidate, stats: CorpusStats) -> float:
    base = ANSWER_TYPE.get(candidate.answer_label, OTHER_ANSWER_TYPE)
    norm = candidate.answer_norm or ""
    if candidate.answer_label not in GUESSABLE_LABELS or stats.n_articles < 3:
        return base
    share = stats.entity_articles.get(norm, 0) / stats.n_articles
    return base * (1 - GUESSABLE * max(0.0, 2 * share - 1))


def score_candidate(
    candidate: Candidate,
    stats: CorpusStats,
    *,
    sentence_norms: Iterable[str] = (),
    n_articles: int = 1,
) -> float:
    """The score of one candidate stated by `n_articles` distinct articles (formula above)."""
    return score_of(fixed_terms(candidate, stats, sentence_norms), n_articles)


def fixed_terms(
    candidate: Candidate, stats: CorpusStats, sentence_norms: Iterable[str] = ()
) -> tuple[float, ...]:
    """The weighted terms of the score but support, which grows as sources join: they
    depend on the candidate and the set's entities alone (so are found on every core)."""
    return (
        WEIGHTS["prior"] * min(1.0, max(0.0, candidate.prior)),
        WEIGHTS["centrality"] * centrality_score(candidate, stats, sentence_norms),
        WEIGHTS["position"] * position_score(candidate.sentence),
        WEIGHTS["length"] * length_score(candidate.question),
        WEIGHTS["answer_type"] * answer_type_score(candidate, stats),
    )


def score_of(terms: tuple[float, ...], n_articles: int) -> float:
    """The score from fixed_terms and the number of articles, summed in formula order."""
    prior, centrality, position, length, answer_type = terms
    support = WEIGHTS["support"] * support_score(n_articles)
    return round(sum([prior, centrality, position, support, length, answer_type]), 6)


def wording_key(candidate: Candidate) -> tuple[float, int, str, str, int]:
    """Sort key choosing the best-worded candidate of a merged group (smallest first):
    the template prior and question length decide, then position, then a stable order."""
    quality = 0.6 * candidate.prior + 0.4 * length_score(candidate.question)
    return (
        -round(quality, 6),
        candidate.sentence,
        candidate.question,
        candidate.article,
        candidate.answer_start,
    )


def order_without_repeats(
    entries: list[tuple[Item, frozenset[tuple[str, ...]], int]], discount: float
) -> list[Item]:
    """Items best first, so that the top of the bank repeats no fact. Each entry is (item,
    its repeat keys, its fact group's number); an item sharing a key with a better item of
    another fact group is discounted once (score * discount) and takes its new place.
    Items of one group are told apart by their kinds' own discount (quizgen/generate.py)."""
    heap = [(-e[0].score, e[0].id, n) for n, e in enumerate(entries)]
    heapq.heapify(heap)
    claimed: dict[tuple[str, ...], int] = {}
    demoted: set[int] = set()
    out: list[Item] = []
    while heap:
        _, _, n = heapq.heappop(heap)
        item, keys, group = entries[n]
        clash = any(claimed.get(k, group) != group for k in keys)
        if clash and n not in demoted:
            demoted.add(n)
            item.score = round(item.score * discount, 6)
            heapq.heappush(heap, (-item.score, item.id, n))
            continue
        for k in keys:
            claimed.setdefault(k, group)
        out.append(item)
    return out
