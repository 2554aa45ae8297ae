"""Where a span stands in a simplified clause, and how a question phrase takes its place.

The WH generator (wh.py) asks for one span of a clause; these helpers tell whether the
span is the clause's subject, coordinated with a span of its label, inside a relative
clause or a name, and build the three question shapes: subject ("Siapa yang ...?"),
front ("Di mana ... berlangsung?") and in situ ("... memuji kota mana ...?").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import DATE, ORG, PERSON, PLACE, QUANTITY, Span
from ..simplify import Clause, alternation, words
from .facts import lower_first, tidy_question, upper_first

TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*")


@dataclass
class Asked:
    question: str
    start: int  # answer offsets in the clause
    end: int


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


def only_space(text: str) -> bool:
    return not text.strip()



def spans_between(clause: Clause, start: int, end: int, labels: tuple[str, ...]) -> str:
    """The text of clause[start:end] with spans of the given labels blanked out."""
    chars = list(clause.text[start:end])
    for sp in clause.spans:
        if sp.label in labels and start <= sp.start and sp.end <= end:
            for i in range(sp.start - start, sp.end - start):
                chars[i] = " "
    return "".join(chars)


def is_subject(clause: Clause, span: Span) -> bool:
    before = spans_between(clause, 0, span.start, (PERSON, "ROLE", PLACE, ORG))
    return re.fullmatch(r"[\s,]*", before) is not None and len(words(clause.text[span.end:])) >= 2


def rest_after_subject(clause: Clause, end: int, particles: Sequence[str] = ()) -> str:
    """The clause after its subject, without an appositive (", pemimpin Korea Utara,") or
    a discourse particle of the subject ("United pun membawa" -> "membawa")."""
    rest = clause.text[end:]
    m = re.match(r"\s*,([^,]*),", rest)
    if m and len(words(m.group(1))) <= 6:
        rest = rest[m.end():]
    rest = rest.lstrip(" ,")
    first = rest.split(maxsplit=1)
    if len(first) == 2 and first[0].lower().rstrip(",") in particles:
        rest = first[1]
    return rest


@cache
def _coordinator_rx(pack: Any) -> re.Pattern[str]:
    coords = alternation(pack.data("wh")["wh"].get("coordinators", []))
    return re.compile(r"\s*,?\s*" + coords + r"\s+", re.IGNORECASE)


def coordinated(clause: Clause, span: Span, pack: Any) -> bool:
    """True if a span of the same label is joined to this one by a coordinator."""
    rx = _coordinator_rx(pack)
    for s in clause.spans:
        if s is span or s.label != span.label:
            continue
        between = clause.text[s.end: span.start] if s.end <= span.start else clause.text[span.end: s.start]
        if rx.fullmatch(between) or (span.label == PERSON and re.fullmatch(r"\s*,\s*", between)):
            return True  # "Eric Bailly, Romelu Lukaku, Paul Pogba, dan Anthony Martial"
    return False


def preceding_role(clause: Clause, span: Span) -> int:
    start = span.start
    for sp in sorted(clause.spans, key=lambda s: -s.end):
        if sp.label == "ROLE" and sp.end <= start and re.fullmatch(r"[\s,]*", clause.text[sp.end:start]):
            start = sp.start
    return start


def front(qphrase: str, clause: Clause, ext: tuple[int, int],
          ordinary: Callable[[str], bool] | None = None) -> str:
    """The question phrase first, then the clause without ext[0]:ext[1]; `ordinary`
    tells the words that may be lower-cased there (lower_first)."""
    rest = clause.text[: ext[0]] + " " + clause.text[ext[1]:]
    rest = tidy_question(rest)
    return upper_first(qphrase) + " " + lower_first(rest, clause, ordinary) + "?"


def insitu(qphrase: str, clause: Clause, ext: tuple[int, int], pack: Any) -> str | None:
    """The question with `qphrase` where the span stood, or None when that reads badly:
    a long question, many words after the phrase, the phrase right after a comma, or the
    phrase right before a word of `insitu_not_before`."""
    conf = pack.data("wh")["wh"]
    if clause.text[: ext[0]].rstrip().endswith(","):
        return None  # ", bank apa?": an apposition or one of a list, not a clause's argument
    after = clause.text[ext[1]:]
    nxt = words(after)[:1]
    if nxt and nxt[0].lower() in {w.lower() for w in conf.get("insitu_not_before", [])} \
            and only_space(after[: after.lower().find(nxt[0].lower())]):
        return None
    text = upper_first(tidy_question(clause.text[: ext[0]] + qphrase + after)) + "?"
    if len(words(text)) > conf.get("insitu_max_words", 99) or len(words(after)) > conf.get(
            "insitu_max_after", 99):
        return None
    return text


def maybe_asked(question: str | None, start: int, end: int) -> Asked | None:
    return Asked(question, start, end) if question else None



def after_relative(clause: Clause, span: Span, conf_all: Mapping[str, Any]) -> bool:
    markers = conf_all.get("relative_markers", [])
    return bool(markers) and re.search(r"\b" + alternation(markers) + r"\b",
                                       clause.text[: span.start], re.IGNORECASE) is not None



def in_name(clause: Clause, pos: int) -> bool:
    """True if pos is inside a person, organisation, date or quantity: a place phrase
    after it goes with the verb ("bertemu Putin di Pyongyang"); after a role or place it
    modifies that noun ("kunjungan pejabat tinggi Rusia ke Korea Utara")."""
    return any(s.start <= pos < s.end and s.label in (PERSON, ORG, DATE, QUANTITY)
               for s in clause.spans)


def in_span(clause: Clause, pos: int, unless: str = "") -> bool:
    """True if pos is inside a span (of a label other than `unless`)."""
    return any(s.start <= pos < s.end and s.label != unless for s in clause.spans)



def after_reporting_verb(clause: Clause, span: Span, conf_all: Mapping[str, Any]) -> bool:
    """True if a reporting verb ("mengatakan", "ujar") stands before the span: the span
    belongs to what was reported, and a fronted question word would ask about the
    speaking instead."""
    verbs = conf_all.get("reporting_verbs", [])
    return bool(verbs) and re.search(r"(?<!\w)" + alternation(verbs) + r"(?!\w)",
                                     clause.text[: span.start], re.IGNORECASE) is not None


def subject_blocked(clause: Clause, span: Span, end: int, conf_all: Mapping[str, Any]) -> bool:
    """True if the span opens the clause but what follows it (from `end`) opens with a
    word of `subject_not_before` (a relative clause or a copula, not the predicate)."""
    if not is_subject(clause, span):
        return False
    first = words(rest_after_subject(clause, end))[:1]
    return bool(first) and first[0].lower() in {
        str(w).lower() for w in conf_all.get("subject_not_before", [])}
