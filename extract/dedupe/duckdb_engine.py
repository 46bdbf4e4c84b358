"""Blocking in DuckDB: the block keys as a table, candidate pairs by one SQL join with block-size caps."""
from __future__ import annotations

import os
import tempfile

import numpy as np

from .engine import BLOCK_SQL, KeyColumns

# the join's working memory before it spills to disk ($EXTRACT_DUCKDB_MEMORY overrides)
DEFAULT_MEMORY = "1GB"


def connect(threads: int = 0, memory_limit: str = ""):  # type: ignore[no-untyped-def]
    """An in-memory DuckDB on all cores (``threads`` 0), spilling to a temporary directory when over the limit."""
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {threads or os.cpu_count() or 1}")
    con.execute("SET preserve_insertion_order = false")
    # DuckDB's own default (80% of the machine) would let one join take most of a shared machine: it spills
    limit = memory_limit or os.environ.get("EXTRACT_DUCKDB_MEMORY", "") or DEFAULT_MEMORY
    con.execute(f"SET memory_limit = '{limit}'")
    con.execute(f"SET temp_directory = '{os.path.join(tempfile.gettempdir(), 'extract-duckdb-spill')}'")
    return con


def block_pairs(keys: KeyColumns, rules: tuple[np.ndarray, np.ndarray, np.ndarray],
                threads: int = 0, batch: int = 1_000_000) -> tuple[np.ndarray, np.ndarray, int]:
    """(i, j, number of blocks) of the pairs that share a block (unique, i < j, sorted by i then j).

    Consumes ``keys`` (its arrays are released once DuckDB holds the table); the pairs are sorted by DuckDB
    (which spills) and fetched in batches into two arrays, so no second copy of them is ever held.
    """
    import pyarrow as pa

    con = connect(threads)
    try:
        table = pa.table({"rule": keys.rule, "rec": keys.rec, "lad": keys.lad, "depth": keys.depth, "k": keys.key})
        keys.release()
        con.register("keys_arrow", table)
        con.register("rules_arrow", pa.table({"rule": rules[0], "cap": rules[1], "star": rules[2]}))
        con.execute("CREATE TABLE keys AS SELECT * FROM keys_arrow")
        con.execute("CREATE TABLE rules AS SELECT * FROM rules_arrow")
        con.unregister("keys_arrow")
        del table
        con.execute(f"CREATE TABLE pairs AS {BLOCK_SQL}")
        blocks = con.execute("SELECT COUNT(DISTINCT k) FROM keys").fetchall()[0][0]
        con.execute("DROP TABLE keys")
        n = con.execute("SELECT COUNT(*) FROM pairs").fetchall()[0][0]
        i = np.empty(n, dtype=np.int64)
        j = np.empty(n, dtype=np.int64)
        reader = con.sql("SELECT i, j FROM pairs ORDER BY i, j").to_arrow_reader(batch)
        at = 0
        for rb in reader:
            m = rb.num_rows
            i[at:at + m] = rb.column(0).to_numpy()
            j[at:at + m] = rb.column(1).to_numpy()
            at += m
        assert at == n
    finally:
        con.close()
    return i, j, int(blocks)
