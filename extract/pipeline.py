"""The pipeline, top to bottom: ingest → normalise → segment → extract → validate → dedupe → write.

Run safety: every input file gets a status within its time limit (readers cannot swallow the alarm, and
files are processed in supervised worker processes that are replaced when they die or hang); the cache is
written as files finish (in batches) and heals itself; the outputs are replaced as one set under a lock,
with a manifest written last; and a run never drops earlier results silently (see ``run``).

Scale: workers fork from a warmed-up parent and send each file's results back as one JSON text, which is
staged on disk as it arrives (``Stage``); the parent keeps only each document's ids until deduplication,
which reads the records back (and the texts on demand, ``StagedTexts``), and the documents are written
from the stage. ``dask`` runs the same per-file work on a Dask cluster (``distributed``).
"""
from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import json
import os
import shutil
import signal
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional

from . import __version__, ingest
from .assemble import extract_records
from .fields import EXTRACTORS
from .cache import CACHE_FILE, Cache, code_fingerprint, file_key, payload
from .dedupe import StudyLine, dedupe
from .dedupe.decisions import Decisions, apply_values
from .dedupe.decisions import load as load_decisions
from .dedupe.history import previous_history
from .dedupe.records_file import RecordsFile
from .document import Document, FailedItem, SourceDoc
from .errors import (DocumentTimeout, ExtractError, InternalError, MemoryLimit, NotFollowed, RunRefused, TimeUp,
                     UnsupportedFormat)
from .ingest.discover import OUTPUT_MARKER_TOOL
from .language import detect_language
from .models import DocumentRow, Record
from .normalise import matching_view, normalise
from .validate import validate_record
from .write import OUTPUT_FILES, STAGE_PREFIX, OutputLock, commit_outputs, dumps, new_run_id, recover, stage_lines

DEFAULT_TIME_LIMIT = 120.0      # seconds per input file: no pathological input may hang the batch
DEFAULT_MEMORY_LIMIT_MB = 3072  # growth allowed per worker process beyond what it inherited
KEY_TIME_LIMIT_S = 30.0         # hashing one file for the cache key (a slow disk): then it is just processed
SUMMARY_FAILURES = 5            # failed files named in the summary line
JIEBA_CACHE_DIR = "extract"     # under $XDG_CACHE_HOME (~/.cache): jieba's dictionary cache, never $TMPDIR


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
    kept: int = 0            # documents of earlier runs kept because their files are not in this input
    pruned: int = 0          # … or dropped with --prune
    seconds: float = 0.0
    decisions: str = ""      # curator decisions applied (dedupe/decisions.py)
    failures: list[tuple[str, str]] = field(default_factory=list)   # (doc_id, error code), in output order
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (f"documents {self.documents} (ok {self.ok}, failed {self.failed}, skipped {self.skipped}); "
                f"records {self.records}; studies {self.studies}; "
                + (f"{self.decisions}; " if self.decisions else "")
                + f"processed {self.reprocessed}, from cache {self.cached}")
        if self.kept:
            text += f"; kept {self.kept} earlier document(s) not in this input (--prune drops them)"
        if self.pruned:
            text += f"; dropped {self.pruned} earlier document(s) not in this input"
        text += f"; {self.seconds:.1f}s"
        if self.failures:
            named = ", ".join(f"{d} ({c})" for d, c in self.failures[:SUMMARY_FAILURES])
            more = len(self.failures) - SUMMARY_FAILURES
            text += f"\nfailed: {named}" + (f" and {more} more (see documents.jsonl)" if more > 0 else "")
        return text


RETRY_ALARM_S = 1.0  # after the limit, the alarm fires again every second in case something swallowed it


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise DocumentTimeout in this (main) thread after ``seconds``; a no-op where signals can't be used.

    The alarm raises TimeUp, a BaseException, so no ``except Exception`` in a reader or a library can
    swallow it; it fires again every RETRY_ALARM_S until the block ends; and a block the alarm fired in is
    a timeout even if something swallowed it anyway (its result is incomplete and must not be cached).
    """
    usable = seconds and hasattr(signal, "setitimer") and _main_thread()
    if not usable:
        yield
        return
    fired = False
    message = f"document took longer than {seconds:g} s and was abandoned"
    # nested inside another limit (a feed inside a run's budget, a test's guard): the earlier one wins
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    limit = min(float(seconds), outer_left) if outer_left else float(seconds)  # type: ignore[arg-type]
    entered = time.monotonic()

    def _alarm(signum: int, frame: object) -> None:
        nonlocal fired
        fired = True
        raise TimeUp(message)

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit, RETRY_ALARM_S)
    try:
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
            if outer_left:
                left = outer_left - (time.monotonic() - entered)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer_interval)
    except BaseException as e:
        if isinstance(e, TimeUp) or (fired and not isinstance(e, (KeyboardInterrupt, SystemExit))):
            raise DocumentTimeout(message) from None  # whatever a library made of the alarm
        raise
    if fired:
        raise DocumentTimeout(message)


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


def _internal(e: BaseException) -> ExtractError:
    if isinstance(e, MemoryError):
        return MemoryLimit("memory limit reached: the document needs more memory than a worker may use "
                           "(--memory-limit)")
    return InternalError(f"internal error: {type(e).__name__}: {e}")


def process_file(f: ingest.InputFile, time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT,
                 alive: Optional[Callable[[], None]] = None) -> list[DocResult]:
    """Everything for one input file; never raises: errors become the document's status.

    Reading the file and each document in it (a feed holds many) get their own time limit, so a
    pathological item fails alone and the rest of the feed goes on. ``alive`` is called as each
    document starts (the worker's sign of life to its supervisor).
    """
    try:
        with time_limit(time_limit_s):
            sources = ingest.read(f)
    except (UnsupportedFormat, NotFollowed) as e:
        return [_failed(f.rel, f, e, status="skipped")]
    except ExtractError as e:
        return [_failed(f.rel, f, e)]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - one bad file must never stop the batch
        return [_failed(f.rel, f, _internal(e))]
    results = []
    for src in sources:
        if isinstance(src, FailedItem):
            err = src.error if isinstance(src.error, ExtractError) else _internal(src.error)
            results.append(_failed(src.doc_id, f, err))
            continue
        if alive:
            alive()
        try:
            with time_limit(time_limit_s):
                result = process_source(src)
            results.append(result)   # only once the limit held to the end
        except ExtractError as e:
            results.append(_failed(src.doc_id, f, e))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as e:  # noqa: BLE001 - includes RecursionError and MemoryError from one input
            results.append(_failed(src.doc_id, f, _internal(e)))
    return results


def _work(task: tuple[ingest.InputFile, Optional[float]], alive: Callable[[], None]) -> str:
    """A worker's job for one file: its results as one JSON text (the cache payload), cheap to send back."""
    f, limit = task
    return pack(process_file(f, limit, alive))


def pack(results: list[DocResult]) -> str:
    return payload([(r.row, r.records) for r in results])


def _on_failure(task: tuple[ingest.InputFile, Optional[float]], code: str, message: str) -> str:
    f = task[0]
    err: ExtractError = DocumentTimeout(message) if code == "E109" else InternalError(message)
    return pack([_failed(f.rel, f, err)])


def process_all(files: list[ingest.InputFile], *, jobs: int = 1,
                time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT,
                memory_limit_mb: Optional[float] = DEFAULT_MEMORY_LIMIT_MB,
                isolate: Optional[bool] = None, dask: Optional[str] = None) -> Iterator[tuple[int, str]]:
    """(index, results as ``pack`` text) per file as each finishes, in any order; the caller orders them.

    Files are processed in supervised worker processes (``workers.WorkerPool``), the largest first, where the
    platform can fork, also for jobs=1 (a worker that dies or hangs costs one file, never the run);
    ``isolate=False`` processes them in this process instead. ``dask`` (a scheduler address, or "local") sends them to a
    Dask cluster in chunks (``distributed``), each chunk again in a supervised worker there.
    """
    from .workers import WorkerPool, can_fork

    if dask:
        from .distributed import process_on_dask

        yield from process_on_dask(files, dask, jobs=jobs, time_limit_s=time_limit_s,
                                   memory_limit_mb=memory_limit_mb)
        return
    if isolate is None:
        isolate = can_fork()
    tasks = [(f, time_limit_s) for f in files]
    if not isolate or not tasks:
        for i, t in enumerate(tasks):
            yield i, _work(t, lambda: None)
        return
    pool = WorkerPool(_work, jobs=jobs, time_limit_s=time_limit_s, memory_limit_mb=memory_limit_mb,
                      on_failure=_on_failure)
    # workers fork from this warmed-up process: frozen objects are never scanned by their collector, so
    # the pages they share with it stay shared (no copy-on-write of the loaded dictionaries and patterns)
    gc.collect()
    gc.freeze()
    try:
        yield from pool.run(tasks, sizes=[_size(f) for f in files])
    finally:
        gc.unfreeze()


def _size(f: ingest.InputFile) -> int:
    """The file's bytes (0 when unknown): large files are started first (``WorkerPool.run``)."""
    if f.refused:
        return 0
    try:
        return os.stat(f.path).st_size
    except OSError:
        return 0


def previous_study_ids(path: Path) -> dict[str, str]:
    """record_id -> study_id of the last run's output (empty when there is none or it is unreadable)."""
    ids: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("study_id"):
                    ids[row["record_id"]] = row["study_id"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return ids


def _source_file(row: dict[str, Any]) -> str:
    return str(row.get("source_path") or str(row.get("doc_id", "")).split("#", 1)[0])


def earlier_results(out_dir: Path, present: set[str], warnings: list[str], stage: "Stage") -> tuple[list[int], int]:
    """Stage the documents (with their records) of the last run whose files are not among ``present``;
    returns their entries in ``stage`` and how many documents the last run had. Streamed: only the
    record lines of the documents to keep are gathered, per document, on the way to the stage.

    Lines that cannot be read back (outputs damaged by hand) cannot be kept: the damaged files are copied
    aside (``NAME.damaged-…``) before this run replaces them, with a warning, so nothing is lost silently.
    """
    docs_path, recs_path = out_dir / "documents.jsonl", out_dir / "records.jsonl"
    if not docs_path.exists():
        return [], 0
    total = bad = 0
    missing: list[int] = []       # line numbers of the documents to keep
    wanted: set[str] = set()
    for n, row in enumerate(_json_lines(docs_path)):
        total += 1
        if row is None:
            bad += 1
        elif _source_file(row) not in present:
            missing.append(n)
            if isinstance(row.get("doc_id"), str):
                wanted.add(row["doc_id"])
    by_doc: dict[str, list[str]] = {}   # their records, as staged JSON lines
    bad_records = 0
    if wanted and recs_path.exists():
        for rec in _json_lines(recs_path):
            try:
                if rec is not None and rec.get("doc_id") in wanted:
                    by_doc.setdefault(rec["doc_id"], []).append(
                        json.dumps(Record.model_validate(rec).model_dump(mode="json"), ensure_ascii=False))
            except ValueError:
                bad_records += 1
            if rec is None:
                bad_records += 1
    kept: list[int] = []
    todo = iter(missing)
    nxt = next(todo, None)
    for n, r in enumerate(_json_lines(docs_path)):
        if n != nxt:
            continue
        nxt = next(todo, None)
        try:
            row = DocumentRow.model_validate({**r, "same_content_as": []})   # type: ignore[dict-item]
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        recs = by_doc.get(row.doc_id, [])
        kept.append(stage.add('[{"row": ' + json.dumps(row.model_dump(mode="json"), ensure_ascii=False)
                              + ', "records": [' + ", ".join(recs) + "]}]"))
    if bad or bad_records:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for path in (docs_path, recs_path):
            try:
                shutil.copy2(path, path.with_name(f"{path.name}.damaged-{stamp}"))
            except OSError:
                pass
        warnings.append(f"the earlier outputs in {out_dir} are damaged ({bad} document and {bad_records} record "
                        f"line(s) cannot be read back): copied aside as *.damaged-{stamp}; the readable "
                        "documents not in this input are kept")
    return kept, total


def _json_lines(path: Path) -> Iterator[Optional[dict[str, Any]]]:
    """Each non-empty line of a JSON Lines file as a dict, or None when it is not one."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError:
                    yield None
                    continue
                yield row if isinstance(row, dict) else None
    except OSError:
        yield None


def _jieba_cache_dir(out_dir: Path) -> Path:
    """Where jieba keeps its dictionary cache: the user's cache folder, else the output folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / JIEBA_CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.access(folder, os.W_OK) and not folder.is_symlink():
            return folder
    except OSError:
        pass
    return out_dir


# Touch every extractor once (patterns compiled lazily, first-call caches), in both languages.
WARM_UP_TEXTS = (
    "2024年3月12日,某大学附属医院在《中华内分泌代谢杂志》上发表了一项随机双盲安慰剂对照试验(NCT01234567)。"
    "研究共纳入60名2型糖尿病患者,治疗组30名、安慰剂组30名,接受3次脐带间充质干细胞静脉输注,每4周一次,"
    "每公斤体重1×10^6个细胞。随访12个月后,治疗组糖化血红蛋白从8.6%降至7.1%。\n",
    "A phase 2 randomized, placebo-controlled trial (NCT01234567; doi:10.1000/xyz.2024.1) enrolled 48 adults with "
    "type 1 diabetes. Patients received two infusions of umbilical cord mesenchymal stem cells (1 x 10^6 cells/kg) "
    "4 weeks apart and were followed for 24 weeks. HbA1c fell from 8.2% at baseline to 7.4% (n = 24).\n",
)


def prepare_nlp(out_dir: Path) -> None:
    """Load the language pipelines, dictionaries and readers once, in this process, before workers fork.

    Workers then start ready (a restarted worker too), and the first document's time limit measures the
    document, not the loading. jieba's dictionary cache is kept out of the shared $TMPDIR.
    """
    import jieba

    if not jieba.dt.initialized:
        jieba.dt.tmp_dir = str(_jieba_cache_dir(out_dir))
    try:
        from . import nlp
        from . import rxcache

        nlp.prepare()   # whatever the warm-up texts ask of them
        # every pattern compiled here, once for all workers (kept code read back: rxcache.py)
        rxcache.speed_up_modules()
        for ex in EXTRACTORS:
            for pat in ex.patterns:
                pat.compiled, pat.literals, pat.anchor, pat.nonempty, pat.chars  # noqa: B018 - computed and kept on the pattern
        for i, text in enumerate(WARM_UP_TEXTS):
            process_source(SourceDoc(doc_id=f"warm-up-{i}", raw_text=text, source_format="txt"))
        rxcache.save()
        import pdfplumber  # noqa: F401 - the readers import these lazily
        import trafilatura  # noqa: F401
    except Exception:  # noqa: BLE001 - a failure here shows again, per document, where it is reported
        pass


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _keys(files: list[ingest.InputFile], warnings: list[str]) -> list[Optional[str]]:
    """Cache keys, each hashed under a time limit; entries that must not be opened get none."""
    keys: list[Optional[str]] = []
    for f in files:
        if f.refused:
            keys.append(None)
            continue
        try:
            with time_limit(KEY_TIME_LIMIT_S):
                keys.append(file_key(f.path, f.rel))
        except DocumentTimeout:
            warnings.append(f"{f.rel}: hashing for the cache took longer than {KEY_TIME_LIMIT_S:g} s; "
                            "the file is processed without the cache")
            keys.append(None)
    return keys


class Stage:
    """Results staged on disk while a run goes on, so that memory stays flat in the corpus size.

    Each file's results (the ``pack`` text) are appended to one file as they arrive, in any order, and
    read back by their (offset, length); document texts are staged apart for deduplication
    (``StagedTexts``). Lives in a hidden folder of the output folder, removed when the run ends (and by
    the next run, ``write.recover``, if this one was killed).
    """

    def __init__(self, out_dir: Path) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=out_dir))
        self.results = open(self.dir / "results.jsonl", "w+b")
        self.spans: list[tuple[int, int]] = []
        self.rows: list[list[_Row]] = []   # per entry: what the runner keeps of its documents
        self._last: tuple[int, Any] = (-1, None)

    def add(self, data: str) -> int:
        """Stage one file's results; returns its entry number."""
        raw = data.encode("utf-8", "surrogatepass") + b"\n"
        entry = len(self.spans)
        self.rows.append(_rows_of(entry, json.loads(data)))
        self.results.seek(0, os.SEEK_END)
        self.spans.append((self.results.tell(), len(raw)))
        self.results.write(raw)
        return entry

    def read(self, entry: int) -> list[dict[str, Any]]:
        """The staged results of one entry (the last one read is kept: rows of an entry come together)."""
        if self._last[0] != entry:
            off, n = self.spans[entry]
            self.results.seek(off)
            self._last = (entry, json.loads(self.results.read(n).decode("utf-8", "surrogatepass")))
        return self._last[1]  # type: ignore[no-any-return]

    def close(self) -> None:
        self.results.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class StagedTexts(Mapping[str, str]):
    """doc_id -> text of the documents of a run, read from disk when asked (deduplication's ``texts``)."""

    def __init__(self, folder: Path) -> None:
        self.fh = open(folder / "texts", "w+b")
        self.at: dict[str, tuple[int, int]] = {}

    def add(self, doc_id: str, text: str) -> None:
        raw = text.encode("utf-8", "surrogatepass")
        self.fh.seek(0, os.SEEK_END)
        self.at[doc_id] = (self.fh.tell(), len(raw))
        self.fh.write(raw)
        self.fh.flush()   # (read back by pread, never through this buffer)

    def __getitem__(self, doc_id: str) -> str:
        off, n = self.at[doc_id]
        # pread: no shared file position, so processes forked by deduplication read their texts safely
        return os.pread(self.fh.fileno(), n, off).decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return iter(self.at)

    def __len__(self) -> int:
        return len(self.at)

    def close(self) -> None:
        self.fh.close()


@dataclass
class _Row:
    """What the runner keeps of one document until the outputs are written (its text stays on disk)."""

    entry: int
    pos: int
    doc_id: str
    status: str
    error_code: Optional[str]
    content_hash: Optional[str]
    key: str                   # order of earlier documents kept: source path, else doc_id
    record_ids: list[str]
    dropped: Optional[set[int]] = None      # positions of records left out (their id repeats an earlier one)
    same_content_as: Optional[list[str]] = None


def _rows_of(entry: int, items: list[dict[str, Any]]) -> list[_Row]:
    out = []
    for pos, item in enumerate(items):
        row = item["row"]
        out.append(_Row(entry, pos, row["doc_id"], row["status"], row.get("error_code"), row.get("content_hash"),
                        row.get("source_path") or row["doc_id"], [r["record_id"] for r in item["records"]]))
    return out


def _process(files: list[ingest.InputFile], out_dir: Path, cache_path: Optional[Path], use_cache: bool,
             warnings: list[str], stage: Stage, *, jobs: int, time_limit_s: Optional[float],
             memory_limit_mb: Optional[float], isolate: Optional[bool], dask: Optional[str],
             progress: Optional[Callable[[int], None]]) -> tuple[list[Optional[int]], list[int]]:
    """Stage each file's results (from the cache, else processed); returns each file's entry in ``stage``
    and the indices of the files processed.

    Results are staged and cached as each file finishes (the cache commits them in batches), so memory
    does not grow with the corpus and an interrupted run resumes where it stopped.
    """
    cache = Cache(cache_path or out_dir / CACHE_FILE) if use_cache else None
    if cache:
        warnings.extend(cache.warnings)
        cache.warnings.clear()
    entries: list[Optional[int]] = [None] * len(files)
    try:
        keys = _keys(files, warnings) if cache else [None] * len(files)
        todo = []
        for i, key in enumerate(keys):
            hit = cache.get_payload(key) if cache else None
            if hit is None:
                todo.append(i)
            else:
                entries[i] = stage.add(hit)
        if progress and len(todo) < len(files):
            progress(len(files) - len(todo))
        if todo and not dask:
            prepare_nlp(out_dir)
        # 2-5. normalise, segment, extract, validate: per document, in parallel when asked
        for j, data in process_all([files[i] for i in todo], jobs=jobs, time_limit_s=time_limit_s,
                                   memory_limit_mb=memory_limit_mb, isolate=isolate, dask=dask):
            i = todo[j]
            entries[i] = stage.add(data)
            if cache:
                cache.put_payload(keys[i], data, [r.error_code for r in stage.rows[entries[i]]])
            if progress:
                progress(1)
    finally:
        if cache:
            cache.close()
            warnings.extend(cache.warnings)
    return entries, todo


def _ordered_rows(stage: Stage, entries: list[Optional[int]], kept: list[int], warnings: list[str]) -> list[_Row]:
    """The documents in output order (input files in order, earlier documents kept in their place by source
    path), without repeated doc_ids or record_ids, identical contents linked.

    Readers make ids unique (a feed item id cannot equal another file's id); the check guards the contract
    against anything else, such as a kept document of an earlier run: a later document (or record) whose id
    repeats an earlier one is left out with a warning.
    """
    rows = [r for e in entries if e is not None for r in stage.rows[e]]
    if kept:
        rows = sorted(rows + [r for e in kept for r in stage.rows[e]], key=lambda r: r.key)
    seen_docs: set[str] = set()
    seen_recs: set[str] = set()
    out: list[_Row] = []
    for r in rows:
        if r.doc_id in seen_docs:
            warnings.append(f"duplicate doc_id {r.doc_id!r}: the later document was left out")
            continue
        seen_docs.add(r.doc_id)
        for k, rid in enumerate(r.record_ids):
            if rid in seen_recs:
                warnings.append(f"duplicate record_id {rid} in {r.doc_id!r}: left out")
                r.dropped = (r.dropped or set()) | {k}
                continue
            seen_recs.add(rid)
        out.append(r)
    _link_same_content(out)
    return out


def _link_same_content(rows: list[_Row]) -> None:
    """Documents with identical content point to the first of them (which lists all its copies).

    Linear in the number of copies: 8,000 identical feed items give 7,999 one-element lists and one list
    of 7,999, not 8,000 lists of 7,999.
    """
    by_hash: dict[str, list[_Row]] = {}
    for r in rows:
        if r.content_hash:
            by_hash.setdefault(r.content_hash, []).append(r)
    for group in by_hash.values():
        if len(group) < 2:
            continue
        first = group[0]
        first.same_content_as = [r.doc_id for r in group[1:]]
        for r in group[1:]:
            r.same_content_as = [first.doc_id]


def copies_of(docs: Iterable[tuple[str, Optional[list[str]]]]) -> dict[str, str]:
    """doc_id of each document whose text repeats an earlier one's -> that earlier document's doc_id, from each
    document's (doc_id, same_content_as) in output order."""
    seen: set[str] = set()
    out: dict[str, str] = {}
    for doc, same in docs:
        if same and same[0] in seen:
            out[doc] = same[0]
        seen.add(doc)
    return out


def _dedupe_input(stage: Stage, rows: list[_Row], texts: StagedTexts, decisions: Decisions) -> Path:
    """Write the records deduplication reads to a file of the stage, the curator's value decisions applied, and
    stage the documents' texts; the file's path. Only the records a decision names are held at once."""
    named = {d.record for d in decisions.items if d.record}
    ids: set[str] = set()
    changed: dict[str, Record] = {}
    path = stage.dir / "records.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for r in rows:
            item = stage.read(r.entry)[r.pos]
            if r.status == "ok":
                texts.add(r.doc_id, item["row"].get("text") or "")
            for k, rec in enumerate(item["records"]):
                if not (r.dropped and k in r.dropped):
                    record = Record.model_validate(rec)
                    ids.add(record.record_id)
                    if record.record_id in named:
                        changed[record.record_id] = record
                    out.write(dumps(record) + "\n")
    apply_values(list(changed.values()), decisions, known_ids=ids)
    if changed:   # the records a curator corrected, written again in their place
        fixed = stage.dir / "records-decided.jsonl"
        with open(path, encoding="utf-8") as src, open(fixed, "w", encoding="utf-8") as out:
            for line in src:
                rid = json.loads(line)["record_id"]
                out.write(dumps(changed[rid]) + "\n" if rid in changed else line)
        os.replace(fixed, path)
    return path


def _record_lines(records: RecordsFile, study_of: Mapping[str, str]) -> Iterator[str]:
    """The output lines of the records, each with its study id."""
    for rec in records:
        rec.study_id = study_of[rec.record_id]
        yield dumps(rec)


def _file_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n")


def _document_lines(stage: Stage, rows: list[_Row]) -> Iterator[str]:
    for r in rows:
        row = stage.read(r.entry)[r.pos]["row"]
        if r.same_content_as is not None:
            row = {**row, "same_content_as": r.same_content_as}
        yield json.dumps(row, ensure_ascii=False)


def run(root: Path, out_dir: Path, *, jobs: int = 1, time_limit_s: Optional[float] = DEFAULT_TIME_LIMIT,
        progress: Optional[Callable[[int], None]] = None,
        files: Optional[list[ingest.InputFile]] = None, use_cache: bool = True,
        cache_path: Optional[Path] = None, prune: bool = False, follow_links: bool = False,
        memory_limit_mb: Optional[float] = DEFAULT_MEMORY_LIMIT_MB, isolate: Optional[bool] = None,
        stage: Optional[Callable[[str], None]] = None, options: Optional[dict[str, Any]] = None,
        dask: Optional[str] = None, dedupe_engine: Optional[str] = None) -> RunSummary:
    """Run the whole pipeline over ``root`` and write the contract files into ``out_dir``.

    Earlier results are never dropped silently: documents of the last run whose files are not in this
    input are kept (``prune=True`` drops them), and an input without any file is refused (RunRefused)
    while ``out_dir`` holds documents, unless ``prune``. A second run into the same ``out_dir`` while one
    is writing is refused (OutputBusy). ``stage`` is told when deduplication and writing start.

    Streaming: each file's results are staged on disk as it finishes; only each document's ids are held in
    memory. Deduplication reads the records from a staged file when it needs them (``RecordsFile``) and writes
    each study as it is built; what it holds is its features, pairs and clusters. ``dask`` names a Dask
    scheduler ("local" starts one) to process the files on; the outputs are the same byte for byte.
    ``dedupe_engine`` (python, duckdb, spark; default by corpus size) runs deduplication's blocking and
    first-pass scoring (dedupe/engine.py).
    """
    t0 = time.perf_counter()
    started = _now()
    if Path(root).is_dir() and os.path.realpath(root) == os.path.realpath(out_dir):
        raise RunRefused(f"the output folder {out_dir} is the input folder: write the outputs elsewhere "
                         "(a folder inside the input is fine, it is never read as input)")
    out_dir.mkdir(parents=True, exist_ok=True)
    with OutputLock(out_dir):
        warnings = recover(out_dir)
        staged_results = Stage(out_dir)
        texts = StagedTexts(staged_results.dir)
        try:
            s = _run(root, out_dir, staged_results, texts, warnings, t0=t0, started=started, jobs=jobs,
                     time_limit_s=time_limit_s, progress=progress, files=files, use_cache=use_cache,
                     cache_path=cache_path, prune=prune, follow_links=follow_links, memory_limit_mb=memory_limit_mb,
                     isolate=isolate, stage=stage, options=options, dask=dask, dedupe_engine=dedupe_engine)
        finally:
            texts.close()
            staged_results.close()
    return s


def _run(root: Path, out_dir: Path, staged_results: Stage, texts: StagedTexts, warnings: list[str], *, t0: float,
         started: str, jobs: int, time_limit_s: Optional[float], progress: Optional[Callable[[int], None]],
         files: Optional[list[ingest.InputFile]], use_cache: bool, cache_path: Optional[Path], prune: bool,
         follow_links: bool, memory_limit_mb: Optional[float], isolate: Optional[bool],
         stage: Optional[Callable[[str], None]], options: Optional[dict[str, Any]], dask: Optional[str],
         dedupe_engine: Optional[str] = None) -> RunSummary:
    # 1. ingest: every file under root, in a stable order (never our own output folder)
    if files is None:
        files = ingest.discover(root, exclude=[out_dir], follow_links=follow_links)
    present = {f.rel for f in files}
    outside = sum(1 for f in files if f.refused)
    if outside:
        warnings.append(f"{outside} symbolic link(s) lead out of the input folder and were not followed "
                        "(E112); --follow-links reads them")
    kept, before = ([], 0) if prune else earlier_results(out_dir, present, warnings, staged_results)
    if not files and not prune and before:
        raise RunRefused(f"the input {root} holds no files, and {out_dir} holds {before} documents of an "
                         "earlier run: nothing was replaced (run with --prune to empty it)")
    pruned = _count_missing(out_dir / "documents.jsonl", present) if prune else 0
    entries, todo = _process(files, out_dir, cache_path if use_cache else None, use_cache, warnings,
                             staged_results, jobs=jobs, time_limit_s=time_limit_s, memory_limit_mb=memory_limit_mb,
                             isolate=isolate, dask=dask, progress=progress)
    rows = _ordered_rows(staged_results, entries, kept, warnings)
    # 6. curator decisions (OUT/decisions.jsonl), then dedupe across all documents
    if stage:
        stage("deduplicating")
    decisions = load_decisions(out_dir)
    records = RecordsFile(_dedupe_input(staged_results, rows, texts, decisions))
    # the studies go to a file as they are built, each record's study id to a map: only what deduplication needs
    # (features, pairs, clusters) is held, not the records or the studies
    study_of: dict[str, str] = {}
    n_studies = 0
    with open(staged_results.dir / "studies.jsonl", "w", encoding="utf-8") as studies_out:
        def sink(study: StudyLine) -> None:
            nonlocal n_studies
            n_studies += 1
            study_of.update(dict.fromkeys(study.record_ids, study.study_id))
            studies_out.write(study.line + "\n")

        # (each study comes as its line: at scale they are built and dumped on all cores)
        dedupe(records, texts=texts, previous=previous_study_ids(out_dir / "records.jsonl"),
               history=previous_history(out_dir / "studies.jsonl"), decisions=decisions, engine=dedupe_engine,
               sink=sink, dump=dumps, same_content=copies_of((r.doc_id, r.same_content_as) for r in rows))
    # 7. write: the three files and the manifest replace the previous ones as one set
    if stage:
        stage("writing")
    s = RunSummary(documents=len(rows), records=len(records), studies=n_studies,
                   reprocessed=len(todo), cached=len(files) - len(todo), kept=len(kept), pruned=pruned)
    s.ok = sum(r.status == "ok" for r in rows)
    s.failed = sum(r.status == "error" for r in rows)
    s.skipped = sum(r.status == "skipped" for r in rows)
    s.decisions = decisions.summary() if decisions.items else ""
    s.failures = [(r.doc_id, r.error_code or "") for r in rows if r.status == "error"]
    s.warnings = warnings
    run_id = new_run_id()
    staged = []
    try:
        staged.append(stage_lines(out_dir / OUTPUT_FILES[0], _document_lines(staged_results, rows), run_id))
        staged.append(stage_lines(out_dir / OUTPUT_FILES[1], _record_lines(records, study_of), run_id))
        staged.append(stage_lines(out_dir / OUTPUT_FILES[2], _file_lines(staged_results.dir / "studies.jsonl"), run_id))
    except BaseException:
        for st in staged:
            st.tmp.unlink(missing_ok=True)
        raise
    finally:
        records.close()
    s.seconds = time.perf_counter() - t0
    commit_outputs(out_dir, staged, _manifest(root, s, started, options, run_id), run_id)
    return s


def _count_missing(path: Path, present: set[str]) -> int:
    n = 0
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                n += bool(line.strip()) and _source_file(json.loads(line)) not in present
    except (OSError, ValueError, AttributeError):
        return n
    return n


def _manifest(root: Path, s: RunSummary, started: str, options: Optional[dict[str, Any]], run_id: str) -> dict[str, Any]:
    return {
        "tool": OUTPUT_MARKER_TOOL,
        "version": __version__,
        "code_fingerprint": code_fingerprint(),
        "run_id": run_id,
        "input_root": os.path.abspath(root),
        "options": options or {},
        "started": started,
        "finished": _now(),
        "counts": {"documents": s.documents, "ok": s.ok, "failed": s.failed, "skipped": s.skipped,
                   "records": s.records, "studies": s.studies, "processed": s.reprocessed, "from_cache": s.cached,
                   "kept_earlier": s.kept, "pruned_earlier": s.pruned},
        "failures": [{"doc_id": d, "error_code": c} for d, c in s.failures[:100]],
        "warnings": s.warnings[:100],
    }
