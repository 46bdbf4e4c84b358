"""JSON Schema export of the contract models (``schemas/*.schema.json``)."""
from __future__ import annotations

import json
from pathlib import Path

from .models import SCHEMA_MODELS


def schema_text(name: str) -> str:
    """The JSON Schema of one model as stable, pretty JSON text."""
    return json.dumps(SCHEMA_MODELS[name].model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in SCHEMA_MODELS:
        p = out / f"{name}.schema.json"
        p.write_text(schema_text(name), encoding="utf-8")
        paths.append(p)
    return paths
