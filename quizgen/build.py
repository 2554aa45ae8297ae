"""`build`: a deck definition through the whole pipeline into an output folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .bank import load_bank, merge_edits, require_items, save_bank
from .deck import Deck, output_names
from .errors import QuizgenError
from .lang import load_language
from .model import QuestionBank
from .outfile import all_or_nothing, damaged
from .paths import check_inside, check_outputs
from .select import deck_bank
from .stream import Reporter, stream_bank
from .templates import load_templates


@dataclass
class BuildResult:
    bank: QuestionBank
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what analysis or an export left out, why


def make_bank(
    deck: Deck,
    previous: Path | None = None,
    *,
    jobs: int | None = None,
    progress: Reporter | None = None,
    warnings: list[str] | None = None,
) -> QuestionBank:
    """Analyse the deck's sources and generate its bank, keeping edits from `previous`.
    `progress(label, total)` gives a context whose value is called with the number of
    articles done (or None to report nothing); what analysis left out is added to
    `warnings` (stream.stream_bank)."""
    pack = load_language(deck.lang)
    templates = load_templates(pack, extra_files=deck.template_files, packs=deck.template_packs)
    bank = stream_bank(
        deck.sources, pack, templates, title=deck.title, seed=deck.seed,
        jobs=jobs, progress=progress, warnings=warnings,
    )
    broken = damaged(previous) if previous is not None and previous.is_file() else None
    if broken and warnings is not None:
        warnings.append(f"{previous}: the existing bank is damaged ({broken}); it is replaced,"
                        " not read")
    if previous is not None and previous.is_file() and not broken:
        try:
            old = load_bank(previous, sources=False)  # merge_edits reads no sources
        except QuizgenError as exc:
            raise QuizgenError(
                f"{exc.message} (the existing bank could not be read; fix or move it to rebuild)"
            ) from None
        bank = merge_edits(bank, old)
    return bank


def build(
    deck: Deck, out_dir: str | Path, *, jobs: int | None = None, progress: Reporter | None = None
) -> BuildResult:
    """Every output of the deck, or none: a failure leaves the previous files as they were."""
    with all_or_nothing():
        return _build(deck, out_dir, jobs, progress)


def _start_worksheet(deck: Deck, bank: QuestionBank, out: Path) -> Callable[[], list[Path]] | None:
    ws = deck.outputs.get("worksheet")
    if not ws:
        return None
    from .export.worksheet import WorksheetOptions, start_worksheet

    options = WorksheetOptions(
        versions=ws["versions"],
        paper=ws["paper"],
        seed=deck.seed,
        include_sources=ws["sources"],
        counts=dict(ws["items"]),
    )
    return start_worksheet(bank, out, options, pdf=ws["pdf"], stem=ws["stem"])


def _build(
    deck: Deck, out_dir: str | Path, jobs: int | None, progress: Reporter | None
) -> BuildResult:
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise QuizgenError(f"{out}: exists and is not a folder; choose another --out")
    names = [name for group in output_names(deck.outputs).values() for name in group]
    check_inside(out, names)
    check_outputs([out / name for name in names],
                  [deck.path, *deck.sources, *deck.template_files])
    o = deck.outputs
    warnings: list[str] = []
    bank = make_bank(deck, out / o["bank"] if o.get("bank") else None, jobs=jobs,
                     progress=progress, warnings=warnings)
    require_items(bank, limited=bool(deck.items))
    deck_view = deck_bank(bank, deck.items or None)  # what the Anki files take
    if not deck_view.items:
        raise QuizgenError(
            f"{deck.path}: none of the bank's {len(bank.items)} items is kept (each is below"
            " the confidence threshold, set 'keep: false', or of a kind the deck's 'items'"
            " leave out); see them with 'quizgen generate' and raise the 'items' limits or"
            " set 'keep: true' on the ones you want; nothing was written"
        )
    finish_worksheet = _start_worksheet(deck, bank, out)  # renders while the rest is written
    written: list[Path] = []
    if o.get("bank"):
        save_bank(bank, out / o["bank"], "yaml")
        written.append(out / o["bank"])
    if o.get("bank_jsonl"):
        save_bank(bank, out / o["bank_jsonl"], "jsonl")
        written.append(out / o["bank_jsonl"])
    if o.get("anki"):
        from .export.anki import write_apkg

        write_apkg(deck_view, out / o["anki"], subdecks=bool(o.get("anki_subdecks")))
        written.append(out / o["anki"])
    if o.get("anki_text"):
        from .export.anki_text import write_anki_text

        write_anki_text(deck_view, out / o["anki_text"])
        written.append(out / o["anki_text"])
    notes = [f"warning: {w}" for w in warnings] + _write_platforms(deck, bank, out, written)
    if finish_worksheet is not None:
        written.extend(finish_worksheet())
    return BuildResult(bank=bank, files=written, notes=notes)


def _write_platforms(deck: Deck, bank: QuestionBank, out: Path, written: list[Path]) -> list[str]:
    """The classroom-platform files the deck names; returns the items they left out."""
    from .export.platforms import PLATFORMS
    from .export.selection import NothingToExport

    notes: list[str] = []
    for name, platform in PLATFORMS.items():
        if deck.outputs.get(name):
            try:
                notes += platform.write(bank, out / deck.outputs[name]).notes()
            except NothingToExport as exc:
                raise QuizgenError(f"{deck.path}: outputs.{name}: {exc.message}") from None
            written.append(out / deck.outputs[name])
    return notes
