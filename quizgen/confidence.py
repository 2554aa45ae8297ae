"""Confidence: the chance that a teacher keeps an item unedited, learned from judged items.

A logistic model over features of the item alone (its kind, template, answer, wording and
options), so the same features can be computed again from any saved bank when the model is
refitted (tools/fit_confidence.py). Its weights and the deck threshold are language data:
quizgen/lang/<code>/confidence.yaml, written by that script from the verdicts kept under
quality/firstlook/. The threshold is chosen there so that, on judged items the fit did not
see, at least the target share of items at or above it were judged KEEP.

    confidence = 1 / (1 + exp(-(bias + sum(weight[f] * value[f]))))

Features the model has no weight for count for nothing (a template it never saw).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .digest import digests
from .errors import QuizgenError
from .lang import LanguagePack
from .model import CLOZE, MCQ, TRUEFALSE, Corpus, Item

BLANK = "_____"
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")
_ACRONYM = re.compile(r"[A-Z0-9&.\-]{2,6}")
_PAIR = re.compile(r"(?<![\w-])([a-z][\w-]*) ([A-Z][\w-]*)")
LABEL_TAG = "answer-"


@dataclass(frozen=True)
class Lexicon:
    """Language data the features look words up in (the pack's quality.yaml)."""

    hedges: tuple[str, ...] = ()  # words that make an answer a hedge ("hingga", "sekitar")
    agencies: frozenset[str] = frozenset()  # outlets quoted as sources ("AFP", "Reuters")


@dataclass(frozen=True)
class ConfidenceModel:
    bias: float = 0.0
    weights: Mapping[str, float] = field(default_factory=dict)
    threshold: float = 0.0  # a deck takes items at or above it
    lexicon: Lexicon = Lexicon()

    def confidence(self, item: Item, names: frozenset[str] | None = None) -> float:
        z = self.bias + sum(
            self.weights.get(name, 0.0) * value
            for name, value in features(item, self.lexicon, names).items()
        )
        return round(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 4)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.replace(BLANK, " "))


def _is_acronym(text: str) -> bool:
    return _ACRONYM.fullmatch(text.strip()) is not None


def _label(item: Item) -> str:
    for tag in item.tags:
        if tag.startswith(LABEL_TAG):
            return tag[len(LABEL_TAG):]
    return "none"


def _decapitalised(item: Item) -> bool:
    """A capitalised pair of the context lowercased in the question ("frequency Factory"):
    a name whose first word was taken for an ordinary sentence start."""
    for m in _PAIR.finditer(item.question):
        first, second = m.groups()
        if f"{first[:1].upper()}{first[1:]} {second}" in item.context:
            return True
    return False


def _touching_names(item: Item) -> tuple[bool, bool]:
    """Whether a capitalised word touches the answer in its sentence, before it (not the
    sentence's first word) or after it, joined by a space, "/" or "-": the answer may be
    a piece of a longer name ("kantor PM Singapura", "ARM Mali", "Mid-Size SUV")."""
    if not item.answer_span or item.kind == TRUEFALSE:
        return False, False
    start, end = item.answer_span
    before, after = item.context[:start], item.context[end:]
    prev = re.search(r"(\w[\w.]*)[ /\u2013-]$", before)
    nxt = re.match(r"[ /\u2013-](\w)", after)
    touches_before = bool(prev and prev.group(1)[:1].isupper() and before[:prev.start()].strip())
    return touches_before, bool(nxt and nxt.group(1).isupper())


def _blank_in_list(question: str) -> bool:
    at = question.find(BLANK)
    if at < 0:
        return False
    before, after = question[:at].rstrip(), question[at + len(BLANK):]
    return before.endswith(",") and (after.startswith(",") or after.startswith(" dan "))


def _shape_mismatch(item: Item) -> float:
    """Share of MCQ distractors unlike the answer in shape: acronym against name, or a
    length two words apart."""
    others = [o for o in item.options if o != item.answer]
    if item.kind != MCQ or not others:
        return 0.0
    acr, n = _is_acronym(item.answer), len(_words(item.answer))
    bad = sum(1 for o in others if _is_acronym(o) != acr or abs(len(_words(o)) - n) >= 2)
    return bad / len(others)


def article_names(corpus: Corpus) -> dict[str, frozenset[str]]:
    """For each article id, the words (case-folded) of every name it mentions and of the
    entities they link to: what a wrong option "from the story" is made of."""
    ents = corpus.entities
    out = {}
    for d in digests(corpus):
        w: set[str] = set()
        for m, eid in zip(d.mentions, d.entities or [""] * len(d.mentions)):
            w.update(_WORD.findall(m.text.casefold()))
            if eid in ents:
                w.update(_WORD.findall(ents[eid].name.casefold()))
        out[d.info.id] = frozenset(w)
    return out


def _from_story(text: str, names: frozenset[str]) -> bool:
    w = _WORD.findall(text.casefold())
    return bool(w) and all(x in names for x in w)


def _inserted(item: Item) -> str:
    """The words of a false statement that its true statement lacks (the swapped span)."""
    true = set(_WORD.findall(item.explanation.casefold()))
    return " ".join(w for w in _WORD.findall(item.question) if w.casefold() not in true)


def features(item: Item, lexicon: Lexicon = Lexicon(),
             names: frozenset[str] | None = None) -> dict[str, float]:
    """The item's features, by name (one-hot ones valued 1.0); see the module docstring.
    `names`: article_names of the item's first source, for the features about where its
    wrong options come from (left out when not known)."""
    answer = item.answer if item.kind != TRUEFALSE else ""
    answer_words = _words(answer)
    question_words = _words(item.question)
    context_words = _words(item.context)
    low_answer = answer.casefold()
    f: dict[str, float] = {
        f"kind:{item.kind}": 1.0,
        f"template:{item.template}": 1.0,
        f"label:{_label(item)}": 1.0,
        f"kind_label:{item.kind}:{_label(item)}": 1.0,  # a person swapped into a statement
        # fails more often than a place or a date (judged first looks)
        "score": item.score,
        "question_words": min(len(question_words), 40) / 40,
        "context_words": min(len(context_words), 60) / 60,
        "quote": float(any(q in item.question for q in ('"', "\u201c", "\u201d"))),
        "decapitalised": float(_decapitalised(item)),
        "many_sources": float(len({s.article for s in item.sources}) > 1),
    }
    touches_before, touches_after = _touching_names(item)
    f["name_before_answer"] = float(touches_before)
    f["name_after_answer"] = float(touches_after)
    if item.kind == TRUEFALSE:
        f["false_statement"] = float(bool(item.explanation))
    else:
        f.update({
            "answer_words": min(len(answer_words), 6) / 6,
            "answer_one_word": float(len(answer_words) == 1),
            "answer_acronym": float(_is_acronym(answer)),
            "answer_digit": float(any(c.isdigit() for c in answer)),
            "answer_hedged": float(any(low_answer.startswith(h + " ") for h in lexicon.hedges)),
            "answer_agency": float(low_answer in lexicon.agencies),
            "answer_lowercase": float(answer[:1].islower()),
            "answer_words_3plus": float(len(answer_words) >= 3),
        })
    if item.kind == CLOZE:
        f["blank_first"] = float(item.question.startswith(BLANK))
        f["blank_in_list"] = float(_blank_in_list(item.question))
    if item.kind == MCQ:
        f["options_shape_mismatch"] = _shape_mismatch(item)
    if names is not None:
        others = [o for o in item.options if o != item.answer]
        if item.kind == MCQ and others:
            f["options_from_story"] = sum(_from_story(o, names) for o in others) / len(others)
        if item.kind == TRUEFALSE and item.explanation:
            swapped = _inserted(item)
            f["swap_from_story"] = float(bool(swapped) and _from_story(swapped, names))
    return f


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise QuizgenError(f"{where}: must be a number; refit with tools/fit_confidence.py")
    return float(value)


def load_model(pack: LanguagePack) -> ConfidenceModel:
    """The pack's model; a pack without confidence.yaml keeps every item (confidence 0.5
    against a threshold of 0)."""
    data = pack.data("confidence", default=None)
    if data is None:
        return ConfidenceModel(lexicon=load_lexicon(pack))
    path = pack.root / "confidence.yaml"
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise QuizgenError(f"{path}: needs 'bias', 'threshold' and a 'weights' mapping;"
                           " refit with tools/fit_confidence.py")
    return ConfidenceModel(
        bias=_number(data.get("bias"), f"{path}: 'bias'"),
        threshold=_number(data.get("threshold"), f"{path}: 'threshold'"),
        weights={str(k): _number(v, f"{path}: weight '{k}'") for k, v in data["weights"].items()},
        lexicon=load_lexicon(pack),
    )


def load_lexicon(pack: LanguagePack) -> Lexicon:
    """The words the features look up, from the pack's quality.yaml."""
    q = pack.data("quality", default={}) or {}
    return Lexicon(
        hedges=tuple(str(h).casefold() for h in q.get("answer_hedges") or ()),
        agencies=frozenset(str(a).casefold() for a in q.get("news_agencies") or ()),
    )


# An article none of whose items reaches the threshold keeps its best one if it comes
# within this much of it: a teacher who hands in an article expects a question on it, and
# the items just under the threshold are nearly as good as those just over it.
ARTICLE_MARGIN = 0.1


def assess(items: list[Item], model: ConfidenceModel,
           names: Mapping[str, frozenset[str]] | None = None) -> None:
    """Write each item's confidence, and keep it when the confidence reaches the threshold
    (or, for an article with no such item, its best item within ARTICLE_MARGIN of it).
    `names`: article_names of the article set."""
    best: dict[str, Item] = {}
    kept_articles: set[str] = set()
    for item in items:
        article = item.sources[0].article if item.sources else ""
        known = names.get(article) if names and item.sources else None
        item.confidence = model.confidence(item, known)
        item.keep = item.confidence >= model.threshold
        if item.keep:
            kept_articles.add(article)
        elif article and (article not in best or item.confidence > best[article].confidence):
            best[article] = item
    for article, item in best.items():
        if article not in kept_articles and item.confidence >= model.threshold - ARTICLE_MARGIN:
            item.keep = True
