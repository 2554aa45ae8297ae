"""An article's digest: what the set-wide stages need to know of it.

Linking, event dates, display names, distractor pools and scoring look across the whole
article set, but each reads only a little of every article: its linkable mentions, the
dates it names, the roles it uses as titles, its metadata. `digest(article)` takes that
much, so a large set can be analysed article by article, its digests gathered, the
set-wide tables computed from them, and each article brought back only to have its
questions made (quizgen/stream.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .model import (
    DATE,
    ORG,
    PERSON,
    PLACE,
    ROLE,
    Article,
    ArticleDigest,
    ArticleInfo,
    Corpus,
    Mention,
    Sentence,
    Span,
)

LINKED = (PERSON, PLACE, ORG, ROLE)
ROLE_COMPLEMENTS = ("country", "place", "org")


def linkable(article: Article) -> Iterator[Span]:
    """The spans linking gives an entity, in text order (the order of the digest's
    mentions and entity ids)."""
    for s in article.sentences:
        for sp in s.spans:
            if sp.label in LINKED:
                yield sp


def mention(sp: Span) -> Mention:
    a = sp.attrs
    return Mention(
        sp.label, sp.text, sp.norm, a.get("cldr"), a.get("canonical"), a.get("kind"), a.get("acronym")
    )


def is_title(span: Span, sentence: Sentence) -> bool:
    """A role used as a title: capitalised inside the sentence, or right before a name."""
    if span.text[:1].isupper() and span.start > 0:
        return True
    return any(o.label == PERSON and 0 <= o.start - span.end <= 2 for o in sentence.spans)


def role_shape(attrs: Mapping[str, str]) -> frozenset[str]:
    """The kinds of complement a role has (country, place, org), from its span's attrs,
    and whether its head is an office or a profession ("head=title", "head=profession"):
    a minister's wrong options are other offices, a keeper's other professions."""
    shape = {k for k in ROLE_COMPLEMENTS if attrs.get(k)}
    if attrs.get("head"):
        shape.add(f"head={attrs['head']}")
    return frozenset(shape)


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        publisher=article.publisher,
        author=article.author,
        published=article.published.isoformat() if article.published else None,
    )


def digest(article: Article) -> ArticleDigest:
    """The digest of a tagged article; its entity ids are the spans' norms if it is
    already linked, else filled in by linking (link.resolve)."""
    out = ArticleDigest(article_info(article), notes=list(article.notes))
    for s in article.sentences:
        for sp in s.spans:
            if sp.label in LINKED:
                if sp.label == ROLE and is_title(sp, s):
                    out.titles.append((role_shape(sp.attrs), len(out.mentions)))
                out.mentions.append(mention(sp))
            elif sp.label == DATE and sp.norm:
                out.dates.append(sp.norm)
    return out


def digests(corpus: Corpus) -> list[ArticleDigest]:
    """The corpus's digests; for a corpus built by hand from linked articles (no
    digests), taken from its articles, with the spans' norms as entity ids."""
    if len(corpus.digests) != len(corpus.articles) and corpus.articles:
        corpus.digests = []
        for a in corpus.articles:
            d = digest(a)
            d.entities = [sp.norm or "" for sp in linkable(a)]
            corpus.digests.append(d)
    return corpus.digests
