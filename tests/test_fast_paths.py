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
    "▲美國約有160萬人確診糖尿病（圖／達志／示意圖）\n研究由日本团队完成。\nPhoto: Getty Images, USA\nA UK trial.",
)


def _country_by_loop(view: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """The former country_hit: per name its first occurrence outside photo captions, the earliest wins, the first
    listed at a tie."""
    captions = metadata.caption_lines(view, start, end)
    best: Optional[tuple[str, int, int]] = None
    for name, en in metadata.countries():
        if name.isascii():
            found = [m.span() for m in re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w])").finditer(view, start, end)]
        else:
            found, i = [], view.find(name, start, end)
            while i >= 0:
                found.append((i, i + len(name)))
                i = view.find(name, i + 1, end)
        for s, e in found:
            if not any(a <= s < b for a, b in captions):
                if best is None or s < best[1]:
                    best = (en, s, e)
                break
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


def _bounds_by_loop(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> tuple[int, int]:
    """The former sentence_bounds: a character loop either way."""
    from extract.fields.context import _HARD_STOP, _MAX_SENT, _is_period

    hi = len(text) if hi is None else hi
    s = start
    floor = max(lo, start - _MAX_SENT)
    while s > floor:
        c = text[s - 1]
        if c in _HARD_STOP or (c == "." and _is_period(text, s - 1)):
            break
        s -= 1
    e = end
    ceil = min(hi, end + _MAX_SENT)
    while e < ceil:
        c = text[e]
        if c in _HARD_STOP or (c == "." and _is_period(text, e)):
            break
        e += 1
    return s, e


def test_sentence_bounds_is_the_character_loop() -> None:
    from extract.fields.context import sentence_bounds

    texts = list(OWN) + ["x" * 900 + ". y 3.5 z.\n", "a.b. c。d!e?f;g\nh. 1.2. 第一.二", ""]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))[:3]] if DEV.is_dir() else []
    for text in texts:
        n = len(text)
        for start in range(0, n, max(1, n // 97)):
            for width in (0, 1, 7):
                end = min(n, start + width)
                for lo, hi in ((0, None), (max(0, start - 50), min(n, end + 50)), (start + 1, n), (0, max(0, end - 1))):
                    assert sentence_bounds(text, start, end, lo, hi) == _bounds_by_loop(text, start, end, lo, hi)


def _column_words_by_loop(t: str) -> tuple[int, int]:
    """The former counting of segment_tables._may_be_header: Han column words found by slices, longest first."""
    from extract import segment_tables as st

    hits = covered = 0
    for w in st._CAMEL.findall(t):
        if w.lower().rstrip("s") in st._LATIN_STEMS or w in ("#", "n", "N"):
            hits += 1
            covered += len(w)
    i = 0
    while i < len(t):
        for size in range(st._HAN_MAX, 1, -1):
            if t[i:i + size] in st._HAN_SET:
                hits += 1
                covered += size
                i += size - 1
                break
        i += 1
    return hits, covered


def test_may_be_header_is_the_slice_loop() -> None:
    import random

    from extract import segment_tables as st

    words = sorted(st._HAN_SET)
    rng = random.Random(13)
    lines = ["研究 | 细胞 | 剂量 | 随访 | 例数", "Study Cells Dose Follow-up n", "作者 年份 例数 细胞类型 剂量", ""]
    lines += [p.read_text(encoding="utf-8")[:3000] for p in sorted(DEV.glob("*.txt"))[:4]] if DEV.is_dir() else []
    for _ in range(3000):   # column words glued, cut short at the end, mixed with other Han and Latin text
        parts = [rng.choice(words)[: rng.randint(1, 6)] if rng.random() < 0.7 else rng.choice(["的", "Dose", " ", "|", "n"])
                 for _ in range(rng.randint(1, 8))]
        lines.append("".join(parts))
    for line in lines:
        for t in [line] + line.split("\n"):
            assert st._column_words(t) == _column_words_by_loop(t), t


def test_registry_ids_screened_find_what_every_pattern_finds() -> None:
    from extract.fields import identifiers as ids

    def by_loop(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
        stop = len(text) if end is None else end
        out = []
        for pat, prefix in ids.REGISTRIES:
            for m in pat.compiled.finditer(text, start, stop):
                out.append((prefix + m.group(1).upper() if prefix not in ("jRCT",) else prefix + m.group(1),
                            m.start(), m.end()))
        return sorted(out, key=lambda t: t[1])

    texts = ["NCT01234567; nct 01234567; ChiCTR2000031234、ChiCTR-IOR-17013123 ISRCTN12345678 jRCT2031210005",
             "CTRI/2020/05/025311, EudraCT number: 2019-001234-56, ACTRN12619000123456 UMIN000012345",
             "DRKS00012345 IRCT20180101038243N1 KCT0001234 PACTR201905538243103 TCTR20191234567 CTR20231876 "
             "CRD42023412345 ſ İ ǈ", "no registry here, 12345678", ""]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] if DEV.is_dir() else []
    for text in texts:
        n = len(text)
        for start, end in ((0, None), (n // 3, n), (0, n // 2), (5, 40)):
            assert ids.registry_ids(text, start, end) == by_loop(text, start, end)
