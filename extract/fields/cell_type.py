"""Cell types (controlled vocabulary of the guideline): every type the study itself uses."""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from pydantic import BaseModel

from ..document import Document
from .base import FieldExtractor, Hit, Pattern, Span
from .context import (SELF_CUES, background_before, ascii_boundaries, compile_cues, in_reference, in_related_links, in_title,
                      flat_table_header, sentence_bounds, table_column_header, zp)
from ..rxcache import rx

_D = r"[-‐‑–\s]?"  # a hyphen of any kind, a space or nothing: "UC-MSC", "UC MSC", "UCMSC"
_GLUED = r"(?-i:(?![a-z0-9]))"  # the end of an abbreviation: a word boundary, or a glued capital ("MSCIntravenous")
# ... or a footnote marker glued to it in a flattened table ("MSCs3+insulin", "AHSCT7+insulin"): one
# digit that no other digit, decimal or "× 10" follows
_FOOTNOTE = r"(?=[1-9](?![\d.,]|\s*[×x]))"
_END = rf"(?-i:(?![a-z0-9])|{_FOOTNOTE})"
_WORD_END = rf"(?:(?![A-Za-z0-9])|{_FOOTNOTE})"   # a word boundary (no glued capital: "MSCT"), or a footnote


def _hy(word: str) -> str:
    """``word`` that may be broken by a line-end hyphen anywhere inside ("umbili-cal", "adipose-de-rived")."""
    return word[0] + "".join(r"(?:-\s?)?" + re.escape(c) for c in word[1:])


_UMBILICAL, _ADIPOSE, _DERIVED, _MESENCHYMAL = _hy("umbilical"), _hy("adipose"), _hy("derived"), _hy("mesenchymal")
_PLACENTA, _STROMAL = _hy("placenta"), _hy("stromal")
# "(iPSC)" after a source name; "分化而来的" / "来源的"; the islet product
_ABBR = r"(?:\s*\([^()]{1,16}\))?"
_FROM_ZH = r"(?:来源|衍生|分化|诱导分化|制成|制备|制作|培育|培养)(?:而来|得到|形成|而成|出)?的?"
# modifiers between the source and the islet noun: "胚胎干细胞来源、完全分化的胰岛细胞"
_MOD_ZH = r"(?:[、,]?[^,。;:\n]{0,8}?的)?"
_ISLET_ZH = r"(?:胰岛|β细胞|β样细胞|胰岛样细胞|胰岛素分泌细胞|可分泌胰岛素的)"
# "将iPS细胞分化为β样细胞团": the source turned into islet cells
_INTO_ZH = r"分化(?:为|成)[^,。;\n]{0,12}?(?:胰岛|β细胞|β样细胞|胰岛素分泌细胞)"
# "an islet cell therapy differentiated from human embryonic stem cells"
_ISLET_EN = (r"\b(?:islets?|islet cells?|islet tissue|beta(?:-like)? cells?|β(?:-like)? cells?|islet cell (?:therapy|product)|"
             r"insulin[- ](?:producing|secreting) cells?)\b[^.;]{0,30}?")
_FROM_EN = r"\b(?:differentiated|derived|generated|made|manufactured|produced|grown)\s+from\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,4}?"
# "stem cell-derived, fully differentiated pancreatic islet cell therapy": modifiers before the noun
_MOD_EN = r"(?:[,\s]+[\w-]+){0,4}?[,\s]+"
# "differentiated iPSCs into clusters of beta-like cells"
_INTO_EN = r"\s+into\s+[^.;]{0,30}?\b(?:islets?|beta|β|insulin[- ](?:producing|secreting))"
# Taiwan writes pluripotent as 多功能 ("誘導性多功能幹細胞"), Japan-influenced texts 人工多能性幹細胞
_IPSC_ZH = r"(?:(?:化学)?诱导[性型]?多(?:能|功能)干细胞|人工多能性?干细胞|\b(?:Ci|hi|i)PSCs?\b|\biPS\s*细胞)"
# reprogramming is what makes an iPSC: "自身细胞经化学重编程、再分化而成的胰岛", "reprogrammed stem cells"
_REPROG_ZH = r"重编程(?:的|后的)?(?:干)?(?:细胞)?[、,]?(?:再|后|并)?"
_REPROG_EN = r"(?:[\w'’-]+\s+){0,3}?reprogrammed\s+(?:stem\s+)?cells?\b"
# "(made) from embryonic stem cells", "以人类胚胎干细胞制成": a product whose islet noun is elsewhere
# (a donor line's article and kind may stand between: "manufactured from an allogeneic human embryonic stem cell line",
# "由同种异体人胚胎干细胞分化而来")
_MADE_FROM_EN = r"\b(?:made|derived|differentiated|manufactured|produced|generated|grown)\s+from\s+(?:(?:an?|the|human|pluripotent|allogeneic|allogenic|donor)\s+)*"
_MADE_FROM_ZH = r"(?:以|由|用|利用)(?:同种异体|异体)?(?:人类?)?"
_MADE_ZH = r"(?:为原料)?(?:分化)?(?:制成|制备|制作|培育而成|分化而成|分化(?:制备|而来))"

# MSC whose source is named after the cell noun: "MSCs grown from a sample of their own bone marrow",
# "从患者自身骨髓中提取的间充质干细胞", "间充质干细胞取自脐带". label -> (Chinese source, English source)
MSC_SOURCE_WORDS: dict[str, tuple[str, str]] = {
    "UC-MSC": (r"脐带|华通氏?胶", rf"{_UMBILICAL} cords?|Wharton'?s jelly|cord tissue"),
    "BM-MSC": (r"骨髓", r"(?:bone )?marrow"),
    "AD-MSC": (r"脂肪(?:组织)?", rf"{_ADIPOSE}(?: tissue)?|(?:abdominal |subcutaneous |body )?fat|lipoaspirates?"),
    "P-MSC": (r"胎盘|羊膜", rf"{_PLACENTA}s?|amnion|amniotic membranes?"),
}
# mesenchymal precursor/progenitor cells (MPCs) are MSC by the guideline
_MSC_NOUN_ZH = r"(?:间充质(?:干|基质|前体|祖)?细胞|间质干细胞|\bMSCs?\b)"
_MSC_NOUN_EN = rf"(?:\b{_MESENCHYMAL} (?:stem|{_STROMAL}|precursor|progenitor)(?:/stromal)? cells?|\bMSCs?)"
_FROM_VERB_EN = r"(?:derived|grown|isolated|harvested|expanded|obtained|taken|extracted|cultured|prepared|collected|sourced|manufactured)"
_FROM_ZH_LEAD = r"(?:从|取自|来自|来源于|源自|提取自|分离自)"
_TAKEN_ZH = r"(?:中|内)?(?:分离|提取|获取|采集|培养|制备)(?:出|得到|而来|而成)?"


def _msc_source_patterns() -> tuple[Pattern, ...]:
    """One pattern per sourced MSC type for a source named after the MSC noun (see MSC_SOURCE_WORDS)."""
    out: list[Pattern] = []
    for label, (zh, en) in MSC_SOURCE_WORDS.items():
        out.append(zp(f"{label}__from_zh",
                      rf"{_FROM_ZH_LEAD}[^,。;、()]{{0,8}}?(?:{zh})(?:{_TAKEN_ZH})?的?{_MSC_NOUN_ZH}"
                      rf"|(?<![、和或及])(?:{zh}){_TAKEN_ZH}的{_MSC_NOUN_ZH}"
                      rf"|{_MSC_NOUN_ZH}\s*[(,]?\s*(?:均|皆)?{_FROM_ZH_LEAD}[^,。;、()]{{0,8}}?(?:{zh})"
                      # "接受自体脂肪,间质干细胞治疗": the autologous source and the cell noun split by a comma
                      rf"|(?:自体|自身)(?:{zh})\s*[,、]\s*{_MSC_NOUN_ZH}", 1.0))
        out.append(zp(f"{label}__from_en",
                      rf"{_MSC_NOUN_EN}\s+(?:\([^()]{{1,12}}\)\s+)?(?:(?:that|which)\s+)?(?:(?:were|was|had been|are)\s+)?"
                      rf"(?:{_FROM_VERB_EN}\s+)?from\s+(?:[\w'’-]+\s+){{0,6}}?(?:{en})\b", 1.0))
    return tuple(out)


# sources coordinated before one MSC noun: "Umbilical Cord/Adipose-Derived Mesenchymal Stem Cells",
# "脐带和脂肪间充质干细胞" name two cell types (parse emits one hit per source); "bone marrow or
# fat" stays a list of options, and a third item before ("骨髓、脂肪和脐带…") makes a catalogue
_SRC_ZH = "|".join(zh for zh, _ in MSC_SOURCE_WORDS.values())
_SRC_EN = "|".join(en for _, en in MSC_SOURCE_WORDS.values())
_SOURCE_LABEL = [(label, rx(ascii_boundaries(f"{zh}|{en}"), re.I)) for label, (zh, en) in MSC_SOURCE_WORDS.items()]
COORD_PATTERNS: tuple[Pattern, ...] = (
    zp("coord__zh", rf"(?<![、和或及,])(?:{_SRC_ZH})(?:来源)?\s*(?:/|和|与|及|、)\s*(?:{_SRC_ZH})(?:来源的?|源性)?{_MSC_NOUN_ZH}", 1.0,
       examples=("患者分别接受脐带和脂肪间充质干细胞输注。",),
       traps=("骨髓、脂肪和脐带间充质干细胞均有报道。",)),
    zp("coord__en", rf"\b(?:{_SRC_EN})(?:{_D}{_DERIVED})?-?\s*(?:/|\band\b|&)\s*(?:{_SRC_EN})(?:{_D}tissue)?(?:{_D}{_DERIVED})?{_D}"
                    rf"(?:{_MESENCHYMAL}|{_STROMAL}|MSCs?\b|stem cells?)", 1.0,
       examples=("A trial of Umbilical Cord/Adipose-Derived Mesenchymal Stem Cells in Type 2 Diabetes enrolled 30 patients.",
                 "A study of umbilical cord- and adipose-derived mesenchymal stem cells enrolled 30 patients.")),
)

# stem-cell-derived islets whose stem cell is not named ("干细胞来源胰岛", "stem cell-derived islets",
# "islets grown from his own stem cells"): autologous ones are made by reprogramming (iPSC-islet);
# the others are no donor islets, whatever their source ("_sc_islet": decide drops donor islets
# for them and reports nothing else)
_AUTOLOGOUS = compile_cues((r"自体|自身|患者自己|本人的|重编程", r"\bautologous\b|\b(?:his|her|their|patients?['’]s?|the patient['’]s)\s+own\b|\breprogramm"))
AUTOLOGOUS_REACH = 80      # chars before the sentence where "自体"/"reprogrammed" still tells the source
_ISLET_NOUN_EN = (rf"(?:islets?|islet cells?|islet tissue|beta{_D}cells?|β{_D}cells?|(?:beta|β|islet){_D}like (?:cells?|clusters?|organoids?)"
                  rf"|insulin{_D}(?:producing|secreting) (?:cells?|clusters?|tissue|organoids?|spheroids?))")
SC_ISLET_PATTERNS: tuple[Pattern, ...] = (
    zp("scislet__zh", rf"(?<!间充质)(?<!造血)(?<!间质)(?<!胚胎)干细胞(?:[^,。;:\n]{{0,4}}?)(?:{_FROM_ZH}|诱导(?:分化)?(?:出|形成|而成)?的?)"
                      rf"(?:[^,。;:\n]{{0,8}}?){_ISLET_ZH}|(?:自体|自身)再生胰岛"
                      # islets made from the patient's own cells, or grown in a laboratory: made, not donated
                      # ("由自己血球细胞诱导而成的胰岛细胞": the own cells induced into islets)
                      rf"|(?:自体|自身|(?:患者|病人|他|她)?(?:自己|自身)的?)(?:[^,。;:\n]{{0,6}}?)细胞(?:{_FROM_ZH}|诱导(?:分化)?(?:出|形成|而成)的?)"
                      rf"[^,。;:\n]{{0,4}}?{_ISLET_ZH}"
                      rf"|实验室(?:里|中)?(?:培育|培养|制造|制备)(?:出|而成)?的{_ISLET_ZH}"
                      # the source named first: "源于干细胞的胰岛细胞", "來自幹細胞的胰島"
                      rf"|(?:源于|源自|来源于|来自)(?:其|患者|他|她)?(?:自体|自身|自己)?的?(?:人类?)?(?:多能)?干细胞的?{_ISLET_ZH}"
                      # the compound noun: "干细胞胰岛移植", "自體化學重編程幹細胞胰島"
                      rf"|(?<!间充质)(?<!造血)(?<!间质)干细胞胰岛(?!素)", 1.0,
       examples=("团队通过干细胞诱导的自体再生胰岛组织移植,治愈了一名病程18年的2型糖尿病患者。",
                 "2023年,团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植。",
                 "去年,他们为一位38岁的1型糖尿病女性移植了由她自身细胞制成的胰岛。",
                 "首位接受源于干细胞的胰岛细胞治疗的1型糖尿病患者已恢复胰岛素分泌。",
                 "首位接受源自幹細胞的胰島細胞治療的第1型糖尿病患者已恢復胰島素分泌。",
                 "一名1型糖尿病患者接受了自体化学重编程干细胞胰岛移植。",
                 "已有４位病人接受由自己血球細胞誘導而成的胰島細胞植入。", "已有4位病人接受由自己血细胞诱导而成的胰岛细胞植入。"),
       traps=("间充质干细胞来源的外泌体可改善胰岛功能。", "患者自身的胰岛细胞已被免疫系统破坏。",
              "来源于间充质干细胞的外泌体可改善胰岛功能。", "来源于干细胞的外泌体可保护胰岛。",
              "间充质干细胞胰岛共移植可改善移植效果。", "干细胞胰岛素分泌功能得到改善。")),
    zp("scislet__en", rf"\bstem{_D}cells?{_D}(?:{_DERIVED}|based|generated|grown|made|differentiated)\s+(?:[\w-]+\s+){{0,3}}?{_ISLET_NOUN_EN}\b"
                      rf"|\b{_ISLET_NOUN_EN}\s+(?:(?:that|which)\s+)?(?:(?:were|was|are|had been)\s+)?(?:grown|made|derived|generated|differentiated|produced|manufactured)\s+from\s+(?:[\w'’-]+\s+){{0,4}}?stem cells\b"
                      rf"|\b{_ISLET_NOUN_EN}\s+(?:(?:that|which)\s+)?(?:(?:were|was|are|had been)\s+)?(?:grown|made|derived|generated|produced)\s+from\s+"
                      rf"(?:his|her|their|(?:the|a) patient['’]s|patients['’])\s+own\s+(?:[\w-]+\s+){{0,2}}?cells\b"
                      # the tissue named without "cells": "insulin-producing cells made from their own blood"
                      rf"|\b{_ISLET_NOUN_EN}\s+(?:(?:that|which)\s+)?(?:(?:were|was|are|had been)\s+)?(?:grown|made|derived|generated|produced)\s+from\s+"
                      rf"(?:his|her|their|(?:the|a) patient['’]s|patients['’])\s+own\s+(?:blood|skin|fat|urine)\b(?!\s+(?:sugar|glucose|pressure|vessels?))"
                      rf"|\blab(?:oratory)?[- ](?:grown|made)\s+(?:[\w-]+\s+){{0,2}}?{_ISLET_NOUN_EN}\b"
                      # the compound noun: "stem cell islets", "stem-cell islet transplantation"
                      rf"|(?<!mesenchymal )(?<!hematopoietic )(?<!haematopoietic )\bstem[- ]cell islets?\b", 1.0,
       examples=("A 47-year-old man has stayed off insulin after receiving islets grown from his own stem cells.",
                 "Surgeons transplanted islets made from her own blood cells into a 38-year-old woman.",
                 "This spring the surgeons transplanted the lab-grown islets into a 52-year-old man.",
                 "Four adults with type 1 diabetes have received insulin-producing cells made from their own blood."),
       traps=("Her own islet cells had been destroyed by the immune system.",
              "Islet cells made from their own blood sugar readings were counted.")),
)

# a chain of steps, possibly across clauses and sentences: reprogramming (or the iPSC / ESC named)
# first, then the cells differentiated into islets ("把皮肤成纤维细胞重编程成iPSC,随后定向诱导出可分泌
# 胰岛素的细胞团", "turned a patient's skin cells into stem cells and then coaxed them into
# insulin-producing cells"); the reach is bounded, so the scan stays linear
CHAIN_REACH = 160
# (the verb may be quoted and the cells named a clause before: "获取她的脂肪间质细胞，用小分子化合物将其“逆转”为多能干细胞")
_REPROG_SRC_ZH = (r"重编程|(?:皮肤|血液?|体|成纤维|脂肪)(?:间质)?细胞(?:[^,。;]{0,6}?|[^。;]{0,20}?将其)[“\"「]?(?:变|转化|转变|逆转|诱导)[”\"」]?"
                  r"(?:为|成)(?:多能)?干细胞")
_REPROG_SRC_EN = (r"\breprogramm\w*|\b(?:turned|converted|reverted|transformed|changed)\s+(?:[\w'’]+\s+){0,3}?(?:skin|blood|fat|body)\s+cells\s+(?:back\s+)?into\s+(?:(?:pluripotent|embryonic-like)\s+)?stem cells"
                  r"|\b(?:skin|blood|fat)\s+cells\s+(?:were\s+)?(?:turned|converted|reverted|transformed)\s+(?:back\s+)?into\s+(?:pluripotent\s+)?stem cells")
_DIFF_ISLET_ZH = rf"(?:分化|诱导|培育|制备|形成|培养)(?:出|成|为|形成|制备出)?[^,。;\n]{{0,12}}?{_ISLET_ZH}"
# (the verb of a news story too: "steered those cells into clusters that behave like pancreatic islets")
_DIFF_ISLET_EN = (rf"\b(?:coaxed|differentiated|turned|developed|matured|grew|grown|made|directed|converted|guided|programmed|"
                  rf"steered|nudged|pushed|induced|transformed)\s+(?:(?:them|these|those|it|the)(?:\s+(?:stem\s+)?cells)?\s+)?"
                  rf"into\s+(?:[\w-]+\s+){{0,5}}?{_ISLET_NOUN_EN}")
CHAIN_PATTERNS: tuple[Pattern, ...] = (
    zp("iPSC-islet__chain_zh", rf"(?:{_REPROG_SRC_ZH}|{_IPSC_ZH})[^\n]{{0,{CHAIN_REACH}}}?{_DIFF_ISLET_ZH}", 0.8,
       examples=("团队先把患者的皮肤成纤维细胞重编程成iPSC,随后定向诱导出可分泌胰岛素的细胞团并回输给一名34岁1型糖尿病女性。",)),
    zp("iPSC-islet__chain_en", rf"(?:{_REPROG_SRC_EN}|\binduced pluripotent stem cells?|\biPSCs?\b)[^\n]{{0,{CHAIN_REACH}}}?{_DIFF_ISLET_EN}", 0.8,
       examples=("Doctors turned a patient's skin cells into stem cells and then coaxed them into insulin-producing cells.",
                 "The team reprogrammed the blood cells into induced pluripotent stem cells (iPSCs), and over about four "
                 "months steered those cells into clusters that behave like pancreatic islets."),
       traps=("The team reprogrammed skin cells into iPSCs to model the disease; donor islets were transplanted.",)),
    # the patient's own body cells turned straight into islets, the stem-cell step unnamed ("在体外将患者的皮肤细胞
    # 诱导成胰岛细胞", "reprogrammed the patient's own fat cells in the lab into islet-like clusters")
    zp("iPSC-islet__direct_zh", rf"(?:皮肤|血液?|体|成纤维|脂肪|尿液?|自体|自身)细胞[^,。;\n]{{0,10}}?(?:重编程|诱导|转化|转变|变)(?:成|为|形成)"
                               rf"[^,。;\n]{{0,8}}?{_ISLET_ZH}", 0.8,
       examples=("研究人员在体外将患者的皮肤细胞诱导成胰岛细胞,再移植给一名39岁1型糖尿病女性。",
                 "研究人員在體外將患者的皮膚細胞誘導成胰島細胞,再移植給一名39歲第1型糖尿病女性。",
                 "团队把一名1型糖尿病患者的脂肪细胞重编程为可分泌胰岛素的细胞团并回输。"),
       traps=("脂肪细胞对胰岛素的敏感性下降。", "研究人员将供体胰岛细胞移植给一名1型糖尿病患者。")),
    zp("iPSC-islet__direct_en", rf"\b(?:reprogramm\w*|turned|converted|transformed)\s+(?:[\w'’]+\s+){{0,4}}?(?:skin|blood|fat|body|somatic)"
                               rf"\s+cells\s+(?:[\w'’]+\s+){{0,4}}?into\s+(?:[\w-]+\s+){{0,3}}?{_ISLET_NOUN_EN}", 0.8,
       examples=("Researchers reprogrammed the patient's own fat cells in the lab into islet-like clusters and implanted "
                 "them in a 25-year-old woman with type 1 diabetes.",
                 "The team converted a patient's skin cells directly into insulin-producing cells and transplanted them."),
       traps=("Fat cells became resistant to insulin in the 30 patients with type 2 diabetes.",)),
    zp("ESC-islet__chain_zh", rf"胚胎干细胞[^\n]{{0,{CHAIN_REACH}}}?{_DIFF_ISLET_ZH}", 0.8,
       examples=("该公司从人类胚胎干细胞出发,经过七个阶段,最终分化出成熟的胰岛细胞。",)),
    zp("ESC-islet__chain_en", rf"\b(?:embryonic stem cells?|hESCs?\b)[^\n]{{0,{CHAIN_REACH}}}?{_DIFF_ISLET_EN}", 0.8),
)

# pattern name prefix (before "__") -> cell type label
CELL_PATTERNS: tuple[Pattern, ...] = _msc_source_patterns() + COORD_PATTERNS + SC_ISLET_PATTERNS + CHAIN_PATTERNS + (
    # umbilical cord MSC (incl. Wharton's jelly)
    zp("UC-MSC__zh", r"脐带(?:来源的?|源性?)?(?:华通氏?胶)?(?:来源的?)?(?:间充质|间质|充质|MSC)|华通氏?胶(?:来源的?)?(?:间充质|MSC|干细胞)?|脐带干细胞", 1.0),
    zp("UC-MSC__en", rf"\b{_UMBILICAL}{_D}cord(?:{_D}(?:tissue|{_DERIVED}))*{_D}(?:{_MESENCHYMAL}|MSCs?|{_STROMAL}|stem cells?)|\bWharton'?s{_D}jelly|\bWJ{_D}MSCs?{_WORD_END}", 1.0,
       examples=("Hu, 2013 [9] China 15/14 E 6/9 WJ-MSCs5+insulin (twice, 4 weeks interval) IV",)),
    # a table flattened with its cells glued ("AD-MSCIntravenous injection"): the hyphenated source
    # abbreviation may run straight into the next cell's capital
    zp("UC-MSC__abbr", rf"\bh?UC{_D}MSCs?{_END}|\bhucMSCs?{_WORD_END}|\bUCMSCs?{_WORD_END}", 1.0, 0),
    # bone marrow MSC
    zp("BM-MSC__zh", r"骨髓(?:来源的?|源性?)?(?:间充质|间质|基质)(?:干细胞|细胞|MSC)?", 1.0),
    zp("BM-MSC__en", rf"\bbone{_D}marrow(?:{_D}{_DERIVED})?{_D}(?:{_MESENCHYMAL}|{_STROMAL}|MSCs?\b)|\bmarrow stromal", 1.0),
    zp("BM-MSC__abbr", rf"\b[ah]?BM{_D}MSCs?{_END}|\bBMSCs?{_WORD_END}", 1.0, 0),
    # adipose MSC
    zp("AD-MSC__zh", r"脂肪(?:组织)?(?:来源的?|源性?)?(?:间充质|间质|基质|干细胞)", 1.0),
    zp("AD-MSC__en", rf"\b{_ADIPOSE}(?:{_D}tissue)?(?:{_D}{_DERIVED})?{_D}(?:{_MESENCHYMAL}|{_STROMAL}|stem|MSCs?\b)", 1.0,
       examples=("Patients received adipose-de-rived mesenchymal stem cells.",)),
    zp("AD-MSC__abbr", rf"\b[ah]?AD{_D}MSCs?{_END}|\bADSCs?{_WORD_END}|\bAT{_D}MSCs?{_WORD_END}", 1.0, 0,
       examples=("Zhang, 2016 [7] China 16/17 E 7/9 ADMSCs6+insulin IV 1 × 107 6, 12, 24",)),
    # placenta / amnion MSC
    zp("P-MSC__zh", r"胎盘(?:来源的?|源性?)?(?:间充质|间质|干细胞|MSC)|羊膜(?:来源的?)?间充质", 1.0),
    zp("P-MSC__en", rf"\b{_PLACENTA}(?:l)?(?:{_D}{_DERIVED})?{_D}(?:{_MESENCHYMAL}|MSCs?|stem)|\bamni(?:otic|on)(?:{_D}membrane)?{_D}(?:derived{_D})?mesenchymal", 1.0),
    zp("P-MSC__abbr", rf"\bh?P{_D}MSCs?{_END}|\bhAMSCs?{_WORD_END}", 1.0, 0),
    # MSC, source not stated (dropped by decide when a sourced MSC type is present)
    zp("MSC__zh", r"(?<!脐带)(?<!骨髓)(?<!脂肪)(?<!胎盘)(?<!来源)(?<!来源的)(?:间充质(?:干细胞|基质细胞|干/基质细胞|前体细胞|祖细胞)|间质干细胞)|間充質", 0.8),
    zp("MSC__en", rf"\b{_MESENCHYMAL} (?:stem|{_STROMAL}|precursor|progenitor)(?:/stromal)? cells?\b", 0.8,
       examples=("Allogeneic mesenchymal precursor cells were infused in 61 patients.",)),
    zp("MSC__abbr", rf"(?<![-‐A-Za-z])MSCs?{_WORD_END}", 0.8, 0,
       examples=("Carlsson, 2015 [16] Sweden 10/10 E 1/8 MSCs3+insulin IV9 2.75 × 106",),
       traps=("Dr. Chen holds an MSc in biology.", "MSC2 × 10^6 cells")),
    # bone marrow mononuclear cells
    zp("BM-MNC__zh", r"骨髓单个?核细胞|(?<!血)单个核细胞|骨髓干细胞\s*\(\s*(?:BM)?MNCs?\s*\)", 1.0),
    zp("BM-MNC__en", rf"\bbone{_D}marrow(?:{_D}derived)?{_D}mononuclear|(?<![A-Za-z0-9])a?BM{_D}MNCs?{_END}|(?<![-‐A-Za-z])MNCs?{_WORD_END}", 1.0,
       examples=("Okafor et al. [22]BM-MNCIntra-arterial injection1 × 10^8 cellsTwice12 months",
                 "Cai, 2016 [8] China 21/21 E11 12/9 aBM-MNCs1+UC-MSCs2+insulin Via dorsal pancreatic artery")),
    # umbilical cord blood
    zp("UCB__zh", r"脐(?:带)?血", 1.0),
    zp("UCB__en", rf"\b(?:umbilical{_D})?cord{_D}blood\b|\bh?UCBs?\b", 1.0),
    # amniotic epithelial stem cells
    zp("hAESC__zh", r"羊膜上皮(?:干)?细胞", 1.0),
    zp("hAESC__en", rf"\bh?AES?Cs?\b|\bamniotic{_D}epithelial", 1.0),
    # stem-cell-derived islets
    # "iPS细胞胰岛移植": the source noun straight before the islet noun is one compound
    zp("iPSC-islet__zh", rf"{_IPSC_ZH}{_ABBR}(?:{_FROM_ZH}{_MOD_ZH}{_ISLET_ZH}|{_INTO_ZH}|胰岛|β细胞)", 1.0),
    zp("iPSC-islet__en", rf"\b(?:c|h)?iPSC?s?{_D}derived{_D}(?:islets?|beta|β|pancreatic)"
                         rf"|\b(?:c|h)?iPSC?s?(?:{_D}cells?)?{_D}(?:islets?|beta[- ]cells?|β[- ]cells?)\b"
                         rf"|\binduced pluripotent stem cell{_D}derived{_D}(?:islets?|beta|β)"
                         rf"|\b(?:c|h)?iPSC?s?{_D}derived{_MOD_EN}(?:islets?|beta|β|pancreatic)"
                         rf"|{_ISLET_EN}{_FROM_EN}(?:(?:human|chemically)\s+)?(?:induced pluripotent stem cells?|iPSCs?\b)"
                         rf"|\bdifferentiated\s+(?:human\s+)?(?:induced pluripotent stem cells|iPSCs?\b){_INTO_EN}"
                         rf"|{_ISLET_EN}{_FROM_EN}{_REPROG_EN}", 1.0),
    # islets named by the reprogramming that made them: "自体来源化学重编程胰岛移植", "chemically reprogrammed islets"
    zp("iPSC-islet__reprogrammed_islet", rf"重编程(?:的|后的)?(?:{_ISLET_ZH})(?!素)"
                                         rf"|\breprogrammed\s+(?:(?:autologous|human|stem[\s-]cell)\s+)?(?:islets?|islet\s+cells?|beta[\s-]cells?)\b", 0.9,
       examples=("中国团队的自体来源化学重编程胰岛移植患者在移植后3个月内停用胰岛素。",
                 "該團隊的自體化學重編程胰島細胞移植使一名患者停用胰島素。",
                 "A woman with type 1 diabetes received chemically reprogrammed islets and stopped insulin."),
       traps=("研究人员尝试重编程胰岛素基因的表达。",)),
    zp("iPSC-islet__zh_reprog", rf"{_REPROG_ZH}{_FROM_ZH}{_MOD_ZH}{_ISLET_ZH}", 1.0),
    # "经化学诱导重编程获得的多能干细胞,分化制备出功能性胰岛细胞": reprogrammed pluripotent cells turned into islets
    zp("iPSC-islet__zh_reprog_pluri", rf"重编程[^,。;\n]{{0,8}}?多能干细胞[,、]?[^。;\n]{{0,4}}?"
                                      rf"(?:{_INTO_ZH}|分化(?:制备|形成|培育)?(?:出|成|为)?[^,。;\n]{{0,8}}?{_ISLET_ZH})", 1.0),
    # the islet noun elsewhere (dropped by validate when the sentence names MSC: iPSC-derived MSC)
    zp("iPSC-islet__made_from", rf"{_MADE_FROM_EN}(?:induced pluripotent stem cells?|iPSCs?\b)|{_MADE_FROM_ZH}{_IPSC_ZH}{_MADE_ZH}", 0.7),
    zp("ESC-islet__zh", rf"胚胎干细胞{_ABBR}(?:{_FROM_ZH}{_MOD_ZH}(?:{_ISLET_ZH}|胰腺)|{_INTO_ZH}|胰岛|β细胞)"
                        rf"|\bh?ESCs?\b{_ABBR}(?:{_FROM_ZH}{_MOD_ZH}(?:{_ISLET_ZH}|胰腺)|{_INTO_ZH})", 1.0),
    zp("ESC-islet__en", rf"\b(?:h)?ESC{_D}derived{_D}(?:islets?|beta|β|pancreatic)|\bembryonic stem cell{_D}derived{_D}(?:islets?|beta|β|pancreatic)"
                        rf"|\b(?:h?ESC|embryonic stem cell){_D}derived{_MOD_EN}(?:islets?|beta|β|pancreatic)"
                        rf"|{_ISLET_EN}{_FROM_EN}(?:human\s+)?(?:embryonic stem cells?|h?ESCs?\b)"
                        rf"|\bdifferentiated\s+(?:human\s+)?(?:embryonic stem cells|h?ESCs?\b){_INTO_EN}", 1.0),
    zp("ESC-islet__made_from", rf"{_MADE_FROM_EN}(?:embryonic stem cells?|h?ESCs?\b)|{_MADE_FROM_ZH}胚胎干细胞{_MADE_ZH}", 0.7,
       examples=("BRS-112 is manufactured from an allogeneic human embryonic stem cell line.", "该产品由同种异体人胚胎干细胞分化而来。",
                 "該產品由同種異體人胚胎幹細胞分化而來。"),
       traps=("Unlike products made from donor pancreases, the cells are grown in culture.",)),
    # haematopoietic stem cells; CD34+ cells and mobilised peripheral-blood stem cells are haematopoietic
    # (a bare "CD34+细胞"/"CD34+ cells" is also a marker in an MSC product's quality control)
    zp("HSC__zh", r"造血干细胞|CD34\s*\+\s*(?:阳性)?(?:造血)?干细胞|(?:自体|异体)CD34\s*\+\s*细胞|外周血(?:造血)?干细胞", 1.0,
       examples=("患者接受自体外周血CD34+干细胞移植。", "患者接受自體外周血幹細胞移植。"),
       traps=("细胞表面标志物CD73、CD90阳性,CD34+细胞比例低于2%。",)),
    zp("HSC__en_cd34", r"\bCD34\s*\+\s*(?:(?:hematopoietic|haematopoietic)\s+)?(?:stem|progenitor)\s+cells?\b|\bCD34\s*\+[- ](?:selected|enriched)\s+cells?\b"
                       r"|\b(?:autologous|allogeneic|mobili[sz]ed)\s+CD34\s*\+\s*cells?\b|\bperipheral[- ]blood stem cells?\b|\bPBSCs?\b", 1.0,
       examples=("Patients received autologous CD34+ cells mobilized from peripheral blood.",),
       traps=("The MSC product contained fewer than 2% CD34+ cells.",)),
    # other named stem-cell sources: dental pulp, exfoliated deciduous teeth, menstrual blood, endometrium
    zp("other__source", r"牙髓干细胞|乳牙干细胞|经血干细胞|子宫内膜干细胞|\bdental[- ]pulp stem cells?\b|\bDPSCs?\b|\bSHED\b"
                        r"|\bstem cells from (?:human )?exfoliated deciduous teeth\b|\bmenstrual[- ]blood(?:[- ]derived)? stem cells?\b|\bendometrial stem cells?\b", 1.0,
       examples=("研究纳入20例患者,接受牙髓干细胞静脉输注。", "Patients received dental pulp stem cells intravenously.")),
    zp("HSC__en", rf"\bha?ematopoietic stem\b|\ba?HSCT?s?{_WORD_END}|\bAHSCT?{_WORD_END}|\bAHST\b", 1.0,
       examples=("Gu, 2018 [20] China 20/20 E 7/13 AHSCT7+insulin IV NA 3, 6, 12", "Ghodsi, 2012 [10] Iran 13/17 E 6/7 HSCs4+insulin IV")),
    # donor islets: mostly background, so scored low unless a donor/treatment context lifts them
    zp("islet__zh", r"(?<!干细胞来源的)(?<!衍生的)(?<!供体)(?<!异体)胰岛(?:细胞)?移植", 0.5,
       examples=("1893-2005年全世界共有1154名患者接受胰岛移植。",)),
    zp("islet__zh_allo", r"供体胰岛(?:细胞)?|(?:同种)?异体胰岛", 0.5),
    # "捐赠者iPS细胞制成的胰岛细胞" are donor stem cells, not donor islets
    zp("islet__zh_donor", r"(?:供体|供者|捐赠者?|捐献者?|遗体|尸体|脑死亡)(?:(?!干细胞|iPS|PSC|ES细胞)[^,。;]){0,12}?胰岛(?:细胞)?", 0.5),
    # ("donated human pancreatic islets", "deceased-donor human islets": the islets' own words may stand between)
    zp("islet__en_donor", rf"\b(?:donor|donated|cadaveric|deceased{_D}donor|allogeneic){_D}(?:(?:human|pancreatic){_D}){{0,2}}islets?\b", 0.5,
       examples=("Three of the four women given donated human pancreatic islets in Leeds were off insulin within a year.",),
       traps=("Donated kidneys and pancreatic tissue were used; stem cell-derived islets were implanted.",)),
    zp("islet__en", rf"(?<!derived )(?<!donor )(?<!cadaveric )(?<!allogeneic )\bislet(?:{_D}cells?)?{_D}(?:transplant(?:ation)?s?|allotransplant|grafts?|infusions?)\b", 0.5,
       examples=("A 44-year-old woman with type 1 diabetes underwent islet cell transplantation twice.",)),
    # primary islet cells come from a donor pancreas ("an allogeneic primary islet cell therapy")
    zp("islet__en_primary", r"\bprimary\s+(?:human\s+)?(?:pancreatic\s+)?islet(?:\s+cells?|s)?\b", 0.8,
       examples=("HIP-engineered primary pancreatic islet cells were transplanted into a patient.",)),
    # islets given as the study's treatment, without the word donor: islets co-transplanted with other
    # cells, islets counted as a dose (a count alone is also how reviews state a threshold: it needs the
    # sentence to show the islets given), islet cells put into a patient, gene-edited islets ("UP421")
    zp("islet__cotransplant_zh", rf"(?:与|和|及|同|加|联合)(?:\d+\s*(?:个|块)?)?胰岛(?:细胞)?(?:联合|共同|同时|序贯|共)?移植(?![^,。;]{{0,6}}?(?:相比|比较))"
                                 rf"|胰岛(?:细胞)?(?:与|和|及)[^,。;]{{0,16}}?(?:联合|共同|同时|序贯)移植", 0.8,
       examples=("该研究将间充质干细胞与胰岛细胞联合移植给20名1型糖尿病患者。", "脐带间充质干细胞(UCMSCs)与胰岛细胞联合移植对胰岛活性的影响。",
                 "醫師為患者進行胰島與骨髓幹細胞同時移植。"),
       traps=("与胰岛移植相比,该方法无需供体。", "和胰島移植相比,幹細胞治療無需終身服藥。")),
    zp("islet__cotransplant_en", rf"\bco-?transplant(?:ation|ed|ing)?\s+(?:of\s+)?(?:[\w-]+\s+){{0,6}}?(?:with|and|plus)\s+(?:(?:human|donor|allogeneic|pancreatic)\s+)*islets?\b"
                                 rf"|\bislets?(?:\s+cells?)?\s+(?:were\s+|was\s+)?co-?transplanted\b"
                                 rf"|(?:sequential|simultaneous|combined|joint)\s+transplantation\s+of\s+(?:[\w-]+\s+){{0,6}}?(?:and|with|plus)\s+(?:pancreatic\s+)?islets?(?:\s+cells?)?\b", 0.8,
       examples=("Co-transplantation of mesenchymal stem cells with islets was performed in 20 patients with type 1 diabetes.",
                 "Effectiveness of using sequential transplantation of umbilical cord stem cells and pancreatic islet cells to treat diabetes in children.",
                 "Islets were co-transplanted with MSCs under the kidney capsule of diabetic mice."),
       traps=("Unlike islet transplantation, MSC therapy needs no immunosuppression.",)),
    zp("islet__counted", r"\b\d[\d,.]*\s*IEQs?\b|\bislet equivalents?\b|胰岛当量|(?<![\d.万亿])\d{2,6}\s*(?:个|块)胰岛(?:细胞)?(?=[^,。;]{0,8}?移植)", 0.5,
       examples=("Each patient received 5,000 IEQ/kg into the portal vein.", "(1)500个胰岛移植组; (2)UCMSCs组"),
       traps=("人体胰腺中约有100万个胰岛,移植后功能恢复。",)),
    # ("将干细胞分化的胰岛细胞植入" and "transplanted stem cell-derived islets" are not donor islets)
    zp("islet__zh_into", r"(?:将|把)(?:(?!干细胞|iPS|PSC|ES细胞|重编程|诱导|分化|再生|类器官|制成|制备|培育|培养)[^,。;]){0,16}?胰岛(?:细胞)?"
                         r"(?:植入|注入|输入|(?:移植|注射|输注|回输)(?:到|至|进|入|给|回|于))", 0.8,
       examples=("科学家们首次成功将经过基因编辑的胰岛细胞植入患者体内。", "醫師將經過基因改造的胰島細胞移植到一名第1型糖尿病男性的手臂肌肉。"),
       traps=("研究团队将干细胞分化的胰岛细胞植入患者前臂。", "将胰岛移植纳入医保后,手术量明显增加。")),
    # "the transplanted islets": also said of islets in general ("MSC可保护移植的胰岛"), so scored like any
    # islet mention: the sentence must show them given here
    zp("islet__transplanted", r"(?:移植|植入|输注)(?:后)?的(?:(?!干细胞|iPS|PSC)[^,。;]){0,6}?胰岛(?:细胞)?(?![^,。;]{0,8}?(?:干细胞|iPS|PSC))"
                              r"|\btransplanted\s+(?:human\s+)?islets?\b(?!\s+(?:derived|made|grown|generated|differentiated))", 0.5,
       examples=("醫療團隊採用CRISPR技術,對移植的胰島細胞進行客製化改造,患者接受治療後停用胰島素。",)),
    zp("islet__en_into", r"\b(?:transplanted|implanted|infused|injected|grafted|placed|put)\s+(?:(?:the|these|its|their|his|her)\s+)?"
                         r"(?:(?![\w-]*(?:stem|deriv|iPS|PSC|ESC|made|grown|lab))[\w-]+\s+){0,3}?islets?(?:\s+cells?)?\s+(?:in)?to\b"
                         r"|\bislets?(?:\s+cells?)?\s+(?:were|was|had been)\s+(?:transplanted|implanted|infused|injected)\s+into\b", 0.8,
       examples=("Surgeons implanted gene-edited islet cells into the forearm of a man with type 1 diabetes.",),
       traps=("The company infused its stem cell-derived islet product into 14 participants.",
              "Surgeons transplanted lab-grown islets into the patient.")),
    zp("islet__en_from_donor", r"\bislets?(?:\s+cells?)?\s+(?:(?:were|was)\s+)?(?:(?:isolated|obtained|harvested|taken|procured|recovered|derived)\s+)?from\s+(?:(?:the\s+)?pancrea(?:s|ses)\s+of\s+)?(?:(?:a|an|one|two|three|multiple|several|\d+)\s+)?"
                               r"(?:(?:deceased|brain[- ]dead|cadaveric|organ|non-?diabetic|healthy|human|multiple)\s+)*(?:donors?|cadavers?|donor pancreas|donated pancreas)\b", 0.5,
       examples=("A 50-year-old woman with type 1 diabetes received islets from a deceased donor in 2019.",
                 "The islet cells were derived from the pancreas of a deceased organ donor and infused into the portal vein.",
                 "For the trial in Leiden, islets were procured from pancreases of three brain dead donors.")),
    zp("islet__zh_from_donor", r"胰岛(?:细胞)?(?:取自|来自|来源于|分离自|获取自|源自)[^,。;]{0,12}?(?:供体|供者|捐赠者?|捐献者?|遗体|尸体|脑死亡)", 0.5,
       examples=("胰岛细胞取自一名已故器官捐献者的胰腺,经门静脉输注给一名52岁的1型糖尿病女性。",)),
    zp("islet__engineered", r"(?:基因编辑|基因改造|基因工程改造|基因修饰|CRISPR(?:编辑|改造)?)(?:过|后)?的?(?:(?!干细胞|iPS|PSC|ES细胞)[^,。;]){0,4}?胰岛(?:细胞)?"
                            r"|\b(?:gene[- ](?:edited|modified|engineered)|genetically[- ](?:engineered|modified|edited)|CRISPR[- ](?:edited|modified)|hypoimmune|HIP[- ](?:edited|modified|engineered))\s+"
                            r"(?:(?:primary|human|donor|allogeneic|pancreatic|deceased[- ]donor)\s+)*islets?(?:\s+cells?)?\b", 0.8,
       examples=("Surgeons implanted gene-edited islet cells into the forearm of a man with type 1 diabetes.",
                 "科学家们首次成功将经过基因编辑的胰岛细胞植入患者体内。"),
       traps=("The company's hypoimmune iPSC-derived islet cells are in preclinical testing.", "基因编辑的干细胞来源胰岛细胞仍在研发中。")),
    # stem cell educator
    zp("stem-cell-educator__all", r"\bstem cell educator\b|干细胞教育(?:者|器)", 1.0),
)



# a cell-free product made by the cells: "ADSC外泌体", "脐带干细胞来源的外泌体", "MSC-derived exosomes",
# (said the other way round, "conditioned medium of UC-MSCs", it is not caught here)
_CELL_FREE_AFTER = rx(r"\s*(?:来源的?|衍生的?|分泌的?|的|[-‐]?\s*derived|[-‐]?\s*secreted)?\s*"
                      r"(?:外泌体|细胞外囊泡|囊泡|条件培养基|培养上清|分泌组|\b(?:small\s+)?(?:exosomes?|extracellular\s+vesicles?|EVs?\b|"
                      r"conditioned\s+(?:medium|media)|secretome))", re.I)


class Product(BaseModel):
    """A named cell-therapy product and its guideline cell type."""

    cell_type: str
    aliases: list[str]
    note: str = ""


class ProductVocab(BaseModel):
    """``data/vocab_cell_products.json``."""

    version: int
    about: str = ""
    products: list[Product]


PRODUCTS_PATH = Path(__file__).resolve().parent.parent / "data" / "vocab_cell_products.json"


@lru_cache(maxsize=4)
def product_vocab(path: Path = PRODUCTS_PATH) -> ProductVocab:
    """The product vocabulary, read once."""
    return ProductVocab.model_validate(json.loads(path.read_text(encoding="utf-8")))


def product_patterns(path: Path = PRODUCTS_PATH) -> tuple[Pattern, ...]:
    """One pattern per cell type from the product vocabulary ("VX-880" -> ESC-islet)."""
    vocab = product_vocab(path)
    by_type: dict[str, list[str]] = defaultdict(list)
    for p in vocab.products:
        by_type[p.cell_type].extend(p.aliases)
    return tuple(zp(f"{label}__product", r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", 1.0)
                 for label, aliases in by_type.items())


CELL_PATTERNS = CELL_PATTERNS + product_patterns()


@lru_cache(maxsize=1)
def sponsor_islet_sources(path: Path = PRODUCTS_PATH) -> dict[str, str]:
    """Company id -> the stem-cell source of its islet products, for companies whose products all share one.

    Joins the product vocabulary (alias -> cell type) with the products table (alias -> sponsor): Vertex's
    products are all ESC-islets, so "Vertex's stem cell-derived islets" are ESC-islets.
    """
    from ..dedupe.institutions import alias_key, product_table

    table = product_table()
    sources: dict[str, set[str]] = defaultdict(set)
    for p in product_vocab(path).products:
        if p.cell_type not in ("iPSC-islet", "ESC-islet"):
            continue
        for alias in p.aliases:
            pid = table.by_name.get(alias_key(alias))
            if pid and (sponsor := table.products[pid].sponsor):
                sources[sponsor].add(p.cell_type)
    return {sponsor: next(iter(labels)) for sponsor, labels in sources.items() if len(labels) == 1}


def sponsor_source(text: str, start: int, end: int) -> Optional[str]:
    """The stem-cell source of the islets of the one company named in ``text[start:end]`` (see above)."""
    from ..dedupe.institutions import org_table

    known = sponsor_islet_sources()
    labels = {known[org] for org, _, _ in org_table().find(text, start, end) if org in known}
    return labels.pop() if len(labels) == 1 else None

# verbs that make a mention part of the treatment the study gives
_TREATMENT = compile_cues((
    r"输注|回输|移植|注射|植入|接受|治疗|给予|干预|注射液",
    r"\binfus|\btransplant|\binject|\breceiv|\badminist|\btreat|\bimplant|\bgiven\b|\bdosing\b|\btherapy\b",
))
# allogeneic islets are donor islets: "异体胰岛细胞移植", "allogeneic islet transplants"
_DONOR = compile_cues((r"供体|供者|捐赠|捐献|遗体|尸体|脑死亡|异体|\bdonors?\b|\bdonated\b|\bcadaver|\bdeceased\b|\ballogeneic\b", ))
# exclusion criteria and comparisons: "未曾接受过胰岛移植", "who have not previously had an islet transplant"
_NOT_TREATMENT = compile_cues((r"未曾|从未|既往无|排除|not previously|have not|had not|excluded|相比|compared", ))

# a list of options, not the treatment: "ESC、iPSC和成体干细胞(如MSC)都是候选细胞", "sources such as"
_OPTIONS = compile_cues((r"候选|都是|均可作为|诸如|例如|比如|\(如|不同来源", r"\bcandidates?\b|\bsuch as\b|\be\.g\.|\bsources? (?:include|are)\b"))

# a subgroup of the included studies or a comparison between sources, not the study's own cells:
# "其中8项研究使用脐带来源MSC", "亚组分析显示", "以脐带间充质干细胞的效果最明显", "8 trials used UC-MSCs"
_SUBGROUP_BEFORE = compile_cues((
    r"亚组|其中\s*\d+\s*项|\d+\s*项(?:研究|试验|RCT)?(?:使用|采用|应用|为)|(?:以|尤以)$",
    r"\bsubgroups?\b|\b\d+\s+(?:of the\s+)?(?:trials|studies|RCTs)\s+(?:used|using|tested|with|gave)\b",
))
_SUBGROUP_AFTER = compile_cues((
    r"^[^,。;]{0,6}?(?:的?(?:效果|疗效|降幅|获益)(?:最|更)|次之|优于|最为明显)",
    r"^[^.;]{0,25}?\b(?:showed|had|gave|produced) (?:the )?(?:largest|greatest|strongest|most|larger|greater)\b",
))
SUBGROUP_FACTOR = 0.5

# a catalogue of three or more items: "核准项目包括A、B、C等6项", "therapies include A, B and C, among others"
_CATALOGUE_BEFORE = compile_cues((r"(?:包括|包含|涵盖)[^。;]*$", r"\binclud(?:e|es|ing)\b[^.;]*$"))
_CATALOGUE_AFTER = compile_cues((r"^[^。;]*?等\s*(?:\d+|[一二三四五六七八九十多数几]+)?\s*(?:项|种|类|个)?", r"^[^.;]*?\b(?:among others|and others|etc)\b"))
CATALOGUE_FACTOR = 0.4

# "MSCs can be derived from bone marrow, adipose tissue or umbilical cord": a list of possible
# sources (or a modal) is background about MSC, not the study's cells
_ANY_SOURCE = "|".join(f"{zh}|{en}" for zh, en in MSC_SOURCE_WORDS.values())
_SOURCE_LIST_AFTER = compile_cues((rf"^\s*(?:[,、/]|\bor\b|\band\b|或|和|及|与)\s*(?:[\w-]+\s+){{0,2}}?(?:{_ANY_SOURCE})|^\s*等",))
_SOURCE_HEDGE = compile_cues((r"可|或|和|及|与|\b(?:or|and|can|could|may|might)\b",))

# a patient who underwent or received the islets: "underwent islet cell transplantation", "接受了胰岛移植",
# "为其实施胰岛移植"; islet "recipients" / "接受者" in the sentence
_RECEIVED_BEFORE = compile_cues((
    r"(?:接受了?|接受过|行|进行了?|实施了?|施行了?|完成了?|做了|采用|经过|经历了?|做过)(?:[^,。;]{0,12}?)$",
    r"\b(?:underwent|undergone|undergo(?:es|ing)?|received|receiving|receives|had|given|get|got|performed|carried out|did)\s+"
    r"(?:(?:an?|his|her|their|two|three|second|first|repeat(?:ed)?|single|multiple|the)\s+)*(?:(?:allogeneic|intraportal|clinical|human|pancreatic)\s+)?$",
    # the patient's own transplant: "90 days after my second pancreatic islet transplant"
    r"\b(?:my|his|her|their|the patient['’]s)\s+(?:(?:first|second|third|fourth|two|three|latest|last|recent|most recent|pancreatic)\s+)*$",
))
# ... or the transplant done on one patient: "an islet cell transplant on a 36-year-old woman"
_RECEIVED_AFTER = compile_cues((
    r"^\s*(?:(?:surgery|procedure|operation)\s+)?(?:on|in|into|for|to)\s+(?:a|an|one|this)\s+(?:\d{1,3}-year-old\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:patient|man|woman|girl|boy|recipient|person|participant)\b",
))
# a table row under a column of cells ("No. Population Cells Follow-up Result", "| 细胞类型 |"): the row gives
# the study's cells as received ("Donor islets plus sirolimus")
_CELL_COLUMN = rx(r"\b(?:cells?|cell\s+type|cell\s+source|intervention|treatment|therapy)\b|细胞|干预|治疗方法", re.I)
_RECIPIENTS = compile_cues((r"接受者|受者|受植者", r"\brecipients?\b"))
# a source cell turned into a pluripotent one: "获取她的脂肪间质细胞，用小分子化合物将其“逆转”为多能干细胞", "her fat-derived
# stromal cells were reprogrammed into pluripotent stem cells" (the study gives the islets made from them)
_REPROGRAMMED_AFTER = compile_cues((
    r"^[^。;；]{0,40}?(?:逆转|重编程|重新编程|诱导|转变|转化|变)[^。;；]{0,10}?(?:多能干细胞|iPS|多能性)",
    r"^[^.;]{0,60}?\b(?:reprogramm\w*|turned|converted|reverted)\b[^.;]{0,30}?\b(?:pluripoten\w*|iPSCs?)\b",
))
REPROGRAMMED_FACTOR = 0.3
SC_ISLET = "_sc_islet"     # stem-cell-derived islets of an unnamed source: no label, but no donor islets
SC_ISLET_LABELS = frozenset({"iPSC-islet", "ESC-islet", SC_ISLET})
SC_ASIDE_RATIO = 4   # donor-islet places per unsourced stem-cell-islet place for the latter to be an aside
# the next step or a product under development: "下一步将…研发干细胞分化胰岛", "is developing"
# ("由Meridian公司研发的胰岛细胞" is the product's maker: a past 研发 is no plan)
_NEXT_STEP = compile_cues((r"下一步|未来|(?:正在|将|拟|计划|准备)(?:研发|开发|启动|开展)|(?:研发|开发)中",
                          r"\bnext step\b|\bfuture\b|\bdevelop(?:s|ing|ment)?\b|\b(?:intends?|plans?|planning|aims?|expects?) to (?:initiate|start|launch|begin|file|test)\b"))
NEXT_STEP_FACTOR = 0.5
NEXT_STEP_REACH = 80       # chars before the term, within its sentence

# a simile or another disease's treatment: "就像治疗白血病的造血干细胞移植", "as with bone marrow
# transplants for leukaemia" name a cell type the study does not use
_ANALOGY_BEFORE = compile_cues((r"(?:就像|就好像|好比|如同|犹如|类似于|正如)[^,。;]{0,20}$",
                                r"\b(?:just\s+)?(?:like|as with|as in|akin to)\b[^.;,]{0,40}$"))
_OTHER_DISEASES = (r"白血病|淋巴瘤|骨髓瘤|血液病|血液肿瘤|血癌|癌症|肿瘤|再生障碍性贫血|地中海贫血|"
                   r"\bleuka?emias?\b|\blymphomas?\b|\bmyelomas?\b|\bblood cancers?\b|\bcancers?\b|\baplastic an(?:a)?emia\b|\bsickle[- ]cell\b")
_OTHER_DISEASE_BEFORE = compile_cues((rf"(?:治疗|用于|救治)[^,。;]{{0,6}}?(?:{_OTHER_DISEASES})的?[^,。;]{{0,4}}$",
                                      # the cells of another disease's patients: "白血病人的造血干细胞已经被毁"
                                      rf"(?:{_OTHER_DISEASES})(?:病)?(?:人|患者|病人)的?[^,。;]{{0,4}}$",
                                      rf"\b(?:for|in|of)\s+(?:[\w-]+\s+){{0,2}}?(?:{_OTHER_DISEASES})\s+(?:patients?['’]?s?\s+)?$"))
_OTHER_DISEASE_AFTER = compile_cues((rf"^[^,。;]{{0,6}}?(?:治疗|用于|救治)[^,。;]{{0,6}}?(?:{_OTHER_DISEASES})",
                                     rf"^\s*(?:(?:transplant(?:ation)?s?|therapy|therapies)\s+)?(?:for|in|to treat)\s+(?:[\w-]+\s+){{0,2}}?(?:{_OTHER_DISEASES})"))
# ... or the first clause of a sentence opened as a simile: "就像治疗白血病的移植造血干细胞,所不同的是…"
_ANALOGY_OPENING = compile_cues((r"^\s*(?:就像|就好像|好比|如同|犹如|正如)", r"^\s*(?:just\s+)?(?:like|as with|as in)\b"))
ANALOGY_FACTOR = 0.3
# the Background section of a structured abstract names earlier treatments: "背景:以自体骨髓、脐血单个核细胞移植治疗
#糖尿病足,对…有改善作用" (the study's own cells come again under Methods)
_BACKGROUND_HEADER = rx(r"(?:^|\n)[ \t]*[【\[]?(?:研究)?(?:背景|Background|BACKGROUND|Introduction|INTRODUCTION|引言|前言)[】\]]?[ \t]*[:：]")
_NEXT_HEADER = rx(r"(?:^|\n)[ \t]*[【\[]?(?:目的|方法|结果|结论|设计|Objectives?|OBJECTIVES?|Aims?|AIMS?|Methods|METHODS|Results|RESULTS|"
                          r"Conclusions?|CONCLUSIONS?|Design|DESIGN|Purpose|PURPOSE)[】\]]?[ \t]*[:：]")
BACKGROUND_SECTION_REACH = 600
BACKGROUND_SECTION_FACTOR = 0.45
BACKGROUND_SECTION_TAG = "+background_section"
OTHER_DISEASE_FACTOR = 0.3
# the items compared with the study's cells: "与骨髓干细胞和脐血干细胞相比,脐带间充质干细胞有其优势"
_COMPARED_OPEN = compile_cues((r"(?:与|和|跟|同|较之?)[^,。;]{0,20}$",))
_COMPARED_CLOSE = compile_cues((r"^[^,。;]{0,24}?(?:相比|相较|比较|比起来)",))
COMPARED_FACTOR = 0.4
# other actors introduced earlier in the paragraph: "部分企业转向干细胞技术。如美国某公司……", "Other companies
# have taken different routes": the approaches that follow are theirs, until a sentence names the study's own
_OTHER_ACTORS = compile_cues((
    r"(?:部分|一些|多家|其他|其它|另一些|另外的?|别的|不少|许多|众多)(?:企业|公司|药企|团队|机构|研究团队|研究者|研究人员|课题组|实验室)|竞争对手",
    r"\b(?:other|several|some|rival|competing|many)\s+(?:companies|firms|groups|teams|labs|laboratories|developers|biotechs?)\b|\bcompetitors?\b|\brivals?\b",
))
OTHER_ACTORS_REACH = 300   # chars back, within the paragraph
OTHER_ACTORS_FACTOR = 0.4
OTHER_ACTORS_TAG = "+other_actors"
SOFT_TAGS = {OTHER_ACTORS_TAG: OTHER_ACTORS_FACTOR, BACKGROUND_SECTION_TAG: BACKGROUND_SECTION_FACTOR}

# the document's own cell type, for a record that names no cell at all
DOCUMENT_TAG = "__document"
DOCUMENT_MIN_SPAN = 60     # chars: a shorter span is a fragment (a heading, a bare id), not a study
DOC_CACHE_SIZE = 8
_VAGUE_CELLS = compile_cues((r"干细胞|细胞治疗|细胞疗法", r"\bstem[- ]cells?\b|\bcell therapy\b"))
_DOC_CACHE: dict[tuple[str, int, int], Optional[Hit]] = {}

MSC_SOURCED = frozenset({"UC-MSC", "BM-MSC", "AD-MSC", "P-MSC"})
KEEP_MIN_SCORE = 0.6       # a type is kept when one of its mentions reaches this


class CellTypeExtractor(FieldExtractor):
    """Vocabulary hits scored by their sentence: treatment sentences up, background down."""

    name = "cell_type"
    field = "cell_type"
    patterns = CELL_PATTERNS

    def find(self, span: Span) -> list[Hit]:
        """The span's cell-type mentions, plus the document's own single type as a last resort."""
        hits = super().find(span)
        # a span that names its cells only vaguely ("干细胞治疗", "stem cell therapy") told what it knew
        if span.end - span.start >= DOCUMENT_MIN_SPAN and not _VAGUE_CELLS.search(span.doc.view, span.start, span.end):
            hits.extend(self._document_types(span.doc))
        return hits

    def _document_types(self, doc: Document) -> list[Hit]:
        """The document's decided cell type when it is exactly one (tagged; see ``decide``).

        A record cut from a longer text ("团队在18名患者中完成了I期试验,给予每公斤100万个细胞")
        often names no cell at all: the one type the whole document is about stands in.
        """
        key = (doc.doc_id, len(doc.view), hash(doc.view))
        if key not in _DOC_CACHE:
            if len(_DOC_CACHE) >= DOC_CACHE_SIZE:
                _DOC_CACHE.clear()
            kept = self.decide(super().find(Span(doc, 0, len(doc.view))))
            _DOC_CACHE[key] = kept[0] if len(kept) == 1 else None
        h = _DOC_CACHE[key]
        if h is None:
            return []
        return [Hit(h.field, dict(h.value), h.start, h.end, h.extractor, h.pattern + DOCUMENT_TAG, KEEP_MIN_SCORE)]

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        label = pattern.name.split("__", 1)[0]
        text = span.doc.view
        s, e = sentence_bounds(text, m.start(), m.end(), span.start, span.end)
        if label == "coord":
            quote = m.group(0)
            labels = [lab for lab, rx in _SOURCE_LABEL if rx.search(quote)]
            return [h for lab in labels for h in self._scored(lab, m, pattern, text, s, e)]
        if label == "scislet":
            lo = max(span.start, s - AUTOLOGOUS_REACH)
            autologous = _AUTOLOGOUS.search(text, lo, e)
            label = "iPSC-islet" if autologous else (sponsor_source(text, lo, e) or SC_ISLET)
        return self._scored(label, m, pattern, text, s, e)

    def _scored(self, label: str, m: re.Match[str], pattern: Pattern, text: str, s: int, e: int) -> list[Hit]:
        """One hit of ``label`` for the match, scored by its sentence [s, e)."""
        score = pattern.score
        # the term itself may contain a verb ("胰岛移植"): look at the sentence around it
        around = text[s:m.start()] + " " + text[m.end():e]
        treated = bool(_TREATMENT.search(around))
        own = in_title(text, m.start()) or bool(SELF_CUES.search(text, s, e))
        if label == "islet":
            # islet transplantation is the usual comparator: only donor islets given here count,
            # or islets a patient of the study underwent or received ("underwent islet cell
            # transplantation twice", "患者接受胰岛移植")
            received = bool(_RECEIVED_BEFORE.search(text[max(s, m.start() - 40):m.start()]) or _RECIPIENTS.search(text, s, e)
                            or _RECEIVED_AFTER.search(text[m.end():min(e, m.end() + 60)])
                            or _CELL_COLUMN.search(table_column_header(text, m.start()) or "")
                            or flat_table_header(text, m.start(), _CELL_COLUMN) is not None)
            score += 0.3 * own + 0.3 * bool((_DONOR.search(text, s, e) and treated) or received)
            if _NOT_TREATMENT.search(text, s, e):
                score = 0.1
        elif treated or own:
            score += 0.3
        if background_before(text, max(s, m.start() - 30), m.start()) or _OPTIONS.search(text, s, e):
            score *= 0.5
        if label in MSC_SOURCED and (_SUBGROUP_BEFORE.search(text[max(s, m.start() - 20):m.start()])
                                     or _SUBGROUP_AFTER.search(text[m.end():e])):
            score *= SUBGROUP_FACTOR
        if (label in MSC_SOURCED or label == "MSC") and _REPROGRAMMED_AFTER.search(text[m.end():e]):
            score *= REPROGRAMMED_FACTOR   # the raw material of an iPSC, not the cells given
        if self._in_catalogue(text, m.start(), m.end(), s, e):
            score *= CATALOGUE_FACTOR
        if in_reference(text, m.start()) or in_related_links(text, m.start()):
            score *= 0.4  # a reference-list entry or a link to another article is never the study's own treatment
        if _NEXT_STEP.search(text, max(s, m.start() - NEXT_STEP_REACH), m.start()):
            score *= NEXT_STEP_FACTOR  # "下一步将研发干细胞分化胰岛": a product still to be developed
        before, after = text[max(s, m.start() - 40):m.start()], text[m.end():min(e, m.end() + 40)]
        opening = text[s:m.start()]
        if _ANALOGY_BEFORE.search(before) or (_ANALOGY_OPENING.search(opening) and not re.search(r"[,，:：;；]", opening)):
            score *= ANALOGY_FACTOR
        if _OTHER_DISEASE_BEFORE.search(before) or _OTHER_DISEASE_AFTER.search(after):
            score *= OTHER_DISEASE_FACTOR
        if _COMPARED_OPEN.search(before) and _COMPARED_CLOSE.search(after):
            score *= COMPARED_FACTOR
        # soft demotions: undone in ``decide`` when the record names no other cell of its own
        name = pattern.name
        if not own and self._after_other_actors(text, m.start()):
            score *= OTHER_ACTORS_FACTOR
            name += OTHER_ACTORS_TAG
        if self._in_background_section(text, m.start()):
            score *= BACKGROUND_SECTION_FACTOR
            name += BACKGROUND_SECTION_TAG
        return [self.hit({"value": label}, m.start(), m.end(), name, score=round(score, 4))]

    @staticmethod
    def _in_background_section(text: str, start: int) -> bool:
        """Whether ``start`` lies under a "背景:"/"Background:" heading, before the next section heading."""
        sections = _background_sections(text)
        i = bisect.bisect_right(sections, (start, len(text) + 1)) - 1
        return i >= 0 and sections[i][0] <= start < sections[i][1]

    @staticmethod
    def _after_other_actors(text: str, start: int) -> bool:
        """Whether other actors ("部分企业", "other companies") are introduced earlier in the paragraph."""
        para = text.rfind("\n", max(0, start - OTHER_ACTORS_REACH), start) + 1
        lo = max(para, start - OTHER_ACTORS_REACH)
        cues = _other_actor_cues(text)
        i = bisect.bisect_left(cues, lo)
        return i < len(cues) and cues[i] <= start

    @staticmethod
    def _in_catalogue(text: str, start: int, end: int, s: int, e: int) -> bool:
        """Whether [start, end) is one item of a list of three or more options ("包括A、B、C等")."""
        before = _CATALOGUE_BEFORE.search(text, s, start)
        after = _CATALOGUE_AFTER.search(text[end:e])
        if not before or not after:
            return False
        items = text[before.start():end + after.end()]
        return len(re.findall(r"[、,,]|\band\b|\bor\b", items)) >= 2

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        text = span.doc.view
        if hit.pattern.endswith("__made_from"):
            s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
            if re.search(ascii_boundaries(_MSC_NOUN_ZH + "|" + _MSC_NOUN_EN), text[s:e], re.I):
                return None  # "MSCs derived from iPSCs" are MSC, not islets
        if hit.pattern.endswith(("__from_zh", "__from_en")) and (
                _SOURCE_HEDGE.search(text, hit.start, hit.end) or _SOURCE_LIST_AFTER.search(text[hit.end:hit.end + 30])):
            return None  # "MSCs may be derived from bone marrow or fat": possible sources, not the study's
        if hit.value["value"] == "BM-MNC" and re.search(r"外周血|脐(?:带)?血|peripheral|cord", text[max(0, hit.start - 12):hit.start], re.I):
            return None  # peripheral-blood or cord-blood mononuclear cells are not BM-MNC
        if hit.value["value"] == "HSC" and hit.pattern == "HSC__en" and re.search(r"hepatic|stellate", text[hit.end:hit.end + 30], re.I):
            return None
        if _CELL_FREE_AFTER.match(text, hit.end, min(len(text), hit.end + 24)):
            return None  # "ADSC外泌体", "MSC-derived exosomes": a cell-free product given, not the cells
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Every type with a substantive mention; generic MSC only when no sourced MSC type is kept.

        The document's type (``find``) decides only for a record that names no cell of its own.
        Mentions softly demoted (another actor's approach, a Background section) count at full
        weight again when nothing else is kept: then they are all the record says of its cells.
        """
        own = [h for h in hits if not h.pattern.endswith(DOCUMENT_TAG)]
        if not own:
            return sorted(hits, key=lambda h: h.start)[:1]
        kept = self._decide(own)
        if not kept and any(tag in h.pattern for h in own for tag in SOFT_TAGS):
            kept = self._decide([_undemoted(h) for h in own])
        return kept

    def _decide(self, hits: list[Hit]) -> list[Hit]:
        # "干细胞来源胰岛移植": the islet noun inside a stem-cell islet phrase is that phrase
        sc_spans = [(h.start, h.end) for h in hits if h.value["value"] in SC_ISLET_LABELS]
        hits = [h for h in hits if h.value["value"] != "islet" or not any(a < h.end and h.start < b for a, b in sc_spans)]
        by: dict[str, list[Hit]] = defaultdict(list)
        for h in hits:
            by[h.value["value"]].append(h)
        kept: list[Hit] = []
        for label, group in by.items():
            best = sorted(group, key=lambda h: (-h.score, h.start))[0]
            # a type named in several places is the article's subject even without a verb
            if best.score >= KEEP_MIN_SCORE or (_places(group) >= 3 and label != "islet"):
                kept.append(best)
        labels = {h.value["value"] for h in kept}
        if labels & MSC_SOURCED:
            n_generic = len(by["MSC"])
            sourced = [h for lab in labels & MSC_SOURCED for h in by[lab]]
            # an article about MSC that names a source once in passing is still about MSC
            if "MSC" in labels and n_generic >= 3 * len(sourced) and max(h.score for h in sourced) < 1.2:
                kept = [h for h in kept if h.value["value"] not in MSC_SOURCED]
            else:
                kept = [h for h in kept if h.value["value"] != "MSC"]
        # stem-cell-derived islets are not donor islets (donor islets beside them are the comparator)
        # (an unsourced "stem cell-derived islets" said once, in a text that names donor islet transplants
        # in many places, is an aside: "the centre is also a site of a trial of stem cell-derived islets")
        if labels & SC_ISLET_LABELS:
            aside = (not labels & (SC_ISLET_LABELS - {SC_ISLET})
                     and _places(by["islet"]) >= SC_ASIDE_RATIO * _places(by[SC_ISLET]))
            kept = [h for h in kept if h.value["value"] != SC_ISLET and (aside or h.value["value"] != "islet")]
        # the Stem Cell Educator's device holds cord-blood stem cells; the patient receives no cord blood
        if "stem-cell-educator" in labels:
            kept = [h for h in kept if h.value["value"] != "UCB"]
        return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=4)
def _background_sections(text: str) -> list[tuple[int, int]]:
    """[start, end) of every Background section: from its heading to the next heading, at most a reach long."""
    out = []
    for m in _BACKGROUND_HEADER.finditer(text):
        nxt = _NEXT_HEADER.search(text, m.end(), m.end() + BACKGROUND_SECTION_REACH)
        out.append((m.end(), nxt.start() if nxt else min(len(text), m.end() + BACKGROUND_SECTION_REACH)))
    return out


@lru_cache(maxsize=4)
def _other_actor_cues(text: str) -> list[int]:
    """End offsets of the other-actor cues of ``text`` (sorted), found once per text."""
    return [m.end() for m in _OTHER_ACTORS.finditer(text)]


def _undemoted(h: Hit) -> Hit:
    """``h`` with its soft demotions undone (score restored, tags dropped from the pattern name)."""
    score, name = h.score, h.pattern
    for tag, factor in SOFT_TAGS.items():
        if tag in name:
            score, name = score / factor, name.replace(tag, "")
    return Hit(h.field, dict(h.value), h.start, h.end, h.extractor, name, round(score, 4), list(h.warnings))


def _places(group: list[Hit]) -> int:
    """How many separate places of the text the hits stand in (patterns matching one phrase count once)."""
    n, end = 0, -1
    for h in sorted(group, key=lambda h: h.start):
        if h.start >= end:
            n += 1
        end = max(end, h.end)
    return n


EXTRACTOR = CellTypeExtractor()
