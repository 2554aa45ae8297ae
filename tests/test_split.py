"""Sentence splitting and tokenization on real Indonesian news text.

Fixtures marked [IndoSum] or [FacQA] are copied from the development corpus (IndoSum,
Kurniawan & Louvan 2018; FacQA, ITB via IndoNLU), licensed CC BY-SA 4.0. Rows marked
[seed] come from the seed articles in seeds/.
"""

from __future__ import annotations

import re

import pytest

from quizgen.errors import QuizgenError
from quizgen.lang import LanguagePack
from quizgen.model import Article
from quizgen.split import (
    MAX_ARTICLE_CHARS,
    MAX_SENTENCE_CHARS,
    split_article,
    split_sentences,
    tokenize,
)

from conftest import DEV_ARTICLES, SEEDS, facqa_rows

# (text, expected sentences)
SPLIT_ROWS = [
    # --- plain sentence ends [FacQA, CC BY-SA 4.0]
    (
        "Selain orangutan, satwa yang berada TNGL itu di antaranya adalah harimau sumatera "
        "(Panthera tigris sumatrensis). Tim Kompas bulan lalu pernah memergoki harimau ini.",
        [
            "Selain orangutan, satwa yang berada TNGL itu di antaranya adalah harimau sumatera "
            "(Panthera tigris sumatrensis).",
            "Tim Kompas bulan lalu pernah memergoki harimau ini.",
        ],
    ),
    (
        "Saat ini lebih dari 4.000 ekor penyu belimbing terdapat di pantai Jamursbamedi. Penyu "
        "belimbing memiliki karapas dengan pola bergaris-garis seperti buah belimbing.",
        [
            "Saat ini lebih dari 4.000 ekor penyu belimbing terdapat di pantai Jamursbamedi.",
            "Penyu belimbing memiliki karapas dengan pola bergaris-garis seperti buah belimbing.",
        ],
    ),
    # --- dates in brackets never split [seed] [FacQA]
    (
        "PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia saat "
        "bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov, Sabtu (12/7), menurut laporan "
        "media pemerintah KCNA yang dirilis Minggu pagi.",
        [
            "PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia saat "
            "bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov, Sabtu (12/7), menurut laporan "
            "media pemerintah KCNA yang dirilis Minggu pagi."
        ],
    ),
    (
        "PYONGYANG, KOMPAS.TV - Pemimpin Korea Utara, Kim Jong-un, mengungkapkan dukungan "
        "penuhnya di Pyongyang, Rabu (19/6/2024). Putin mengapresiasi dukungan tersebut.",
        [
            "PYONGYANG, KOMPAS.TV - Pemimpin Korea Utara, Kim Jong-un, mengungkapkan dukungan "
            "penuhnya di Pyongyang, Rabu (19/6/2024).",
            "Putin mengapresiasi dukungan tersebut.",
        ],
    ),
    (
        "Kupang, Kompas - Anak-anak korban diare di Nusa Tenggara Timur masih terus berjatuhan. "
        "Hingga Jumat (12/8), penyakit ini telah menewaskan 13 orang.",
        [
            "Kupang, Kompas - Anak-anak korban diare di Nusa Tenggara Timur masih terus "
            "berjatuhan.",
            "Hingga Jumat (12/8), penyakit ini telah menewaskan 13 orang.",
        ],
    ),
    # --- numbers with separators [FacQA] [seed]
    (
        "Harga pertamax plus yang semula Rp 5.900 turun menjadi Rp 5.700. Pertamina juga "
        "menurunkan harga.",
        [
            "Harga pertamax plus yang semula Rp 5.900 turun menjadi Rp 5.700.",
            "Pertamina juga menurunkan harga.",
        ],
    ),
    (
        "DAS Merawu mempunyai tingkat erosi rata-rata 10,23 mm per tahun, sedangkan DAS Serayu "
        "(678,3 km2) sekitar 4,12 mm per tahun. Itu tinggi.",
        [
            "DAS Merawu mempunyai tingkat erosi rata-rata 10,23 mm per tahun, sedangkan DAS Serayu "
            "(678,3 km2) sekitar 4,12 mm per tahun.",
            "Itu tinggi.",
        ],
    ),
    (
        "Korea Utara telah mengirim lebih dari 10.000 personel militer. Pyongyang juga memasok "
        "senjata artileri.",
        [
            "Korea Utara telah mengirim lebih dari 10.000 personel militer.",
            "Pyongyang juga memasok senjata artileri.",
        ],
    ),
    # --- domain names [seed] [IndoSum]
    (
        "KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un menyampaikan komitmen dukungan "
        "“tanpa syarat” terhadap semua tindakan Rusia.",
        [
            "KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un menyampaikan komitmen "
            "dukungan “tanpa syarat” terhadap semua tindakan Rusia."
        ],
    ),
    (
        "Kepada media CEO Jurnal.id Daniel Witono mengungkapkan rencana tersebut di Jakarta "
        "(04/10). Jurnal.id mengklaim telah berhasil.",
        [
            "Kepada media CEO Jurnal.id Daniel Witono mengungkapkan rencana tersebut di Jakarta "
            "(04/10).",
            "Jurnal.id mengklaim telah berhasil.",
        ],
    ),
    (
        "Suara.com - Komisi Pemberantasan Korupsi (KPK) menginformasikan hal itu. Novel masih "
        "dirawat.",
        [
            "Suara.com - Komisi Pemberantasan Korupsi (KPK) menginformasikan hal itu.",
            "Novel masih dirawat.",
        ],
    ),
    (
        "Cek berita dan artikel yg lain di mediaindonesia.com. Ikuti kanal kami.",
        ["Cek berita dan artikel yg lain di mediaindonesia.com.", "Ikuti kanal kami."],
    ),
    # --- initials and abbreviations
    (
        "Tulisan Thalatie K. Yani dimuat Minggu. Lalu dibaca.",
        ["Tulisan Thalatie K. Yani dimuat Minggu.", "Lalu dibaca."],
    ),
    (
        "Rapat dipimpin Prof. Dr. Sri Wahyuni di Jl. Sudirman No. 5. Ia datang pagi.",
        ["Rapat dipimpin Prof. Dr. Sri Wahyuni di Jl. Sudirman No. 5.", "Ia datang pagi."],
    ),
    (
        "Warga Kab. Bogor dan Kec. Cibinong hadir. Acara selesai.",
        ["Warga Kab. Bogor dan Kec. Cibinong hadir.", "Acara selesai."],
    ),
    (
        "Jalan M.H. Thamrin ditutup. Polisi berjaga.",
        ["Jalan M.H. Thamrin ditutup.", "Polisi berjaga."],
    ),
    (
        "Surat a.n. Sdr. Budi diterima Bpk. Ahmad. Isinya pendek.",
        ["Surat a.n. Sdr. Budi diterima Bpk. Ahmad.", "Isinya pendek."],
    ),
    (
        "Hadir Ahmad, S.H., M.Si. dan rekannya. Semua setuju.",
        ["Hadir Ahmad, S.H., M.Si. dan rekannya.", "Semua setuju."],
    ),
    (
        "Saham PT Bank Rakyat Indonesia (Persero) Tbk. naik. Investor senang.",
        ["Saham PT Bank Rakyat Indonesia (Persero) Tbk. naik.", "Investor senang."],
    ),
    (
        "Pasar menjual sayur, buah, ikan, dll. Selain itu ada pakaian.",
        ["Pasar menjual sayur, buah, ikan, dll.", "Selain itu ada pakaian."],
    ),
    (
        "Penelitian Setiawan dkk. menemukan planet baru. Hasilnya dimuat jurnal.",
        ["Penelitian Setiawan dkk. menemukan planet baru.", "Hasilnya dimuat jurnal."],
    ),
    # [IndoSum, CC BY-SA 4.0]
    (
        "Hadir Menpora, Bu Puan (Puan Maharani, red.) lagi ada tugas sehingga yang dipasang "
        "Menpora. Acara berlanjut.",
        [
            "Hadir Menpora, Bu Puan (Puan Maharani, red.) lagi ada tugas sehingga yang dipasang "
            "Menpora.",
            "Acara berlanjut.",
        ],
    ),
    (
        "Tiga tahun silam, Valve Corp. sempat mengumumkan bahwa mereka berhenti. Kini berubah.",
        [
            "Tiga tahun silam, Valve Corp. sempat mengumumkan bahwa mereka berhenti.",
            "Kini berubah.",
        ],
    ),
    # --- "Menlu" has no period: an ordinary word
    (
        "Lavrov juga bertemu dengan Menlu Korea Utara Choe Son Hui. Ia mengucapkan terima kasih.",
        [
            "Lavrov juga bertemu dengan Menlu Korea Utara Choe Son Hui.",
            "Ia mengucapkan terima kasih.",
        ],
    ),
    # --- quotations [seed]
    (
        "Pertemuan berlangsung dalam suasana “penuh kehangatan dan kepercayaan antar-sahabat "
        "seperjuangan.” Kim menyampaikan dukungannya.",
        [
            "Pertemuan berlangsung dalam suasana “penuh kehangatan dan kepercayaan antar-sahabat "
            "seperjuangan.”",
            "Kim menyampaikan dukungannya.",
        ],
    ),
    (
        "“Situasi di dunia semakin buruk dan berubah dengan cepat. Dalam situasi ini kami "
        'bermaksud memperkuat interaksi strategis dengan Rusia," tutur Kim. Putin setuju.',
        [
            "“Situasi di dunia semakin buruk dan berubah dengan cepat. Dalam situasi ini kami "
            'bermaksud memperkuat interaksi strategis dengan Rusia," tutur Kim.',
            "Putin setuju.",
        ],
    ),
    (
        "“Kami sangat menghargai dukungan Anda yang konsisten,” ucapnya, dikutip dari "
        "Associated Press. Putin turut menyoroti hubungan itu.",
        [
            "“Kami sangat menghargai dukungan Anda yang konsisten,” ucapnya, dikutip dari "
            "Associated Press.",
            "Putin turut menyoroti hubungan itu.",
        ],
    ),
    # [IndoSum, CC BY-SA 4.0]: a quote of several sentences followed by its speech tag
    (
        '"Tidak hanya tarif tapi apa saja harus diatur. Dipanggil keduanya untuk berbicara '
        'masing-masing," ucap Zulkifli di Gedung DPR, Senin (27/3).',
        [
            '"Tidak hanya tarif tapi apa saja harus diatur. Dipanggil keduanya untuk berbicara '
            'masing-masing," ucap Zulkifli di Gedung DPR, Senin (27/3).'
        ],
    ),
    (
        "“Saya berusaha untuk tampil baik di laga nanti.” tutur Rosyita. Ia tersenyum.",
        ["“Saya berusaha untuk tampil baik di laga nanti.” tutur Rosyita.", "Ia tersenyum."],
    ),
    # a quote with no speech tag after it splits inside [IndoSum, CC BY-SA 4.0]
    (
        "“Saat ini kami sedang mempersiapkan pilihan tersebut. Timeline pastinya belum bisa kami "
        "tentukan.”",
        [
            "“Saat ini kami sedang mempersiapkan pilihan tersebut.",
            "Timeline pastinya belum bisa kami tentukan.”",
        ],
    ),
    (
        'Pelatih mengatakan, "Kami siap!" Lalu pemain masuk lapangan.',
        ['Pelatih mengatakan, "Kami siap!"', "Lalu pemain masuk lapangan."],
    ),
    # --- "?" and "!" [IndoSum, CC BY-SA 4.0]
    (
        "United mendapat berkah dengan mampu mencetak tiga gol dalam tempo empat menit! Itulah "
        "yang terjadi di menit ke-80 sampai 84.",
        [
            "United mendapat berkah dengan mampu mencetak tiga gol dalam tempo empat menit!",
            "Itulah yang terjadi di menit ke-80 sampai 84.",
        ],
    ),
    ("Apakah ini akhir? Belum tentu.", ["Apakah ini akhir?", "Belum tentu."]),
    # --- ellipsis [IndoSum, CC BY-SA 4.0]
    (
        "Kemeja putih polosmu terlihat terlalu... polos? Tak perlu dipermak segala.",
        ["Kemeja putih polosmu terlihat terlalu... polos?", "Tak perlu dipermak segala."],
    ),
    (
        "Mereka menunggu… Akhirnya datang juga.",
        ["Mereka menunggu…", "Akhirnya datang juga."],
    ),
    # --- credits in brackets stay with their sentence [FacQA] [seed]
    (
        "Michael Shifter mengatakan kebijakan AS membingungkan. Venezuela pemasok minyak "
        "terbesar ke AS. (AFP/AP/MON)",
        [
            "Michael Shifter mengatakan kebijakan AS membingungkan.",
            "Venezuela pemasok minyak terbesar ke AS. (AFP/AP/MON)",
        ],
    ),
    (
        "Lavrov memuji Wonsan sebagai “tujuan wisata yang menarik.” (AFP/Z-2)",
        ["Lavrov memuji Wonsan sebagai “tujuan wisata yang menarik.” (AFP/Z-2)"],
    ),
    (
        "Bangsa Eropa masih berada dalam Zaman Kegelapan. (hal 7).",
        ["Bangsa Eropa masih berada dalam Zaman Kegelapan. (hal 7)."],
    ),
    # --- no end inside short brackets; a stray closing quote joins its sentence
    # [IndoSum, CC BY-SA 4.0]
    (
        "Demikian dilaporkan Antara. (Uu. B002/T008)",
        ["Demikian dilaporkan Antara. (Uu. B002/T008)"],
    ),
    (
        "Bagian ini (lihat hlm. 5) penting. Lalu selesai.",
        ["Bagian ini (lihat hlm. 5) penting.", "Lalu selesai."],
    ),
    (
        'Azzurri hanya kalah dari Prancis. "\n\nVentura menang.',
        ['Azzurri hanya kalah dari Prancis. "', "Ventura menang."],
    ),
    # --- lowercase sentence starts in scraped text [IndoSum, CC BY-SA 4.0]
    (
        "Tim di puncak klasemen telah mengumpulkan poin 69. sedangkan Burnley berada di posisi "
        "kedua.",
        [
            "Tim di puncak klasemen telah mengumpulkan poin 69.",
            "sedangkan Burnley berada di posisi kedua.",
        ],
    ),
    (
        "Apple menyiapkan iPhone baru. iPad juga diperbarui.",
        ["Apple menyiapkan iPhone baru.", "iPad juga diperbarui."],
    ),
    # --- a period glued to the next sentence [IndoSum, CC BY-SA 4.0]
    (
        "Petrokimia mengalahkan Vita Solo 3-0 (25-17, 25-22, 25-19) di GOR Dimyati, Selasa "
        "(5/12/2017).Pada babak semifinal, Petrokimia akan bertemu Popsivo.",
        [
            "Petrokimia mengalahkan Vita Solo 3-0 (25-17, 25-22, 25-19) di GOR Dimyati, Selasa "
            "(5/12/2017).",
            "Pada babak semifinal, Petrokimia akan bertemu Popsivo.",
        ],
    ),
    # --- list numbers are no sentences; blank lines always are
    ("1. Pertama kita datang.", ["1. Pertama kita datang."]),
    (
        "Susunan Pemain:\n\nSwansea City (5-3-2): Fabianski; Naughton.",
        ["Susunan Pemain:", "Swansea City (5-3-2): Fabianski; Naughton."],
    ),
    ("", []),
    ("   ", []),
    ("Tanpa tanda akhir", ["Tanpa tanda akhir"]),
]


@pytest.mark.parametrize("text,expected", SPLIT_ROWS)
def test_split_sentences_rows(pack, text, expected):
    got = [text[a:b] for a, b in split_sentences(text, pack)]
    assert got == expected


def _corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in DEV_ARTICLES]
    texts += [row["context"] for row in facqa_rows()]
    texts += [p.read_text(encoding="utf-8") for p in SEEDS]
    return texts


def test_split_sentences_cover_text_in_order(pack):
    """Sentences are ordered, disjoint, trimmed, and lose nothing but whitespace."""
    for text in _corpus_texts():
        spans = split_sentences(text, pack)
        last = 0
        for a, b in spans:
            assert last <= a < b
            assert not text[a].isspace() and not text[b - 1].isspace()
            assert not text[last:a].strip()
            last = b
        assert not text[last:].strip()


def test_split_sentences_corpus_counts(pack):
    """Regression guard: sentence counts on the dev corpus (read and checked by hand)."""
    dev = sum(len(split_sentences(p.read_text(encoding="utf-8"), pack)) for p in DEV_ARTICLES)
    facqa = sum(len(split_sentences(r["context"], pack)) for r in facqa_rows())
    assert (dev, facqa) == (199, 272)


def test_split_article_seed_keeps_quote_with_speech_tag(pack, seed_paths):
    """A seed page through the real reader and cleaner, then split: the quote stays whole."""
    from quizgen.clean import clean_document
    from quizgen.read import read_document

    article = clean_document(read_document(seed_paths[2]), pack)
    texts = [s.text for s in split_article(article, pack)]
    assert any(t.startswith("“Situasi di dunia") and t.endswith("tutur Kim.") for t in texts)
    assert all(t[-1] in '.!?”")' for t in texts), texts


def test_split_article_numbers_sentences_across_paragraphs(pack):
    paras = [
        "Kim Jong Un bertemu Lavrov, Sabtu (12/7). Pertemuan berlangsung di Wonsan.",
        "Lavrov juga bertemu dengan Menlu Korea Utara Choe Son Hui.",
    ]
    art = Article(id="a1", path="x.txt", lang="id", paragraphs=paras)
    sents = split_article(art, pack)
    assert [(s.index, s.paragraph, s.article_id) for s in sents] == [
        (0, 0, "a1"),
        (1, 0, "a1"),
        (2, 1, "a1"),
    ]
    assert sents[1].text == "Pertemuan berlangsung di Wonsan."
    for s in sents:
        assert s.tokens and all(s.text[t.start : t.end] == t.text for t in s.tokens)


# (text, expected tokens)
TOKEN_ROWS = [
    ("Kim Jong-un", ["Kim", "Jong-un"]),
    ("kawasan Asia-Pasifik.", ["kawasan", "Asia-Pasifik", "."]),
    ("lebih dari 10.000 personel", ["lebih", "dari", "10.000", "personel"]),
    ("naik 1,5 persen", ["naik", "1,5", "persen"]),
    ("KONTAN.CO.ID - JAKARTA.", ["KONTAN.CO.ID", "-", "JAKARTA", "."]),
    ("CEO Jurnal.id Daniel", ["CEO", "Jurnal.id", "Daniel"]),
    ("di Suara.com,", ["di", "Suara.com", ","]),
    ("Sabtu (12/7),", ["Sabtu", "(", "12", "/", "7", ")", ","]),
    ("skor 3-0 (25-17)", ["skor", "3-0", "(", "25-17", ")"]),
    ("“tanpa syarat,” kata", ["“", "tanpa", "syarat", ",", "”", "kata"]),
    ("Rp 2.000,50 saja", ["Rp", "2.000,50", "saja"]),
    ("Apa?! Tunggu...", ["Apa", "?!", "Tunggu", "..."]),
    ("Dr. Ahmad, S.H.", ["Dr", ".", "Ahmad", ",", "S.H", "."]),
    ("Jum'at ke-5", ["Jum'at", "ke-5"]),
    ("Rusia–Korea", ["Rusia", "–", "Korea"]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", TOKEN_ROWS)
def test_tokenize_rows(text, expected):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokenize_offsets_on_corpus():
    """Every non-space character of the corpus belongs to exactly one token."""
    for text in _corpus_texts()[:20]:
        tokens = tokenize(text)
        covered = "".join(t.text for t in tokens)
        assert covered == re.sub(r"\s+", "", text)


# (file content, error fragment)
BAD_ABBREVIATIONS = [
    ("before_names:\n  - Dr\n  - No\n", "before_names[1] is False, not text; put it in quotes"),
    ("may_end: dll\n", "may_end must be a list"),
]


@pytest.mark.parametrize("content,fragment", BAD_ABBREVIATIONS)
def test_split_bad_abbreviations_data(tmp_path, content, fragment):
    (tmp_path / "abbreviations.yaml").write_text(content, encoding="utf-8")
    bad = LanguagePack("xx", tmp_path)
    with pytest.raises(QuizgenError) as err:
        split_sentences("Dr. A datang.", bad)
    assert fragment in str(err.value)
    assert "abbreviations.yaml:" in str(err.value)


def test_split_facqa_answers_stay_whole(pack):
    """No FacQA answer is cut in two by a sentence boundary."""
    for row in facqa_rows():
        ctx = row["context"]
        spans = split_sentences(ctx, pack)
        for text, start in zip(row["answers"]["text"], row["answers"]["answer_start"]):
            end = start + len(text)
            assert any(a <= start and end <= b for a, b in spans), (text, ctx)



# The end-mark regex opens with one character class (for speed); it must find exactly the
# matches of its plain form "\.{2,}|…|[.!?]+", with the same groups, backtracking included.
_PLAIN_END = re.compile(
    r"(?P<mark>\.{2,}|…|[.!?]+)(?P<tail>[\"”’'»)\]]*)(?P<gap>\s+|(?<=[a-z)]\.)(?=[A-Z][a-z]))"
)


@pytest.mark.parametrize(
    "text",
    [
        "Ia pergi... lalu kembali.",
        "Apa?! Tidak mungkin.",
        "Sudah.. Belum",
        "Ya…” kata Kim. Lalu?",
        "kalah.Dia pulang.).Pada hari itu",
        "Rp 2.. juta?!.. ok",
        "“Selesai!” tutur Rosyita.",
        "(5/12/2017).Pada",
        "…",
        "a.b.c. D",
    ],
)
def test_split_end_mark_matches_plain_form(text):
    from quizgen.split import _END

    got = [(m.span(), m.groupdict()) for m in _END.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in _PLAIN_END.finditer(text)]


def test_split_article_cuts_an_over_long_sentence_into_bounded_pieces(pack):
    """A run-on "sentence" (no full stop in 90 KB) is cut for analysis, after commas where
    it can be; every piece is a slice of the paragraph, and the article says so."""
    clause = "Lavrov bertemu Choe Son Hui di Wonsan pada Sabtu bersama 300 pejabat, "
    para = (clause * (90_000 // len(clause)))[:-2] + "."
    article = Article(id="a", path="a.txt", lang="id", paragraphs=[para])
    sentences = split_article(article, pack)
    assert len(sentences) > 90_000 // MAX_SENTENCE_CHARS
    assert all(0 < len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(s.text.endswith(",") for s in sentences[:-1])
    assert " ".join(s.text for s in sentences) == para
    assert article.notes == ["1 sentence over 1,000 characters cut into pieces for analysis;"
                             " add full stops where sentences end"]


def test_split_article_without_spaces_cuts_at_the_limit(pack):
    article = Article(id="a", path="a.txt", lang="id", paragraphs=["x" * 2500 + "."])
    assert [len(s.text) for s in split_article(article, pack)] == [1000, 1000, 501]


def test_split_article_analyses_the_first_paragraphs_up_to_the_limit(pack):
    para = "Lavrov tiba di Wonsan pada Sabtu. " * 300  # about 10,000 characters
    article = Article(id="a", path="a.txt", lang="id", paragraphs=[para] * 30)
    sentences = split_article(article, pack)
    kept = MAX_ARTICLE_CHARS // len(para)
    assert len(article.paragraphs) == kept
    assert {s.paragraph for s in sentences} == set(range(kept))
    left = len(para) * (30 - kept)
    assert article.notes == [f"only the first {kept * len(para):,} characters were analysed;"
                             f" {left:,} after them were left out; split the text into articles"]


def test_split_article_of_one_huge_paragraph_keeps_its_beginning(pack):
    para = "Lavrov tiba di Wonsan pada Sabtu. " * 10_000
    article = Article(id="a", path="a.txt", lang="id", paragraphs=[para])
    sentences = split_article(article, pack)
    assert article.paragraphs == [para[:MAX_ARTICLE_CHARS]]
    assert sentences[-1].text and sentences[-1].text in para
    assert "only the first 100,000 characters were analysed" in article.notes[0]


def test_split_article_of_news_size_has_no_notes(pack, seed_paths):
    from quizgen.clean import clean_document
    from quizgen.read import read_document

    for path in seed_paths:
        article = clean_document(read_document(path), pack)
        split_article(article, pack)
        assert article.notes == []
