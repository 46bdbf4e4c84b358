"""Curator decisions that every run applies: must-link, cannot-link, reject a value, correct a value.

They live in ``OUT/decisions.jsonl`` (one JSON object a line, appended by ``extract decide``, never
rewritten by ``extract run``), so they survive re-runs and incremental runs. Each names who made it,
when and why:

    {"action": "must-link", "a": "r-…", "b": "r-…", "who": "lw", "when": "2026-12-04T10:00:00Z", "why": "same patient"}
    {"action": "cannot-link", "a": "r-…", "b": "r-…", ...}
    {"action": "reject-value", "record": "r-…", "field": "design", "value": "preclinical", ...}
    {"action": "correct-value", "record": "r-…", "field": "n_total", "value": 25, "new_value": 1, ...}

Value fields: any study field (``design``, ``condition``, ``journal``, ``pub_date``, ``cell_types``,
``aliases`` …, list fields one element at a time) and the facts ``n_total``, ``n_arms``, ``n_studies``,
``follow_up_days``, ``infusions``, ``interval_days``, ``hba1c_before``, ``hba1c_after``, ``hba1c_change``.
A corrected value keeps the evidence of the value it replaces; the record gets a warning naming the
decision either way. Decisions naming records the run does not have are counted as unmatched.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, model_validator

from ..models import Record, StudyMeta

DECISIONS_FILE = "decisions.jsonl"
Action = Literal["must-link", "cannot-link", "reject-value", "correct-value"]
LINK_ACTIONS = frozenset({"must-link", "cannot-link"})
# fact field -> (record list, attribute, role filter)
FACT_FIELDS: dict[str, tuple[str, str, Optional[str]]] = {
    "n_total": ("cohort_sizes", "n", "total"),
    "n_arms": ("cohort_sizes", "n", "arm"),
    "n_studies": ("cohort_sizes", "n", "studies_included"),
    "follow_up_days": ("follow_up", "days", None),
    "infusions": ("regimen", "infusions", None),
    "interval_days": ("regimen", "interval_days", None),
    "hba1c_before": ("hba1c", "before", None),
    "hba1c_after": ("hba1c", "after", None),
    "hba1c_change": ("hba1c", "change", None),
}
META_FIELDS = frozenset(StudyMeta.model_fields) - {"evidence"}


class Decision(BaseModel):
    """One curator decision (a line of decisions.jsonl)."""

    model_config = ConfigDict(extra="forbid")

    action: Action
    a: Optional[str] = None          # link decisions: the two record ids
    b: Optional[str] = None
    record: Optional[str] = None     # value decisions: the record, field and value
    field: Optional[str] = None
    value: Any = None
    new_value: Any = None
    who: str = ""
    when: str = ""
    why: str = ""

    @model_validator(mode="after")
    def _complete(self) -> "Decision":
        if self.action in LINK_ACTIONS:
            if not self.a or not self.b or self.a == self.b:
                raise ValueError(f"{self.action} needs two different record ids (a, b)")
        else:
            if not self.record or not self.field:
                raise ValueError(f"{self.action} needs record and field")
            if self.field not in META_FIELDS and self.field not in FACT_FIELDS:
                raise ValueError(f"unknown field {self.field!r}")
            if self.action == "correct-value" and self.new_value is None:
                raise ValueError("correct-value needs new_value")
        return self

    def pair(self) -> frozenset[str]:
        return frozenset({self.a or "", self.b or ""})

    def label(self) -> str:
        """How the decision reads in explanations and warnings."""
        who = f" by {self.who}" if self.who else ""
        when = f" on {self.when}" if self.when else ""
        why = f": {self.why}" if self.why else ""
        return f"{self.action}{who}{when}{why}"


@dataclass
class Decisions:
    """The decisions of one output folder, and what applying them did."""

    items: list[Decision] = field(default_factory=list)
    applied: dict[str, int] = field(default_factory=dict)     # action -> applied count
    unmatched: int = 0                                        # naming records this run lacks

    def links(self, action: str) -> list[Decision]:
        return [d for d in self.items if d.action == action]

    def named(self) -> set[str]:
        """Every record id a decision names (a link's two, a value decision's one)."""
        return {x for d in self.items for x in (d.a, d.b, d.record) if x}

    def for_pair(self, a: str, b: str) -> Optional[Decision]:
        """The last link decision about two records (a later decision overrides an earlier one)."""
        key = frozenset({a, b})
        hits = [d for d in self.items if d.action in LINK_ACTIONS and d.pair() == key]
        return hits[-1] if hits else None

    def effective_links(self) -> dict[frozenset[str], Decision]:
        """Link decisions per pair, the last one winning."""
        out: dict[frozenset[str], Decision] = {}
        for d in self.items:
            if d.action in LINK_ACTIONS:
                out[d.pair()] = d
        return out

    def summary(self) -> str:
        if not self.items:
            return "decisions 0"
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.applied.items()))
        return f"decisions {sum(self.applied.values())} applied ({parts or 'none'}), {self.unmatched} unmatched"


def load(out_dir: Path) -> Decisions:
    """The decisions of ``out_dir`` (none when there is no file). A broken line is an error: a curator's
    decision must never be dropped silently."""
    path = Path(out_dir) / DECISIONS_FILE
    items: list[Decision] = []
    if path.exists():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    items.append(Decision.model_validate_json(line))
                except ValueError as e:
                    raise ValueError(f"{path}:{n}: not a valid decision: {e}") from e
    return Decisions(items)


def append(out_dir: Path, decision: Decision) -> Path:
    """Add one decision to ``out_dir``'s file (the time is filled in when not given)."""
    if not decision.when:
        decision.when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    path = Path(out_dir) / DECISIONS_FILE
    with path.open("a", encoding="utf-8") as fh:
        fh.write(decision.model_dump_json(exclude_none=True) + "\n")
    return path


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def _apply_value(rec: Record, d: Decision) -> bool:
    """Reject or correct one value of one record in place; True when the value was found."""
    name = d.field or ""
    if name in FACT_FIELDS:
        attr, key, role = FACT_FIELDS[name]
        items = getattr(rec, attr)
        hits = [x for x in items if (role is None or getattr(x, "role", None) == role)
                and getattr(x, key) is not None and _same(getattr(x, key), d.value)]
        if not hits:
            return False
        for x in hits:
            if d.action == "correct-value":
                setattr(x, key, d.new_value)
            elif attr in ("hba1c", "regimen") and sum(getattr(x, k) is not None for k in _OTHERS[attr]) > 1:
                setattr(x, key, None)   # the entry keeps its other values
            else:
                items.remove(x)
        return True
    current = getattr(rec.study, name)
    if isinstance(current, list):
        if not any(_same(v, d.value) for v in current):
            return False
        new = [v for v in current if not _same(v, d.value)]
        if d.action == "correct-value" and d.new_value not in new:
            new.append(d.new_value)
        setattr(rec.study, name, new)
        return True
    if current is None or (d.value is not None and not _same(current, d.value)):
        return False
    setattr(rec.study, name, d.new_value if d.action == "correct-value" else None)
    if d.action == "reject-value":
        rec.study.evidence.pop(name, None)
    return True


_OTHERS = {"hba1c": ("before", "after", "change"), "regimen": ("infusions", "interval_days")}


def apply_values(records: list[Record], decisions: Decisions, known_ids: Optional[set[str]] = None) -> None:
    """Apply the value decisions to the run's records (in place) and count link decisions that match.

    ``known_ids`` (every record id of the run) lets ``records`` hold only the records the decisions name."""
    by_id = {r.record_id: r for r in records}
    known = by_id.keys() if known_ids is None else known_ids
    decisions.applied = {}
    decisions.unmatched = 0
    for d in decisions.items:
        if d.action in LINK_ACTIONS:
            ok = d.a in known and d.b in known
        else:
            rec = by_id.get(d.record or "")
            ok = rec is not None and _apply_value(rec, d)
            if ok:
                note = f"curator {d.label()} ({d.field} {d.value!r}"
                note += f" -> {d.new_value!r})" if d.action == "correct-value" else ")"
                if note not in rec.warnings:
                    rec.warnings.append(note)
        if ok:
            decisions.applied[d.action] = decisions.applied.get(d.action, 0) + 1
        else:
            decisions.unmatched += 1


def dumps(decision: Decision) -> str:
    return json.dumps(decision.model_dump(exclude_none=True), ensure_ascii=False)
