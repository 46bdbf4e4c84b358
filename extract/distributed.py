"""Extraction on a Dask cluster, for corpora beyond one machine (``extract run INPUT --dask ADDRESS``).

``ADDRESS`` is a running scheduler (``tcp://host:8786``), or ``local`` for a LocalCluster of ``--jobs`` worker
processes on this machine. Files go to the cluster in chunks of CHUNK_FILES; on a Dask worker each chunk is
processed exactly as a local run processes files (a supervised process forked from the warmed-up worker:
the same time and memory limits, a process that dies or hangs costs one file) and comes back as one list of
result texts. The runner stages, orders, deduplicates and writes them as for a local run, so the outputs are
the same byte for byte. Only a bounded number of chunks is in flight, so neither side holds the corpus.

Every worker must see the input files under the same path as this machine (a shared file system), and run
the same version of this package (the results would differ otherwise).
"""
from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import Any, Iterator, Optional

from .ingest import InputFile

CHUNK_FILES = 16          # files per task: enough to amortise a task's round trip, few enough to spread
IN_FLIGHT_PER_WORKER = 4  # chunks submitted ahead per worker
_warm = False
_warm_lock = threading.Lock()


def _warm_up() -> None:
    """Once per Dask worker process, before it forks: load pipelines, dictionaries and patterns."""
    global _warm
    with _warm_lock:
        if _warm:
            return
        import multiprocessing

        from .pipeline import prepare_nlp

        # Dask starts its worker processes as daemons, and multiprocessing refuses children to a daemon;
        # the supervised processes are reaped by the task that forks them all the same. Cleared for good
        # (not around each task): tasks of one worker may run in several threads at once.
        multiprocessing.current_process()._config["daemon"] = False  # type: ignore[attr-defined]
        prepare_nlp(Path(tempfile.gettempdir()))
        _warm = True


def run_chunk(items: list[tuple[int, InputFile]], time_limit_s: Optional[float],
              memory_limit_mb: Optional[float]) -> list[tuple[int, str]]:
    """Process one chunk of files on a Dask worker: (index, result text) per file."""
    from .pipeline import process_all

    _warm_up()
    out: list[tuple[int, str]] = []
    for j, data in process_all([f for _, f in items], jobs=1, time_limit_s=time_limit_s,
                               memory_limit_mb=memory_limit_mb):
        out.append((items[j][0], data))
    return out


def _lost(items: list[tuple[int, InputFile]], error: BaseException) -> list[tuple[int, str]]:
    """Every file of a chunk whose Dask task failed (its worker lost, say) gets an internal error."""
    from .errors import InternalError
    from .pipeline import _failed, pack

    message = f"internal error: the Dask task for this file failed: {type(error).__name__}: {error}"
    return [(i, pack([_failed(f.rel, f, InternalError(message))])) for i, f in items]


def connect(address: str, jobs: int) -> tuple[Any, Any]:
    """(client, cluster): a client of the scheduler at ``address``, or of a new LocalCluster for "local"."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(address), None


def process_on_dask(files: list[InputFile], address: str, *, jobs: int = 1,
                    time_limit_s: Optional[float] = None, memory_limit_mb: Optional[float] = None,
                    chunk: Optional[int] = None) -> Iterator[tuple[int, str]]:
    """(index, result text) per file as chunks finish on the cluster, in any order."""
    from dask.distributed import as_completed

    if not files:
        return
    client, cluster = connect(address, jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        items = list(enumerate(files))
        chunk = chunk or CHUNK_FILES
        chunks = iter([items[k:k + chunk] for k in range(0, len(items), chunk)])
        pending: dict[Any, list[tuple[int, InputFile]]] = {}

        def submit() -> Optional[Any]:
            part = next(chunks, None)
            if part is None:
                return None
            fut = client.submit(run_chunk, part, time_limit_s, memory_limit_mb, pure=False)
            pending[fut] = part
            return fut

        first = [f for f in (submit() for _ in range(workers * IN_FLIGHT_PER_WORKER)) if f is not None]
        done = as_completed(first)
        for fut in done:
            part = pending.pop(fut)
            try:
                results = fut.result()
            except Exception as e:  # noqa: BLE001 - a lost task costs its files, never the run
                results = _lost(part, e)
            fut.release()
            yield from results
            nxt = submit()
            if nxt is not None:
                done.add(nxt)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
