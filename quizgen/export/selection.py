"""Which items a classroom-platform export takes, and which it leaves out and why.

Every platform exporter (GIFT, Moodle XML, Quizizz, Kahoot, Google Forms, CSV) takes the
kept items of a bank, in bank order, each fact asked once (by a kind the format has, where
the fact has one), narrowed by the same choices the worksheet has (the kinds to include,
the most items of each kind). An item the format cannot hold (a kind it
lacks, a text over its length limit) is left out whole, never cut, and named with the
reason in `Export.skipped`, so the command can say so. The text helpers here clean what
every format refuses: control characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QuizgenError
from ..lang import load_language
from ..model import CLOZE, KINDS, MCQ, TRUEFALSE, Item, QuestionBank
from ..outfile import atomic_write_text
from ..select import MAX_PER_NAME, answered_by, deck_items, fact_of, names_in
from ..truefalse import answer_words
from .cardtext import BLANK, answer_index, source_lines

# C0 and C1 control characters except tab, newline and carriage return; XML 1.0 and the
# spreadsheet formats refuse them, and no platform shows them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without control characters, with line ends as "\\n"."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """clean() text with every run of white space (line ends too) as one space."""
    return " ".join(clean(text).split())


class NothingToExport(QuizgenError):
    """Every item was left out (or none was kept): the file would import as nothing. The
    caller puts the bank file (or the deck's output) in front of the message."""


@dataclass
class Selection:
    """The worksheet's choices for an export: `kinds` None takes every kind; `counts` caps
    the items of a kind (a kind missing from it is not capped)."""

    kinds: tuple[str, ...] | None = None
    counts: dict[str, int] | None = None

    def check(self) -> None:
        for kind in [*(self.kinds or ()), *(self.counts or {})]:
            if kind not in KINDS:
                raise QuizgenError(f"unknown item kind '{kind}'; use {', '.join(KINDS)}")


@dataclass
class Skipped:
    item: str  # item id
    reason: str
    kind: str = ""


@dataclass
class Export:
    """What an exporter wrote: the items in the file and the ones left out."""

    format: str
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def notes(self) -> list[str]:
        """Lines for standard error: one per item left out, or one per reason that several
        items of a kind share (a kind the format lacks), in the order first met."""
        groups: dict[str, list[Skipped]] = {}
        for s in self.skipped:
            groups.setdefault(s.reason, []).append(s)
        lines = []
        for reason, group in groups.items():
            kinds = {s.kind for s in group}
            if len(group) > 1 and len(kinds) == 1:
                lines.append(f"{self.format}: left out {len(group)} {group[0].kind} items"
                             f" ({group[0].item} ...): {reason}")
            else:
                lines += [f"{self.format}: left out {s.item}: {reason}" for s in group]
        return lines


def written(path: str | Path, text: str, result: Export) -> Export:
    """Write an export's text to path (atomically) and pass its result on."""
    atomic_write_text(path, text)
    return result


def choose(bank: QuestionBank, selection: Selection | None = None,
           takes: Check | None = None) -> list[Item]:
    """The kept items of the bank in bank order, within the selection's kinds and counts,
    each fact asked once (quizgen/select.py: kinds take turns). With `takes` (why an item
    cannot go into the format, or None), a fact is asked by an item the format takes when
    it has one."""
    selection = selection or Selection()
    selection.check()
    items = [i for i in bank.items
             if selection.kinds is None or i.kind in selection.kinds]
    counts = selection.counts or {}
    limits = {k: counts.get(k, len(items)) for k in KINDS}
    if takes is None:
        return deck_items(items, limits)
    fit = deck_items([i for i in items if takes(i) is None], limits)
    asked = {fact_of(i) for i in fit}
    left = {k: n - sum(1 for i in fit if i.kind == k) for k, n in limits.items()}
    rest = deck_items([i for i in items if fact_of(i) not in asked], left, after=fit)
    chosen = {id(i) for i in fit + rest}
    return [i for i in items if id(i) in chosen]


def sort_out(
    fmt: str,
    bank: QuestionBank,
    selection: Selection | None,
    why_not: Check,
) -> Export:
    """Split the chosen items into those the format takes and those it leaves out
    (`why_not` gives the reason, or None for an item it takes). An export left with no
    item is an error: the file would import as nothing."""
    result = Export(fmt)
    chosen = choose(bank, selection, why_not)
    for item in chosen:
        reason = why_not(item)
        if reason is None:
            result.items.append(item)
        else:
            result.skipped.append(Skipped(item.id, reason, item.kind))
    _note_given_away(bank, selection, chosen, result)
    if not result.items:
        if not chosen:
            what = "the bank has no kept item" + (" of the chosen kinds" if selection and
                                                  selection.kinds is not None else "")
            fix = "set keep: true on some items or choose other --kinds"
        else:
            reasons = sorted({s.reason.split(";")[0] for s in result.skipped})
            what = f"all {len(result.skipped)} items were left out ({'; '.join(reasons[:3])})"
            fix = "shorten or fix the items in the bank, or choose another format"
        raise NothingToExport(f"nothing to export as {fmt}: {what}; {fix}; nothing was written")
    return result


def _note_given_away(bank: QuestionBank, selection: Selection | None, chosen: list[Item],
                     result: Export) -> None:
    """A kept fact left out because an exported item asks it from its other side (select.
    gives_away) is named, with that item, so that nothing is left out without a word."""
    asked = {fact_of(i) for i in chosen}
    kinds = selection.kinds if selection else None
    for item in bank.items:
        fact = fact_of(item)
        if not item.keep or fact in asked or (kinds is not None and item.kind not in kinds):
            continue
        other = answered_by(item, chosen)
        if other is not None:
            asked.add(fact)
            result.skipped.append(Skipped(
                item.id, f"asks the fact of {other.id} from its other side", item.kind))
            continue
        name = next((w for w in sorted(names_in(item))
                     if sum(w in names_in(c) for c in chosen) >= MAX_PER_NAME), None)
        if name is not None:
            asked.add(fact)
            result.skipped.append(Skipped(
                item.id, f"its answer names {name}, the answer of {MAX_PER_NAME} items already",
                item.kind))


Check = Callable[[Item], str | None]


def unusable(name: str, kinds: Iterable[str], lang: str, *more: Check) -> Check:
    """Why an item cannot go into a format named `name` that takes `kinds`: a kind it
    lacks, options without the answer, a cloze without exactly one blank, no answer, then
    the format's own checks `more` (run only on items that passed these)."""
    allowed = tuple(kinds)

    def why(item: Item) -> str | None:
        if item.kind not in allowed:
            return f"{name} has no {item.kind} questions (it takes {', '.join(allowed)})"
        if item.kind in (MCQ, TRUEFALSE) and choices(item, lang) is None:
            return "its answer is not among its options; fix the item in the bank"
        if item.kind == CLOZE and len(BLANK.findall(item.question)) != 1:
            return "a cloze item needs exactly one blank (_____) in its question"
        if not one_line(item.answer):
            return "its answer is empty"
        return next((r for r in (check(item) for check in more) if r), None)

    return why


@dataclass
class Choices:
    """An item's options as a platform shows them: texts and the index of the right one.
    A true/false item becomes the two answer words of its language."""

    texts: list[str]
    correct: int


def choices(item: Item, lang: str) -> Choices | None:
    """The options of an mcq or truefalse item, or None when the answer is not among them."""
    if item.kind == TRUEFALSE:
        words = list(answer_words(load_language(lang)))
        key = " ".join(item.answer.split()).casefold()
        for i, word in enumerate(words):
            if word.casefold() == key:
                return Choices(words, i)
        return None
    if item.kind == MCQ:
        i = answer_index(item)
        return None if i is None else Choices([one_line(o) for o in item.options], i)
    return None


def is_true(item: Item, lang: str) -> bool | None:
    """The truth of a truefalse item, or None when its answer is neither word."""
    c = choices(item, lang)
    return None if c is None else c.correct == 0


def feedback(item: Item, bank: QuestionBank) -> str:
    """What a platform shows after the answer: the explanation (the true statement of a
    false item), the source sentence and where it came from."""
    articles = {a.id: a for a in bank.articles}
    parts = [one_line(item.explanation), one_line(item.context)]
    cites = [one_line(s) for s in source_lines(item, articles, bank.lang)]
    parts += [f"({c})" for c in cites if c]
    return " ".join(p for p in parts if p)
