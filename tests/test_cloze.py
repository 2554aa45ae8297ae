"""Cloze deletion of salient spans. Sentences from seeds/ and FacQA (CC BY-SA 4.0, FacQA
(ITB) via IndoNLU), spans written by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from test_simplify import spanned

from quizgen.generators import get
from quizgen.model import Article

ART = Article("art", "seed.txt", "id")
TEMPLATE = SimpleNamespace(id="id.cloze.test", kinds=["cloze"], prior=0.5)

ROWS = [
    (spanned("Laporan media Rusia menyebut bahwa Korea Utara telah mengirim lebih dari 10.000 "
             "personel militer, termasuk pasukan tempur dan teknisi, untuk mendukung Rusia.",
             ("PLACE", "Korea Utara"), ("PLACE", "Rusia"),
             ("QUANTITY", "lebih dari 10.000 personel militer", {"unit": "personel militer"})),
     {},
     [("Korea Utara telah mengirim _____ personel militer untuk mendukung Rusia.",
       "lebih dari 10.000"),
      ("_____ telah mengirim lebih dari 10.000 personel militer untuk mendukung Rusia.",
       "Korea Utara")]),
    (spanned("Menurut KCNA, pertemuan Kim dan Lavrov berlangsung di Wonsan, sebuah kota pesisir.",
             ("ORG", "KCNA"), ("PERSON", "Kim"), ("PERSON", "Lavrov"), ("PLACE", "Wonsan")),
     {"labels": ["PLACE"], "max": 1},
     [("Pertemuan Kim dan Lavrov berlangsung di _____.", "Wonsan")]),
    # a span whose entity appears twice is not blanked: the other mention gives it away
    (spanned("Kim bertemu Putin, dan Kim memuji Putin di Pyongyang.", ("PERSON", "Kim"),
             ("PERSON", "Putin"), ("PERSON", "Kim"), ("PERSON", "Putin"), ("PLACE", "Pyongyang")),
     {"labels": ["PERSON"]}, []),
    (spanned("Universitas pertama di dunia didirikan pada tahun 971 di Kairo, Mesir.",
             ("DATE", "tahun 971"), ("PLACE", "Kairo"), ("PLACE", "Mesir")),
     {"max": 3},
     # "Kairo, _____": where the other place lies is an aside (judged trivial)
     [("Universitas pertama di dunia didirikan pada _____ di Kairo, Mesir.", "tahun 971"),
      ("Universitas pertama di dunia didirikan pada tahun 971 di _____, Mesir.", "Kairo")]),
    # a span joined to another name by a hyphen, dash or slash is a piece of a longer name
    # ("hubungan Rusia-Korea Utara"): never blanked, even when both halves are spans
    (spanned("Hubungan Rusia-Korea Utara menguat sejak kunjungan Putin pada Juni 2024.",
             ("PLACE", "Rusia"), ("PLACE", "Korea Utara"), ("PERSON", "Putin"),
             ("DATE", "Juni 2024")),
     {"max": 3},
     [("Hubungan Rusia-Korea Utara menguat sejak kunjungan Putin pada _____.", "Juni 2024"),
      ("Hubungan Rusia-Korea Utara menguat sejak kunjungan _____ pada Juni 2024.", "Putin")]),
    (spanned("Pertemuan Seoul\u2013Tokyo digelar di Busan.", ("PLACE", "Seoul"),
             ("PLACE", "Tokyo"), ("PLACE", "Busan")),
     {"max": 3},
     [("Pertemuan Seoul\u2013Tokyo digelar di _____.", "Busan")]),
    # who was quoted is the attribution, not the fact: never the blank; a pair written with
    # "/" and a word joined by a hyphen are one unit even at the clause's start
    # [IndoSum fresh slices 2 and 3, CC BY-SA 4.0]
    (spanned("Selain timing, menurut Wesley, produk yang tepat menjadi faktor penentu "
             "keberhasilan startup di Jakarta.", ("PERSON", "Wesley"), ("PLACE", "Jakarta")),
     {"max": 3},
     [("Selain timing, menurut Wesley, produk yang tepat menjadi faktor penentu keberhasilan "
       "startup di _____.", "Jakarta")]),
    (spanned("\"Bergabung dengan sebuah band K-pop,\" tulis Elgort di akun Twitter miliknya.",
             ("PERSON", "Elgort"), ("ORG", "Twitter")),
     {"max": 3}, []),  # who wrote it, and where: the citation, not the fact
    (spanned("Menurut Kepala Departemen Industri Hiburan Fox, Cora Yim, pihaknya tengah berupaya "
             "memproduksi serial televisi premium di Amerika Serikat.",
             ("ROLE", "Kepala Departemen Industri Hiburan Fox"), ("PERSON", "Cora Yim"),
             ("PLACE", "Amerika Serikat")),
     {"labels": ["PERSON"], "max": 3}, []),
    (spanned("\"Kita selalu diskusi mencari solusi untuk cepat mendapat anak,\" tutup Naga.",
             ("PERSON", "Naga")),
     {"max": 3}, []),
    (spanned("\"Senang bertemu kalian besok @BTS_twt,\" tulis Elgort.", ("ORG", "BTS")),
     {"max": 3}, []),
    # the first word of a name, capitalised but no common word, before the blank
    (spanned("Del Potro sukses menghentikan langkah Dominic Thiem di New York.",
             ("PERSON", "Potro"), ("PERSON", "Dominic Thiem"), ("PLACE", "New York")),
     {"labels": ["PERSON"], "max": 3},
     [("Del Potro sukses menghentikan langkah _____ di New York.", "Dominic Thiem")]),
    # who said it, when and where: the citation of a quote
    (spanned("\"Langsung kami cut itu,\" ujar Syarifuddin saat dihubungi, Jakarta, Kamis "
             "(21/12) malam.", ("PERSON", "Syarifuddin"), ("PLACE", "Jakarta"),
             ("DATE", "Kamis (21/12)")),
     {"max": 3}, []),
    # "A, B hingga C" is a list too [IndoSum fresh slice 5, CC BY-SA 4.0]
    (spanned("Tenun diproduksi di Nusa Tenggara Barat, Jawa hingga Sumatera oleh perajin Yogi.",
             ("PLACE", "Nusa Tenggara Barat"), ("PLACE", "Jawa"), ("PLACE", "Sumatera"),
             ("PERSON", "Yogi")),
     {"labels": ["PLACE"], "max": 3, "list_words": ["dan", "serta", "atau", "hingga"]}, []),
    # the outlet that reported it: "Diberitakan _____," [IndoSum fresh slice 6]
    (spanned("Diberitakan Ace Showbiz, selama vakum, Nick memilih bersolo karier di Los Angeles.",
             ("ORG", "Ace Showbiz"), ("PERSON", "Nick"), ("PLACE", "Los Angeles")),
     {"labels": ["ORG"], "max": 3}, []),
    # names in a list whatever the tagger typed them, the last after a list word; "A dan
    # B, C" is no list of three [IndoSum bench, CC BY-SA 4.0]
    (spanned("Posisi The Doctor melorot setelah disalip Lorenzo, Maverick Vinales, dan "
             "terakhir Johann Zarco.", ("PERSON", "Lorenzo"), ("PERSON", "Maverick Vinales"),
             ("ORG", "Johann Zarco")),
     {"labels": ["PERSON"], "max": 3, "list_words": ["dan", "serta", "atau", "hingga"]}, []),
    (spanned("Guardiola bergelimang gelar bersama Barcelona dan Bayern Muenchen, Pep juga "
             "mendapati kenyataan berbeda.", ("PERSON", "Guardiola"), ("ORG", "Barcelona"),
             ("ORG", "Bayern Muenchen")),
     {"labels": ["ORG"], "max": 1, "list_words": ["dan", "serta", "atau", "hingga"]},
     [("Guardiola bergelimang gelar bersama _____ dan Bayern Muenchen, Pep mendapati "
       "kenyataan berbeda.", "Barcelona")]),
    # a place set after a named building by a comma is where it lies, an aside [IndoSum
    # fresh slices 3 and 8, CC BY-SA 4.0]
    (spanned("Polisi menggeledah Apartemen Season City Tower C, Jakarta Barat, pada 17 Juli.",
             ("PLACE", "Jakarta Barat")),
     {"labels": ["PLACE"], "max": 3}, []),
    # a double name the source spaced around its hyphen [IndoSum bench, CC BY-SA 4.0]
    (spanned("Oxlade - Chamberlain masuk dalam daftar pemain incaran Chelsea.",
             ("PERSON", "Chamberlain"), ("ORG", "Chelsea")),
     {"labels": ["PERSON"], "max": 3}, []),
    (spanned("Marcus/Kevin sebelumnya meraih titel pada Taiwan Terbuka 2015.",
             ("PERSON", "Marcus"), ("PERSON", "Kevin"), ("DATE", "2015")),
     {"labels": ["PERSON"], "max": 3}, []),
    (spanned("JAK-mikro menginjakkan kakinya di Pasar Mayestik.", ("ORG", "JAK"),
             ("PLACE", "Pasar Mayestik")),
     {"max": 3}, [("JAK-mikro menginjakkan kakinya di _____.", "Pasar Mayestik")]),
]


# (sentence, expected blanks with their priors): a country that only modifies a noun is a
# guess, so with the pack's params its blank keeps half the prior; after "ke" or in
# ", _____" after a name it is the place of something
PACK_PARAMS = {"labels": ["PLACE"], "max": 3, "place_needs_preposition": ["country"],
               "place_after": ["di", "ke", "dari"], "weak_place_factor": 0.5}
PLACE_ROWS = [
    (spanned("Kim mengungkapkan keyakinannya bahwa tentara dan rakyat Rusia pasti akan menang.",
             ("PERSON", "Kim"), ("PLACE", "Rusia", {"kind": "country"})),
     [("Rusia", 0.25)]),
    (spanned("Kunjungan Lavrov ke Korea Utara menjadi bagian dari rangkaian pertemuan.",
             ("PERSON", "Lavrov"), ("PLACE", "Korea Utara", {"kind": "country"})),
     [("Korea Utara", 0.5)]),
    # the country after a place the tagger left untyped is where that place lies: no blank
    (spanned("Presiden memimpin rapat melalui videoconference dari Missouri, Amerika Serikat.",
             ("PLACE", "Amerika Serikat", {"kind": "country"})), []),
    (spanned("Televisi pemerintah Rusia menayangkan kerumunan orang di Pyongyang.",
             ("PLACE", "Rusia", {"kind": "country"}), ("PLACE", "Pyongyang", {"kind": "city"})),
     [("Rusia", 0.25), ("Pyongyang", 0.5)]),
]


@pytest.mark.parametrize("sentence,expected", PLACE_ROWS)
def test_cloze_country_blank_needs_a_place_role(pack, sentence, expected):
    cands = get("cloze").fn(sentence, ART, PACK_PARAMS, pack, TEMPLATE)
    assert [(c.answer, round(c.prior, 3)) for c in cands] == expected


@pytest.mark.parametrize("sentence,params,expected", ROWS)
def test_cloze_blanks_salient_spans(pack, sentence, params, expected):
    cands = get("cloze").fn(sentence, ART, params, pack, TEMPLATE)
    assert [(c.question, c.answer) for c in cands] == expected
    for c in cands:
        assert sentence.text[c.answer_start:c.answer_end] == c.answer
        assert c.kinds == ["cloze"] and c.fact and c.statement


def test_cloze_at_most_two_by_default(pack):
    s = spanned("Kim bertemu Putin di Pyongyang pada Juni 2024.", ("PERSON", "Kim"),
                ("PERSON", "Putin"), ("PLACE", "Pyongyang"), ("DATE", "Juni 2024"))
    cands = get("cloze").fn(s, ART, {}, pack, TEMPLATE)
    assert [c.answer for c in cands] == ["Juni 2024", "Pyongyang"]
