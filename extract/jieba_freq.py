"""jieba's word frequencies looked up in a file, not loaded whole at start-up.

jieba loads its whole prefix dictionary (~580,000 words and prefixes) before the first cut: 0.7-0.8 s of
every run's start and ~60 MB in each process. Finding sentences cuts only the few runs of Chinese text that
hold a '.' (a few thousand characters per hundred articles, nlp.py), so the dictionary is kept as an
SQLite table in the cache folder (built once from jieba's own ``dict.txt`` by jieba's own ``gen_pfdict``)
and each cut looks up the words it tries. The same words with the same frequencies and total: the same
cuts. Words added at run time (``jieba.add_word``: our domain dictionary) are held in memory over it.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from contextlib import closing
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Optional

FILE_PREFIX = "jieba-freq"


class FileFreq(MutableMapping[str, int]):
    """jieba's ``FREQ`` (word or prefix -> frequency, 0 for a prefix) read from the table at ``path``;
    what is set at run time is kept in memory and read first. One connection per process and thread
    (a forked worker opens its own)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.added: dict[str, int] = {}
        self._read: dict[str, Optional[int]] = {}   # what the table said (None: not in it); words repeat
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def _lookup(self, word: str) -> Optional[int]:
        got = self.added.get(word)
        if got is not None:
            return got
        try:
            return self._read[word]
        except KeyError:
            row = self._db().execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
            got = self._read[word] = None if row is None else row[0]
            return got

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        got = self._lookup(word)
        if got is None:
            raise KeyError(word)
        return got

    def get(self, word: str, default: Optional[int] = None) -> Optional[int]:  # type: ignore[override]
        got = self._lookup(word)
        return default if got is None else got

    def __setitem__(self, word: str, freq: int) -> None:
        self.added[word] = freq

    def __delitem__(self, word: str) -> None:
        raise TypeError("jieba's kept dictionary is read-only")

    def __iter__(self) -> Iterator[str]:
        yield from self.added
        for (word,) in self._db().execute("SELECT w FROM freq"):
            if word not in self.added:
                yield word

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _source() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def table_path(folder: Path) -> Path:
    """The table's file for this jieba and its dictionary (another version or dictionary: another file)."""
    import jieba

    st = _source().stat()
    return folder / f"{FILE_PREFIX}-{jieba.__version__}-{st.st_size}-{int(st.st_mtime)}.sqlite"


def build(path: Path) -> int:
    """Write jieba's prefix dictionary as a table at ``path`` (atomically); its total frequency."""
    import jieba

    with open(_source(), "rb") as fh:
        freq, total = jieba.Tokenizer.gen_pfdict(fh)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{FILE_PREFIX}-")
    os.close(fd)
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            db.execute("INSERT INTO meta VALUES (?)", (total,))
            db.commit()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return total


def use_file(folder: Optional[Path]) -> bool:
    """Point jieba's default tokenizer at the kept table in ``folder`` (built there the first time);
    False (jieba loads its dictionary as usual) where no table can be read or written, or jieba is
    already loaded."""
    import jieba

    dt = jieba.dt
    if dt.initialized or folder is None:
        return False
    try:
        path = table_path(folder)
        if path.is_file():
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                total = db.execute("SELECT total FROM meta").fetchone()[0]
        else:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if folder.is_symlink() or not os.access(folder, os.W_OK):
                return False
            total = build(path)
    except (OSError, sqlite3.Error, TypeError, ValueError):
        return False
    dt.FREQ, dt.total, dt.initialized = FileFreq(path), total, True
    return True
