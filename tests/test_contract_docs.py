"""The README's example lines are real: each matches the line of a fresh sample-corpus run it names."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from extract import pipeline
from extract.models import Record, Study

ROOT = Path(__file__).resolve().parents[1]
CUT = "…"


def _examples() -> list[dict[str, Any]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    outputs = text.split("## Outputs", 1)[1].split("\n## ", 1)[0]
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", outputs, re.S)]


def _contained(example: Any, real: Any, where: str = "") -> None:
    """Every value the example shows is in the real line; ``"…"`` marks what the example cut (a key,
    list items, or a value that moves with the link weights)."""
    if example == CUT:
        return
    if isinstance(example, dict):
        assert isinstance(real, dict), where
        for k, v in example.items():
            if k == CUT:
                continue
            assert k in real, f"{where}.{k} is not in the real output"
            _contained(v, real[k], f"{where}.{k}")
    elif isinstance(example, list):
        assert isinstance(real, list), where
        shown = [x for x in example if x != CUT]
        if CUT not in example:
            assert len(shown) == len(real), f"{where}: {len(shown)} items shown, {len(real)} real (add \"…\")"
        for i, x in enumerate(shown):
            errors = []
            for y in real:
                try:
                    _contained(x, y, f"{where}[{i}]")
                    break
                except AssertionError as e:
                    errors.append(str(e))
            else:
                raise AssertionError(f"{where}[{i}] matches no real item: {errors[:1]}")
    else:
        assert example == real, f"{where}: README shows {example!r}, the run writes {real!r}"


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    pipeline.run(ROOT / "corpus", out, use_cache=False)
    return out


def test_readme_shows_a_record_and_a_study() -> None:
    kinds = {"record_id" in e for e in _examples()}
    assert kinds == {True, False}


def test_readme_examples_match_the_real_output(corpus_run: Path) -> None:
    records = {json.loads(x)["record_id"]: json.loads(x) for x in (corpus_run / "records.jsonl").open(encoding="utf-8")}
    studies = {json.loads(x)["study_id"]: json.loads(x) for x in (corpus_run / "studies.jsonl").open(encoding="utf-8")}
    for ex in _examples():
        if "record_id" in ex:
            real = records.get(ex["record_id"])
            assert real is not None, f"record {ex['record_id']} is not in a run of corpus/: update the README"
            Record.model_validate(real)
        else:
            real = studies.get(ex["study_id"])
            assert real is not None, f"study {ex['study_id']} is not in a run of corpus/: update the README"
            Study.model_validate(real)
        _contained(ex, real)
