"""Helpers shared by the generic generators: fact keys and question tidying.

The fact key recipe (documented here, used for stable ids and merging across sources):
    "<LABEL>=<answer key> | <sorted, de-duplicated content keys of the clause>"
where a span's key is its norm (entity id, ISO date, number) or else its lower-cased text
with spaces as "-", and a word's key is its lower-case form, with active verbs reduced
to their root by the pack's voice rules ("mengirim" and "dikirim" -> "kirim"); the
pack's `fact_stopwords` (wh.yaml) and punctuation are left out. So two articles stating
one fact with the same entities and content words in another order get one key; a date
or place kept in the clause keeps facts of different events apart.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from ..model import PLACE, Article, Span
from ..simplify import WORD_RE, Clause, remember_last, words


def span_key(span: Span) -> str:
    return span.norm or "-".join(words(span.text.lower()))


@cache
def _stopwords(pack: Any) -> frozenset[str]:
    return frozenset(w.lower() for w in pack.data("wh").get("fact_stopwords", []))


@lru_cache(maxsize=65536)
def word_root(word: str, pack: Any) -> str:
    """A word's root for fact keys: active and passive verbs map to one form."""
    from ..voice import passive  # local: voice imports simplify

    low = word.lower()
    pas = passive(low, pack)
    prefix = pack.data("wh")["passive"]["prefix"]
    if pas:
        return pas[len(prefix):]
    if low.startswith(prefix) and len(low) > len(prefix) + 3:
        return low[len(prefix):]
    return low


def fact_key(clause: Clause, answer: Span, pack: Any) -> str:
    keys = {f"{sp.label}={span_key(sp)}" for sp in clause.spans
            if sp.label != "QUOTE" and sp is not answer}
    keys |= _word_keys(clause, pack)
    return f"{answer.label}={span_key(answer)} | " + " ".join(sorted(keys))


@remember_last(lambda clause, pack: (id(clause), id(pack)))  # every answer of a clause
def _word_keys(clause: Clause, pack: Any) -> frozenset[str]:
    """The roots of the clause's words outside spans (not stop words, not numbers)."""
    stop = _stopwords(pack)
    keys: set[str] = set()
    covered = [False] * len(clause.text)
    for sp in clause.spans:
        if sp.label != "QUOTE":
            covered[sp.start:sp.end] = [True] * (sp.end - sp.start)
    for m in WORD_RE.finditer(clause.text):
        if covered[m.start()]:
            continue
        w = m.group(0).lower()
        if w in stop or w.isdigit():
            continue
        keys.add(word_root(w, pack))
    return frozenset(keys)


NAMED = ("PERSON", "ORG", "PLACE", "ROLE")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_POSITION_CAPS = re.compile(r"""(?:^|[.!?:;"\u201c\u201d'\u2018\u2019(\[\u00ab\u201e-])\s*$""")


def _capitalised_mid_sentence(word: str, sentence: str) -> bool:
    """The word stands capitalised somewhere in the sentence where position does not call
    for a capital (not its start, nor after a quote, bracket, colon or dateline dash)."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence):
        if not _POSITION_CAPS.search(sentence[:m.start()]):
            return True
    return False


_ARTICLE_LOWER: OrderedDict[str, frozenset[str]] = OrderedDict()
_ARTICLE_KEY: dict[str, tuple[str, int, int]] = {}  # which article object was noted
_ARTICLES_KEPT = 64


def note_article(article: Article) -> None:
    """Remember the words `article` writes in lower case ("getaran", "investigator"), so
    that a question may lower-case one of them where it opened a sentence although the
    pack's word lists do not know it; names are not written in lower case."""
    key = (article.id, id(article.sentences), len(article.sentences))
    if _ARTICLE_KEY.get(article.id) == key:
        _ARTICLE_LOWER.move_to_end(article.id)
        return
    _ARTICLE_KEY[article.id] = key
    _ARTICLE_LOWER[article.id] = frozenset(
        w for s in article.sentences for w in WORD_RE.findall(s.text) if w.isalpha() and w.islower())
    _ARTICLE_LOWER.move_to_end(article.id)
    while len(_ARTICLE_LOWER) > _ARTICLES_KEPT:
        _ARTICLE_KEY.pop(_ARTICLE_LOWER.popitem(last=False)[0], None)


def lower_in_article(word: str, article_id: str) -> bool:
    """The article (noted by `note_article`) writes `word` in lower case somewhere."""
    return word.lower() in _ARTICLE_LOWER.get(article_id, frozenset())


def lower_first(text: str, clause: Clause,
                ordinary: Callable[[str], bool] | None = None) -> str:
    """Lower-case the first word of text unless it is a name (in a span, capitalised in
    the middle of the sentence, or, when `ordinary` tells the pack's ordinary words, not
    one of them: "Kim bertemu ..." where the tagger left Kim untyped) or an acronym."""
    m = re.match(r"\s*(\w+)", text)
    if not m:
        return text
    word = m.group(1)
    if any(s.text.split()[:1] == [word] for s in clause.spans if s.label in NAMED):
        return text  # a name
    if word.isupper() and len(word) > 1:
        if len(word) > 4:  # an all-capitals lede word, "PEMIMPIN"
            return text[: m.start(1)] + word.lower() + text[m.end(1):]
        return text
    if word[1:] and not word[1:].islower():
        return text  # "iPhone", "McDonald"
    if _capitalised_mid_sentence(word, clause.sentence.text):
        return text  # a name the tagger left untyped ("Dalam panggilan itu, Jedun ...")
    if ordinary is not None and not ordinary(word.lower()) and not lower_in_article(
            word, clause.sentence.article_id):
        return text  # no ordinary word: a name ("Kim", "Porzingis") more likely than not
    nxt = re.match(r"[ ]+(\w+)", text[m.end(1):])
    if nxt and nxt.group(1)[0].isupper() and not (
            ordinary is not None and _starts_place(nxt.group(1), word, clause)):
        return text  # the first word of a name the tagger missed ("British Week"), or a
        # title before a name ("Presiden Joko Widodo"), which keeps its capital too
    return text[: m.start(1)] + word[0].lower() + word[1:] + text[m.end(1):]


def _starts_place(nxt: str, word: str, clause: Clause) -> bool:
    """The ordinary `word` stands before a place and outside every span ("Warga
    Afghanistan", "pemerintah Indonesia"): a noun the place modifies, not a title."""
    return any(s.label == PLACE and s.text.split()[:1] == [nxt] for s in clause.spans) and not any(
        word in s.text.split() for s in clause.spans)


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?])")
_COMMAS = re.compile(r",(\s*,)+")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_DOUBLED = re.compile(r"\b(\w+)(\s+\1)+\b")


def tidy_question(text: str) -> str:
    """Collapse spaces, stray punctuation and a word doubled by substitution."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _COMMAS.sub(",", text)
    text = _EMPTY_PARENS.sub("", text)
    return undouble(text).strip(" ,;:.")


def undouble(text: str) -> str:
    """A word doubled where a question phrase meets the clause: "Siapa yang yang ..."."""
    return _DOUBLED.sub(r"\1", text)
