"""Clean exits (issue 15): a run stopped by SIGTERM or Ctrl-C leaves no temporary folder
or file, a run killed outright leaves leftovers the next run sweeps, workers never outlive
their parent, and a missing temporary folder is the usual one-line error.

The signal tests run the real command line in a process of its own, on articles slow
enough to analyse (long run-on sentences) that the run is still working when the signal
comes; each waits for a marker (the run's spill folder, its worker processes) rather than
for a fixed time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import outfile
from quizgen.cli import Terminated, main
from quizgen.outfile import all_or_nothing, atomic_write_text
from quizgen.stream import sweep_spills

QUIZGEN = str(Path(sys.executable).parent / "quizgen")
CLAUSE = ("Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025)"
          " bersama 300 pejabat, ")


def _articles(folder: Path, n: int = 30) -> list[str]:
    """n slow articles (each one 20 KB run-on sentence, numbered so each has its own id)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"a{i:02d}.txt"
        path.write_text(f"Judul {i}\n\n" + CLAUSE * 200 + f"nomor {i}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _wait(what: Callable[[], object], timeout: float = 20.0) -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = what()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError("the marker never appeared")


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(c) for c in found.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def _start(tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    paths = _articles(tmp_path / "articles")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([QUIZGEN, "generate", "--jobs", "2", *paths, "-o",
                             str(out / "bank.yaml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmpdir), "QUIZGEN_DEBUG": ""},
                            start_new_session=True)  # its own process group, as in a shell
    return proc, tmpdir, out


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize("sig, code, group", [
    (signal.SIGTERM, 143, False),  # kill PID
    (signal.SIGINT, 130, False),
    (signal.SIGINT, 130, True),  # Ctrl-C in a terminal: the whole group, workers too
])
def test_exits_signal_removes_the_temporary_folder(tmp_path, sig, code, group):
    proc, tmpdir, out = _start(tmp_path)
    try:
        _wait(lambda: list(tmpdir.glob("quizgen-spill-*/*.spill")))  # articles are parked
        workers = _children(proc.pid)
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert (proc.returncode, err) == (code, "quizgen: interrupted; no file was left"
                                            " half-written\n")
    assert list(tmpdir.iterdir()) == []
    assert list(out.iterdir()) == []
    assert not any(_alive(w) for w in workers)


@needs_proc
def test_exits_workers_die_with_their_parent(tmp_path):
    proc, tmpdir, _ = _start(tmp_path)
    try:
        workers = _wait(lambda: len(_children(proc.pid)) >= 2 and _children(proc.pid))
        proc.kill()  # kill -9: no clean-up runs in the parent
        proc.wait(timeout=20)
        _wait(lambda: not any(_alive(w) for w in workers), timeout=10)
    finally:
        proc.kill()
    # what the killed run left in TMPDIR, the next run sweeps
    assert [p.name for p in tmpdir.iterdir()][0].startswith("quizgen-spill-")
    sweep_spills(str(tmpdir))
    assert list(tmpdir.iterdir()) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_exits_next_run_sweeps_a_killed_runs_temporary_files(tmp_path, monkeypatch):
    """Leftovers of a run killed with -9 go; anything else stays: files of a live run,
    names that only look like ours, a folder."""
    monkeypatch.setattr(outfile, "_swept", set())
    dead, alive = _dead_pid(), os.getppid()
    leftover = tmp_path / f".bank.yaml.q{dead}-abcd1234.tmp"
    running = tmp_path / f".bank.yaml.q{alive}-abcd1234.tmp"
    others = [tmp_path / n for n in (f"bank.yaml.q{dead}-abcd1234.tmp", ".bank.yaml.tmp",
                                     f".notes.q{dead}-abcd1234.tmp.bak", "mine.tmp")]
    for p in [leftover, running, *others]:
        p.write_text("x", encoding="utf-8")
    folder = tmp_path / f".x.q{dead}-abcd1234.tmp"
    folder.mkdir()
    atomic_write_text(tmp_path / "bank.yaml", "new")
    assert not leftover.exists()
    assert running.exists() and folder.is_dir() and all(p.exists() for p in others)
    assert (tmp_path / "bank.yaml").read_text(encoding="utf-8") == "new"


def test_exits_a_day_old_temporary_file_is_swept_whoever_made_it(tmp_path, monkeypatch):
    monkeypatch.setattr(outfile, "_swept", set())
    old = tmp_path / f".deck.apkg.q{os.getppid()}-abcd1234.tmp"
    old.write_text("x", encoding="utf-8")
    day_ago = time.time() - outfile.STALE_AFTER - 60
    os.utime(old, (day_ago, day_ago))
    atomic_write_text(tmp_path / "deck.apkg", "new")
    assert not old.exists()


def test_exits_spill_folders_of_live_runs_and_strangers_stay(tmp_path):
    dead = _dead_pid()
    ours = tmp_path / f"quizgen-spill-{dead}-abcd1234"
    live = tmp_path / f"quizgen-spill-{os.getpid()}-abcd1234"
    stranger = tmp_path / f"quizgen-spill-{dead}-efgh5678"
    for d in (ours, live, stranger):
        d.mkdir()
        (d / "1.spill").write_bytes(b"x")
    (stranger / "notes.txt").write_text("not ours", encoding="utf-8")
    sweep_spills(str(tmp_path))
    assert not ours.exists() and live.exists() and stranger.exists()


def test_exits_terminated_in_a_block_leaves_no_temporary_file(tmp_path):
    (tmp_path / "bank.yaml").write_text("old", encoding="utf-8")
    with pytest.raises(Terminated):
        with all_or_nothing():
            atomic_write_text(tmp_path / "bank.yaml", "new")
            atomic_write_text(tmp_path / "deck.txt", "new")
            raise Terminated(signal.SIGTERM)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml"]
    assert (tmp_path / "bank.yaml").read_text(encoding="utf-8") == "old"


def test_exits_no_writable_temporary_folder_is_one_line(tmp_path, monkeypatch):
    def nowhere() -> str:
        raise FileNotFoundError(2, "No usable temporary directory found in ['/tmp']")

    article = tmp_path / "a.txt"
    article.write_text("Judul\n\nLavrov tiba di Pyongyang pada Jumat (11/7/2025).\n",
                       encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(tempfile, "_get_default_tempdir", nowhere)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "locked"))
    result = CliRunner().invoke(main, ["generate", str(article), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (f"quizgen: error: {tmp_path}/locked: cannot keep analysed articles"
                             " there (no writable temporary folder anywhere); free some space or"
                             " set TMPDIR to a writable folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


# ---- a damaged file at an output path is replaced, not read ---------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _collection(models: str) -> bytes:
    import sqlite3

    path = Path(tempfile.mkdtemp()) / "c.anki2"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (guid, mod, mid, flds, tags)")
    conn.execute("INSERT INTO notes VALUES ('g', 'not a number', 1, 'f', '')")
    conn.execute("CREATE TABLE col (models)")
    conn.execute("INSERT INTO col VALUES (?)", (models,))
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.unlink()
    path.parent.rmdir()
    return data


DAMAGED = {
    "garbage": os.urandom(3000),
    "empty": b"",
    "cut-short zip": _zip({"collection.anki2": b"x" * 5000})[:-40],
    "zip without collection": _zip({"media": b"{}"}),
    "collection not sqlite": _zip({"collection.anki2": b"SQLite format 3\x00" + bytes(200)}),
    "models not json": _zip({"collection.anki2": _collection("{not json")}),
    "models a list": _zip({"collection.anki2": _collection("[1, 2]")}),
}


@pytest.mark.parametrize("damage", list(DAMAGED), ids=list(DAMAGED))
def test_exits_damaged_anki_file_at_the_output_is_replaced(tmp_path, damage):
    bank = Path(__file__).parent / "fixtures" / "bank_sample.yaml"
    out = tmp_path / "deck.apkg"
    out.write_bytes(DAMAGED[damage])
    result = CliRunner().invoke(main, ["export", "anki", str(bank), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK" and out.read_bytes() != DAMAGED[damage]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_exits_build_replaces_a_damaged_bank_with_a_warning(tmp_path):
    seed = Path(__file__).resolve().parents[1] / "seeds"
    article = next(iter(sorted(seed.glob("*.txt"))))
    (tmp_path / "a.txt").write_bytes(article.read_bytes())
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nsources: [a.txt]\noutputs: {worksheet: false}\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bank.yaml").write_bytes(b"\x00" * 4096)  # a disk error, a crashed editor
    result = CliRunner().invoke(main, ["build", str(deck), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"quizgen: warning: {out}/bank.yaml: the existing bank is"
                                    " damaged (binary, not text); it is replaced, not read\n")
    assert (out / "bank.yaml").read_bytes().startswith(b"quizgen_bank: 1")
