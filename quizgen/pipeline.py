"""The analysis stages wired together: read -> clean -> split -> tag -> link.

Each stage is a plain function on plain data (see model.py); this module only chains them.
Articles are read and analysed one at a time, on every core (quizgen/parallel.py); only
linking sees them all. A sentence keeps its spans, not its tokens: nothing after tagging
reads them (the tagger and the template matcher tokenise in their own ways), and they would
be most of an analysed article's memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .clean import clean_document
from .lang import LanguagePack, load_language
from .link import link_corpus
from .model import Article, Corpus, RawDocument
from .parallel import Progress, map_ordered
from .read import read_document
from .split import split_article
from .tag import tag_article


def analyse_document(raw: RawDocument, pack: LanguagePack) -> Article:
    """One document through clean, split and tag (not linking, which needs the set)."""
    article = clean_document(raw, pack)
    article.sentences = split_article(article, pack, tokens=False)
    tag_article(article, pack)
    return article


def analyse_article(path: str | Path, pack: LanguagePack) -> Article:
    """One file through read, clean, split and tag."""
    return analyse_document(read_document(path), pack)


def analyse(
    paths: Iterable[str | Path],
    lang: str,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Every file through the analysis stages, then entities linked across the set."""
    pack = load_language(lang)
    articles = map_ordered(
        lambda p: analyse_article(p, pack), list(paths), jobs=jobs, progress=progress
    )
    return link_corpus(list(articles), pack)


def analyse_texts(
    texts: Iterable[tuple[str, str]], lang: str, *, jobs: int | None = None
) -> Corpus:
    """(name, plain text) pairs through the analysis stages, as if read from files."""
    pack = load_language(lang)
    articles = map_ordered(
        lambda t: analyse_document(RawDocument(t[0], t[1], "text"), pack), list(texts), jobs=jobs
    )
    return link_corpus(list(articles), pack)
