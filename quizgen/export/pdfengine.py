"""WeasyPrint, loaded quickly and run reproducibly.

Importing WeasyPrint opens its C libraries (GObject, Pango, HarfBuzz, fontconfig) by trying
several names per library, Windows and macOS names first. On Linux each name that fails
goes through ctypes.util.find_library, which runs `ldconfig -p` and `gcc` as subprocesses
(WeasyPrint issue #1125): about 25 subprocesses, 0.4-0.8 s of a 1 s import. Every list
also names the Linux soname ('libpango-1.0.so.0'), which the dynamic loader opens directly
(honouring LD_LIBRARY_PATH and ld.so.cache), so the search adds nothing there; we skip it
while WeasyPrint loads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


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
