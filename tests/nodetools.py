"""Node for the tests that read an export back with the platform's own JavaScript: the
strict GIFT parser (gift-pegjs, from npm) and the Apps Script recorder. The npm packages
go into tests/node/node_modules, installed from tests/node/package-lock.json on first use
(`make test` installs them first)."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

NODE_DIR = Path(__file__).resolve().parent / "node"
HOW = ("install Node.js 18 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm;"
       " elsewhere: https://nodejs.org)")


@cache
def node() -> str:
    """The node executable, with tests/node's packages installed; fails with how to get it."""
    exe, npm = shutil.which("node"), shutil.which("npm")
    if not exe or not npm:
        pytest.fail(f"these tests need Node.js and npm, which are not on PATH; {HOW}")
    stamp = NODE_DIR / "node_modules" / ".package-lock.json"
    lock = NODE_DIR / "package-lock.json"
    if not stamp.is_file() or stamp.stat().st_mtime < lock.stat().st_mtime:
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR)],
                              capture_output=True, text=True)
        if done.returncode:
            pytest.fail(f"npm ci in {NODE_DIR} failed: {done.stderr.strip()[-500:]}")
    return exe


def run_node(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([node(), str(NODE_DIR / script), *args], capture_output=True,
                          text=True, cwd=NODE_DIR)


def parse_gift(path: Path) -> list[dict]:
    """The questions of a GIFT file as gift-pegjs parses them; a syntax error fails."""
    done = run_node("gift_parse.js", str(path))
    if done.returncode:
        pytest.fail(f"gift-pegjs rejects {path.name}: {done.stderr.strip()}")
    return json.loads(done.stdout)
