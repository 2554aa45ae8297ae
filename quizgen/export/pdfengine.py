"""WeasyPrint, loaded quickly and run reproducibly.

Importing WeasyPrint opens its C libraries (GObject, Pango, HarfBuzz, fontconfig) by trying
several names per library, Windows and macOS names first. On Linux each name that fails
goes through ctypes.util.find_library, which runs `ldconfig -p` and `gcc` as subprocesses
(WeasyPrint issue #1125): about 25 subprocesses, 0.4-0.8 s of a 1 s import. Every list
also names the Linux soname ('libpango-1.0.so.0'), which the dynamic loader opens directly
(honouring LD_LIBRARY_PATH and ld.so.cache), so the search adds nothing there; we skip it
while WeasyPrint loads.

Even so, loading WeasyPrint costs half a second, and the worksheet comes last in a build.
`background()` starts a forked process that loads it while the build analyses and
generates (on one core at a time for a small deck); `render_pdf` hands it the pages. Where
fork is missing, or the process is gone, `render_pdf` renders in this process. Either way
the bytes are the same.

Writing the PDF subsets the fonts. Without the system's HarfBuzz-subset library
(libharfbuzz-subset0 on Debian and Ubuntu) WeasyPrint falls back to fontTools, which costs
0.4-0.7 s per worksheet (fontTools 4.68 reads every layout table first); with it, 0.15 s.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from types import ModuleType

from ..parallel import die_with_parent


@contextmanager
def _no_library_search() -> Iterator[None]:
    """On Linux, let cffi's dlopen fall through to the next name without subprocesses."""
    import ctypes.util

    if not sys.platform.startswith("linux"):
        yield
        return
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


def weasyprint() -> ModuleType:
    """The weasyprint module, imported on first use."""
    if "weasyprint" not in sys.modules:
        with _no_library_search():
            import weasyprint  # noqa: F401
    return sys.modules["weasyprint"]


@contextmanager
def reproducible_fonts() -> Iterator[None]:
    """Embedded font subsets carry a 'modified' time; fontTools takes it from
    SOURCE_DATE_EPOCH when set (reproducible-builds.org), so fix it while writing."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def _render_here(htmls: list[str], css: str, identifier: bytes) -> bytes:
    """Each HTML page rendered as its own document (its own page numbers), pages joined.
    The documents share one font configuration and one parsed style sheet."""
    wp = weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    style = wp.CSS(string=css, font_config=fonts)
    documents = [
        wp.HTML(string=html).render(font_config=fonts, stylesheets=[style]) for html in htmls
    ]
    pages = [page for document in documents for page in document.pages]
    with reproducible_fonts():
        pdf = documents[0].copy(pages).write_pdf(pdf_identifier=identifier)
    assert pdf is not None
    return pdf


def _serve(conn: Connection, parents: Connection, parent: int) -> None:  # forked process
    die_with_parent(parent)
    parents.close()  # our copy of the parent's end: left open, it would hide the parent's close
    try:
        weasyprint()
        job = conn.recv()
    except (EOFError, OSError, KeyboardInterrupt):
        return
    try:
        conn.send(("pdf", _render_here(*job)))
    except Exception as exc:  # reported to the parent, which raises it there
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, self.conn, os.getpid()),
                                       daemon=True)
        self.process.start()
        theirs.close()
        self.used = False  # it has its job
        self.done = False  # ... and has sent the answer

    def send(self, job: tuple[list[str], str, bytes]) -> bool:
        """Hand the worker its one job; False if it is gone."""
        self.used = True
        try:
            self.conn.send(job)
        except OSError:
            return False
        return True

    def receive(self) -> bytes | None:
        """The PDF, or None when the worker is gone (the caller renders it then)."""
        try:
            kind, payload = self.conn.recv()
        except (EOFError, OSError):
            return None
        finally:
            self.done = True
        if kind == "error":
            raise RuntimeError(f"rendering the PDF failed: {payload}")
        return payload

    def render(self, htmls: list[str], css: str, identifier: bytes) -> bytes | None:
        return self.receive() if self.send((htmls, css, identifier)) else None

    def close(self) -> None:
        """Stop the worker: at once unless it has answered (the build failed, wrote no PDF,
        or gave up waiting for it)."""
        self.conn.close()
        if not self.done:
            self.process.terminate()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


_worker: list[_Worker] = []  # the background worker, while `background()` is open


@contextmanager
def background(enabled: bool = True, jobs: int | None = None) -> Iterator[None]:
    """While open, a forked process loads WeasyPrint and waits for one PDF to render.
    Does nothing where fork is unavailable, with one job (`jobs`, else QUIZGEN_JOBS, else
    the cores: see parallel.workers), when WeasyPrint is already loaded, or when one is
    already open."""
    from ..parallel import workers

    usable = "fork" in multiprocessing.get_all_start_methods() and "weasyprint" not in sys.modules
    if not (enabled and usable) or _worker or workers(jobs) < 2:
        yield
        return
    worker = _Worker()
    _worker.append(worker)
    try:
        yield
    finally:
        _worker.remove(worker)
        worker.close()


def submit(htmls: list[str], css: str, identifier: bytes) -> Callable[[], bytes]:
    """Start rendering one PDF; call the result to get it. HTML documents are rendered one
    by one under a shared style sheet and their pages joined in order; `identifier` fixes
    the PDF's /ID, so equal input gives equal bytes. The background worker, if one is
    waiting, takes the job at once and the caller may do other work meanwhile; otherwise
    the PDF is rendered here when the result is called."""
    job = (htmls, css, identifier)
    worker = _worker[0] if _worker and not _worker[0].used else None
    if worker is None or not worker.send(job):
        return lambda: _render_here(*job)

    def result() -> bytes:
        pdf = worker.receive()
        return pdf if pdf is not None else _render_here(*job)

    return result


def render_pdf(htmls: list[str], css: str, identifier: bytes) -> bytes:
    """`submit(...)()`: the PDF, rendered by the background worker if one is waiting."""
    return submit(htmls, css, identifier)()
