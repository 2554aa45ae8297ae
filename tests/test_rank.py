"""Scoring: each term of the formula, and the score's range."""

import pytest
from bankfixtures import cand, make_corpus, seed_candidates

from quizgen.rank import (
    CorpusStats,
    length_score,
    position_score,
    score_candidate,
    support_score,
    wording_key,
)

CORPUS = make_corpus()
STATS = CorpusStats.of(CORPUS)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Siapa Menteri Luar Negeri Rusia?", 0.85),  # 5 words: one below the band
        ("Di mana pertemuan Kim dan Lavrov berlangsung?", 1.0),
        ("Siapa?", 0.25),
        (" ".join(["kata"] * 18) + "?", 1.0),
        (" ".join(["kata"] * 23) + "?", 0.7),
        ("Kim dan Lavrov bertemu di _____ pada hari Sabtu.", 1.0),  # cloze band 8-32
        ("Bertemu di _____.", 0.25),
    ],
)
def test_rank_length(question, expected):
    assert length_score(question) == pytest.approx(expected)


@pytest.mark.parametrize("index, expected", [(0, 1.0), (4, 1 / 1.6), (20, 0.25)])
def test_rank_position_lead_sentences_first(index, expected):
    assert position_score(index) == pytest.approx(expected)


@pytest.mark.parametrize("n, expected", [(1, 0.0), (2, 0.5), (3, 2 / 3), (4, 0.75)])
def test_rank_support(n, expected):
    assert support_score(n) == pytest.approx(expected)


def test_rank_scores_in_unit_interval():
    for c in seed_candidates(CORPUS):
        for n in (1, 2, 5):
            assert 0.0 <= score_candidate(c, STATS, n_articles=n) <= 1.0


@pytest.mark.parametrize(
    "better, worse",
    [
        # a central entity beats a marginal one (Lavrov in 4 articles, Choe Son Hui in 1)
        (("a001", 3, "Lavrov"), ("a001", 3, "Choe Son Hui")),
        # the lead sentence beats a later one, all else equal
        (("a000", 0, "KCNA"), ("a000", 1, "KCNA")),
    ],
)
def test_rank_centrality_and_position(better, worse):
    q = "Siapa yang bertemu dengan pemimpin Korea Utara di kota Wonsan?"
    b = score_candidate(cand(CORPUS, *better, q), STATS)
    w = score_candidate(cand(CORPUS, *worse, q), STATS)
    assert b > w


def test_rank_corroboration_raises_score():
    c = seed_candidates(CORPUS)[0]
    assert score_candidate(c, STATS, n_articles=2) > score_candidate(c, STATS, n_articles=1)


def test_rank_wording_prefers_prior_then_length():
    a = cand(CORPUS, "a000", 1, "Wonsan", "Di mana pertemuan Kim dan Lavrov berlangsung?", prior=0.8)
    b = cand(CORPUS, "a001", 1, "Wonsan", "Di mana?", prior=0.8)
    c = cand(CORPUS, "a001", 1, "Wonsan", "Di mana pertemuan Kim dan Lavrov diadakan?", prior=0.5)
    assert sorted([c, b, a], key=lambda x: wording_key(x, STATS)) == [a, c, b]
