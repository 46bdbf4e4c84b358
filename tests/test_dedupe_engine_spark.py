"""The Spark engine on a local[2] session: the same studies as DuckDB (skips only where no JVM exists)."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

from extract.dedupe import dedupe  # noqa: E402

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'stemcell-evidence-extract[spark]')")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime: tools/install-jre.sh installs default-jre-headless where apt-get works",
                allow_module_level=True)


def test_spark_gives_the_same_studies_as_duckdb() -> None:
    from extract.dedupe import spark_engine

    runs = {}
    try:
        for engine in ("duckdb", "spark"):
            texts: dict[str, str] = {}
            records, _ = make_records(400, seed=11, texts=texts)
            studies = dedupe(records, texts=texts, engine=engine, spark_master="local[2]")
            runs[engine] = [s.model_dump_json() for s in studies]
    finally:
        spark_engine.stop()
    assert runs["spark"] == runs["duckdb"]
    assert any(len(json.loads(s)["record_ids"]) > 1 for s in runs["spark"])   # some studies merged
