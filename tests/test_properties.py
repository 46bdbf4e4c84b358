"""Property-based tests: number parsing and the offset invariant under random normalisation input."""
from __future__ import annotations

import cn2an
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.document import SourceDoc
from extract.normalise import matching_view, normalise
from extract.numbers import parse_number
from extract.pipeline import process_source

NOISE = st.sampled_from([
    "\u200b", "\u202e", "\ufeff", "\u3000", "\xa0", "\r\n", "\n\n\n", "\t", "  ",
    "０１２", "％", "，", "：", "（", "）", "～", "–", "—", "⁶", "²", "×", "±",
    "糖", "化", "血", "紅", "蛋", "白", "糖尿病", "幹細胞", "患者", "例", "名", "。", "；",
    "HbA1c", "n = ", "patients", " ", "e", "é", "😀",
])
FACTS = st.sampled_from([
    "共纳入301名患者。", "糖化血红蛋白从8.5%降至6.8%。", "隨訪12個月。", "剂量1亿至20亿个细胞。",
    "HbA1c fell from 8.2% to 7.4%.", "The trial enrolled 48 adults.", "followed for 3 years.",
    "每4周一次,共3次输注。", "HbA1c decreased by 0.9%.", "(n = 45) or placebo (n = 46)",
])
TEXT = st.lists(st.one_of(NOISE, FACTS, st.text(max_size=5)), max_size=40).map("".join)


@given(TEXT)
@settings(max_examples=150, deadline=None)
def test_normalise_offsets_map_every_character(raw: str) -> None:
    norm = normalise(raw)
    assert len(norm.offsets) == len(norm.text)
    assert all(0 <= o < max(1, len(raw)) for o in norm.offsets)
    assert norm.offsets == sorted(norm.offsets), "offsets must never go backwards"
    assert len(matching_view(norm.text, "zh")) == len(norm.text)


@given(TEXT)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_evidence_quote_is_its_span_of_the_text(raw: str) -> None:
    if not raw.strip():
        return
    res = process_source(SourceDoc(doc_id="p.txt", raw_text=raw, source_format="txt"))
    text = res.row.text
    for rec in res.records:
        items = rec.cohort_sizes + rec.hba1c + rec.doses + rec.regimen + rec.follow_up
        evs = [i.evidence for i in items] + [e for es in rec.study.evidence.values() for e in es]
        for ev in evs:
            assert text[ev.start:ev.end] == ev.quote


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_integers_with_and_without_thousands_separators(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=10**8))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_number(cn2an.an2cn(n, "low")) == n


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))
def test_decimals(x: float) -> None:
    assert parse_number(f"{x}") == x
