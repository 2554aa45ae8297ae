"""WH substitution: ask for one span of a simplified clause with a question word.

The sentence is first simplified (quizgen/simplify.py). Then, for each span of the
template's label, the span (with the preposition or role that belongs to it) is replaced
by the language's question phrase from `wh.yaml`, in one of three positions:

- subject: the span opens the clause -> "<subject phrase> <rest>?" ("Siapa yang ...?");
- front: a date, or a place after a preposition, leaves the clause and its question
  phrase goes first ("Di mana pertemuan ... berlangsung?");
- in situ: the phrase stands where the span stood.

An object quantity of an active verb is fronted with the verb made passive by the pack's
voice rules ("Berapa personel militer yang telah dikirim Korea Utara ...?"). A span
coordinated with another of the same label ("Kim dan Lavrov") is not asked about alone.

Template params: `label` (required), `attrs` (span attrs that must match, e.g.
{kind: city}), `qword` (override the question phrase).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import DATE, ORG, PERSON, PLACE, QUANTITY, Article, Candidate, Sentence, Span
from ..simplify import Clause, alternation, is_verb_like, shorten, simplify, words
from . import register
from .facts import fact_key, lower_first, tidy_question, undouble, upper_first

TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*")


@dataclass
class Asked:
    question: str
    start: int  # answer offsets in the clause
    end: int


@dataclass
class _Tok:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


def _only_space(text: str) -> bool:
    return not text.strip()


# ---------------------------------------------------------------- voice


@cache
def _passive_rules(pack: Any) -> tuple[str, list[dict[str, Any]], dict[str, frozenset[str]]]:
    conf = pack.data("wh")["passive"]
    lists = {k: frozenset(v) for k, v in conf.items() if isinstance(v, list) and k != "rules"}
    return conf["prefix"], conf["rules"], lists


def passive(verb: str, pack: Any) -> str | None:
    """The passive form of an active verb by the pack's rules, or None if none applies."""
    prefix, rules, lists = _passive_rules(pack)
    low = verb.lower()
    if low in lists.get("intransitive", ()):
        return None
    for rule in rules:
        act = rule["active"]
        if not low.startswith(act) or len(low) <= len(act) + 1:
            continue
        rest = low[len(act):]
        if rule.get("next") and rest[0] not in rule["next"]:
            continue
        root = rule.get("restore", "") + rest
        allowed = rule.get("roots")
        if allowed and not any(root.startswith(r) for r in lists.get(allowed, ())):
            continue
        return prefix + root
    return None


# ---------------------------------------------------------------- positions


def _spans_between(clause: Clause, start: int, end: int, labels: tuple[str, ...]) -> str:
    """The text of clause[start:end] with spans of the given labels blanked out."""
    chars = list(clause.text[start:end])
    for sp in clause.spans:
        if sp.label in labels and start <= sp.start and sp.end <= end:
            for i in range(sp.start - start, sp.end - start):
                chars[i] = " "
    return "".join(chars)


def _is_subject(clause: Clause, span: Span) -> bool:
    before = _spans_between(clause, 0, span.start, (PERSON, "ROLE", PLACE, ORG))
    return re.fullmatch(r"[\s,]*", before) is not None and len(words(clause.text[span.end:])) >= 2


def _rest_after_subject(clause: Clause, end: int) -> str:
    rest = clause.text[end:]
    m = re.match(r"\s*,([^,]*),", rest)  # an appositive ", pemimpin Korea Utara,"
    if m and len(words(m.group(1))) <= 6:
        rest = rest[m.end():]
    return rest.lstrip(" ,")


def _coordinated(clause: Clause, span: Span, pack: Any) -> bool:
    """True if a span of the same label is joined to this one by a coordinator."""
    coords = alternation(pack.data("wh")["wh"].get("coordinators", []))
    rx = re.compile(r"\s*,?\s*" + coords + r"\s+", re.IGNORECASE)
    for s in clause.spans:
        if s is span or s.label != span.label:
            continue
        between = clause.text[s.end: span.start] if s.end <= span.start else clause.text[span.end: s.start]
        if rx.fullmatch(between) or (span.label == PERSON and re.fullmatch(r"\s*,\s*", between)):
            return True  # "Eric Bailly, Romelu Lukaku, Paul Pogba, dan Anthony Martial"
    return False


def _preceding_role(clause: Clause, span: Span) -> int:
    start = span.start
    for sp in sorted(clause.spans, key=lambda s: -s.end):
        if sp.label == "ROLE" and sp.end <= start and re.fullmatch(r"[\s,]*", clause.text[sp.end:start]):
            start = sp.start
    return start


def _front(qphrase: str, clause: Clause, ext: tuple[int, int]) -> str:
    rest = clause.text[: ext[0]] + " " + clause.text[ext[1]:]
    rest = tidy_question(rest)
    return upper_first(qphrase) + " " + lower_first(rest, clause) + "?"


def _insitu(qphrase: str, clause: Clause, ext: tuple[int, int], pack: Any) -> str | None:
    """The question with `qphrase` where the span stood, or None when that reads badly:
    a long question, many words after the phrase, or the phrase right before a word of
    `insitu_not_before`."""
    conf = pack.data("wh")["wh"]
    after = clause.text[ext[1]:]
    nxt = words(after)[:1]
    if nxt and nxt[0].lower() in {w.lower() for w in conf.get("insitu_not_before", [])} \
            and _only_space(after[: after.lower().find(nxt[0].lower())]):
        return None
    text = upper_first(tidy_question(clause.text[: ext[0]] + qphrase + after)) + "?"
    if len(words(text)) > conf.get("insitu_max_words", 99) or len(words(after)) > conf.get(
            "insitu_max_after", 99):
        return None
    return text


def _asked(question: str | None, start: int, end: int) -> Asked | None:
    return Asked(question, start, end) if question else None


# ---------------------------------------------------------------- per label


def _ask_person(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
                pack: Any) -> Asked | None:
    if _is_subject(clause, span):
        rest = _rest_after_subject(clause, span.end)
        return Asked(upper_first(q or conf["subject"]) + " " + tidy_question(rest) + "?",
                     span.start, span.end)
    nxt = _tokens(clause.text[span.end:])
    if nxt and is_verb_like(nxt[0].text, pack) and _only_space(clause.text[span.end: span.end + nxt[0].start]):
        return None  # "menyampaikan Putin berharap ...": subject of an embedded clause
    return _asked(_insitu(q or conf["insitu"], clause, (_preceding_role(clause, span), span.end),
                          pack), span.start, span.end)


def _after_relative(clause: Clause, span: Span, conf_all: Mapping[str, Any]) -> bool:
    markers = conf_all.get("relative_markers", [])
    return bool(markers) and re.search(r"\b" + alternation(markers) + r"\b",
                                       clause.text[: span.start], re.IGNORECASE) is not None


def _ask_date(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
              conf_all: Mapping[str, Any]) -> Asked | None:
    preps = conf.get("prepositions", {})
    start, qphrase = span.start, q or conf["front"]
    if _after_relative(clause, span, conf_all):
        return None
    toks = [t for t in _tokens(clause.text[: span.start])]
    end = span.end
    m = re.match(r"\s+" + alternation(conf.get("suffixes", [])) + r"\b", clause.text[end:], re.IGNORECASE)
    if conf.get("suffixes") and m:
        end += m.end()
    while toks and toks[-1].text.lower() in preps and _only_space(clause.text[toks[-1].end: start]):
        word = toks.pop()
        if preps[word.text.lower()] and not q:
            qphrase = preps[word.text.lower()]
        start = word.start
    return Asked(_front(qphrase, clause, (start, end)), span.start, span.end)


def _ask_place(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
               pack: Any) -> Asked | None:
    preps = conf.get("prepositions", {})
    toks = _tokens(clause.text[: span.start])
    gap, pos = 0, span.start
    for tok in reversed(toks):
        if not _only_space(clause.text[tok.end: pos]):
            break
        low = tok.text.lower()
        if low in preps:
            before = toks[toks.index(tok) - 1] if toks.index(tok) > 0 else None
            if before and _only_space(clause.text[before.end: tok.start]) and not (
                    is_verb_like(before.text, pack) or _in_name(clause, before.start)):
                return None  # "perang di Ukraina", "Kursk di Rusia": the place modifies a noun
            if _after_relative(clause, span, pack.data("wh")["wh"]):
                return None
            if not any(is_verb_like(t.text, pack) for t in toks[: toks.index(tok)]
                       if not _in_span(clause, t.start)):
                return None  # "kunjungan Lavrov ke Korea Utara menjadi ...": part of the subject
            end = span.end
            while True:  # absorb "di Pyongyang, Korea Utara" / "Kursk di Rusia"
                m = re.match(r"(\s*,\s*|\s+di\s+)", clause.text[end:])
                nxt = [s for s in clause.spans if s.label == PLACE and m and s.start == end + m.end()]
                if not nxt:
                    break
                end = nxt[0].end
            return Asked(_front(q or preps[low], clause, (tok.start, end)), span.start, span.end)
        if gap >= conf.get("gap", 3) or tok.text[:1].isupper() or tok.text.isdigit():
            break
        gap += 1
        pos = tok.start
    kind_q = q or conf.get("kinds", {}).get(span.attrs.get("kind", ""))
    if not kind_q:
        return None
    if _is_subject(clause, span):
        if "actor_kinds" in conf and span.attrs.get("kind") not in conf["actor_kinds"]:
            return None  # "Kota mana yang memasok senjata ...?": a city stands for its state
        rest = _rest_after_subject(clause, span.end)
        return Asked(upper_first(kind_q) + " " + conf.get("subject_suffix", "") + " "
                     + tidy_question(rest) + "?", span.start, span.end)
    prev = toks[-1] if toks else None
    if prev and is_verb_like(prev.text, pack) and _only_space(clause.text[prev.end: span.start]):
        return _asked(_insitu(kind_q, clause, (span.start, span.end), pack), span.start, span.end)
    return None


def _in_name(clause: Clause, pos: int) -> bool:
    """True if pos is inside a person, organisation, date or quantity: a place phrase
    after it goes with the verb ("bertemu Putin di Pyongyang"); after a role or place it
    modifies that noun ("kunjungan pejabat tinggi Rusia ke Korea Utara")."""
    return any(s.start <= pos < s.end and s.label in (PERSON, ORG, DATE, QUANTITY)
               for s in clause.spans)


def _in_span(clause: Clause, pos: int, unless: str = "") -> bool:
    """True if pos is inside a span (of a label other than `unless`)."""
    return any(s.start <= pos < s.end and s.label != unless for s in clause.spans)


def _ask_org(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
             pack: Any) -> Asked | None:
    low = span.text.lower()
    heads = conf.get("heads", {})
    qphrase = q
    if not qphrase:
        for head in sorted(heads, key=len, reverse=True):
            if low == head or low.startswith(head + " "):
                qphrase = heads[head]
                break
    headed = qphrase is not None
    qphrase = qphrase or conf["default"]
    if _is_subject(clause, span):
        rest = _rest_after_subject(clause, span.end)
        return Asked(upper_first(qphrase) + " " + conf.get("subject_suffix", "") + " "
                     + tidy_question(rest) + "?", span.start, span.end)
    if not headed:
        return None  # "PT Wijaya Kusuma milik lembaga apa Cilacap?": only a named kind reads well
    return _asked(_insitu(qphrase, clause, (span.start, span.end), pack), span.start, span.end)


def quantity_parts(clause: Clause, span: Span, conf: Mapping[str, Any]
                   ) -> tuple[int, int, int, str] | None:
    """(answer start, answer end, unit end, unit) of a quantity: the answer is the number
    with its qualifier ("lebih dari 10.000"), the unit ("personel militer") stays out."""
    unit = (span.attrs.get("unit") or "").strip()
    num_end, unit_end = span.end, span.end
    after = clause.text[span.end:]
    if unit and span.text.lower().endswith(unit.lower()) and len(unit) < len(span.text):
        num_end = span.end - len(unit)
        while num_end > span.start and clause.text[num_end - 1].isspace():
            num_end -= 1
    elif unit and after.lstrip().lower().startswith(unit.lower()):
        unit_end = span.end + len(after) - len(after.lstrip()) + len(unit)
    else:
        unit = ""
    start = span.start
    m = re.search(alternation(conf.get("qualifiers", [])) + r"\s+$", clause.text[: span.start], re.IGNORECASE)
    if m and (m.start() == 0 or not clause.text[m.start() - 1].isalnum()):
        start = m.start()
    if not any(ch.isdigit() for ch in clause.text[start:num_end]) and not span.norm:
        return None  # "ribuan": nothing to ask for
    return start, num_end, unit_end, unit


def _ask_quantity(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
                  pack: Any) -> Asked | None:
    word = q or conf["word"]
    parts = quantity_parts(clause, span, conf)
    if parts is None:
        return None
    start, num_end, unit_end, unit = parts
    qphrase = (word + " " + unit).strip()
    toks = _tokens(clause.text[:start])
    if not toks or re.fullmatch(r"[\s,]*", clause.text[:start]):
        rest = _rest_after_subject(clause, unit_end)
        return Asked(upper_first(qphrase) + " " + tidy_question(rest) + "?", start, num_end)
    verb = toks[-1]
    pas = passive(verb.text, pack) if _only_space(clause.text[verb.end:start]) else None
    if unit and pas:
        subject, aux = _subject_and_aux(clause.text[: verb.start], pack)
        labels = tuple(s.label for s in clause.spans)
        if subject and len(words(subject)) <= 8 and not any(
                is_verb_like(w, pack) for w in words(_spans_between(clause, 0, len(subject), labels))):
            body = " ".join(p for p in ("yang", aux, pas, lower_first(subject, clause)) if p)
            rest = clause.text[unit_end:]
            return Asked(upper_first(qphrase) + " " + tidy_question(body + rest) + "?",
                         start, num_end)
    return _asked(_insitu(word, clause, (start, num_end), pack), start, num_end)


@cache
def _aux_rx(pack: Any) -> tuple[re.Pattern[str], dict[str, str]]:
    data = pack.data("wh")
    intents = {" ".join(k.lower().split()): str(v) for k, v in
               (data.get("intent_phrases") or {}).items()}
    alts = alternation(list(data.get("auxiliaries", [])) + list(intents))
    return re.compile(r"((?:\s+" + alts + r")+)\s*$", re.IGNORECASE), intents


def _subject_and_aux(head: str, pack: Any) -> tuple[str, str]:
    """The subject and the auxiliaries before a verb ("Korea Utara telah" -> ("Korea
    Utara", "telah")); a phrase of intent becomes its auxiliary ("berkomitmen untuk" ->
    "akan"), which then stands alone."""
    rx, intents = _aux_rx(pack)
    m = rx.search(" " + head)
    if not m:
        return head.strip(" "), ""
    subject = (" " + head)[: m.start()].strip()
    aux = " ".join(m.group(1).split())
    low = aux.lower()
    for phrase in sorted(intents, key=len, reverse=True):
        if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            aux = intents[phrase]
            break
    return subject.rstrip(" ,"), aux


def ask(clause: Clause, span: Span, pack: Any, qword: str | None = None) -> Asked | None:
    """The question asking for `span` in `clause`, or None if it cannot be asked well."""
    conf = pack.data("wh")["wh"]
    if span.label not in conf or _coordinated(clause, span, pack):
        return None
    lab = conf[span.label]
    if span.label == PERSON:
        return _ask_person(clause, span, lab, qword, pack)
    if span.label == DATE:
        return _ask_date(clause, span, lab, qword, conf)
    if span.label == PLACE:
        return _ask_place(clause, span, lab, qword, pack)
    if span.label == QUANTITY:
        return _ask_quantity(clause, span, lab, qword, pack)
    if span.label == ORG:
        return _ask_org(clause, span, lab, qword, pack)
    return None


def _attrs_match(span: Span, wanted: Mapping[str, Any] | None) -> bool:
    return all(span.attrs.get(k) == v for k, v in (wanted or {}).items())


@register("wh", params={"label": (str, True), "attrs": (dict, False), "qword": (str, False)},
          doc="Ask for a span of `label` in the simplified clause with a question word.")
def wh(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: Any,
       template: Any) -> list[Candidate]:
    clause = simplify(sentence, pack)
    clause = shorten(clause, pack, pack.data("wh")["simplify"].get("max_words", 10**6))
    statement = upper_first(clause.text) + "."
    out = []
    for span, orig in zip(clause.spans, clause.origin):
        if span.label != params["label"] or not _attrs_match(span, params.get("attrs")):
            continue
        asked = ask(clause, span, pack, params.get("qword"))
        if asked is None:
            continue
        asked.question = undouble(asked.question)
        s, e = clause.sentence_range(asked.start, asked.end)
        out.append(Candidate(
            template=template.id, kinds=list(template.kinds), question=asked.question,
            answer=sentence.text[s:e], article=article.id, sentence=sentence.index,
            answer_start=s, answer_end=e, answer_label=span.label, answer_norm=orig.norm,
            fact=fact_key(clause, span, pack), prior=template.prior, statement=statement,
            slots={"answer": orig, **{f"span{i}": o for i, o in enumerate(clause.origin)}}))
    return out
