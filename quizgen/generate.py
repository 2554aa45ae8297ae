"""From an analysed corpus to a question bank: match, filter, score, merge, options, ids.

Item ids are stable: `KIND-` + the first 12 hex digits of sha1(template id, canonical
answer, fact key), so rewording a template or an item keeps its id, and a fact stated by
one more source keeps it too. Only when the same fact survives in two events (rare: near-
duplicates across events are dropped) do the weaker ones add their event to the hash. The
items of one fact share the 12 hex digits.

Ordering. A fact may become several items (short, mcq, cloze, truefalse). So that the top
of the bank covers many facts rather than one fact in every kind, an item's score is its
fact's score times REPEAT_DISCOUNT ** r, r being the item's rank among its fact's kinds (the
asking kinds rotated per fact by a hash of seed and fact, for a mix of kinds; true/false
last). An item that repeats a better item of another fact (same answer and main predicate
in one event, ...: `repeat_keys`) is discounted once more (rank.order_without_repeats). Items are
sorted by score, best first, then by id. Same corpus, templates and seed: same bank.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from . import bank as bankmod
from .confidence import article_names, assess, load_model
from .datefmt import clean_dates
from .digest import digests
from .display import answer_span, apply_display_names, display_answer
from .distract import Answer, distractors, name_pool
from .fold import NameIndex, asking, fold_near_duplicates
from .lang import LanguagePack
from .merge import EventIndex, FactGroup, group_candidates
from .model import (
    CLOZE,
    DATE,
    KINDS,
    MCQ,
    SHORT,
    TRUEFALSE,
    Article,
    Candidate,
    Corpus,
    Item,
    QuestionBank,
)
from .parallel import Progress, map_ordered
from .rank import CorpusStats, fixed_terms, order_without_repeats, score_of
from .repeats import one_statement_once, repeat_keys
from .truefalse import answer_words, false_statement, plan_truth

REPEAT_DISCOUNT = 0.6
N_OPTIONS = 3  # wrong options per multiple-choice item


def fact_hash(group: FactGroup, with_event: bool = False) -> str:
    parts = [group.template, group.answer_key, group.fact] + ([group.event] if with_event else [])
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def fact_ids(groups: list[FactGroup]) -> dict[int, str]:
    """The hex id of every group (by id()), event-qualified for all but the strongest
    group when several share template, answer and fact key."""
    by_hash: dict[str, list[FactGroup]] = {}
    for g in groups:
        by_hash.setdefault(fact_hash(g), []).append(g)
    out: dict[int, str] = {}
    for h, same in by_hash.items():
        same.sort(key=lambda g: (-g.score, g.event))
        for i, g in enumerate(same):
            out[id(g)] = h if i == 0 else fact_hash(g, with_event=True)
    return out


class SetTables(NamedTuple):
    """What making a candidate needs to know of the whole linked set (`set_tables`)."""

    events: EventIndex  # the event of each candidate
    names: NameIndex  # entity names, for what folding compares (fold.asking)
    stats: CorpusStats  # for the score terms (rank.fixed_terms)


def set_tables(corpus: Corpus) -> SetTables:
    return SetTables(EventIndex(corpus), NameIndex(corpus.entities), CorpusStats.of(corpus))


def collect_candidates(
    corpus: Corpus,
    pack: LanguagePack,
    templates: Sequence[Any],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[Candidate]:
    """Every template on every sentence, article by article on every core; candidates
    that quality rejects are dropped, and a true/false statement that quality rejects
    loses its kind."""
    articles = corpus.articles  # workers see it through the fork: send only the index
    tables = set_tables(corpus)
    per_article = map_ordered(
        lambda i: article_candidates(articles[i], pack, templates, tables),
        range(len(articles)),
        jobs=jobs,
        progress=progress,
    )
    return [c for found in per_article for c in found]


def article_candidates(
    article: Article, pack: LanguagePack, templates: Sequence[Any], tables: SetTables
) -> list[Candidate]:
    """collect_candidates for one article of a linked corpus. Each candidate also gets
    what the later set-wide steps would otherwise work out one by one in a single process:
    its sentence (`origin`), its event, what folding compares (`asking`) and its score
    terms (`terms`)."""
    from .match import run_templates
    from .quality import reject_reason, statement_reason
    from .resolve import resolve_pronouns

    out: list[Candidate] = []
    for sentence in article.sentences:
        for cand in run_templates(sentence, article, templates, pack):
            resolve_pronouns(cand, sentence, article, pack)
            if reject_reason(cand, sentence, article, pack) is None:
                if TRUEFALSE in cand.kinds and statement_reason(cand, sentence, pack):
                    cand.kinds = [k for k in cand.kinds if k != TRUEFALSE]
                skip = answer_span(cand)
                cand.question = clean_dates(cand.question, sentence.spans, pack, skip)
                cand.statement = clean_dates(cand.statement, sentence.spans, pack)
                cand.origin = sentence
                cand.event = tables.events.key(cand)
                cand.asking = asking(cand.question, tables.names, pack)
                cand.terms = candidate_terms(cand, tables.stats)
                out.append(cand)
    return out


def score_groups(groups: list[FactGroup], stats: CorpusStats) -> None:
    """Score each group by its best-worded candidate and its number of articles (the
    candidate's `terms`, when the collector found them with the same stats)."""
    for g in groups:
        best = g.best
        assert best is not None
        terms = best.terms if best.terms is not None else candidate_terms(best, stats)
        g.score = score_of(terms, len(g.articles))


def candidate_terms(candidate: Candidate, stats: CorpusStats) -> tuple[float, ...]:
    """rank.fixed_terms of a candidate, with the entities of its sentence."""
    origin = candidate.origin
    norms = [sp.norm for sp in origin.spans if sp.norm] if origin else []
    return fixed_terms(candidate, stats, norms)


def _kind_order(kinds: list[str], seed: int, fact: str) -> list[str]:
    """The fact's kinds in the order they enter the bank: the asking kinds rotated by a
    hash of seed and fact (for a mix of kinds), true/false last (a statement tells the
    fact rather than asking it, and half of its answers are a guess)."""
    asking = [k for k in KINDS if k in kinds and k != TRUEFALSE]
    tail = [TRUEFALSE] if TRUEFALSE in kinds else []
    if not asking:
        return tail
    turn = int(hashlib.sha1(f"{seed}:{fact}".encode()).hexdigest(), 16) % len(asking)
    return asking[turn:] + asking[:turn] + tail


# A quotation that ends the sentence keeps its own stop inside the marks; the question
# mark or full stop after it makes a double ending: 'negara mereka.”?' -> 'negara mereka”?'.
_DOUBLE_END = re.compile(r"[.,;:]+([”\"’']+)\s*([?.])$")


def end_punctuation(text: str) -> str:
    """One sentence ending, not two, after a closing quotation mark."""
    m = _DOUBLE_END.search(text)
    if not m:
        return text
    end = m.group(2) if m.group(2) == "?" else "."
    return text[: m.start()] + (m.group(1) + end if end == "?" else "." + m.group(1))


def _tags(group: FactGroup) -> list[str]:
    tags = [f"answer-{group.best.answer_label.lower()}", f"event-{group.event}"]
    if len(group.articles) > 1:
        tags.append("corroborated")
    return tags


def _worked_out(
    group: FactGroup, corpus: Corpus, pack: LanguagePack, seed: int, fact: str, stated: bool
) -> tuple[str | None, list[str] | None]:
    """What is slow to make of a group, and small to send back from a worker: the false
    version of its statement (when `stated`; None if it has none), and its multiple-choice
    options, shuffled (None when it is no MCQ or too few distractors exist)."""
    best = group.best
    assert best is not None
    wrong = None
    if stated:
        wrong = false_statement(best, corpus, pack, random.Random(f"{seed}:{TRUEFALSE}-{fact}"))
    if MCQ not in best.kinds:
        return wrong, None
    rng = random.Random(f"{seed}:{MCQ}-{fact}")
    shown = display_answer(best, corpus, pack.code)
    span = answer_span(best)
    attrs = span.attrs if span else {}
    answer = Answer(shown, best.answer_label, best.answer_norm, attrs.get("kind"), best.question, attrs)
    others = distractors(answer, corpus, pack, rng, N_OPTIONS)
    if len(others) < N_OPTIONS:
        return wrong, None
    options = [shown, *others]
    rng.shuffle(options)
    return wrong, options


def _items_for(
    group: FactGroup,
    corpus: Corpus,
    pack: LanguagePack,
    seed: int,
    fact: str,
    stated: bool,
    options: list[str] | None,
) -> list[Item]:
    """The group's items, ordered and scored, given its MCQ `options` (_worked_out); its
    true/false item (when `stated`) is made true, and _falsify makes it false later if the
    truth plan says so."""
    best = group.best
    assert best is not None
    sent = best.origin
    shown = display_answer(best, corpus, pack.code)
    made: dict[str, Item] = {}

    def base(kind: str, question: str, answer: str) -> Item:
        return Item(
            id=f"{kind}-{fact}",
            kind=kind,
            question=end_punctuation(question),
            answer=answer,
            context=sent.text if sent else "",
            answer_span=(best.answer_start, best.answer_end),
            sources=group.sources(),
            template=best.template,
            tags=_tags(group),
        )

    if SHORT in best.kinds:
        made[SHORT] = base(SHORT, best.question, shown)
    if CLOZE in best.kinds:
        made[CLOZE] = base(CLOZE, best.question, shown if best.answer_label == DATE else best.answer)
    if MCQ in best.kinds and options is not None:
        item = base(MCQ, best.question, shown)
        item.options = options
        made[MCQ] = item
    if stated:
        yes, no = answer_words(pack)
        item = base(TRUEFALSE, best.statement, yes)
        item.options = [yes, no]
        made[TRUEFALSE] = item
    order = _kind_order(list(made), seed, fact)
    for rank, kind in enumerate(order):
        made[kind].score = round(group.score * REPEAT_DISCOUNT**rank, 6)
    return [made[k] for k in order]


def _falsify(item: Item, wrong_statement: str, pack: LanguagePack) -> None:
    """A true/false item made false: the wrong statement asked, the true one explains."""
    item.explanation = item.question  # the true statement, as _items_for wrote it
    item.question = end_punctuation(wrong_statement)
    item.answer = answer_words(pack)[1]


def apply_limits(items: list[Item], limits: Mapping[str, int] | None) -> list[Item]:
    """The first `limits[kind]` items of each kind, in bank order; kinds not named in
    `limits` are left out. No limits: every item."""
    if limits is None:
        return items
    taken: dict[str, int] = {}
    out = []
    for item in items:
        if taken.get(item.kind, 0) < limits.get(item.kind, 0):
            taken[item.kind] = taken.get(item.kind, 0) + 1
            out.append(item)
    return out


def bank_from_candidates(
    candidates: list[Candidate], corpus: Corpus, pack: LanguagePack, **options: Any
) -> QuestionBank:
    """Score, merge, make options and ids for kept candidates, and build the bank (the
    options of each fact on every core); `options` as for bank_from_groups."""
    return bank_from_groups(group_candidates(candidates, EventIndex(corpus)), corpus, pack, **options)


def bank_from_groups(
    groups: list[FactGroup],
    corpus: Corpus,
    pack: LanguagePack,
    *,
    title: str,
    seed: int = 0,
    limits: Mapping[str, int] | None = None,
    jobs: int | None = None,
) -> QuestionBank:
    """The bank of candidates already grouped (merge.Grouping): scored, near-duplicates
    folded, ids, true/false plan, options, order and `limits` per kind."""
    stats = CorpusStats.of(corpus)
    score_groups(groups, stats)
    groups = fold_near_duplicates(groups, corpus.entities, pack)
    score_groups([g for g in groups if g.joined], stats)  # more articles now
    ids = fact_ids(groups)
    name_pool(corpus)  # built once here, before any worker starts, and shared with them
    stated = {id(g) for g in groups if TRUEFALSE in g.best.kinds and g.best.statement}

    def worked_out(n: int) -> tuple[str | None, list[str] | None]:
        g = groups[n]
        return _worked_out(g, corpus, pack, seed, ids[id(g)], id(g) in stated)

    # Workers find the false statements and the options (small results); this process
    # makes each group's items as its results arrive (items cost more to send than to make).
    entries: list[tuple[Item, frozenset, int]] = []
    wrong: dict[str, str | None] = {}
    for n, (false, options) in enumerate(map_ordered(worked_out, range(len(groups)), jobs=jobs)):
        g, fact = groups[n], ids[id(groups[n])]
        if id(g) in stated:
            wrong[fact] = false
        for item in _items_for(g, corpus, pack, seed, fact, id(g) in stated, options):
            entries.append((item, repeat_keys(g, item, pack), n))
    truth = plan_truth(sorted(wrong), {k: v is not None for k, v in wrong.items()}, seed)
    for item, _, n in entries:
        fact = ids[id(groups[n])]
        false = wrong[fact] if item.kind == TRUEFALSE and not truth[fact] else None
        if false:
            _falsify(item, false, pack)
        bankmod.stamp(item)
    items = one_statement_once(order_without_repeats(entries, REPEAT_DISCOUNT))
    assess(items, load_model(pack), article_names(corpus))
    items = apply_limits(items, limits)
    return QuestionBank(
        title=title,
        lang=pack.code,
        seed=seed,
        articles=[d.info for d in digests(corpus)],
        items=items,
    )


def generate_bank(
    corpus: Corpus,
    pack: LanguagePack,
    templates: Sequence[Any],
    *,
    title: str,
    seed: int = 0,
    limits: Mapping[str, int] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> QuestionBank:
    """The question bank of a corpus: every template on every sentence, filtered by
    quality, scored, merged across sources, with options, stable ids and limits."""
    apply_display_names(corpus)
    candidates = collect_candidates(corpus, pack, templates, jobs=jobs, progress=progress)
    return bank_from_candidates(
        candidates, corpus, pack, title=title, seed=seed, limits=limits, jobs=jobs
    )
