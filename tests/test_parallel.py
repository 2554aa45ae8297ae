"""Work spread over processes gives the same results, in the same order, as one process."""

from pathlib import Path

import pytest

from quizgen import parallel
from quizgen.bank import dumps_yaml
from quizgen.errors import QuizgenError
from quizgen.generate import generate_bank
from quizgen.lang import load_language
from quizgen.pipeline import analyse
from quizgen.templates import load_templates

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "corpus" / "indosum-dev").glob("*.txt")
)


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs, n", [(1, 5), (1, 100), (2, 5), (2, 100), (3, 57)])
def test_parallel_map_keeps_input_order(jobs, n):
    done = []
    out = list(parallel.map_ordered(_square, range(n), jobs=jobs, progress=done.append))
    assert out == [x * x for x in range(n)]
    assert sum(done) == n


def test_parallel_map_runs_in_other_processes():
    import os

    pids = set(parallel.map_ordered(lambda _: os.getpid(), range(200), jobs=2))
    assert os.getpid() not in pids and len(pids) >= 1


def test_parallel_worker_error_reaches_the_caller():
    def fail(x: int) -> int:
        if x == 40:
            raise QuizgenError("article 40: broken; fix it")
        return x

    with pytest.raises(QuizgenError, match="article 40: broken"):
        list(parallel.map_ordered(fail, range(100), jobs=2))


def test_parallel_dead_worker_is_one_line_error():
    import os

    def die(x: int) -> int:
        if x == 30:
            os._exit(3)  # as the kernel's out-of-memory killer would end it
        return x

    with pytest.raises(QuizgenError, match=r"^a worker process died .*QUIZGEN_JOBS=1$"):
        list(parallel.map_ordered(die, range(100), jobs=2))


@pytest.mark.parametrize(
    "env, jobs, expected",
    [("", None, 8), ("3", None, 3), ("3", 1, 1), (" 2 ", None, 2), ("", 64, 8),
     ("64", None, 8)],
)
def test_parallel_workers_from_argument_or_environment(monkeypatch, env, jobs, expected):
    monkeypatch.setenv("QUIZGEN_JOBS", env)
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    assert parallel.workers(jobs) == expected


@pytest.mark.parametrize("env, jobs, note", [
    ("", None, None), ("", 8, None), ("", 9, "--jobs 9 is more than the 8 cores here; using 8"),
    ("12", None, "QUIZGEN_JOBS=12 is more than the 8 cores here; using 8"), ("12", 2, None),
])
def test_parallel_capped_note_when_asked_for_more_than_the_cores(monkeypatch, env, jobs, note):
    monkeypatch.setenv("QUIZGEN_JOBS", env)
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    assert parallel.capped_note(jobs) == note


@pytest.mark.parametrize("env", ["0", "two", "-1"])
def test_parallel_bad_environment_is_one_line_error(monkeypatch, env):
    monkeypatch.setenv("QUIZGEN_JOBS", env)
    with pytest.raises(QuizgenError, match=r"^QUIZGEN_JOBS=.*set it to 1 or more$"):
        parallel.workers()


def test_parallel_bank_is_the_same_for_any_number_of_workers(monkeypatch):
    """The whole pipeline on the seeds and the IndoSum dev articles, with every per-article
    step in worker processes and in one: byte-identical banks."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 2)
    pack = load_language("id")
    templates = load_templates(pack)
    banks = []
    for jobs in (1, 2):
        corpus = analyse(ARTICLES, "id", jobs=jobs)
        bank = generate_bank(corpus, pack, templates, title="t", seed=3, jobs=jobs)
        banks.append(dumps_yaml(bank))
    assert len(ARTICLES) >= 15
    assert banks[0] == banks[1]
    assert banks[0].count("\n- id: ") > 100
