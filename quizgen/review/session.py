"""One bank file under review: the items in memory, every change saved at once.

Saving goes through quizgen.bank.save_bank (the writer `quizgen generate` and `build` use,
atomic: a temporary file renamed into place), so a change made here survives the next
build exactly as a hand edit does. Before each save the file on disk is compared with what
was last read or written: if an editor or a rebuild changed it, nothing is written, the
bank is read again and the caller is told to reload. Every change names the version of the
bank it was made on; a change made on an older version (another tab) is refused the same
way, so two tabs never overwrite each other's edits.
"""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bank import load_bank, save_bank
from ..errors import QuizgenError
from ..model import QuestionBank
from .edits import apply_change


class Conflict(QuizgenError):
    """The bank changed since the caller's version; the caller must reload."""


@dataclass(frozen=True)
class _Signature:
    mtime_ns: int
    size: int
    inode: int


def _signature(path: Path) -> _Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _Signature(st.st_mtime_ns, st.st_size, st.st_ino)


class ReviewSession:
    """The bank at `path`, its version (a number that grows with every save or reload) and
    a lock: the server answers requests on several threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self.version = 0
        self.bank: QuestionBank = load_bank(self.path)
        self._seen = _signature(self.path)
        self._index = {item.id: n for n, item in enumerate(self.bank.items)}

    def _read(self) -> None:
        self.bank = load_bank(self.path)
        self._seen = _signature(self.path)
        self._index = {item.id: n for n, item in enumerate(self.bank.items)}
        self.version += 1

    def refresh(self) -> bool:
        """Read the bank again if the file changed on disk; True if it did."""
        with self.lock:
            if _signature(self.path) == self._seen:
                return False
            self._read()
            return True

    def write_problem(self) -> str | None:
        """Why the bank file cannot be saved, or None. A file without its owner's write
        permission is read-only on purpose (even for root, who could replace it)."""
        try:
            mode = self.path.stat().st_mode
        except OSError as exc:
            return f"{self.path}: cannot be read any more ({exc.strerror}); restore it"
        if not mode & stat.S_IWUSR or not os.access(self.path.parent, os.W_OK | os.X_OK):
            return (f"{self.path}: the file is read-only, so changes cannot be saved;"
                    " make it writable (chmod u+w) and reload the page")
        return None

    def change(self, item_id: str, version: int, changes: dict[str, Any]) -> int:
        """Apply `changes` to one item and save the bank; returns the new version.

        Raises Conflict when `version` is not the current one or the file changed on disk
        (nothing is written), EditError for an invalid change, QuizgenError when the file
        cannot be written (the bank in memory stays as the file is)."""
        with self.lock:
            if self.refresh():
                raise Conflict(f"{self.path} changed on disk; the page reloads it")
            if version != self.version:
                raise Conflict(f"{self.path} was changed from another page; this page reloads it")
            n = self._index.get(item_id)
            if n is None:
                raise QuizgenError(f"{self.path}: no item '{item_id}'; reload the page")
            problem = self.write_problem()
            if problem:
                raise QuizgenError(problem)
            before = self.bank.items[n]
            self.bank.items[n] = apply_change(before, changes)
            try:
                save_bank(self.bank, self.path, "yaml")
            except BaseException:
                self.bank.items[n] = before
                raise
            self._seen = _signature(self.path)
            self.version += 1
            return self.version
