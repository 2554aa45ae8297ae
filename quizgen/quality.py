"""Sentence and candidate filters: what a teacher would reject, before ranking.

`reject_reason(candidate, sentence, article, pack)` returns None to keep a candidate or a
short reason ("pronoun: ia", "answer in question", ...). The word lists live in the
pack's `quality.yaml`; `verbs.yaml` tells a verb-like word (a question without one is a
fragment). Quoted speech is left out of the pronoun and demonstrative checks: a quote
keeps its own "kami". With the pack's dependency parser (quizgen/parse.py), an answer
that cuts a unit of the sentence in two is rejected too (`boundary_reason`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from .model import CLOZE, DATE, PLACE, QUANTITY, Article, Candidate, Sentence, Span
from .parse import parse_sentence
from .simplify import alternation, find_word, is_verb_like, name_lists, words

QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
PUNCT = frozenset(",.?;:!")
_WORD = re.compile(r"\w+(?:-\w+)*")  # a word for the pronoun and context checks



@cache
def _conf(pack: Any) -> dict[str, Any]:
    conf = dict(pack.data("quality"))
    for key, value in list(conf.items()):
        if isinstance(value, list):
            conf[key + "_set"] = frozenset(str(v).lower() for v in value)
    conf["_demo_phrases"] = re.compile(r"\b" + alternation(conf.get("demonstrative_phrases", []))
                                       + r"\b", re.IGNORECASE)
    conf["_pairs"] = re.compile(r"\b" + alternation(conf.get("pair_anaphors", []) or ["\x00"])
                                + r"\b", re.IGNORECASE)
    conf["_boiler"] = re.compile(r"^\W*" + alternation(conf.get("boilerplate_starts", []))
                                 + r"\b", re.IGNORECASE)
    from .tagging.lexicon import lexicon  # closed-class words stand before a name

    lex = lexicon(pack)
    conf["_function"] = frozenset(lex.function)
    # words that are no name when capitalised: the pack's common and function words
    conf["_plain"] = frozenset(lex.function) | frozenset(lex.common) | frozenset(
        str(w).lower() for w in conf.get("question_words", []))
    conf["_anaphors"] = re.compile(r"\b" + alternation(conf.get("anaphor_phrases", []) or ["\x00"])
                                   + r"\b", re.IGNORECASE)
    conf["_idioms"] = re.compile(
        r"\b" + alternation(conf.get("number_idioms", []) or ["\x00"]) + r"\b", re.IGNORECASE)
    # a name or a blank right after a noun (a word with the possessive suffix, "lainnya",
    # and a comma may stand between)
    suffix = re.escape(str(conf.get("possessive_suffix", ""))) or "(?!)"
    conf["_named_next"] = re.compile(r"(?:\s+\w+" + suffix + r")?\s*,?\s*(?:"
                                     + re.escape(str(conf.get("blank", "_____"))) + r"|[A-Z])")
    conf["_number_words"] = {str(k).lower(): v for k, v in
                             ((pack.data("quantities") or {}).get("words") or {}).items()}
    conf["_relative_day"] = re.compile(
        r"\b" + alternation(conf.get("relative_day_phrases", []) or ["\x00"]) + r"\b", re.IGNORECASE)
    conf["_anaphor_start"] = re.compile(
        r"^\W*" + alternation(conf.get("anaphor_starts", []) or ["\x00"]) + r"\b", re.IGNORECASE)
    conf["_anaphor_first_noun"] = re.compile(
        r"^\W*\w+\s+" + alternation(conf.get("anaphor_after_first_noun", []) or ["\x00"]) + r"\b",
        re.IGNORECASE)
    conf["_not_fact_start"] = re.compile(
        r"^\W*" + alternation(conf.get("not_fact_starts", []) or ["\x00"]) + r"\b", re.IGNORECASE)
    conf["_clitic_verb_prefixes"] = tuple(
        str(p).lower() for p in conf.get("clitic_verb_prefixes", [])) or ("\x00",)
    conf["_not_possessive_prefixes"] = tuple(
        str(p).lower() for p in conf.get("possessive_not_prefixes", [])) or ("\x00",)
    conf["_default_answers"] = frozenset(_norm(str(a)) for a in conf.get("default_answers", []))
    grammar = conf.get("grammar") or {}
    conf["_grammar"] = {k: frozenset(str(w).lower() for w in grammar.get(k, []))
                        for k in ("coordinators", "conjunctions", "case_prepositions",
                                  "bad_pairs", "after_question_word_ok", "subordinators")}
    return conf


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def _contains(haystack: str, needle: str) -> bool:
    n = _norm(needle)
    return bool(n) and f" {n} " in f" {_norm(haystack)} "


def _spans_in(question: str, sentence: Sentence, cand: Candidate) -> list[tuple[int, Span]]:
    """(position in question, span) for the sentence's spans that appear in the question,
    leaving out the answer span."""
    out = []
    for sp in sentence.spans:
        if sp.start == cand.answer_start and sp.end == cand.answer_end:
            continue
        at = find_word(question, sp.text)
        if at >= 0:
            out.append((at, sp))
    return out


def _unbalanced(text: str) -> bool:
    return (text.count('"') % 2 == 1 or text.count("“") != text.count("”")
            or text.count("(") != text.count(")"))


def _answer_position(question: str, cand: Candidate, conf: dict[str, Any]) -> int | None:
    if cand.answer_label.lower() not in conf["named_labels_set"]:
        return None
    blank = conf.get("blank", "_____")
    if blank in question:
        return question.index(blank)
    m = re.search(r"\b" + alternation(conf.get("question_words", [])) + r"\b", question, re.IGNORECASE)
    return m.start() if m else None


def _after_name(text: str, spans: list[tuple[int, Span]], function: frozenset[str],
                locative: frozenset[str] = frozenset(), plain: frozenset[str] = frozenset(),
                named: frozenset[str] = frozenset()) -> bool:
    """True if text ends with a span's text that stands by itself: "TNGL itu" points to
    the name before it; "klub Prancis itu" points to a club named before (the word before
    the name is a lower-case content word)."""
    tail = text.rstrip()
    roles = [sp.text for _, sp in spans if sp.label == "ROLE" and sp.text]
    if any(tail.endswith(r) for r in roles):
        return False  # "Mantan Ketua Umum DPP KNPI tersebut": the holder, named before
    for _, sp in spans:
        if sp.label.lower() in named and sp.text and tail.endswith(sp.text):
            before = _WORD.findall(tail[: len(tail) - len(sp.text)])
            if before and before[-1].lower() in locative:
                continue  # "kota ... dari Semarang ini": the town is meant, not Semarang
            if not before or before[-1] in function:
                return True
            if not before[-1].islower() and not (
                    len(before) == 1 and before[-1].lower() in plain):
                return True  # a name before it ("Pelabuhan Tanjung Intan itu"), not a
                # noun capitalised as the first word ("Pemain Kroasia ini")
    return False


def _after_locative(text: str, pos: int, conf: dict[str, Any]) -> bool:
    before = _WORD.findall(text[:pos][-12:])
    return bool(before) and before[-1].lower() in conf.get("locative_prepositions_set", ())


def _name_word_near(text: str, at: int, conf: dict[str, Any]) -> bool:
    """A capitalised word that is no plain word (a name the tagger missed: "Marvel Studios,
    melalui bosnya") before `at`, or opening the clause after the comma that follows it
    ("Melihat timnya minim peluang, Montella ..."): what a possessive may stand for."""
    plain = conf["_plain"]
    if any(w[:1].isupper() and w.lower() not in plain for w in _WORD.findall(text[:at])):
        return True
    m = re.match(r"[^,]*,\s*(\w+)", text[at:])
    return bool(m) and m.group(1)[:1].isupper() and m.group(1).lower() not in plain


def _pronoun_reason(question: str, spans: list[tuple[int, Span]], conf: dict[str, Any]) -> str | None:
    bare = QUOTED.sub(lambda m: " " * len(m.group(0)), question)
    bare = conf["_demo_phrases"].sub(lambda m: " " * len(m.group(0)), bare)
    named = conf["named_labels_set"]
    suffix = conf.get("possessive_suffix", "")

    def before(at: int) -> list[Span]:  # the named spans before a word
        return [sp for pos, sp in spans if pos < at and sp.label.lower() in named]

    for m in _WORD.finditer(bare):
        w = m.group(0).lower()
        if w in conf["first_person_set"]:
            return f"pronoun: {w}"
        if w in conf["pronouns_set"]:
            need = 2 if w in conf["plural_pronouns_set"] else 1
            people = [sp for sp in before(m.start()) if sp.label == "PERSON" or need == 2]
            if len(people) < need:
                return f"pronoun: {w}"
        elif w in conf["demonstratives_set"] and not _after_name(
                question[: m.start()], spans, conf["_function"],
                conf.get("locative_prepositions_set", frozenset()), conf["_plain"],
                conf["named_labels_set"]):
            return f"demonstrative: {w}"
        elif (suffix and w.endswith(suffix) and len(w) > len(suffix) + 2
              and w not in conf["possessive_exceptions_set"]
              and not w.startswith(conf["_not_possessive_prefixes"])):
            prev = _WORD.findall(bare[: m.start()])[-1:]
            if prev and prev[0].lower() in conf.get("nominal_clitic_after_set", ()):
                continue  # "Dengan disetujuinya X": the approval of X, no pronoun
            if w.startswith(conf["_clitic_verb_prefixes"]):
                # "menangkapnya", "dibawanya": him, her or it, the object or agent of a
                # verb, stands for something named before it, not where it happened
                if not [pos for pos, sp in spans if pos < m.start()
                        and sp.label.lower() in named and not _after_locative(question, pos, conf)]:
                    return f"pronoun: {w}"
            elif not before(m.start()) and not _name_word_near(bare, m.start(), conf):
                return f"possessive: {w}"
    return None


def mood_reason(text: str, conf: dict[str, Any]) -> str | None:
    """Why the sentence states no fact to learn, or None: a question or exclamation (its
    last mark before closing quotes or brackets), an order or invitation to the reader, a
    judgement or wish (the pack's `not_fact_ends` and `not_fact_starts`)."""
    end = text.rstrip().rstrip("\"'\u201d\u2019)] ")
    if end[-1:] and end[-1] in conf.get("not_fact_ends", []):
        return f"not a statement: ends with '{end[-1]}'"
    m = conf["_not_fact_start"].match(text)
    if m:
        return f"not a statement of fact: opens with '{m.group(0).strip()}'"
    m = conf["_anaphor_start"].match(text) or conf["_anaphor_first_noun"].match(text)
    if m:
        return f"anaphor: opens with '{m.group(0).strip()}'"
    return None


def _anaphor_reason(question: str, spans: list[tuple[int, Span]], answer_label: str,
                    conf: dict[str, Any]) -> str | None:
    """A phrase pointing back at something said before ("di hari yang sama"), or a person
    the story introduced before ("pelaku") in a question that names no person."""
    bare = QUOTED.sub(lambda m: " " * len(m.group(0)), question)
    m = conf["_anaphors"].search(bare)
    if m:
        return f"anaphor: {m.group(0).lower()}"
    toks = list(_WORD.finditer(bare))
    for i, m in enumerate(toks[:-1]):
        nxt = toks[i + 1].group(0)
        if (m.group(0).lower() in conf.get("definite_articles_set", ()) and nxt.islower()
                and not conf["_named_next"].match(bare, toks[i + 1].end())):
            return f"anaphor: {m.group(0).lower()} {nxt} (someone named before)"
        if (i == 0 and m.group(0).lower() in conf.get("definite_things_set", ()) and nxt.islower()
                and nxt.lower() not in conf["question_words_set"]
                and not _cap_near(bare, toks[i + 1].start(), 8)
                and str(conf.get("blank", "_____")) not in bare[toks[i + 1].start():][:60]):
            return f"anaphor: {m.group(0).lower()} (a thing named before)"
    if any(sp.label == "PERSON" for _, sp in spans):
        return None
    counters = conf.get("definite_person_ok_after_set", frozenset()) | conf["question_words_set"]
    for i, m in enumerate(toks):
        t = m.group(0).lower()
        if t not in conf.get("definite_persons_set", ()):
            continue
        prev = toks[i - 1].group(0).lower() if i else ""
        if prev in counters or prev[:1].isdigit():
            continue  # "tiga korban", "berapa pelaku": people counted
        if conf["_named_next"].match(bare, m.end()):
            continue  # "terdakwa _____", "tersangka lainnya, Firza": the person is named
        return f"anaphor: {t} (a person named before)"
    return None


def _answer_given(cand: Candidate, question: str, spans: list[tuple[int, Span]], pack: Any) -> bool:
    if _contains(question, cand.answer):
        return True
    if (cand.answer_label.lower() in _conf(pack)["named_labels_set"] and len(cand.answer) >= 3
            and " " not in cand.answer.strip()
            and any(w != cand.answer and w.startswith(cand.answer) and w[len(cand.answer)].isupper()
                    for w in _WORD.findall(question))):
        return True  # "memesan _____ melalui aplikasi, GrabVenue ..., GrabNow": Grab
    if cand.answer_norm and any(sp.norm == cand.answer_norm for _, sp in spans):
        return True
    if cand.answer_label == "PERSON":
        qwords = {w for w in words(question) if w[:1].isupper()}
        return any(w in qwords for w in words(cand.answer) if len(w) >= 3 and w[:1].isupper())
    if cand.answer_label == PLACE:
        # the place's own name in the question ("Bupati Bogor ... di _____" for "Kab Bogor"),
        # not the words for its kind or direction ("Kabupaten", "Utara")
        kinds = _place_kind_words(pack)
        qwords = {w.lower() for w in words(question) if w[:1].isupper()}
        return any(w.lower() in qwords for w in words(cand.answer)
                   if len(w) >= 3 and w[:1].isupper() and w.lower() not in kinds)
    return False


@cache
def _place_kind_words(pack: Any) -> frozenset[str]:
    """Words of a place name that say its kind or direction, not which place it is (the
    pack's places.yaml `context`, `directions` and quality.yaml `place_kind_words`)."""
    places = pack.data("places") or {}
    out = {str(w).lower() for ws in (places.get("context") or {}).values() for w in ws
           for w in str(w).split()}
    out |= {str(w).lower() for w in places.get("directions", [])}
    return frozenset(out | _conf(pack).get("place_kind_words_set", frozenset()))


def _needs_context(cand: Candidate, question: str, spans: list[tuple[int, Span]],
                   conf: dict[str, Any]) -> bool:
    qwords = {w.lower() for w in words(question)}
    if not qwords & conf["event_verbs_set"]:
        return False
    labels = {sp.label for _, sp in spans}
    if cand.answer_label in conf["context_labels"]:
        return not labels & set(conf["named_labels"])
    return not labels & set(conf["context_labels"])


def _answer_reason(cand: Candidate, conf: dict[str, Any]) -> str | None:
    aw = [w.lower() for w in words(cand.answer)]
    has_digit = any(ch.isdigit() for ch in cand.answer)
    if cand.answer_label == DATE and (set(aw) & conf["relative_date_words_set"]
                                      or (not has_digit and not cand.answer_norm)):
        return "relative date answer"
    if cand.answer_label == DATE and not cand.answer_norm and not re.search(r"\b\d{4}\b", cand.answer):
        return "date answer without a year"

    if cand.answer_label == QUANTITY and not has_digit and aw and aw[0] in conf["vague_quantity_words_set"]:
        return "vague quantity answer"
    if cand.answer_label == QUANTITY and cand.answer.strip().lower() in conf["unit_numbers_set"]:
        return "the number one: part of a phrase ('rekan satu tim', '1 jar') more than a fact"
    if cand.answer_label == PLACE and _norm(cand.answer) in conf["_default_answers"]:
        return "the reader's own country: guessed without the article"
    return None


def _name_lists(sentence: Sentence, conf: dict[str, Any]) -> set[int]:
    """The lengths of the lists of names the sentence gives, joined by commas and the
    pack's list words ("Andre Oktaviansyah, Brylian Aldama dan Hamsah Lestaluhu"; "Jakarta
    Pertamina Energi, Jakarta PGN Popsivo Polwan, dan Gresik Petrokimia"), the names tagged
    or not."""
    out = set()
    roles = [sp for sp in sentence.spans if sp.label == "ROLE"]
    adjunct = conf.get("list_adjunct_words_set", frozenset())
    for items in name_lists(sentence.text, conf.get("name_list_words", [])):
        start, end = items[0][0], items[-1][1]
        if any(sp.start < end and start < sp.end for sp in roles):
            continue  # "Direktur Media dan Hubungan Internasional PSSI": one role's name
        before = _WORD.findall(sentence.text[:start])[-1:]
        if before and before[0].lower() in adjunct:
            continue  # "dua kali seminggu antara Moskow dan Pyongyang": where, not what
        out.add(len(items))
    return {n for n in out if n >= 2}


def _cap_near(text: str, at: int, n: int) -> bool:
    """A capitalised word (a name) among the next n words from `at`."""
    return any(w[:1].isupper() for w in _WORD.findall(text[at:])[:n])


def _count_value(answer: str, conf: dict[str, Any]) -> int | None:
    """The whole number an answer says ("3", "tiga"), or None."""
    text = answer.strip().lower()
    if text.isdigit():
        return int(text)
    value = conf["_number_words"].get(text)
    return int(value) if isinstance(value, (int, float)) and value == int(value) else None


def _in_idiom(cand: Candidate, sentence: Sentence, conf: dict[str, Any]) -> bool:
    """The answer is a number inside one of the pack's `number_idioms`."""
    return any(m.start() <= cand.answer_start and cand.answer_end <= m.end()
               for m in conf["_idioms"].finditer(sentence.text))


def _counts_a_list(cand: Candidate, sentence: Sentence, conf: dict[str, Any]) -> bool:
    """The number counts a list the sentence goes on to give ("lima varian yakni A, B, C,
    D, dan E"; "dua pilihan warna: Hitam dan Putih"): a few words after it, a word that
    introduces a list, or a colon."""
    if cand.answer_label != QUANTITY:
        return False
    after = words(sentence.text[cand.answer_end:])[:6]
    if any(w.lower() in conf["list_introducers_set"] for w in after):
        return True
    value = _count_value(cand.answer, conf)
    if value is not None and value >= 2 and value in _name_lists(sentence, conf):
        return True  # "Tiga gol dicetak oleh Andre, Brylian dan Hamsah": the names count
    m = re.match(r"(?:\s*[\w/-]+){1,4}\s*:", sentence.text[cand.answer_end:])
    return m is not None


def _place_key(norm: str | None, text: str) -> str:
    return norm or _norm(text)


def _setting_reason(cand: Candidate, article: Article, conf: dict[str, Any]) -> str | None:
    """A place the article keeps returning to (its setting: at least `setting_min_mentions`
    mentions, twice as many as any other place; or two such places, in a story between
    two countries) is guessed from the story as a whole, so a blank or question whose
    answer it is tests nothing."""
    least = conf.get("setting_min_mentions")
    if cand.answer_label != PLACE or not least:
        return None
    counts = Counter(_place_key(sp.norm, sp.text) for s in article.sentences for sp in s.spans
                     if sp.label == PLACE)
    ranked = counts.most_common(3) + [("", 0)] * 3
    # one place twice as frequent as any other, or two (a story between two countries)
    # both twice as frequent as the third
    settings = ({ranked[0][0]} if ranked[0][1] >= least and ranked[0][1] >= 2 * ranked[1][1]
                else {ranked[0][0], ranked[1][0]} if ranked[1][1] >= least
                and ranked[1][1] >= 2 * ranked[2][1] else set())
    if _place_key(cand.answer_norm, cand.answer) in settings:
        return "the article's own setting: guessed from the story"
    return None


@lru_cache(maxsize=4096)  # every candidate of a sentence asks of its one statement
def _has_verb(text: str, pack: Any) -> bool:
    """True if a verb-like word stands outside the quotations of `text`."""
    return any(is_verb_like(w, pack) for w in words(QUOTED.sub(" ", text) or text))


def reject_reason(candidate: Candidate, sentence: Sentence, article: Article, pack: Any) -> str | None:
    """Why a teacher would reject this candidate, or None to keep it."""
    conf = _conf(pack)
    q = candidate.question
    n = len(words(q))
    if conf["_boiler"].match(sentence.text):
        return "boilerplate sentence"
    if sentence.text.rstrip().endswith(":"):
        return "introduces what follows ('Berikut ...:'): not a fact by itself"
    reason = mood_reason(sentence.text, conf)
    if reason:
        return reason
    most = conf.get("max_words_cloze" if CLOZE in candidate.kinds else "max_words", 25)
    if n > most:
        return f"too long ({n} words)"
    if n < conf.get("min_words", 4):
        return f"too short ({n} words)"
    if _unbalanced(q) or _unbalanced(candidate.answer):
        return "unbalanced quotes or brackets"
    body = q if CLOZE in candidate.kinds else (candidate.statement or sentence.text)
    if not _has_verb(body, pack):
        return "fragment: no verb"
    spans = _spans_in(q, sentence, candidate)
    pos = _answer_position(q, candidate, conf)
    reason = _pronoun_reason(q, spans + ([(pos, Span(0, 0, candidate.answer_label, ""))]
                                         if pos is not None else []), conf)
    if reason:
        return reason
    reason = _anaphor_reason(q, spans, candidate.answer_label, conf)
    if reason:
        return reason
    if _answer_given(candidate, q, spans, pack):
        return "answer in question"
    if _needs_context(candidate, q, spans, conf):
        return "event without time or place"
    if (candidate.answer_label == DATE and CLOZE not in candidate.kinds
            and conf["_relative_day"].search(QUOTED.sub(" ", q))):
        return "asks when, and says when relative to the writing ('hari ini')"
    if candidate.answer_label == QUANTITY and _in_idiom(candidate, sentence, conf):
        return "a number in an idiom ('pusing tujuh keliling'): no count"
    if _counts_a_list(candidate, sentence, conf):
        return "counts the list that follows: answered by counting"
    reason = (_answer_reason(candidate, conf) or _setting_reason(candidate, article, conf)
              or _pair_reason(q, spans, pos, candidate, conf))
    if reason:
        return reason
    if (candidate.template not in conf["context_exempt_templates_set"]
            and n < conf.get("context_min_words", 0)
            and not any(sp.label == DATE for _, sp in spans)
            and lacks_context(q, sentence, candidate, pack)):
        return "no context: names nothing besides the answer"
    return grammar_reason(q, pack) or boundary_reason(candidate, sentence, pack)


RANGE_LABELS = (QUANTITY, DATE)
DASHES = frozenset("-\u2013\u2014")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d[\d.,]*)\s*(\S+)\s*$")
_NUMBER_AFTER = re.compile(r"\s*(\S+)\s*(\d[\d.,]*\d|\d)(?!\w)")


@cache
def _range_words(pack: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in pack.data("dates").get("range_words", [])) | DASHES


def _range_partner(cand: Candidate, sentence: Sentence, pack: Any) -> Span | None:
    """The other end of a range the answer is one end of ("Rp 12.000 sampai Rp 15.000",
    "10 hingga 15 orang"): a span of the answer's label (a quantity or date), or a bare
    number, joined to the answer's span by one of the pack's range words (dates.yaml
    `range_words`) or a dash."""
    if cand.answer_label not in RANGE_LABELS:
        return None
    own = [sp for sp in sentence.spans if sp.label == cand.answer_label
           and sp.start < cand.answer_end and cand.answer_start < sp.end]
    if len(own) != 1:
        return None
    text, joins, (start, end) = sentence.text, _range_words(pack), (own[0].start, own[0].end)
    for sp in sentence.spans:
        if sp.label == cand.answer_label and sp is not own[0]:
            gap = text[end:sp.start] if sp.start >= end else text[sp.end:start]
            if gap.strip().lower() in joins:
                return sp
    joins = joins | _conf(pack)["alternative_words_set"]  # "lima atau enam kasus"
    for m, number in ((_NUMBER_BEFORE.search(text, 0, start), 1), (_NUMBER_AFTER.match(text, end), 2)):
        if m and m.group(3 - number).lower() in joins and not any(
                sp.start < m.end(number) and m.start(number) < sp.end for sp in sentence.spans):
            return Span(m.start(number), m.end(number), cand.answer_label, m.group(number))
    return None  # a number in a span of its own ("hingga 23 Juni") is no end of this range


_NEAR = 2  # words on each side of an answer that may belong to its unit (punctuation skipped)


def _name_near(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word (not the sentence's first) is among the _NEAR words on
    either side of [start, end): parsing the sentence is needed only then."""
    before = _WORD.findall(text[:start])
    if before and before[0] == text[:len(before[0])] and before[0][1:].islower():
        before = before[1:]  # the sentence's first word is capitalised anyway ("DPP" is not)
    return any(w[:1].isupper() for w in before[-_NEAR:] + _WORD.findall(text[end:])[:_NEAR])


def boundary_reason(cand: Candidate, sentence: Sentence, pack: Any) -> str | None:
    """Why the answer's span cuts a unit of the sentence's parse in two, or None (also
    when the pack has no parser): a name whose other words stay in the question ("Andi"
    of "Andi Wijaya"), one member of a list, one end of a range of numbers or dates
    ("_____ sampai Rp 15.000": no parse needed), a place without its apposition. A word
    in a tagged span of another label may stay outside ("Presiden" before "Joko
    Widodo"): the tagger saw two units there; so may a verb-like word the model took for
    a name ("Diberitakan Kamis (15/9)"). A cloze may leave an apposition beside its
    blank ("di _____, Jawa Tengah": it narrows the place, as people's own questions do);
    a question may not ("Di mana ..., Kecamatan X ...?"). Templates of the pack's
    `boundary_exempt_templates` are not checked."""
    if (cand.answer_end <= cand.answer_start
            or cand.template in _conf(pack).get("boundary_exempt_templates_set", ())):
        return None
    start, end = cand.answer_start, cand.answer_end
    partner = _range_partner(cand, sentence, pack)
    if partner is not None:
        return f"cuts a unit (range: {cand.answer} | {partner.text})"
    if not _name_near(sentence.text, start, end):
        return None  # every unit cut leaves a capitalised word outside, next to the span
    parse = parse_sentence(sentence.text, pack)
    if parse is None:
        return None
    others = [sp for sp in sentence.spans if sp.label != cand.answer_label
              and (sp.end <= start or end <= sp.start)]
    keep = frozenset([w.index for sp in others for w in parse.words_in(sp.start, sp.end)]
                     + [w.index for w in parse.words if is_verb_like(w.text, pack)])
    cuts = [c for c in parse.cuts(start, end, keep)
            if not (CLOZE in cand.kinds and parse.is_apposition(c))]
    return f"cuts a unit ({cuts[0]})" if cuts else None


def _pair_reason(question: str, spans: list[tuple[int, Span]], pos: int | None,
                 cand: Candidate, conf: dict[str, Any]) -> str | None:
    """"kedua negara" needs two names before it in the question (the answer counts)."""
    bare = QUOTED.sub(lambda m: " " * len(m.group(0)), question)
    named = set(conf["named_labels_set"])
    before = [p for p, sp in spans if sp.label.lower() in named] + (
        [pos] if pos is not None else [])
    for m in conf["_pairs"].finditer(bare):
        if len([p for p in before if p < m.start()]) < 2:
            return f"anaphor: {m.group(0).lower()}"
    return None


def grammar_reason(text: str, pack: Any) -> str | None:
    """Why `text` (a question or statement) reads as a broken clause, or None: two
    conjunctions in a row, a dangling conjunction or preposition, two case prepositions in
    a row, a bad pair, or a question word followed by a comma, preposition or conjunction
    (the lists are the pack's `quality.yaml` `grammar`)."""
    conf = _conf(pack)
    g = conf["_grammar"]
    bare = QUOTED.sub(" ", text)
    toks = [t.lower() for t in re.findall(r"\w+(?:-\w+)*|[,.?;:!]", bare)]
    if toks and toks[0] in g["subordinators"] and "," not in toks:
        return f"grammar: a '{toks[0]}' clause without its main clause"
    for a, b in zip(toks, toks[1:] + ["."]):
        if a in g["conjunctions"] and b in g["coordinators"]:
            return f"grammar: {a} {b}"
        if (a in g["conjunctions"] or a in g["case_prepositions"]) and b in PUNCT:
            return f"grammar: dangling {a}"
        if a in g["case_prepositions"] and b in g["case_prepositions"]:
            return f"grammar: {a} {b}"
        if f"{a} {b}" in g["bad_pairs"]:
            return f"grammar: {a} {b}"
        if a in conf["question_words_set"] and b not in g["after_question_word_ok"] and (
                b == "," or b in g["case_prepositions"] or b in g["conjunctions"]):
            return f"grammar: {a} {b}"
    return _fronted_phrase_reason(re.findall(r"\w+(?:[-.]\w+)*|[,.?;:!]", bare), conf, pack)


def _fronted_phrase_reason(toks: list[str], conf: dict[str, Any], pack: Any) -> str | None:
    """A question that opens with its question phrase and then a phrase without a verb set
    off by a comma ("Kapan Puncaknya, Douglas ...?", "Kapan tepat pukul 10.00 WIB, Jefri
    ...?"): the opener of the sentence was left in front of its clause."""
    qwords = conf["question_words_set"]
    at = next((i for i, t in enumerate(toks[:3]) if t.lower() in qwords), None)
    if at is None or "," not in toks[at + 1:]:
        return None
    comma = toks.index(",", at + 1)
    between = [t for t in toks[at + 1: comma] if t not in PUNCT]
    after = toks[comma + 1:]
    appos = next((i for i, t in enumerate(after) if not t[:1].isupper()), len(after))
    if 0 < appos <= 4 and appos < len(after) and after[appos] == ",":
        return None  # ", Roger Federer," / ", Hukum, dan Keamanan": an apposition or a list
    if 0 < len(between) <= 6 and not any(is_verb_like(t, pack) for t in between):
        return (f"grammar: '{toks[at]} {' '.join(between)},': an opener left before its "
                f"clause")
    return None


def _plain_words(pack: Any) -> frozenset[str]:
    """Lower-case words that are no name when capitalised: the pack's common and function
    words and question words."""
    return _conf(pack)["_plain"]


def lacks_context(text: str, sentence: Sentence, cand: Candidate, pack: Any) -> bool:
    """True if `text` names nothing besides the answer: no span of the pack's
    `named_labels` and no capitalised word that is not a common word (the tagger misses
    some names: "United", "Fabianski")."""
    named = _conf(pack)["named_labels_set"]
    if any(sp.label.lower() in named for _, sp in _spans_in(text, sentence, cand)):
        return False
    rest = text.replace(cand.answer, " ") if cand.answer else text
    plain = _plain_words(pack)
    return not any(w[:1].isupper() and w.lower() not in plain
                   for w in _WORD.findall(QUOTED.sub(" ", rest)))


def statement_reason(cand: Candidate, sentence: Sentence, pack: Any) -> str | None:
    """Why the candidate's true/false statement should not be used, or None."""
    if not cand.statement:
        return None
    if cand.template not in _conf(pack)["context_exempt_templates_set"] and lacks_context(
            cand.statement, sentence, cand, pack):
        return "statement without context"
    return grammar_reason(cand.statement, pack)
