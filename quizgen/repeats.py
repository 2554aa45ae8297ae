"""What makes one item repeat another, for the order of the bank (rank.order_without_repeats).

A teacher taking the top of the bank wants each fact once: not the same answer to the same
main predicate in one event ("dukungan tak terbatas" / "dukungan tanpa syarat"), not one
role relation asked both ways ("Siapa Pemimpin Korea Utara?" / "Apa jabatan Kim Jong
Un?"), not one sentence asked from two sides ("Negara mana yang mengirim 10.000 personel?"
/ "Berapa personel yang dikirim Korea Utara?"), not one true statement twice.
"""

from __future__ import annotations

from .fold import predicate
from .lang import LanguagePack
from .match import CAPTURE_LABEL as TEXT_LABEL
from .merge import FactGroup
from .model import PERSON, ROLE, TRUEFALSE, Item


def repeat_keys(group: FactGroup, item: Item, pack: LanguagePack) -> frozenset[tuple[str, ...]]:
    """What an item shares with the items that repeat it (rank.order_without_repeats): its
    answer and main predicate in its event; for pattern templates, the entities of its
    slots in its event ("Siapa Pemimpin Korea Utara?" / "Apa jabatan Kim Jong Un?"); per
    source sentence, its main predicate (a fact asked from two sides) and a date, place or
    number answer; a true/false statement's source sentences."""
    best, ev = group.best, group.event
    keys: set[tuple[str, ...]] = set()
    pred = predicate(best, pack)
    if pred:
        keys.add(("pred", ev, group.answer_key, pred))
    named = sorted({sp.norm for sp in best.slots.values() if sp.norm})
    if "span0" not in best.slots and len(named) >= 2:
        keys.add(("slots", *named))  # a role is no event's: "Choe Son Hui" in 2023 and 2025
    at = (best.article, str(best.sentence))  # the sentence the question was made from
    if pred:
        keys.add(("src-pred", *at, pred))
    if best.answer_label not in (PERSON, ROLE, TEXT_LABEL):
        keys.add(("src-answer", *at, group.answer_key))
    if item.kind == TRUEFALSE:
        keys.update(("tf", src.article, str(src.sentence)) for src in group.sources())
    return frozenset(keys)


def one_statement_once(items: list[Item]) -> list[Item]:
    """True/false items are whole statements: two facts of one sentence (its person and
    its number) make the same true statement, which the bank keeps once."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.kind == TRUEFALSE:
            key = " ".join(item.question.casefold().split())
            if key in seen:
                continue
            seen.add(key)
        out.append(item)
    return out
