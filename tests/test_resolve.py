"""Pronouns resolved against the sentence before, where that is safe. Sentences adapted from
IndoSum fresh articles (CC BY-SA 4.0); spans written by hand."""

from __future__ import annotations

import pytest
from test_simplify import spanned

from quizgen.model import Article, Candidate
from quizgen.resolve import resolve_pronouns

JACKMAN = spanned("Jackman sendiri sudah move on dari seri X-Men.", ("PERSON", "Jackman"))
TWO = spanned("Kim bertemu Putin di Pyongyang.", ("PERSON", "Kim"), ("PERSON", "Putin"),
              ("PLACE", "Pyongyang"))
NOBODY = spanned("Film itu tayang di Jakarta.", ("PLACE", "Jakarta"))


def story(*sentences):
    for i, s in enumerate(sentences):
        s.index = i
    return Article("a", "a.txt", "id", sentences=list(sentences))


def cloze(sentence, answer):
    start = sentence.text.index(answer)
    return Candidate("id.cloze.span", ["cloze"], sentence.text.replace(answer, "_____", 1),
                     answer, "a", sentence.index, start, start + len(answer), "ORG", None,
                     "fact", 0.5, sentence.text)


@pytest.mark.parametrize("before,text,spans,answer,expected", [
    # one person just before: the opening "Ia" is that person, in question and statement
    (JACKMAN, "Ia baru saja membuka film The Showman.", [("ORG", "The Showman")],
     "The Showman", "Jackman baru saja membuka film _____."),
    (JACKMAN, "Usai acara, ia membuka film The Showman.", [("ORG", "The Showman")],
     "The Showman", "Usai acara, Jackman membuka film _____."),
    # two people before, or none: left as it is (the quality filter drops it)
    (TWO, "Ia membuka film The Showman.", [("ORG", "The Showman")], "The Showman",
     "Ia membuka film _____."),
    (NOBODY, "Ia membuka film The Showman.", [("ORG", "The Showman")], "The Showman",
     "Ia membuka film _____."),
    # the sentence names someone itself, or someone indefinite: ambiguous
    (JACKMAN, "Dia disambut Lee di The Istana.", [("PERSON", "Lee"), ("PLACE", "The Istana")],
     "The Istana", "Dia disambut Lee di _____."),
    (JACKMAN, "Seorang saksi mengatakan ia melihat api di Medan.", [("PLACE", "Medan")],
     "Medan", "Seorang saksi mengatakan ia melihat api di _____."),
    # deeper in the sentence it may point at anyone the sentence mentions
    (JACKMAN, "Suplai bola hampir jarang ia temui di Lima.", [("PLACE", "Lima")], "Lima",
     "Suplai bola hampir jarang ia temui di _____."),
    # inside quotes a pronoun is the speaker's own
    (JACKMAN, "\"Dia akan kembali,\" kata produser di Los Angeles.",
     [("PLACE", "Los Angeles")], "Los Angeles",
     "\"Dia akan kembali,\" kata produser di _____."),
])
def test_resolve_pronoun_only_when_one_person_came_before(pack, before, text, spans, answer,
                                                          expected):
    sentence = spanned(text, *spans)
    article = story(before, sentence)
    cand = cloze(sentence, answer)
    resolve_pronouns(cand, sentence, article, pack)
    assert cand.question == expected
    if expected.startswith("Jackman") or ", Jackman" in expected:
        assert "Jackman" in cand.statement
