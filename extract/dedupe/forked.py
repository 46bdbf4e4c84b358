"""Chunks of work on all cores by forked workers that share the parent's data (copy-on-write).

Only worth it where a chunk's result is compact (numpy arrays, a few tuples): pickling Python objects back
costs about as much as building them.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STATE: Any = None


def jobs_for(jobs: int = 0) -> int:
    """The worker count: ``jobs``, else the cores (at most 8); 1 where fork is unavailable."""
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        return 1
    return jobs or min(os.cpu_count() or 1, 8)


def _call(task: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    fn, arg = task
    return fn(_STATE, arg)


def fork_map(fn: Callable[[Any, T], R], state: Any, args: Sequence[T], jobs: int = 0) -> Iterator[R]:
    """``fn(state, arg)`` for each arg, in order; in forked workers when there are several cores and args.

    ``fn`` must be a module-level function (it travels by name); ``state`` is never pickled.
    """
    global _STATE
    jobs = jobs_for(jobs)
    if jobs <= 1 or len(args) < 2:
        for a in args:
            yield fn(state, a)
        return
    import multiprocessing as mp

    _STATE = state
    try:
        with mp.get_context("fork").Pool(min(jobs, len(args))) as pool:
            yield from pool.imap(_call, [(fn, a) for a in args])
    finally:
        _STATE = None
