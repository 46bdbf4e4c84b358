"""Command line: ``extract run``, ``explain``, ``decide``, ``schema``, and the curator's ``report``, ``export``, ``eval``."""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, Optional

import typer

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract validated study records on stem-cell and islet therapies for diabetes.")

EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM takes the same clean path as Ctrl-C: temporary files removed, outputs untouched
    raise KeyboardInterrupt


def _forget_unhandled_interrupt() -> None:
    """CPython 3.11 marks a KeyboardInterrupt raised inside code that exec() runs (a dataclass made while a module is
    imported) as unhandled even when it is caught, and then ends the process by SIGINT instead of its exit code: a
    SIGTERM landing in pdfplumber's import gave -2, not 130, after the clean path had run. Clear that mark where
    CPython keeps it (nothing to do elsewhere)."""
    try:
        import ctypes

        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0
    except (AttributeError, ValueError, OSError):
        pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Extract validated study records on stem-cell and islet therapies for diabetes."""


@app.command()
def run(
    input: Path = typer.Argument(..., help="A folder of articles (searched recursively) or one file."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder for the three JSONL files."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Documents processed in parallel processes."),
    time_limit: float = typer.Option(120.0, "--time-limit", min=0,
                                     help="Seconds allowed per document (0 = no limit)."),
    memory_limit: float = typer.Option(3072, "--memory-limit", min=0,
                                       help="MB of memory a worker may add while reading one file (0 = no limit)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar on stderr (default: when stderr is a terminal)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Reprocess every file (ignore cached results)."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Cache file (default: OUT/.extract-cache.sqlite)."),
    prune: bool = typer.Option(False, "--prune",
                               help="Drop documents of earlier runs whose files are not in INPUT "
                                    "(by default they are kept, and an empty INPUT is refused)."),
    follow_links: bool = typer.Option(False, "--follow-links",
                                      help="Follow symbolic links that lead out of INPUT (never to devices or pipes)."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS",
                                       help="Process the files on a Dask cluster: a scheduler address "
                                            "(tcp://host:8786; every worker must see INPUT at the same path), "
                                            "or 'local' for a local cluster of --jobs processes. Same outputs."),
    dedupe_engine: str = typer.Option("auto", "--dedupe-engine",
                                      help="Deduplication's blocking and first-pass scoring: auto (DuckDB from "
                                           "50k records on, else Python), python, duckdb, or spark "
                                           "(needs the 'spark' extra and Java; $EXTRACT_SPARK_MASTER names "
                                           "the cluster). Same studies."),
) -> None:
    """Process every article under INPUT and write documents/records/studies.jsonl and manifest.json.

    Example: extract run corpus --out outputs --jobs 2
    """
    from tqdm import tqdm

    from . import ingest
    from .errors import RunError
    from .pipeline import run as run_pipeline

    if not input.exists():
        typer.echo(f"error: input {input} does not exist", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as e:
        typer.echo(f"error: output folder {out} is not writable: {e}", err=True)
        raise typer.Exit(EXIT_OUTPUT)
    files = ingest.discover(input, exclude=[out], follow_links=follow_links)
    # files, then one step each for deduplication and writing (the bar's clock runs during both)
    bar = tqdm(total=len(files) + 2, unit="step", file=sys.stderr, disable=None if progress is None else not progress)
    ticker = _Ticker(bar)
    options = {"jobs": jobs, "time_limit": time_limit, "memory_limit": memory_limit, "cache": not no_cache,
               "prune": prune, "follow_links": follow_links}
    if dask:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            typer.echo("error: --dask needs the 'distributed' package (pip install 'stemcell-evidence-extract[dask]')",
                       err=True)
            raise typer.Exit(EXIT_USAGE)
        options["dask"] = dask
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        summary = run_pipeline(input, out, jobs=jobs, time_limit_s=time_limit or None,
                               memory_limit_mb=memory_limit or None, progress=bar.update, files=files,
                               use_cache=not no_cache, cache_path=cache, prune=prune, follow_links=follow_links,
                               stage=ticker.stage, options=options, dask=dask,
                               dedupe_engine=None if dedupe_engine == "auto" else dedupe_engine)
    except KeyboardInterrupt:
        _forget_unhandled_interrupt()
        ticker.stop()
        bar.close()
        typer.echo("interrupted: no output was replaced; the previous outputs are intact "
                   "(finished files are cached: the next run resumes)", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    except RunError as e:
        ticker.stop()
        bar.close()
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(e.exit_code)
    except OSError as e:
        ticker.stop()
        bar.close()
        typer.echo(f"error: could not write outputs to {out}: {e}", err=True)
        raise typer.Exit(EXIT_OUTPUT)
    finally:
        signal.signal(signal.SIGTERM, previous)
    ticker.stop()
    bar.update(max(0, bar.total - bar.n))
    bar.close()
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(summary.line())


class _Ticker:
    """Names the stage on the progress bar and redraws it every second, so the clock moves during
    deduplication and writing (which report no steps of their own)."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.done = threading.Event()
        self.thread: Optional[threading.Thread] = None
        self.current: Optional[str] = None

    def stage(self, name: str) -> None:
        if self.current is not None:
            self.bar.update(1)  # the previous stage is finished
        elif self.bar.total is not None:
            self.bar.update(max(0, self.bar.total - 2 - self.bar.n))  # every file is done
        self.current = name
        self.bar.set_description_str(name)
        if self.thread is None and not self.bar.disable:
            self.thread = threading.Thread(target=self._tick, daemon=True)
            self.thread.start()

    def _tick(self) -> None:
        while not self.done.wait(1.0):
            self.bar.refresh()

    def stop(self) -> None:
        self.done.set()
        if self.thread is not None:
            self.thread.join(timeout=2)


def _read_records(out: Path) -> dict[str, "Record"]:  # noqa: F821
    from .models import Record

    path = out / "records.jsonl"
    if not path.exists():
        typer.echo(f"error: {path} not found: run `extract run` first", err=True)
        raise typer.Exit(EXIT_USAGE)
    recs = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = Record.model_validate_json(line)
                recs[r.record_id] = r
    return recs


@app.command()
def explain(
    a: str = typer.Argument(..., help="First record id."),
    b: str = typer.Argument(..., help="Second record id."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder of a previous run."),
) -> None:
    """Show the signals and scores that link (or separate) two records of a previous run.

    The score is the one the run used (co-citation and cluster checks included), with the link
    threshold, the curator decision that applies, and `linked` true exactly when the run gave the
    two records one study_id.

    Example: extract explain r-0a1b2c3d4e5f6a7b r-1c2d3e4f5a6b7c8d --out outputs
    """
    from .dedupe import explain_in_run
    from .dedupe.decisions import load as load_decisions

    recs = _read_records(out)
    missing = [x for x in (a, b) if x not in recs]
    if missing:
        typer.echo(f"error: unknown record id(s): {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    docs_path = out / "documents.jsonl"
    texts: dict[str, str] = {}
    docs: list[tuple[str, Optional[list[str]]]] = []
    if docs_path.exists():  # mention texts give the same numeric signals as the run had
        with docs_path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                docs.append((row["doc_id"], row.get("same_content_as")))
                if row.get("status") == "ok":
                    texts[row["doc_id"]] = row.get("text", "")
    try:
        decisions = load_decisions(out)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)
    from .pipeline import copies_of

    link = explain_in_run(list(recs.values()), a, b, texts=texts, decisions=decisions, same_content=copies_of(docs))
    typer.echo(json.dumps(link.model_dump(mode="json"), ensure_ascii=False, indent=2))


def _value(text: Optional[str]) -> object:
    """A decision value as typed: JSON when it parses (25, 7.5, true), else the text itself."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


@app.command()
def decide(
    out: Path = typer.Argument(..., help="Output folder of a run (its decisions.jsonl is appended to)."),
    action: str = typer.Argument(..., help="must-link | cannot-link | reject-value | correct-value"),
    ids: list[str] = typer.Argument(..., help="Two record ids (links) or one record id (values)."),
    why: str = typer.Option(..., "--why", help="Why (kept with the decision)."),
    who: str = typer.Option(..., "--who", help="Who decides (kept with the decision)."),
    field: Optional[str] = typer.Option(None, "--field", help="Value decisions: the field (design, n_total, ...)."),
    value: Optional[str] = typer.Option(None, "--value", help="Value decisions: the value as the record has it."),
    new_value: Optional[str] = typer.Option(None, "--new-value", help="correct-value: the right value."),
) -> None:
    """Record a curator decision; every later `extract run` into OUT applies it.

    Example: extract decide outputs must-link r-0a1b2c3d4e5f6a7b r-1c2d3e4f5a6b7c8d --who lw --why "same patient"

    More:
      extract decide outputs must-link r-0a1b2c3d4e5f6a7b r-1c2d3e4f5a6b7c8d --who lw --why "same patient, same hospital"
      extract decide outputs cannot-link r-0a1b2c3d4e5f6a7b r-1c2d3e4f5a6b7c8d --who lw --why "pilot vs phase 2"
      extract decide outputs reject-value r-0a1b2c3d4e5f6a7b --field design --value preclinical --who lw --why "in vitro step"
      extract decide outputs correct-value r-0a1b2c3d4e5f6a7b --field n_total --value 25 --new-value 1 --who lw --why "25 is the age"
    """
    from .dedupe.decisions import LINK_ACTIONS, Decision, append

    recs = _read_records(out)
    want = 2 if action in LINK_ACTIONS else 1
    if len(ids) != want:
        typer.echo(f"error: {action} takes {want} record id(s), got {len(ids)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    unknown = [x for x in ids if x not in recs]
    if unknown:
        typer.echo(f"error: unknown record id(s) in {out}: {', '.join(unknown)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        if action in LINK_ACTIONS:
            d = Decision(action=action, a=ids[0], b=ids[1], who=who, why=why)  # type: ignore[arg-type]
        else:
            d = Decision(action=action, record=ids[0], field=field, value=_value(value),  # type: ignore[arg-type]
                         new_value=_value(new_value), who=who, why=why)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)
    path = append(out, d)
    typer.echo(f"{d.label()} -> {path} (applied by the next `extract run ... --out {out}`)")


@app.command()
def schema(
    out: Path = typer.Option(Path("schemas"), "--out", "-o", help="Folder for the JSON Schema files."),
) -> None:
    """Export the JSON Schema of the record, study and document models.

    Example: extract schema --out schemas
    """
    from .schema import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


def _load_outputs(out: Path):  # -> outputs.Outputs
    from .outputs import OutputsMissing, load

    try:
        return load(out)
    except OutputsMissing as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)


@app.command()
def report(
    out: Path = typer.Argument(Path("outputs"), help="Output folder of a run (documents/records/studies.jsonl)."),
    dest: Optional[Path] = typer.Option(None, "--to", help="Folder for the review page (default: OUT/report)."),
) -> None:
    """Write a self-contained HTML review page of a run's studies (no network needed to open it).

    Open OUT/report/index.html in a browser: search, filter and sort the studies, open one to see
    its merged values with their articles, each quote highlighted in its sentence and paragraph,
    conflicts side by side, warnings and the links between its records.

    Example: extract report outputs && xdg-open outputs/report/index.html
    """
    from .report import write_report

    o = _load_outputs(out)
    path = write_report(o, dest or out / "report")
    typer.echo(f"report: {path} ({len(o.studies)} studies, {len(o.records)} records, {len(o.documents)} documents)")


@app.command()
def export(
    out: Path = typer.Argument(Path("outputs"), help="Output folder of a run."),
    format: list[str] = typer.Option(["sqlite"], "--format", "-f",
                                     help="csv, sqlite, parquet or xlsx (repeat for several)."),
    dest: Optional[Path] = typer.Option(None, "--to", help="Folder for the exported tables (default: OUT/export)."),
) -> None:
    """Export documents, records, studies and one row per value (with its evidence) as tables.

    Tables: documents, records, studies, field_values, conflicts, links (columns in docs/export.md).
    csv and parquet write one file per table, sqlite one database (open it with datasette or
    sqlite-utils), xlsx one workbook with a sheet per table.

    Example: extract export outputs --format sqlite --format xlsx && datasette outputs/export/export.sqlite
    """
    from .export import FORMATS
    from .export import export as export_tables

    bad = [f for f in format if f not in FORMATS]
    if bad:
        typer.echo(f"error: unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    o = _load_outputs(out)
    target = dest or out / "export"
    try:
        counts = export_tables(o, target, format)
    except OSError as e:
        typer.echo(f"error: could not write {target}: {e}", err=True)
        raise typer.Exit(EXIT_OUTPUT)
    rows = ", ".join(f"{t} {n}" for t, n in counts.items())
    typer.echo(f"exported {', '.join(format)} to {target}: {rows}")


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Folder of gold annotations (one JSON per document, GUIDELINE.md)."),
    out: Path = typer.Argument(Path("outputs"), help="Output folder of a run over the same documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score a run against an annotated sample: facts per field and language, mentions, dedup.

    The metrics are the shared scorer's: precision/recall/F1 per field and per language, gold
    mentions aligned, deduplication pairwise and B-cubed.

    Example: extract run my-sample/docs --out runs/sample && extract eval my-sample/gold runs/sample
    """
    from .evaluate import render, score

    if not gold.is_dir():
        typer.echo(f"error: gold folder {gold} not found", err=True)
        raise typer.Exit(EXIT_USAGE)
    if not (out / "records.jsonl").is_file():
        typer.echo(f"error: {out / 'records.jsonl'} not found: run `extract run` first", err=True)
        raise typer.Exit(EXIT_USAGE)
    res = score(gold, out)
    typer.echo(json.dumps(res, ensure_ascii=False, indent=1) if as_json else render(res))


if __name__ == "__main__":
    app()
