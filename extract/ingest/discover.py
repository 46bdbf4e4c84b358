"""Find every input file under a root: recursive, stable order, symlink loops cut, odd names kept.

Nothing is opened here (a FIFO or a device must never be read, not even to hash it): folders are listed,
symbolic links are resolved, and an entry that must not be read carries the reason in ``refused``.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

# An extract output folder is recognised by this file (written last by every run) and never read as input.
OUTPUT_MARKER = "manifest.json"
OUTPUT_MARKER_TOOL = "stemcell-evidence-extract"


@dataclass(frozen=True)
class InputFile:
    path: Path
    rel: str   # path relative to the input root, POSIX separators: the doc_id
    refused: Optional[str] = None   # why this entry must not be opened (a link out of the input folder)


def doc_id_for(rel_parts: list[str]) -> str:
    """A valid, JSON-encodable doc_id from path parts: undecodable name bytes become ``\\xNN`` escapes.

    ``#`` separates a feed's file from its item ids (``feed.jsonl#12``), so a file name's own ``#`` (and
    the escape character ``%``) are percent-escaped: a feed item's id can never equal another file's id.
    """
    return "/".join(_escape(os.fsencode(p).decode("utf-8", errors="backslashreplace")) for p in rel_parts)


def _escape(part: str) -> str:
    return part.replace("%", "%25").replace("#", "%23")


def discover(root: Path, *, exclude: Iterable[Path] = (), follow_links: bool = False) -> list[InputFile]:
    """Every file under ``root`` (or ``root`` itself), sorted by POSIX relative path.

    Directory symlinks inside the root are followed once (their real path is remembered), so a link loop
    ends; a link that leads out of the root is listed with ``refused`` set and never opened, unless
    ``follow_links``. Folders in ``exclude`` (the output folder) and extract output folders are not
    walked. Hidden files, odd extensions and broken links are listed too, and an unreadable directory is
    listed as an input so that reading it reports the error: nothing is skipped silently.
    """
    root = Path(root)
    if not root.is_dir():
        return [InputFile(root, doc_id_for([root.name]))]
    base = os.path.realpath(root)
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[InputFile] = []
    seen: set[str] = {base}
    stack: list[tuple[Path, list[str]]] = [(root, [])]
    links: list[tuple[Path, list[str]]] = []  # walked after the real folders, so files keep their real paths
    while stack or links:
        folder, parts = stack.pop() if stack else links.pop(0)
        if folder.is_symlink():
            real = os.path.realpath(folder)
            if real in seen:
                continue  # a loop, or a second way to a folder already listed
            seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            # reading it later raises ReadError with the OS message
            found.append(InputFile(folder, doc_id_for(parts)))
            continue
        for entry in entries:
            path, sub = Path(entry.path), [*parts, entry.name]
            real = os.path.realpath(path)
            if entry.is_symlink() and not follow_links and not _inside(real, base):
                found.append(InputFile(path, doc_id_for(sub), refused=(
                    f"not followed: a symbolic link that leads out of the input folder (to {real})")))
                continue
            if not _is_dir(entry):
                found.append(InputFile(path, doc_id_for(sub)))
            elif real in excluded or _is_output_folder(real):
                continue  # our own outputs are never read back as input
            elif entry.is_symlink():
                links.append((path, sub))
            elif real not in seen:
                seen.add(real)
                stack.append((path, sub))
    return sorted(found, key=lambda f: f.rel)


def _inside(real: str, base: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _is_output_folder(folder: str) -> bool:
    """Whether ``folder`` holds the manifest of an extract run (read with a size cap: it is a small file)."""
    marker = os.path.join(folder, OUTPUT_MARKER)
    try:
        if not os.path.isfile(marker) or os.path.getsize(marker) > 1 << 20:
            return False
        with open(marker, encoding="utf-8") as fh:
            return json.load(fh).get("tool") == OUTPUT_MARKER_TOOL
    except (OSError, ValueError, AttributeError):
        return False
