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


# Commands whose product is what they print (generate checks for itself: only without -o).
PRINTING = ("inspect", "try", "templates")


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
    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[override]
        name, command, rest = super().resolve_command(ctx, args)
        if sys.stdout is None and name in PRINTING:
            raise QuizgenError("standard output is closed; give the command somewhere to"
                               " print (a terminal, a file, a pipe)")
        return name, command, rest

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            result = super().invoke(ctx)
            _flush_stdout()
            return result
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
            if isinstance(exc, OSError) and _from_stdout(exc):  # a full disk, a closed descriptor
                click.echo(f"quizgen: error: {_stdout_error(exc).message}", err=True)
                sys.exit(1)
            if os.environ.get("QUIZGEN_DEBUG"):
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            click.echo(
                f"quizgen: internal error: {type(exc).__name__}: {first}"
                " (please report it; set QUIZGEN_DEBUG=1 to see the traceback)",
                err=True,
            )
            sys.exit(70)


def _flush_stdout() -> None:
    """What a command printed reaches standard output, or the run fails: a full disk or a
    closed descriptor is an error, never a silent exit 0 (a reader that has gone, as with
    `| head`, is the BrokenPipeError the caller handles)."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _stdout_error(exc) from None


def _stdout_error(exc: Exception) -> QuizgenError:
    """Standard output failed: say so, and send what is still buffered nowhere (else the
    interpreter's own flush at exit would print a traceback after our line)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return QuizgenError(f"standard output: cannot write ({getattr(exc, 'strerror', None) or exc});"
                        " write to a file instead (-o FILE)")


def _from_stdout(exc: OSError) -> bool:
    """True if the error came from writing to standard output (click.echo's `file`, or
    any other writer's, is descriptor 1)."""
    tb = exc.__traceback__
    while tb is not None:
        file = tb.tb_frame.f_locals.get("file")
        try:
            if file is not None and file.fileno() == 1:
                return True
        except (AttributeError, OSError, ValueError):
            pass
        tb = tb.tb_next
    return False


def write_stdout(text: str) -> None:
    """Text for standard output, written and flushed now (see _flush_stdout)."""
    if sys.stdout is None:
        raise QuizgenError("standard output is closed; write to a file instead (-o FILE)")
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _stdout_error(exc) from None
    _flush_stdout()


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
