"""`quizgen export ...`: a question bank into one output format."""

from __future__ import annotations

import click

from . import main


@main.group()
def export() -> None:
    """Export a question bank (YAML) to Anki or other formats."""


@export.command("anki")
@click.argument("bank_file", metavar="BANK", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The .apkg file to write. Notes unchanged since the previous file here keep"
              " their time, so Anki updates only the changed ones.")
@click.option("--subdecks", is_flag=True, help="One sub-deck per source article.")
def export_anki(bank_file: str, output: str, subdecks: bool) -> None:
    """Write the kept items of BANK as an Anki package (.apkg)."""
    from ..bank import load_bank
    from ..export.anki import write_apkg
    from ..paths import check_outputs

    check_outputs([output], [bank_file])
    stats = write_apkg(load_bank(bank_file), output, subdecks=subdecks)
    per_kind = ", ".join(f"{n} {kind}" for kind, n in stats["cards"].items() if n)
    click.echo(
        f"wrote {output}: {stats['notes']} notes ({per_kind or 'no cards'});"
        f" {stats['updated']} changed since the previous file; {stats['skipped']} not kept",
        err=True,
    )


@export.command("anki-text")
@click.argument("bank_file", metavar="BANK", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The .txt file to write (import it with Anki's File > Import).")
def export_anki_text(bank_file: str, output: str) -> None:
    """Write the kept items of BANK as an Anki text file (Basic notes)."""
    from ..bank import load_bank
    from ..export.anki_text import write_anki_text
    from ..paths import check_outputs

    check_outputs([output], [bank_file])
    notes = write_anki_text(load_bank(bank_file), output)
    click.echo(f"wrote {output}: {notes} notes", err=True)
