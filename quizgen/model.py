"""Plain data passed between the stages. No behaviour is hidden here.

read -> clean -> split -> tag -> link -> match -> rank -> distract -> bank -> export
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

# Span labels produced by the tagger.
PERSON = "PERSON"
ROLE = "ROLE"
PLACE = "PLACE"
ORG = "ORG"
DATE = "DATE"
QUANTITY = "QUANTITY"
QUOTE = "QUOTE"
LABELS = (PERSON, ROLE, PLACE, ORG, DATE, QUANTITY, QUOTE)

# Item kinds.
SHORT = "short"
CLOZE = "cloze"
MCQ = "mcq"
TRUEFALSE = "truefalse"
KINDS = (SHORT, CLOZE, MCQ, TRUEFALSE)


@dataclass
class RawDocument:
    """A file as read from disk, before cleaning."""

    path: str
    text: str  # decoded text; for HTML, the raw markup
    format: str  # "text" | "markdown" | "html"


@dataclass(slots=True)
class Token:
    start: int  # character offsets in Sentence.text
    end: int
    text: str


@dataclass(slots=True)
class Span:
    start: int  # character offsets in Sentence.text
    end: int
    label: str  # one of LABELS
    text: str
    norm: str | None = None  # entity id after linking, ISO date, or number as text
    attrs: dict[str, str] = field(default_factory=dict)
    # attrs by label (all optional):
    #   PLACE:    kind = country | city | region | venue;  cldr = territory code;
    #             level = province (a region the pack lists among its provinces)
    #   DATE:     granularity = day | month | year; weekday = the weekday named in the text;
    #             until = last day of a range; year = guessed (from the weekday alone: the
    #             ISO norm keeps it for ordering events, displays leave it out)
    #   ROLE:     head = title | profession; country, place, org, to (the role's complement)
    #   QUANTITY: value, qualifier ("lebih dari"), unit ("personel militer")
    #   QUOTE:    speaker (text of the speaker), speaker_norm
    #   ORG:      acronym
    #   PERSON/ORG/PLACE/ROLE: canonical = display name of the linked entity


@dataclass(slots=True)
class Sentence:
    article_id: str
    index: int  # position in the article, from 0
    paragraph: int  # index of the paragraph it came from
    text: str
    tokens: list[Token] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Article:
    id: str  # stable, from file content
    path: str
    lang: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: datetime | None = None
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what analysis left out or cut, and why


@dataclass
class Entity:
    id: str  # canonical key, e.g. "PERSON:kim-jong-un"
    label: str
    name: str  # display name, the most complete common variant
    aliases: set[str] = field(default_factory=set)  # every surface form seen
    kind: str | None = None  # sub-type (country/city/region for PLACE)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)


@dataclass
class ArticleInfo:
    """What a bank keeps of an article: enough to cite it."""

    id: str
    path: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601


class Mention(NamedTuple):
    """What linking reads of a PERSON, PLACE, ORG or ROLE span (its attrs before linking)."""

    label: str
    text: str
    norm: str | None  # ROLE: the tagger's normalised role
    cldr: str | None  # PLACE: territory code
    canonical: str | None  # PLACE: the language data's name
    kind: str | None  # PLACE: country | city | ...; ORG: team
    acronym: str | None  # ORG


@dataclass
class ArticleDigest:
    """What the set-wide stages (linking, event dates, display names, distractor pools,
    scoring) need to know of an article, so that the whole article need not stay in memory
    while they run (quizgen/digest.py)."""

    info: ArticleInfo
    mentions: list[Mention] = field(default_factory=list)  # linkable spans, in text order
    entities: list[str] = field(default_factory=list)  # their entity ids, once linked
    dates: list[str] = field(default_factory=list)  # ISO norms of its DATE spans
    titles: list[tuple[frozenset[str], int]] = field(default_factory=list)
    # roles used as titles: (kinds of complement, position in `mentions`)
    notes: list[str] = field(default_factory=list)  # Article.notes


@dataclass
class Corpus:
    """Articles analysed together, with the entities linked across them. `digests` holds
    what the set-wide stages read, one per article, in the same order; a corpus built to
    stream (quizgen/stream.py) has digests and no articles."""

    articles: list[Article]
    entities: dict[str, Entity] = field(default_factory=dict)
    digests: list[ArticleDigest] = field(default_factory=list)
    # Indexes later stages build once per corpus (e.g. distract.name_pool); not data.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Candidate:
    """A question-answer pair made from one sentence, before filtering, ranking, merging
    and distractors. Made by pattern templates and by generic generators alike."""

    template: str  # template id
    kinds: list[str]  # the item kinds it may become
    question: str  # rendered question (for cloze: the text with the answer blanked "_____")
    answer: str  # rendered answer, as it appears in the sentence
    article: str  # Article.id
    sentence: int  # Sentence.index
    answer_start: int  # offsets of the answer in the sentence text
    answer_end: int
    answer_label: str  # label of the answer span (PERSON, PLACE, ...)
    answer_norm: str | None  # normalised answer (entity id, ISO date, number)
    fact: str  # normalised statement of the fact, for stable ids and merging
    prior: float = 0.5  # the template's prior quality, 0..1
    statement: str = ""  # the fact as a plain declarative sentence (for true/false items)
    slots: dict[str, Span] = field(default_factory=dict)  # spans bound by the pattern
    origin: Sentence | None = None  # the sentence it was made from (set by the collector)
    event: str = ""  # the event it is about (merge.EventIndex; set by the collector)
    asking: Any = None  # fold.Asking of the question, when the collector computed it
    terms: tuple[float, ...] | None = None  # rank.fixed_terms, when the collector computed them


@dataclass(slots=True)
class Source:
    article: str  # Article.id
    sentence: int  # Sentence.index
    start: int  # offsets of the answer in that sentence's text
    end: int


@dataclass
class Item:
    id: str  # stable: from what the item asks about, not its wording
    kind: str  # one of KINDS
    question: str  # cloze: the context with the answer replaced by a blank "_____"
    answer: str  # truefalse: the option naming the truth ("Benar" / "Salah")
    options: list[str] = field(default_factory=list)  # mcq/truefalse: all options, answer among them
    context: str = ""  # the source sentence of the first source
    answer_span: tuple[int, int] | None = None  # offsets of the answer in context
    explanation: str = ""  # e.g. the true statement behind a false truefalse item
    sources: list[Source] = field(default_factory=list)
    template: str = ""
    score: float = 0.0
    # The chance a teacher keeps the item unedited (quizgen/confidence.py); a deck takes
    # items at or above the language's threshold. None: not assessed (an older bank).
    confidence: float | None = None
    tags: list[str] = field(default_factory=list)
    keep: bool = True
    # Fingerprint of the editable fields as generated; a bank file whose fields no longer
    # match it was edited by a person, and regeneration keeps those edits.
    generated: str = ""


@dataclass
class QuestionBank:
    title: str
    lang: str
    seed: int = 0
    articles: list[ArticleInfo] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
