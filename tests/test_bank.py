"""Bank YAML: the fast (libyaml) emitter is used only where it writes what PyYAML's own
emitter writes, so a saved bank is the same text either way."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from quizgen.bank import _Dumper, bank_to_dict, dumps_yaml, load_bank, save_bank
from quizgen.errors import QuizgenError

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


def _layouts(text: str) -> dict[str, str]:
    """One bank file written in other layouts a person may give it (all the same YAML)."""
    head, items = text.split("\nitems:\n")
    indented = "".join("  " + line if line.strip() else line for line in items.splitlines(True))
    commented = items.replace("\n- id:", "\n# a person's note\n\n- id:")
    return {
        "as saved": text,
        "list indented": f"{head}\nitems:\n{indented}",
        "comments between items": f"{head}\nitems:\n# first\n{commented}",
        "items before the head": f"items:\n{items}{head}\n",
    }


@pytest.mark.parametrize("layout", ["as saved", "list indented", "comments between items",
                                    "items before the head"])
@pytest.mark.parametrize("text", [t for t in TEXTS if t])
def test_bank_load_item_by_item_reads_what_the_whole_file_says(layout, text, tmp_path):
    bank = load_bank(FIXTURE)
    for item in bank.items[:3]:
        item.question, item.options = text, [text, item.answer]
    save_bank(bank, tmp_path / "saved.yaml")
    path = tmp_path / "bank.yaml"
    path.write_text(_layouts((tmp_path / "saved.yaml").read_text(encoding="utf-8"))[layout],
                    encoding="utf-8")
    whole = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert bank_to_dict(load_bank(path)) == bank_to_dict(bank)
    assert [i["question"] for i in whole["items"]] == [i.question for i in bank.items]


@pytest.mark.parametrize("layout", ["as saved", "list indented", "comments between items"])
@pytest.mark.parametrize("broken", [0, 2])
def test_bank_load_error_names_the_broken_fields_line(layout, broken, tmp_path):
    bank = load_bank(FIXTURE)
    bank.items[broken].kind = "essay"
    bank.items[broken].question = "PATAH"
    save_bank(bank, tmp_path / "saved.yaml")
    text = _layouts((tmp_path / "saved.yaml").read_text(encoding="utf-8"))[layout]
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    kind_line = text.splitlines().index(next(line for line in text.splitlines()
                                             if line.strip() == "kind: essay")) + 1
    with pytest.raises(QuizgenError, match=rf"^{re.escape(str(path))}:{kind_line}: unknown kind"
                       rf" 'essay' in 'items\[{broken}\]\.kind'; use one of short, cloze,"):
        load_bank(path)


@pytest.mark.parametrize("layout", ["as saved", "list indented", "comments between items",
                                    "items before the head"])
def test_bank_load_without_sources_reads_everything_else(layout, tmp_path):
    """What merge_edits reads of an earlier bank: every field but the sources."""
    save_bank(load_bank(FIXTURE), tmp_path / "saved.yaml")
    path = tmp_path / "bank.yaml"
    path.write_text(_layouts((tmp_path / "saved.yaml").read_text(encoding="utf-8"))[layout],
                    encoding="utf-8")
    full, lean = load_bank(path), load_bank(path, sources=False)
    assert any(i.sources for i in full.items)
    assert [dataclasses.replace(i, sources=[]) for i in full.items] == lean.items
    assert lean.articles == full.articles and lean.title == full.title
