"""Generate the sample PDFs of the corpus (run from anywhere; output is deterministic).

    .venv/bin/python tools/make_corpus_pdfs.py

- ``pdf/en-adsc-t2d-two-column.pdf``: an English paper set in two columns (reading order).
- ``pdf/zh-msc-t1d-meta.pdf``: a simplified-Chinese meta-analysis, hard-wrapped lines
  (reportlab's built-in CID font STSong-Light: no font file needed, pdfplumber reads it back).
"""
from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

rl_config.invariant = 1  # no timestamps or random ids: the committed PDFs stay byte-stable

OUT = Path(__file__).resolve().parent.parent / "corpus" / "pdf"

EN_TITLE = ("Autologous adipose-derived mesenchymal stem cells in type 2 diabetes: "
            "a 24-month single-arm phase 2 trial")
EN_META = ("Priya Raman, Tomas Lindqvist, Wei Chen. Journal of Regenerative Endocrinology (fictional). "
           "Published 2022-10-04. doi:10.7781/jre.2022.1048. Trial registration: NCT04455667.")
EN_BODY = [
    ("Abstract", None),
    ("Background. Adipose tissue is an accessible source of mesenchymal stem cells (AD-MSCs). "
     "We assessed the safety and glycaemic effect of two infusions of autologous AD-MSCs in adults "
     "with type 2 diabetes on oral agents.", "p"),
    ("Methods. Thirty adults (18 men, 12 women) aged 40-65 years with type 2 diabetes for more than "
     "5 years and HbA1c between 7.5% and 10.0% were enrolled in this open-label, single-arm trial. "
     "After lipoaspiration, cells were expanded for three passages. Each participant received two "
     "intravenous infusions of 50-100 × 10^6 cells, 3 months apart, and was followed for 24 months.", "p"),
    ("Results. All 30 participants completed both infusions and 28 completed follow-up. HbA1c "
     "decreased from 8.3 ± 0.8% (67 ± 9 mmol/mol) at baseline to 7.4 ± 0.7% (57 ± 8 mmol/mol) at "
     "12 months and was 7.6 ± 0.9% at 24 months. Fasting C-peptide rose by 18%. Eleven participants "
     "(37%) reduced their oral medication. Transient fever occurred after 4 of 60 infusions.", "p"),
    ("Conclusions. Two infusions of autologous AD-MSCs were safe and were followed by a sustained "
     "fall in HbA1c. A randomized trial is warranted.", "p"),
    ("1. Introduction", "h"),
    ("Type 2 diabetes affects more than 460 million adults worldwide. Despite many drug classes, "
     "fewer than half of patients reach an HbA1c below 7%. Mesenchymal stem cells secrete "
     "anti-inflammatory factors and may improve insulin sensitivity. Earlier studies used umbilical "
     "cord or bone marrow cells; adipose tissue offers larger yields with a minimally invasive harvest.", "p"),
    ("2. Methods", "h"),
    ("2.1 Participants. Inclusion criteria were age 40-65 years, BMI 25-40 kg/m^2, HbA1c 7.5-10.0% "
     "and stable oral therapy for 3 months. Exclusion criteria included insulin use, eGFR below "
     "45 mL/min/1.73 m^2 and active malignancy.", "p"),
    ("2.2 Intervention. About 100 g of abdominal fat was aspirated under local anaesthesia. Cells "
     "were released enzymatically, expanded in xeno-free medium and released against identity, "
     "viability and sterility criteria. The first infusion was given 4 weeks after harvest and the "
     "second 3 months later.", "p"),
    ("2.3 Outcomes. The primary outcome was safety. Secondary outcomes were HbA1c, fasting glucose, "
     "C-peptide and HOMA-IR at 3, 6, 12, 18 and 24 months.", "p"),
    ("3. Results", "h"),
    ("Baseline characteristics are shown in Table 1. Mean age was 54 ± 7 years and diabetes duration "
     "9 ± 4 years. HbA1c fell at every visit after the second infusion (Figure 2). At 24 months, "
     "HbA1c remained 0.7 percentage points below baseline. No serious adverse event was related to "
     "the cells.", "p"),
    ("4. Discussion", "h"),
    ("The fall in HbA1c in this trial is smaller than that reported with umbilical cord cells in "
     "insulin-treated patients, but it was sustained for two years. Without a control group, "
     "regression to the mean and changes in lifestyle cannot be excluded.", "p"),
    ("References", "h"),
    ("1. Zhou H, Tan ML, Guo R, et al. Umbilical cord mesenchymal stromal cells for type 2 diabetes. "
     "Diabetes Metab J. 2024;48:215-227.", "p"),
    ("2. Example A, Example B. Adipose stem cells: a review. Stem Cells Int. 2019;2019:1-12.", "p"),
]

ZH_TITLE = "间充质干细胞治疗1型糖尿病疗效与安全性的Meta分析"
ZH_META = "作者:李某某 张某 黄某某  《中国组织工程研究》(示例) 2023年第27卷第5期  DOI:10.12307/2023.0519"
ZH_BODY = [
    ("摘要", "h"),
    ("目的:系统评价间充质干细胞(MSC)治疗1型糖尿病的疗效与安全性。方法:计算机检索PubMed、Embase、"
     "Cochrane图书馆、中国知网和万方数据库中截至2022年6月发表的随机对照试验和非随机对照试验,按纳入与排除"
     "标准筛选文献并提取数据,采用RevMan 5.4软件进行Meta分析。", "p"),
    ("结果:共纳入9项研究,合计412例1型糖尿病患者,其中干细胞组214例、对照组198例。Meta分析结果显示,与对照组"
     "相比,间充质干细胞治疗后患者HbA1c降低0.62%(95%CI:-0.91~-0.33),空腹C肽水平升高,每日胰岛素用量减少;"
     "两组不良反应发生率差异无统计学意义。亚组分析显示,随访时间超过12个月的研究疗效更为稳定。", "p"),
    ("结论:间充质干细胞治疗可改善1型糖尿病患者的血糖控制并保护残存胰岛功能,但纳入研究样本量较小,仍需"
     "高质量、大样本的随机对照试验进一步验证。", "p"),
    ("关键词:间充质干细胞;1型糖尿病;Meta分析;糖化血红蛋白", "p"),
    ("1 资料与方法", "h"),
    ("1.1 纳入标准 研究对象为确诊的1型糖尿病患者;干预措施为间充质干细胞(包括脐带、骨髓、脂肪来源)治疗,"
     "对照组为常规胰岛素治疗或安慰剂;结局指标包括HbA1c、空腹C肽和胰岛素用量。糖尿病控制目标参照指南定为"
     "HbA1c<7.0%。", "p"),
    ("1.2 统计学方法 连续变量采用加权均数差(WMD)及其95%可信区间表示,异质性检验采用I2统计量。", "p"),
]


def _two_column_en(path: Path) -> None:
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=9, leading=11.5)
    head = ParagraphStyle("head", parent=styles["Heading4"], fontSize=10, spaceBefore=4)
    title = ParagraphStyle("title", parent=styles["Title"], fontSize=15, leading=18)
    w, h = A4
    margin, gap = 18 * mm, 8 * mm
    col_w = (w - 2 * margin - gap) / 2
    title_h = 40 * mm
    first = [Frame(margin, h - margin - title_h, w - 2 * margin, title_h, id="title"),
             Frame(margin, margin, col_w, h - 2 * margin - title_h, id="left"),
             Frame(margin + col_w + gap, margin, col_w, h - 2 * margin - title_h, id="right")]
    later = [Frame(margin, margin, col_w, h - 2 * margin, id="left2"),
             Frame(margin + col_w + gap, margin, col_w, h - 2 * margin, id="right2")]
    doc = BaseDocTemplate(str(path), pagesize=A4, title=EN_TITLE, author="Sample corpus")
    doc.addPageTemplates([PageTemplate(id="first", frames=first, autoNextPageTemplate="later"),
                          PageTemplate(id="later", frames=later)])
    story = [Paragraph(EN_TITLE, title), Paragraph(EN_META, body), FrameBreak()]
    for text, kind in EN_BODY:
        story.append(Paragraph(text, head if kind in ("h", None) else body))
    doc.build(story)


def _chinese(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK",
                          firstLineIndent=21)
    head = ParagraphStyle("zhh", parent=body, fontSize=12, leading=20, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("zht", parent=body, fontSize=16, leading=24, alignment=1, firstLineIndent=0)
    meta = ParagraphStyle("zhm", parent=body, fontSize=9, alignment=1, firstLineIndent=0)
    doc = BaseDocTemplate(str(path), pagesize=A4, title=ZH_TITLE, author="Sample corpus")
    w, h = A4
    doc.addPageTemplates([PageTemplate(id="one", frames=[Frame(25 * mm, 25 * mm, w - 50 * mm, h - 50 * mm)])])
    story = [Paragraph(ZH_TITLE, title), Paragraph(ZH_META, meta), Spacer(1, 6 * mm)]
    for text, kind in ZH_BODY:
        story.append(Paragraph(text, head if kind == "h" else body))
    doc.build(story)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    _two_column_en(OUT / "en-adsc-t2d-two-column.pdf")
    _chinese(OUT / "zh-msc-t1d-meta.pdf")


if __name__ == "__main__":
    main()
