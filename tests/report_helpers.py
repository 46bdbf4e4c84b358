"""Helpers for the report tests: a large synthetic output folder and a headless Chromium."""
from __future__ import annotations

import atexit
import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator, Optional

CELLS = ["UC-MSC", "BM-MSC", "AD-MSC", "MSC", "islet", "ESC-islet", "HSC"]
DESIGNS = ["rct", "single_arm_trial", "observational", "case_report", "review", "meta_analysis"]
COUNTRIES = ["China", "United States", "India", "Iran", "Vietnam", "Japan"]
ZH_CELLS = {"UC-MSC": "脐带间充质干细胞", "BM-MSC": "骨髓间充质干细胞", "AD-MSC": "脂肪间充质干细胞",
            "MSC": "间充质干细胞", "islet": "胰岛", "ESC-islet": "干细胞来源胰岛", "HSC": "造血干细胞"}


def _ev(text: str, quote: str, extractor: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "extractor": extractor, "pattern": "synthetic"}


def synthetic_outputs(out: Path, n_studies: int, *, seed: int = 7) -> Path:
    """An output folder of ``n_studies`` studies (a third reported twice, in Chinese and English)."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    docs, recs, studies = [], [], []
    for i in range(n_studies):
        cell, design, country = rnd.choice(CELLS), rnd.choice(DESIGNS), rnd.choice(COUNTRIES)
        cond = rnd.choice(["T1D", "T2D"])
        n, before = rnd.randint(5, 400), round(rnd.uniform(7.0, 10.5), 1)
        after = round(before - rnd.uniform(0.3, 2.0), 1)
        sid = f"s-rec-{i:016x}"
        texts = [("en", f"Study {i:05d}: a trial in {country}.\n\nResearchers enrolled {n} patients with "
                        f"type {cond[1]} diabetes and gave {cell} cells. HbA1c fell from {before}% to {after}%. "
                        f"Follow-up lasted 12 months.\n")]
        if i % 3 == 0:
            texts.append(("zh", f"研究{i:05d}\n\n该研究共纳入{n}例{cond[1]}型糖尿病患者,输注{ZH_CELLS[cell]}。"
                                f"HbA1c从{before}%降至{after}%。随访12个月。\n"))
        rids = []
        for k, (lang, text) in enumerate(texts):
            doc_id = f"{lang}/study-{i:05d}.txt"
            rid = f"r-{i:08x}{k:08x}"
            rids.append(rid)
            docs.append({"doc_id": doc_id, "status": "ok", "lang": lang, "text": text, "title": None,
                         "n_records": 1, "same_content_as": [], "warnings": []})
            q_n = f"enrolled {n} patients" if lang == "en" else f"共纳入{n}例"
            q_h = f"HbA1c fell from {before}% to {after}%" if lang == "en" else f"HbA1c从{before}%降至{after}%"
            q_c = cell if lang == "en" else ZH_CELLS[cell]
            recs.append({
                "record_id": rid, "study_id": sid, "doc_id": doc_id, "lang": lang, "mention": [[0, len(text)]],
                "study": {"design": design, "condition": cond, "cell_types": [cell], "country": country,
                          "registry_ids": [], "aliases": [],
                          "evidence": {"cell_types": [_ev(text, q_c, "cell_type")],
                                       "condition": [_ev(text, "diabetes" if lang == "en" else "糖尿病", "condition")]}},
                "cohort_sizes": [{"n": n, "role": "total", "label": None, "evidence": _ev(text, q_n, "cohort")}],
                "hba1c": [{"before": before, "after": after, "change": None, "unit": "%", "timepoint_days": None,
                           "group": None, "evidence": _ev(text, q_h, "hba1c")}],
                "doses": [], "regimen": [], "follow_up": [], "warnings": [] if i % 50 else ["an arm larger than the total"]})
        ref = lambda v: [{"value": v, "record_ids": rids}]  # noqa: E731
        studies.append({"study_id": sid, "record_ids": rids,
                        "merged": {"study": {"design": ref(design), "condition": ref(cond), "cell_types": ref(cell),
                                             "country": ref(country)},
                                   "cohort_sizes": ref({"n": n, "role": "total", "label": None}),
                                   "hba1c": ref({"before": before, "after": after, "change": None, "unit": "%",
                                                 "timepoint_days": None, "group": None}),
                                   "doses": [], "regimen": [], "follow_up": []},
                        "conflicts": [] if i % 7 else [{"field": "n_total", "values": [
                            {"value": n, "record_ids": rids[:1]}, {"value": n + 1, "record_ids": rids[1:]}]}],
                        "links": [] if len(rids) < 2 else [{"a": rids[0], "b": rids[1], "score": 8.0,
                                                            "level": "fingerprint", "linked": True,
                                                            "signals": [{"name": "n_total", "score": 3.0}]}]})
    for name, rows in (("documents", docs), ("records", recs), ("studies", studies)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


_BIG: dict[int, tuple[Path, float]] = {}


def big_report(n: int = 10_000) -> tuple[Path, float]:
    """A synthetic output folder of ``n`` studies and its report, made once per test session:
    (output folder, seconds the report took to write)."""
    import time

    from extract.outputs import load
    from extract.report import write_report

    if n not in _BIG:
        root = Path(tempfile.mkdtemp(prefix=f"report-{n}-"))
        atexit.register(shutil.rmtree, root, True)
        out = synthetic_outputs(root, n)
        t0 = time.perf_counter()
        write_report(load(out), out / "report")
        _BIG[n] = (out, time.perf_counter() - t0)
    return _BIG[n]


# ---------------------------------------------------------------- browser

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1500,1000")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVERS = ("chromedriver",)
INSTALL_HINT = "install it with `bash tools/install-browser.sh` (apt-get install chromium chromium-driver)"


def find_browser() -> tuple[Optional[str], Optional[str], str]:
    """(browser path, driver path, why not) of a local Chromium and its driver."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return None, None, "selenium is not installed (pip install -e '.[test]')"
    browser = next((p for b in BROWSERS if (p := shutil.which(b))), None)
    driver = next((p for d in DRIVERS if (p := shutil.which(d))), None)
    if not browser or not driver:
        return browser, driver, f"no Chromium browser/driver on PATH: {INSTALL_HINT}"
    return browser, driver, ""


def chromium(browser: str, driver: str) -> Iterator[Any]:
    """A headless Chromium session with a fresh profile (generator: quit and clean up after)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="report-test-profile-")
    opts = webdriver.ChromeOptions()
    for a in (*CHROMIUM_ARGS, f"--user-data-dir={profile}"):
        opts.add_argument(a)
    opts.binary_location = browser
    drv = webdriver.Chrome(service=Service(driver), options=opts)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)
