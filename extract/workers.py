"""Supervised worker processes: every file gets a result, whatever happens to the process reading it.

``multiprocessing.Pool`` waits forever for the result of a worker that was killed (the OOM killer, a
``kill -9``, a crash in C code). Here the parent owns N worker processes, each with its own pipe, and waits
on the pipes and the processes' sentinels together:

- a worker that dies gives its file an E199 result naming the signal or exit code, and is replaced;
- a worker that stops answering (stuck in C code where the per-document alarm cannot reach it) is killed
  when it has sent no sign of life for the hard limit, and its file gets E109;
- each worker may grow by at most ``memory_limit_mb`` beyond what it inherited (RLIMIT_AS), so one file
  cannot take the machine's memory: it fails with E113 (MemoryError) or, if the worker dies of it, E199.

Workers are forked, so they share the parent's loaded code and dictionaries, and they report each
document they start (a feed holds many, each with its own time limit) so that the hard limit is per
document, not per file.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional

HARD_LIMIT_FACTOR = 2.0     # the parent kills a silent worker after this many time limits …
HARD_LIMIT_GRACE_S = 10.0   # … plus this grace (the alarm inside the worker normally fires long before)
POLL_S = 1.0                # how often the parent looks at the clock while it waits


@dataclass
class _Worker:
    proc: Any
    conn: Any
    task: Optional[int] = None
    since: float = 0.0


def can_fork() -> bool:
    import multiprocessing as mp

    return sys.platform != "win32" and "fork" in mp.get_all_start_methods()


def _limit_memory(extra_mb: Optional[float]) -> None:
    """Cap this process's address space at its current size plus ``extra_mb`` (Linux; a no-op elsewhere)."""
    if not extra_mb:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + int(extra_mb * 1024 * 1024)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError, ImportError):
        pass


def _worker_main(conn: Any, work: Callable[[Any, Callable[[], None]], Any], memory_limit_mb: Optional[float]) -> None:
    # the parent handles Ctrl-C and SIGTERM; a worker is stopped by the parent or when its pipe closes
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(memory_limit_mb)

    def alive() -> None:
        conn.send(("tick", None))

    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            break  # the parent is gone
        if msg is None:
            break
        index, task = msg
        try:
            result = work(task, alive)
        except BaseException as e:  # noqa: BLE001 - report, never die silently
            result = e
        try:
            conn.send(("done", (index, result)))
        except (OSError, ValueError, TypeError, MemoryError) as e:
            try:
                conn.send(("done", (index, RuntimeError(f"result could not be sent: {type(e).__name__}: {e}"))))
            except (OSError, ValueError, TypeError, MemoryError):
                break
    conn.close()


class WorkerPool:
    """Run ``work(task, alive)`` over tasks in ``jobs`` forked processes; yields (index, result) as they finish.

    ``result`` is what ``work`` returned, or ``on_failure(task, code, message)`` for a task whose worker died,
    hung or raised.
    """

    def __init__(self, work: Callable[[Any, Callable[[], None]], Any], *, jobs: int,
                 time_limit_s: Optional[float], memory_limit_mb: Optional[float],
                 on_failure: Callable[[Any, str, str], Any]) -> None:
        import multiprocessing as mp

        self.ctx = mp.get_context("fork")
        self.work, self.jobs, self.on_failure = work, max(1, jobs), on_failure
        self.memory_limit_mb = memory_limit_mb
        self.hard_limit = (HARD_LIMIT_FACTOR * time_limit_s + HARD_LIMIT_GRACE_S) if time_limit_s else None
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child, self.work, self.memory_limit_mb), daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker, *, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        try:
            w.conn.close()
        except OSError:
            pass
        self.workers.remove(w)

    def _give(self, w: Optional[_Worker], pending: list[int], tasks: list[Any]) -> None:
        """Send the next pending task to ``w`` (a new worker if None); a worker that cannot take it is retired
        and the task stays pending."""
        w = w or self._spawn()
        i = pending.pop()
        try:
            w.conn.send((i, tasks[i]))
        except (OSError, ValueError):
            self._retire(w, kill=True)
            pending.append(i)
            return
        w.task, w.since = i, time.monotonic()

    def run(self, tasks: list[Any], sizes: Optional[list[float]] = None) -> Iterator[tuple[int, Any]]:
        """``sizes`` (a cost per task, e.g. the file's bytes): the largest tasks start first, so that no long task
        is left to run alone at the end while the other workers wait; else tasks start in input order."""
        from multiprocessing.connection import wait

        pending = list(range(len(tasks)))
        if sizes is not None:
            pending.sort(key=lambda i: (sizes[i], -i))   # (popped from the end: the largest first, ties in order)
        else:
            pending.reverse()  # pop() from the end: tasks start in input order
        try:
            while pending or any(w.task is not None for w in self.workers):
                while pending and (len(self.workers) < min(self.jobs, len(tasks))
                                   or any(w.task is None for w in self.workers)):
                    self._give(next((w for w in self.workers if w.task is None), None), pending, tasks)
                busy = [w for w in self.workers if w.task is not None]
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=POLL_S))
                for w in busy:
                    assert w.task is not None
                    if w.conn in ready:
                        try:
                            kind, payload = w.conn.recv()
                        except (EOFError, OSError):
                            kind, payload = "dead", None
                        if kind == "tick":
                            w.since = time.monotonic()
                            continue
                        if kind == "done":
                            index, result = payload
                            w.task = None
                            if pending:   # busy again while the caller takes the result
                                self._give(w, pending, tasks)
                            if isinstance(result, BaseException):
                                result = self.on_failure(tasks[index], "E199",
                                                         f"internal error: {type(result).__name__}: {result}")
                            yield index, result
                            continue
                    elif w.proc.sentinel not in ready:
                        if self.hard_limit and time.monotonic() - w.since > self.hard_limit:
                            index = w.task
                            self._retire(w, kill=True)
                            yield index, self.on_failure(
                                tasks[index], "E109", f"document took longer than the time limit and did not "
                                f"stop: its worker was killed after {self.hard_limit:g} s")
                        continue
                    # the pipe closed or the process ended without a result: the worker died
                    index = w.task
                    self._retire(w, kill=True)
                    yield index, self.on_failure(tasks[index], "E199", _death(w.proc.exitcode))
        finally:
            self.close()

    def close(self) -> None:
        for w in list(self.workers):
            if w.task is None:
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    pass
        for w in list(self.workers):
            if w.task is not None:
                w.proc.kill()
            w.proc.join(timeout=2)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=2)
            try:
                w.conn.close()
            except OSError:
                pass
        self.workers.clear()


def _death(exitcode: Optional[int]) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (perhaps out of memory)" if -exitcode == signal.SIGKILL else ""
        return f"internal error: the worker process reading this file was killed by {name}{hint}"
    return f"internal error: the worker process reading this file exited unexpectedly (code {exitcode})"
