"""`quizgen templates list|check`: see the templates a language pack uses; check new files."""

from __future__ import annotations

import os
from pathlib import Path

import click

from . import main


def _short(where: str) -> str:
    """FILE:LINE with FILE relative to the working directory when it is below it."""
    path, _, line = where.rpartition(":")
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return where
    return f"{rel if not rel.startswith('..') else path}:{line}"


@main.group("templates")
def templates_group() -> None:
    """List and check fact templates (see docs/templates.md)."""


@templates_group.command("list")
@click.option("--lang", default="id", show_default=True, help="Language pack.")
@click.option("--templates", "extra", multiple=True, type=click.Path(),
              help="A template file of your own, added to the pack's (repeatable).")
def list_cmd(lang: str, extra: tuple[str, ...]) -> None:
    """The templates of a language pack (and your files): id, kinds, form, where."""
    from ..lang import load_language
    from ..templates import load_templates

    templates = load_templates(load_language(lang), extra)
    width = max((len(t.id) for t in templates), default=2)
    for t in templates:
        form = f"generator {t.generator}" if t.generator else "pattern"
        click.echo(f"{t.id:<{width}}  {','.join(t.kinds):<24} {form:<16} {_short(t.where)}")
    click.echo(f"{len(templates)} templates")


@templates_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", default=None,
              help="Also check that ids do not clash with this language pack's templates.")
def check_cmd(files: tuple[str, ...], lang: str | None) -> None:
    """Validate template files; the first problem is reported as FILE:LINE and exit 1."""
    from ..lang import load_language
    from ..templates import load_file, load_templates

    seen: dict[str, str] = {}
    if lang:
        for t in load_templates(load_language(lang)):
            seen[t.id] = _short(t.where)
    for f in files:
        n = len(load_file(Path(f), seen))
        click.echo(f"{f}: {n} template{'s' if n != 1 else ''} OK")
