"""Deck files: the sample deck loads; every broken deck gives its one-line error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.deck import load_deck
from quizgen.errors import QuizgenError

ROOT = Path(__file__).resolve().parents[1]


def test_deck_sample_loads_with_five_sources():
    deck = load_deck(ROOT / "decks" / "seeds.yaml")
    assert deck.lang == "id"
    assert len(deck.sources) == 5
    assert all(p.is_file() for p in deck.sources)
    assert deck.outputs["worksheet"]["versions"] == 2
    assert deck.items["mcq"] == 20


GOOD = "title: T\nlang: id\nsources: [a.txt]\n"

BAD_DECKS = [
    # (deck text, expected error pattern: FILE:LINE: message)
    ("title: T\nsources: [missing.txt]\n", r"deck\.yaml:2: source 'missing.txt' not found"),
    ("title: T\nsources: ['nothing/*.txt']\n", r"deck\.yaml:2: no file matches 'nothing/\*\.txt'"),
    ("title: T\nlang: xx\nsources: [a.txt]\n", r"deck\.yaml:2: unknown language 'xx'; available: id"),
    ("title: 5\nsources: [a.txt]\n", r"deck\.yaml:1: 'title' must be a string, not int 5"),
    (GOOD + "seed: abc\n", r"deck\.yaml:4: 'seed' must be a whole number"),
    (GOOD + "colour: red\n", r"deck\.yaml:4: unknown key 'colour'; allowed here: items, lang"),
    (GOOD + "items: {mcq: many}\n", r"deck\.yaml:4: 'items\.mcq' must be a whole number"),
    (GOOD + "items: {essay: 3}\n", r"deck\.yaml:4: unknown key 'items\.essay'"),
    (GOOD + "outputs:\n  worksheet:\n    paper: a3\n", r"deck\.yaml:6: paper must be a4 or letter"),
    (GOOD + "outputs:\n  anki: ../x.apkg\n", r"deck\.yaml:5: 'anki' must be a plain file name"),
    (GOOD + "templates:\n  files: [nope.yaml]\n", r"deck\.yaml:5: template file 'nope\.yaml' not found"),
    ("title: T\nsources: [a.txt\n", r"deck\.yaml:3: YAML syntax error"),
    ("- just\n- a list\n", r"deck\.yaml:1: a deck file must be a mapping"),
    ("lang: id\nsources: [a.txt]\n", r"deck\.yaml:1: missing 'title'"),
    ("title: T\nsources: []\n", r"deck\.yaml:2: 'sources' is empty"),
]


@pytest.mark.parametrize("text,expected", BAD_DECKS)
def test_deck_bad_file_gives_one_line_error(tmp_path, text, expected):
    (tmp_path / "a.txt").write_text("Sebuah kalimat.", encoding="utf-8")
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizgenError) as err:
        load_deck(path)
    message = str(err.value)
    assert "\n" not in message
    assert re.search(expected, message), message
