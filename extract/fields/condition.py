"""Condition: T1D, T2D, both or unspecified (one label per record)."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from .base import FieldExtractor, Hit, Pattern, Span
from .context import (SELF_CUES, background_before, compile_cues, in_reference, in_related_links, sentence_bounds,
                      table_column_header, zp)
from ..rxcache import rx

_T1 = r"(?:1|一|Ⅰ|I)"
_T2 = r"(?:2|二|Ⅱ|II)"
_DM = r"(?:糖尿病|DM\b)"

# one type named in full, with its abbreviation in brackets: "type 1 DM (T1DM)", "1型糖尿病(T1DM)", "T1D"
_ABBR = r"(?:\s*[(（][^()（）]{1,14}[)）])?"
_T1_NAME = rf"(?:(?:第)?{_T1}型(?:糖尿病)?{_ABBR}|\btype[- ](?:1|I|one)\b(?:\s*(?:diabetes(?: mellitus)?|DM\b))?{_ABBR}|\bT1DM?\b{_ABBR})"
_T2_NAME = rf"(?:(?:第)?{_T2}型(?:糖尿病|DM\b)?{_ABBR}|\btype[- ](?:2|II|two)\b(?:\s*(?:diabetes(?: mellitus)?|DM\b))?{_ABBR}|\bT2DM?\b{_ABBR})"
_AND = r"\s*(?:and|or|&|/|,|和|与|及|或|、|以及|as well as)\s*(?:(?:those|patients|people|individuals) with\s+)?"
# the two full names coordinated, in either order (validate: the diabetes is named in or right after them)
_BOTH_NAMED = rf"{_T1_NAME}{_AND}{_T2_NAME}|{_T2_NAME}{_AND}{_T1_NAME}"
_DIABETES_WORD = rx(r"糖尿病|diabetes|DM\b|T[12]D", re.I)
DIABETES_AFTER = 30       # chars after a coordination of two types where "diabetes" may follow

CONDITION_PATTERNS: tuple[Pattern, ...] = (
    zp("both__named", _BOTH_NAMED, 1.0,
       examples=("We undertook a meta-analysis of stem cell therapy for both type 1 DM (T1DM) and type 2 DM (T2DM).",
                 "本研究评价干细胞治疗1型糖尿病(T1DM)和2型糖尿病(T2DM)患者的疗效。",
                 "本研究評價幹細胞治療第1型糖尿病(T1DM)和第2型糖尿病(T2DM)患者的療效。",
                 "Patients with type 2 and type 1 diabetes were enrolled."),
       traps=("Type 1 collagen and type 2 collagen were measured.", "M1型与M2型巨噬细胞的比例改变。", "1型与2型胶原蛋白表达增加。")),
    # both types named together as one population: "1型和2型糖尿病", "type 1 and type 2 diabetes"
    zp("both__zh", rf"(?:第)?{_T1}型(?:糖尿病)?\s*(?:和|与|及|或|、|/|以及)\s*(?:第)?{_T2}型{_DM}", 1.0),
    zp("both__en", r"\btype[- ](?:1|I)\s*(?:and|&|or|/|,)\s*(?:type[- ])?(?:2|II)\s*(?:diabetes|DM\b)", 1.0),
    zp("both__abbr", r"\bT1DM?\s*(?:and|&|or|/|和|与|及|、)\s*T2DM?\b", 1.0),
    zp("both__generic", r"两种类型的?糖尿病|两型糖尿病|\bboth types of diabetes\b", 0.9),
    # one type
    # "1型糖友", "一型患者": the type before the people, in a diabetes text (the patterns need 型 + people)
    zp("T1D__zh", rf"(?:第)?{_T1}型{_DM}|糖尿病\s*[,,]\s*1型|{_T1}型\s*\(T1DM?\)|(?<![\d.])(?:第)?{_T1}型(?:糖友|糖尿病友|病友|患者|患儿|病人)", 1.0,
       examples=("这些1型糖友每天需要注射胰岛素。",), traps=("该细胞为1型巨噬细胞。",)),
    # older names: also used loosely for insulin-treated type 2, so they weigh less
    zp("T1D__zh_old", r"(?<!非)胰岛素依赖型糖尿病|青少年(?:型)?糖尿病", 0.5),
    zp("T1D__en_old", r"(?<!non-)\binsulin[- ]dependent diabetes\b|\bjuvenile diabetes\b|\bIDDM\b", 0.5),
    # LADA: autoimmune diabetes that the ADA classifies as a slowly progressive form of type 1
    zp("T1D__lada", r"\blatent autoimmune diabetes\b|\bLADA\b|隐匿性?自身免疫(?:性)?糖尿病", 0.8),
    # "type one diabetes", MeSH "Diabetes Mellitus, Type 1", "DM1"/"DMT1"
    zp("T1D__en", r"\btype[- ](?:1|I|one)\b(?:\s*(?:diabetes|diabetic|DM\b))|\bT1DM?\b|\bdiabetes mellitus,?\s+type[- ](?:1|I)\b|\bDMT?-?1\b", 1.0,
       examples=("MH  - Diabetes Mellitus, Type 1/therapy", "She has lived with type one diabetes since childhood.")),
    # OCR text with its spaces lost: "whohad Type2diabetesfor25years", "type1diabetes"
    # (only where a space is missing: "type 1 diabetes" is read by the patterns below)
    zp("T1D__glued", r"type(?:1|I)(?=\s*diabet)|type[- ](?:1|I)(?=diabet)", 1.0,
       examples=("The59-year-oldman,whohad Type1diabetesfor25years.", "Patients with type 1diabetes were enrolled."),
       traps=("Type 1 collagen was measured.",)),
    zp("T2D__glued", r"type(?:2|II)(?=\s*diabet)|type[- ](?:2|II)(?=diabet)", 1.0,
       examples=("The59-year-oldman,whohad Type2diabetesfor25years.", "Patients with Type2 diabetes were enrolled.")),
    zp("T2D__zh", rf"(?:第)?{_T2}型{_DM}|糖尿病\s*[,,]\s*2型|{_T2}型\s*\(T2DM?\)|非胰岛素依赖型糖尿病|(?<![\d.])(?:第)?{_T2}型(?:糖友|糖尿病友|病友|患者|患儿|病人)", 1.0),
    zp("T2D__en", r"\btype[- ](?:2|II|two)\b(?:\s*(?:diabetes|diabetic|DM\b))|\bT2DM?\b|\bNIDDM\b|\bnon[- ]insulin[- ]dependent diabetes\b"
                  r"|\bdiabetes mellitus,?\s+type[- ](?:2|II)\b|\bDMT?-?2\b", 1.0,
       examples=("MH  - Diabetes Mellitus, Type 2/*therapy", "Adults with type two diabetes received the cells.")),
    # a bare type in a table cell under a diabetes-type column: "糖尿病类型 | ... | 1型(新诊断) |"
    zp("T1D__cell", rf"(?<=\|)\s*(?:第)?{_T1}型(?:\s*\([^|()]{{0,12}}\))?\s*(?=\||$)|(?<=\|)\s*type[- ](?:1|I)(?:\s*\([^|()]{{0,20}}\))?\s*(?=\||$)", 1.0, re.IGNORECASE | re.MULTILINE),
    zp("T2D__cell", rf"(?<=\|)\s*(?:第)?{_T2}型(?:\s*\([^|()]{{0,12}}\))?\s*(?=\||$)|(?<=\|)\s*type[- ](?:2|II)(?:\s*\([^|()]{{0,20}}\))?\s*(?=\||$)", 1.0, re.IGNORECASE | re.MULTILINE),
    # diabetes without a type: only a fallback (decide drops it when a type is named)
    zp("unspecified__zh", r"糖尿病", 0.1),
    zp("unspecified__en", r"\bdiabetes\b|\bdiabetic\b", 0.1),
)

# "需明确区分1型与2型", "糖尿病主要分为1型和2型", "whereas type 2": a contrast, not a population
_CONTRAST = compile_cues((
    r"区分|区别|不同于|不同|分为|分别|相比|对比|不像|而$|而言", r"\bdistinguish|\bdiffer|\bunlike\b|\bwhereas\b|\bcompared\b|\bversus\b|\bclassified\b",
))
# words that make a typed mention part of the study's population or treatment
_POPULATION = compile_cues((
    r"患者|病人|受试者|纳入|入组|治疗|用于|输注|移植|注射|干预",
    r"\bpatients?\b|\bparticipants?\b|\bsubjects?\b|\benrolled\b|\btreat|\bwith\b|\bin (?:adults|children)\b|\btherapy\b",
))
# a typed word that is not a diabetes type: "1型巨噬细胞" never reaches here (needs 糖尿病/diabetes)
_TYPED_BEFORE = rx(r"(?:[12一二ⅠⅡ]|I{1,2}|type[- ](?:1|2|I{1,2}))\s*型?\s*$|型\s*$", re.I)
_TYPED_AFTER = rx(r"^\s*(?:[,,]\s*[12]型|mellitus,? type)", re.I)

# a typed mention that names a counted cohort is the study's enrolled population: "14名第一型糖尿病患者",
# "纳入2型糖尿病患者42例", "40 adults who had been diagnosed with type 1 diabetes", "20 T2D patients";
# "1万名"/"8.7 million people" are epidemiology, not a cohort
_N_ZH = r"(?:(?<![\d.,万亿千百])\d{1,4}|(?<![一二两三四五六七八九十百千万亿])[一二两三四五六七八九十][一二两三四五六七八九十百]{0,2})"
_N_EN = r"(?:(?<![\d.,])\d{1,4}|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty))"
_WHO_EN = r"(?:patients|participants|adults|children|adolescents|people|subjects|volunteers|individuals|recipients|men|women)"
_NOT_MANY_EN = r"(?!(?:million|billion|thousand|hundred)\b)"
_PEOPLE_ZH = r"(?:患者|病人|患儿|儿童|成人|受试者|志愿者|糖友)"
# "14名第一型糖尿病患者", "20 T2D patients": a count before the type, people after it
_COUNT_BEFORE = compile_cues((rf"{_N_ZH}\s*(?:名|例|位)[^,。;:\d]{{0,14}}$", rf"{_N_EN}\s+(?:{_NOT_MANY_EN}[\w-]+\s+){{0,2}}?$"))
_PEOPLE_AFTER = compile_cues((rf"^[^,。;:]{{0,6}}?{_PEOPLE_ZH}", rf"^\s*(?:[\w-]+\s+)?{_WHO_EN}\b"))
# "40 adults who had been diagnosed with type 1 diabetes": counted people, then the type
_COUNT_WITH_BEFORE = compile_cues((
    rf"{_N_EN}\s+(?:{_NOT_MANY_EN}[\w-]+\s+){{0,3}}?{_WHO_EN}\s+(?:[\w-]+\s+){{0,5}}?(?:with|who had|having)\s+(?:[\w-]+\s+){{0,3}}?$",
    # the second count of a pair, its people elided: "30 individuals with T1D and 25 with T2D"
    rf"(?:\band|,)\s+{_N_EN}\s+(?:with|who had|having)\s+$",
))
# "纳入2型糖尿病患者42例": the type, people, then the count
_PEOPLE_COUNT_AFTER = compile_cues((rf"^[^,。;:]{{0,6}}?{_PEOPLE_ZH}(?:共)?\s*\d{{1,4}}\s*(?:例|名|位)",))
COHORT_TAG = "+cohort"

# the header of a table column that holds the diabetes type
_DIABETES_HEADER = compile_cues((r"糖尿病|\bdiabetes\b|\bDM\b|\bT[12]D\b|适应症|\bindication\b|\bcondition\b",))

OTHER_WORK_FACTOR = 0.3   # a typed mention in a reference line or a related-article link
BOTH_MIN_SCORE = 0.8      # a conjunction hit must reach this to make a record "both"
MINOR_SHARE = 0.4         # ... or the minor type must hold this share of the typed weight


QUESTION_FACTOR = 0.3      # a typed mention in a question sentence
# "此疗法仅适用于第一型糖尿病", "approved only for type 1 diabetes": the other type is excluded
_ONLY_BEFORE = compile_cues((r"(?:仅|只|仅限|专门)(?:适用|用|限)于?(?:[^,。;]{0,6}?)$|仅限$",
                             r"\b(?:only|exclusively|solely)\s+(?:for|in|to)\s+(?:[\w-]+\s+){0,3}?$|\brestricted to\s+(?:[\w-]+\s+){0,3}?$"))
ONLY_TAG = "+only"
# the document's own type, for a record that names no diabetes at all
DOCUMENT_TAG = "__document"
DOCUMENT_SCORE = 0.05
DOCUMENT_SHARE = 0.75
DOCUMENT_MIN_SPAN = 60     # chars: a shorter span is a fragment (a heading, a bare id), not a study
_TYPED_PATTERNS = tuple(p for p in CONDITION_PATTERNS if p.name.split("__", 1)[0] in ("T1D", "T2D") and not p.name.endswith("__cell"))


@lru_cache(maxsize=8)
def _document_types(view: str) -> Optional[tuple[str, int, int]]:
    """(label, start, end of its first mention) when one type holds ``DOCUMENT_SHARE`` of the typed mentions."""
    first: dict[str, tuple[int, int]] = {}
    count: dict[str, int] = defaultdict(int)
    for p in _TYPED_PATTERNS:
        label = p.name.split("__", 1)[0]
        for m in p.compiled.finditer(view):
            if in_reference(view, m.start()) or in_related_links(view, m.start()):
                continue
            count[label] += 1
            if label not in first or m.start() < first[label][0]:
                first[label] = (m.start(), m.end())
    total = sum(count.values())
    for label, n in count.items():
        if total and n / total >= DOCUMENT_SHARE:
            return label, *first[label]
    return None


class ConditionExtractor(FieldExtractor):
    """Typed diabetes mentions weighted by context; ``decide`` combines them into one label."""

    name = "condition"
    field = "condition"
    patterns = CONDITION_PATTERNS

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        label = pattern.name.split("__", 1)[0]
        text = span.doc.view
        s, e = sentence_bounds(text, m.start(), m.end(), span.start, span.end)
        score = pattern.score
        if in_reference(text, m.start()) or in_related_links(text, m.start()):
            # a reference entry or a link to another article: never this study's population
            return [self.hit({"value": label}, m.start(), m.end(), pattern, score=round(score * OTHER_WORK_FACTOR, 4))]
        if label == "both":
            if self._names_cohort(text, m.start(), m.end(), s, e):
                return [self.hit({"value": label}, m.start(), m.end(), pattern.name + COHORT_TAG, score=score)]
            if _CONTRAST.search(text, max(s, m.start() - 12), m.start()) or _CONTRAST.search(text, m.end(), min(e, m.end() + 8)):
                score = 0.2
            elif not _POPULATION.search(text, s, e):
                score = 0.5
        elif label in ("T1D", "T2D"):
            # the study's own sentence counts double: frequency alone favours background
            if SELF_CUES.search(text, s, e):
                score *= 2
            if self._names_cohort(text, m.start(), m.end(), s, e):
                return [self.hit({"value": label}, m.start(), m.end(), pattern.name + COHORT_TAG, score=score * 2)]
        if label in ("T1D", "T2D") and _ONLY_BEFORE.search(text[max(s, m.start() - 12):m.start()]):
            return [self.hit({"value": label}, m.start(), m.end(), pattern.name + ONLY_TAG, score=score)]
        if label != "unspecified" and e < len(text) and text[e] in "?？":
            score *= QUESTION_FACTOR  # "第二型糖尿病也能用吗?": a reader's question, not the population
        return [self.hit({"value": label}, m.start(), m.end(), pattern, score=score)]

    def find(self, span: Span) -> list[Hit]:
        """The span's typed mentions, plus the document's own type as a last resort (see ``decide``)."""
        hits = super().find(span)
        if span.end - span.start >= DOCUMENT_MIN_SPAN:
            doc_hit = self._document_type(span.doc.view)
            if doc_hit is not None:
                hits.append(doc_hit)
        return hits

    def _document_type(self, view: str) -> Optional[Hit]:
        """The one diabetes type a whole document is about, or None when it names both or none.

        A record cut from a longer text ("报告中特别提到了…一项随机双盲对照临床试验:73名患者…") often
        holds no diabetes word at all, the type being stated before its span; the document's
        dominant type (a share of at least ``DOCUMENT_SHARE`` of the typed weight) stands in.
        """
        found = _document_types(view)
        if found is None:
            return None
        label, start, end = found
        return self.hit({"value": label}, start, end, f"{label}{DOCUMENT_TAG}", score=DOCUMENT_SCORE)

    @staticmethod
    def _names_cohort(text: str, start: int, end: int, s: int, e: int) -> bool:
        """Whether the typed mention is the population of a counted cohort (not background)."""
        if background_before(text, max(s, start - 30), start):
            return False
        before, after = text[max(s, start - 60):start], text[end:min(e, end + 20)]
        return bool((_COUNT_BEFORE.search(before) and _PEOPLE_AFTER.search(after))
                    or _COUNT_WITH_BEFORE.search(before) or _PEOPLE_COUNT_AFTER.search(after))

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        text = span.doc.view
        if hit.pattern.endswith("__cell"):
            # "1型" alone names a diabetes type only under a column about the diabetes
            return hit if _DIABETES_HEADER.search(table_column_header(text, hit.start) or "") else None
        if hit.pattern.startswith("both__named") and not _DIABETES_WORD.search(text, hit.start, min(len(text), hit.end + DIABETES_AFTER)):
            return None  # "1型与2型胶原": two types of something else
        if hit.value["value"] != "unspecified":
            return hit
        # "1型糖尿病" / "type 2 diabetes" / "diabetes mellitus, type 1" are typed, not unspecified
        if _TYPED_BEFORE.search(text[max(0, hit.start - 8):hit.start]):
            return None
        if _TYPED_AFTER.search(text[hit.end:hit.end + 20]):
            return None
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """``both`` when both types are named as the population, else the dominant type.

        The document's type decides only for a record that names no diabetes of its own.
        """
        own = [h for h in hits if not h.pattern.endswith(DOCUMENT_TAG)]
        if not own and hits:
            return [sorted(hits, key=lambda h: h.start)[0]]
        hits = own
        if not hits:
            return []
        by: dict[str, list[Hit]] = defaultdict(list)
        both_spans = [(h.start, h.end) for h in hits if h.value["value"] == "both"]
        for h in hits:
            # "2型糖尿病" inside "1型和2型糖尿病" is part of the conjunction, not a T2D mention
            if h.value["value"] != "both" and any(s <= h.start < e for s, e in both_spans):
                continue
            by[h.value["value"]].append(h)
        first = lambda label: sorted(by[label], key=lambda h: (-h.score, h.start))[0]  # noqa: E731
        w1 = sum(h.score for h in by["T1D"])
        w2 = sum(h.score for h in by["T2D"])
        both_best = max((h.score for h in by["both"]), default=0.0)
        # the counted cohort is the study's population: "14名1型糖尿病患者" outweighs any number of
        # background mentions of the other type ("至于2型糖尿病……") and an uncounted "both" that
        # defines the therapy's scope ("用于治疗1型和2型糖尿病的一类方法")
        counted = [lab for lab in ("T1D", "T2D") if any(h.pattern.endswith(COHORT_TAG) for h in by[lab])]
        both_counted = any(h.pattern.endswith(COHORT_TAG) for h in by["both"])
        if both_best >= BOTH_MIN_SCORE and (both_counted or len(counted) != 1):
            return [self._as(first("both"), "both")]
        if len(counted) == 1:
            return [sorted((h for h in by[counted[0]] if h.pattern.endswith(COHORT_TAG)), key=lambda h: h.start)[0]]
        if len(counted) == 2:   # "1型糖尿病患者20例、2型糖尿病患者25例": a counted population of each type
            return [self._as(sorted((h for lab in counted for h in by[lab] if h.pattern.endswith(COHORT_TAG)), key=lambda h: h.start)[0], "both")]
        only = [lab for lab in ("T1D", "T2D") if any(h.pattern.endswith(ONLY_TAG) for h in by[lab])]
        if len(only) == 1:  # the scope stated as exclusive: mentions of the other type are what it excludes
            return [sorted((h for h in by[only[0]] if h.pattern.endswith(ONLY_TAG)), key=lambda h: h.start)[0]]
        if w1 and w2:
            minor, major = sorted((w1, w2))
            if minor / major >= MINOR_SHARE and min(len(by["T1D"]), len(by["T2D"])) >= 2:
                return [self._as(first("T1D" if w1 >= w2 else "T2D"), "both")]
        if w1 or w2:
            label = "T1D" if w1 > w2 else "T2D" if w2 > w1 else (
                "T1D" if first("T1D").start < first("T2D").start else "T2D")
            return [first(label)]
        if by["both"]:  # only contrastive "1型与2型" mentions: still both types, nothing else
            return [self._as(first("both"), "both")]
        if by["unspecified"]:
            return [first("unspecified")]
        return []

    @staticmethod
    def _as(hit: Hit, label: str) -> Hit:
        return Hit(hit.field, {"value": label}, hit.start, hit.end, hit.extractor, hit.pattern,
                   hit.score, list(hit.warnings))


EXTRACTOR = ConditionExtractor()
