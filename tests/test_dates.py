"""Metadata dates and date expressions in Indonesian news sentences.

Phrases marked [IndoSum] or [FacQA] are copied from the development corpus (IndoSum,
Kurniawan & Louvan 2018; FacQA, ITB via IndoNLU), licensed CC BY-SA 4.0. Rows marked
[seed] come from the seed articles in seeds/.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from quizgen.dates import find_dates, infer_year, parse_datetime
from quizgen.errors import QuizgenError
from quizgen.lang import LanguagePack

TODAY = date(2026, 11, 23)  # fixed "today" so that weekday inference does not drift

# (metadata text, expected datetime or None)
PARSE_ROWS = [
    ("13/7/2025 06:39", datetime(2025, 7, 13, 6, 39)),  # [seed] mediaindonesia byline
    ("Kompas dunia | 19 Juni 2024, 13:30 WIB", datetime(2024, 6, 19, 13, 30)),  # [seed]
    ("Rabu, 19 Juni 2024 13:30", datetime(2024, 6, 19, 13, 30)),
    ("2024-06-19", datetime(2024, 6, 19)),
    ("2024-06-19T10:11:12+07:00", datetime(2024, 6, 19, 10, 11, 12)),
    ("19 Jun 2024", datetime(2024, 6, 19)),
    ("Senin, 3 Nopember 2014 pukul 08.15 WITA", datetime(2014, 11, 3, 8, 15)),
    ("17 Agt. 2019", datetime(2019, 8, 17)),
    ("Diterbitkan: 5 Desember 2017", datetime(2017, 12, 5)),
    ("31/2/2024 10:00", None),  # no such day
    ("Thalatie K Yani", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", PARSE_ROWS)
def test_dates_parse_datetime_rows(pack, text, expected):
    assert parse_datetime(text, pack) == expected


# (text, ref, [(matched text, iso, granularity)])
FIND_ROWS = [
    # bracketed day/month with the article's date as ref [seed]
    ("Sergey Lavrov, Sabtu (12/7), menurut", date(2025, 7, 13),
     [("Sabtu (12/7)", "2025-07-12", "day")]),
    # no ref: the year comes from the weekday [seed]
    ("pada Minggu (13/7).", None, [("Minggu (13/7)", "2025-07-13", "day")]),
    ("di Pyongyang, Rabu (19/6/2024).", None, [("Rabu (19/6/2024)", "2024-06-19", "day")]),
    ("pada Rabu, 19 Juni 2024. (Sumber: AP)", None,
     [("Rabu, 19 Juni 2024", "2024-06-19", "day")]),
    ("di Pyongyang, Korea Utara, pada Rabu, 1 Oktober 2019.", None,
     [("Rabu, 1 Oktober 2019", "2019-10-01", "day")]),
    ("pertemuan puncak pada Juni 2024 lalu", None, [("Juni 2024", "2024-06", "month")]),
    ("bertemu di Kosmodrom Vostochny pada September lalu.", date(2023, 10, 18),
     [("September lalu", "2023-09", "month")]),
    ("yang mereka tandatangani tahun lalu,", date(2025, 7, 13),
     [("tahun lalu", "2024", "year")]),
    ("di Pyongyang pada Rabu (18/10) bersamaan", date(2023, 10, 19),
     [("Rabu (18/10)", "2023-10-18", "day")]),
    ("pada Rabu (18/10) bersamaan", None, [("Rabu (18/10)", "2023-10-18", "day")]),
    # [IndoSum, CC BY-SA 4.0]
    ("fitur Cash Link di Jakarta (04/10).", date(2017, 10, 6),
     [("(04/10)", "2017-10-04", "day")]),
    ("tawaf wajib di Masjidil Haram pada 15 Agustus lalu.", date(2017, 9, 27),
     [("15 Agustus", "2017-08-15", "day")]),
    ("di Galeri Nasional Indonesia pada 30 November-12 Desember 2017.", None,
     [("30 November-12 Desember 2017", "2017-11-30", "day")]),
    ("di Sirkuit Misano, Jumat (8/9/2017).", None, [("Jumat (8/9/2017)", "2017-09-08", "day")]),
    ("Livoli Divisi Utama 2017 yang berlangsung 2-9 Desember.", date(2017, 12, 7),
     [("2-9 Desember", "2017-12-02", "day")]),
    ("di GOR Dimyati, Tangerang, Selasa (5/12/2017).", None,
     [("Selasa (5/12/2017)", "2017-12-05", "day")]),
    ("ujar dia di Gedung Galeri Nasional, Jakarta, Rabu.", date(2017, 12, 1),
     [("Rabu", "2017-11-29", "day")]),
    ("media pemerintah KCNA yang dirilis Minggu pagi.", date(2025, 7, 13),
     [("Minggu pagi", "2025-07-13", "day")]),
    ("Turnamen ini akan digelar pada 14-17 Desember 2017 di Jakarta.", None,
     [("14-17 Desember 2017", "2017-12-14", "day")]),
    ("sejak 12 April 2017.", None, [("12 April 2017", "2017-04-12", "day")]),
    # [FacQA, CC BY-SA 4.0]
    ("Tim Kompas bulan lalu pernah memergoki harimau", date(2005, 9, 1),
     [("bulan lalu", "2005-08", "month")]),
    ("Seribu tahun lalu orang China dan Arab memimpin", date(2005, 9, 1),
     [("Seribu tahun lalu", "1005", "year")]),
    ("sejak dua belas tahun lalu", date(2005, 9, 1), []),  # a count the rules cannot read
    ("menandatangani pakta sejak empat tahun lalu.", date(2005, 9, 1),
     [("empat tahun lalu", "2001", "year")]),
    ("didirikan pada tahun 971 di Kairo", None, []),
    ("bencana banjir muncul tahun 1972 sampai tahun 2005 sekarang", None,
     [("1972", "1972", "year"), ("2005", "2005", "year")]),
    ("di Fukui, Jepang, 10-11 Oktober.", date(2005, 10, 15),
     [("10-11 Oktober", "2005-10-10", "day")]),
    ("Kemarin, Rabu tanggal 19 Oktober 2005, Saddam diadili.", date(2005, 10, 20),
     [("Kemarin", "2005-10-19", "day"), ("Rabu tanggal 19 Oktober 2005", "2005-10-19", "day")]),
    ("Kamis (8/ 9) di Pengadilan Negeri Makassar", date(2005, 9, 9),
     [("Kamis (8/ 9)", "2005-09-08", "day")]),
    # a day and month without year, with neither ref nor weekday: no year is invented
    ("pada 15 Agustus lalu", None, [("15 Agustus", None, "day")]),
    ("Sabtu (12/7)", None, [("Sabtu (12/7)", "2025-07-12", "day")]),
    # ref year, or the year before when more than ~2 months ahead of ref
    ("pada 20 Desember", date(2018, 1, 10), [("20 Desember", "2017-12-20", "day")]),
    ("pada 20 Februari", date(2018, 1, 10), [("20 Februari", "2018-02-20", "day")]),
    # relative words need ref; without it the match keeps iso None
    ("tahun lalu", None, [("tahun lalu", None, "year")]),
    ("bulan depan", date(2017, 12, 20), [("bulan depan", "2018-01", "month")]),
    ("dua hari lalu", date(2017, 3, 1), [("dua hari lalu", "2017-02-27", "day")]),
    ("Rabu lalu", date(2025, 7, 16), [("Rabu lalu", "2025-07-09", "day")]),
    ("Oktober mendatang", date(2017, 12, 1), [("Oktober mendatang", "2018-10", "month")]),
    # a bare year with a direction word, or after a preposition of time with no noun after
    # it [IndoSum fresh slice 7, CC BY-SA 4.0]
    ("rumah Paul Burrell pada 2001 silam.", None, [("2001", "2001", "year")]),
    ("Wenger membesut Arsenal sejak 1996.", None, [("1996", "1996", "year")]),
    ("dibangun pada 1998 dan dijual pada 2005, Jakarta", None,
     [("1998", "1998", "year"), ("2005", "2005", "year")]),
]

# (text) that holds no date at all
NOT_DATES = [
    "Korea Utara mengirim lebih dari 10.000 personel militer",
    "naik 1,5 persen",
    "mengalahkan Vita Solo 3-0 (25-17, 25-22, 25-19)",
    "meningkat 17,78 persen dari Rp 679,9 triliun",
    "beberapa tahun lalu",  # vague count
    "2,5 tahun lalu",  # a count the rules cannot read
    "dua minggu lalu",  # weeks are not a granularity
    "Minggu lalu, pakar hak asasi PBB datang",  # last week, not last Sunday
    "kemarin-kemarin hampir ada",
    "ponsel seharga 24/7",
    "pada pukul 13.30 WIB",
    "laga 25-17 Desember",  # a score before a month is no range (start after end)
    # a document's number and year [FacQA, CC BY-SA 4.0]
    "menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005 tentang Pencabutan Larangan",
    "Pasal 11 UU No. 31 Tahun 1999 sebagaimana telah diubah",
    "jumlahnya naik hingga 2000 orang",  # a count, not a year
    "kode 2001 dan 2002 dipakai",  # no preposition of time before it
]


@pytest.mark.parametrize("text,ref,expected", FIND_ROWS)
def test_dates_find_dates_rows(pack, text, ref, expected):
    got = find_dates(text, pack, ref, today=TODAY)
    assert [(m.text, m.iso, m.granularity) for m in got] == expected
    assert all(text[m.start : m.end] == m.text for m in got)


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_find_dates_ignores_non_dates(pack, text):
    assert find_dates(text, pack, date(2017, 6, 1), today=TODAY) == []


def test_dates_find_dates_range_keeps_its_end(pack):
    [m] = find_dates("pada 30 November-12 Desember 2017.", pack)
    assert (m.iso, m.until) == ("2017-11-30", "2017-12-12")
    [m] = find_dates("berlangsung 2-9 Desember.", pack, date(2017, 12, 7))
    assert (m.iso, m.until) == ("2017-12-02", "2017-12-09")


def test_dates_find_dates_reports_weekday(pack):
    [m] = find_dates("Rabu (19/6/2024)", pack)
    assert m.weekday == "Rabu"
    [m] = find_dates("19 Juni 2024", pack)
    assert m.weekday is None


def test_dates_find_dates_accepts_datetime_ref(pack):
    [m] = find_dates("Sabtu (12/7)", pack, datetime(2025, 7, 13, 6, 39))
    assert m.iso == "2025-07-12"


# (day, month, ref, weekday, expected year)
YEAR_ROWS = [
    (12, 7, date(2025, 7, 13), None, 2025),
    (20, 12, date(2018, 1, 10), None, 2017),
    (13, 7, None, 6, 2025),  # 13 July on a Sunday, not after today
    (29, 2, None, 3, 2024),  # 29 February on a Thursday
    (29, 2, date(2023, 6, 1), None, None),  # no 29 February in 2023 nor 2022
    (13, 7, None, None, None),
]


@pytest.mark.parametrize("day,month,ref,weekday,year", YEAR_ROWS)
def test_dates_infer_year_rows(day, month, ref, weekday, year):
    assert infer_year(day, month, ref, weekday, today=TODAY) == year


# (dates.yaml content, error fragment)
BAD_DATES_DATA = [
    ("month_spellings:\n  13: [Smarch]\n", "month_spellings.13 must be numbered 1 to 12"),
    ("weekday_spellings:\n  4: Jumat\n", "weekday_spellings.4 must be a list of words"),
    ("relative:\n  before: [lalu]\n", "relative.before must be one of past, this, next"),
    ("day_words:\n  kemarin: satu\n", "day_words.kemarin must be a whole number"),
    ("time_zones: [WIB, no]\n", "time_zones must be a list of words"),
    ("month_names: [Januari]\n", "month_names is not a known key"),
]


@pytest.mark.parametrize("content,fragment", BAD_DATES_DATA)
def test_dates_bad_language_data(tmp_path, content, fragment):
    (tmp_path / "dates.yaml").write_text(content, encoding="utf-8")
    bad = LanguagePack("id", tmp_path)
    with pytest.raises(QuizgenError) as err:
        find_dates("19 Juni 2024", bad)
    assert fragment in str(err.value)
    assert "dates.yaml:" in str(err.value)


def test_dates_pack_without_dates_file_uses_cldr_names(tmp_path):
    bare = LanguagePack("id", tmp_path)
    assert parse_datetime("19 Juni 2024", bare) == datetime(2024, 6, 19)
    assert [m.iso for m in find_dates("Rabu, 19 Juni 2024", bare)] == ["2024-06-19"]


@pytest.mark.parametrize(
    "text,ref,guessed",
    [
        ("pada Minggu (13/7).", None, True),  # the weekday alone picks the year
        ("pada Minggu (13/7).", date(2025, 7, 13), False),  # the article's date does
        ("pada Rabu (19/6/2024).", None, False),  # the text gives it
    ],
)
def test_dates_year_from_the_weekday_alone_is_marked(pack, text, ref, guessed):
    [m] = find_dates(text, pack, ref, today=TODAY)
    assert m.year_guessed is guessed


@pytest.mark.parametrize(
    "words, matches, misses",
    [
        ({"jan", "januari", "juni"}, ["jan", "Januari", "JUNI", "junior"], ["jum", "ja"]),
        ({"selasa", "sen", "senin"}, ["sen", "Senin", "selasa"], ["se", "sel"]),
        ({"yang"}, ["yang"], ["yan"]),
    ],
)
def test_dates_first_word_trie_matches_exactly_the_words(words, matches, misses):
    """The cheap first test of find_dates: a trie of first words, matching any word's start."""
    import re

    from quizgen.datewords import _trie

    rx = re.compile(_trie(words), re.IGNORECASE)
    assert all(rx.match(w) for w in matches)
    assert not any(rx.match(w) for w in misses)
