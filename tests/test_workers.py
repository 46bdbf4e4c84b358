"""The worker pool's scheduling (extract/workers.py): largest tasks first, and a worker is never left idle while
the caller takes its last result."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

import pytest

from extract.workers import WorkerPool, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool forks its workers")


def _mark_start(task: tuple[str, int], alive: Callable[[], None]) -> int:
    folder, i = task
    (Path(folder) / f"started-{i}").touch()
    return i


def _failed(task: Any, code: str, message: str) -> str:
    return f"{code}: {message}"


def _pool(jobs: int) -> WorkerPool:
    return WorkerPool(_mark_start, jobs=jobs, time_limit_s=None, memory_limit_mb=None, on_failure=_failed)


def test_the_largest_tasks_start_first_and_ties_keep_their_order(tmp_path: Path) -> None:
    tasks = [(str(tmp_path), i) for i in range(6)]
    sizes = [10.0, 500.0, 10.0, 70.0, 500.0, 0.0]
    got = [i for i, _ in _pool(1).run(tasks, sizes=sizes)]
    assert got == [1, 4, 3, 0, 2, 5]
    assert [i for i, _ in _pool(1).run(tasks)] == list(range(6))   # without sizes: input order


def test_a_worker_gets_its_next_task_before_the_caller_takes_the_result(tmp_path: Path) -> None:
    tasks = [(str(tmp_path), i) for i in range(3)]
    seen = []
    for i, result in _pool(1).run(tasks):
        seen.append(result)
        if i == 0:   # the caller holds the first result (as the pipeline stages it): the worker goes on
            deadline = time.monotonic() + 10
            while not (tmp_path / "started-1").exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            assert (tmp_path / "started-1").exists()
    assert seen == [0, 1, 2]
