"""The command line starts fast: no heavy library is imported until a command needs it."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ["weasyprint", "genanki", "trafilatura", "babel", "jinja2", "yaml", "lxml", "fontTools"]


@pytest.mark.parametrize("module", HEAVY)
def test_cli_import_loads_no_heavy_library(module):
    code = f"import sys, quizgen.cli; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
