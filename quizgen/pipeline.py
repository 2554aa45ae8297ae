"""The analysis stages wired together: read -> clean -> split -> tag -> link.

Each stage is a plain function on plain data (see model.py); this module only chains them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .clean import clean_document
from .lang import LanguagePack, load_language
from .link import link_corpus
from .model import Article, Corpus
from .read import read_document
from .split import split_article
from .tag import tag_article


def analyse_article(path: str | Path, pack: LanguagePack) -> Article:
    """One file through read, clean, split and tag (not linking, which needs the set)."""
    raw = read_document(path)
    article = clean_document(raw, pack)
    article.sentences = split_article(article, pack)
    tag_article(article, pack)
    return article


def analyse(paths: Iterable[str | Path], lang: str) -> Corpus:
    """Every file through the analysis stages, then entities linked across the set."""
    pack = load_language(lang)
    articles = [analyse_article(p, pack) for p in paths]
    return link_corpus(articles, pack)
