"""Command line: ``extract run``, ``extract explain``, ``extract schema``."""
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
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        summary = run_pipeline(input, out, jobs=jobs, time_limit_s=time_limit or None,
                               memory_limit_mb=memory_limit or None, progress=bar.update, files=files,
                               use_cache=not no_cache, cache_path=cache, prune=prune, follow_links=follow_links,
                               stage=ticker.stage, options=options)
    except KeyboardInterrupt:
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


@app.command()
def explain(
    a: str = typer.Argument(..., help="First record id."),
    b: str = typer.Argument(..., help="Second record id."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder of a previous run."),
) -> None:
    """Show the signals and scores that link (or separate) two records of a previous run.

    Example: extract explain r-0a1b2c3d4e5f6a7b r-1c2d3e4f5a6b7c8d --out outputs
    """
    from .dedupe import explain as explain_pair
    from .models import Record

    path = out / "records.jsonl"
    if not path.exists():
        typer.echo(f"error: {path} not found: run `extract run` first", err=True)
        raise typer.Exit(EXIT_USAGE)
    recs = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = Record.model_validate_json(line)
            recs[r.record_id] = r
    missing = [x for x in (a, b) if x not in recs]
    if missing:
        typer.echo(f"error: unknown record id(s): {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    docs_path = out / "documents.jsonl"
    texts: dict[str, str] = {}
    if docs_path.exists():  # mention texts give the same numeric signals as the run had
        with docs_path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["doc_id"] in (recs[a].doc_id, recs[b].doc_id):
                    texts[row["doc_id"]] = row.get("text", "")
    link = explain_pair(recs[a], recs[b], texts=texts)
    typer.echo(json.dumps(link.model_dump(mode="json"), ensure_ascii=False, indent=2))


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


if __name__ == "__main__":
    app()
