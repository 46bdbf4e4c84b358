"""The pipeline, top to bottom: ingest → normalise → segment → extract → validate → dedupe → write."""
from __future__ import annotations

import hashlib
import json
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from . import ingest
from .assemble import extract_records
from .cache import CACHE_FILE, Cache, file_key
from .dedupe import dedupe
from .dedupe.decisions import apply_values
from .dedupe.decisions import load as load_decisions
from .dedupe.history import previous_history
from .document import Document, FailedItem, SourceDoc
from .errors import DocumentTimeout, ExtractError, InternalError, UnsupportedFormat
from .language import detect_language
from .models import DocumentRow, Record, Study
from .normalise import matching_view, normalise
from .validate import validate_record
from .write import write_jsonl_atomic

DEFAULT_TIME_LIMIT = 120.0  # seconds per input file: no pathological input may hang the batch


@dataclass
class DocResult:
    row: DocumentRow
    records: list[Record] = field(default_factory=list)


@dataclass
class RunSummary:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    records: int = 0
    studies: int = 0
    reprocessed: int = 0
    cached: int = 0
    seconds: float = 0.0
    decisions: str = ""      # curator decisions applied (dedupe/decisions.py)

    def line(self) -> str:
        return (f"documents {self.documents} (ok {self.ok}, failed {self.failed}, skipped {self.skipped}); "
                f"records {self.records}; studies {self.studies}; "
                + (f"{self.decisions}; " if self.decisions else "")
                + f"processed {self.reprocessed}, from cache {self.cached}; {self.seconds:.1f}s")


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise DocumentTimeout in this (main) thread after ``seconds``; a no-op where signals can't be used."""
    usable = seconds and hasattr(signal, "setitimer") and _main_thread()
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"document took longer than {seconds:g} s and was abandoned")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def to_document(src: SourceDoc) -> Document:
    """Normalise stage: stored text, language, and the same-length matching view."""
    norm = normalise(src.raw_text)
    lang = detect_language(norm.text)
    return Document(doc_id=src.doc_id, text=norm.text, view=matching_view(norm.text, lang),
                    lang=lang, source=src)


def process_source(src: SourceDoc) -> DocResult:
    """Normalise, segment, extract and validate one document."""
    doc = to_document(src)
    records = [validate_record(r, doc) for r in extract_records(doc)]
    row = DocumentRow(doc_id=src.doc_id, status="ok", lang=doc.lang, text=doc.text,  # type: ignore[arg-type]
                      source_path=src.source_path, source_format=src.source_format,
                      encoding=src.encoding, title=src.title, published=src.published, url=src.url,
                      content_hash=content_hash(src.raw_text), n_records=len(records),
                      warnings=list(src.warnings))
    return DocResult(row, records)


def _failed(doc_id: str, f: Optional[ingest.InputFile], err: ExtractError, status: str = "error") -> DocResult:
    return DocResult(DocumentRow(doc_id=doc_id, status=status, error=str(err), error_code=err.code,  # type: ignore[arg-type]
                                 source_path=f.rel if f else None))


def _internal(e: BaseException) -> InternalError:
    return InternalError(f"internal error: {type(e).__name__}: {e}")


def process_file(f: ingest.InputFile, time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT) -> list[DocResult]:
    """Everything for one input file; never raises: errors become the document's status.

    Reading the file and each document in it (a feed holds many) get their own time limit, so a
    pathological item fails alone and the rest of the feed goes on.
    """
    try:
        with time_limit(time_limit_s):
            sources = ingest.read(f)
    except UnsupportedFormat as e:
        return [_failed(f.rel, f, e, status="skipped")]
    except ExtractError as e:
        return [_failed(f.rel, f, e)]
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the batch
        return [_failed(f.rel, f, _internal(e))]
    results = []
    for src in sources:
        if isinstance(src, FailedItem):
            err = src.error if isinstance(src.error, ExtractError) else _internal(src.error)
            results.append(_failed(src.doc_id, f, err))
            continue
        try:
            with time_limit(time_limit_s):
                results.append(process_source(src))
        except ExtractError as e:
            results.append(_failed(src.doc_id, f, e))
        except Exception as e:  # noqa: BLE001 - includes RecursionError from a pathological input
            results.append(_failed(src.doc_id, f, _internal(e)))
    return results


def _worker(args: tuple[ingest.InputFile, Optional[float]]) -> list[DocResult]:
    return process_file(*args)


def _init_worker() -> None:
    # the parent handles Ctrl-C and SIGTERM; workers just stop when the pool terminates them
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def process_all(files: list[ingest.InputFile], *, jobs: int = 1,
                time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT,
                progress: Optional[Callable[[int], None]] = None) -> list[list[DocResult]]:
    """Results per file, in input order; with jobs > 1 in worker processes (same output, any N)."""
    tasks = [(f, time_limit_s) for f in files]
    if jobs <= 1 or len(files) <= 1:
        out = []
        for t in tasks:
            out.append(_worker(t))
            if progress:
                progress(1)
        return out
    import multiprocessing as mp
    ctx = mp.get_context("fork") if sys.platform != "win32" else mp.get_context()
    out = []
    with ctx.Pool(processes=jobs, initializer=_init_worker) as pool:
        for res in pool.imap(_worker, tasks, chunksize=1):  # imap keeps input order
            out.append(res)
            if progress:
                progress(1)
    return out


def previous_study_ids(path: Path) -> dict[str, str]:
    """record_id -> study_id of the last run's output (empty when there is none or it is unreadable)."""
    ids: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("study_id"):
                    ids[row["record_id"]] = row["study_id"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return ids


def link_same_content(rows: list[DocumentRow]) -> None:
    """Documents with identical content list each other (both stay in the output)."""
    by_hash: dict[str, list[str]] = {}
    for r in rows:
        if r.content_hash:
            by_hash.setdefault(r.content_hash, []).append(r.doc_id)
    for r in rows:
        if r.content_hash and len(by_hash[r.content_hash]) > 1:
            r.same_content_as = [d for d in by_hash[r.content_hash] if d != r.doc_id]


def run(root: Path, out_dir: Path, *, jobs: int = 1, time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT,
        progress: Optional[Callable[[int], None]] = None,
        files: Optional[list[ingest.InputFile]] = None, use_cache: bool = True,
        cache_path: Optional[Path] = None) -> RunSummary:
    """Run the whole pipeline over ``root`` and write the contract files into ``out_dir``."""
    t0 = time.perf_counter()
    # 1. ingest: every file under root, in a stable order
    files = files if files is not None else ingest.discover(root)
    # reuse per-file results of earlier runs when the file and the code are unchanged
    cache = Cache(cache_path or out_dir / CACHE_FILE) if use_cache else None
    keys = [file_key(f.path, f.rel) for f in files] if cache else [None] * len(files)
    per_file: list[Optional[list[DocResult]]] = []
    for key in keys:
        hit = cache.get(key) if cache else None
        per_file.append([DocResult(row, recs) for row, recs in hit] if hit is not None else None)
    todo = [i for i, r in enumerate(per_file) if r is None]
    if progress and len(todo) < len(files):
        progress(len(files) - len(todo))
    # 2-5. normalise, segment, extract, validate: per document, in parallel when asked
    fresh = process_all([files[i] for i in todo], jobs=jobs, time_limit_s=time_limit_s, progress=progress)
    for i, res in zip(todo, fresh):
        per_file[i] = res
        if cache:
            cache.put(keys[i], [(r.row, r.records) for r in res])
    if cache:
        cache.close()
    results = [r for res in per_file for r in (res or [])]
    rows = [r.row for r in results]
    records = [rec for r in results for rec in r.records]
    link_same_content(rows)
    # 6. curator decisions (OUT/decisions.jsonl), then dedupe across all documents
    decisions = load_decisions(out_dir)
    apply_values(records, decisions)
    studies: list[Study] = dedupe(records, texts={r.doc_id: r.text for r in rows if r.status == "ok"},
                                  previous=previous_study_ids(out_dir / "records.jsonl"),
                                  history=previous_history(out_dir / "studies.jsonl"), decisions=decisions)
    # 7. write (each file atomically: an interrupted run leaves the previous outputs intact)
    write_jsonl_atomic(out_dir / "documents.jsonl", rows)
    write_jsonl_atomic(out_dir / "records.jsonl", records)
    write_jsonl_atomic(out_dir / "studies.jsonl", studies)
    s = RunSummary(documents=len(rows), records=len(records), studies=len(studies),
                   reprocessed=len(todo), cached=len(files) - len(todo))
    s.ok = sum(r.status == "ok" for r in rows)
    s.failed = sum(r.status == "error" for r in rows)
    s.skipped = sum(r.status == "skipped" for r in rows)
    s.decisions = decisions.summary() if decisions.items else ""
    s.seconds = time.perf_counter() - t0
    return s
