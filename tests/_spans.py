"""Build tagged sentences by hand for template tests: "[PERSON Kim Jong Un] tiba di [PLACE/city
Wonsan]." gives the text without brackets and one span per bracket. A label may carry attrs
after '/': "[PLACE/city ...]" sets kind=city, "[QUOTE/speaker=Sergey_Lavrov ...]" sets speaker (an _ stands for a space),
"[PERSON/norm=PERSON:kim ...]" sets the norm."""

from __future__ import annotations

import re

from quizgen.model import Article, Sentence, Span
from quizgen.split import tokenize

_MARK = re.compile(r"\[([A-Z]+)((?:/[^\s\]]+)*) ([^\]]*)\]")


def marked(markup: str, index: int = 0, article: str = "a1") -> Sentence:
    text, spans, pos = "", [], 0
    for m in _MARK.finditer(markup):
        text += markup[pos:m.start()]
        attrs: dict[str, str] = {}
        for part in filter(None, m.group(2).split("/")):
            key, _, value = part.partition("=")
            attrs.update({key: value.replace("_", " ")} if value else {"kind": key})
        start = len(text)
        text += m.group(3)
        spans.append(Span(start, len(text), m.group(1), m.group(3),
                          norm=attrs.pop("norm", None), attrs=attrs))
        pos = m.end()
    text += markup[pos:]
    return Sentence(article, index, 0, text, tokenize(text), spans)


def article_of(*sentences: Sentence, id: str = "a1") -> Article:
    return Article(id=id, path=f"{id}.txt", lang="id", sentences=list(sentences))
