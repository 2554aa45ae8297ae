"""True/false: false statements swap the answer for a same-type option; half are false."""

import random

import pytest
from bankfixtures import make_corpus, seed_candidates

from quizgen.distract import is_variant
from quizgen.lang import load_language
from quizgen.truefalse import answer_words, false_statement, plan_truth

PACK = load_language("id")
CORPUS = make_corpus()


def test_truefalse_answer_words():
    assert answer_words(PACK) == ("Benar", "Salah")


@pytest.mark.parametrize(
    "question, kept_prefix, swapped_label",
    [
        ("Siapa Menteri Luar Negeri Rusia?", "Menteri Luar Negeri Rusia adalah ", "PERSON"),
        ("Di mana pertemuan Kim dan Lavrov berlangsung?", "Pertemuan Kim dan Lavrov berlangsung di ", "PLACE"),
        ("Berapa personel militer", "Korea Utara telah mengirim lebih dari ", "QUANTITY"),
    ],
)
def test_truefalse_false_statement_swaps_answer(question, kept_prefix, swapped_label):
    c = next(c for c in seed_candidates(CORPUS) if c.question.startswith(question) and c.statement)
    for seed in range(10):
        false = false_statement(c, CORPUS, PACK, random.Random(seed))
        assert false and false != c.statement and false.startswith(kept_prefix)
        swapped = false[len(kept_prefix):].rstrip(".")
        assert not is_variant(swapped, c.answer, swapped_label)
        if swapped_label != "QUANTITY":  # an entity of the same label and kind
            names = {e.name: e for e in CORPUS.entities.values()}
            if swapped in names:
                ent, right = names[swapped], CORPUS.entities[c.answer_norm]
                assert (ent.label, ent.kind) == (right.label, right.kind)


@pytest.mark.parametrize(
    "statement, swapped",
    [
        ("Pertemuan Kim dan Lavrov berlangsung di Wonsan.", True),
        # the sentence locates the place itself: another city "di Korea Utara" is absurd
        ("Pertemuan Kim dan Lavrov berlangsung di Wonsan di Korea Utara.", False),
        ("Pertemuan Kim dan Lavrov berlangsung di Wonsan, Korea Utara.", False),
    ],
)
def test_truefalse_located_place_is_not_swapped(statement, swapped):
    c = next(c for c in seed_candidates(CORPUS) if c.answer == "Wonsan" and c.statement)
    c.statement = statement
    assert (false_statement(c, CORPUS, PACK, random.Random(0)) is not None) is swapped


def test_truefalse_no_swap_without_answer_in_statement():
    c = seed_candidates(CORPUS)[0]
    c.statement = "Lavrov adalah diplomat."
    c.answer = "Sergey Lavrov"
    assert false_statement(c, CORPUS, PACK, random.Random(0)) is None


@pytest.mark.parametrize(
    "n, falsifiable, expected_false",
    [
        (10, 10, 5),
        (9, 9, 4),
        (10, 3, 3),
        (1, 1, 0),
        (0, 0, 0),
    ],
)
def test_truefalse_balanced(n, falsifiable, expected_false):
    keys = [f"k{i}" for i in range(n)]
    can = {k: i < falsifiable for i, k in enumerate(keys)}
    plan = plan_truth(keys, can, seed=7)
    assert sum(not v for v in plan.values()) == expected_false
    assert all(can[k] for k, v in plan.items() if not v)
    assert plan == plan_truth(list(reversed(keys)), can, seed=7)  # order does not matter


def test_truefalse_place_of_no_known_kind_is_not_swapped():
    """A venue or hall the tagger knows no kind of ("Sumit Room", "Hall 5 ICE BSD"): any
    place swapped in reads absurd [IndoSum fresh slice 7, CC BY-SA 4.0]."""
    import copy

    c = next(c for c in seed_candidates(CORPUS) if c.answer == "Wonsan" and c.statement)
    c.statement = "Pertemuan Kim dan Lavrov berlangsung di Wonsan."
    assert false_statement(c, CORPUS, PACK, random.Random(0)) is not None
    kindless = copy.deepcopy(c)
    for span in kindless.slots.values():
        if (span.start, span.end) == (c.answer_start, c.answer_end):
            span.attrs.pop("kind", None)
    assert false_statement(kindless, CORPUS, PACK, random.Random(0)) is None
