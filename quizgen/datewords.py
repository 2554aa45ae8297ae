"""Date words of a language pack, compiled into regexes: CLDR month and weekday names
through Babel, plus the pack's `dates.yaml` (checked against its shape). Used by dates.py.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import babel

from .errors import QuizgenError
from .lang import LanguagePack

DAY = "day"
MONTH = "month"
YEAR = "year"

_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1[89]\d\d|2[01]\d\d)(?![\d])"
_Y2 = r"\d\d(?!\d)"


def _alt(words: Any) -> str:
    """A regex alternation of words, longest first; inner spaces match any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items)


def _trie(words: set[str]) -> str:
    """A regex matching any of words, nested by shared prefix ("ja(?:n|nuari)" style);
    a word that is a prefix of another ends the match there."""
    if "" in words:
        return ""
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w[1:])
    parts = [re.escape(c) + _trie(rest) for c, rest in sorted(by_first.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def key(text: str) -> str:
    """A word as looked up: lowercase, single spaces."""
    return " ".join(text.lower().split())


# The shape of dates.yaml: which keys hold word lists, numbered lists, groups or numbers.
_WORDS = (
    "date_words", "time_zones", "time_words", "day_parts", "range_words",
    "weekdays_also_units", "vague_counts", "year_words", "year_prepositions", "year_followers",
)
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
    for name, value in data.items():
        if name not in known:
            fail((name,), f"is not a known key; use one of {', '.join(sorted(known))}")
        if name in _WORDS:
            words(value, (name,))
        elif not isinstance(value, dict):
            fail((name,), "must be a mapping")
        elif name in _NUMBERED:
            for num, names in value.items():
                if num not in _NUMBERED[name]:
                    r = _NUMBERED[name]
                    fail((name, num), f"must be numbered {r.start} to {r.stop - 1}")
                words(names, (name, num))
        elif name in _GROUPED:
            for group, names in value.items():
                if group not in _GROUPED[name]:
                    fail((name, group), f"must be one of {', '.join(_GROUPED[name])}")
                words(names, (name, group))
        else:
            for word, num in value.items():
                if not isinstance(num, int) or isinstance(num, bool):
                    fail((name, word), "must be a whole number")
    return data


class Lexicon:
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
                    self.months[key(name)] = num
                    if width == "wide":
                        wide_months.add(name)
                for num, name in loc.days[ctx][width].items():
                    self.weekdays[key(name)] = num
                    if width == "wide":
                        wide_days.add(name)
        for num, names in (data.get("month_spellings") or {}).items():
            for name in names:
                self.months[key(name)] = int(num)
        for num, names in (data.get("weekday_spellings") or {}).items():
            for name in names:
                self.weekdays[key(name)] = int(num)
                wide_days.add(name)
        rel = data.get("relative") or {}
        self.direction: dict[str, int] = {}
        for name, sign in (("past", -1), ("this", 0), ("next", 1)):
            for w in rel.get(name) or []:
                self.direction[key(w)] = sign
        self.units: dict[str, str] = {}
        for unit in (DAY, MONTH, YEAR):
            for w in (data.get("units") or {}).get(unit) or []:
                self.units[key(w)] = unit
        self.day_words = {key(k): int(v) for k, v in (data.get("day_words") or {}).items()}
        self.counts = {key(k): int(v) for k, v in (data.get("count_words") or {}).items()}
        self.vague = {key(w) for w in data.get("vague_counts") or []}
        self.unit_weekdays = {key(w) for w in data.get("weekdays_also_units") or []}
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
        self.year_prepositions = {key(w) for w in data.get("year_prepositions") or []}
        yfollow = _alt(data.get("year_followers") or []) or "(?!)"
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
            # 2001 silam | 2020 mendatang: a bare year with a direction word (left out)
            rf"(?P<yd_y>{_Y})(?=\s+(?:{dirs})(?!\w))",
            # pada 2012 | sejak 1996: a bare year after one of `year_prepositions` (checked
            # in dates.py) and before no noun ("hingga 2000 orang" is a count)
            rf"(?P<yp_y>{_Y})(?=\s*[,.;:)\]]|\s*$|\s+(?:{yfollow})(?!\w)|\s+(?-i:[A-Z]))",
            # Selasa | Minggu pagi | Rabu lalu
            rf"(?P<b_wd>{w_wide})(?:\s+(?P<b_dir>{dirs}))?(?:\s+(?P<b_part>{parts}))?",
        ]
        # Every branch starts with a digit, "(" or one of these words: a cheap first test,
        # as a trie of the first words so that most word starts fail at once.
        words = [
            *self.months, *self.weekdays, *self.direction, *self.units, *self.counts,
            *self.day_words, *(data.get("year_words") or []),
        ]
        first = _trie({w.split()[0] for w in words if w.strip()}) or "(?!)"
        self.find_re = re.compile(
            rf"(?<![\w.,/\-])(?=[\d(\[]|{first})(?:"
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
def lexicon(pack: LanguagePack) -> Lexicon:
    return Lexicon(pack)


