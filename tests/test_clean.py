"""clean.clean_document on the seeds, the IndoSum dev articles, Markdown and HTML; the line
rules (datelines, credits) and the language data's validation."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import DEV_ARTICLES, SEEDS

from quizgen.clean import clean_document
from quizgen.cleanrules import load_rules
from quizgen.errors import QuizgenError
from quizgen.lang import LanguagePack
from quizgen.markup import html_blocks, markdown_blocks
from quizgen.metadata import credits, dateline
from quizgen.model import Article, RawDocument
from quizgen.read import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def _seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def _clean(path: Path, pack) -> Article:
    return clean_document(read_document(path), pack)


SEED_META = [
    # (seed, title, publisher, author, published, paragraphs)
    ("000", "Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina dalam Pertemuan"
     " dengan Menlu Lavrov", "Media Indonesia", "Thalatie K Yani", datetime(2025, 7, 13, 6, 39), 12),
    ("001", None, None, None, None, 8),
    ("002", "Bertemu Putin di Pyongyang, Kim Jong-un Nyatakan Dukungan Penuh untuk Perang Rusia"
     " di Ukraina", "KompasTV", "Rizky L Pratama", datetime(2024, 6, 19, 13, 30), 9),
    ("003", "Menlu Rusia Berterima Kasih Korea Utara Dukung Perang di Ukraina", None, "AFP", None, 8),
    ("004", None, "Kontan", "Handoyo", None, 9),
]


@pytest.mark.parametrize("seed, title, publisher, author, published, count", SEED_META)
def test_clean_seed_metadata(pack, seed, title, publisher, author, published, count) -> None:
    article = _clean(_seed(seed), pack)
    assert (article.title, article.publisher, article.author, article.published) == (
        title, publisher, author, published)
    assert len(article.paragraphs) == count
    assert article.lang == "id"


# Page furniture that must not survive in any seed's body.
FURNITURE = [
    "Mantan finalis Idola Cilik", "Ketegangan antara Thailand dan Kamboja", "Baca Juga",
    "Editor :", "Penulis :", "Redaktur :", "Sumber :", "Komentar", "A   A   A", "A A A",
    "Pengaturan Font", "Cek berita dan artikel yg lain di Google News",
    "KONTAN.CO.ID - JAKARTA.", "KONTAN.CO.ID", "PYONGYANG, KOMPAS.TV -", "KOMPAS.TV",
    "Nasional Mondial Ekonomi", "SEOUL -", "Headline", "Fokus", "Berita Lainnya", "TERBARU",
    "Thalatie", "13/7/2025 06:39", "Kompas dunia |", "Rizky L Pratama", "Lili Lestari",
    "Handoyo", "Sumber: Reuters", "Foto : AP/KCNA", "(AFP/Z-2)",
    "mendukung tanpa syarat terhadap Rusia dalam perang di Ukraina.(KCNA)",  # caption, 000
    "Kremlin Pool Photo melalui AP",  # caption, 002
    "Dalam foto yang dirilis Pemerintah Korea Utara",  # caption, 003
    "Janji Dukungan dan Keyakinan atas Kemenangan Rusia",  # subheadings
    "Kerja Sama Militer: Tentara dan Senjata",
    "Pertemuan Strategis dan Aliansi Pertahanan",
    "Dukungan Militer Nyata Korea Utara untuk Rusia",
]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_clean_seed_drops_furniture(pack, seed: str) -> None:
    body = "\n".join(_clean(_seed(seed), pack).paragraphs)
    assert [s for s in FURNITURE if s in body] == []


BODY = [
    # (seed, a real body sentence that must survive whole)
    ("000", "PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia"
     " dalam perang di Ukraina saat bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov,"
     " Sabtu (12/7), menurut laporan media pemerintah KCNA yang dirilis Minggu pagi."),
    ("000", "Laporan menyebutkan Korea Utara telah mengirim ribuan tentaranya ke wilayah Kursk di"
     " Rusia untuk membantu menghadapi pasukan Ukraina, serta memasok peluru artileri dan rudal"
     " bagi militer Rusia."),
    ("000", "Lavrov bahkan sempat memuji Wonsan sebagai “tujuan wisata yang menarik,” dan berharap"
     " tempat itu akan “populer, bukan hanya bagi warga lokal tetapi juga wisatawan dari Rusia.”"),
    ("001", "Pemimpin Korea Utara, Kim Jong Un, menyatakan dukungan tak terbatas kepada Rusia dalam"
     " konflik yang sedang berlangsung di Ukraina, saat bertemu dengan Menteri Luar Negeri Rusia,"
     " Sergei Lavrov."),
    ("001", "Lavrov menyebut Wonsan sebagai tujuan wisata yang menarik, dan berharap kota itu akan"
     " menjadi destinasi favorit bagi wisatawan asal Rusia."),
    ("002", "Pemimpin Korea Utara, Kim Jong-un, mengungkapkan dukungan penuhnya terhadap perang"
     " Rusia di Ukraina saat bertemu dengan Presiden Rusia Vladimir Putin di Pyongyang, Rabu"
     " (19/6/2024)."),
    ("002", "“Situasi di dunia semakin buruk dan berubah dengan cepat. Dalam situasi ini kami"
     " bermaksud memperkuat interaksi strategis dengan Rusia,\" tutur Kim."),
    ("002", "Sanksi ini diberlakukan terhadap Korea Utara terkait program senjata nuklir dan"
     " misilnya, sementara Rusia dihadapkan pada sanksi atas agresi militernya di Ukraina."),
    ("003", "Menteri Luar Negeri Rusia Sergey Lavrov berterima kasih kepada Korea Utara atas"
     " dukungannya terhadap perang Rusia terhadap Ukraina ketika ia tiba di Pyongyang"),
    ("003", "Pertemuan September antara Kim dan Putin memicu kekhawatiran Barat mengenai potensi"
     " aliansi senjata di mana Korea Utara akan memasok amunisi ke Rusia untuk memicu perangnya"
     " di Ukraina dengan imbalan teknologi canggih Rusia untuk meningkatkan program nuklir"
     " militer Kim."),
    ("004", "Pemimpin Korea Utara Kim Jong Un menyampaikan komitmen dukungan “tanpa syarat”"
     " terhadap semua tindakan Rusia dalam konflik Ukraina, sebagaimana dilaporkan media"
     " pemerintah Korea Utara, KCNA, pada Minggu (13/7)."),
    ("004", "Pertemuan tersebut merupakan bagian dari dialog strategis tingkat tinggi yang kedua"
     " antara Moskwa dan Pyongyang."),
    ("004", "Bahkan, Korea Utara telah berkomitmen untuk mengirim sekitar 6.000 insinyur dan pekerja"
     " konstruksi ke wilayah Kursk di Rusia, membantu upaya rekonstruksi di daerah yang terdampak"
     " konflik dan serangan drone Ukraina."),
]


@pytest.mark.parametrize("seed, sentence", BODY)
def test_clean_seed_keeps_body_sentences(pack, seed: str, sentence: str) -> None:
    assert sentence in "\n".join(_clean(_seed(seed), pack).paragraphs)


@pytest.mark.parametrize(
    "seed, first", [("000", "PEMIMPIN Korea"), ("001", "Pemimpin Korea Utara, Kim"),
                    ("002", "Pemimpin Korea Utara, Kim Jong-un"), ("003", "Menteri Luar Negeri"),
                    ("004", "Pemimpin Korea Utara Kim")])
def test_clean_seed_body_starts_after_dateline(pack, seed: str, first: str) -> None:
    assert _clean(_seed(seed), pack).paragraphs[0].startswith(first)


DEV = [
    # (IndoSum article, publisher named by its dateline or None, start of the body)
    ("1474182027", "CNN Indonesia", "Kementerian Kesehatan Kanada mengamandemen"),
    ("1480876210", "CNN Indonesia", "Layanan pesan instan BlackBerry Messenger"),
    ("1490674536", None, "Ketua MPR Zulkifli Hasan menyesalkan"),
    ("1491041732", "Juara.net", "Panitia Pelaksana Asian Games 2018 (INASGOC)"),
    ("1497837600", "CNN Indonesia", "Budaya Turki sedang menjamur"),
    ("1503248400", None, "Setelah sukses melumat West Ham United"),
    ("1506496965", "CNN Indonesia", "Duta Besar Indonesia untuk Arab Saudi"),
    ("1507336200", None, "Jurnal.id sebagai startup lokal"),
    ("1512103500", "Antara", "Seniman Butet Kartaredjasa"),
    ("1512613785", "Juara.net", "Tim bola voli putri Petrokimia Gresik"),
    ("1513136983", "Juara.net", "Di penghujung tahun 2017 ini"),
    ("1518032698", "Suara.com", "Komisi Pemberantasan Korupsi (KPK)"),
]


@pytest.mark.parametrize("stem, publisher, start", DEV)
def test_clean_dev_datelines(pack, stem: str, publisher: str | None, start: str) -> None:
    path = next(p for p in DEV_ARTICLES if p.name.startswith(stem))
    article = _clean(path, pack)
    assert article.publisher == publisher
    assert article.paragraphs[0].startswith(start)
    assert (article.title, article.author, article.published) == (None, None, None)
    body = "\n".join(article.paragraphs)
    assert not re.search(r"(?im)^\W*(baca|simak) juga", body)  # "Baca juga:", "SIMAK JUGA:"
    assert not re.search(r"[(\[](stu|evn/evn|aal|Antara)[)\]]\s*$", body)  # closing codes


def test_clean_dev_keeps_every_paragraph(pack) -> None:
    """Only "read also" lines and closing codes go; every other paragraph of the 12 stays."""
    for path in DEV_ARTICLES:
        article = _clean(path, pack)
        source = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        furniture = [p for p in source if re.match(r"\W*(baca|simak) juga", p, re.I)
                     or re.fullmatch(r"\s*\(\w+\)\s*", p)]
        assert len(article.paragraphs) == len(source) - len(furniture), path.name


def test_clean_html_page(pack) -> None:
    article = _clean(FIXTURES / "page.html", pack)
    assert article.title == "Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina"
    assert (article.publisher, article.author, article.published) == (
        "Media Indonesia", "Thalatie K Yani", datetime(2025, 7, 13, 6, 39))
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("PEMIMPIN Korea Utara Kim Jong Un menyatakan")
    assert article.paragraphs[-1].endswith("wisatawan dari Rusia.”")
    body = "\n".join(article.paragraphs)
    for junk in ["Internasional", "dataLayer", "font-family", "Baca Juga", "Mantan finalis",
                 "Cek berita", "Penerbangan dan Promosi Wisata", "Penulis", "<"]:
        assert junk not in body


def test_clean_html_fallback_without_main_content() -> None:
    blocks, meta = html_blocks(
        "<html><head><title>Judul</title><meta name='author' content='Penulis Satu'></head>"
        "<body><nav><p>Nasional</p></nav><script>x()</script><h1>Putin Tiba</h1>"
        "<p>SEOUL - Presiden Rusia tiba.</p></body></html>")
    assert [(b.text, b.heading) for b in blocks] == [("Putin Tiba", 1),
                                                     ("SEOUL - Presiden Rusia tiba.", 0)]
    assert meta == {"title": "Judul", "author": "Penulis Satu"}


def test_clean_markdown_fixture(pack) -> None:
    article = _clean(FIXTURES / "article.md", pack)
    assert article.title == "Menlu Rusia Berterima Kasih Korea Utara Dukung Perang di Ukraina"
    assert (article.publisher, article.author, article.published) == (None, "AFP", None)
    assert article.paragraphs == [
        "Menteri Luar Negeri Rusia Sergey Lavrov berterima kasih kepada Korea Utara atas"
        " dukungannya terhadap perang Rusia terhadap Ukraina ketika ia tiba di Pyongyang,"
        " beberapa hari setelah Amerika Serikat mengatakan Korea Utara telah mengirimkan amunisi"
        " ke Rusia untuk meningkatkan kemampuan perangnya.",
        "Awal pekan ini, Lavrov menemani Putin dalam kunjungan ke Beijing yang menggarisbawahi"
        " dukungan Tiongkok terhadap perang Moskow di Ukraina.",
    ]


@pytest.mark.parametrize(
    "markdown, blocks",
    [
        ("Judul\n=====\n\nSatu *dua* **tiga**.\n", [("Judul", 1), ("Satu dua tiga.", 0)]),
        ("## Sub ##\n\n- satu\n- dua\n", [("Sub", 2), ("satu", 0), ("dua", 0)]),
        ("> kutipan\n> lanjut\n\n```\nkode()\n```\n", [("kutipan lanjut", 0)]),
        ("[teks](http://a.b) ![gbr](g.png) `x` snake_case\n", [("teks x snake_case", 0)]),
        # each kind of inline markup alone (a paragraph without any is left as it is)
        ("Kata <b>Kim</b> hari ini.\n", [("Kata Kim hari ini.", 0)]),
        ("Kata __Kim__ dan _Lavrov_.\n", [("Kata Kim dan Lavrov.", 0)]),
        ("Harga 5\\*3 dan [Kim][1].\n", [("Harga 5*3 dan Kim.", 0)]),
        ("Lihat <https://a.b/c> sekarang.\n", [("Lihat https://a.b/c sekarang.", 0)]),
        ("Kim  tiba   di Moskow (Rusia).\n", [("Kim tiba di Moskow (Rusia).", 0)]),
    ],
)
def test_clean_markdown_blocks(markdown: str, blocks: list[tuple[str, int]]) -> None:
    assert [(b.text, b.heading) for b in markdown_blocks(markdown)[0]] == blocks


def test_clean_markdown_front_matter(pack, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Judul Berita\nauthor: Rizky L Pratama\ndate: 2024-06-19\n"
                    "publisher: kompas.tv\n---\nPutin tiba di Pyongyang pada Rabu.\n")
    article = _clean(path, pack)
    assert (article.title, article.author, article.published, article.publisher) == (
        "Judul Berita", "Rizky L Pratama", datetime(2024, 6, 19), "KompasTV")
    assert article.paragraphs == ["Putin tiba di Pyongyang pada Rabu."]


def test_clean_id_is_hash_of_content(pack, tmp_path: Path) -> None:
    seed = _seed("000")
    article = _clean(seed, pack)
    assert article.id == hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("utf-16"))  # with BOM
    assert _clean(copy, pack).id == article.id


@pytest.mark.parametrize(
    "text, rest, outlet",
    [
        ("KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara.", "Pemimpin Korea Utara.", "Kontan"),
        ("PYONGYANG, KOMPAS.TV - Pemimpin Korea Utara.", "Pemimpin Korea Utara.", "KompasTV"),
        ("SEOUL - Menteri Luar Negeri Rusia.", "Menteri Luar Negeri Rusia.", None),
        ("Jakarta, CNN Indonesia - - Kementerian Kesehatan.", "Kementerian Kesehatan.",
         "CNN Indonesia"),
        ("JAKARTA, JUARA.net - Panitia Pelaksana.", "Panitia Pelaksana.", "Juara.net"),
        ("Jakarta (ANTARA News) - Seniman Butet.", "Seniman Butet.", "Antara"),
        ("Suara.com - Komisi Pemberantasan Korupsi.", "Komisi Pemberantasan Korupsi.",
         "Suara.com"),
        ("JUARA.NET, MISANO ADRIATICO - Valentino Rossi.", "Valentino Rossi.", "Juara.net"),
        ("Yogyakarta, Kompas - Sultan Hamengku Buwono X.", "Sultan Hamengku Buwono X.", "Kompas"),
        ("JAKARTA (Pos Kota) –Ketua Dewan.", "Ketua Dewan.", "Pos Kota"),
        ("JawaPos.com–Presiden Joko Widodo.", "Presiden Joko Widodo.", "Jawa Pos"),
        ("Merdeka.com -", "", "Merdeka.com"),
    ],
)
def test_clean_dateline(pack, text: str, rest: str, outlet: str | None) -> None:
    assert dateline(text, load_rules(pack)) == (rest, outlet)


@pytest.mark.parametrize(
    "text",
    [
        "Oviedo - Joekes yang memimpin Inisiatif Pengobatan Narkotika.",  # IndoSum's "a - b"
        "Jung - Jin rajin berolah raga.",
        "Eks-pemain AC Milan, Pierre - Emerick Aubameyang menjadi bintang.",
        "KPK - lembaga antirasuah - menyatakan.",
        "Go - Jek resmikan layanan digital terbaru.",
    ],
)
def test_clean_not_a_dateline(pack, text: str) -> None:
    assert dateline(text, load_rules(pack)) is None


@pytest.mark.parametrize(
    "line, pairs",
    [
        ("Penulis : Rizky L Pratama Editor : Edy-A.-Putra",
         [("writer", "Rizky L Pratama"), ("editor", "Edy-A.-Putra")]),
        ("Sumber: Reuters | Editor: Handoyo", [("source", "Reuters"), ("editor", "Handoyo")]),
        ("Redaktur : Lili Lestari", [("editor", "Lili Lestari")]),
        ("Penulis : AFP", [("writer", "AFP")]),
        ("Foto : AP/KCNA", [("photo", "AP/KCNA")]),
        ("Menurut sumber: tidak ada yang terluka.", None),  # the label must open the line
    ],
)
def test_clean_credit_lines(pack, line: str, pairs) -> None:
    assert credits(line, load_rules(pack)) == pairs


PUBLISHERS_OK = "publishers:\n  - name: Kontan\n    aliases: [kontan.co.id]\n"

BAD_DATA = [
    # (boilerplate.yaml, publishers.yaml, message after the pack's directory)
    ("drop:\n  - 'baca (juga'\n", PUBLISHERS_OK,
     "boilerplate.yaml:2: drop[0]: bad regular expression (missing ), unterminated subpattern"
     " at position 5); fix the pattern"),
    ("end: terbaru\n", PUBLISHERS_OK, "boilerplate.yaml:1: end: must be a list of line patterns"),
    ("credits:\n  author: [Penulis]\n", PUBLISHERS_OK,
     "boilerplate.yaml:2: credits.author: unknown kind; use one of writer, editor, source, photo"),
    ("credits:\n  writer: Penulis\n", PUBLISHERS_OK,
     "boilerplate.yaml:2: credits.writer: must be a list of words, e.g. [Penulis, Reporter]"),
    ("drop: []\n", "publishers:\n  - aliases: [kontan]\n",
     "publishers.yaml:2: publishers[0]: needs a 'name' (the display name) and 'aliases'"),
    ("drop: []\n", "outlets: []\n",
     "publishers.yaml:1: publishers: must be a list of {name, aliases} entries"),
]


@pytest.mark.parametrize("boilerplate, publishers, message", BAD_DATA)
def test_clean_bad_language_data(tmp_path: Path, boilerplate: str, publishers: str,
                                 message: str) -> None:
    (tmp_path / "boilerplate.yaml").write_text(boilerplate)
    (tmp_path / "publishers.yaml").write_text(publishers)
    with pytest.raises(QuizgenError) as err:
        load_rules(LanguagePack("xx", tmp_path))
    assert str(err.value) == f"{tmp_path}/{message}"


def test_clean_raw_text_without_file(pack) -> None:
    """clean_document needs only a RawDocument: a title line, then paragraphs."""
    raw = RawDocument("mem.txt", "Putin Tiba di Korea Utara\n\nSEOUL - Putin tiba.\n", "text")
    article = clean_document(raw, pack)
    assert (article.title, article.paragraphs) == ("Putin Tiba di Korea Utara", ["Putin tiba."])


@pytest.mark.parametrize(
    "text",
    ["Baca Juga: Putin Tiba di Korea Utara\nKomentar\n",
     "Nasional Mondial Ekonomi Megapolitan Olahraga Rona Wisata\n\nEditor : Thalatie Yani\n"],
)
def test_clean_furniture_only_is_an_error(pack, text: str) -> None:
    with pytest.raises(QuizgenError) as err:
        clean_document(RawDocument("menu.txt", text, "text"), pack)
    assert str(err.value) == (
        "menu.txt: no article text found, only page furniture (menus, links, credits);"
        " give the article's own page or text")


_LINE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_clean_only_removes_text(pack, lines: list[str]) -> None:
    """Whatever the input, the body is made of the input's own words: nothing is invented."""
    text = "\n".join(lines)
    try:
        article = clean_document(RawDocument("p.txt", text, "text"), pack)
    except QuizgenError:
        return
    source = " ".join(re.sub(r"[\u200b-\u200f\u2060\ufeff\u00ad]", "", text).split())
    for paragraph in article.paragraphs:
        assert paragraph and paragraph == paragraph.strip()
        assert paragraph in source


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Baca_Juga Namun, Yon tak lagi bisa tampil.", "Namun, Yon tak lagi bisa tampil."),
        ("Konser digelar di Balai Sarbini. ADVERTISEMENT Penonton datang dari Bandung.",
         "Konser digelar di Balai Sarbini. Penonton datang dari Bandung."),
        ("Iklan ADVERTISEMENTS di televisi naik.", "Iklan ADVERTISEMENTS di televisi naik."),
    ],
)
def test_clean_inline_markers_leave_the_sentence_around_them(pack, body, expected) -> None:
    article = clean_document(RawDocument("m.txt", f"Judul Berita Hari Ini\n\n{body}\n", "text"), pack)
    assert article.paragraphs == [expected]


def test_clean_huge_page_is_read_up_to_the_limit_with_a_note(pack, monkeypatch):
    """A page past webpage.MAX_PAGE_CHARS is cut there (its extraction grows with the
    page); the article says so."""
    from quizgen import webpage

    para = ("<p>Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat"
            " (11/7/2025) untuk kunjungan tiga hari bersama rombongan.</p>\n")
    page = ("<!DOCTYPE html><html><head><title>Arsip Besar</title></head><body><article>"
            "<h1>Arsip Besar</h1>\n" + para * 400 + "</article></body></html>\n")
    monkeypatch.setattr(webpage, "MAX_PAGE_CHARS", 10_000)
    article = clean_document(RawDocument("big.html", page, "html"), pack)
    assert article.paragraphs and sum(map(len, article.paragraphs)) < 10_000
    assert len(article.notes) == 1
    assert article.notes[0].endswith(" of the page were read; save the article's page alone")
