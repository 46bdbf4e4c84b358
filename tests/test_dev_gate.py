"""End-to-end gates on annotated sets: evidence offsets hold everywhere and scores never drop silently.

Sets are scored the way the held-out set is: the shared dev set (`../shared/eval/dev`), the shared
training set of real articles from other sites (`../shared/eval/train`) and the blind sets in
`tests/data/blind*` (each written by an annotator who never saw the code). The floors are
the scores reached when they were last raised, minus a small margin: a change that lowers a score
below its floor fails here and must say why (or lower the floor in the same commit, visibly).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import pipeline

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BLIND = ROOT / "tests" / "data"
SETS = {
    "dev": (EVAL / "dev" / "docs", EVAL / "dev" / "gold"),
    "train": (EVAL / "train" / "docs", EVAL / "train" / "gold"),
    # blind sets, each scored untouched first and fixed against afterwards
    **{name: (BLIND / name / "docs", BLIND / name / "gold")
       for name in ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10",
                    "blind11", "blind12", "blind13", "blind14", "blind15")},
}
# scores when last raised (2026-11-24; train, blind2 dedup and blind5 on 2026-12-05) minus a margin: about 0.02 on
# facts, 0.05 on dedup
FLOORS = {
    "dev": {"facts_f1": 0.96, "facts_precision": 0.96, "dedup_f1": 0.88, "mentions_aligned": 0.97, "lang_f1": 0.95},
    # train (59 real articles) scored 0.610 untouched (2026-12-04); floors: 0.985 / dedup 0.930 (2026-12-05, second session) less the margin
    "train": {"facts_f1": 0.96, "facts_precision": 0.97, "dedup_f1": 0.88, "mentions_aligned": 0.94, "lang_f1": 0.94},
    "blind": {"facts_f1": 0.97, "facts_precision": 0.97, "dedup_f1": 0.88, "mentions_aligned": 0.94, "lang_f1": 0.96},
    "blind2": {"facts_f1": 0.96, "facts_precision": 0.96, "dedup_f1": 0.95, "mentions_aligned": 0.93, "lang_f1": 0.95},
    "blind3": {"facts_f1": 0.94, "facts_precision": 0.93, "dedup_f1": 0.85, "mentions_aligned": 0.97, "lang_f1": 0.93},
    "blind4": {"facts_f1": 0.96, "facts_precision": 0.95, "dedup_f1": 0.95, "mentions_aligned": 0.97, "lang_f1": 0.95},
    "blind5": {"facts_f1": 0.92, "facts_precision": 0.91, "dedup_f1": 0.92, "mentions_aligned": 0.93, "lang_f1": 0.89},
    # blind6 (12 documents, written 2026-12-05 by a helper who never saw the code) scored untouched: facts F1 0.825
    # (P 0.883), en 0.787, zh 0.879, zh-Hant 0.769, mentions 14/18, dedup F1 0.462; raised 2026-12-05 (second session) (F1 0.949, P 0.994,
    # zh-Hant 0.923, mentions 18/18, dedup 1.000) less the margin
    "blind6": {"facts_f1": 0.93, "facts_precision": 0.97, "dedup_f1": 0.95, "mentions_aligned": 0.97, "lang_f1": 0.90},
    # blind7 (14 documents, 2026-12-05, helper-written without the code) scored untouched: facts F1 0.844 (P 0.887),
    # en 0.769, zh 0.899, zh-Hant 0.880, mentions 18/20, dedup F1 0.774; after its classes were fixed: 0.952 (P 0.984),
    # en 0.960, zh 0.938, zh-Hant 0.961, mentions 20/20, dedup 1.000; floors: those less the margin
    "blind7": {"facts_f1": 0.93, "facts_precision": 0.96, "dedup_f1": 0.95, "mentions_aligned": 0.95, "lang_f1": 0.91},
    # blind8 (14 documents, 2026-12-05, helper-written without the code) scored untouched: facts F1 0.887 (P 0.899),
    # en 0.849, zh 0.949, zh-Hant 0.824, mentions 22/22, dedup F1 0.870; after its classes were fixed: 0.921 (P 0.940),
    # en 0.889, zh 0.949, zh-Hant 0.911, dedup 1.000; floors: those less the margin
    "blind8": {"facts_f1": 0.90, "facts_precision": 0.92, "dedup_f1": 0.95, "mentions_aligned": 0.95, "lang_f1": 0.87},
    # blind9 (14 documents, 2026-12-05, third session, helper-written without the code: wire briefs, tweet and forum
    # threads, plain-text tables, a merged-column poster, a correction note, a bilingual page) scored untouched: facts
    # F1 0.661 (P 0.733), en 0.561, zh 0.765, zh-Hant 0.673, mentions 15/21, dedup pairs 1.000/0.565; after its classes
    # were fixed: 0.864 (P 0.908), en 0.810, zh 0.947, zh-Hant 0.833, mentions 20/21, dedup 1.000/0.870; floors: those
    # less the margin
    # blind10 (14 mainstream documents, 2026-12-05, third session, helper-written without the code) scored untouched
    # after blind9's fixes: facts F1 0.874 (P 0.904), en 0.832, zh 0.922, zh-Hant 0.857, mentions 17/19, dedup pairs
    # 0.840/0.750 (session-start code: 0.879, the same dedup); after its classes were fixed: 0.915 (P 0.949), dedup
    # 1.000/0.857, mentions 19/19; floors: those less the margin
    "blind10": {"facts_f1": 0.89, "facts_precision": 0.92, "dedup_f1": 0.87, "mentions_aligned": 0.95, "lang_f1": 0.80},
    # blind11 (16 documents, 2026-12-05, fourth session, helper-written without the code: a RIS export, a registry record
    # with results, an investor update, university news, an abstract book, OCR'd PDFs, a WeChat digest, an encyclopedia
    # entry, a doctor's blog, wires, a Zhihu answer, a hospital Q&A, a PTT thread) scored untouched: facts F1 0.684
    # (P 0.740 R 0.636; en 0.594, zh 0.728, zh-Hant 0.769), mentions 21/29, dedup pairs 1.000/0.605; after its
    # segmentation classes were fixed: 0.917 (P 0.952; en 0.903, zh 0.924, zh-Hant 0.935), mentions 29/29, dedup
    # 1.000/0.930; with its field-value classes too: 0.982 (P 0.997; en 0.988, zh 0.976, zh-Hant 0.989);
    # floors: those less the margin
    "blind11": {"facts_f1": 0.95, "facts_precision": 0.96, "dedup_f1": 0.93, "mentions_aligned": 0.95, "lang_f1": 0.94},
    # blind12 (18 mainstream documents, 2026-12-05, fourth session, helper-written without the code: PubMed pages, press
    # releases, wires, a conference abstract, a PDF extract, hospital newsrooms, portals, WeChat posts, a CNKI abstract,
    # HK/TW newspapers) scored untouched: facts F1 0.834 with blind11's fixes in, 0.823 with the session-start code (P 0.856
    # R 0.813; en 0.766, zh 0.921, zh-Hant 0.745), mentions 23/27, dedup pairs 0.941/0.727; after its segmentation
    # classes were fixed: 0.921 (P 0.943; en 0.854, zh 0.964, zh-Hant 0.942), mentions 27/27, dedup 1.000/1.000;
    # with its field-value classes too: 0.980 (P 0.972; en 0.961, zh 0.992, zh-Hant 0.991); floors: those less the margin
    "blind12": {"facts_f1": 0.95, "facts_precision": 0.94, "dedup_f1": 0.95, "mentions_aligned": 0.95, "lang_f1": 0.93},
    # blind13 (18 mainstream documents, 2026-12-05, fifth session, helper-written without the code: a university
    # release, wire and trade news with outside experts, a journal page, a registry record with results, an investor
    # item, self-media and medical-news posts, a hospital page, a digest, HK/TW newspapers and a hospital newsletter)
    # scored untouched: facts F1 0.856 (P 0.877 R 0.836; en 0.828, zh 0.883, zh-Hant 0.843), mentions 24/29, dedup
    # pairs 0.857/0.720; after its classes were fixed: 0.980 (P 0.985; en 0.991, zh 0.968, zh-Hant 0.988), mentions
    # 29/29, dedup 1.000/1.000; floors: those less the margin
    "blind13": {"facts_f1": 0.96, "facts_precision": 0.96, "dedup_f1": 0.95, "mentions_aligned": 0.95, "lang_f1": 0.94},
    # blind14 (18 documents of harder layouts, 2026-12-05, fifth session, helper-written without the code: digests and
    # roundups, PDF extracts with flattened tables, an abstract-book page, a MEDLINE export, forum threads, a
    # popular-science post, a release with a results table, a Chinese registry record, reprints across the straits)
    # scored untouched: facts F1 0.779 with the session-start code (P 0.833 R 0.731; en 0.662, zh 0.909, zh-Hant 0.851),
    # 0.785 with blind13's round in, mentions 30/36, dedup pairs 1.000/0.600; after its classes were fixed: 0.968
    # (P 0.982; en 0.950, zh 0.987, zh-Hant 0.989), mentions 35/36, dedup 1.000/0.829; floors: those less the margin
    "blind14": {"facts_f1": 0.95, "facts_precision": 0.96, "dedup_f1": 0.85, "mentions_aligned": 0.94, "lang_f1": 0.92},
    # blind15 (18 mainstream documents, half of them single-study news items, 2026-12-05, fifth session,
    # helper-written without the code) scored untouched: facts F1 0.861 with the session-start code (P 0.892 R 0.832),
    # 0.865 with blind13's round, 0.867 with blind14's too (P 0.900 R 0.836; en 0.839, zh 0.917, zh-Hant 0.824),
    # mentions 23/26, dedup pairs 1.000/0.857; not fixed against (floors: the untouched scores less the margin)
    "blind15": {"facts_f1": 0.84, "facts_precision": 0.88, "dedup_f1": 0.87, "mentions_aligned": 0.85, "lang_f1": 0.80},
    # blind9 raised 2026-12-05 (fourth session: the conference tweet thread's two talks split, 0.904, dedup 1.000, 21/21)
    "blind9": {"facts_f1": 0.87, "facts_precision": 0.90, "dedup_f1": 0.93, "mentions_aligned": 0.95, "lang_f1": 0.78},
}
# blind3 dedup_f1 was lowered from 0.90 to 0.85 when the fifth round moved one meta-analysis
# record's cell type (P-MSC for MSC) and the cluster check kept it apart: one pair of 22
pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared scorer not present")


@pytest.fixture(scope="module", params=sorted(SETS))
def gate_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    name = request.param
    docs, _ = SETS[name]
    if not docs.is_dir():
        pytest.skip(f"{name} set not present")
    out = tmp_path_factory.mktemp(f"{name}-run")
    pipeline.run(docs, out, use_cache=False)
    return name, out


def _scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_every_document_is_ok(gate_run: tuple[str, Path]) -> None:
    name, out = gate_run
    rows = _rows(out / "documents.jsonl")
    assert len(rows) == len(list(SETS[name][0].iterdir()))
    assert all(r["status"] == "ok" for r in rows), [r["doc_id"] for r in rows if r["status"] != "ok"]


def test_every_evidence_quote_matches_the_text(gate_run: tuple[str, Path]) -> None:
    _, out = gate_run
    texts = {r["doc_id"]: r["text"] for r in _rows(out / "documents.jsonl")}
    checked = 0
    for rec in _rows(out / "records.jsonl"):
        text = texts[rec["doc_id"]]
        evs = [i["evidence"] for k in ("cohort_sizes", "hba1c", "doses", "regimen", "follow_up") for i in rec[k]]
        evs += [e for es in rec["study"]["evidence"].values() for e in es]
        for ev in evs:
            assert text[ev["start"]:ev["end"]] == ev["quote"], (rec["record_id"], ev)
            checked += 1
    assert checked > 0


def test_scores_stay_above_their_floors(gate_run: tuple[str, Path]) -> None:
    name, out = gate_run
    res = _scorer().score(SETS[name][1], out)
    m = res["mentions"]
    got = {
        "facts_f1": res["facts"]["f1"],
        "facts_precision": res["facts"]["precision"],
        "dedup_f1": res["dedup"]["f1"],
        "mentions_aligned": m["aligned"] / max(1, m["gold"]),
        "lang_f1": min(d["f1"] for d in res["langs"].values()),
    }
    low = {k: (v, FLOORS[name][k]) for k, v in got.items() if v < FLOORS[name][k]}
    assert not low, f"{name}: scores below their floors (got, floor): {low}"
    # one record per study: the record count stays within 15 % of the gold mention count
    assert 0.85 <= m["predicted"] / max(1, m["gold"]) <= 1.15, m
