"""Generate a synthetic corpus of realistic-length articles in zh, zh-Hant and en (for benchmarks)."""
from __future__ import annotations

import argparse
import random
from pathlib import Path

ZH_STUDY = (
    "{m}月{d}日,{inst}的研究人员在《{journal}》上发表了一项关于{cell}治疗{cond}的{design}。"
    "研究共纳入{n}名患者,治疗组{a}名、对照组{b}名,接受{k}次静脉输注,每{w}周一次,剂量为{lo}亿至{hi}亿个细胞。"
    "随访{fu}个月后,治疗组糖化血红蛋白从{h0}%降至{h1}%,平均下降{dh}%,空腹血糖亦明显改善。"
    "研究者指出,该疗法安全性良好,未观察到严重不良事件,但仍需更大规模的随机对照试验验证其长期疗效。"
)
ZH_FILLER = (
    "糖尿病是一种以慢性高血糖为特征的代谢性疾病,国际糖尿病联盟数据显示全球成人患者已超过5亿。"
    "间充质干细胞具有免疫调节和组织修复能力,被认为有望改善胰岛功能并减轻胰岛素抵抗。"
    "目前相关研究多处于早期临床阶段,患者应在正规医疗机构评估后决定是否参与临床研究。"
)
EN_STUDY = (
    "On {month} {d}, researchers at {inst_en} reported in {journal_en} a {design_en} of {cell_en} in {cond_en}. "
    "The trial enrolled {n} patients ({a} in the treatment group and {b} controls), who received {k} intravenous "
    "infusions {w} weeks apart at a dose of {lo}-{hi} x 10^8 cells. After {fu} months of follow-up, HbA1c fell "
    "from {h0}% to {h1}% in the treated group, a reduction of {dh} percentage points. No serious adverse events "
    "were attributed to the cells, and the authors call for larger randomized trials. "
)
EN_FILLER = (
    "Diabetes affects more than 500 million adults worldwide, and many patients cannot reach glycaemic targets "
    "with current drugs. Mesenchymal stromal cells modulate the immune system and may protect remaining beta "
    "cells, which has led to dozens of early-phase trials. Patients should discuss trial participation with "
    "their physicians. "
)
INST = ["某大学附属医院", "省人民医院内分泌科", "干细胞研究中心", "医学院再生医学研究所"]
INST_EN = ["a university hospital", "a regional diabetes centre", "a stem cell institute"]
JOURNAL = ["干细胞研究与治疗", "中华糖尿病杂志", "糖尿病护理"]
JOURNAL_EN = ["Stem Cell Research & Therapy", "Diabetes Care", "Stem Cells Translational Medicine"]
CELL = ["脐带间充质干细胞", "骨髓间充质干细胞", "脂肪间充质干细胞"]
CELL_EN = ["umbilical cord mesenchymal stem cells", "bone marrow mesenchymal stem cells"]
COND = ["2型糖尿病", "1型糖尿病"]
COND_EN = ["type 2 diabetes", "type 1 diabetes"]
DESIGN = ["随机双盲安慰剂对照试验", "单臂临床试验", "回顾性研究"]
DESIGN_EN = ["randomized placebo-controlled trial", "single-arm phase 1/2 trial", "retrospective registry study"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _values(rng: random.Random) -> dict[str, object]:
    a, b = rng.randint(10, 120), rng.randint(10, 120)
    h0 = round(rng.uniform(7.5, 10.5), 1)
    h1 = round(h0 - rng.uniform(0.3, 2.0), 1)
    lo = rng.randint(1, 5)
    return dict(m=rng.randint(1, 12), d=rng.randint(1, 28), month=rng.choice(MONTHS), n=a + b, a=a, b=b,
                k=rng.randint(1, 4), w=rng.choice([2, 4, 8]), lo=lo, hi=lo + rng.randint(1, 10),
                fu=rng.choice([6, 12, 24, 36]), h0=h0, h1=h1, dh=round(h0 - h1, 1),
                inst=rng.choice(INST), inst_en=rng.choice(INST_EN), journal=rng.choice(JOURNAL),
                journal_en=rng.choice(JOURNAL_EN), cell=rng.choice(CELL), cell_en=rng.choice(CELL_EN),
                cond=rng.choice(COND), cond_en=rng.choice(COND_EN), design=rng.choice(DESIGN),
                design_en=rng.choice(DESIGN_EN))


def article(rng: random.Random, lang: str, n_studies: int) -> str:
    """One article: background paragraphs around ``n_studies`` study paragraphs."""
    if lang == "en":
        parts = [EN_FILLER * 2] + [EN_STUDY.format(**_values(rng)) for _ in range(n_studies)] + [EN_FILLER]
        return "\n\n".join(parts)
    text = "\n\n".join([ZH_FILLER * 2] + [ZH_STUDY.format(**_values(rng)) for _ in range(n_studies)] + [ZH_FILLER])
    if lang == "zh-Hant":
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    return text


def generate(out: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles (a third per language, 1-4 studies each) and return the bytes written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        lang = ("zh", "zh-Hant", "en")[i % 3]
        data = article(rng, lang, rng.randint(1, 4)).encode("utf-8")
        (out / f"article-{i:05d}-{lang}.txt").write_bytes(data)
        total += len(data)
    return total


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=300)
    args = ap.parse_args()
    print(f"{generate(args.out, args.n)} bytes")
