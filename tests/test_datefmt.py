"""Dates shown clean from their ISO norm (Babel/CLDR), in answers and in question text."""

from __future__ import annotations

import pytest

from quizgen.datefmt import clean_dates, display_iso, display_range, span_display
from quizgen.model import Span


@pytest.mark.parametrize("norm,lang,expected", [
    ("2025-07-12", "id", "12 Juli 2025"),
    ("2024-06-19", "id", "19 Juni 2024"),
    ("2024-06", "id", "Juni 2024"),
    ("2024", "id", "2024"),
    ("2023-10-18T09:30:00", "id", "18 Oktober 2023"),
    ("2025-07-12", "en", "July 12, 2025"),
    ("12/7", "id", None),
    (None, "id", None),
])
def test_datefmt_display_iso(norm, lang, expected):
    assert display_iso(norm, lang) == expected


def date(text: str, sentence: str, norm: str | None) -> Span:
    i = sentence.index(text)
    return Span(i, i + len(text), "DATE", text, norm)


S1 = "Kim bertemu Lavrov di Wonsan, Sabtu (12/7), menurut KCNA."
S2 = "Lavrov tiba di Pyongyang pada Rabu (18/10) malam."
S5 = "Marcella dilantik di Jakarta Selatan, hari ini, Senin (24/10/2016)."
S3 = "Perjanjian itu diteken tahun lalu."
S4 = "Perjanjian itu diteken pada 2024."

ROWS = [
    # set off by a comma: the pack's preposition comes before the clean date
    ("Kapan Kim bertemu Lavrov di Wonsan, Sabtu (12/7)?", [date("Sabtu (12/7)", S1, "2025-07-12")],
     "Kapan Kim bertemu Lavrov di Wonsan pada 12 Juli 2025?"),
    ("Siapa yang tiba di Pyongyang pada Rabu (18/10) malam?",
     [date("Rabu (18/10)", S2, "2023-10-18")],
     "Siapa yang tiba di Pyongyang pada 18 Oktober 2023 malam?"),
    # a year said in words reads as "tahun 2024"; a year in digits stays
    ("Apa yang diteken tahun lalu?", [date("tahun lalu", S3, "2024")], "Apa yang diteken tahun 2024?"),
    ("Apa yang diteken pada 2024?", [date("2024", S4, "2024")], "Apa yang diteken pada 2024?"),
    # "hari ini" before the date it names goes: the date says when [IndoSum fresh slice 7]
    ("Siapa yang dilantik di Jakarta Selatan, hari ini, Senin (24/10/2016)?",
     [date("Senin (24/10/2016)", S5, "2016-10-24")],
     "Siapa yang dilantik di Jakarta Selatan, pada 24 Oktober 2016?"),
    # no norm: left as it is
    ("Kapan Kim bertemu Lavrov, Sabtu (12/7)?", [date("Sabtu (12/7)", S1, None)],
     "Kapan Kim bertemu Lavrov, Sabtu (12/7)?"),
]


@pytest.mark.parametrize("text,spans,expected", ROWS)
def test_datefmt_clean_dates(pack, text, spans, expected):
    assert clean_dates(text, spans, pack) == expected


def test_datefmt_clean_dates_skips_the_answer(pack):
    span = date("Sabtu (12/7)", S1, "2025-07-12")
    assert clean_dates("Lavrov, Sabtu (12/7).", [span], pack, skip=span) == "Lavrov, Sabtu (12/7)."
    assert span_display(span, pack) == "12 Juli 2025"


def test_datefmt_guessed_year_is_not_shown(pack):
    """An undated article's "Rabu (18/10)": the year comes from the weekday alone."""
    assert display_iso("2023-10-18", "id", year=False) == "18 Oktober"
    span = date("Rabu (18/10)", S2, "2023-10-18")
    span.attrs["year"] = "guessed"
    assert span_display(span, pack) == "18 Oktober"
    assert clean_dates("Siapa yang tiba di Pyongyang pada Rabu (18/10) malam?", [span], pack) == (
        "Siapa yang tiba di Pyongyang pada 18 Oktober malam?")


@pytest.mark.parametrize("start,until,year,expected", [
    ("2017-08-11", "2017-08-13", True, "11\u201313 Agustus 2017"),
    ("2017-08-30", "2017-09-02", True, "30 Agustus\u20132 September 2017"),
    ("2017-12-30", "2018-01-02", True, "30 Desember 2017\u20132 Januari 2018"),
    ("2017-08-11", "2017-08-13", False, "11\u201313 Agustus"),
    ("2017-08", "2017-09", True, None),  # months, not days: no range form
])
def test_datefmt_display_range(start, until, year, expected):
    assert display_range(start, until, "id", year=year) == expected


def test_datefmt_range_span_reads_as_a_range(pack):
    span = Span(0, 18, "DATE", "11-13 Agustus 2017", "2017-08-11",
                {"granularity": "day", "until": "2017-08-13"})
    assert span_display(span, pack) == "11\u201313 Agustus 2017"


def test_datefmt_weekday_after_hari_is_replaced_with_it(pack):
    # "pada hari Senin (24/7)" -> "pada 24 Juli", never "pada hari 24 Juli" [IndoSum fresh
    # slice 5, CC BY-SA 4.0]
    text = "Fassone bertolak ke London pada hari Senin (24/7) malam."
    start = text.index("Senin")
    span = Span(start, start + len("Senin (24/7)"), "DATE", "Senin (24/7)", "2017-07-24",
                {"granularity": "day", "weekday": "Senin"})
    assert clean_dates(text, [span], pack) == "Fassone bertolak ke London pada 24 Juli 2017 malam."
