"""A deck asks each fact once: kinds take turns, limits per kind, dropped items stay out."""

import pytest

from quizgen.model import Item
from quizgen.select import deck_items, fact_of


def item(kind: str, fact: str, keep: bool = True) -> Item:
    return Item(id=f"{kind}-{fact}", kind=kind, question=f"{kind} {fact}?", answer="x", keep=keep)


# bank order: best first; each fact may be asked by several kinds
BANK = [
    item("short", "f1"), item("mcq", "f1"), item("truefalse", "f1"),
    item("short", "f2"), item("cloze", "f2"),
    item("short", "f3"), item("mcq", "f3"),
    item("mcq", "f4"), item("truefalse", "f4"),
    item("truefalse", "f5", keep=False), item("cloze", "f5"),
    item("short", "f6"),
]


@pytest.mark.parametrize(
    "limits, expected",
    [
        # no limits: every fact once; kinds take turns, so truefalse is not crowded out
        (None, ["short-f1", "cloze-f2", "mcq-f3", "truefalse-f4", "cloze-f5", "short-f6"]),
        # a kind's limit frees its facts for other kinds
        ({"short": 1, "mcq": 5, "cloze": 5, "truefalse": 5},
         ["short-f1", "cloze-f2", "mcq-f3", "truefalse-f4", "cloze-f5"]),
        # a kind not named takes nothing
        ({"mcq": 2}, ["mcq-f1", "mcq-f3"]),
        ({"truefalse": 9}, ["truefalse-f1", "truefalse-f4"]),
        ({}, []),
    ],
)
def test_select_deck_asks_each_fact_once_within_limits(limits, expected):
    chosen = deck_items(BANK, limits)
    assert [i.id for i in chosen] == expected
    assert len({fact_of(i) for i in chosen}) == len(chosen)


def test_select_deck_leaves_out_items_not_kept():
    assert "truefalse-f5" not in [i.id for i in deck_items(BANK)]
    everything_dropped = [item("short", "f1", keep=False)]
    assert deck_items(everything_dropped) == []


def test_select_seed_deck_asks_no_fact_twice_and_has_every_kind():
    from seedbank import DECK, seed_bank

    from quizgen.deck import load_deck

    deck = load_deck(DECK)
    chosen = deck_items(seed_bank().items, deck.items)
    facts = [fact_of(i) for i in chosen]
    assert len(facts) == len(set(facts))
    assert {i.kind for i in chosen} == {"short", "mcq", "cloze", "truefalse"}
