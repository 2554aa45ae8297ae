"""Streaming (two passes, articles parked on disk) makes the bank the in-memory path makes."""

import json
import tempfile
from pathlib import Path

import pytest

from quizgen.bank import dumps_yaml
from quizgen.errors import QuizgenError
from quizgen.generate import generate_bank
from quizgen.lang import load_language
from quizgen.merge import FactGroup
from quizgen.model import Candidate
from quizgen.pipeline import analyse
from quizgen.stream import stream_bank
from quizgen.templates import load_templates

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT / "tests" / "fixtures" / "corpus" / "indosum-dev").glob("*.txt"))
BENCH = ROOT.parent / "shared" / "corpus" / "indosum-bench.jsonl"
PACK = load_language("id")
TEMPLATES = load_templates(PACK)


def _bench_files(folder: Path, n: int) -> list[Path]:
    """The first n articles of the bench corpus (IndoSum, CC BY-SA 4.0) as text files."""
    out = []
    with BENCH.open(encoding="utf-8") as f:
        for i, line in zip(range(n), f):
            path = folder / f"bench-{i:03d}.txt"
            path.write_text(json.loads(line)["text"], encoding="utf-8")
            out.append(path)
    return out


@pytest.mark.parametrize(
    "name, jobs, seed",
    [
        ("seeds", 1, 2025),  # a teacher's deck: one process
        ("seeds+dev", 2, 7),  # 17 articles: below the pool's threshold, still one process
        ("bench-40", 2, 3),  # 40 articles on two workers, both passes
        ("bench-40", 1, 3),
    ],
)
def test_stream_bank_equals_in_memory_bank(name, jobs, seed, tmp_path):
    paths = {"seeds": SEEDS, "seeds+dev": SEEDS + DEV}.get(name) or _bench_files(tmp_path, 40)
    if name.startswith("bench") and not BENCH.is_file():
        pytest.skip("../shared/corpus is not beside the repo")
    corpus = analyse(paths, "id", jobs=1)
    whole = generate_bank(corpus, PACK, TEMPLATES, title="t", seed=seed, jobs=1)
    streamed = stream_bank(paths, PACK, TEMPLATES, title="t", seed=seed, jobs=jobs)
    assert len(whole.items) > 20
    assert dumps_yaml(streamed) == dumps_yaml(whole)


def test_stream_bank_titles_it_after_the_first_titled_article():
    bank = stream_bank(SEEDS[:2], PACK, TEMPLATES)
    first = analyse(SEEDS[:2], "id").articles
    assert bank.title == next(a.title for a in first if a.title)


@pytest.mark.parametrize("bad_at", [0, 2, 4])
def test_stream_bank_leaves_no_spill_behind(bad_at, tmp_path, monkeypatch):
    """Parked articles are removed after a run, and after a run that fails midway."""
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    stream_bank(SEEDS, PACK, TEMPLATES)
    assert list(spill_root.iterdir()) == []
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    paths = list(SEEDS)
    paths.insert(bad_at, empty)
    with pytest.raises(QuizgenError, match="empty"):
        stream_bank(paths, PACK, TEMPLATES)
    assert list(spill_root.iterdir()) == []


def _cand(question: str, article: str, sentence: int, prior: float = 0.5) -> Candidate:
    return Candidate(
        template="t", kinds=["short"], question=question, answer="X", article=article,
        sentence=sentence, answer_start=0, answer_end=1, answer_label="PERSON",
        answer_norm="PERSON:x", fact="f", prior=prior,
    )


@pytest.mark.parametrize(
    "arrivals, best, order",
    [
        # same wording quality: the earlier sentence is the better source, then the question
        ([("Siapa B?", "a2", 3), ("Siapa A?", "a1", 1)], "a1", ["a1", "a2"]),
        ([("Siapa A?", "a1", 1), ("Siapa B?", "a2", 3)], "a1", ["a1", "a2"]),
        ([("Siapa B?", "a1", 1), ("Siapa A?", "a2", 1)], "a2", ["a2", "a1"]),
        # the same source twice is listed once
        ([("Siapa A?", "a1", 1), ("Siapa A?", "a1", 1), ("Siapa C?", "a3", 0)], "a3", ["a3", "a1"]),
    ],
)
def test_stream_fact_group_keeps_the_best_whatever_the_arrival_order(arrivals, best, order):
    group = FactGroup("t", "f", "person:x", "2025-07")
    for n, (q, article, sentence) in enumerate(arrivals):
        group.add(_cand(q, article, sentence), n, {})
    group.settle()
    assert group.best.article == best
    assert [s.article for s in group.sources()] == order


def test_stream_unwritable_temporary_folder_is_one_clear_error(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(blocked / "tmp"))
    with pytest.raises(QuizgenError, match=r"cannot keep analysed articles there .*set TMPDIR"):
        stream_bank(SEEDS, PACK, TEMPLATES)
