"""Merging: one group per fact across articles; the 2023, 2024 and 2025 events apart."""

from datetime import date

import pytest
from bankfixtures import cand, make_corpus, seed_candidates

from quizgen.fold import fold_near_duplicates, overlap
from quizgen.merge import EventIndex, article_dates, group_candidates, parse_iso

CORPUS = make_corpus()
EVENTS = EventIndex(CORPUS)


@pytest.mark.parametrize(
    "norm, interval",
    [
        ("2024-06-19", (date(2024, 6, 19), date(2024, 6, 19))),
        ("2024-06", (date(2024, 6, 1), date(2024, 6, 30))),
        ("2024-12", (date(2024, 12, 1), date(2024, 12, 31))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        ("--07-12", None),
        ("2023-02-30", None),
        (None, None),
    ],
)
def test_merge_parse_iso(norm, interval):
    assert parse_iso(norm) == interval


@pytest.mark.parametrize(
    "article, expected",
    [
        ("a000", date(2025, 7, 13)),  # published
        ("a002", date(2024, 6, 19)),  # published
        ("a003", date(2023, 10, 18)),  # undated: the day it names, "Rabu (18/10)"
        # undated, names only "Juni 2024" (background): placed by the rare entities it
        # shares (Wonsan, Choe Son Hui) with the dated 2025 article
        ("a001", date(2025, 7, 13)),
        ("a004", date(2025, 7, 13)),  # undated, shares Wonsan with a000
    ],
)
def test_merge_article_dates(article, expected):
    assert article_dates(CORPUS)[article] == expected


@pytest.mark.parametrize(
    "article, index, answer, event",
    [
        ("a000", 0, "Sergey Lavrov", "2025-07"),
        ("a001", 0, "Sergei Lavrov", "2025-07"),
        ("a003", 0, "Sergey Lavrov", "2023-10"),
        ("a002", 0, "Vladimir Putin", "2024-06"),
        # a 2025 article's sentence about the June 2024 summit belongs to the 2024 event
        ("a000", 2, "Putin", "2024-06"),
        ("a001", 2, "Lavrov", "2024-06"),
    ],
)
def test_merge_event_of_candidate(article, index, answer, event):
    assert EVENTS.key(cand(CORPUS, article, index, answer, "?")) == event


def test_merge_same_fact_across_articles_is_one_group():
    groups = group_candidates(seed_candidates(CORPUS), EVENTS)
    role = [g for g in groups if g.template == "id.role.holder"]
    by_event = {g.event: g for g in role}
    assert set(by_event) == {"2025-07", "2023-10"}  # not merged across events
    assert by_event["2025-07"].articles == ["a000", "a001"]
    assert [(s.article, s.sentence) for s in by_event["2025-07"].sources()] == [("a000", 0), ("a001", 0)]
    assert by_event["2023-10"].articles == ["a003"]


def test_merge_near_duplicates_fold_within_event_drop_across():
    groups = group_candidates(seed_candidates(CORPUS), EVENTS)
    for i, g in enumerate(groups):
        g.score = 1.0 - i / 100  # input order = strength
    kept = fold_near_duplicates(groups)
    role = [g for g in kept if g.template == "id.role.holder"]
    assert len(role) == 1 and role[0].event == "2025-07"  # the 2023 twin is dropped
    # a near-duplicate in the same event joins its sources
    twin = cand(CORPUS, "a004", 1, "Sergei Lavrov", "Siapa Menteri Luar Negeri Rusia itu?",
                template="id.other", fact="other")
    g2 = group_candidates(seed_candidates(CORPUS) + [twin], EVENTS)
    for i, g in enumerate(g2):
        g.score = 1.0 - i / 100
    merged = next(g for g in fold_near_duplicates(g2) if g.template == "id.role.holder")
    assert merged.articles == ["a000", "a001", "a004"]


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Siapa Menteri Luar Negeri Rusia?", "Siapa Menteri Luar Negeri Rusia?", 1.0),
        ("Di mana pertemuan Kim dan Lavrov berlangsung?", "Di mana pertemuan tersebut diadakan?", 0.6),
        ("Siapa Menteri Luar Negeri Rusia?", "Kapan Kim bertemu Putin?", 0.0),
    ],
)
def test_merge_overlap(a, b, expected):
    assert overlap(a, b) == pytest.approx(expected)


def test_merge_same_answer_and_predicate_fold_within_event(pack):
    """Paraphrases of one report (a000:0 / a001:0: "dukungan tanpa syarat" / "dukungan tak
    terbatas") fold when the pack is given: same answer, event and main predicate."""
    a = cand(CORPUS, "a000", 0, "Kim Jong Un", "Siapa yang menyatakan dukungan tanpa syarat "
             "terhadap Rusia saat bertemu dengan Sergey Lavrov?", template="id.wh.person",
             fact="f1")
    b = cand(CORPUS, "a001", 0, "Kim Jong Un", "Siapa yang menyampaikan komitmen dukungan "
             "kepada Moskow?", template="id.wh.person", fact="f2")
    for with_pack, expected in ((False, 2), (True, 1)):
        groups = group_candidates([a, b], EVENTS)
        for i, g in enumerate(groups):
            g.score = 1.0 - i / 100
        kept = fold_near_duplicates(groups, CORPUS.entities, pack if with_pack else None)
        assert len(kept) == expected
    assert kept[0].articles == ["a000", "a001"]
