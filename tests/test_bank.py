"""Bank YAML: the fast (libyaml) emitter is used only where it writes what PyYAML's own
emitter writes, so a saved bank is the same text either way."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from quizgen.bank import _Dumper, bank_to_dict, dumps_yaml, load_bank, save_bank

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "bank_sample.yaml"


def pure_python(bank) -> str:
    return yaml.dump(bank_to_dict(bank), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100)


# Texts put into one item's question, answer and options: ordinary sentences from the
# seeds, then what libyaml writes differently (escapes, folding, line breaks, emoji, NEL).
TEXTS = [
    "Siapa yang menyampaikan komitmen dukungan “tanpa syarat” terhadap semua tindakan Rusia?",
    "Lavrov: 'Korea Utara' # bukan komentar - [1] {c1::x} & <b>",
    "Kim Jong Un " * 20,
    "baris satu\nbaris dua",
    "tab\tdi tengah",
    "emoji 😀 di kalimat yang panjang sekali " * 4,
    "akhir baris\u2028pemisah",
    "\ufeffawal",
    "kontrol \x07 di tengah " * 8,
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_bank_yaml_same_text_as_pure_python(text):
    bank = load_bank(FIXTURE)
    item = bank.items[len(bank.items) // 2]
    item.question, item.answer, item.explanation = text, text, text
    item.options = [text, text + " lagi"] if item.options else []
    assert dumps_yaml(bank) == pure_python(bank)


@pytest.mark.parametrize("title", ["Korea Utara dan Perang Rusia", "judul\tdengan tab"])
def test_bank_yaml_head_and_empty_bank_same_text(title):
    bank = load_bank(FIXTURE)
    bank.title = title
    assert dumps_yaml(bank) == pure_python(bank)
    empty = copy.deepcopy(bank)
    empty.items = []
    assert dumps_yaml(empty) == pure_python(empty)


@pytest.mark.parametrize("score", [0.0, 0.1234, 1e17, 1.5e-7, -0.0, float("inf")])
def test_bank_yaml_scores_same_text_as_pure_python(score):
    bank = load_bank(FIXTURE)
    bank.items[0].score = score
    assert dumps_yaml(bank) == pure_python(bank)


def test_bank_yaml_round_trips(tmp_path):
    bank = load_bank(FIXTURE)
    save_bank(bank, tmp_path / "bank.yaml")
    assert bank_to_dict(load_bank(tmp_path / "bank.yaml")) == bank_to_dict(bank)
