"""Shared fixtures: the language pack, the seed articles and the development corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.lang import load_language

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"  # IndoSum and FacQA excerpts, CC BY-SA 4.0 (see its README)
DEV_ARTICLES = sorted((CORPUS / "indosum-dev").glob("*.txt"))


def facqa_rows() -> list[dict]:
    with open(CORPUS / "facqa-dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def pack():
    return load_language("id")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5
    return SEEDS


@pytest.fixture(scope="session")
def dev_paths() -> list[Path]:
    assert len(DEV_ARTICLES) == 12
    return DEV_ARTICLES


@pytest.fixture
def bank():
    """The hand-written bank of tests/fixtures/bank_sample.yaml (all kinds, hostile text)."""
    from quizgen.bank import load_bank

    return load_bank(FIXTURES / "bank_sample.yaml")


@pytest.fixture
def col(tmp_path):
    """A fresh, empty Anki collection (the real `anki` library)."""
    from anki.collection import Collection

    c = Collection(str(tmp_path / "collection.anki2"))
    yield c
    c.close()
