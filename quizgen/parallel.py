"""Per-article work spread over the machine's cores, results in input order.

`map_ordered(fn, items)` is `map` for functions that run on one article at a time (read and
analyse a file, run the templates on an analysed article). With more than one core and
enough items it runs them in worker processes started by fork: a worker sees everything
the parent held when the pool started (the language pack, templates, a linked corpus), so
only the item and its result cross the process boundary. Elsewhere (one core, few items,
platforms without fork) it is a plain loop. Results come back in input order either way,
so the output does not depend on the number of workers.

The number of workers is `jobs`, else the QUIZGEN_JOBS environment variable, else the
number of cores this process may use, and never more than those cores (more processes
than cores only add memory and switching; `capped_note` says so for the command line).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .errors import QuizgenError

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 24  # below this many items a pool costs more than it saves
CHUNK = 8  # items handed to a worker at a time

Progress = Callable[[int], None]  # called with the number of items just finished


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def requested(jobs: int | None = None) -> int:
    """The number of processes asked for: `jobs`, else QUIZGEN_JOBS, else the cores."""
    if jobs is None:
        env = os.environ.get("QUIZGEN_JOBS", "").strip()
        if env:
            if not env.isdigit() or int(env) < 1:
                raise QuizgenError(
                    f"QUIZGEN_JOBS={env!r}: not a positive whole number; set it to 1 or more"
                )
            jobs = int(env)
    return max(1, jobs if jobs is not None else cores())


def workers(jobs: int | None = None) -> int:
    """How many processes to use: requested(jobs), at most the usable cores."""
    return min(requested(jobs), cores())


def capped_note(jobs: int | None = None) -> str | None:
    """What to tell a person who asked for more processes than there are cores."""
    asked = requested(jobs)
    if asked <= cores():
        return None
    what = f"--jobs {asked}" if jobs is not None else f"QUIZGEN_JOBS={asked}"
    return f"{what} is more than the {cores()} cores here; using {cores()}"


_task: list[Callable] = []  # the function the forked workers run (set before the fork)
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """In a forked worker: end when the parent ends, however it ends (kill -9 included),
    instead of waiting for work for ever. Linux sends us SIGKILL when the parent dies
    (prctl PR_SET_PDEATHSIG); elsewhere the worker's pipe closing ends it. Ctrl-C reaches
    the whole process group: the parent alone handles it (and stops the workers). SIGTERM
    ends a worker at once (the command line resets its own handling in every fork)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _run(item):  # in a worker
    return _task[0](item)


def map_ordered(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    min_items: int | None = None,
) -> Iterator[R]:
    """fn over items, in order, on up to `jobs` processes (module docstring); serially
    below `min_items` items (default MIN_PARALLEL)."""
    n = workers(jobs)
    floor = MIN_PARALLEL if min_items is None else min_items
    if n == 1 or len(items) < floor or "fork" not in multiprocessing.get_all_start_methods():
        yield from _serial(fn, items, progress)
        return
    _task[:] = [fn]
    ctx = multiprocessing.get_context("fork")
    # Objects the workers inherit are kept out of garbage collection while they run: a
    # collection would walk (and so copy, page by page) the whole inherited heap.
    gc.freeze()
    try:
        chunk = min(CHUNK, max(1, len(items) // (4 * n)))  # few items: keep both busy
        # Not multiprocessing.Pool: its worker-handler thread waits on the result pipe too,
        # so it spins, holding the lock every thread needs, whenever a result is waiting to
        # be read; with large results that was most of a core taken from the workers.
        with ProcessPoolExecutor(min(n, len(items)), mp_context=ctx,
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            try:
                for result in pool.map(_run, items, chunksize=chunk):
                    if progress:
                        progress(1)
                    yield result
            except BaseException:  # an error, Ctrl-C, SIGTERM: stop now, not after the queue
                _stop(pool)
                raise
    except BrokenProcessPool:
        raise QuizgenError(
            "a worker process died (out of memory?); run again with QUIZGEN_JOBS=1"
        ) from None
    finally:
        gc.unfreeze()
        _task.clear()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers at once (shutdown() alone would let them finish the queue)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join()


def _serial(fn: Callable[[T], R], items: Iterable[T], progress: Progress | None) -> Iterator[R]:
    for item in items:
        result = fn(item)
        if progress:
            progress(1)
        yield result
