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
from dataclasses import dataclass
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from ..model import DATE, ORG, PERSON, PLACE, QUANTITY, Article, Candidate, Sentence, Span
from ..simplify import (
    Clause,
    alternation,
    is_verb_like,
    remember_last,
    shorten,
    simplify,
    words,
)
from ..tagging.lexicon import lexicon
from ..voice import passive, subject_and_aux
from . import register
from .clausepos import (
    Asked,
    after_relative,
    after_reporting_verb,
    coordinated,
    front,
    in_name,
    in_span,
    insitu,
    is_subject,
    maybe_asked,
    only_space,
    preceding_role,
    rest_after_subject,
    spans_between,
    subject_blocked,
    tokens,
)
from .facts import fact_key, lower_first, note_article, tidy_question, undouble, upper_first

_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class _DateWords:
    """The pack's words for asking a date (wh.yaml), looked up once per pack."""

    kind_words: frozenset[str]
    not_after: frozenset[str]
    copulas: frozenset[str]
    subordinators: frozenset[str]
    alternative_after: re.Pattern[str]
    alternative_before: re.Pattern[str]


@cache
def _date_words(pack: Any) -> _DateWords:
    data = pack.data("wh")
    conf, date = data["wh"], data["wh"].get(DATE, {})

    def low(values: Any) -> frozenset[str]:
        return frozenset(str(w).lower() for w in values or [])

    alts = alternation(data.get("date_alternatives") or []) or "(?!)"
    return _DateWords(low(date.get("kind_words")), low(date.get("not_after")),
                      low(conf.get("copulas")), low(conf.get("date_subordinators")),
                      re.compile(r"\s*,?\s*" + alts + r"\s+", re.IGNORECASE),
                      re.compile(r"\b" + alts + r"\s+$", re.IGNORECASE))

__all__ = ["ask", "quantity_parts", "wh"]


@cache
def number_words(pack: Any) -> tuple[str, ...]:
    """The pack's number words (quantities.yaml `words`: "lima", "enam")."""
    return tuple(str(w) for w in (pack.data("quantities").get("words") or {}))


@cache
def _ordinary(pack: Any) -> Callable[[str], bool]:
    """Whether a (lower-case) word is ordinary, so that a question may lower-case it where
    it opened the sentence: one of the pack's common words, one with a prefix of the
    pack's `derived_words` (wh.yaml) before a common word ("petenis"), or one built with
    such a prefix and suffix ("penikaman", "kejadian"), however rare."""
    conf = pack.data("wh").get("derived_words") or {}
    rx = re.compile("^" + alternation(conf.get("prefixes", [])) + r"\w{2,}"
                    + alternation(conf.get("suffixes", [])) + "$") if conf else None
    least = int(conf.get("min_length", 0))
    common = frozenset(lexicon(pack).common)

    prefixes = sorted((str(p) for p in conf.get("prefixes", [])), key=len, reverse=True)

    def ordinary(word: str) -> bool:
        if word in common:
            return True
        if any(word.startswith(p) and len(word) - len(p) >= 4 and word[len(p):] in common
               for p in prefixes):
            return True  # a prefix on a common word: "petenis", "pesepakbola"
        return rx is not None and len(word) >= least and rx.match(word) is not None

    return ordinary


def _ask_person(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
                pack: Any) -> Asked | None:
    if is_subject(clause, span):
        rest = rest_after_subject(clause, span.end, _particles(pack))
        return Asked(upper_first(q or conf["subject"]) + " " + tidy_question(rest) + "?",
                     span.start, span.end)
    nxt = tokens(clause.text[span.end:])
    if nxt and is_verb_like(nxt[0].text, pack) and only_space(clause.text[span.end: span.end + nxt[0].start]):
        return None  # "menyampaikan Putin berharap ...": subject of an embedded clause
    return maybe_asked(insitu(q or conf["insitu"], clause, (preceding_role(clause, span), span.end),
                          pack), span.start, span.end)



def _ask_date(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
              conf_all: Mapping[str, Any], pack: Any) -> Asked | None:
    preps = conf.get("prepositions", {})
    start, qphrase = span.start, q or conf["front"]
    if after_relative(clause, span, conf_all):
        return None
    if _YEAR.match(span.text) and any(_YEAR.match(s.text) for s in clause.spans
                                      if s.label == DATE and s is not span):
        return None  # "tahun 2017 ada 1.267 ... dan tahun 2016 hanya 1.053": years contrasted
    dw = _date_words(pack)
    prev = words(clause.text[: span.start])[-1:]
    if prev and prev[0].lower() in dw.not_after:
        return None  # "sertifikat ... tertanggal 24 Agustus": a document's date
    if any(w.lower() in dw.copulas for w in words(clause.text)):
        return None  # "Kapan peraih nominasi terbanyak adalah Jackson?": a state, no event
    lead = clause.text[: span.start]
    subs = dw.subordinators
    first = words(lead)[:1]
    if first and first[0].lower() in subs and "," not in lead and "," in clause.text[span.end:]:
        return None  # "Setelah X hengkang pada 2012, tak ada lagi ...": the date is X's
    toks = [t for t in tokens(clause.text[: span.start])]
    end = span.end
    while conf.get("suffixes"):  # "pada Jumat (23/6) malam WIB": each goes with the date
        m = re.match(r"\s+" + alternation(conf["suffixes"]) + r"\b", clause.text[end:], re.IGNORECASE)
        if not m:
            break
        end += m.end()
    alt = dw.alternative_after.match(clause.text, end)
    before_alt = dw.alternative_before.search(clause.text[: span.start])
    if (alt and any(s.label == DATE and s.start == alt.end() for s in clause.spans)) or (
            before_alt and any(s.label == DATE and s.end <= before_alt.start()
                               and len(words(clause.text[s.end: before_alt.start()])) <= 4
                               for s in clause.spans)):
        return None  # "26 Agustus malam waktu setempat atau 27 Agustus pagi WIB": one day, twice
    kinds = dw.kind_words
    if (len(toks) >= 2 and toks[-1].text.lower() in kinds and toks[-2].text.lower() in preps
            and only_space(clause.text[toks[-1].end: start])
            and only_space(clause.text[toks[-2].end: toks[-1].start])):
        start = toks.pop().start  # "pada hari Jumat (5/3)": the kind word goes with the date
    while toks and toks[-1].text.lower() in preps and only_space(clause.text[toks[-1].end: start]):
        word = toks.pop()
        if preps[word.text.lower()] and not q:
            qphrase = preps[word.text.lower()]
        start = word.start
    return Asked(front(qphrase, clause, (start, end), _ordinary(pack)), span.start, span.end)


def _ask_place(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
               pack: Any) -> Asked | None:
    preps = conf.get("prepositions", {})
    toks = tokens(clause.text[: span.start])
    gap, pos = 0, span.start
    for tok in reversed(toks):
        if not only_space(clause.text[tok.end: pos]):
            break
        low = tok.text.lower()
        if low in preps:
            before = toks[toks.index(tok) - 1] if toks.index(tok) > 0 else None
            if before and only_space(clause.text[before.end: tok.start]) and not (
                    is_verb_like(before.text, pack) or in_name(clause, before.start)):
                return None  # "perang di Ukraina", "Kursk di Rusia": the place modifies a noun
            if after_relative(clause, span, pack.data("wh")["wh"]):
                return None
            if not any(is_verb_like(t.text, pack) for t in toks[: toks.index(tok)]
                       if not in_span(clause, t.start)):
                return None  # "kunjungan Lavrov ke Korea Utara menjadi ...": part of the subject
            end = span.end
            while True:  # absorb "di Pyongyang, Korea Utara" / "Kursk di Rusia"
                m = re.match(r"(\s*,\s*|\s+di\s+)", clause.text[end:])
                nxt = [s for s in clause.spans if s.label == PLACE and m and s.start == end + m.end()]
                if not nxt:
                    break
                end = nxt[0].end
            return Asked(front(q or preps[low], clause, (tok.start, end), _ordinary(pack)),
                         span.start, span.end)
        if gap >= conf.get("gap", 3) or tok.text[:1].isupper() or tok.text.isdigit():
            break
        gap += 1
        pos = tok.start
    kind_q = q or conf.get("kinds", {}).get(span.attrs.get("kind", ""))
    if not kind_q:
        return None
    if is_subject(clause, span):
        if "actor_kinds" in conf and span.attrs.get("kind") not in conf["actor_kinds"]:
            return None  # "Kota mana yang memasok senjata ...?": a city stands for its state
        rest = rest_after_subject(clause, span.end, _particles(pack))
        return Asked(upper_first(kind_q) + " " + conf.get("subject_suffix", "") + " "
                     + tidy_question(rest) + "?", span.start, span.end)
    prev = toks[-1] if toks else None
    if prev and is_verb_like(prev.text, pack) and only_space(clause.text[prev.end: span.start]):
        return maybe_asked(insitu(kind_q, clause, (span.start, span.end), pack), span.start, span.end)
    return None



def _ask_org(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
             pack: Any) -> Asked | None:
    heads = conf.get("heads", {})
    qphrase = q
    # its words, or those of its spelled-out name ("KPK": "Komisi Pemberantasan Korupsi")
    for low in (span.text.lower(), span.attrs.get("canonical", "").lower()):
        for head in sorted(heads, key=len, reverse=True):
            if not qphrase and (low == head or low.startswith(head + " ")):
                qphrase = heads[head]
    headed = qphrase is not None
    if is_subject(clause, span):
        # the organisation's kind ("United": a team) names it when its words don't; with
        # neither, "Lembaga apa" would as often ask for a person (JK), a company or a club
        qphrase = qphrase or conf.get("kinds", {}).get(span.attrs.get("kind", ""))
        if not qphrase:
            return None
        rest = rest_after_subject(clause, span.end, _particles(pack))
        return Asked(upper_first(qphrase) + " " + conf.get("subject_suffix", "") + " "
                     + tidy_question(rest) + "?", span.start, span.end)
    if not headed:
        return None  # "PT Wijaya Kusuma milik lembaga apa Cilacap?": only a named kind reads well
    return maybe_asked(insitu(qphrase, clause, (span.start, span.end), pack), span.start, span.end)


def quantity_parts(clause: Clause, span: Span, conf: Mapping[str, Any],
                   number_words: Sequence[str] = ()) -> tuple[int, int, int, str] | None:
    """(answer start, answer end, unit end, unit) of a quantity: the answer is the number
    with a bound that is part of the fact ("lebih dari 10.000"); a hedge ("sekitar",
    "hingga": `hedges`) and the unit ("personel militer") stay out of it."""
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
    if _half_of_range(clause.text, span.start, num_end, conf, number_words):
        return None  # "5,0 hingga 5,1 persen": one end of a range is half the fact
    m = re.search(alternation(conf.get("qualifiers", [])) + r"\s+$", clause.text[: span.start], re.IGNORECASE)
    if m and (m.start() == 0 or not clause.text[m.start() - 1].isalnum()) and not hedge_before(
            clause, span.start, conf)[0]:
        start = m.start()
    else:
        start = _past_hedge(clause, start, num_end, conf, number_words)
    if not any(ch.isdigit() for ch in clause.text[start:num_end]) and not span.norm:
        return None  # "ribuan": nothing to ask for
    return start, num_end, unit_end, unit


def _half_of_range(text: str, start: int, end: int, conf: Mapping[str, Any],
                   number_words: Sequence[str] = ()) -> bool:
    """The number at text[start:end] is one end of a range: another number (digits or one
    of `number_words`) joined to it by a range word (`range_words`: "hingga", "sampai",
    "atau") or a dash, before or after it."""
    joins = alternation([*conf.get("range_words", []), "-", "\u2013"])
    words_ = alternation(number_words) if number_words else "(?!)"
    return bool(re.search(r"(?:\d|\b" + words_ + r")\s*" + joins + r"\s*$", text[:start], re.IGNORECASE)
                or re.match(r"\s*" + joins + r"\s*(?:Rp\s*|US\$\s*|\$\s*)?(?:\d|" + words_ + r"\b)",
                            text[end:], re.IGNORECASE))


def hedge_before(clause: Clause, at: int, conf: Mapping[str, Any]) -> tuple[str, int]:
    """The hedge right before `at` ("sekitar" in "sekitar 6.000") and where it starts;
    ("", at) when there is none."""
    hedges = conf.get("hedges", [])
    m = re.search(r"(?<!\w)" + alternation(hedges) + r"\s+$", clause.text[:at], re.IGNORECASE) \
        if hedges else None
    return (m.group(0).strip(), m.start()) if m else ("", at)


def _past_hedge(clause: Clause, start: int, end: int, conf: Mapping[str, Any],
                number_words: Sequence[str] = ()) -> int:
    """A span that begins with a hedge ("sekitar 70", "kurang lebih dua") starts after it."""
    hedges = conf.get("hedges", [])
    m = re.match(alternation(hedges) + r"\s+", clause.text[start:end], re.IGNORECASE) \
        if hedges else None
    if not m:
        return start
    rest = clause.text[start + m.end():end]
    first = rest.split()[:1]
    if any(c.isdigit() for c in rest) or (first and first[0].lower() in
                                          {w.lower() for w in number_words}):
        return start + m.end()
    return start


def _ask_quantity(clause: Clause, span: Span, conf: Mapping[str, Any], q: str | None,
                  pack: Any) -> Asked | None:
    word = q or conf["word"]
    parts = quantity_parts(clause, span, conf, number_words(pack))
    if parts is None:
        return None
    answer_start, num_end, unit_end, unit = parts
    hedge, start = hedge_before(clause, answer_start, conf)
    fronted_hedge = "" if hedge.lower() in {str(w).lower() for w in conf.get(
        "hedges_not_fronted", [])} else hedge
    qphrase = " ".join(p for p in (fronted_hedge, word, unit) if p)
    toks = tokens(clause.text[:start])
    if not toks or re.fullmatch(r"[\s,]*", clause.text[:start]):
        rest = rest_after_subject(clause, unit_end, _particles(pack))
        copulas = {str(w).lower() for w in pack.data("wh")["wh"].get("copulas", [])}
        if any(w.lower() in copulas for w in words(rest)):
            return None  # "Berapa kontestan lainnya adalah juara ...?"
        return Asked(upper_first(qphrase) + " " + tidy_question(rest) + "?", answer_start, num_end)
    verb = toks[-1]
    pas = passive(verb.text, pack) if only_space(clause.text[verb.end:start]) else None
    if unit and pas:
        subject, aux = subject_and_aux(clause.text[: verb.start], pack)
        labels = tuple(s.label for s in clause.spans)
        if subject and len(words(subject)) <= 8 and not any(
                is_verb_like(w, pack) for w in words(spans_between(clause, 0, len(subject), labels))):
            body = " ".join(p for p in ("yang", aux, pas, lower_first(subject, clause, _ordinary(pack)))
                            if p)
            rest = clause.text[unit_end:]
            return Asked(upper_first(qphrase) + " " + tidy_question(body + rest) + "?",
                         answer_start, num_end)
    return maybe_asked(insitu(" ".join(p for p in (hedge, word) if p), clause, (start, num_end), pack),
                       answer_start, num_end)



def ask(clause: Clause, span: Span, pack: Any, qword: str | None = None) -> Asked | None:
    """The question asking for `span` in `clause`, or None if it cannot be asked well."""
    conf = pack.data("wh")["wh"]
    if span.label not in conf or coordinated(clause, span, pack):
        return None
    if span.label in (DATE, PLACE) and after_reporting_verb(clause, span, conf):
        return None
    if subject_blocked(clause, span, span.end, conf):
        return None
    if re.match(r"[/\u2013-]\w", clause.text[span.end:]):
        return None  # glued to what follows ("Rp 55.000/malam", "1,5-kilogram"): "berapa/malam"
    if span.start > 0 and clause.text[span.start - 1].isalnum():
        return None  # glued to what precedes ("US$ 300" tagged from "$"): "USberapa"
    lab = conf[span.label]
    if span.label == PERSON:
        return _ask_person(clause, span, lab, qword, pack)
    if span.label == DATE:
        return _ask_date(clause, span, lab, qword, conf, pack)
    if span.label == PLACE:
        return _ask_place(clause, span, lab, qword, pack)
    if span.label == QUANTITY:
        return _ask_quantity(clause, span, lab, qword, pack)
    if span.label == ORG:
        return _ask_org(clause, span, lab, qword, pack)
    return None


def _particles(pack: Any) -> tuple[str, ...]:
    """Discourse particles that lean on a subject ("United pun ..."): dropped with it."""
    return tuple(str(w).lower() for w in pack.data("wh")["wh"].get("subject_particles", []))


def _attrs_match(span: Span, wanted: Mapping[str, Any] | None) -> bool:
    return all(span.attrs.get(k) == v for k, v in (wanted or {}).items())


def _short_clause(sentence: Sentence, pack: Any) -> Clause:
    return _shortened(simplify(sentence, pack), pack)


@remember_last(lambda clause, pack: (id(clause), id(pack)))
def _shortened(clause: Clause, pack: Any) -> Clause:
    return shorten(clause, pack, pack.data("wh")["simplify"].get("max_words", 10**6))


@register("wh", params={"label": (str, True), "attrs": (dict, False), "qword": (str, False)},
          doc="Ask for a span of `label` in the simplified clause with a question word.")
def wh(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: Any,
       template: Any) -> list[Candidate]:
    if not any(sp.label == params["label"] for sp in sentence.spans):
        return []
    note_article(article)
    clause = _short_clause(sentence, pack)
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
