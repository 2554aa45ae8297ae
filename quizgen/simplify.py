"""Simplify a tagged sentence into a short, self-contained clause.

Simplification only deletes characters of the sentence, so every kept character (and every
kept span) maps back to its offset in the sentence. The rules are phrase lists in the
language pack's `wh.yaml` (section `simplify`); this module turns them into deletions:

- leading discourse phrases ("Lebih lanjut,"), leading attribution or framing phrases up
  to the first comma ("Menurut KCNA,"; "Dalam pertemuan tersebut," unless it holds a date
  or place), report frames ("Laporan media ... menyebut bahwa");
- trailing attribution (", kata Lavrov"; "menurut laporan ..."), appositive or
  subordinate clauses after a comma (", sebuah kota ..."), parentheticals, and discourse
  adverbs that point back to earlier sentences.

A deletion that would cut a span in two is not made.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from itertools import compress
from typing import Any, TypeVar

from .model import Sentence, Span

R = TypeVar("R")

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

Range = tuple[int, int]
Rule = Callable[[str, list[Span]], list[Range]]


@dataclass
class Clause:
    """A simplified sentence: its text, its surviving spans, and where each char came from."""

    text: str
    spans: list[Span]  # copies of the sentence's spans, offsets in `text`
    origin: list[Span]  # origin[i] is the sentence span that spans[i] copies
    offsets: list[int]  # offsets[i] = offset in the sentence text of text[i]
    sentence: Sentence

    def sentence_range(self, start: int, end: int) -> Range:
        """Offsets in the sentence of the clause text[start:end]."""
        return self.offsets[start], self.offsets[end - 1] + 1


def words(text: str) -> list[str]:
    """The word tokens of a text (letters, digits, inner hyphens and apostrophes)."""
    return WORD_RE.findall(text)


def _wordchar(c: str) -> bool:
    return c.isalnum() or c == "_"  # what the regex class \w matches


def find_word(text: str, needle: str) -> int:
    r"""Where `needle` first occurs in `text` with no word character right before or after
    it (the regex (?<!\w)needle(?!\w), without compiling one per needle), or -1."""
    if not needle:
        m = re.search(r"(?<!\w)(?!\w)", text)
        return m.start() if m else -1
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if not (i and _wordchar(text[i - 1])) and not (j < len(text) and _wordchar(text[j])):
            return i
        i = text.find(needle, i + 1)
    return -1


@lru_cache(maxsize=64)
def _name_list_re(joiners: tuple[str, ...], particles: tuple[str, ...], closers: tuple[str, ...]
                  ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words_ = alternation(joiners) or "(?!)"
    parts = alternation(particles) or "(?!)"
    after = alternation(closers) or "(?!)"
    # a name: capitalised words, with the lower-case particles of names ("van", "bin")
    name = rf"(?-i:[A-Z][\w.'&/-]*)(?:\s+(?:(?-i:[A-Z0-9][\w.'&/-]*)|{parts}))*"
    # the list word before the last name, and a word that may follow it ("dan terakhir")
    last = rf"(?:\s*,?\s+(?:{words_})\s+(?:(?:{after})\s+)?)"
    return (re.compile(rf"{name}(?:\s*,\s*{name})*{last}{name}", re.IGNORECASE),
            re.compile(rf"(?:{last}|\s*,\s*)", re.IGNORECASE))


def name_lists(text: str, joiners: Sequence[str], particles: Sequence[str] = (),
               closers: Sequence[str] = ()) -> list[list[tuple[int, int]]]:
    """The lists of capitalised names in `text`, tagged or not: names joined by commas,
    the last after one of `joiners` ("A, B dan C"; "A, B, dan terakhir C" with `closers`),
    each list as its names' (start, end). Names after commas alone are an address
    ("Kendal, Jawa Tengah"), and "A dan B, C" ends its list at B."""
    run_re, sep_re = _name_list_re(tuple(joiners), tuple(particles), tuple(closers))
    out = []
    for m in run_re.finditer(text):
        items, pos = [], m.start()
        for piece in sep_re.split(m.group(0)):
            if piece:
                at = text.index(piece, pos)
                items.append((at, at + len(piece)))
                pos = at + len(piece)
        out.append(items)
    return out


def alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    return _alternation(tuple(phrases))


@lru_cache(maxsize=1024)
def _alternation(phrases: tuple[str, ...]) -> str:
    alts = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in alts)
    if not alts:
        return "(?:" + body + ")"
    # The lookahead on the phrases' first characters accepts the same texts; it lets the
    # regex engine pass over a position where no phrase starts without trying each one.
    firsts = "".join(sorted({re.escape(p[0]) for p in alts}))
    return "(?=[" + firsts + "])(?:" + body + ")"


def _cuts_span(rng: Range, spans: list[Span]) -> bool:
    s, e = rng
    return any(s < sp.end and sp.start < e and not (s <= sp.start and sp.end <= e) for sp in spans)


def _has_label(rng: Range, spans: list[Span], labels: Sequence[str]) -> bool:
    s, e = rng
    return any(sp.label in labels and s <= sp.start and sp.end <= e for sp in spans)


def _regex_rule(pattern: str, *, lead: str = "", min_start: int = 0,
                keep_if: Sequence[str] = (), max_words: int | None = None) -> Rule:
    """A rule deleting the matches of `lead + pattern`. A text where `pattern` alone
    matches nowhere has no match: it is passed over without trying `lead` (white space,
    say) at every position."""
    rx = re.compile(lead + pattern, re.IGNORECASE | re.DOTALL)
    core = re.compile(pattern, re.IGNORECASE | re.DOTALL) if lead else None

    def rule(text: str, spans: list[Span]) -> list[Range]:
        out: list[Range] = []
        if core is not None and not core.search(text):
            return out
        n_words = None
        for m in rx.finditer(text):
            rng = (m.start(), m.end())
            if min_start and (m.start() < min_start
                              or len(words(text[: m.start()])) < min_start):
                continue
            n_match = len(words(m.group(0)))
            if max_words is not None and n_match > max_words:
                continue
            if keep_if and _has_label(rng, spans, keep_if):
                continue
            if n_words is None:
                n_words = len(words(text))
            if n_words - n_match < 3:
                continue  # never reduce a clause to almost nothing
            out.append(rng)
        return out

    return rule


def _verb_clause_rule(pack: Any) -> Rule:
    rx = re.compile(r",(?!\d)\s*(\w+)[^\"“”]*$")

    def rule(text: str, spans: list[Span]) -> list[Range]:
        m = rx.search(text)
        if not m or not is_verb_like(m.group(1), pack) or len(words(text[: m.start()])) < 4:
            return []
        if any(sp.start <= m.start(1) < sp.end for sp in spans):
            return []
        return [(m.start(), m.end())]

    return rule


def _correlative_rule(pairs: Sequence[Any]) -> Rule:
    """"X tidak hanya A, tetapi juga B": keep "X A" (the first conjunct)."""
    compiled = [(re.compile(r"(?<!\w)" + alternation(p["first"]) + r"\s+", re.IGNORECASE),
                 re.compile(r"[\s,]*\b" + alternation(p["second"]) + r"\b[^,]*", re.IGNORECASE))
                for p in pairs]

    def rule(text: str, spans: list[Span]) -> list[Range]:
        for first, second in compiled:
            a = first.search(text)
            b = second.search(text, a.end()) if a else None
            if a and b:
                return [(a.start(), a.end()), (b.start(), b.end())]
        return []

    return rule


def _demonstrative_rule(pack: Any, conf: Mapping[str, Any]) -> Rule:
    """A demonstrative after a noun phrase that holds a name ("pameran produk UMKM
    berskala nasional itu", "Pelabuhan Tanjung Intan tersebut") is dropped: the phrase says
    by itself what it points at. Kept after a phrase without a name ("kibordis cilik ini"),
    one with a generic noun anywhere in it ("hal itu", "mantan penyerang Montpellier itu",
    "kota itu"), or a time word, where "ini" means now ("musim ini"): there only the
    earlier sentence says what is meant."""
    demo = re.compile(r"\s+" + alternation(conf["words"]) + r"\b(?!-)", re.IGNORECASE)
    generic = frozenset(str(w).lower() for w in conf.get("generic_heads", []))
    words_ = frozenset(str(w).lower() for w in conf["words"])
    closers = frozenset(str(w).lower() for w in conf.get("relative_words", []))
    phrases = [str(p) for p in conf.get("fixed_phrases", [])]
    fixed = re.compile(r"(?<!\w)" + alternation(phrases) + r"$", re.IGNORECASE) if phrases else None
    from .tagging.lexicon import lexicon  # the pack's closed-class words end a phrase

    stops = lexicon(pack).function | frozenset(str(w).lower() for w in conf.get("stop_words", []))
    least = int(conf.get("min_phrase_words", 2))

    def rule(text: str, spans: list[Span]) -> list[Range]:
        out: list[Range] = []
        for m in demo.finditer(text):
            if fixed is not None and fixed.search(text[: m.end()]):
                continue  # "baru-baru ini", "hingga kini": a phrase, not a pointer
            base = text[: m.start()].rfind(",") + 1
            found = list(WORD_RE.finditer(text, base, m.start()))
            segment = [f.group(0) for f in found]
            if any(w.lower() in closers for w in segment):
                continue  # "Hakim yang memblokir ... itu memperpanjang": it closes a subject
            phrase: list[str] = []
            at: list[int] = []
            opens = base == 0  # segment[0] is capitalised by position
            for i in range(len(segment) - 1, -1, -1):
                w = segment[i]
                low = w.lower()
                if low in stops or low in words_ or is_verb_like(low, pack) or w[0].isdigit():
                    break
                if w[0].isupper() and any(x[0].islower() for x in phrase) and not (
                        i == 0 and opens):
                    break  # a name before lower-case words ends an earlier phrase ("BPS")
                phrase.insert(0, w)
                at.insert(0, found[i].start())
            if len(phrase) < least or generic & {w.lower() for w in phrase}:
                continue
            # a name that says which thing is meant: not a place that only describes it
            # ("Playmaker Brasil itu", "klub Prancis itu": which one?), unless the phrase
            # itself is a name ("Pelabuhan Tanjung Intan tersebut")
            named = [a for w, a in zip(phrase[1:], at[1:]) if w[0].isupper()
                     and not any(sp.label == "PLACE" and sp.start <= a < sp.end for sp in spans)]
            itself = phrase[0][0].isupper() and not (opens and at[0] == found[0].start())
            if named or (itself and any(w[0].isupper() for w in phrase[1:])):
                out.append((m.start(), m.end()))
        return out

    return rule


@cache
def rules(pack: Any) -> list[Rule]:
    """The deletion rules of a language pack, compiled once."""
    conf = pack.data("wh")["simplify"]
    out: list[Rule] = []
    if conf.get("leading_phrases"):
        out.append(_regex_rule(r"^\s*" + alternation(conf["leading_phrases"]) + r"\b\s*,?\s*"))
    if conf.get("list_numbering"):  # "1. Panitia Pelaksana ...": an item of a numbered list
        out.append(_regex_rule(r"^\s*\d{1,2}[.)]\s+(?=[A-Z])"))
    if conf.get("leading_phrases_before_comma"):
        out.append(_regex_rule(r"^\s*" + alternation(conf["leading_phrases_before_comma"])
                               + r"\s*,(?!\d)\s*"))
    for group in conf.get("leading_to_comma", []):
        # with the name set off after the role ("Menurut Kepala Departemen X, Cora Yim, ..."):
        # up to four capitalised words between two commas go with the phrase
        name = r"(?:(?-i:[A-Z][\w.'-]*)(?:\s+(?-i:[A-Z][\w.'-]*)){0,3}\s*,(?!\d)\s*)?" \
            if group.get("with_name") else ""
        out.append(_regex_rule(
            r"^\s*" + alternation(group["heads"]) + r"\b[^,\"“”]*?,(?!\d)\s*" + name,
            keep_if=group.get("keep_if", []), max_words=group.get("max_words")))
    lead_attr = conf.get("leading_attribution")
    if lead_attr:
        out.append(_regex_rule(
            r"^\s*(?:[^,\"“”]*?,\s*)?[^,\"“”]*?\b" + alternation(lead_attr["verbs"])
            + r"\s*,(?!\d)\s*", max_words=lead_attr.get("max_words")))
    frames = conf.get("report_frames")
    if frames:
        comp = frames.get("complementiser")
        out.append(_regex_rule(
            r"^\s*" + alternation(frames["heads"]) + r"\b(?:\s+[^\s,]+){0,%d}?\s+" % frames["max_words"]
            + alternation(frames["verbs"]) + r"\b\s*" + (rf"(?:{re.escape(comp)}\b\s*)?" if comp else "")))
    if conf.get("trailing_attribution_after_comma"):
        out.append(_regex_rule(
            r",(?!\d)\s*" + alternation(conf["trailing_attribution_after_comma"]) + r"\b.*$",
            min_start=2))
    if conf.get("trailing_attribution"):
        out.append(_regex_rule(
            r"\b" + alternation(conf["trailing_attribution"]) + r"\b.*$", lead=r"[\s,]*",
            min_start=3))
    if conf.get("trailing_clause_after_comma"):
        out.append(_regex_rule(
            r",(?!\d)\s*" + alternation(conf["trailing_clause_after_comma"]) + r"\b[^,]*(?:,(?!\d)|$)",
            min_start=2))
    if conf.get("drop_trailing_verb_clause"):
        out.append(_verb_clause_rule(pack))
    if conf.get("correlatives"):
        out.append(_correlative_rule(conf["correlatives"]))
    if conf.get("drop_phrases"):
        out.append(_regex_rule(r"\b" + alternation(conf["drop_phrases"]) + r"\b", lead=r"\s*",
                               min_start=1))
    if conf.get("demonstratives"):
        out.append(_demonstrative_rule(pack, conf["demonstratives"]))
    if conf.get("drop_parentheses"):
        out.append(_regex_rule(r"\([^()]*\)", lead=r"\s*"))
    if conf.get("drop_words"):
        kept_after = "".join(rf"(?<!\b{re.escape(str(w))} )" for w in conf.get("drop_words_kept_after", []))
        out.append(_regex_rule(r"(?<!\S)" + kept_after + alternation(conf["drop_words"]) + r"\b\s*",
                               min_start=1))
    return out


# Whitespace and punctuation tidying after deletions; these may touch span interiors. Each
# pattern matches at least one character.
_TIDY = [
    re.compile(r"(?<=\s)\s+"),
    re.compile(r"\s+(?=[,.;:!?)])"),
    re.compile(r"(?<=\()\s+"),
    re.compile(r"^[\s,;:.\-–—]+"),
    re.compile(r"[\s,;:\-–—]+$"),
    re.compile(r"(?<!\.)\.$"),
    re.compile(r"(?<=,)[\s,]*,"),
]


def _project(text: str, keep: list[bool]) -> tuple[str, list[int]]:
    return "".join(compress(text, keep)), list(compress(range(len(text)), keep))


def _cut(text: str, offsets: list[int], ranges: Sequence[Range]) -> tuple[str, list[int]]:
    """`text` and its `offsets` without the given ranges (ascending, disjoint)."""
    pieces: list[str] = []
    kept: list[int] = []
    at = 0
    for s, e in ranges:
        pieces.append(text[at:s])
        kept += offsets[at:s]
        at = e
    pieces.append(text[at:])
    kept += offsets[at:]
    return "".join(pieces), kept


def _index(offsets: list[int], offset: int) -> int | None:
    """Where a kept sentence offset is in the clause (offsets ascend), or None."""
    i = bisect_left(offsets, offset)
    return i if i < len(offsets) and offsets[i] == offset else None


def _spans_in(offsets: list[int], spans: list[Span]) -> list[tuple[int, int, Span]]:
    """(start, end in current offsets, original) for each span whose ends are both kept."""
    out = []
    for sp in spans:
        start, last = _index(offsets, sp.start), _index(offsets, sp.end - 1)
        if start is not None and last is not None:
            out.append((start, last + 1, sp))
    return out


def delete_ranges(sentence: Sentence, ranges: Sequence[Range], keep: list[bool] | None = None
                  ) -> Clause:
    """The clause left after deleting ranges (sentence offsets), then tidying."""
    keep = list(keep) if keep is not None else [True] * len(sentence.text)
    for s, e in ranges:
        for i in range(s, e):
            keep[i] = False
    return _tidy(sentence, keep)


def _tidy(sentence: Sentence, keep: list[bool]) -> Clause:
    """The clause of the kept characters, tidied: up to four rounds, each deleting the
    matches of the first _TIDY pattern that matches."""
    cur, offsets = _project(sentence.text, keep)
    for _ in range(4):
        for rx in _TIDY:
            if rx.search(cur):
                cur, offsets = _cut(cur, offsets, [m.span() for m in rx.finditer(cur)])
                break
        else:
            break
    pairs = _spans_in(offsets, sentence.spans)
    if not any(s == 0 for s, _, sp in pairs if sp.label in ("ORG", "PERSON", "PLACE")):
        cur = _fix_lede_case(cur)  # not an acronym the tagger named ("PVMBG mengatakan")
    spans = [Span(s, e, sp.label, cur[s:e], sp.norm, sp.attrs) for s, e, sp in pairs]
    return Clause(cur, spans, [sp for _, _, sp in pairs], offsets, sentence)


def _fix_lede_case(text: str) -> str:
    """News ledes put the first word in capitals ("PEMIMPIN Korea Utara ..."): title-case it."""
    m = re.match(r"(\w{4,})(\s+)(\w+)", text)
    if m and m.group(1).isupper() and not m.group(3).isupper():
        return m.group(1).capitalize() + text[m.end(1):]
    return text


def remember_last(key: Callable[..., Hashable]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorator: a function's last result, given again while `key(*args)` is unchanged.
    For work every template asks of the same object in turn (the clause of one sentence):
    one remembered call saves all but the first. The arguments are kept with the result,
    so an id() in the key cannot be reused by another object meanwhile."""

    def decorate(fn: Callable[..., R]) -> Callable[..., R]:
        last: list[Any] = [_NOTHING, None, None]  # key, args, result

        @wraps(fn)
        def remembered(*args: Any) -> R:
            k = key(*args)
            if last[0] != k:
                last[:] = [k, args, fn(*args)]
            return last[2]

        return remembered

    return decorate


_NOTHING = object()


def _sentence_key(sentence: Sentence, pack: Any) -> Hashable:
    """What a simplification reads: the sentence's text and spans (and which pack)."""
    spans = tuple((sp.start, sp.end, sp.label, sp.norm) for sp in sentence.spans)
    return id(sentence), sentence.text, spans, id(pack)


@remember_last(_sentence_key)
def simplify(sentence: Sentence, pack: Any) -> Clause:
    """Delete attribution, discourse phrases and side clauses from a sentence."""
    keep = [True] * len(sentence.text)
    compiled = rules(pack)
    for round_ in range(20):
        if round_ == 0:  # nothing deleted yet: the sentence itself (rules only read spans)
            cur, offsets, spans = sentence.text, list(range(len(keep))), sentence.spans
        else:
            cur, offsets = _project(sentence.text, keep)
            spans = [Span(s, e, sp.label, sp.text, sp.norm, sp.attrs)  # dataclasses.replace, faster
                     for s, e, sp in _spans_in(offsets, sentence.spans)]
        fired = False
        for rule in compiled:
            ranges = [r for r in rule(cur, spans) if r[1] > r[0] and not _cuts_span(r, spans)]
            if ranges:
                for s, e in ranges:
                    for i in range(s, e):
                        keep[offsets[i]] = False
                fired = True
                break
        if not fired:
            break
    return _tidy(sentence, keep)


def shorten(clause: Clause, pack: Any, max_words: int) -> Clause:
    """A clause longer than `max_words` without the role titles that stand before a full
    name ("Menteri Luar Negeri Rusia, Sergei Lavrov" -> "Sergei Lavrov"; an appositive name
    keeps no commas): the name says who, the role is asked about elsewhere."""
    if len(words(clause.text)) <= max_words:
        return clause
    ranges: list[Range] = []
    for role in clause.spans:
        if role.label != "ROLE":
            continue
        for person in clause.spans:
            m = re.fullmatch(r"\s*(,?)\s*", clause.text[role.end: person.start]) \
                if person.label == "PERSON" and person.start >= role.end else None
            if m and len(words(person.text)) >= 2:
                end = person.start
                if m.group(1):  # ", Kim Jong Un," : the closing comma goes too
                    close = re.match(r"\s*,", clause.text[person.end:])
                    if close:
                        ranges.append((person.end, person.end + close.end()))
                ranges.append((role.start, end))
                break
    if not ranges:
        return clause
    keep = [False] * len(clause.sentence.text)
    for o in clause.offsets:
        keep[o] = True
    sentence_ranges = [(clause.offsets[s], clause.offsets[e - 1] + 1) for s, e in ranges if e > s]
    return delete_ranges(clause.sentence, sentence_ranges, keep)


@cache
def _verb_data(pack: Any) -> tuple[tuple[str, ...], int, frozenset[str], frozenset[str]]:
    conf = pack.data("verbs")
    bare = set(conf.get("bare_verbs", [])) | set(conf.get("ke_verbs", []))
    return (tuple(conf.get("prefixes", [])), int(conf.get("min_length", 5)),
            frozenset(w.lower() for w in conf.get("not_verbs", [])), frozenset(bare))


def is_verb_like(word: str, pack: Any) -> bool:
    """True if a word looks like a verb: a listed bare verb, or a verbal prefix on a long word."""
    prefixes, min_len, not_verbs, bare = _verb_data(pack)
    w = word.lower()
    if w in bare:
        return True
    if w in not_verbs or len(w) < min_len or not w.isalpha():
        return False
    return w.startswith(prefixes)
