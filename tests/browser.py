"""Debian's chromium driven by Playwright, for the review page's tests.

The registry's browser download is not reachable here, so Playwright launches the
system's /usr/bin/chromium. If it is missing the tests fail (never skip) and say how to
install it; `make test` installs it itself when run as root (the Makefile's `chromium`
target).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM}: Debian's chromium is missing; install it with"
                    " 'apt-get install -y chromium' (as root, 'make test' does it), or point"
                    " QUIZGEN_CHROMIUM at a Chromium binary", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM))
        yield b
        b.close()
