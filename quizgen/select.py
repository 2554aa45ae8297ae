"""What a deck takes from a bank: kept items, one per fact, best first, within the limits.

The bank holds every item of every fact (a short answer, a multiple choice, a cloze and a
true/false statement may all ask one fact), each with its confidence and `keep`. A deck
asks each fact once: kinds take turns choosing their best kept item of a fact not yet
asked, within their limits; the places freed go to other facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .model import TRUEFALSE, Item, QuestionBank


# At most this many items of a deck answer with one name: a deck whose every other
# question is answered "Sergey Lavrov" tests one name, not the story.
MAX_PER_NAME = 3
_NAME_WORD = re.compile(r"[A-Z][\w-]{2,}")


_NAMED_ANSWERS = frozenset({"answer-person", "answer-org", "answer-place"})


def names_in(item: Item) -> set[str]:
    """The capitalised words of an answer that names a person, organisation or place
    ("Sergey", "Lavrov"): an answer sharing one with another names the same one ("Lavrov",
    "Sergey Lavrov"). Dates, numbers and true/false items name nobody."""
    if item.kind == TRUEFALSE or not _NAMED_ANSWERS & set(item.tags):
        return set()
    return set(_NAME_WORD.findall(item.answer))


def fact_of(item: Item) -> str:
    """The fact an item asks about: every kind made from one fact shares its id's hash."""
    return item.id.rsplit("-", 1)[-1]


def deck_eligible(item: Item) -> bool:
    """An item a deck may take: kept (by its confidence, or by a person's choice)."""
    return item.keep


NEAR_SAME = 0.75  # share of words two true/false statements of one fact have in common


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _long_words(text: str) -> set[str]:
    return {w for w in _words(text).split() if len(w) >= 7}


def _where(item: Item) -> tuple[str, int] | None:
    return (item.sources[0].article, item.sources[0].sentence) if item.sources else None


def gives_away(a: Item, b: Item) -> bool:
    """Whether two items ask one fact so that one answers the other: the same question
    (two outlets' sentences that say the same); each question holds the other's answer
    ("Siapa Menteri Luar Negeri Korea Utara?" / "Apa jabatan Choe Son Hui?"); a
    true/false statement of the same sentence holds the other's answer; or two true/false
    statements are one sentence and its variant (nearly the same words: "... lebih dari
    10.000 personel" / "... lebih dari 20.000 personel")."""
    if _words(a.question) == _words(b.question):
        return True
    if a.kind == TRUEFALSE and b.kind == TRUEFALSE:  # one statement and its variant
        wa, wb = set(_words(a.question).split()), set(_words(b.question).split())
        return len(wa & wb) >= NEAR_SAME * max(len(wa), len(wb), 1)
    if TRUEFALSE in (a.kind, b.kind):
        tf, other = (a, b) if a.kind == TRUEFALSE else (b, a)
        return (_where(tf) == _where(other) and _where(tf) is not None
                and _words(other.answer) in _words(tf.question))
    return (_words(a.answer) in _words(b.question)
            and _words(b.answer) in _words(a.question))


def deck_items(items: list[Item], limits: Mapping[str, int] | None = None,
               after: Sequence[Item] = ()) -> list[Item]:
    """The items a deck takes, in bank order: kept, one per fact, at most MAX_PER_NAME
    answered with one name, and with `limits` at most limits[kind] of each kind (a kind not
    named takes none).

    Kinds take turns, each taking its best kept item whose fact no kind has taken yet, so
    that a fact's first kind in bank order does not crowd every other kind out. An item
    that would give a taken one away (gives_away: the same fact asked from its other
    side) counts as that fact too. `after`: items already in the deck (another pass
    chose them), whose facts are taken."""
    queues: dict[str, list[Item]] = {}
    for item in items:
        if deck_eligible(item):
            queues.setdefault(item.kind, []).append(item)
    caps = {k: (len(q) if limits is None else limits.get(k, 0)) for k, q in queues.items()}
    heads = dict.fromkeys(queues, 0)
    facts: set[str] = set()
    chosen: set[int] = set()
    taken = _Taken()
    for item in after:
        facts.add(fact_of(item))
        taken.add(item)
    counts = dict.fromkeys(queues, 0)
    per_name: dict[str, int] = {}
    for item in after:
        for w in names_in(item):
            per_name[w] = per_name.get(w, 0) + 1

    def overused(item: Item) -> bool:
        return any(per_name.get(w, 0) >= MAX_PER_NAME for w in names_in(item))

    turn = [k for k in queues if caps[k] > 0]
    while turn:
        for kind in list(turn):
            queue, at = queues[kind], heads[kind]
            while at < len(queue) and (fact_of(queue[at]) in facts
                                       or taken.gives_away(queue[at]) or overused(queue[at])):
                at += 1
            if at == len(queue):
                turn.remove(kind)
                continue
            facts.add(fact_of(queue[at]))
            chosen.add(id(queue[at]))
            taken.add(queue[at])
            for w in names_in(queue[at]):
                per_name[w] = per_name.get(w, 0) + 1
            heads[kind] = at + 1
            counts[kind] += 1
            if counts[kind] >= caps[kind]:
                turn.remove(kind)
    return [item for item in items if id(item) in chosen]


def answered_by(item: Item, chosen: Sequence[Item]) -> Item | None:
    """The first of `chosen` that gives `item` away (gives_away), or None."""
    return next((other for other in chosen if gives_away(item, other)), None)


class _Taken:
    """The items a deck has taken, indexed so that gives_away is asked only of the few
    that could answer a new one: those whose answer starts with a word of its question,
    those of its sentence, and statements sharing a long word with a new statement."""

    def __init__(self) -> None:
        self.by_first_word: dict[str, list[Item]] = {}
        self.by_sentence: dict[tuple[str, int], list[Item]] = {}
        self.statements_by_word: dict[str, list[Item]] = {}  # true/false, by long words
        self.by_question: dict[str, list[Item]] = {}

    def add(self, item: Item) -> None:
        self.by_question.setdefault(_words(item.question), []).append(item)
        first = _words(item.answer).split()[:1]
        if first and item.kind != TRUEFALSE:
            self.by_first_word.setdefault(first[0], []).append(item)
        if item.kind == TRUEFALSE:
            for w in _long_words(item.question):
                self.statements_by_word.setdefault(w, []).append(item)
        where = _where(item)
        if where is not None:
            self.by_sentence.setdefault(where, []).append(item)

    def gives_away(self, item: Item) -> bool:
        near = [o for w in set(_words(item.question).split()) for o in self.by_first_word.get(w, ())]
        near += self.by_sentence.get(_where(item), []) if _where(item) is not None else []
        near += self.by_question.get(_words(item.question), [])
        if item.kind == TRUEFALSE:
            near += [o for w in _long_words(item.question) for o in self.statements_by_word.get(w, ())]
        return any(gives_away(item, other) for other in near)


def deck_bank(bank: QuestionBank, limits: Mapping[str, int] | None = None) -> QuestionBank:
    """The bank as a deck sees it: only the items deck_items takes."""
    return replace(bank, items=deck_items(bank.items, limits))
