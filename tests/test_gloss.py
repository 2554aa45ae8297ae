"""Gloss generator: acronym expansions and bracketed names after a term. Sentences from
FacQA (CC BY-SA 4.0, FacQA (ITB) via IndoNLU) and IndoSum dev (CC BY-SA 4.0); spans are
written by hand so the test does not depend on the tagger."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from test_simplify import spanned

from quizgen.generators import get
from quizgen.model import Article

ART = Article("art", "facqa.txt", "id")
TEMPLATE = SimpleNamespace(id="id.gloss.test", kinds=["short"], prior=0.6)
PARAMS = {"acronym": "Apa kepanjangan dari {term}?", "gloss": "Apa nama lain dari {term}?"}

ROWS = [
    # (sentence, expected (question, answer) pairs)
    (spanned("Komisi Pemberantasan Korupsi (KPK) menginformasikan bahwa Novel masih dirawat.",
             ("ORG", "Komisi Pemberantasan Korupsi (KPK)"), ("PERSON", "Novel")),
     [("Apa kepanjangan dari KPK?", "Komisi Pemberantasan Korupsi")]),
    # the acronym first, its expansion in brackets
    (spanned("Berdasarkan data dari studi JICA (Japan International Cooperation Agency) tahun "
             "1983, banjir sering terjadi.", ("DATE", "1983")),
     [("Apa kepanjangan dari JICA?", "Japan International Cooperation Agency")]),
    # a role before the organisation is not part of the expansion; initials decide
    (spanned("Hal itu dikatakan Ketua Komisi Pemilihan Umum (KPU) kemarin."),
     [("Apa kepanjangan dari KPU?", "Komisi Pemilihan Umum")]),
    # a translated name: as many words as letters, most letters among the initials
    # (seed 003); never a cut-off part of it ("Demokratik Rakyat Korea")
    (spanned("Lavrov menggunakan inisial nama resmi Korea Utara, Republik Demokratik Rakyat "
             "Korea (DPRK).", ("PERSON", "Lavrov"), ("PLACE", "Korea Utara")),
     [("Apa kepanjangan dari DPRK?", "Republik Demokratik Rakyat Korea")]),
    # a reduplicated word gives its initial twice [IndoSum bench, CC BY-SA 4.0]
    (spanned("Presiden berpidato di Sidang Majelis Umum Perserikatan Bangsa-Bangsa (PBB) kemarin."),
     [("Apa kepanjangan dari PBB?", "Perserikatan Bangsa-Bangsa")]),
    # a translated name needs half its letters, counted with repeats: no "Federal Amerika
    # Serikat" for FCC [IndoSum fresh slice 9, CC BY-SA 4.0]
    (spanned("Ponsel itu disetujui oleh Komisi Komunikasi Federal Amerika Serikat (FCC) kemarin."),
     []),
    # a lower-case expansion whose initials are the acronym's letters
    (spanned("Penanaman modal asing (PMA) di Riau sejak tahun 1999 terus menurun.",
             ("DATE", "tahun 1999")),
     [("Apa kepanjangan dari PMA?", "Penanaman modal asing")]),
    # a lower-case term and the name in brackets
    (spanned("Satwa di TNGL di antaranya adalah harimau sumatera (Panthera tigris sumatrensis).",
             ("ORG", "TNGL")),
     [("Apa nama lain dari harimau sumatera?", "Panthera tigris sumatrensis")]),
    (spanned("Mereka juga membuat perusahaan minyak negara (Petroecuador) terpaksa menghentikan "
             "ekspor."), [("Apa nama lain dari perusahaan minyak negara?", "Petroecuador")]),
    # a place, an age, a year span or a role in brackets is no gloss
    (spanned("Darwati tertinggal di belakang Yuan Yufang (Malaysia).", ("PERSON", "Darwati"),
             ("PERSON", "Yuan Yufang"), ("PLACE", "Malaysia")), []),
    (spanned("Penerima Nobel Fisika adalah John Hall (71) dari AS.", ("PERSON", "John Hall")), []),
    (spanned("Wakidi (1890-1979), satu dari tiga pelukis naturalistik Indonesia.",
             ("PERSON", "Wakidi")), []),
    (spanned("Beasiswa diberikan kepada Anike Nelce Bowaire (pelajar SMU Negeri 1 Serui).",
             ("PERSON", "Anike Nelce Bowaire")), []),
]


@pytest.mark.parametrize("sentence,expected", ROWS)
def test_gloss_asks_for_expansion_or_name(pack, sentence, expected):
    got = get("gloss").fn(sentence, ART, PARAMS, pack, TEMPLATE)
    assert [(c.question, c.answer) for c in got] == expected
    for c in got:
        assert sentence.text[c.answer_start:c.answer_end] == c.answer
