"""Compiled regexes kept between runs, and the package's own module-level regexes recompiled for speed.

Start-up compiled ~1,250 regexes every time: sre's parser and code generator are Python, and the patterns
built from parts (word lists, Chinese ranges under IGNORECASE) cost seconds. What ``_sre.compile`` takes (a
list of ints, the flags and the group names) and the prefilter's analyses (required literals, anchor,
shortest match) depend only on the regex text, its flags and the Python version, so they are kept in the
user's cache folder (``$XDG_CACHE_HOME/extract``, as jieba's dictionary cache) and read back at the next
start; a regex not found there is compiled as before. sre validates any code it is given; an unreadable or
foreign file is ignored. ``EXTRACT_REGEX_CACHE=off`` turns the file off. The code is kept as the bytes of
an array of sre's code units, not as a list of ints: marshal reads ~9 M ints one object at a time (0.7 s at
start-up), bytes in one copy (the list is made in C when the pattern is compiled).

``rx`` is ``re.compile`` for the regexes the package's modules declare at import: read back from the file
when it can be kept, so start-up does not run sre's compiler for them (about 0.6 s). ``speed_up_modules``
recompiles any other the modules hold through ``prefilter.compile_pattern`` (first characters in the info
block: the same matches, fewer positions tried), once, before the workers fork.
"""
from __future__ import annotations

import array
import marshal
import os
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .prefilter import Code, anchor, from_code, min_width, pattern_code, required_chars, required_literals

FORMAT = 4                 # bump when what is stored, or how pattern_code builds it, changes
MAX_ENTRIES = 6000         # a file grown past this keeps only what the last run used
FILE_PREFIX = "regex-cache"

Entry = tuple[Optional[tuple], Any, Any, int, Any]   # packed code, required literals, anchor, shortest match, required chars

_entries: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
_loaded = False
_changed = False


def _version() -> str:
    import _sre

    return f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{_sre.MAXREPEAT}-{FORMAT}"


def cache_folder() -> Optional[Path]:
    """The user's cache folder for this package (None: the file is turned off)."""
    if os.environ.get("EXTRACT_REGEX_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "extract"


def _path(folder: Path) -> Path:
    return folder / f"{FILE_PREFIX}-{_version()}.marshal"


def _load() -> None:
    global _loaded
    _loaded = True
    folder = cache_folder()
    if folder is None:
        return
    try:
        data = marshal.loads(_path(folder).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _version() and isinstance(data[1], dict)):
        return
    for key, entry in data[1].items():
        if (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
                and isinstance(entry, tuple) and len(entry) == 5):
            _entries.setdefault(key, entry)


def _entry(regex: str, flags: int) -> Entry:
    global _changed
    if not _loaded:
        _load()
    key = (regex, int(flags))
    _used.add(key)
    got = _entries.get(key)
    if got is None:
        code = pattern_code(regex, flags)
        got = _entries[key] = (_pack(code) if code is not None else None, required_literals(regex, flags),
                               anchor(regex, flags), min_width(regex, flags), required_chars(regex, flags))
        _changed = True
    return got


def _code_units() -> str:
    """The array typecode of sre's code unit (_sre.CODESIZE bytes)."""
    import _sre

    return next(t for t in "IHL" if array.array(t).itemsize == _sre.CODESIZE)


def _pack(code: Code) -> tuple:   # type: ignore[type-arg]
    return (code[0], array.array(_code_units(), code[1]).tobytes(), code[2], code[3], code[4])


def _unpack(packed: tuple) -> Code:   # type: ignore[type-arg]
    ops = array.array(_code_units())
    ops.frombytes(packed[1])
    return (packed[0], ops.tolist(), packed[2], packed[3], packed[4])


def compile_cached(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)``'s matches, from the kept code when there is one (prefilter.compile_pattern)."""
    packed = _entry(regex, flags)[0]
    if packed is not None:
        try:
            return from_code(regex, _unpack(packed))
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass   # not code this sre takes: compile afresh
    return re.compile(regex, flags)


def analysis(regex: str, flags: int) -> tuple[Any, Any, int, Any]:
    """(required literals, anchor, shortest match, required characters) of prefilter.py, kept with the code."""
    _, lits, anch, width, chars = _entry(regex, flags)
    return lits, anch, width, chars


def save() -> None:
    """Write what was compiled this run to the cache file, when anything new was (atomically; errors ignored)."""
    global _changed
    folder = cache_folder()
    if not _changed or folder is None:
        return
    keep = _entries if len(_entries) <= MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if folder.is_symlink():
            return
        data = marshal.dumps((_version(), keep))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{FILE_PREFIX}-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, _path(folder))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _changed = False
        same_python = f"{FILE_PREFIX}-{_version().rsplit('-', 1)[0]}-"
        for old in folder.glob(same_python + "*.marshal"):   # files of an earlier FORMAT: never read again
            if old != _path(folder):
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


_SPED_UP: dict[int, re.Pattern[str]] = {}   # id -> the patterns speed_up_modules made (kept: ids stay unique)


def _faster(v: Any, done: dict[int, Any]) -> Any:
    if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
        if _SPED_UP.get(id(v)) is v:
            return v
        if id(v) not in done:
            done[id(v)] = compile_cached(v.pattern, v.flags)
        return done[id(v)]
    if type(v) is tuple and any(isinstance(x, (re.Pattern, tuple)) for x in v):   # never a named tuple
        new = tuple(_faster(x, done) for x in v)
        return v if all(a is b for a, b in zip(new, v)) else new
    return v


def writable() -> bool:
    """Whether the cache file can be kept (turned on, and its folder writable or creatable)."""
    folder = cache_folder()
    while folder is not None and not folder.exists():
        folder = folder.parent if folder.parent != folder else None
    return folder is not None and os.access(folder, os.W_OK)


@lru_cache(maxsize=1)
def _keep_at_import() -> bool:
    """``writable()``, asked once per process by ``rx``."""
    return writable()


def rx(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)`` for a pattern a module declares at import: its kept twin (``compile_cached``,
    the same matches) where the cache file can be kept, so neither the import nor ``speed_up_modules`` runs
    sre's compiler for it again."""
    if not _keep_at_import():
        return re.compile(regex, flags)
    if not flags & re.ASCII:
        flags |= re.UNICODE   # the flags re.compile gives the pattern: the key speed_up_modules looks up
    compiled = compile_cached(regex, flags)
    _SPED_UP[id(compiled)] = compiled
    return compiled


def speed_up_modules(prefix: str = "extract") -> int:
    """Rebind every compiled regex a loaded module of the package holds at module level (alone, or in
    tuples, lists and dict values) to its ``compile_cached`` twin; returns how many were recompiled.

    Only where the compiled code can be kept (``writable``): compiled afresh, the ~850 regexes cost more
    than the scanning saved on a small input; the first run pays that once.
    """
    if not writable():
        return 0
    done: dict[int, Any] = {}
    for name, mod in list(sys.modules.items()):
        if mod is None or not (name == prefix or name.startswith(prefix + ".")):
            continue
        for key, value in list(vars(mod).items()):
            if isinstance(value, re.Pattern) or type(value) is tuple:
                new = _faster(value, done)
                if new is not value:
                    setattr(mod, key, new)
            elif type(value) is list:
                value[:] = [_faster(x, done) for x in value]
            elif type(value) is dict and value and all(isinstance(k, str) for k in value):
                for k, x in list(value.items()):
                    new = _faster(x, done)
                    if new is not x:
                        value[k] = new
    for v in done.values():
        _SPED_UP[id(v)] = v
    return len(done)
