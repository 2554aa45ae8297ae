"""Article files to a question bank in two passes, without holding the set in memory.

`generate.generate_bank` works on a Corpus with every analysed article in memory: fine for
a teacher's five articles, not for an archive of tens of thousands (about 30 KB an
article, and as much again in candidates). Here each article is held only while it is
worked on:

1. Every file is read, cleaned, split and tagged (on every core); the analysed article is
   parked in a temporary folder (`Spill`) and only its digest (quizgen/digest.py) comes
   back.
2. The set-wide tables are made from the digests: entities (link.resolve), display
   names, event dates.
3. Every article is brought back, linked (link.apply_links), and the templates run on it
   (on every core); its candidates come back with what the later steps need of them
   (generate.article_candidates), and are grouped as they arrive (merge.Grouping), which
   keeps one candidate per fact and a source for each of the others.
4. The groups become the bank (generate.bank_from_groups).

The bank is the one `generate_bank(analyse(paths))` makes, item for item
(tests/test_stream.py).
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, Self

from .digest import digest
from .display import apply_display_names
from .errors import QuizgenError
from .generate import article_candidates, bank_from_groups, set_tables
from .lang import LanguagePack
from .link import apply_links, resolve
from .merge import Grouping
from .model import Article, ArticleDigest, Corpus, QuestionBank
from .outfile import running
from .parallel import map_ordered
from .pipeline import analyse_article

# progress(label, total) -> a context whose value is called with the number of items done
Reporter = Callable[[str, int], AbstractContextManager[Callable[[int], None] | None]]


Ticket = tuple[str, int, int]  # where a parked article is: file, offset, length
_BINARY = getattr(os, "O_BINARY", 0)  # no newline translation where the OS has it (Windows)


_SPILL_DIR = re.compile(r"quizgen-spill-(\d+)-[a-z0-9_]{8}\Z")


def sweep_spills(folder: str) -> None:
    """Remove the spill folders of runs killed outright (kill -9) from the temporary
    folder: our names, made by a process that has ended, holding only spill files."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = _SPILL_DIR.match(entry.name)
        if not m or running(int(m.group(1))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and all(
                    f.endswith(".spill") for f in os.listdir(entry.path)):
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue


class Spill:
    """Analysed articles parked on disk between the two passes, in a temporary folder
    removed on close (and, after a kill -9, by the next run: sweep_spills). Each process
    appends to a file of its own, opened once (opening a file costs more than writing an
    article on some file systems): `put` gives a ticket, `take` reads the article back by
    it."""

    def __init__(self) -> None:
        try:
            where = tempfile.gettempdir()
        except FileNotFoundError:  # TMPDIR, /tmp, /var/tmp and the current folder all failed
            raise _spill_error(os.environ.get("TMPDIR") or "/tmp", OSError(
                0, "no writable temporary folder anywhere")) from None
        sweep_spills(where)
        try:
            self._dir = tempfile.TemporaryDirectory(prefix=f"quizgen-spill-{os.getpid()}-")
        except OSError as exc:
            raise _spill_error(where, exc) from None
        self._files: dict[tuple[int, str, int], int] = {}  # (process, path, mode) -> descriptor

    def _fd(self, path: str, flags: int) -> int:
        key = (os.getpid(), path, flags)  # a forked worker opens its own
        if key not in self._files:
            self._files[key] = os.open(path, flags, 0o600)
        return self._files[key]

    def put(self, article: Article) -> Ticket:
        path = os.path.join(self._dir.name, f"{os.getpid()}.spill")
        blob = pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            fd = self._fd(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _BINARY)
            offset = os.lseek(fd, 0, os.SEEK_END)
            done = 0
            while done < len(blob):  # unbuffered: a worker may be stopped without warning
                done += os.write(fd, blob[done:])
        except OSError as exc:
            raise _spill_error(self._dir.name, exc) from None
        return path, offset, len(blob)

    def take(self, ticket: Ticket) -> Article:
        path, offset, length = ticket
        fd = self._fd(path, os.O_RDONLY | _BINARY)
        os.lseek(fd, offset, os.SEEK_SET)
        blob = b""
        while len(blob) < length:  # a read may return less than asked
            more = os.read(fd, length - len(blob))
            if not more:
                raise QuizgenError(f"{path}: a parked article was cut short; run again")
            blob += more
        return pickle.loads(blob)

    def close(self) -> None:
        for (pid, _, _), fd in self._files.items():
            if pid == os.getpid():
                os.close(fd)
        self._files.clear()
        self._dir.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _spill_error(where: str, exc: OSError) -> QuizgenError:
    return QuizgenError(
        f"{where}: cannot keep analysed articles there ({exc.strerror or exc}); free some "
        "space or set TMPDIR to a writable folder"
    )


def stream_bank(
    paths: Sequence[str | Path],
    pack: LanguagePack,
    templates: Sequence[Any],
    *,
    title: str | None = None,
    seed: int = 0,
    limits: Mapping[str, int] | None = None,
    jobs: int | None = None,
    progress: Reporter | None = None,
    warnings: list[str] | None = None,
) -> QuestionBank:
    """The question bank of the article files (module docstring). `title` defaults to the
    first article's title; `progress(label, total)` gives a context whose value is called
    with the number of articles done (or None to report nothing). What analysis had to
    leave out of an article (split.split_article) is added to `warnings` as "FILE: what"."""
    report = progress or (lambda label, total: nullcontext(None))
    files = list(paths)
    with Spill() as spill:
        with report("reading", len(files)) as done:
            found, tickets = _first_pass(files, pack, spill, jobs, done)
        if warnings is not None:
            warnings.extend(f"{d.info.path}: {note}" for d in found for note in d.notes)
        entities = resolve(found, pack)
        corpus = Corpus(articles=[], entities=entities, digests=found)
        apply_display_names(corpus)
        tables = set_tables(corpus)

        # A worker gets each article's entity ids with its ticket: reading them from the
        # digests it inherited would copy, page by page, every digest into every worker.
        def questions(task: tuple[Ticket, list[str]]) -> list:
            ticket, ids = task
            article = spill.take(ticket)
            apply_links(article, ids, entities)
            return article_candidates(article, pack, templates, tables)

        grouping = Grouping()
        with report("questions", len(files)) as done:
            tasks = list(zip(tickets, (d.entities for d in found)))
            for candidates in map_ordered(questions, tasks, jobs=jobs, progress=done):
                for c in candidates:
                    grouping.add(c)
    title = title or next((d.info.title for d in found if d.info.title), None) or "quizgen"
    return bank_from_groups(
        grouping.groups(), corpus, pack, title=title, seed=seed, limits=limits, jobs=jobs
    )


def _first_pass(
    files: list[str | Path], pack: LanguagePack, spill: Spill, jobs: int | None, done: Any
) -> tuple[list[ArticleDigest], list[Ticket]]:
    def analyse(n: int) -> tuple[ArticleDigest, Ticket]:
        article = analyse_article(files[n], pack)
        return digest(article), spill.put(article)

    # The same mention in many articles is kept once (a name in every article of the set).
    same: dict[Any, Any] = {}
    found, tickets = [], []
    for d, ticket in map_ordered(analyse, range(len(files)), jobs=jobs, progress=done):
        d.mentions = [same.setdefault(m, m) for m in d.mentions]
        d.titles = [(same.setdefault(shape, shape), at) for shape, at in d.titles]
        found.append(d)
        tickets.append((same.setdefault(ticket[0], ticket[0]), ticket[1], ticket[2]))
    return found, tickets
