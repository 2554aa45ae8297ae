"""The thin command line: parse options, call the library, turn QuizgenError into one line.

Each command group lives in its own module and registers itself on `main`.
"""

from __future__ import annotations

import gc
import os
import sys

import click

from ..errors import QuizgenError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except QuizgenError as exc:
            click.echo(f"quizgen: error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # `quizgen inspect x | head`: the reader has gone, be quiet
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            sys.exit(141)
        except KeyboardInterrupt:
            click.echo("quizgen: interrupted; no file was left half-written", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # a bug of ours: one line for the user, details on demand
            if os.environ.get("QUIZGEN_DEBUG"):
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(
                f"quizgen: internal error: {type(exc).__name__}: {first}"
                " (please report it; set QUIZGEN_DEBUG=1 to see the traceback)",
                err=True,
            )
            sys.exit(70)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def main() -> None:
    """Turn news articles into Anki decks and printable worksheets."""
    # An analysed article set is hundreds of thousands of small objects that live until the
    # end, and the default thresholds rescan them all again and again: collecting young
    # objects less often makes analysis and generation about 15% cheaper, memory the same.
    gc.set_threshold(100_000, 50, 100)


# Command modules register themselves on `main` when imported.
from . import inspect_cmd  # noqa: E402,F401
from . import build_cmd  # noqa: E402,F401
from . import templates_cmd  # noqa: E402,F401
from . import try_cmd  # noqa: E402,F401
from . import export_cmd  # noqa: E402,F401
from . import worksheet_cmd  # noqa: E402,F401
from . import review_cmd  # noqa: E402,F401
from . import platforms_cmd  # noqa: E402,F401
