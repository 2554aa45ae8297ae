"""Where a run reads and writes: never an output over an input, never two outputs on one
file, each article read once, globs that end.

Files are compared as the file system sees them: an existing file by device and inode
(os.path.samefile: another spelling of the path, a symlink, a hard link are the same
file), a file not yet written by its resolved path.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import QuizgenError


def is_plain_name(name: str) -> bool:
    """A file name that stays in its folder: no folder part, not absolute, not hidden."""
    return bool(name) and not any(c in name for c in "/\\\0") and not name.startswith(".")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the spelling
        return path.absolute()


def check_outputs(outputs: Sequence[str | Path], inputs: Iterable[str | Path] = ()) -> None:
    """Refuse, before anything is written, an output that is one of the run's inputs
    (writing it would destroy what was read) and two outputs that are one file."""
    known: dict[object, Path] = {}
    for p in map(Path, inputs):
        ident = _identity(p)
        if ident is not None:
            known[ident] = p
        known[_resolved(p)] = p
    written: dict[object, Path] = {}
    for out in map(Path, outputs):
        keys = [k for k in (_identity(out), _resolved(out)) if k is not None]
        source = next((known[k] for k in keys if k in known), None)
        if source is not None:
            same = "" if source == out else f" (as {source})"
            raise QuizgenError(f"{out}: is an input of this run{same}, and writing it would"
                               " destroy it; choose another output name")
        twin = next((written[k] for k in keys if k in written), None)
        if twin is not None:
            raise QuizgenError(f"{out}: is the same file as the output {twin}; give each output"
                               " its own name")
        written.update((k, out) for k in keys)


def check_inside(folder: str | Path, names: Iterable[str]) -> None:
    """Refuse an output name in `folder` that is a link to a place outside it."""
    root = _resolved(Path(folder))
    for name in names:
        path = Path(folder) / name
        if path.is_symlink():
            target = _resolved(path)
            if target != root and root not in target.parents:
                raise QuizgenError(f"{path}: is a link to {target}, outside the output folder;"
                                   " remove the link or choose another output name")


def distinct_files(paths: Sequence[str | Path]) -> tuple[list[str | Path], list[str]]:
    """The files in order, each once: another spelling of a path, a symlink, a hard link or
    a byte-identical copy of an earlier one is left out, with a note saying so. Files that
    cannot be read are kept (reading them gives the error)."""
    kept: list[str | Path] = []
    notes: list[str] = []
    seen: dict[object, str | Path] = {}
    by_size: dict[int, list[str | Path]] = {}
    for p in paths:
        ident = _identity(Path(p))
        first = seen.get(ident) if ident is not None else None
        if first is None and ident is not None and Path(p).is_file():
            size = Path(p).stat().st_size
            for other in by_size.get(size, []):
                if _digest(other) == _digest(p):
                    first = other
                    break
            by_size.setdefault(size, []).append(p)
        if first is not None:
            notes.append(f"note: {p}: the same article as {first}; read once")
            continue
        if ident is not None:
            seen[ident] = p
        kept.append(p)
    return kept, notes


_DIGESTS: dict[str, str] = {}


def _digest(path: str | Path) -> str | None:
    key = os.path.abspath(path)
    if key not in _DIGESTS:
        h = hashlib.sha256()
        try:
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
        except OSError:
            return None
        _DIGESTS[key] = h.hexdigest()
    return _DIGESTS[key]


def expand_glob(pattern: str) -> list[str]:
    """glob.glob(pattern, recursive=True), sorted, except that `**` enters each folder once
    (by device and inode): a symlink loop, or a link back up the tree, ends instead of
    multiplying the paths."""
    parts = pattern.split(os.sep)
    if "**" not in parts:
        return sorted(glob.glob(pattern, recursive=True))
    at = parts.index("**")
    head, rest = os.sep.join(parts[:at]), os.sep.join(parts[at + 1:])
    found: set[str] = set()
    for root in (glob.glob(head) if glob.has_magic(head) else [head or os.curdir]):
        if not os.path.isdir(root):
            continue
        seen: set[tuple[int, int]] = set()
        for folder, subfolders, files in os.walk(root, followlinks=True):
            ident = _identity(Path(folder))
            if ident is None or ident in seen:
                subfolders.clear()
                continue
            seen.add(ident)
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            if not rest:  # "dir/**": the folders and files below, as glob gives them
                found.add(os.path.join(folder, "") if folder == root else folder)
                found.update(os.path.join(folder, f) for f in files if not f.startswith("."))
                continue
            prefix = glob.escape(folder) if folder != os.curdir or head else ""
            found.update(expand_glob(os.path.join(prefix, rest) if prefix else rest))
    return sorted(found)
