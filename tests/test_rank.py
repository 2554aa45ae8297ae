"""Scoring: each term of the formula, and the score's range."""

import pytest
from bankfixtures import cand, make_corpus, seed_candidates

from quizgen.model import Item
from quizgen.rank import (
    CorpusStats,
    answer_type_score,
    length_score,
    order_without_repeats,
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
    assert sorted([c, b, a], key=wording_key) == [a, c, b]


def test_rank_topic_country_is_a_guess():
    """A place named in every article of the set is guessed, not learned: its answer type
    weighs nothing, a place of a few articles a little less (Korea Utara in all five
    articles, Wonsan in three)."""
    ubiquitous = cand(CORPUS, "a000", 1, "Korea Utara", "Negara mana yang ...?")
    rare = cand(CORPUS, "a000", 1, "Wonsan", "Di mana ...?")
    person = cand(CORPUS, "a000", 1, "Kim", "Siapa ...?")
    shares = {n: STATS.entity_articles[n] / STATS.n_articles for n in ("PLACE:korea-utara",
                                                                       "PLACE:wonsan")}
    assert shares == {"PLACE:korea-utara": 1.0, "PLACE:wonsan": 0.6}
    assert answer_type_score(ubiquitous, STATS) == 0.0
    assert round(answer_type_score(rare, STATS), 6) == 0.72
    assert answer_type_score(person, STATS) == 1.0  # people are asked about, not guessed


def _item(n: int, score: float) -> Item:
    return Item(id=f"short-{n:012x}", kind="short", question="q", answer="a", score=score)


@pytest.mark.parametrize(
    "entries, expected",
    [
        # (score, keys, group): a repeat of a better item of another group is discounted
        ([(0.9, {"k1"}, 0), (0.8, {"k1"}, 1), (0.7, {"k2"}, 2)], [0, 2, 1]),
        # items of one group share keys freely (their kinds have their own discount)
        ([(0.9, {"k1"}, 0), (0.8, {"k1"}, 0), (0.7, {"k2"}, 2)], [0, 1, 2]),
        # discounted once only: it then takes its place
        ([(0.9, {"k1"}, 0), (0.85, {"k1"}, 1), (0.4, {"k2"}, 2)], [0, 1, 2]),
        ([(0.5, set(), 0), (0.9, set(), 1)], [1, 0]),
    ],
)
def test_rank_order_without_repeats(entries, expected):
    items = [(_item(n, sc), frozenset((k,) for k in keys), g) for n, (sc, keys, g) in enumerate(entries)]
    order = order_without_repeats(items, 0.6)
    assert [int(i.id.split("-")[1], 16) for i in order] == expected
    assert [i.score for i in order] == sorted((i.score for i in order), reverse=True)
