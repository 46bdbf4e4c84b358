"""Code paths rewritten for speed (issue 13) give what the plain versions they replace give."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extract import metadata
from extract.document import SourceDoc
from extract.pipeline import to_document

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs"
OWN = (
    "研究由中国、美国和马来西亚的团队完成,在台灣與香港招募患者。",
    "A UK team (not UKPDS) and colleagues in the U.S. and Hong Kong; Chinese and Canadian sites. UK.",
    "Researchers from Japan, South Korea and Taiwan; 日本与韩国的医院。USA-based, Germany's, France.",
)


def _country_by_loop(view: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """The former country_hit: one search per name, the earliest start wins, the first listed at a tie."""
    best: Optional[tuple[str, int, int]] = None
    for name, en in metadata.countries():
        if name.isascii():
            m = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w])").search(view, start, end)
            pos = (m.start(), m.end()) if m else None
        else:
            i = view.find(name, start, end)
            pos = (i, i + len(name)) if i >= 0 else None
        if pos and (best is None or pos[0] < best[1]):
            best = (en, pos[0], pos[1])
    return best


def test_country_hit_is_the_per_name_search() -> None:
    texts = list(OWN) + ([p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))[:8]] if DEV.is_dir() else [])
    for raw in texts:
        doc = to_document(SourceDoc("t.txt", raw, "txt"))
        n = len(doc.view)
        for start, end in ((0, n), (n // 3, n), (0, n // 2), (n // 5, n // 5 + 300)):
            hit = metadata.country_hit(doc, start, end)
            got = (hit.value["value"], hit.start, hit.end) if hit else None
            assert got == _country_by_loop(doc.view, start, min(end, n))
