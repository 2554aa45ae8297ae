"""Golden files where the shape of an output matters: the bank file people edit, the Anki
text import, and what `inspect --format json` prints for a seed. Regenerate after a
deliberate change with `QUIZGEN_UPDATE_GOLDEN=1 make test` and review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import dumps_jsonl, dumps_yaml
from quizgen.cli import main
from quizgen.export.anki_text import dumps_anki_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("QUIZGEN_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with QUIZGEN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(
    "name,render",
    [
        ("bank_sample.yaml", dumps_yaml),
        ("bank_sample.jsonl", dumps_jsonl),
        ("bank_sample.anki.txt", dumps_anki_text),
    ],
)
def test_golden_exports_of_the_sample_bank(bank, name, render):
    check(name, render(bank))


def test_golden_inspect_json_of_a_seed(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["inspect", "--format", "json", "seeds/004_3f3d052ee7d3eb4d.txt"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    check("inspect_004.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
