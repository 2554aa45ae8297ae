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


def _it(kind, question, answer, item_id, sentence=0):
    from quizgen.model import Item, Source
    return Item(item_id, kind, question, answer, options=[answer] if kind == "mcq" else [],
                sources=[Source("art", sentence, 0, 1)], keep=True)


@pytest.mark.parametrize("a,b,expected", [
    # one fact from its two sides: each question holds the other's answer
    (("short", "Siapa Menteri Luar Negeri Korea Utara?", "Choe Son Hui", "short-aaa", 0),
     ("short", "Apa jabatan Choe Son Hui?", "Menteri Luar Negeri Korea Utara", "short-bbb", 5),
     True),
    # one holds the other's answer only: two facts about one person
    (("short", "Siapa Menteri Luar Negeri Rusia?", "Sergey Lavrov", "short-aaa", 0),
     ("short", "Kapan Kim bertemu Sergey Lavrov?", "12 Juli 2025", "short-bbb", 1), False),
    # a statement of the same sentence holds the blank's answer
    (("truefalse", "Pertemuan Kim dan Lavrov berlangsung di Wonsan.", "Benar", "truefalse-aaa", 2),
     ("cloze", "Pertemuan _____ dan Lavrov berlangsung di Wonsan.", "Kim", "cloze-bbb", 2), True),
    (("truefalse", "Pertemuan Kim dan Lavrov berlangsung di Wonsan.", "Benar", "truefalse-aaa", 2),
     ("cloze", "Kim memuji _____.", "Wonsan", "cloze-bbb", 3), False),
    # the same question from two outlets' sentences
    (("mcq", "Apa jabatan Choe Son Hui?", "Menteri Luar Negeri Korea Utara", "mcq-aaa", 0),
     ("short", "Apa jabatan Choe Son Hui?", "Menteri Luar Negeri Korea Utara", "short-bbb", 6),
     True),
    # a statement and its variant from another outlet
    (("truefalse", "Korea Utara telah mengirim lebih dari 10.000 personel militer ke Rusia.",
      "Benar", "truefalse-aaa", 0),
     ("truefalse", "Korea Utara telah mengirim lebih dari 20.000 personel militer ke Rusia.",
      "Salah", "truefalse-bbb", 7), True),
])
def test_select_gives_away_one_fact_from_its_other_side(a, b, expected):
    from quizgen.select import gives_away
    assert gives_away(_it(*a), _it(*b)) is expected
    assert gives_away(_it(*b), _it(*a)) is expected


def test_select_deck_asks_a_fact_from_one_side_only():
    items = [_it("short", "Siapa Menteri Luar Negeri Korea Utara?", "Choe Son Hui", "short-aaa"),
             _it("mcq", "Apa jabatan Choe Son Hui?", "Menteri Luar Negeri Korea Utara",
                 "mcq-bbb", 4),
             _it("mcq", "Kapan Kim bertemu Choe Son Hui?", "12 Juli 2025", "mcq-ccc", 5)]
    assert [i.id for i in deck_items(items)] == ["short-aaa", "mcq-ccc"]


def test_select_deck_answers_with_one_name_at_most_three_times():
    """A deck of the seeds asked 'Sergey Lavrov' six times in its first nine items: at most
    MAX_PER_NAME items answer with one name ("Lavrov" and "Sergey Lavrov" share it); the
    others go to other facts."""
    from quizgen.select import MAX_PER_NAME, deck_items

    items = [_it("short", f"Siapa yang melakukan hal {n}?", answer, f"short-{n:03d}", n)
             for n, answer in enumerate(["Sergey Lavrov", "Lavrov", "Sergey Lavrov", "Lavrov",
                                         "Kim Jong Un", "Sergey Lavrov"])]
    for i in items:
        i.tags = ["answer-person"]
    dates = [_it("short", f"Kapan hal {n} terjadi?", f"{n} Juli 2025", f"short-d{n:02d}", 10 + n)
             for n in range(1, 6)]
    for i in dates:
        i.tags = ["answer-date"]
    chosen = deck_items(items + dates)
    assert [i.answer for i in chosen].count("Kim Jong Un") == 1
    assert sum("Lavrov" in i.answer for i in chosen) == MAX_PER_NAME == 3
    assert sum(i in chosen for i in dates) == 5  # a month's name names nobody
