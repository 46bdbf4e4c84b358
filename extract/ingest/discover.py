"""Find every input file under a root: recursive, stable order, symlink loops cut, odd names kept."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputFile:
    path: Path
    rel: str   # path relative to the input root, POSIX separators: the doc_id


def doc_id_for(rel_parts: list[str]) -> str:
    """A valid, JSON-encodable doc_id from path parts: undecodable name bytes become ``\\xNN`` escapes."""
    return "/".join(os.fsencode(p).decode("utf-8", errors="backslashreplace") for p in rel_parts)


def discover(root: Path) -> list[InputFile]:
    """Every file under ``root`` (or ``root`` itself), sorted by POSIX relative path.

    Directory symlinks are followed once (their real path is remembered), so a link loop ends; hidden files,
    odd extensions and broken links are listed too, and an unreadable directory is listed as an input so
    that reading it reports the error: nothing is skipped silently.
    """
    root = Path(root)
    if not root.is_dir():
        return [InputFile(root, doc_id_for([root.name]))]
    found: list[InputFile] = []
    seen: set[str] = {os.path.realpath(root)}
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
            if not _is_dir(entry):
                found.append(InputFile(path, doc_id_for(sub)))
            elif entry.is_symlink():
                links.append((path, sub))
            elif (real := os.path.realpath(path)) not in seen:
                seen.add(real)
                stack.append((path, sub))
    return sorted(found, key=lambda f: f.rel)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False
