"""QUOTE recogniser: quoted speech and its speaker.

A QUOTE span covers the words between the marks (not the marks). A quote left open at the
end of a sentence runs to its end; a closing mark with no opening one closes a quote that
began in an earlier sentence. The speaker, when the sentence names one, is in
attrs['speaker']: after the quote ("..., kata Lavrov"), before it ("Lavrov mengatakan ..."),
or as a source ("menurut TASS"). A pronoun ("ucapnya", "kata dia") leaves it out, and so
does a quote of fewer than `speaker_min_words` words (quotes.yaml): a scare-quoted term
("heroik", "strategis") is no speech.
"""

from __future__ import annotations

from typing import Any

from .context import Found, Sentence
from .lexicon import Phrases


def _quote_regions(text: str, openers: set[str], closers: set[str]) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for k, ch in enumerate(text):
        if open_at is None:
            if ch in openers:
                open_at = k
            elif ch in closers and not regions:
                regions.append((-1, k))  # closed here, opened in an earlier sentence
        elif ch in closers and k > open_at:
            regions.append((open_at, k))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


class QuoteWords:
    """quotes.yaml as lookup tables, built once per language pack."""

    def __init__(self, lex: Any) -> None:
        q = lex.quotes
        self.after: Phrases[bool] = Phrases()
        for v in q.get("after_verbs") or []:
            self.after.add(str(v), True)
        self.before = {str(v).lower() for v in q.get("before_verbs") or []}
        self.according: Phrases[bool] = Phrases()
        for v in q.get("according") or []:
            self.according.add(str(v), True)
        self.pronouns = {str(v).lower() for v in q.get("pronouns") or []}
        self.suffix = str(q.get("pronoun_suffix") or "")
        marks = q.get("marks") or []
        self.openers = {str(p[0]) for p in marks}
        self.closers = {str(p[1]) for p in marks}
        self.marks = self.openers | self.closers
        self.min_words = int(q.get("speaker_min_words") or 0)


def quote_words(lex: Any) -> QuoteWords:
    return lex.derived("quotes", QuoteWords)  # type: ignore[no-any-return]


def find_quotes(text: str, s: Sentence, spans: list[Found]) -> list[tuple[int, int, dict[str, str]]]:
    """(start, end, attrs) in characters for every quote in the sentence."""
    w = quote_words(s.lex)
    if not any(ch in text for ch in w.marks):
        return []
    after, before, according = w.after, w.before, w.according
    pronouns, suffix = w.pronouns, w.suffix
    out = []
    regions = _quote_regions(text, w.openers, w.closers)
    for a, b in regions:
        start, end = a + 1, b
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",."):
            end -= 1
        if end <= start:
            continue
        attrs: dict[str, str] = {}
        if len(text[start:end].split()) < w.min_words:
            out.append((start, end, attrs))  # a scare-quoted term, not speech: no speaker
            continue
        speaker = _after(s, b, after, suffix, pronouns, spans)
        if speaker is None:
            speaker = _before(s, start, before, pronouns, spans, regions)
        if speaker is None:
            speaker = _according(s, according, spans, regions)
        if speaker:
            attrs["speaker"] = speaker
        out.append((start, end, attrs))
    return out


def _tok_at(s: Sentence, char: int) -> int:
    for t in s.toks:
        if t.start >= char:
            return t.i
    return s.n


def _span_text(s: Sentence, f: Found) -> str:
    return s.toks[f.a].text if f.b - f.a == 1 else _join(s, f.a, f.b)


def _join(s: Sentence, a: int, b: int) -> str:
    return "".join((" " if k > a and not s.toks[k].glued else "") + s.toks[k].text for k in range(a, b))


def _first_named(s: Sentence, k: int, spans: list[Found], limit: int = 10) -> str | None:
    for label in ("PERSON", "ORG"):
        for f in spans:
            if f.label == label and k <= f.a < k + limit and not any(t.text == "." for t in s.toks[k : f.a]):
                return _span_text(s, f)
    return None


def _after(
    s: Sentence, b: int, after: Phrases[bool], suffix: str, pronouns: set[str], spans: list[Found]
) -> str | None:
    k = _tok_at(s, b + 1)
    while k < s.n and s.toks[k].text in {",", ".", "”", '"'}:
        k += 1
    if k >= s.n:
        return None
    t = s.toks[k]
    if suffix and t.low.endswith(suffix) and (t.low[: -len(suffix)],) in after.table:
        return ""
    m = after.match(s.toks, k)
    if not m:
        return None
    if m[0] < s.n and s.toks[m[0]].low in pronouns:
        return ""
    return _first_named(s, m[0], spans) or ""


def _before(
    s: Sentence, start: int, before: set[str], pronouns: set[str], spans: list[Found], regions: list[tuple[int, int]]
) -> str | None:
    q = _tok_at(s, start)
    verbs = [t.i for t in s.toks[:q] if t.low in before and not _in_region(t.start, regions)]
    if not verbs:
        return None
    v = verbs[-1]
    if v > 0 and s.toks[v - 1].low in pronouns:
        return ""
    named = [f for f in spans if f.label in ("PERSON", "ORG") and f.b <= v]
    persons = [f for f in named if f.label == "PERSON"]
    pick = (persons or named)[-1] if named else None
    return _span_text(s, pick) if pick else None


def _according(
    s: Sentence, according: Phrases[bool], spans: list[Found], regions: list[tuple[int, int]]
) -> str | None:
    for t in s.toks:
        if _in_region(t.start, regions):
            continue
        m = according.match(s.toks, t.i)
        if m:
            return _first_named(s, m[0], spans, limit=6)
    return None


def _in_region(char: int, regions: list[tuple[int, int]]) -> bool:
    return any(a < char < b for a, b in regions)
