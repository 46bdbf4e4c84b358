"""Ingest: find input files and read each into SourceDocs (placeholder: UTF-8 .txt only)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import SourceDoc
from ..errors import UnsupportedFormat


@dataclass(frozen=True)
class InputFile:
    path: Path
    rel: str   # path relative to the input root, POSIX separators: the doc_id


def discover(root: Path) -> list[InputFile]:
    """Every file under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        return [InputFile(root, root.name)]
    return [InputFile(p, p.relative_to(root).as_posix()) for p in sorted(root.rglob("*")) if p.is_file()]


def read(f: InputFile) -> list[SourceDoc]:
    """Read one input file into one or more documents; raises ExtractError subclasses."""
    if f.path.suffix.lower() not in (".txt", ".md"):
        raise UnsupportedFormat(f"unsupported file type {f.path.suffix or '(none)'}")
    return [SourceDoc(doc_id=f.rel, raw_text=f.path.read_text(encoding="utf-8"), source_format="txt",
                      source_path=f.rel, encoding="utf-8")]
