"""The JSON Schemas in schemas/ are the ones the pydantic models export today."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.models import SCHEMA_MODELS
from extract.schema import schema_text

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_schema_file_is_up_to_date(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.exists(), f"{path} missing: run `extract schema --out schemas`"
    assert path.read_text(encoding="utf-8") == schema_text(name), (
        f"{path.name} is out of date: run `extract schema --out schemas`")


def test_record_schema_names_contract_fields() -> None:
    text = schema_text("record")
    for field in ("record_id", "study_id", "doc_id", "cohort_sizes", "hba1c", "doses", "regimen",
                  "follow_up", "warnings", "evidence"):
        assert f'"{field}"' in text
