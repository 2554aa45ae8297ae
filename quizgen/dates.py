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
from functools import cache
from typing import Any

import babel

from .errors import QuizgenError
from .lang import LanguagePack

DAY = "day"
MONTH = "month"
YEAR = "year"

AHEAD = timedelta(days=62)  # how far after ref an undated day may still fall
_YEARS_BACK = 40  # how far back a weekday may look for its year

_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1[89]\d\d|2[01]\d\d)(?![\d])"
_Y2 = r"\d\d(?!\d)"


@dataclass
class DateMatch:
    start: int  # character offsets in the searched text
    end: int
    text: str
    iso: str | None  # "2025-07-12" | "2024-06" | "2024"; None when the year is unknown
    granularity: str  # day | month | year
    weekday: str | None = None  # the weekday as written, if any
    until: str | None = None  # for a range: ISO date of its last day


def _alt(words: Any) -> str:
    """A regex alternation of words, longest first; inner spaces match any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


# The shape of dates.yaml: key -> (kind, allowed keys or range)
_WORDS = ("date_words", "time_zones", "time_words", "day_parts", "range_words",
          "weekdays_also_units", "vague_counts", "year_words")
_NUMBERED = {"month_spellings": range(1, 13), "weekday_spellings": range(0, 7)}
_GROUPED = {"relative": ("past", "this", "next"), "units": (DAY, MONTH, YEAR)}
_OFFSETS = ("day_words", "count_words")


def _checked(pack: LanguagePack) -> dict[str, Any]:
    """The pack's dates.yaml, checked; a wrong entry is a QuizgenError naming FILE:LINE."""
    if not (pack.root / "dates.yaml").exists():
        return {}
    doc = pack.doc("dates")
    data = doc.data or {}

    def fail(where: tuple[Any, ...], what: str) -> None:
        raise QuizgenError(f"{doc.where(*where)}: {'.'.join(map(str, where))} {what}")

    def words(value: Any, where: tuple[Any, ...]) -> None:
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            fail(where, "must be a list of words (quote words YAML reads as other values)")

    if not isinstance(data, dict):
        fail((), "must be a mapping of the keys described in its header")
    known = {*_WORDS, *_NUMBERED, *_GROUPED, *_OFFSETS}
    for key, value in data.items():
        if key not in known:
            fail((key,), f"is not a known key; use one of {', '.join(sorted(known))}")
        if key in _WORDS:
            words(value, (key,))
        elif not isinstance(value, dict):
            fail((key,), "must be a mapping")
        elif key in _NUMBERED:
            for num, names in value.items():
                if num not in _NUMBERED[key]:
                    r = _NUMBERED[key]
                    fail((key, num), f"must be numbered {r.start} to {r.stop - 1}")
                words(names, (key, num))
        elif key in _GROUPED:
            for group, names in value.items():
                if group not in _GROUPED[key]:
                    fail((key, group), f"must be one of {', '.join(_GROUPED[key])}")
                words(names, (key, group))
        else:
            for word, num in value.items():
                if not isinstance(num, int) or isinstance(num, bool):
                    fail((key, word), "must be a whole number")
    return data


class _Lexicon:
    """Date words of one language pack, compiled into regexes once."""

    def __init__(self, pack: LanguagePack) -> None:
        try:
            loc = babel.Locale.parse(pack.code)
        except (ValueError, babel.UnknownLocaleError):
            raise QuizgenError(
                f"language '{pack.code}' is not a CLDR locale known to Babel;"
                " name the pack by its CLDR code"
            ) from None
        data = _checked(pack)
        self.months: dict[str, int] = {}
        wide_months: set[str] = set()
        self.weekdays: dict[str, int] = {}
        wide_days: set[str] = set()
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in loc.months[ctx][width].items():
                    self.months[_key(name)] = num
                    if width == "wide":
                        wide_months.add(name)
                for num, name in loc.days[ctx][width].items():
                    self.weekdays[_key(name)] = num
                    if width == "wide":
                        wide_days.add(name)
        for num, names in (data.get("month_spellings") or {}).items():
            for name in names:
                self.months[_key(name)] = int(num)
        for num, names in (data.get("weekday_spellings") or {}).items():
            for name in names:
                self.weekdays[_key(name)] = int(num)
                wide_days.add(name)
        rel = data.get("relative") or {}
        self.direction: dict[str, int] = {}
        for name, sign in (("past", -1), ("this", 0), ("next", 1)):
            for w in rel.get(name) or []:
                self.direction[_key(w)] = sign
        self.units: dict[str, str] = {}
        for unit in (DAY, MONTH, YEAR):
            for w in (data.get("units") or {}).get(unit) or []:
                self.units[_key(w)] = unit
        self.day_words = {_key(k): int(v) for k, v in (data.get("day_words") or {}).items()}
        self.counts = {_key(k): int(v) for k, v in (data.get("count_words") or {}).items()}
        self.vague = {_key(w) for w in data.get("vague_counts") or []}
        self.unit_weekdays = {_key(w) for w in data.get("weekdays_also_units") or []}
        zones = data.get("time_zones") or []
        time_words = data.get("time_words") or []

        m_all, m_wide = _alt(self.months), _alt(wide_months)
        w_wide = _alt(wide_days)
        dirs = _alt(self.direction) or "(?!)"
        parts = _alt(data.get("day_parts") or []) or "(?!)"
        range_words = _alt(data.get("range_words") or []) or "(?!)"
        units = _alt(self.units) or "(?!)"
        counts = _alt(self.counts) or "(?!)"
        dwords = _alt(self.day_words) or "(?!)"
        ywords = _alt(data.get("year_words") or []) or "(?!)"
        dword = _alt(data.get("date_words") or []) or "(?!)"
        wd_prefix = rf"(?:(?P<{{}}>{w_wide})\s*,?\s*(?:(?:{dword})\s+)?)?"
        branches = [
            # 30 November-12 Desember 2017 | 2-9 Desember | 2 hingga 9 Desember 2017
            wd_prefix.format("r_wd")
            + rf"(?P<r_d1>{_D})(?:\s+(?P<r_m1>{m_all})(?:\s+(?P<r_y1>{_Y}))?)?"
            rf"(?:\s*[-–—]\s*|\s+(?:{range_words})\s+)"
            rf"(?P<r_d2>{_D})\s+(?P<r_m2>{m_all})(?!\w)(?:,?\s+(?P<r_y2>{_Y}))?",
            # Sabtu (12/7) | Rabu (19/6/2024) | (04/10) | 13/7/2025
            wd_prefix.format("n_wd")
            + rf"(?:\(\s*(?P<n_d>{_D})\s*/\s*(?P<n_m>{_M})(?:\s*/\s*(?P<n_y>{_Y}|{_Y2}))?\s*\)"
            rf"|(?P<s_d>{_D})/(?P<s_m>{_M})/(?P<s_y>{_Y}))",
            # Rabu, 19 Juni 2024 | 15 Agustus
            wd_prefix.format("w_wd")
            + rf"(?P<w_d>{_D})\s+(?P<w_m>{m_all})(?!\w)(?:,?\s+(?P<w_y>{_Y}))?",
            # Juni 2024
            rf"(?P<my_m>{m_all})\s+(?P<my_y>{_Y})",
            # September lalu
            rf"(?P<mr_m>{m_wide})\s+(?P<mr_dir>{dirs})(?!\w)",
            # tahun lalu | 3 hari lalu | dua tahun lalu
            rf"(?:(?P<u_n>\d{{1,3}}|{counts})\s+)?(?P<u_unit>{units})\s+(?P<u_dir>{dirs})(?!\w)",
            # kemarin
            rf"(?P<dw>{dwords})(?!\w)",
            # tahun 2017
            rf"(?:{ywords})\s+(?P<yw_y>{_Y})",
            # Selasa | Minggu pagi | Rabu lalu
            rf"(?P<b_wd>{w_wide})(?:\s+(?P<b_dir>{dirs}))?(?:\s+(?P<b_part>{parts}))?",
        ]
        # Every branch starts with a digit, "(" or one of these words: a cheap first test.
        words = [*self.months, *self.weekdays, *self.direction, *self.units, *self.counts,
                 *self.day_words, *(data.get("year_words") or [])]
        first = "".join(sorted({re.escape(w[0].lower()) for w in words if w}))
        self.find_re = re.compile(
            rf"(?<![\w.,/\-])(?=[\d(\[{first}])(?:"
            + "|".join(f"(?:{b})" for b in branches)
            + r")(?!\w|-\w)",
            re.IGNORECASE,
        )
        self.prev_word_re = re.compile(r"([\w.,]+)\s+$")
        t_words = _alt(time_words) or "(?!)"
        zone = _alt(zones) or "(?!)"
        self.meta_re = re.compile(
            r"(?<!\d)(?:"
            r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
            r"|(?P<nd>\d{1,2})[/.\-](?P<nm>\d{1,2})[/.\-](?P<ny>\d{4})"
            rf"|(?P<wd>\d{{1,2}})\s+(?P<wm>{m_all})\.?,?\s+(?P<wy>\d{{4}})"
            rf"|(?P<em>{m_all})\.?\s+(?P<ed>\d{{1,2}}),?\s+(?P<ey>\d{{4}})"
            r")(?!\d)",
            re.IGNORECASE,
        )
        self.time_re = re.compile(
            rf"\s*[,T]?\s*(?:(?:{t_words})\s*)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)"
            rf"(?:[:.](?P<s>[0-5]\d))?(?!\d)(?:\s*(?:{zone})(?!\w))?",
            re.IGNORECASE,
        )


@cache
def _lexicon(pack: LanguagePack) -> _Lexicon:
    return _Lexicon(pack)


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_datetime(text: str, pack: LanguagePack) -> datetime | None:
    """The first date (and the clock time after it) in a metadata string, or None."""
    lex = _lexicon(pack)
    for m in lex.meta_re.finditer(text):
        if m["iy"]:
            y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif m["ny"]:
            y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
        elif m["wy"]:
            y, mo, d = int(m["wy"]), lex.months[_key(m["wm"])], int(m["wd"])
        else:
            y, mo, d = int(m["ey"]), lex.months[_key(m["em"])], int(m["ed"])
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
    lex = _lexicon(pack)
    if isinstance(ref, datetime):
        ref = ref.date()
    out: list[DateMatch] = []
    for m in lex.find_re.finditer(text):
        found = _resolve(m, text, lex, ref, today)
        if found is not None:
            out.append(found)
    return out


def _resolve(
    m: re.Match[str], text: str, lex: _Lexicon, ref: date | None, today: date | None
) -> DateMatch | None:
    g = m.groupdict()
    start, end = m.start(), m.end()

    def make(
        iso: str | None, gran: str, wd: str | None = None, until: str | None = None
    ) -> DateMatch:
        return DateMatch(start, end, text[start:end], iso, gran, wd, until)

    def day(d: int, mo: int, y: int | None, wd: str | None) -> DateMatch | None:
        """A day match; iso None when the year is unknown; None when no such day exists."""
        if y is None:
            y = infer_year(d, mo, ref, lex.weekdays.get(_key(wd)) if wd else None, today)
            if y is None:
                return make(None, DAY, wd) if _date(2000, mo, d) else None
        found = _date(y, mo, d)
        return make(found.isoformat(), DAY, wd) if found else None

    if g["r_d1"]:
        m2 = lex.months[_key(g["r_m2"])]
        m1 = lex.months[_key(g["r_m1"])] if g["r_m1"] else m2
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
        mo = lex.months[_key(g["w_m"])]
        y = int(g["w_y"]) if g["w_y"] else None
        return day(int(g["w_d"]), mo, y, g["w_wd"])
    if g["my_m"]:
        return make(f"{int(g['my_y']):04d}-{lex.months[_key(g['my_m'])]:02d}", MONTH)
    if g["mr_m"]:
        mo, sign = lex.months[_key(g["mr_m"])], lex.direction[_key(g["mr_dir"])]
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
        unit, sign = lex.units[_key(g["u_unit"])], lex.direction[_key(g["u_dir"])]
        n = g["u_n"]
        count = (int(n) if n.isdigit() else lex.counts[_key(n)]) if n else (0 if sign == 0 else 1)
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
        iso = (ref + timedelta(days=lex.day_words[_key(g["dw"])])).isoformat() if ref else None
        return make(iso, DAY)
    if g["yw_y"]:  # the match is the year alone, without its "tahun"
        return DateMatch(m.start("yw_y"), end, g["yw_y"], g["yw_y"], YEAR)
    wd = g["b_wd"]
    if not wd[0].isupper() or _vague_before(text, start, lex):
        return None
    if g["b_dir"] and _key(wd) in lex.unit_weekdays:
        return None  # "Minggu lalu": last week, not last Sunday
    if ref is None:
        return make(None, DAY, wd)
    wnum = lex.weekdays[_key(wd)]
    sign = lex.direction[_key(g["b_dir"])] if g["b_dir"] else None
    if sign is None or sign == 0:
        back = (ref.weekday() - wnum) % 7
    elif sign < 0:
        back = (ref.weekday() - wnum) % 7 or 7
    else:
        back = -((wnum - ref.weekday()) % 7 or 7)
    return make((ref - timedelta(days=back)).isoformat(), DAY, wd)


def _vague_before(text: str, start: int, lex: _Lexicon) -> bool:
    """Whether the word before start is a number or a count word that the match ignored."""
    pm = lex.prev_word_re.search(text, max(0, start - 40), start)
    if not pm:
        return False
    word = _key(pm.group(1))
    return word in lex.vague or word in lex.counts or any(c.isdigit() for c in word)
