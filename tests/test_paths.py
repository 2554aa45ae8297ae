"""quizgen/paths.py: globs that end, files compared by identity, each article once."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.paths import check_outputs, distinct_files, expand_glob

TREE = ["a.txt", "b.md", "berita/c.txt", "berita/2025/d.txt", "berita/.draft/e.txt",
        ".hidden/f.txt", "berita/2025/juli/g.txt"]


@pytest.mark.parametrize("pattern", ["**/*.txt", "berita/**/*.txt", "*.txt", "berita/*/*.txt",
                                     "**/2025/*.txt", "b*/**/*.txt", "**/juli/**/*.txt",
                                     "berita/**", "**/*"])
def test_paths_glob_without_links_is_globs_own(tmp_path: Path, pattern: str) -> None:
    for name in TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, "utf-8")
    full = f"{tmp_path}/{pattern}"
    assert expand_glob(full) == sorted(glob.glob(full, recursive=True))


def test_paths_glob_follows_a_link_to_a_folder_once(tmp_path: Path) -> None:
    (tmp_path / "arsip").mkdir()
    (tmp_path / "arsip" / "x.txt").write_text("x", "utf-8")
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "arsip").symlink_to(tmp_path / "arsip")
    (tmp_path / "berita" / "atas").symlink_to(tmp_path)  # a loop
    found = expand_glob(f"{tmp_path}/berita/**/*.txt")
    assert found == [f"{tmp_path}/berita/arsip/x.txt"]


def test_paths_distinct_files_keeps_first_spelling(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("sama", "utf-8")
    (tmp_path / "b.txt").write_text("lain", "utf-8")
    (tmp_path / "c.txt").write_text("sama", "utf-8")
    kept, notes = distinct_files([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt",
                                  tmp_path / "nope.txt"])
    assert kept == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "nope.txt"]
    assert notes == [f"note: {tmp_path}/c.txt: the same article as {tmp_path}/a.txt; read once"]


def test_paths_two_outputs_not_yet_written_are_one_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    with pytest.raises(QuizgenError, match="is the same file as the output"):
        check_outputs([tmp_path / "x.csv", tmp_path / "sub" / ".." / "x.csv"])
