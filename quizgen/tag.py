"""Tag sentences with spans: PERSON ROLE PLACE ORG DATE QUANTITY QUOTE.

Rules (all words come from the language pack's data: roles, names, places, orgs,
quantities, quotes, words; countries through CLDR):
- Spans never overlap, except that a QUOTE may contain other spans.
- DATE spans (from `dates.find_dates`) are found first; no other span crosses them.
- A ROLE holds its head and complements: "Menteri Luar Negeri Rusia" is one ROLE with
  attrs country="RU"; the person after it ("Sergey Lavrov") is a separate PERSON. An
  organisation in a role is kept in attrs org ("penyidik KPK" -> org "KPK").
- An ORG is the outer span over a place in its name ("Kantor Berita Pusat Korea Utara").
- Words before a dash at the start ("KONTAN.CO.ID - JAKARTA.") are a dateline: untagged.
- A capitalised word is a PERSON only with evidence (a role before it, a speech verb next
  to it, a given name, an initial, a particle, an age, a longer form known in the article);
  a common word that opens the sentence or a title-case line is never part of a name.
- QUANTITY norm is the value as text; PLACE norm the CLDR code (countries) or the
  canonical name; ROLE norm the role with abbreviations spelled out; DATE norm the ISO date.
  Linking (`link.link_corpus`) later replaces norm by entity ids.
- Attrs beyond those model.py lists: ROLE head = title (an office one person holds:
  "Menteri Luar Negeri Rusia", "CEO") | profession (many hold it: "pemain", "pejabat
  Moskow", ranks), and org / country / place / to for its complements; PLACE kind may also be
  venue (named buildings: "Gedung DPR"), and a context word sets a city's or region's kind
  ("wilayah Kursk" -> region); ORG acronym = the acronym the text gives ("(KPK)", "AP
  News"); ORG kind = team for a club's name (a club-name ending, "West Ham United", or a team
  word before it, "klub Swansea"), and a first or last word of such a name alone ("United")
  is that club anywhere in the article. A quote of fewer than three words (quotes.yaml) has no speaker.
- A law's name with its number ("Peraturan Menteri Perdagangan Nomor 12 Tahun 2005") is
  left untagged: no ROLE, DATE or QUANTITY inside it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import DATE, ORG, PERSON, QUOTE, Article, Span
from .tagging.context import Found, Known, Sentence
from .tagging.lexicon import Lexicon, lexicon
from .tagging.names import chunk
from .tagging.quantities import find_quantities
from .tagging.quotes import find_quotes
from .tagging.tokens import Tok, tokenize

try:  # dates.py is its own stage's module; tagging still works without it
    from .dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None  # type: ignore[assignment]


def tag_sentence(text: str, pack: Any, ref: date | None = None, *, known: Known | None = None) -> list[Span]:
    """Spans of one sentence, sorted by start (outer span first)."""
    toks, dates = tokenize(text), _dates(text, pack, ref)
    return _spans(text, dates, *_names(toks, dates, lexicon(pack), known))


def _dates(text: str, pack: Any, ref: date | None) -> list[Any]:
    return find_dates(text, pack, ref) if find_dates else []


def _names(toks: list[Tok], dates: list[Any], lex: Lexicon, known: Known | None) -> tuple[Sentence, list[Found]]:
    """The name recognisers (PERSON ROLE PLACE ORG) on tokens outside the dates."""
    s = Sentence(toks, lex, _taken(toks, dates), known)
    return s, chunk(s)


def _taken(toks: list[Tok], dates: list[Any]) -> set[int]:
    """Indices of the tokens inside dates: no name recogniser may use them."""
    taken: set[int] = set()
    for d in dates:
        taken.update(t.i for t in toks if t.start < d.end and t.end > d.start)
    return taken


def _spans(text: str, dates: list[Any], s: Sentence, names: list[Found]) -> list[Span]:
    """All spans: the dates, the names, then quantities and quotes around them."""
    spans: list[Span] = []
    for d in dates:
        attrs = {"granularity": d.granularity}
        if d.weekday:
            attrs["weekday"] = d.weekday
        if getattr(d, "until", None):
            attrs["until"] = d.until
        if getattr(d, "year_guessed", False):
            attrs["year"] = "guessed"  # from the weekday alone: may be wrong, never shown
        spans.append(Span(d.start, d.end, DATE, text[d.start : d.end], d.iso, attrs))
    claimed = {k for f in names for k in range(f.a, f.b)}
    quantities = find_quantities(s, claimed)
    if quantities:  # a unit may hold a place ("dollar AS"): the place gives way
        inside = {k for q in quantities for k in range(q.a, q.b)}
        names = [f for f in names if not inside.intersection(range(f.a, f.b))]
    found = names + quantities
    toks = s.toks
    for f in found:
        start, end = toks[f.a].start, toks[f.b - 1].end
        spans.append(Span(start, end, f.label, text[start:end], f.norm, dict(f.attrs)))
    for start, end, attrs in find_quotes(text, s, found):
        spans.append(Span(start, end, QUOTE, text[start:end], None, attrs))
    spans.sort(key=lambda sp: (sp.start, -sp.end, sp.label))
    return spans


def known_names(spans: list[Span], pack: Any) -> Known:
    """Person names and club names seen in an article, for the second tagging pass."""
    known = Known()
    for sp in spans:
        if sp.label == ORG and sp.attrs.get("kind") == "team":
            words = [t.low for t in tokenize(sp.text) if t.word]
            known.teams.update(words[:1] + words[-1:])
        if sp.label != PERSON:
            continue
        toks = [t for t in tokenize(sp.text) if t.word]
        if len(toks) > 1:
            known.full.add(sp.text, sp.text)
            known.short.add(toks[0].low)
            known.short.add(toks[-1].low)
        elif toks:
            known.short.add(toks[0].low)
    # A short form that is itself a place or an organisation name stays what it is.
    lex = lexicon(pack)
    known.short = {w for w in known.short if len(w) > 1 and (w,) not in lex.places.table}
    known.teams = {w for w in known.teams if len(w) > 1 and (w,) not in lex.places.table} - known.short
    return known


def tag_article(article: Article, pack: Any) -> None:
    """Fill every sentence's spans; names found anywhere in the article help everywhere.

    A first pass finds the names; a second pass re-runs the name recognisers only on the
    sentences holding a capitalised word of a known name (known names are only looked up
    at capitalised words, so the others would come out the same).
    """
    lex = lexicon(pack)
    ref = article.published.date() if article.published else None
    prepared = [(s.text, tokenize(s.text), _dates(s.text, pack, ref)) for s in article.sentences]
    first = [_names(toks, dates, lex, None) for _, toks, dates in prepared]
    persons = [
        Span(toks[f.a].start, toks[f.b - 1].end, f.label, text[toks[f.a].start : toks[f.b - 1].end], None, f.attrs)
        for (text, toks, _), (_, found) in zip(prepared, first)
        for f in found
        if f.label == PERSON and (f.spreads or f.b - f.a > 1) or f.label == ORG and f.attrs.get("kind") == "team"
    ]
    known = known_names(persons, pack)
    words = known.short | set(known.full.first) | known.teams
    for sent, (text, toks, dates), names in zip(article.sentences, prepared, first):
        if not words.isdisjoint([t.low for t in toks if t.cap]):
            again = names[0].again(_taken(toks, dates), known)
            names = again, chunk(again)
        sent.spans = _spans(text, dates, *names)


__all__ = ["Found", "known_names", "tag_article", "tag_sentence"]
