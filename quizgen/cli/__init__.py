"""The thin command line: parse options, call the library, turn QuizgenError into one line.

Each command group lives in its own module and registers itself on `main`.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

import click

from ..errors import QuizgenError


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so that the same clean-up runs
    (temporary folder and files removed, workers stopped) before the exit."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


def _block_term() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _unblock_term() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _child_term() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _unblock_term()


def _catch_term() -> None:
    """SIGTERM raises Terminated here; a forked process (a worker) is ended by it at once,
    as by default. SIGTERM is blocked across each fork and the child's handling reset
    before it is unblocked: a Python-level handler in the child would run only between
    bytecodes, and a signal arriving while the child starts would be lost."""
    if signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:  # embedded, with its own
        return
    signal.signal(signal.SIGTERM, _terminated)
    os.register_at_fork(before=_block_term, after_in_parent=_unblock_term,
                        after_in_child=_child_term)


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
        except KeyboardInterrupt as exc:
            click.echo("quizgen: interrupted; no file was left half-written", err=True)
            sys.exit(128 + signal.SIGTERM if isinstance(exc, Terminated) else 130)
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
    try:
        _catch_term()
    except ValueError:  # not the main thread (click's test runner may be elsewhere)
        pass


# Command modules register themselves on `main` when imported.
from . import inspect_cmd  # noqa: E402,F401
from . import build_cmd  # noqa: E402,F401
from . import templates_cmd  # noqa: E402,F401
from . import try_cmd  # noqa: E402,F401
from . import export_cmd  # noqa: E402,F401
from . import worksheet_cmd  # noqa: E402,F401
from . import review_cmd  # noqa: E402,F401
from . import platforms_cmd  # noqa: E402,F401
