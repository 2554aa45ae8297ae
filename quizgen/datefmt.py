"""Dates as a reader expects them: an ISO norm rendered as a clean date in the language.

"2025-07-12" -> "12 Juli 2025", "2024-06" -> "Juni 2024", "2024" -> "2024" (Babel/CLDR
formats, so every language gets its own month names and order). Used for the answers and
questions of items, and by the exporters (export/cardtext.py) for publication dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache, lru_cache
from typing import Any

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton

from .model import DATE, Span

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=4096)
def display_iso(norm: str | None, lang: str, *, year: bool = True) -> str | None:
    """The ISO date `norm` (day, month or year; a datetime's time is ignored) as a long
    date in the language, or None when `norm` is not an ISO date. `year=False` leaves a
    day's year out ("26 September"), for a year that was only guessed."""
    m = _ISO.match(norm or "")
    if not m:
        return None
    year_n, month, day = int(m[1]), m[2], m[3]
    try:
        locale = Locale.parse(lang)
        if day and not year:
            return format_skeleton("MMMMd", date(year_n, int(month), int(day)), locale=locale)
        if day:
            return format_date(date(year_n, int(month), int(day)), format="long", locale=locale)
        if month:
            return format_skeleton("yMMMM", date(year_n, int(month), 1), locale=locale)
        return str(year_n)
    except (UnknownLocaleError, ValueError):
        return None


def display_range(start: str | None, until: str | None, lang: str, *,
                  year: bool = True) -> str | None:
    """Two ISO days as one range in the language ("11\u201313 Agustus 2017", "30 Agustus\u2013
    2 September 2017"), or None when either is not an ISO day."""
    a, b = _ISO.match(start or ""), _ISO.match(until or "")
    if not (a and b and a[3] and b[3]):
        return None
    try:
        first = date(int(a[1]), int(a[2]), int(a[3]))
        last = date(int(b[1]), int(b[2]), int(b[3]))
        locale = Locale.parse(lang)
        if first.year != last.year:
            return f"{display_iso(start, lang, year=year)}\u2013{display_iso(until, lang, year=year)}"
        days = format_interval(first, last, "MMMMd", locale=locale)
        return f"{days} {first.year}" if year else days
    except (UnknownLocaleError, ValueError):
        return None


def _year_form(pack: Any) -> str:
    return str((pack.data("wh").get("dates") or {}).get("year_in_text", "{year}"))


def _day_word(pack: Any) -> str:
    return str((pack.data("wh").get("dates") or {}).get("day_word", ""))


def _bare_preposition(pack: Any) -> str:
    return str((pack.data("wh").get("dates") or {}).get("bare_preposition", ""))


def span_display(span: Span, pack: Any) -> str | None:
    """How a DATE span reads in a question or statement: its clean date ("Sabtu (12/7)"
    -> "12 Juli 2025"; a year as the pack's `dates.year_in_text`, "tahun 2024"), or None
    when it has no ISO norm or already reads so."""
    year = span.attrs.get("year") != "guessed"
    shown = None
    if span.attrs.get("until"):
        shown = display_range(span.norm, span.attrs["until"], pack.code, year=year)
    shown = shown or display_iso(span.norm, pack.code, year=year)
    if not shown:
        return None
    if span.norm and len(span.norm) == 4:
        if span.text.strip().isdigit():
            return None
        shown = _year_form(pack).format(year=shown)
    return None if shown == span.text else shown


@cache
def _relative_before(pack: Any) -> str:
    """Words for a day relative to the writing that may stand before the date they name
    ("hari ini, Senin (24/10)"): wh.yaml `dates.relative_before`."""
    words_ = (pack.data("wh").get("dates") or {}).get("relative_before") or []
    return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in words_) or "(?!)"


def clean_dates(text: str, spans: Sequence[Span], pack: Any, skip: Span | None = None) -> str:
    """`text` (a question or statement made from a sentence) with the sentence's DATE
    spans written as clean dates. A date set off by a comma (", Sabtu (12/7)") gets the
    pack's `dates.bare_preposition` ("pada 12 Juli 2025")."""
    prep = _bare_preposition(pack)
    for sp in spans:
        if sp.label != DATE or (skip is not None and (sp.start, sp.end) == (skip.start, skip.end)):
            continue
        shown = span_display(sp, pack)
        if not shown:
            continue
        rx = re.compile(r"(?:(?<!\w)(?P<rel>" + _relative_before(pack) + r")\s*)?(,\s*)?(?<!\w)"
                        + re.escape(sp.text) + r"(?!\w)", re.IGNORECASE)
        m = rx.search(text)
        if not m:
            continue
        lead = " " + prep + " " if m.group(2) and prep else (m.group(2) or "")
        start = m.start()
        if m.group("rel"):  # "hari ini, Senin (24/10)" -> "pada 24 Oktober 2016": the date
            # says when; "hari ini" said it from the day of writing
            lead = prep + " " if prep else ""
        day = _day_word(pack)
        if day and sp.attrs.get("weekday") and not m.group(1):
            w = re.search(r"(?<!\w)" + re.escape(day) + r"\s+$", text[:start], re.IGNORECASE)
            if w:  # "pada hari Senin (24/7)" -> "pada 24 Juli", not "pada hari 24 Juli"
                start = w.start()
        text = text[:start] + lead + shown + text[m.end():]
    return text
