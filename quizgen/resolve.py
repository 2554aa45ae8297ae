"""Pronouns resolved against the article, where that is safe.

A question made from "Ia baru saja membuka film terbaru The Showman." names no one: the
quality filter drops it ("pronoun: ia"). When the sentences just before name exactly one
person, "ia" can only be that person, and the question reads "Jackman baru saja membuka
film terbaru _____." instead. The pronouns that may be resolved and how far back to look
are the pack's (`quality.yaml`: `resolvable_pronouns`, `antecedent_window`,
`indefinite_persons`); quoted speech is left alone (a quote keeps its own "dia"), and so is
a sentence that names a person itself or speaks of someone indefinite ("seorang saksi").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .model import PERSON, Article, Candidate, Sentence

_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def _words_rx(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                      re.IGNORECASE)


@cache
def _conf(pack: Any) -> tuple[re.Pattern[str] | None, int, re.Pattern[str] | None]:
    conf = pack.data("quality") or {}
    words = [str(w) for w in conf.get("resolvable_pronouns", [])]
    if not words:
        return None, 0, None
    someone = [str(w) for w in conf.get("indefinite_persons", [])]
    return (_words_rx(words), int(conf.get("antecedent_window", 1)),
            _words_rx(someone) if someone else None)


def antecedent(article: Article, sentence: Sentence, window: int) -> str | None:
    """The one person the `window` sentences before `sentence` name (by linked entity),
    as the article names them most fully; None when they name no one or several."""
    start = max(0, sentence.index - window)
    people: dict[str, str] = {}
    for s in article.sentences[start:sentence.index]:
        for sp in s.spans:
            if sp.label == PERSON:
                key = sp.norm or sp.text
                name = sp.attrs.get("canonical") or sp.text
                if len(name) > len(people.get(key, "")):
                    people[key] = name
    return next(iter(people.values())) if len(people) == 1 else None


def _first_pronoun(text: str, rx: re.Pattern[str]) -> re.Match[str] | None:
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for m in rx.finditer(text):
        if not any(a <= m.start() < b for a, b in quoted):
            return m
    return None


def resolve_pronouns(cand: Candidate, sentence: Sentence, article: Article, pack: Any) -> None:
    """Put the antecedent's name for the first resolvable pronoun of the question (and of
    the statement) when the sentence names no person, nor someone indefinite, and the
    sentences before name exactly one."""
    rx, window, someone = _conf(pack)
    if rx is None:
        return
    m = _first_pronoun(cand.question, rx)
    if m is None:
        return
    if any(sp.label == PERSON for sp in sentence.spans):
        return  # "Dia disambut Lee": the sentence's own people make it ambiguous
    if someone is not None and someone.search(sentence.text):
        return  # "seorang saksi ... ia melihat", "seseorang ... maka ia": not the one before
    in_sentence = _first_pronoun(sentence.text, rx)
    lead = sentence.text[:in_sentence.start()].strip() if in_sentence else "-"
    if lead and not lead.endswith(","):
        return  # only the subject that opens the sentence or its main clause ("Ia ...",
        # "Usai laga, ia ..."); one deeper in may point at anyone the sentence mentions
    name = antecedent(article, sentence, window)
    if name is None or name in cand.question or name == cand.answer:
        return
    cand.question = cand.question[:m.start()] + name + cand.question[m.end():]
    s = _first_pronoun(cand.statement, rx) if cand.statement else None
    if s is not None:
        cand.statement = cand.statement[:s.start()] + name + cand.statement[s.end():]
