"""`quizgen generate` (articles -> bank) and `quizgen build` (deck file -> every output)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import QuizgenError
from . import main, write_stdout


def _warn_silent(bank) -> None:
    """One warning line per article that gave no item (the run still succeeds)."""
    from ..bank import silent_articles

    for article in silent_articles(bank):
        click.echo(f"quizgen: warning: {article.path}: no question in the bank comes from this"
                   f" article; see what was found with 'quizgen inspect {article.path}'", err=True)

PROGRESS_FROM = 50  # articles: fewer than this finish before a bar would be worth drawing


def _progress_bar(total_articles: int):
    """A progress reporter for build.make_bank when stderr is a terminal and the run is
    long; None (nothing drawn) otherwise, so logs and pipes get no bar."""
    if total_articles < PROGRESS_FROM or not sys.stderr.isatty():
        return None

    @contextmanager
    def report(label: str, total: int):
        with click.progressbar(length=total, label=f"{label:9}", file=sys.stderr,
                               show_pos=True, show_eta=True) as bar:
            yield bar.update

    return report


def _cap_jobs(ctx: click.Context, param: click.Parameter, jobs: int | None) -> int | None:
    from ..parallel import capped_note, workers

    note = capped_note(jobs)
    if note is None:
        return jobs
    click.echo(f"quizgen: note: {note}", err=True)
    return workers(jobs)


def _jobs_option(fn):
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                        callback=_cap_jobs,
                        help="Worker processes (default: QUIZGEN_JOBS, else every core;"
                             " at most the cores).")(fn)


# Library imports happen inside the commands: `quizgen --help` stays fast and one
# command's heavy dependencies (WeasyPrint, genanki) don't load for another.


@main.command("generate")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", default="id", show_default=True, help="Language pack code.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "jsonl"]), default=None,
              help="Bank format (default: from -o's suffix, else yaml).")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write the bank here (default: standard output). Edits in an existing YAML bank survive.")
@click.option("--title", default=None, help="Deck title (default: the first article's title).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for options and order.")
@click.option("--templates", "template_files", multiple=True, type=click.Path(),
              help="Extra template file (repeatable).")
@_jobs_option
def generate_command(files, lang, fmt, output, title, seed, template_files, jobs) -> None:
    """Write a question bank generated from article FILES."""
    from ..bank import dumps_jsonl, dumps_yaml, load_bank, merge_edits, require_items, save_bank
    from ..lang import load_language
    from ..paths import check_outputs, distinct_files
    from ..stream import stream_bank
    from ..templates import load_templates

    if output is not None:
        check_outputs([output], [*files, *template_files])
    elif sys.stdout is None:
        raise QuizgenError("standard output is closed; write the bank to a file with -o FILE")
    files, notes = distinct_files(files)
    for note in notes:
        click.echo(f"quizgen: {note}", err=True)
    pack = load_language(lang)
    templates = load_templates(pack, extra_files=[Path(f) for f in template_files])
    warnings: list[str] = []
    bank = stream_bank(files, pack, templates, title=title, seed=seed, jobs=jobs,
                       progress=_progress_bar(len(files)), warnings=warnings)
    for warning in warnings:
        click.echo(f"quizgen: warning: {warning}", err=True)
    require_items(bank)
    _warn_silent(bank)
    fmt = fmt or ("jsonl" if output and output.endswith(".jsonl") else "yaml")
    if output is None:
        write_stdout(dumps_jsonl(bank) if fmt == "jsonl" else dumps_yaml(bank))
        return
    if fmt == "yaml" and Path(output).is_file():
        from ..outfile import damaged

        broken = damaged(output)
        if broken:
            click.echo(f"quizgen: warning: {output}: the existing bank is damaged ({broken});"
                       " it is replaced, not read", err=True)
        else:
            bank = merge_edits(bank, load_bank(output, sources=False))
    save_bank(bank, output, fmt)
    kept = sum(1 for i in bank.items if i.keep)
    click.echo(f"wrote {output}: {len(bank.items)} items ({kept} kept)", err=True)


@main.command("build")
@click.argument("deck_file", type=click.Path())
@click.option("--out", "out_dir", type=click.Path(), default="out",
              show_default=True, help="Output folder.")
@_jobs_option
def build_command(deck_file: str, out_dir: str, jobs: int | None) -> None:
    """Run the whole pipeline for a deck definition (decks/NAME.yaml) into --out."""
    from ..build import build
    from ..deck import load_deck
    from ..export import pdfengine
    from ..paths import distinct_files

    deck = load_deck(deck_file)
    deck.sources, notes = distinct_files(deck.sources)
    for note in notes:
        click.echo(f"quizgen: {note}", err=True)
    worksheet = deck.outputs.get("worksheet") or {}
    # The PDF comes last: load WeasyPrint on another core while the bank is made.
    with pdfengine.background(enabled=bool(worksheet.get("pdf")), jobs=jobs):
        result = build(deck, out_dir, jobs=jobs, progress=_progress_bar(len(deck.sources)))
    _warn_silent(result.bank)
    for note in result.notes:
        click.echo(f"quizgen: {note}", err=True)
    by_kind: dict[str, int] = {}
    for item in result.bank.items:
        if item.keep:
            by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
    counts = ", ".join(f"{n} {k}" for k, n in sorted(by_kind.items()))
    click.echo(f"{deck.title}: {len(deck.sources)} articles, {counts}")
    for f in result.files:
        click.echo(f"  wrote {f}")
