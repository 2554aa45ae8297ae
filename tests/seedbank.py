"""The seed deck's question bank, generated once per test run as `quizgen build
decks/seeds.yaml` generates it, for the exporters' end-to-end tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quizgen.model import QuestionBank

DECK = Path(__file__).resolve().parents[1] / "decks" / "seeds.yaml"


@cache
def _seed_bank() -> QuestionBank:
    from quizgen.deck import load_deck
    from quizgen.generate import generate_bank
    from quizgen.lang import load_language
    from quizgen.pipeline import analyse
    from quizgen.templates import load_templates

    deck = load_deck(DECK)
    pack = load_language(deck.lang)
    corpus = analyse(deck.sources, deck.lang)
    return generate_bank(corpus, pack, load_templates(pack), title=deck.title, seed=deck.seed)


def seed_bank() -> QuestionBank:
    """A fresh copy, so a test may edit it."""
    import copy

    return copy.deepcopy(_seed_bank())
