"""What a deck takes from a bank: kept items, one per fact, best first, within the limits.

The bank holds every item of every fact (a short answer, a multiple choice, a cloze and a
true/false statement may all ask one fact), each with its confidence and `keep`. A deck
asks each fact once: kinds take turns choosing their best kept item of a fact not yet
asked, within their limits; the places freed go to other facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .model import Item, QuestionBank


def fact_of(item: Item) -> str:
    """The fact an item asks about: every kind made from one fact shares its id's hash."""
    return item.id.rsplit("-", 1)[-1]


def deck_eligible(item: Item) -> bool:
    """An item a deck may take: kept (by its confidence, or by a person's choice)."""
    return item.keep


def deck_items(items: list[Item], limits: Mapping[str, int] | None = None) -> list[Item]:
    """The items a deck takes, in bank order: kept, one per fact, and with `limits` at most
    limits[kind] of each kind (a kind not named takes none).

    Kinds take turns, each taking its best kept item whose fact no kind has taken yet, so
    that a fact's first kind in bank order does not crowd every other kind out."""
    queues: dict[str, list[Item]] = {}
    for item in items:
        if deck_eligible(item):
            queues.setdefault(item.kind, []).append(item)
    caps = {k: (len(q) if limits is None else limits.get(k, 0)) for k, q in queues.items()}
    heads = dict.fromkeys(queues, 0)
    facts: set[str] = set()
    chosen: set[int] = set()
    taken = dict.fromkeys(queues, 0)
    turn = [k for k in queues if caps[k] > 0]
    while turn:
        for kind in list(turn):
            queue, at = queues[kind], heads[kind]
            while at < len(queue) and fact_of(queue[at]) in facts:
                at += 1
            if at == len(queue):
                turn.remove(kind)
                continue
            facts.add(fact_of(queue[at]))
            chosen.add(id(queue[at]))
            heads[kind] = at + 1
            taken[kind] += 1
            if taken[kind] >= caps[kind]:
                turn.remove(kind)
    return [item for item in items if id(item) in chosen]


def deck_bank(bank: QuestionBank, limits: Mapping[str, int] | None = None) -> QuestionBank:
    """The bank as a deck sees it: only the items deck_items takes."""
    return replace(bank, items=deck_items(bank.items, limits))
