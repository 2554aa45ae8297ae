"""Dates in news text: metadata date strings, and date expressions inside sentences.

Month and weekday names come from CLDR through Babel; other spellings, relative words,
clock-time words and time zones come from the language pack's `dates.yaml`.

Decisions:
- Datetimes are naive local wall time ("13:30 WIB" -> 13:30); the zone is read and dropped.
- A range ("30 November-12 Desember 2017") is ONE match: `iso` is its first day and
  `until` its last day.
- A day and month without a year resolve against `ref` (the article's date): its year,
  or the year before when the date would fall more than ~2 months after `ref`. Without
  `ref` a named weekday picks the latest year, not after today, where the date falls on
  that weekday. With neither, the match is still returned, with `iso=None`: a year is
  never invented. Relative words ("tahun lalu", "Selasa") likewise need `ref`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .datewords import DAY, MONTH, YEAR, Lexicon, key, lexicon
from .lang import LanguagePack

AHEAD = timedelta(days=62)  # how far after ref an undated day may still fall
_YEARS_BACK = 40  # how far back a weekday may look for its year


@dataclass
class DateMatch:
    start: int  # character offsets in the searched text
    end: int
    text: str
    iso: str | None  # "2025-07-12" | "2024-06" | "2024"; None when the year is unknown
    granularity: str  # day | month | year
    weekday: str | None = None  # the weekday as written, if any
    until: str | None = None  # for a range: ISO date of its last day
    year_guessed: bool = False  # the year came from the weekday alone (no reference date)


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_datetime(text: str, pack: LanguagePack) -> datetime | None:
    """The first date (and the clock time after it) in a metadata string, or None."""
    lex = lexicon(pack)
    for m in lex.meta_re.finditer(text):
        if m["iy"]:
            y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif m["ny"]:
            y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
        elif m["wy"]:
            y, mo, d = int(m["wy"]), lex.months[key(m["wm"])], int(m["wd"])
        else:
            y, mo, d = int(m["ey"]), lex.months[key(m["em"])], int(m["ed"])
        day = _date(y, mo, d)
        if day is None:
            continue
        t = lex.time_re.match(text, m.end())
        if t:
            return datetime(y, mo, d, int(t["h"]), int(t["mi"]), int(t["s"] or 0))
        return datetime(y, mo, d)
    return None


def infer_year(
    day: int, month: int, ref: date | None, weekday: int | None = None, today: date | None = None
) -> int | None:
    """The year of a day and month written without one (see the module docstring)."""
    if ref is not None:
        for y in (ref.year, ref.year - 1):
            d = _date(y, month, day)
            if d is not None and d <= ref + AHEAD:
                return y
        return None
    if weekday is None:
        return None
    limit = today or date.today()
    for y in range(limit.year, limit.year - _YEARS_BACK, -1):
        d = _date(y, month, day)
        if d is not None and d <= limit and d.weekday() == weekday:
            return y
    return None


def _add_months(ref: date, n: int) -> str:
    k = ref.year * 12 + ref.month - 1 + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def find_dates(
    text: str, pack: LanguagePack, ref: date | None = None, *, today: date | None = None
) -> list[DateMatch]:
    """Every date expression in text, left to right, resolved against ref when needed."""
    lex = lexicon(pack)
    if isinstance(ref, datetime):
        ref = ref.date()
    out: list[DateMatch] = []
    for m in lex.find_re.finditer(text):
        found = _resolve(m, text, lex, ref, today)
        if found is not None:
            out.append(found)
    return out


def _resolve(
    m: re.Match[str], text: str, lex: Lexicon, ref: date | None, today: date | None
) -> DateMatch | None:
    g = m.groupdict()
    start, end = m.start(), m.end()

    def make(
        iso: str | None, gran: str, wd: str | None = None, until: str | None = None
    ) -> DateMatch:
        return DateMatch(start, end, text[start:end], iso, gran, wd, until)

    def day(d: int, mo: int, y: int | None, wd: str | None) -> DateMatch | None:
        """A day match; iso None when the year is unknown; None when no such day exists."""
        guessed = False
        if y is None:
            y = infer_year(d, mo, ref, lex.weekdays.get(key(wd)) if wd else None, today)
            if y is None:
                return make(None, DAY, wd) if _date(2000, mo, d) else None
            guessed = ref is None
        found = _date(y, mo, d)
        if not found:
            return None
        match = make(found.isoformat(), DAY, wd)
        match.year_guessed = guessed
        return match

    if g["r_d1"]:
        m2 = lex.months[key(g["r_m2"])]
        m1 = lex.months[key(g["r_m1"])] if g["r_m1"] else m2
        d1, d2 = int(g["r_d1"]), int(g["r_d2"])
        y2 = int(g["r_y2"]) if g["r_y2"] else None
        if y2 is None and not g["r_y1"]:
            y2 = infer_year(d2, m2, ref) if ref else None
        if y2 is None:
            if (m1, d1) > (m2, d2) and m1 == m2:
                return None
            return make(None, DAY, g["r_wd"])
        y1 = int(g["r_y1"]) if g["r_y1"] else (y2 - 1 if m1 > m2 else y2)
        a, b = _date(y1, m1, d1), _date(y2, m2, d2)
        if a is None or b is None or a > b:
            return None
        return make(a.isoformat(), DAY, g["r_wd"], b.isoformat())
    if g["n_d"] or g["s_d"]:
        d, mo = int(g["n_d"] or g["s_d"]), int(g["n_m"] or g["s_m"])
        ys = g["n_y"] or g["s_y"]
        y = None if ys is None else int(ys) + (2000 if len(ys) == 2 else 0)
        return day(d, mo, y, g["n_wd"])
    if g["w_d"]:
        mo = lex.months[key(g["w_m"])]
        y = int(g["w_y"]) if g["w_y"] else None
        return day(int(g["w_d"]), mo, y, g["w_wd"])
    if g["my_m"]:
        return make(f"{int(g['my_y']):04d}-{lex.months[key(g['my_m'])]:02d}", MONTH)
    if g["mr_m"]:
        mo, sign = lex.months[key(g["mr_m"])], lex.direction[key(g["mr_dir"])]
        if ref is None:
            return make(None, MONTH)
        y = ref.year
        if sign < 0 and mo >= ref.month:
            y -= 1
        elif sign > 0 and mo <= ref.month:
            y += 1
        return make(f"{y:04d}-{mo:02d}", MONTH)
    if g["u_unit"]:
        if _vague_before(text, start, lex):
            return None
        unit, sign = lex.units[key(g["u_unit"])], lex.direction[key(g["u_dir"])]
        n = g["u_n"]
        count = (int(n) if n.isdigit() else lex.counts[key(n)]) if n else (0 if sign == 0 else 1)
        if sign == 0 and n:
            return None
        if ref is None:
            return make(None, unit)
        off = sign * count
        if unit == YEAR:
            return make(f"{ref.year + off:04d}", YEAR)
        if unit == MONTH:
            return make(_add_months(ref, off), MONTH)
        return make((ref + timedelta(days=off)).isoformat(), DAY)
    if g["dw"]:
        iso = (ref + timedelta(days=lex.day_words[key(g["dw"])])).isoformat() if ref else None
        return make(iso, DAY)
    if g["yd_y"]:  # "2001 silam": the year, without the direction word
        if _vague_before(text, start, lex):
            return None
        return DateMatch(start, end, g["yd_y"], g["yd_y"], YEAR)
    if g["yp_y"]:  # "pada 2012": the year after a preposition of time
        pm = lex.prev_word_re.search(text, max(0, start - 40), start)
        if not pm or key(pm.group(1)) not in lex.year_prepositions:
            return None
        return DateMatch(start, end, g["yp_y"], g["yp_y"], YEAR)
    if g["yw_y"]:  # the match is the year alone, without its "tahun"
        if _vague_before(text, start, lex):
            return None  # "Nomor 12 Tahun 2005": a document's number and year, not a date
        return DateMatch(m.start("yw_y"), end, g["yw_y"], g["yw_y"], YEAR)
    wd = g["b_wd"]
    if not wd[0].isupper() or _vague_before(text, start, lex):
        return None
    if g["b_dir"] and key(wd) in lex.unit_weekdays:
        return None  # "Minggu lalu": last week, not last Sunday
    if ref is None:
        return make(None, DAY, wd)
    wnum = lex.weekdays[key(wd)]
    sign = lex.direction[key(g["b_dir"])] if g["b_dir"] else None
    if sign is None or sign == 0:
        back = (ref.weekday() - wnum) % 7
    elif sign < 0:
        back = (ref.weekday() - wnum) % 7 or 7
    else:
        back = -((wnum - ref.weekday()) % 7 or 7)
    return make((ref - timedelta(days=back)).isoformat(), DAY, wd)


def _vague_before(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the word before start is a number or a count word that the match ignored."""
    pm = lex.prev_word_re.search(text, max(0, start - 40), start)
    if not pm:
        return False
    word = key(pm.group(1))
    return word in lex.vague or word in lex.counts or any(c.isdigit() for c in word)
