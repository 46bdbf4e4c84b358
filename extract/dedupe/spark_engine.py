"""Blocking and first-pass scoring on Spark (``--dedupe-engine spark``): the same SQL as DuckDB, the same
vectorised bound in pandas UDFs. ``master`` names the cluster (default ``local[*]``; ``EXTRACT_SPARK_MASTER``).

PySpark needs a Java runtime (tools/install-jre.sh installs Debian's ``default-jre-headless``) and the
``spark`` extra (pip install 'stemcell-evidence-extract[spark]').
"""
from __future__ import annotations

import os
import sys
from typing import Iterator, Optional, Sequence

import numpy as np

from .compare import Features
from .engine import BLOCK_SQL, Columns, KeyColumns, columns, upper_bounds

_SESSION = None


def session(master: Optional[str] = None):  # type: ignore[no-untyped-def]
    """A Spark session (one per process, reused): ``master`` or $EXTRACT_SPARK_MASTER or local[*]."""
    global _SESSION
    if _SESSION is not None:
        return _SESSION
    from pyspark.sql import SparkSession

    master = master or os.environ.get("EXTRACT_SPARK_MASTER") or "local[*]"
    # the workers run this interpreter (the project's environment), not the first python3 on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    _SESSION = (SparkSession.builder.master(master).appName("extract-dedupe")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", os.environ.get("EXTRACT_SPARK_PARTITIONS", str(os.cpu_count() or 2)))
                # short jobs: the quick JIT tier starts faster; a long run loses little
                .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC")
                .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                .config("spark.driver.memory", os.environ.get("EXTRACT_SPARK_DRIVER_MEMORY", "2g"))
                .getOrCreate())
    _SESSION.sparkContext.setLogLevel("ERROR")
    return _SESSION


def stop() -> None:
    """Stop the session this process started (tests, the end of a run)."""
    global _SESSION
    if _SESSION is not None:
        _SESSION.stop()
        _SESSION = None


def _frame(spark, cols: dict[str, np.ndarray]):  # type: ignore[no-untyped-def]
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame(cols))


def block_pairs(keys: KeyColumns, rules: tuple[np.ndarray, np.ndarray, np.ndarray],
                master: Optional[str] = None) -> tuple[np.ndarray, np.ndarray, int]:
    """(i, j, number of keys) of the pairs that share a block, by BLOCK_SQL on Spark."""
    spark = session(master)
    _frame(spark, {"rule": keys.rule.astype(np.int32), "rec": keys.rec.astype(np.int64), "lad": keys.lad,
                   "depth": keys.depth.astype(np.int32), "k": keys.key}).createOrReplaceTempView("keys")
    _frame(spark, {"rule": rules[0].astype(np.int32), "cap": rules[1].astype(np.int64),
                   "star": rules[2]}).createOrReplaceTempView("rules")
    out = spark.sql(BLOCK_SQL).toPandas()
    blocks = spark.sql("SELECT COUNT(DISTINCT k) AS n FROM keys").collect()[0]["n"]
    return out["i"].to_numpy(np.int64), out["j"].to_numpy(np.int64), int(blocks)


def spark_bounds(feats: Sequence[Features], i: np.ndarray, j: np.ndarray,
                 master: Optional[str] = None) -> tuple[np.ndarray, np.ndarray, Columns]:
    """engine.upper_bounds over the pairs, partition by partition on the Spark workers."""
    spark = session(master)
    c = columns(feats)
    shared = spark.sparkContext.broadcast(c)

    def bound(batches: Iterator) -> Iterator:  # type: ignore[type-arg]
        cols = shared.value
        for df in batches:
            ub, contra = upper_bounds(cols, df["i"].to_numpy(np.int64), df["j"].to_numpy(np.int64))
            yield df.assign(ub=ub, contra=contra)

    pairs = _frame(spark, {"p": np.arange(len(i), dtype=np.int64), "i": i, "j": j})
    out = pairs.mapInPandas(bound, "p long, i long, j long, ub double, contra boolean").toPandas()
    out = out.sort_values("p")
    shared.unpersist()
    return out["ub"].to_numpy(np.float64), out["contra"].to_numpy(np.bool_), c
