"""The main predicate of a question: the key that tells two wordings of one fact apart."""

from __future__ import annotations

import pytest

from quizgen.predicate import main_predicate

ROWS = [
    # light verbs: the noun after them, light nouns and names skipped, noun and verb alike
    ("Siapa yang menyatakan dukungan tak terbatas kepada Rusia?", "~dukung"),
    ("Siapa yang menyampaikan komitmen dukungan “tanpa syarat” terhadap Rusia?", "~dukung"),
    ("Siapa yang menegaskan kesiapan Korea Utara untuk mendukung tanpa syarat Rusia?", "~dukung"),
    ("Kim menyatakan keyakinannya bahwa Rusia akan menang.", "~keyakin"),
    # active and passive voice, auxiliaries and phrases of intent skipped
    ("Negara mana yang telah mengirim lebih dari 10.000 personel militer?", "kirim"),
    ("Berapa personel militer yang telah dikirim Korea Utara?", "kirim"),
    ("Ke mana Korea Utara telah berkomitmen untuk mengirim 6.000 insinyur?", "kirim"),
    ("Rusia mengumumkan pembukaan penerbangan dua kali seminggu.", "umumkan"),
    ("Di mana pertemuan Kim dan Lavrov berlangsung?", "berlangsung"),
    # no verb, or a quoted verb only
    ("Siapa Pemimpin Korea Utara?", ""),
    ("Siapa yang “menyatakan”?", ""),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_predicate_main_predicate(pack, text, expected):
    assert main_predicate(text, pack) == expected
