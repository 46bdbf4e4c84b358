"""Study design (controlled vocabulary of the guideline): one label per record."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from .base import FieldExtractor, Hit, Pattern, Span
from .context import FUTURE_CUES, ascii_boundaries, compile_cues, context_score, in_journal_name, sentence_bounds, zp

# ---------------------------------------------------------------------------------------------
# design
# ---------------------------------------------------------------------------------------------

# pattern name prefix -> design label (the prefix before the first "__")
DESIGN_PATTERNS: tuple[Pattern, ...] = (
    # meta-analyses and systematic reviews with pooling
    zp("meta_analysis__zh", r"荟萃分析|统合分析|meta\s*分析|汇总分析|系统评价(?:和|与|及)|系统综述(?:和|与|及)", 0.9),
    zp("meta_analysis__en", r"\bmeta[- ]?analys[ie]s\b|\bpooled analysis\b", 0.9),
    # "pooled 11 randomized trials", "汇总了11项随机对照试验": pooling counted trials is a meta-analysis
    zp("meta_analysis__pooled", r"\bpooled\s+(?:(?:the\s+)?(?:individual[- ]patient\s+)?data\s+(?:from|of)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                                r"(?:(?:randomi[sz]ed|controlled|clinical|published|placebo-controlled)\s+)*(?:trials|studies|RCTs)\b"
                                r"|(?:汇总|汇整|合并|整合)了?\s*(?:\d+|[二两三四五六七八九十]+)\s*(?:项|篇)[^,。;]{0,12}?(?:试验|研究|RCT)", 0.85),
    zp("meta_analysis__sysrev", r"系统评价|系统综述|\bsystematic (?:literature )?review\b", 0.75),
    # randomised controlled trials
    zp("rct__zh_rct", r"(?<!非)随机[、,]?(?:双盲|单盲|开放|平行)?[、,]?(?:安慰剂)?[、,]?(?:平行)?对照(?:临床)?(?:试验|研究)?", 0.85),
    zp("rct__zh_blind", r"(?<!非)随机[、,]?双盲", 0.85),
    zp("rct__zh_assigned", r"(?<!非)随机(?:分为|分成|分组|分配|化分组|入组|纳入)", 0.75),
    zp("rct__zh_placebo", r"安慰剂对照|双盲", 0.6),
    zp("rct__en_rct", r"\bRCT\b(?!s)", 0.8, 0),
    zp("rct__en_randomized", r"(?<!non-)(?<!non)(?<!non )\brandomi[sz]ed\b(?!\s+(?:controlled\s+)?trials\b)", 0.85),
    zp("rct__en_randomly", r"\brandomly (?:assigned|allocated|divided)\b|\brandomi[sz]ation\b", 0.75),
    zp("rct__en_placebo", r"\bplacebo[- ]controlled\b|\bdouble[- ]blind(?:ed)?\b", 0.6),
    # non-randomised controlled
    # "并非随机对照研究" denies randomisation: it says nothing of a control arm
    zp("controlled_trial__zh_nonrandom", r"(?<![并绝既])非随机(?:对照)?", 0.8),
    zp("controlled_trial__en_nonrandom", r"\bnon-?\s?randomi[sz]ed\b", 0.8),
    zp("controlled_trial__zh_control", r"(?<!随机)(?<!安慰剂)(?<!、)(?<!自身)(?<!前后)对照(?:临床)?(?:试验|研究)|设(?:立|置|有)?了?对照组|与对照组相比|对照组\s*\d+\s*(?:例|名|人)", 0.45),
    zp("controlled_trial__en_control", r"(?<!randomized )(?<!randomised )(?<!placebo-)\bcontrolled (?:clinical )?trial\b(?!s)|\bcontrol group\b", 0.45),
    # a sham procedure or patients "as controls" is a concurrent control arm, whatever the blinding
    # ("randomised sham-controlled" is still an RCT: the randomisation cue scores higher)
    zp("controlled_trial__sham", r"\bsham(?:[- ]controlled|[- ]operated|\s+(?:procedures?|treatments?|infusions?|injections?|groups?|arms?))\b"
                                 r"|\bas\s+(?:the\s+)?(?:concurrent\s+)?controls\b|假手术|假治疗|假输注|作为对照组", 0.6),
    # single-arm trials
    zp("single_arm_trial__zh_arm", r"单臂|单组|自身前后对照|自身对照", 0.75),
    zp("single_arm_trial__en_arm", r"\bsingle[- ](?:arm|group)\b|\bbefore[- ]and[- ]after\b", 0.75),
    zp("single_arm_trial__en_open", r"\bopen[- ]label\b", 0.5),
    zp("single_arm_trial__zh_open", r"开放标签|开放性(?:临床)?(?:研究|试验)", 0.5),
    # "不设对照组", "没有对照组", "without a control group", "uncontrolled": no control stated outright
    zp("single_arm_trial__zh_no_control", r"(?:不设|未设|没有设?|没设|无|缺乏|缺少)(?:立|置)?(?:平行)?对照(?:组|臂)", 0.75),
    zp("single_arm_trial__en_no_control", r"\b(?:no|without(?: an?)?|lacked(?: an?)?|lacking(?: an?)?|did not (?:include|have) an?)\s+(?:concurrent\s+|parallel\s+|placebo\s+)?control (?:group|arm)s?\b|\buncontrolled (?:(?:clinical|pilot|open-label)\s+)?(?:trial|study)\b", 0.75),
    zp("single_arm_trial__first_in_human", r"\bfirst[- ]in[- ](?:human|man)\b|首次人体|首个人体|人体首次|全球首例人体", 0.5),
    zp("single_arm_trial__zh_phase", r"(?:[ⅠⅡⅢI]{1,3}|[1-3一二三])(?:\s*/\s*(?:[ⅠⅡⅢI]{1,3}|[1-3]))*\s*期临床", 0.45),
    zp("single_arm_trial__en_phase", r"\bphase\s*(?:I{1,3}|[1-3])(?:\s*/\s*(?:I{1,3}|[1-3]))*\b", 0.45),
    # (a bare "临床研究"/"clinical study" names no design: a heading "临床研究怎么说?", a hospital's
    # "干细胞临床研究" programme; it was a fallback cue once and is no longer one)
    zp("single_arm_trial__all_treated", r"所有患者均接受|全部患者均接受|\ball (?:\d+ )?(?:patients|participants|subjects) (?:underwent|received)\b", 0.35),
    # observational
    zp("observational__zh", r"回顾性|回溯性|登记研究|注册研究|队列研究|观察性研究|真实世界", 0.8),
    zp("observational__en", r"\bretrospective(?:ly)?\b|\bregistry\b|\bcohort stud(?:y|ies)\b|\bprospective cohort\b|\bobservational\b|\breal[- ]world\b", 0.8),
    # case reports
    zp("case_report__zh", r"病例报告|个案报告|[一1]例报告|案例报告|病例报道|个案", 0.85),
    zp("case_report__en", r"\bcase report\b|\bcase study\b", 0.85),
    zp("case_report__zh_one_patient", r"(?<![\d.零一二两三四五六七八九十百])[1一](?:例|名|位)(?:[^,。;:\d]{0,12}?)(?:患者|病人|男性|女性|男子|女子)", 0.6),
    zp("case_report__zh_age", r"(?<![\d~\-至到])\d{1,2}岁(?:的)?(?:[^\s,。;]{0,4}?)(?:男性患者|女性患者|患者|男性|女性|先生|女士)", 0.5),
    zp("case_report__zh_reported", r"(?:报道|报告)了?(?:[一1]|首)例(?!研究|试验)", 0.85),
    # a case description's opening profile: "患者,男,19岁"
    zp("case_report__zh_profile", r"患者[,,]\s*(?:男|女)性?[,,]\s*\d{1,2}岁", 0.6),
    zp("case_report__zh_this_case", r"该病例|本病例|该案例|本例患者|病例表明|案例显示|案例表明", 0.55),
    # a patient given a pseudonym ("老周(化名)", "not her real name") is a patient story: one case
    zp("case_report__pseudonym", r"[(（]\s*(?:[均皆都]?(?:为|系|是))?化名\s*[)）]|[均皆都](?:为|系|是)化名|\(\s*not (?:his|her|their) real names?\s*\)"
                                 r"|\b(?:his|her|their|whose) names? (?:has|have) been changed\b", 0.5),
    zp("case_report__en_patient", r"\ba \d{1,2}-year-old (?:man|woman|male|female|patient|boy|girl)\b|\bthis case\b|\bone patient\b(?= (?:with|who|was|received))", 0.55),
    # narrative reviews
    zp("review__zh", r"综述|研究进展|进展与展望|进展与挑战|未来方向|文献复习", 0.6),
    zp("review__en", r"(?<!systematic )(?<!literature )\breview\b(?!ed|er|\s+(?:of\s+(?:endocrinology|medicine)|board|and reports))|\boverview\b|\bfuture directions\b|\bcurrent advances\b", 0.6),
    # preclinical
    zp("preclinical__zh_animal", r"小鼠|大鼠|动物实验|动物模型|动物研究|猕猴|食蟹猴|非人灵长类|临床前", 0.7),
    zp("preclinical__en_animal", r"\bmice\b|\bmouse\b|\bmurine\b|\brats?\b|\banimal (?:models?|stud(?:y|ies)|experiments?)\b|\bpre-?clinical\b|\bnon-?human primates?\b", 0.7),
    zp("preclinical__in_vitro", r"(?<!自)体外(?!扩增|培养|扩|周|循环)|\bin vitro\b", 0.35),
)

# a lower score for these weaker cues in a sentence that holds them
# "13项RCT", "多项随机对照试验", "several randomized": a count of trials (one "一项" is the study itself)
_COUNT_BEFORE = re.compile(ascii_boundaries(r"(?:[2-9]|\d{2,}|[二两三四五六七八九十][一二三四五六七八九十]*|多|数|几)\s*(?:项|篇|个)\s*$|\bseveral\s*$|\b(?:[2-9]|\d{2,})\s+$"), re.I)
_META_WORDS = compile_cues((r"荟萃|meta\s*分析|系统评价|系统综述|meta-?analys|systematic review",))
_CASE_TRAPS_AFTER = compile_cues((r"^(?:[^,。;]{0,12}?)(?:出现|发生|死亡|失访|脱落|退出|未)",))
_CASE_TRAPS_BEFORE = compile_cues((r"(?:其中|中有|仅|有|另|只|共|各)\s*$", r"(?:年龄|平均|aged|mean age)[^,。;]{0,6}$"))

# "不设对照组", "no control group", "尚无随机对照试验", "no randomized trial has been published":
# a negated control or randomisation is never the study's controlled design
_NEGATED_BEFORE = compile_cues((r"(?:不|未|没有|没|无|缺乏|缺少)$", r"\b(?:no|not|without(?: an?)?|lack(?:ed|ing)?(?: an?)?|not (?:include|have) an?)\s+(?:(?:concurrent|parallel|placebo)\s+)?$"))
# a trial that is planned, needed or under way after this one: "A randomised sham-controlled study is planned"
_PLANNED_AFTER = compile_cues((
    r"^[^,。;:]{0,30}?(?:正在(?:进行|筹备|招募|开展)|(?:将|即将|拟)(?:于|在)?[^,。;]{0,8}(?:启动|开展|开始|进行)|尚未开展|有待开展|仍在进行)",
    r"^(?:[\w\s,-]{0,30}?\b(?:study|trial|RCT)s?)?\s+(?:is|are)\s+(?:now\s+|being\s+)?"
    r"(?:planned|needed|warranted|required|under\s*way|ongoing|recruiting)\b"
    r"|^(?:[\w\s,-]{0,30}?\b(?:study|trial|RCT)s?)?\s+(?:will|would)\s+(?:be|start|begin)\b",
))
# a trial being opened, launched or prepared now or later is another study than the one reported:
# "researchers are opening a phase 1 trial", "团队即将启动一项I期临床试验" ("launched in 2019" is past)
_LAUNCHING_BEFORE = compile_cues((
    r"(?:即将|将要|将|拟|计划|准备|正在筹备|正筹备|筹备)(?:于[^,。;]{0,8})?(?:启动|开展|开始|开启|进行|推出)[^,。;]{0,10}$",
    # a study someone recommends or requires: "建议纳入正在开展的多中心随机对照研究", "the FDA is requiring a registry study"
    r"(?:建议|要求)[^,。;]{0,6}?(?:开展|进行|纳入|参加|参与|补充)[^,。;]{0,10}$",
    r"\b(?:requires|requiring|recommends?|recommending)\s+(?:that\s+)?(?:an?|the)\b[^.;]{0,30}$",
    r"\b(?:(?:is|are)\s+(?:now\s+)?(?:opening|launching|planning|preparing|initiating|starting)|"
    r"(?:will|plans?\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:open|launch|start|begin|initiate|run|conduct))\b[^.;]{0,30}$",
))
LAUNCHING_FACTOR = 0.4
# "still in preclinical testing", "仍处于临床前阶段", "the Phase 3 programme": a product's development
# stage, not a study design
_STAGE_AFTER = compile_cues((r"^[\s-]*(?:研究)?(?:阶段|研发|开发|管线|候选)", r"^[\s-]*(?:testing|development|stage|phase|programs?|programmes?|pipeline|candidates?|assets?)\b"))
# the verbs of allocation ("randomly assigned", "随机分为") describe what was done, never a plan
_ALLOCATION_VERBS = frozenset({"rct__zh_assigned", "rct__en_randomly"})
# "开放标签对照研究", "open-label, controlled trial": open-label is about blinding; the control decides
_CONTROL_AFTER_OPEN = compile_cues((r"^[\s,、,-]{0,3}(?:(?:非)?随机|(?:平行)?对照)", r"^[\s,-]{0,3}(?:(?:non-?\s?)?randomi[sz]ed|controlled)\b"))
_PLURAL_META = re.compile(r"analyses$", re.I)
# "Systematic Reviews and Meta-Analyses" (PRISMA), "this/these meta-analyses": still the study's own
_OWN_PLURAL_BEFORE = compile_cues((r"(?:reviews\s+and|\bthese|\bthis|\bour)\s*$",))
# cues that only say a control arm exists ("control group", "sham procedure"): a randomised trial has
# one too, so they yield to a randomisation cue of the record ("double-blind, sham-controlled ... randomized")
CONTROL_ONLY = frozenset({"controlled_trial__zh_control", "controlled_trial__en_control", "controlled_trial__sham"})
CONTROL_YIELDS_TO = 0.6    # an rct hit at or above this silences the control-only cues
# "open-label" (nobody blinded) and "phase 1/2" (a development stage) say nothing about the arms:
# a stated control arm (a sham group) decides instead
ARMLESS_CUES = frozenset({"single_arm_trial__en_open", "single_arm_trial__zh_open",
                          "single_arm_trial__en_phase", "single_arm_trial__zh_phase"})
# the weakest cues: they decide only when the record names no other design at all
FALLBACK_PATTERNS = frozenset({"single_arm_trial__all_treated"})
FALLBACK_MIN_OTHER = 0.4   # another design's hit at or above this silences the fallbacks

# when two labels tie, the more specific description wins
DESIGN_PRIORITY: tuple[str, ...] = (
    "meta_analysis", "case_report", "rct", "controlled_trial", "single_arm_trial",
    "observational", "review", "preclinical",
)


class DesignExtractor(FieldExtractor):
    """Design words scored by their sentence: the study's own description outranks background."""

    name = "design"
    field = "design"
    patterns = DESIGN_PATTERNS

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        label = pattern.name.split("__", 1)[0]
        text = span.doc.view
        start, end = m.start(), m.end()
        if in_journal_name(text, start):
            return []
        score = context_score(text, start, end, span.start, span.end, pattern.score)
        h = self.hit({"value": label}, start, end, pattern, score=score)
        return [h]

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        text = span.doc.view
        label = hit.value["value"]
        s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        before = text[max(s, hit.start - 25):hit.start]
        if label in ("rct", "controlled_trial"):
            # "13项RCT", "需要更多随机对照试验", "a meta-analysis of RCTs": about other trials
            if _COUNT_BEFORE.search(text[max(s, hit.start - 8):hit.start]):
                return None
            if FUTURE_CUES.search(before) or _META_WORDS.search(text, s, e):
                return None
            if hit.pattern not in _ALLOCATION_VERBS and _PLANNED_AFTER.search(text[hit.end:e]):
                return None
        if label in ("rct", "controlled_trial") and _NEGATED_BEFORE.search(text[max(s, hit.start - 12):hit.start]):
            return None  # "不设对照组", "with no control group", "no randomized trial has been published"
        # "similar to that reported in meta-analyses": a plural design noun is other studies
        if label == "meta_analysis" and _PLURAL_META.search(text[hit.start:hit.end]) and not _OWN_PLURAL_BEFORE.search(before):
            return None
        if (label == "preclinical" or hit.pattern.endswith("_phase")) and _STAGE_AFTER.search(text[hit.end:hit.end + 16]):
            return None
        if _LAUNCHING_BEFORE.search(text[max(s, hit.start - 60):hit.start]):
            hit.score = round(hit.score * LAUNCHING_FACTOR, 4)
        if hit.pattern.endswith("_open") and _CONTROL_AFTER_OPEN.search(text[hit.end:e]):
            return None
        if hit.pattern == "case_report__zh_one_patient" or hit.pattern == "case_report__zh_age":
            if _CASE_TRAPS_BEFORE.search(text[max(s, hit.start - 8):hit.start]):
                return None
            if _CASE_TRAPS_AFTER.search(text[hit.end:min(e, hit.end + 14)]):
                return None
        if hit.pattern == "observational__en" and re.search(r"trials?\s*$|clinical\s*$", before, re.I):
            return None  # "Clinical Trial Registry" is where a trial is registered, not a design
        if label == "review" and re.search(r"文献复习", text[hit.start:hit.end]):
            hit.score = min(hit.score, 0.3)  # "一例报告并文献复习": the review is an appendix
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """One label: highest score, then most mentions, then ``DESIGN_PRIORITY``; fallbacks last."""
        if not hits:
            return []
        # "临床研究"/"all patients received" only stand in for a design the record does not name
        if any(h.pattern not in FALLBACK_PATTERNS and h.score >= FALLBACK_MIN_OTHER for h in hits):
            hits = [h for h in hits if h.pattern not in FALLBACK_PATTERNS]
        if any(h.value["value"] == "rct" and h.score >= CONTROL_YIELDS_TO for h in hits):
            hits = [h for h in hits if h.pattern not in CONTROL_ONLY]
        if any(h.value["value"] in ("rct", "controlled_trial") and h.score >= CONTROL_YIELDS_TO for h in hits):
            hits = [h for h in hits if h.pattern not in ARMLESS_CUES]
        by_label: dict[str, list[Hit]] = defaultdict(list)
        for h in hits:
            by_label[h.value["value"]].append(h)

        def key(label: str) -> tuple[float, int, int]:
            group = by_label[label]
            best = max(h.score for h in group)
            prio = DESIGN_PRIORITY.index(label) if label in DESIGN_PRIORITY else len(DESIGN_PRIORITY)
            return (-best, -len(group), prio)

        label = sorted(by_label, key=key)[0]
        best = sorted(by_label[label], key=lambda h: (-h.score, h.start))[0]
        return [best]


EXTRACTOR = DesignExtractor()
