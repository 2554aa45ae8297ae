"""Cloze deletion: blank a salient span of a (simplified) sentence.

The sentence is simplified first (quizgen/simplify.py); a short sentence mostly stays
whole. Spans of the `labels` param are blanked in that order of
preference (then by position), at most `max` per sentence; a span whose entity appears
again in the text is not blanked (the text would give it away), and a quantity loses
only its number and qualifier ("mengirim _____ personel militer").

A place of a kind listed in `place_needs_preposition` (countries) is blanked only where it
is the place of something: after a word of `place_after` with at most the pack's WH
`PLACE.gap` lower-case words between ("ke _____", "menuju _____"), or set off by a comma
after another name ("Universitas Padjajaran, _____, Jawa Barat"). A country that modifies
a noun ("tindakan _____", "tentara dan rakyat _____") is often guessed from the other words:
its prior is multiplied by `weak_place_factor` (0 or absent: no such blank).

Template params: `labels` (list of span labels, in order of preference), `max` (int,
default 2), `blank` (str, default "_____"), `place_needs_preposition` (list of place
kinds), `place_after` (list of words), `weak_place_factor` (float).
"""

from __future__ import annotations

import re
from functools import cache
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import DATE, ORG, PERSON, PLACE, QUANTITY, Article, Candidate, Sentence
from ..simplify import name_lists, simplify
from ..tagging.lexicon import lexicon
from . import register
from .facts import fact_key, span_key, upper_first
from .wh import number_words, quantity_parts

DEFAULT_LABELS = [QUANTITY, DATE, PLACE, PERSON, ORG]


def _place_of_something(clause: Any, span: Any, after: list[str], pack: Any) -> bool:
    text, start = clause.text, span.start
    if re.search(r",\s*$", text[:start]) and any(
            s.end <= start and re.fullmatch(r"\s*,\s*", text[s.end:start]) for s in clause.spans):
        return True  # "Missouri, _____", "Universitas Padjajaran, _____"
    gap = pack.data("wh")["wh"][PLACE].get("gap", 3)
    preps = {p.lower() for p in after}
    toks = list(re.finditer(r"[\w-]+", text[:start]))
    for k, m in enumerate(reversed(toks[-(gap + 3):])):
        word = m.group(0)
        if word.lower() in preps:
            return True
        chained = text[m.end():].lstrip().startswith(",")  # "dari Missouri, _____"
        if k >= gap or not (word.islower() or chained):
            return False
    return False


def _common(lex: Any) -> frozenset[str]:
    return frozenset(lex.common - lex.particles)


def _name_fragment(clause: Any, start: int, end: int, common: frozenset[str] | set[str] = frozenset()) -> bool:
    """The blank is a piece of a longer name or compound: a capitalised word joined to it
    by "/", "-" or a dash ("Rusia-Korea Utara", "SUV/Crossover"), or by a space when the
    word is in no span ("kantor PM Singapura" where only PM is tagged); the clause's first
    word only when it is no common word (`common`, less name particles: "Del _____" for
    Del Potro)."""
    text = clause.text
    inside = [(s.start, s.end) for s in clause.spans]

    def free(at: int) -> bool:
        return not any(a <= at < b for a, b in inside)

    if re.match(r" [-\u2013] [A-Z]", text[end:]) or re.search(r"[A-Z]\w* [-\u2013] $", text[:start]):
        return True  # "Oxlade - _____": a double name the source spaced around its hyphen
    nxt = re.match(r"([ /\u2013-])(\w)", text[end:])
    if nxt and nxt.group(2).isupper() and (nxt.group(1) != " " or free(end + 1)):
        return True
    prev = re.search(r"(\w[\w.]*)([ /\u2013-])$", text[:start])
    if not (prev and prev.group(1)[:1].isupper()):
        return False
    if prev.group(2) != " ":
        return True  # "Marcus/_____", "Rusia-_____": even as the clause's first word
    if not text[:prev.start()].strip():  # the clause's first word: capitalised by position,
        return prev.group(1).lower() not in common  # unless no common word ("Del _____")
    return free(prev.start())


def _attribution_words(pack: Any) -> tuple[list[str], list[str]]:
    quotes = pack.data("quotes") or {}
    return ([str(w).casefold() for w in quotes.get("after_verbs", [])],
            [str(w).casefold() for w in quotes.get("according", [])])


def _attributed_speaker(sentence: Sentence, span: Any, pack: Any) -> bool:
    """The span (of the sentence) names who said or reported it: right after a reporting
    verb ("..., tulis Elgort") or closing an opening "menurut ..." phrase ("Menurut Kepala
    Departemen X, Cora Yim, ..."). That is the attribution, not the fact; blanking it asks
    who was quoted."""
    after_verbs, according = _attribution_words(pack)
    before = sentence.text[:span.start].rstrip().casefold()
    if any(before == w or before.endswith((" " + w, "," + w, "\"" + w, "\u201d" + w))
           for w in after_verbs + according):
        return True
    lead = before.lstrip(" \"\u201c'")
    opener = next((w for w in according if lead == w or lead.startswith(w + " ")), None)
    if opener is None or len(lead.split()) > 15:
        return False
    phrase = lead[len(opener):]  # the source named so far: at most a role and a comma
    return ((phrase.count(",") == 0 or (phrase.count(",") == 1 and phrase.endswith(",")))
            and sentence.text[span.end:].lstrip().startswith(","))


def _in_citation(sentence: Sentence, span: Any, pack: Any) -> bool:
    """A span in the tail that cites a quote ('"...," ujar X saat dihubungi, Jakarta, Senin
    malam'): who said it, when and where, not what happened."""
    before = sentence.text[:span.start]
    marks = before.count('"')
    close = before.rfind('"') if marks >= 2 and marks % 2 == 0 else -1
    close = max(close, before.rfind("\u201d"))
    if close < 0:
        return False  # no quotation closes before the span
    after_verbs, _ = _attribution_words(pack)
    tail = before[close + 1:].casefold()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", tail) for w in after_verbs)


def _place_after_place(clause: Any, span: Any) -> bool:
    """A place set after another place or a named building by a comma ("BSI Cengkareng,
    Jakarta Barat"; "Apartemen Season City Tower C, Jakarta Barat"; "Pengadilan Negeri
    Tipikor, Jakarta Pusat"): where the first one lies, an aside to the sentence's fact."""
    if span.label != PLACE:
        return False
    m = re.search(r"(\w+)\s*,\s*$", clause.text[:span.start])
    if not m:
        return False
    if any(s.label == PLACE and s.end == m.end(1) for s in clause.spans):
        return True
    # a capitalised name (tagged or not) right before the comma, not the clause's opener
    return m.group(1)[:1].isupper() and clause.text[:m.start(1)].strip() != "" and bool(
        re.search(r"[A-Z]\w*(?:\s+[A-Z0-9]\w*)*\s*$", clause.text[:m.end(1)]))


@cache
def _list_words(pack: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Name particles (names.yaml `particles`) and the words that may follow a list's last
    list word (wh.yaml `list_closers`)."""
    if pack is None:
        return (), ()
    return (tuple(str(w) for w in (pack.data("names") or {}).get("particles", [])),
            tuple(str(w) for w in (pack.data("wh") or {}).get("list_closers", [])))


def _list_member(clause: Any, span: Any, list_words: list[str], pack: Any = None) -> bool:
    """The span is one of three or more spans of its label in a row, joined by commas or
    a list word ("Paranoid London, Afrikan Boy, Thomas Bullock dan Direct Action")."""
    words = "|".join(map(re.escape, list_words)) or "(?!)"
    join = re.compile(rf"\s*,\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+")
    same = sorted((s for s in clause.spans if s.label == span.label), key=lambda s: s.start)
    runs: list[list[Any]] = []
    for s in same:
        if runs and join.fullmatch(clause.text[runs[-1][-1].end:s.start]):
            runs[-1].append(s)
        else:
            runs.append([s])
    if any(len(run) >= 3 and any(s is span for s in run) for run in runs):
        return True
    return _named_run_member(clause.text, span.start, span.end, list_words, pack)


def _named_run_member(text: str, start: int, end: int, list_words: Sequence[str],
                      pack: Any = None) -> bool:
    """The span is one of three or more names of a list (simplify.name_lists), whatever
    their tags: the tagger types list members apart ("Birdshot, Canola, EWA, I America,
    ... dan A Woman ..." are films; "Lorenzo, Maverick Vinales, dan terakhir Johann Zarco")."""
    particles, closers = _list_words(pack)
    for items in name_lists(text, list_words, particles, closers):
        if items[0][0] <= start and end <= items[-1][1]:
            return len(items) >= 3 and (start, end) in items
    return False


@register("cloze", params={"labels": (list, False), "max": (int, False),
                           "blank": (str, False), "place_needs_preposition": (list, False),
                           "place_after": (list, False), "weak_place_factor": (float, False),
                           "list_words": (list, False)},
          doc="Blank up to `max` salient spans of the sentence, one candidate each.")
def cloze(sentence: Sentence, article: Article, params: Mapping[str, Any], pack: Any,
          template: Any) -> list[Candidate]:
    labels = list(params.get("labels") or DEFAULT_LABELS)
    if not any(s.label in labels for s in sentence.spans):
        return []  # simplifying deletes spans, never adds one
    blank = params.get("blank", "_____")
    clause = simplify(sentence, pack)
    base = clause
    statement = upper_first(clause.text) + "."
    keys = [span_key(s) for s in base.spans]
    order = sorted(
        (i for i, s in enumerate(base.spans) if s.label in labels and keys.count(keys[i]) == 1),
        key=lambda i: (labels.index(base.spans[i].label), base.spans[i].start))
    out: list[Candidate] = []
    for i in order:
        span, orig = base.spans[i], base.origin[i]
        start, end = span.start, span.end
        prior = template.prior
        if span.label == PLACE and span.attrs.get("kind") in params.get(
                "place_needs_preposition", []) and not _place_of_something(
                    base, span, params.get("place_after", []), pack):
            prior *= params.get("weak_place_factor", 0.0)
            if prior <= 0:
                continue
        if span.label == QUANTITY:
            parts = quantity_parts(base, span, pack.data("wh")["wh"][QUANTITY], number_words(pack))
            if parts is None:
                continue
            start, end = parts[0], parts[1]
        if any(s.start < end and start < s.end and s is not span and s.label in labels
               for s in base.spans if s.label != "ROLE") and span.label != QUANTITY:
            continue  # nested or overlapping spans: blanking one leaves half of the other
        if (start > 0 and (base.text[start - 1].isalnum() or base.text[start - 1] in "@#")
                or re.match(r"[\w]", base.text[end:end + 1])):
            continue  # "US_____", "@_____twt": the blank would be half of one word
        if span.label != QUANTITY and re.match(r"[\u2013-]\w", base.text[end:]):
            continue  # "JAK-mikro": the blank would be half of one word
        if _name_fragment(base, start, end, lexicon(pack).derived("common_not_particles", _common)):
            continue  # "kantor PM Singapura", "GPU ARM Mali": a piece of a longer name
        if _in_citation(sentence, orig, pack):
            continue  # '"...," ujar X, Jakarta, Senin malam': who, when, where it was said
        if span.label == PLACE and _place_after_place(base, span):
            continue  # "di BSI Cengkareng, _____": where the other place lies
        if _attributed_speaker(sentence, orig, pack):
            continue  # "menurut _____", "tulis _____": who was quoted, not what happened
        if _list_member(base, span, params.get("list_words", []), pack):
            continue  # one of several names in a row: guessable and not worth asking
        text = base.text[:start] + blank + base.text[end:]
        text = upper_first(text.strip())
        if text[-1:] not in ".?!\"”'’":
            text += "."
        s, e = base.sentence_range(start, end)
        out.append(Candidate(
            template=template.id, kinds=list(template.kinds), question=text,
            answer=sentence.text[s:e], article=article.id, sentence=sentence.index,
            answer_start=s, answer_end=e, answer_label=span.label, answer_norm=orig.norm,
            fact=fact_key(base, span, pack), prior=prior, statement=statement,
            slots={"answer": orig}))
        if len(out) >= params.get("max", 2):
            break
    return out


__all__ = ["cloze"]
