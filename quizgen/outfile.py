"""Output files are written to a temporary name beside the target and renamed into place,
so a failed or interrupted run leaves the previous file intact.

Inside `all_or_nothing()` the renames wait for the end of the block: a run that writes a
bank, a deck and a worksheet replaces all of them or none (a failure in the last output
leaves the earlier ones as they were, and no temporary file behind).

A new file gets the permissions an ordinary file gets (0666 less the umask); a replaced
file keeps its own.

Temporary files are named `.TARGET.q<pid>-<random>.tmp`. Ctrl-C and SIGTERM unwind through
the clean-up here, but a run killed outright (kill -9, a power cut) leaves its temporary
files behind; the next run that writes into the same folder removes those whose run has
ended (`sweep`), and never touches another file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import QuizgenError

# Errors of the output place (not of the input): reported as "cannot write".
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM,
                  errno.EFBIG, errno.EIO, errno.EISDIR, errno.ENOTDIR}

# A temporary name of ours: the pid of the run that made it, and mkstemp's random part.
_TMP_NAME = re.compile(r"\..+\.q(\d+)-[a-z0-9_]{8}\.tmp\Z")
STALE_AFTER = 24 * 3600  # seconds; a temporary file this old is a leftover whatever its pid

# (temporary file, target) pairs waiting for the end of an all_or_nothing() block.
_pending: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("quizgen_pending", default=None)


def _cannot(target: Path, exc: OSError) -> QuizgenError:
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return QuizgenError(f"{target}: cannot write output, a folder has that name;"
                            " move the folder or choose another output name")
    return QuizgenError(f"{target}: cannot write output ({exc.strerror or exc});"
                        " choose a writable folder with enough free space")


def running(pid: int) -> bool:
    """Whether a process with this id exists (on this machine)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: leave its files alone
    return True


_swept: set[str] = set()  # folders swept by this process


def sweep(folder: Path) -> None:
    """Remove the temporary files of killed runs from folder (once per process): our names
    only, and only those whose run has ended (or that are a day old)."""
    if str(folder) in _swept:
        return
    _swept.add(str(folder))
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        m = _TMP_NAME.match(entry.name)
        if not m:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if old or not running(int(m.group(1))):
                os.unlink(entry.path)
        except OSError:
            continue


def damaged(path: str | Path) -> str | None:
    """Why the text file at an output path cannot be an earlier output (empty, binary, not
    UTF-8), or None when it may be one. Such a file is replaced without being read: an
    earlier bank is read only to keep its edits, and this one holds none. Only the first
    64 KB are looked at."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return None  # unreadable: reading it reports the error
    if not head:
        return "empty"
    if b"\x00" in head:
        return "binary, not text"
    import codecs

    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "not UTF-8 text"
    return None


def _mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.chmod(tmp, _mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot(target, exc) from None


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call write(tmp_path) to produce the file, then rename it onto path (at once, or at
    the end of the enclosing all_or_nothing() block)."""
    target = Path(path)
    if target.is_dir():
        raise _cannot(target, IsADirectoryError(errno.EISDIR, "Is a directory"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.q{os.getpid()}-", suffix=".tmp",
                                   dir=target.parent)
        os.close(fd)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in target.parents if p.exists() and not p.is_dir()), target.parent)
        raise QuizgenError(f"{blocker}: is a file, not a folder, so {target} cannot be written;"
                           " choose another output folder") from None
    except OSError as exc:
        raise QuizgenError(
            f"{target.parent}: cannot write output ({exc.strerror}); choose a writable folder"
        ) from None
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        if exc.errno in _OUTPUT_ERRNOS and exc.filename in (None, tmp, str(target)):
            raise _cannot(target, exc) from None
        raise
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    pending = _pending.get()
    if pending is None:
        _replace(tmp_path, target)
        return
    for i, (old_tmp, old_target) in enumerate(pending):
        if old_target == target:  # written twice in one block: the last write wins
            old_tmp.unlink(missing_ok=True)
            del pending[i]
            break
    pending.append((tmp_path, target))


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Atomic writes inside the block replace their targets together when the block ends
    without an error; on an error every temporary file is removed and no target changes.
    A nested block joins the outer one."""
    if _pending.get() is not None:
        yield
        return
    pending: list[tuple[Path, Path]] = []
    token = _pending.set(pending)
    try:
        yield
        for _, target in pending:  # the one failure we can see before renaming anything
            if target.is_dir():
                raise _cannot(target, IsADirectoryError(errno.EISDIR, "Is a directory"))
        while pending:
            tmp, target = pending[0]
            _replace(tmp, target)
            del pending[0]
    finally:
        _pending.reset(token)
        for tmp, _ in pending:
            tmp.unlink(missing_ok=True)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data))
