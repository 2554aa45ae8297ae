"""The classroom-platform exporters by name, for the command line and deck files:
`quizgen export NAME BANK -o FILE` and a deck's `outputs: {NAME: FILE}`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module; the exporters load when used
    from ..model import QuestionBank
    from .selection import Export, Selection


@dataclass(frozen=True)
class Platform:
    name: str  # the command and deck-output name
    module: str  # quizgen.export.<module> holds write_<name>
    suffix: str  # the file name's usual ending
    title: str  # what the file is for, in the help
    times: tuple[int, ...] = ()  # time limits per question the platform offers, if any
    default_time: int = 0

    def writer(self) -> Callable[..., Export]:
        return getattr(import_module(f"quizgen.export.{self.module}"), f"write_{self.name}")

    def write(self, bank: QuestionBank, path: str | Path, selection: Selection | None = None,
              **options) -> Export:
        return self.writer()(bank, path, selection, **options)


PLATFORMS = {p.name: p for p in (
    Platform("quizizz", "quizizz", ".xlsx", "Quizizz/Wayground spreadsheet template",
             (5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900), 30),  # its editor's choices
    Platform("moodle", "moodle", ".xml", "Moodle XML"),
    Platform("gift", "gift", ".gift.txt", "GIFT text (Moodle and other LMS)"),
    Platform("kahoot", "kahoot", ".xlsx", "Kahoot! spreadsheet template",
             (5, 10, 20, 30, 60, 90, 120, 240), 20),
    Platform("forms", "forms", ".gs", "Google Forms Apps Script"),
    Platform("csv", "csvfile", ".csv", "CSV table (UTF-8 with BOM)"),
)}
