"""`quizgen export worksheet BANK`: a printable worksheet (HTML and PDF) from a bank."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import QuizgenError
from .export_cmd import export


def _counts(values: tuple[str, ...]) -> dict[str, int]:
    from ..model import KINDS

    counts: dict[str, int] = {}
    for value in values:
        kind, _, n = value.partition("=")
        if kind not in KINDS or not n.isdigit():
            raise QuizgenError(
                f"--count '{value}': write KIND=N with KIND one of {', '.join(KINDS)}, e.g. mcq=10"
            )
        counts[kind] = int(n)
    return counts


@export.command("worksheet")
@click.argument("bank_file", metavar="BANK", type=click.Path())
@click.option("--out", "out_dir", type=click.Path(), default=None,
              help="Output folder (default: the bank's folder).")
@click.option("--stem", default=None, help="File name without suffix  [default: worksheet]")
@click.option("--pdf/--no-pdf", default=None, help="Also write the PDF  [default: --pdf]")
@click.option("--versions", type=click.IntRange(1, 26), default=None,
              help="Number of shuffled versions  [default: 2]")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
              help="Paper size  [default: a4]")
@click.option("--seed", type=int, default=None, help="Shuffle seed (default: the bank's seed).")
@click.option("--sources/--no-sources", default=None, help="List the source articles at the end.")
@click.option("--count", "counts", multiple=True, metavar="KIND=N",
              help="Most items of a kind, e.g. --count mcq=10 (repeatable; default: every"
                   " kept item).")
@click.option("--title", default=None, help="Title printed on every page (default: the bank's).")
@click.option("--deck", "deck_file", type=click.Path(), default=None,
              help="Take the worksheet choices of this deck file; other flags override them.")
def worksheet_command(bank_file, out_dir, stem, pdf, versions, paper, seed, sources, counts,
                      title, deck_file) -> None:  # fmt: skip
    """Write a worksheet with answer keys (STEM.html, STEM.pdf) from a question BANK."""
    from ..bank import load_bank
    from ..deck import DEFAULT_OUTPUTS, load_deck
    from ..export import pdfengine
    from ..export.worksheet import WorksheetOptions, write_worksheet
    from ..outfile import all_or_nothing
    from ..paths import check_outputs, is_plain_name

    ws = dict(DEFAULT_OUTPUTS["worksheet"])
    deck_seed = None
    if deck_file:
        deck = load_deck(deck_file)
        ws = deck.outputs.get("worksheet") or ws
        deck_seed = deck.seed
    pdf = pdf if pdf is not None else ws["pdf"]
    with pdfengine.background(enabled=pdf):  # WeasyPrint loads on another core meanwhile
        bank = load_bank(bank_file)
        options = WorksheetOptions(
            versions=versions if versions is not None else ws["versions"],
            paper=paper or ws["paper"],
            seed=seed if seed is not None else deck_seed,
            include_sources=sources if sources is not None else ws["sources"],
            counts=_counts(counts) if counts else (dict(ws["items"]) if deck_file else None),
            title=title,
        )
        out = Path(out_dir) if out_dir else Path(bank_file).parent
        stem = stem or ws["stem"]
        if not is_plain_name(stem):
            raise QuizgenError(f"--stem '{stem}': must be a plain file name (no folder); give"
                               " the folder with --out")
        check_outputs([out / f"{stem}.html", *([out / f"{stem}.pdf"] if pdf else [])],
                      [bank_file, *([deck_file] if deck_file else [])])
        with all_or_nothing():  # the HTML and the PDF together, or neither
            written = write_worksheet(bank, out, options, pdf=pdf, stem=stem)
    for path in written:
        click.echo(f"wrote {path}")
