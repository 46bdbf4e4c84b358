"""Synthetic study records with known duplicates, for the dedupe benchmark and tests.

Each synthetic *study* is reported by one or more *records* (mentions) in English, simplified or
traditional Chinese, with missing fields, typos, different subsets of numbers, near-variant
designs/cell types, enrolled-vs-analysed cohort sizes and occasional conflicting dates. Some
studies are "siblings": the same group, condition, cell type and cohort size but another year,
journal and DOI (a follow-up study) — the traps that must not be merged.

    from synth_records import make_records
    records, truth = make_records(1000, seed=1)   # truth: record_id -> study key
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from extract.models import CohortSize, Dose, Evidence, FollowUp, HbA1c, Record, Regimen, StudyMeta

EV = Evidence(quote="x", start=0, end=1)  # synthetic values need an evidence object; one is enough

CONDITIONS = ["T1D", "T2D", "T2D", "both"]
CELLS = ["UC-MSC", "BM-MSC", "AD-MSC", "P-MSC", "MSC", "BM-MNC", "UCB", "hAESC", "iPSC-islet",
         "ESC-islet", "HSC", "islet", "stem-cell-educator"]
GENERIC = {"UC-MSC": "MSC", "BM-MSC": "MSC", "AD-MSC": "MSC", "P-MSC": "MSC", "BM-MNC": "HSC"}
DESIGNS = ["rct", "rct", "controlled_trial", "single_arm_trial", "single_arm_trial", "observational",
           "case_report", "meta_analysis", "review", "preclinical"]
NEAR = {"rct": "controlled_trial", "controlled_trial": "rct", "single_arm_trial": "controlled_trial",
        "meta_analysis": "review"}
COUNTRIES = ["China", "United States", "Malaysia", "Vietnam", "Brazil", "Iran", "India", "Japan",
             "Germany", "Spain", "Egypt", "Turkey", "Korea", "Australia", "Canada"]

EN_CELL = {"UC-MSC": "umbilical cord mesenchymal stem cells", "BM-MSC": "bone marrow mesenchymal stromal cells",
           "AD-MSC": "adipose-derived stem cells", "P-MSC": "placental mesenchymal stem cells",
           "MSC": "mesenchymal stem cells", "BM-MNC": "bone marrow mononuclear cells",
           "UCB": "umbilical cord blood", "hAESC": "human amniotic epithelial stem cells",
           "iPSC-islet": "iPSC-derived islets", "ESC-islet": "stem cell-derived islets",
           "HSC": "hematopoietic stem cell transplantation", "islet": "islet transplantation",
           "stem-cell-educator": "stem cell educator therapy"}
ZH_CELL = {"UC-MSC": "脐带间充质干细胞", "BM-MSC": "骨髓间充质干细胞", "AD-MSC": "脂肪干细胞",
           "P-MSC": "胎盘间充质干细胞", "MSC": "间充质干细胞", "BM-MNC": "骨髓单个核细胞",
           "UCB": "脐带血", "hAESC": "人羊膜上皮干细胞", "iPSC-islet": "化学重编程诱导多能干细胞胰岛",
           "ESC-islet": "干细胞来源胰岛", "HSC": "自体造血干细胞移植", "islet": "胰岛移植",
           "stem-cell-educator": "干细胞教育疗法"}
EN_COND = {"T1D": "type 1 diabetes", "T2D": "type 2 diabetes", "both": "diabetes mellitus"}
ZH_COND = {"T1D": "1型糖尿病", "T2D": "2型糖尿病", "both": "糖尿病"}
EN_DESIGN = {"rct": "a randomized controlled trial", "controlled_trial": "a controlled clinical trial",
             "single_arm_trial": "a phase 1/2 single-arm study", "observational": "a retrospective cohort study",
             "case_report": "a case report", "meta_analysis": "a systematic review and meta-analysis",
             "review": "a narrative review", "preclinical": "a study in mice"}
ZH_DESIGN = {"rct": "随机对照试验", "controlled_trial": "对照临床研究", "single_arm_trial": "单臂临床试验",
             "observational": "回顾性队列研究", "case_report": "病例报告", "meta_analysis": "系统评价与荟萃分析",
             "review": "综述", "preclinical": "小鼠实验研究"}
EN_WORDS = ("long-term durable safety efficacy outcomes insulin independence glycemic control beta-cell "
            "function c-peptide preservation newly diagnosed adults children adolescents elderly obese "
            "multicenter single-center double-blind placebo repeated infusions intravenous intrapancreatic "
            "dual-route sequential combined liraglutide sitagliptin immunomodulation inflammation nephropathy "
            "retinopathy foot ulcer microvascular hypoglycemia unawareness brittle latent autoimmune "
            "insulin-dependent residual secretion metabolic memory pilot exploratory prospective "
            "five-year ten-year registry real-world").split()
ZH_CHARS = ("长期安全有效结局胰岛素脱离血糖控制功能肽保留新诊断成人儿童青少年老年肥胖多中心单双盲安慰剂"
            "重复输注静脉动脉联合序贯免疫调节炎症肾病视网膜足溃疡微血管低血糖脆性自身残余分泌代谢记忆"
            "探索前瞻真实世界随访观察评估改善疗效机制")
INSTITUTIONS = [("Sun Yat-sen University", "中山大学"), ("Chinese PLA General Hospital", "解放军总医院"),
                ("Peking Union Medical College Hospital", "北京协和医院"), ("Ruijin Hospital", "瑞金医院"),
                ("West China Hospital", "华西医院"), ("Vinmec International Hospital", "Vinmec国际医院"),
                ("University of Sao Paulo", "圣保罗大学"), ("Stanford University", "斯坦福大学"),
                ("University of Miami", "迈阿密大学"), ("Tianjin First Central Hospital", "天津市第一中心医院"),
                ("Nanjing Drum Tower Hospital", "南京鼓楼医院"), ("Royan Institute", "罗扬研究所")]
SYL = "ka lo ri ven tor mi sa del pho nex zi ra cu bel tan qui mor vel sin dra".split()


def _journals(rng: random.Random, n_unknown: int = 400) -> list[dict]:
    """The shipped table plus made-up journals it does not know (most journals are not in it)."""
    text = resources.files("extract").joinpath("data/journals.json").read_text(encoding="utf-8")
    known = json.loads(text)["journals"]
    unknown = []
    for i in range(n_unknown):
        w = _pseudo(rng).capitalize()
        topic = rng.choice(["Medicine", "Endocrinology", "Cell Therapy", "Regenerative Medicine", "Diabetes"])
        zh_topic = {"Medicine": "医学", "Endocrinology": "内分泌学", "Cell Therapy": "细胞治疗",
                    "Regenerative Medicine": "再生医学", "Diabetes": "糖尿病"}[topic]
        zh_name = "".join(rng.choice(ZH_CHARS) for _ in range(2))
        unknown.append({"id": f"x-{i}", "names": [f"{w} Journal of {topic}"],
                        "abbrev": [f"{w} J {topic.split()[0][:5]}"], "zh": [f"{zh_name}{zh_topic}杂志"]})
    return known + unknown


@dataclass
class SynthStudy:
    key: str
    condition: str
    cells: list[str]
    design: str
    n_total: int
    arms: list[int]
    n_studies: Optional[int]
    hba1c: list[tuple[float, float]]
    dose: Optional[tuple[float, float, bool]]
    infusions: Optional[int]
    interval: Optional[float]
    follow_up: Optional[float]
    date: tuple[int, int, int]
    journal: dict
    doi: Optional[str]
    pmid: Optional[str]
    registry: Optional[str]
    institution: tuple[str, str]
    country: str
    alias: Optional[str]
    title_en: str
    title_zh: str
    extra: dict = field(default_factory=dict)


def _pseudo(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3)))


def _titles(rng: random.Random, cond: str, cells: list[str], design: str) -> tuple[str, str]:
    words = rng.sample(EN_WORDS, 3)
    tag = _pseudo(rng)  # a made-up word keeps unrelated titles apart, as real titles are
    en = (f"{words[0].capitalize()} {words[1]} of {EN_CELL[cells[0]]} in {EN_COND[cond]} "
          f"({tag} {words[2]}): {EN_DESIGN[design]}")
    zh_words = "".join(rng.choice(ZH_CHARS) for _ in range(rng.randint(4, 7)))
    zh = f"{ZH_CELL[cells[0]]}治疗{ZH_COND[cond]}{zh_words}的{ZH_DESIGN[design]}"
    return en, zh


def make_study(rng: random.Random, key: str, journals: list[dict]) -> SynthStudy:
    """One random study."""
    cond = rng.choice(CONDITIONS)
    cells = [rng.choice(CELLS)]
    if rng.random() < 0.1:
        cells.append(rng.choice(CELLS))
    design = rng.choice(DESIGNS)
    if design == "case_report":
        n = rng.choice([1, 1, 1, 2, 3])
    elif design == "meta_analysis":
        n = rng.randint(150, 3000)
    else:
        n = max(3, int(rng.lognormvariate(3.6, 0.9)))
    arms = [n // 2, n - n // 2] if design in ("rct", "controlled_trial") and n >= 6 else []
    hba1c = [(round(rng.uniform(7.0, 11.0), 2), round(rng.uniform(5.8, 8.5), 2)) for _ in range(rng.randint(0, 2))]
    dose = None
    if rng.random() < 0.6:
        lo = rng.choice([1e6, 2e6, 1e7, 5e7, 1e8])
        dose = (lo, lo * rng.choice([1, 1, 2, 5]), lo < 1e7)
    y = rng.randint(2005, 2025)
    return SynthStudy(
        key=key, condition=cond, cells=cells, design=design, n_total=n, arms=arms,
        n_studies=rng.randint(5, 40) if design == "meta_analysis" else None,
        hba1c=hba1c, dose=dose,
        infusions=rng.choice([None, 1, 2, 3, 4]), interval=rng.choice([None, 7.0, 14.0, 28.0, 30.0]),
        follow_up=rng.choice([None, 84.0, 180.0, 336.0, 365.0, 730.0, float(rng.randint(30, 2500))]),
        date=(y, rng.randint(1, 12), rng.randint(1, 28)),
        journal=rng.choice(journals),
        doi=f"10.{rng.randint(1000, 99999)}/{_pseudo(rng)}.{rng.randint(10**5, 10**8)}" if rng.random() < 0.8 else None,
        pmid=str(rng.randint(10**7, 4 * 10**7)) if rng.random() < 0.6 else None,
        registry=(f"NCT0{rng.randint(10**6, 10**7 - 1)}" if rng.random() < 0.7 else f"ChiCTR{rng.randint(10**9, 10**10 - 1)}")
        if design in ("rct", "controlled_trial", "single_arm_trial") and rng.random() < 0.6 else None,
        institution=rng.choice(INSTITUTIONS) if rng.random() < 0.7 else (f"{_pseudo(rng).capitalize()} Medical Center", f"{_pseudo(rng)}医学中心"),
        country=rng.choice(COUNTRIES),
        alias=f"{_pseudo(rng)[:2].upper()}-{rng.randint(100, 999)}" if rng.random() < 0.15 else None,
        title_en="", title_zh="",
    )


def make_sibling(rng: random.Random, base: SynthStudy, key: str, journals: list[dict]) -> SynthStudy:
    """A different study by the same group: same condition, cells, design and n; other year, journal, DOI."""
    s = make_study(rng, key, journals)
    s.condition, s.cells, s.design, s.n_total, s.arms = base.condition, list(base.cells), base.design, base.n_total, list(base.arms)
    s.institution, s.country = base.institution, base.country
    s.date = (base.date[0] + rng.choice([-3, -2, 2, 3]), rng.randint(1, 12), rng.randint(1, 28))
    while s.journal["id"] == base.journal["id"]:
        s.journal = rng.choice(journals)
    return s


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 8:
        return text
    i = rng.randrange(len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


_S2T = None


def _trad(text: str) -> str:
    global _S2T
    if _S2T is None:
        import opencc
        _S2T = opencc.OpenCC("s2t")
    return _S2T.convert(text)


def make_mention(rng: random.Random, s: SynthStudy, rid: str, doc_id: str) -> Record:
    """One report of ``s`` with a random language, missing fields and variations."""
    lang = rng.choices(["en", "zh", "zh-Hant"], weights=[0.45, 0.4, 0.15])[0]
    zh = lang != "en"
    title = None
    if rng.random() < 0.75:
        if zh:
            title = s.title_zh if rng.random() < 0.85 else s.title_zh[:-2] + "研究"
            title = _trad(title) if lang == "zh-Hant" else title
        else:
            title = s.title_en if rng.random() < 0.7 else _typo(rng, s.title_en)
            if rng.random() < 0.2:
                title = title.upper()
    journal = None
    if rng.random() < 0.6:
        j = s.journal
        pool = (j.get("zh") or j["names"]) if zh else (j["names"] + j.get("abbrev", []))
        journal = rng.choice(pool)
        journal = _trad(journal) if lang == "zh-Hant" else journal
    y, m, d = s.date
    r = rng.random()
    if r < 0.45:
        pub = f"{y:04d}-{m:02d}-{d:02d}"
    elif r < 0.65:
        pub = f"{y:04d}-{m:02d}"
    elif r < 0.85:
        pub = f"{y:04d}"
    else:
        pub = None
    if pub and rng.random() < 0.05:
        pub = f"{y + 1:04d}"  # an online-first vs issue year conflict
    design = s.design if rng.random() < 0.7 else None
    if design and design in NEAR and rng.random() < 0.1:
        design = NEAR[design]
    cells = list(s.cells) if rng.random() < 0.8 else []
    if cells and cells[0] in GENERIC and rng.random() < 0.15:
        cells = [GENERIC[cells[0]]]
    meta = StudyMeta(
        title=title, journal=journal, pub_date=pub,
        doi=s.doi if s.doi and rng.random() < 0.5 else None,
        pmid=s.pmid if s.pmid and rng.random() < 0.3 else None,
        registry_ids=[s.registry] if s.registry and rng.random() < 0.4 else [],
        design=design, condition=s.condition if rng.random() < 0.85 else None,
        cell_types=cells,
        institution=(s.institution[1] if zh else s.institution[0]) if rng.random() < 0.4 else None,
        country=s.country if rng.random() < 0.4 else None,
        aliases=[s.alias] if s.alias and rng.random() < 0.7 else [],
    )
    cohorts = []
    if rng.random() < 0.7:
        n = s.n_total
        if n > 10 and rng.random() < 0.15:
            n -= rng.randint(1, max(1, n // 5))  # analysed, not enrolled
        cohorts.append(CohortSize(n=n, role="total", evidence=EV))
    if s.arms and rng.random() < 0.4:
        cohorts += [CohortSize(n=a, role="arm", evidence=EV) for a in s.arms]
    if s.n_studies and rng.random() < 0.6:
        cohorts.append(CohortSize(n=s.n_studies, role="studies_included", evidence=EV))
    hba1c = [HbA1c(before=b, after=a, evidence=EV) for b, a in s.hba1c if rng.random() < 0.5]
    doses = [Dose(cells_min=s.dose[0], cells_max=s.dose[1], per_kg=s.dose[2], evidence=EV)] \
        if s.dose and rng.random() < 0.4 else []
    regimen = []
    if (s.infusions or s.interval) and rng.random() < 0.4:
        regimen.append(Regimen(infusions=s.infusions, interval_days=s.interval, evidence=EV))
    follow = [FollowUp(days=s.follow_up, evidence=EV)] if s.follow_up and rng.random() < 0.5 else []
    return Record(record_id=rid, study_id="", doc_id=doc_id, lang=lang, study=meta, cohort_sizes=cohorts,  # type: ignore[arg-type]
                  hba1c=hba1c, doses=doses, regimen=regimen, follow_up=follow)


def _figures(rng: random.Random) -> list[str]:
    """A study's own quoted figures: the numbers every report of it copies from the source."""
    forms = [lambda: f"{rng.uniform(0.5, 60):.2f}%", lambda: f"{rng.uniform(1, 30):.1f}",
             lambda: f"{rng.randint(11, 97)}%", lambda: str(rng.randint(10, 400))]
    return [rng.choice(forms)() for _ in range(rng.randint(2, 6))]


def _noise(rng: random.Random) -> str:
    """A number any text might contain (common forms mostly)."""
    return rng.choice([str(rng.choice([12, 24, 30, 48, 52, 100])), f"{rng.choice([10, 20, 25, 50])}%",
                       str(rng.randint(10, 99)), f"{rng.uniform(1, 10):.1f}"])


def _mention_text(rng: random.Random, figures: list[str]) -> str:
    quoted = rng.sample(figures, rng.randint(0, len(figures)))
    nums = quoted + [_noise(rng) for _ in range(rng.randint(0, 4))]
    rng.shuffle(nums)
    return "研究显示 " + ",".join(f"指标{i}为{x}" for i, x in enumerate(nums)) + "。"


def make_records(n_records: int, *, seed: int = 0, sibling_rate: float = 0.1,
                 texts: Optional[dict[str, str]] = None) -> tuple[list[Record], dict[str, str]]:
    """About ``n_records`` records and the true study key of each record id.

    When ``texts`` is a dict it receives a text per document (doc_id -> text) and each record's
    ``mention`` points at its sentence there, quoting some of its study's figures among noise;
    the records are otherwise the same as without texts.
    """
    rng = random.Random(seed)
    journals = _journals(rng)
    studies: list[SynthStudy] = []
    plan: list[tuple[SynthStudy, int]] = []
    total = 0
    while total < n_records:
        key = f"S{len(studies):07d}"
        if studies and rng.random() < sibling_rate:
            s = make_sibling(rng, rng.choice(studies[-50:]), key, journals)
        else:
            s = make_study(rng, key, journals)
        s.title_en, s.title_zh = _titles(rng, s.condition, s.cells, s.design)
        k = min(rng.choices([1, 2, 3, 4, 5, 6], weights=[50, 25, 13, 6, 4, 2])[0], n_records - total)
        studies.append(s)
        plan.append((s, k))
        total += k
    mentions = [(s, i) for s, k in plan for i in range(k)]
    rng.shuffle(mentions)
    records: list[Record] = []
    truth: dict[str, str] = {}
    doc = 0
    in_doc: set[str] = set()
    for idx, (s, _) in enumerate(mentions):
        # documents hold 1-4 mentions of different studies (digest posts)
        if idx == 0 or rng.random() < 0.45 or s.key in in_doc:
            doc += 1
            in_doc = set()
        in_doc.add(s.key)
        rid = f"r-{idx:08d}"
        records.append(make_mention(rng, s, rid, f"doc-{doc:07d}.txt"))
        truth[rid] = s.key
    if texts is not None:
        _add_texts(records, {s.key: s for s in studies}, truth, texts, random.Random(seed + 1))
    return records, truth


def _add_texts(records: list[Record], studies: dict[str, SynthStudy], truth: dict[str, str],
               texts: dict[str, str], rng: random.Random) -> None:
    figures = {key: _figures(rng) for key in studies}
    parts: dict[str, list[str]] = {}
    for r in records:
        doc = parts.setdefault(r.doc_id, [])
        start = sum(len(p) for p in doc)
        sentence = _mention_text(rng, figures[truth[r.record_id]])
        doc.append(sentence)
        r.mention = [(start, start + len(sentence))]
    texts.update({d: "".join(p) for d, p in parts.items()})


def pairwise_prf(pred: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering (record id -> cluster id) against the truth."""
    from collections import Counter
    from math import comb
    both = Counter((pred[r], truth[r]) for r in truth)
    tp = sum(comb(c, 2) for c in both.values())
    pp = sum(comb(c, 2) for c in Counter(pred[r] for r in truth).values())
    tt = sum(comb(c, 2) for c in Counter(truth.values()).values())
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    return {"tp": tp, "pred_pairs": pp, "true_pairs": tt, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}
