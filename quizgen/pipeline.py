"""The analysis stages wired together: read -> clean -> split -> tag -> link.

Each stage is a plain function on plain data (see model.py); this module only chains them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .clean import clean_document
from .lang import LanguagePack, load_language
from .link import link_corpus
from .model import Article, Corpus, RawDocument
from .read import read_document
from .split import split_article
from .tag import tag_article


def analyse_document(raw: RawDocument, pack: LanguagePack) -> Article:
    """One document through clean, split and tag (not linking, which needs the set)."""
    article = clean_document(raw, pack)
    article.sentences = split_article(article, pack)
    tag_article(article, pack)
    return article


def analyse_article(path: str | Path, pack: LanguagePack) -> Article:
    """One file through read, clean, split and tag."""
    return analyse_document(read_document(path), pack)


def analyse(paths: Iterable[str | Path], lang: str) -> Corpus:
    """Every file through the analysis stages, then entities linked across the set."""
    pack = load_language(lang)
    return link_corpus([analyse_article(p, pack) for p in paths], pack)


def analyse_texts(texts: Iterable[tuple[str, str]], lang: str) -> Corpus:
    """(name, plain text) pairs through the analysis stages, as if read from files."""
    pack = load_language(lang)
    articles = [analyse_document(RawDocument(name, text, "text"), pack) for name, text in texts]
    return link_corpus(articles, pack)
