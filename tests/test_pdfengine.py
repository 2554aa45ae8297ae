"""The PDF engine: WeasyPrint loaded without library-search subprocesses, and a forked
worker that renders the same bytes as this process does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.export import pdfengine

CSS = "@page { size: A5; @bottom-center { content: counter(page) ' / ' counter(pages); } }"
# Two documents: the first two pages long, the second one page; each numbers its own pages.
HTMLS = [
    '<p>Versi A</p><p style="break-before: page">Versi A, halaman dua</p>',
    "<p>Kunci Jawaban</p>",
]


def test_pdfengine_worker_renders_the_same_bytes_as_this_process():
    here = pdfengine._render_here(HTMLS, CSS, b"test")
    worker = pdfengine._Worker()
    try:
        there = worker.render(HTMLS, CSS, b"test")
    finally:
        worker.close()
    assert there == here


def test_pdfengine_each_document_numbers_its_own_pages():
    pdf = pdfengine.render_pdf(HTMLS, CSS, b"test")
    texts = [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]
    assert [t.rsplit(" ", 3)[-3:] for t in texts] == [["1", "/", "2"], ["2", "/", "2"],
                                                      ["1", "/", "1"]]


def test_pdfengine_gone_worker_leaves_the_rendering_to_the_caller():
    worker = pdfengine._Worker()
    worker.process.terminate()
    worker.process.join()
    try:
        assert worker.render(HTMLS, CSS, b"test") is None
    finally:
        worker.close()


def test_pdfengine_unused_worker_stops_at_once():
    worker = pdfengine._Worker()
    start = time.monotonic()
    worker.close()  # a build that failed before its PDF
    assert time.monotonic() - start < 2 and not worker.process.is_alive()


def test_pdfengine_worker_leaves_when_the_parent_hangs_up():
    worker = pdfengine._Worker()
    worker.conn.close()  # the worker must see the end of the pipe, not wait for ever
    worker.process.join(timeout=30)
    assert not worker.process.is_alive() and worker.process.exitcode == 0


def test_pdfengine_worker_reports_a_failure_as_an_error():
    worker = pdfengine._Worker()
    try:
        with pytest.raises(RuntimeError, match="rendering the PDF failed: IndexError"):
            worker.render([], CSS, b"test")  # no document at all
    finally:
        worker.close()


@pytest.mark.parametrize("reproducible", ["", "1700000000"])
def test_pdfengine_same_input_same_bytes(monkeypatch, reproducible):
    if reproducible:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", reproducible)
    else:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = pdfengine.render_pdf(HTMLS, CSS, b"test")
    assert pdfengine.render_pdf(HTMLS, CSS, b"test") == first


def test_pdfengine_loads_weasyprint_without_running_ldconfig_or_gcc():
    code = (
        "import subprocess, sys\n"
        "ran = []\n"
        "real = subprocess.Popen.__init__\n"
        "def spy(self, args, *a, **k):\n"
        "    ran.append(args)\n"
        "    real(self, args, *a, **k)\n"
        "subprocess.Popen.__init__ = spy\n"
        "from quizgen.export.pdfengine import weasyprint\n"
        "weasyprint().HTML(string='<p>x</p>').render()\n"
        "print(len(ran))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize("env_jobs, jobs, forks", [
    ("1", None, False),
    ("2", None, True),
    ("2", 1, False),  # --jobs 1 wins over the environment
    ("1", 2, True),
])
def test_pdfengine_background_worker_only_with_more_than_one_job(env_jobs, jobs, forks):
    code = (
        "from quizgen.export import pdfengine\n"
        f"with pdfengine.background(jobs={jobs}):\n"
        "    print(bool(pdfengine._worker))\n"
    )
    env = {**os.environ, "QUIZGEN_JOBS": env_jobs}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.strip() == str(forks)


def test_pdfengine_build_pdf_same_with_and_without_the_worker(tmp_path):
    """The seed deck built in one process and with the background worker: same PDF."""
    root = Path(__file__).resolve().parents[1]
    pdfs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        subprocess.run(
            [sys.executable, "-c", "from quizgen.cli import main; main()", "build",
             str(root / "decks" / "seeds.yaml"), "--out", str(out)],
            capture_output=True, check=True, env={**os.environ, "QUIZGEN_JOBS": jobs},
        )
        pdfs.append((out / "worksheet.pdf").read_bytes())
    assert pdfs[0] == pdfs[1]


def test_pdfengine_one_job_per_worker_the_next_is_rendered_here():
    worker = pdfengine._Worker()
    pdfengine._worker.append(worker)
    try:
        first = pdfengine.submit(HTMLS, CSS, b"test")
        assert worker.used
        second = pdfengine.submit(HTMLS, CSS, b"test")  # the worker is taken: rendered here
        assert first() == second()
    finally:
        pdfengine._worker.remove(worker)
        worker.close()


def test_pdfengine_abandoned_job_stops_the_worker_at_once():
    worker = pdfengine._Worker()
    worker.send((HTMLS, CSS, b"test"))  # a build that fails after starting its PDF
    start = time.monotonic()
    worker.close()
    assert time.monotonic() - start < 2 and not worker.process.is_alive()
