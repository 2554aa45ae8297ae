"""Worksheet layout: which items are printed, in which sections, and how each version
shuffles questions and options (the answer key follows the shuffle).

Everything here is plain data; rendering lives in worksheet.py.
"""

from __future__ import annotations

import math
import random
import string
from dataclasses import dataclass, field

from ..errors import QuizgenError
from ..model import CLOZE, KINDS, MCQ, SHORT, TRUEFALSE, ArticleInfo, Item, QuestionBank
from ..select import MAX_PER_NAME, fact_of, gives_away, names_in
from .cardtext import BLANK, answer_index

# Sections in print order: quick recognition first, free recall last.
SECTION_ORDER = (MCQ, TRUEFALSE, CLOZE, SHORT)
PAPERS = ("a4", "letter")
MAX_VERSIONS = len(string.ascii_uppercase)
# Past these a worksheet is no longer a worksheet, and its PDF would take minutes and
# gigabytes: refused with a message, never rendered. A long exam has about 100 questions.
MAX_ITEMS = 500  # questions in one version
MAX_TITLE = 200  # characters of the title
MAX_TEXT = 1_000  # characters of an item's question, answer, option or explanation


@dataclass
class WorksheetOptions:
    """Choices for one worksheet. `counts` caps the items printed per kind (a kind missing
    from it is not capped; 0 leaves the kind out); `seed` None means the bank's seed."""

    versions: int = 2
    paper: str = "a4"
    seed: int | None = None
    include_sources: bool = True
    counts: dict[str, int] | None = None
    title: str | None = None

    def check(self) -> None:
        if self.paper not in PAPERS:
            raise QuizgenError(f"unknown paper '{self.paper}'; use one of {', '.join(PAPERS)}")
        if not 1 <= self.versions <= MAX_VERSIONS:
            raise QuizgenError(
                f"versions must be 1 to {MAX_VERSIONS}, not {self.versions}; choose fewer versions"
            )
        for kind, n in (self.counts or {}).items():
            if kind not in KINDS:
                raise QuizgenError(f"unknown item kind '{kind}' in counts; use {', '.join(KINDS)}")
            if n < 0:
                raise QuizgenError(f"count for '{kind}' must be 0 or more, not {n}")


@dataclass
class Choice:
    letter: str
    text: str
    correct: bool


@dataclass
class Question:
    number: int  # numbering runs on across sections, 1..N
    item: Item
    parts: list[str]  # the question text; for cloze, the text around each blank
    choices: list[Choice] = field(default_factory=list)  # mcq: lettered; truefalse: 2 words
    key: str = ""  # what the key prints: a letter, a true/false word or the answer
    width_em: float = 0.0  # cloze blank / single answer line width
    lines: int = 0  # short answers: number of answer lines (0 = one sized line)
    sources: list[int] = field(default_factory=list)  # numbers into Layout.sources


@dataclass
class Section:
    kind: str
    numeral: str  # I, II, III...
    questions: list[Question]


@dataclass
class Version:
    label: str  # A, B, C...
    sections: list[Section]


@dataclass
class Layout:
    title: str
    versions: list[Version]
    sources: list[ArticleInfo]  # articles cited by the printed items, numbered from 1


def roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


# Kinds whose printed text is (most of) the source sentence itself.
WHOLE_SENTENCE_KINDS = (CLOZE, TRUEFALSE)


def _gives_away(asked: Item, other: Item) -> bool:
    """Whether `other` prints the answer of `asked` in its question ("Apa jabatan Sergey
    Lavrov?" beside "Siapa Menteri Luar Negeri Rusia?"). Person answers are exempt: the
    people of a story are named all over its worksheet, and naming them is no answer."""
    if asked.kind == TRUEFALSE or "answer-person" in asked.tags:
        return False
    answer = " ".join(asked.answer.casefold().split())
    if len(answer.split()) < 2:
        return False
    return answer in " ".join(other.question.casefold().split())


def select_items(bank: QuestionBank, counts: dict[str, int] | None) -> dict[str, list[Item]]:
    """Kept items per kind, best score first (bank order breaks ties), capped by counts.

    Without counts, every kept item is printed: the person chose them in the bank. With
    counts, quizgen chooses, and then one worksheet asks about each fact once, answers with
    one name at most MAX_PER_NAME times (select.py), and takes at most one item from each
    source sentence, so that no question gives away the answer
    of another (a blank filled in a neighbour, two true/false statements of one sentence).
    A kind may then come out short of its count rather than break that.
    """
    ranked = sorted((i for i in bank.items if i.keep), key=lambda i: -i.score)
    if counts is None:
        every = {k: [i for i in ranked if i.kind == k] for k in SECTION_ORDER}
        return {k: v for k, v in every.items() if v}
    caps = counts
    queues = {k: [i for i in ranked if i.kind == k] for k in SECTION_ORDER}
    chosen: dict[str, list[Item]] = {k: [] for k in SECTION_ORDER}
    facts: set[str] = set()
    taken: list[Item] = []
    used: set[tuple[str, int]] = set()  # source sentences of chosen items
    shown: set[tuple[str, int]] = set()  # ... of those that print their sentence whole

    def take(kind: str) -> bool:
        """Move the best eligible item of `kind` into the worksheet; False if none is left."""
        queue = queues[kind]
        while queue:
            item = queue.pop(0)
            mine = {(s.article, s.sentence) for s in item.sources}
            prints_sentence = kind in WHOLE_SENTENCE_KINDS
            if fact_of(item) in facts or mine & shown or (prints_sentence and mine & used):
                continue
            if any(sum(w in names_in(other) for other in taken) >= MAX_PER_NAME
                   for w in names_in(item)):
                continue  # one name answers at most MAX_PER_NAME questions, as in a deck
            if any(_gives_away(item, other) or _gives_away(other, item)
                   or gives_away(item, other) for other in taken):
                continue
            chosen[kind].append(item)
            taken.append(item)
            facts.add(fact_of(item))
            used.update(mine)
            if prints_sentence:
                shown.update(mine)
            return True
        return False

    # Kinds take turns, so a kind whose items come from busy sentences still gets its
    # share; within a turn, the kind whose next item scores best goes first.
    open_kinds = [k for k in SECTION_ORDER if caps.get(k, 1) > 0]
    while open_kinds:
        open_kinds.sort(key=lambda k: -queues[k][0].score if queues[k] else 0.0)
        for kind in list(open_kinds):
            if not take(kind) or len(chosen[kind]) >= caps.get(kind, len(ranked)):
                open_kinds.remove(kind)
    return {k: v for k, v in chosen.items() if v}


def blank_width(answer: str, least: int = 6) -> float:
    """Width in em of a blank or line that fits the answer in handwriting, in 2em steps."""
    return float(min(28, max(least, 2 * math.ceil((len(answer) * 0.6 + 3) / 2))))


def answer_lines(answer: str) -> int:
    """Full answer lines for a short answer; 0 means one line sized by blank_width."""
    if len(answer) <= 30:
        return 0
    return min(4, math.ceil(len(answer) / 45))


def _truth(item: Item, true_word: str, false_word: str) -> bool:
    answer = item.answer.strip().casefold()
    if answer == true_word.casefold():
        return True
    if answer == false_word.casefold():
        return False
    raise QuizgenError(
        f"item {item.id}: true/false answer '{item.answer}' is neither '{true_word}' nor"
        f" '{false_word}'; fix the answer in the bank"
    )


def _question(
    item: Item, rng: random.Random, truth_words: tuple[str, str], refs: dict[str, int]
) -> Question:
    q = Question(number=0, item=item, parts=[item.question])
    q.sources = sorted({refs[s.article] for s in item.sources if s.article in refs})
    if item.kind == MCQ:
        answer = answer_index(item)
        if answer is None:
            raise QuizgenError(
                f"item {item.id}: answer '{item.answer}' is not among its options;"
                " fix the options or the answer in the bank"
            )
        if len(item.options) > MAX_VERSIONS:
            raise QuizgenError(f"item {item.id}: too many options; keep at most {MAX_VERSIONS}")
        order = list(range(len(item.options)))
        rng.shuffle(order)
        q.choices = [
            Choice(string.ascii_uppercase[n], item.options[i], i == answer)
            for n, i in enumerate(order)
        ]
        q.key = next(c.letter for c in q.choices if c.correct)
    elif item.kind == TRUEFALSE:
        true_word, false_word = truth_words
        is_true = _truth(item, true_word, false_word)
        q.choices = [Choice("", true_word, is_true), Choice("", false_word, not is_true)]
        q.key = true_word if is_true else false_word
    elif item.kind == CLOZE:
        q.parts = BLANK.split(item.question)
        if len(q.parts) < 2:
            raise QuizgenError(
                f"item {item.id}: cloze question has no blank '_____';"
                " put one where the answer goes"
            )
        q.key = item.answer
        q.width_em = blank_width(item.answer)
    else:  # SHORT
        q.key = item.answer
        q.lines = answer_lines(item.answer)
        q.width_em = blank_width(item.answer, least=12) if not q.lines else 0.0
    return q


def _cited(bank: QuestionBank, chosen: dict[str, list[Item]]) -> list[ArticleInfo]:
    """The bank's articles that the chosen items cite, in bank order."""
    cited = {s.article for items in chosen.values() for item in items for s in item.sources}
    return [a for a in bank.articles if a.id in cited]


def _check_size(bank: QuestionBank, options: WorksheetOptions,
                chosen: dict[str, list[Item]]) -> None:
    title = options.title or bank.title
    if len(title) > MAX_TITLE:
        how = ("shorten --title" if options.title
               else "shorten the title (the deck's or the bank's), or give --title")
        raise QuizgenError(f"worksheet title has {len(title):,} characters, over the"
                           f" {MAX_TITLE} a page header holds; {how}")
    total = sum(len(items) for items in chosen.values())
    if total > MAX_ITEMS:
        raise QuizgenError(f"bank '{bank.title[:40]}' gives {total:,} worksheet questions, over"
                           f" the limit of {MAX_ITEMS}; choose fewer with --count KIND=N (or"
                           " the deck's worksheet items), or keep fewer items")
    for items in chosen.values():
        for item in items:
            longest = max([item.question, item.answer, item.explanation, *item.options], key=len)
            if len(longest) > MAX_TEXT:
                raise QuizgenError(f"item {item.id} has a text of {len(longest):,} characters,"
                                   f" over the {MAX_TEXT:,} a worksheet prints; shorten it in"
                                   " the bank or set 'keep: false'")


def build_layout(
    bank: QuestionBank, options: WorksheetOptions, truth_words: tuple[str, str]
) -> Layout:
    """The selected items laid out as `options.versions` shuffled versions.

    Version X is shuffled by random.Random(f"{seed}:X"): the same seed gives the same
    versions; questions move only within their section, so the sections stay in order.
    """
    options.check()
    chosen = select_items(bank, options.counts)
    if not chosen:
        raise QuizgenError(
            f"bank '{bank.title}' has no item to print (none kept, or every count is 0);"
            " keep some items or raise the counts"
        )
    _check_size(bank, options, chosen)
    sources = _cited(bank, chosen)
    refs = {a.id: n for n, a in enumerate(sources, 1)}
    seed = bank.seed if options.seed is None else options.seed
    versions = []
    for v in range(options.versions):
        label = string.ascii_uppercase[v]
        rng = random.Random(f"{seed}:{label}")
        sections, number = [], 0
        for kind, items in chosen.items():
            order = list(items)
            rng.shuffle(order)
            questions = [_question(item, rng, truth_words, refs) for item in order]
            for q in questions:
                number += 1
                q.number = number
            sections.append(Section(kind, roman(len(sections) + 1), questions))
        versions.append(Version(label, sections))
    return Layout(title=options.title or bank.title, versions=versions, sources=sources)
