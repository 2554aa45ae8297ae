"""`quizgen export quizizz|moodle|gift|kahoot|forms|csv BANK -o FILE`: a bank into the file
a classroom platform imports. Items a format cannot hold are listed on standard error."""

from __future__ import annotations

import click

from ..errors import QuizgenError
from ..export.platforms import PLATFORMS, Platform
from .export_cmd import export
from .worksheet_cmd import _counts


def _kinds(value: str | None) -> tuple[str, ...] | None:
    from ..model import KINDS

    if value is None:
        return None
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    for kind in kinds:
        if kind not in KINDS:
            raise QuizgenError(f"--kinds '{value}': '{kind}' is not a kind; use a comma-separated"
                               f" list of {', '.join(KINDS)}, e.g. --kinds mcq,truefalse")
    return kinds


def report(result, path: str) -> None:
    for note in result.notes():
        click.echo(f"quizgen: {note}", err=True)
    left = f"; {len(result.skipped)} left out" if result.skipped else ""
    click.echo(f"wrote {path}: {len(result.items)} questions{left}", err=True)


def _command(platform: Platform, extra: list) -> click.Command:
    def run(bank_file: str, output: str, kinds: str | None, counts: tuple[str, ...],
            **options) -> None:
        from ..bank import load_bank
        from ..export.selection import NothingToExport, Selection
        from ..paths import check_outputs

        check_outputs([output], [bank_file])
        selection = Selection(kinds=_kinds(kinds), counts=_counts(counts) if counts else None)
        bank = load_bank(bank_file)
        try:
            result = platform.write(bank, output, selection, **options)
        except NothingToExport as exc:
            raise QuizgenError(f"{bank_file}: {exc.message}") from None
        report(result, output)

    run.__doc__ = f"Write the kept items of BANK as {platform.title} ({platform.suffix})."
    params = [
        click.Argument(["bank_file"], metavar="BANK", type=click.Path()),
        click.Option(["-o", "--output"], required=True, type=click.Path(),
                     help=f"The {platform.suffix} file to write."),
        click.Option(["--kinds"], default=None, metavar="KIND,...",
                     help="Only these kinds, e.g. --kinds mcq,truefalse (default: every kind"
                          " the format takes)."),
        click.Option(["--count", "counts"], multiple=True, metavar="KIND=N",
                     help="Most items of a kind, e.g. --count mcq=10 (repeatable)."),
        *extra,
    ]
    return click.Command(platform.name, callback=run, params=params, help=run.__doc__)


def _time(default: int, choices: tuple[int, ...]) -> click.Option:
    return click.Option(["--time"], type=click.Choice([str(t) for t in choices]),
                        default=str(default), show_default=True,
                        callback=lambda ctx, param, value: int(value),
                        help="Seconds per question.")


def _register() -> None:
    extras = {
        "csv": [click.Option(["--delimiter"], type=click.Choice([",", ";"]), default=",",
                             show_default=True,
                             help="';' for Excel set to Indonesian and other comma-decimal"
                                  " locales.")],
    }
    for name, platform in PLATFORMS.items():
        extra = extras.get(name, [])
        if platform.times:
            extra = [_time(platform.default_time, platform.times)]
        export.add_command(_command(platform, extra))


_register()
