"""The lock file is what `make demo` and `make test` install, and all they install."""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.M)
# pip's own tools, which `pip freeze` leaves out too
TOOLS = {"pip", "setuptools", "wheel", "distribute"}


def locked() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(n): v for n, v in PIN.findall(text)}


def test_lock_pins_every_declared_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra]
    pins = locked()
    missing = [r for r in declared if canonicalize_name(Requirement(r).name) not in pins]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"
    for req in map(Requirement, declared):
        version = pins[canonicalize_name(req.name)]
        assert req.specifier.contains(version, prereleases=True), (req, version)
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[-1].strip())
    assert all("--hash=sha256:" in b for b in blocks if PIN.match(b))


@pytest.mark.skipif(os.environ.get("QUIZGEN_UNLOCKED") == "1",
                    reason="make test-latest runs on the newest versions on purpose")
def test_lock_is_exactly_what_the_environment_holds() -> None:
    installed = {canonicalize_name(d.metadata["Name"]): d.version
                 for d in metadata.distributions()}
    installed.pop("quizgen", None)
    pins = locked()
    for name in TOOLS:
        installed.pop(name, None)
        pins.pop(name, None)
    assert installed == pins
