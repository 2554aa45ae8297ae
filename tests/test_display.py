"""How answers are shown: display names by the most common spelling, clean dates."""

from __future__ import annotations

import copy

from bankfixtures import cand, make_corpus

from quizgen.display import apply_display_names, display_answer

CORPUS = make_corpus()


def test_display_names_most_common_full_spelling():
    corpus = copy.deepcopy(CORPUS)
    ids = set(corpus.entities)
    apply_display_names(corpus)
    assert set(corpus.entities) == ids  # ids never change
    # Kim is written "Kim" more often, but a person's name is a full name
    assert corpus.entities["PERSON:kim-jong-un"].name == "Kim Jong Un"
    lavrov = corpus.entities["PERSON:sergey-lavrov"]
    forms = {sp.text for a in corpus.articles for s in a.sentences for sp in s.spans
             if sp.norm == lavrov.id and len(sp.text.split()) == 2}
    assert lavrov.name in forms


def test_display_names_tie_goes_to_the_first_dated_article():
    """"Sergey" (a000, a003) and "Sergei" (a001, a004) twice each; the first-dated article
    (a003, 2023) writes "Sergey" (alphabetical order would give "Sergei")."""
    corpus = copy.deepcopy(CORPUS)
    apply_display_names(corpus)
    assert corpus.entities["PERSON:sergey-lavrov"].name == "Sergey Lavrov"


def test_display_answer_dates_and_names(pack):
    date = cand(CORPUS, "a000", 0, "Sabtu (12/7)", "Kapan Kim bertemu Lavrov?")
    assert display_answer(date, CORPUS, pack.code) == "12 Juli 2025"
    assert display_answer(date, CORPUS) == "Sabtu (12/7)"  # no language: as written
    kim = cand(CORPUS, "a000", 1, "Kim", "Siapa yang bertemu Lavrov di Wonsan?")
    assert display_answer(kim, CORPUS, pack.code) == CORPUS.entities["PERSON:kim-jong-un"].name
