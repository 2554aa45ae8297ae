"""Per-article work spread over the machine's cores, results in input order.

`map_ordered(fn, items)` is `map` for functions that run on one article at a time (read and
analyse a file, run the templates on an analysed article). With more than one core and
enough items it runs them in worker processes started by fork: a worker sees everything
the parent held when the pool started (the language pack, templates, a linked corpus), so
only the item and its result cross the process boundary. Elsewhere (one core, few items,
platforms without fork) it is a plain loop. Results come back in input order either way,
so the output does not depend on the number of workers.

The number of workers is `jobs`, else the QUIZGEN_JOBS environment variable, else the
number of cores this process may use.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
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


def workers(jobs: int | None = None) -> int:
    """How many processes to use: `jobs`, else QUIZGEN_JOBS, else the usable cores."""
    if jobs is None:
        env = os.environ.get("QUIZGEN_JOBS", "").strip()
        if env:
            if not env.isdigit() or int(env) < 1:
                raise QuizgenError(
                    f"QUIZGEN_JOBS={env!r}: not a positive whole number; set it to 1 or more"
                )
            jobs = int(env)
    return max(1, jobs if jobs is not None else cores())


_task: list[Callable] = []  # the function the forked workers run (set before the fork)


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
        with ProcessPoolExecutor(min(n, len(items)), mp_context=ctx) as pool:
            for result in pool.map(_run, items, chunksize=chunk):
                if progress:
                    progress(1)
                yield result
    except BrokenProcessPool:
        raise QuizgenError(
            "a worker process died (out of memory?); run again with QUIZGEN_JOBS=1"
        ) from None
    finally:
        gc.unfreeze()
        _task.clear()


def _serial(fn: Callable[[T], R], items: Iterable[T], progress: Progress | None) -> Iterator[R]:
    for item in items:
        result = fn(item)
        if progress:
            progress(1)
        yield result
