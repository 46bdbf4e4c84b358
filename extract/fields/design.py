"""Study design (controlled vocabulary of the guideline): one label per record.

Also home of the small context helpers the classifier-style extractors share
(``widen_zh``, ``sentence_bounds``, ``context_score``): they belong in ``extract/nlp.py``
once that module exists.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

import opencc

from .base import FieldExtractor, Hit, Pattern, Span

# ---------------------------------------------------------------------------------------------
# shared context helpers
# ---------------------------------------------------------------------------------------------

_S2T = opencc.OpenCC("s2t")
# OpenCC maps these per phrase, not per character: add the traditional forms used in our terms
_EXTRA_TRAD = {"周": "週", "干": "幹乾", "台": "臺", "里": "裡", "后": "後", "准": "準", "志": "誌"}


@lru_cache(maxsize=None)
def _variants(ch: str) -> str:
    out = ch + _S2T.convert(ch) + _EXTRA_TRAD.get(ch, "")
    return "".join(dict.fromkeys(out))


_ASCII_B = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"


def widen_zh(regex: str) -> str:
    """Let a regex written in simplified Chinese also match traditional characters.

    The matching view is simplified Chinese, but a pattern must not depend on that
    conversion having run (tests, other pipelines): each CJK character becomes a class.
    ``\\b`` becomes an ASCII word boundary, so that "T2DM患者" and "接受hUC-MSCs" match.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\" and i + 1 < len(regex):
            # Python's \b sees no boundary between "MSC" and "治疗" (both \w): use an ASCII one
            out.append(_ASCII_B if regex[i + 1] == "b" and not in_class else regex[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if "\u4e00" <= ch <= "\u9fff":
            v = _variants(ch)
            out.append(v if in_class else (f"[{v}]" if len(v) > 1 else v))
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def zp(name: str, regex: str, score: float = 1.0, flags: int = re.IGNORECASE) -> Pattern:
    """A ``Pattern`` whose Chinese characters also match their traditional forms."""
    return Pattern(name, widen_zh(regex), score, flags)


SELF_NEAR = 15  # chars between a self cue and a design word for the full bonus
_HARD_STOP = set("。!?;\n！？；")
_MAX_SENT = 400  # chars searched either side: a context window, not a parser


def sentence_bounds(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> tuple[int, int]:
    """The sentence around [start, end): bounded by 。!?; newlines and '. ' (period + space/CJK)."""
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


def _is_period(text: str, i: int) -> bool:
    """A '.' that ends a sentence: not a decimal point, followed by space, CJK or the end."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isdigit() and nxt.isdigit():
        return False
    return nxt.isspace() or "\u4e00" <= nxt <= "\u9fff"


def compile_cues(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(widen_zh("|".join(words)), re.IGNORECASE)


# the study's own description: "本研究", "this study", "we conducted" ...
SELF_CUES = compile_cues((
    r"本研究", r"该研究", r"此研究", r"这项研究", r"此项研究", r"该项研究", r"本试验", r"该试验", r"这项试验",
    r"本文", r"本综述", r"该综述", r"本系统", r"这项", r"该项", r"该团队", r"研究团队", r"研究人员",
    r"研究者", r"团队", r"我们", r"该病例", r"本病例", r"该案例", r"本例", r"题为", r"名为",
    r"发表了?一篇", r"发表了?一项", r"刊发了?一篇", r"报道了?一项", r"报告了?一项", r"公布了?一项",
    r"\bpublished (?:in|a|the)\b", r"\b(?:a|the) (?:new|recent) (?:study|trial|report)\b",
    r"\bthis (?:study|trial|analysis|review|report|case)\b", r"\bthe (?:present|current) (?:study|trial)\b",
    r"\bour (?:study|trial|data|results|patients)\b", r"\bwe (?:conducted|performed|report|enrolled|present|describe|investigated|analy[sz]ed|did)\b",
    r"\bin this\b", r"\b(?:the )?researchers\b", r"\bthe authors\b", r"\bthe team\b",
))
# background, citation or future-work context: "既往研究", "previous studies", "需要更多随机对照试验"
BACKGROUND_CUES = compile_cues((
    r"既往", r"以往", r"此前", r"先前", r"其他(?:研究|试验|类型|来源|干细胞)", r"另一项", r"多项", r"一些", r"有研究", r"文献报道", r"相比",
    r"传统", r"未来", r"需要", r"仍需", r"有待", r"更多", r"更大规模", r"例如", r"比如", r"候选",
    r"\bprevious(?:ly)?\b", r"\bprior\b", r"\bearlier\b", r"\bother (?:studies|trials|types|sources)\b", r"\bseveral\b", r"\bmany\b",
    r"\bsome studies\b", r"\bfuture\b", r"\bfurther\b", r"\blarger\b", r"\bneeded\b", r"\bwarrant",
    r"\bcompared (?:with|to)\b", r"\bconventional\b", r"\btraditional\b", r"\bsuch as\b", r"\bcandidates?\b",
))
# an article title in 《》 or quotes, introduced as the study's own title
_TITLE_OPEN = compile_cues((r"(?:题为|名为|关于|一篇|标题为|titled)\s*[《“\"「]$",))


def in_title(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a 《title》/“title” that the text presents as a work's title."""
    floor = max(0, start - 200)
    for i in range(start - 1, floor - 1, -1):
        c = text[i]
        if c in "》”」\n。":
            return False
        if c in "《“\"「":
            return bool(_TITLE_OPEN.search(text, max(0, i - 8), i + 1))
    return False


def in_journal_name(text: str, start: int) -> bool:
    """Whether ``start`` is inside a journal name: 《Journal》 after 期刊/杂志/在, or 'Review of ...'."""
    floor = max(0, start - 80)
    for i in range(start - 1, floor - 1, -1):
        c = text[i]
        if c in "》\n。":
            return False
        if c == "《":
            before = text[max(0, i - 6):i]
            return bool(re.search(widen_zh(r"期刊|杂志|在|刊发于|发表于|发表在|上"), before))
    return False


_REFERENCE = re.compile(r"\bdoi\b|\bPMID\b|\[J\]|\bet al\.|\b(?:19|20)\d{2}\s*;\s*\d+|\b(?:19|20)\d{2}\s+[A-Z][a-z]{2}\b[^\n]{0,20};", re.I)


def in_reference(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a reference-list line ("... et al. ... 2020;12(3):45. doi: ...")."""
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    e = len(text) if e < 0 else e
    return bool(_REFERENCE.search(text, s, e))


def context_score(text: str, start: int, end: int, lo: int, hi: int, base: float,
                  *, self_bonus: float = 0.4, title_bonus: float = 0.45,
                  background_factor: float = 0.5) -> float:
    """``base`` raised when the sentence is the study's own description, lowered in background."""
    s, e = sentence_bounds(text, start, end, lo, hi)
    score = base
    if in_title(text, start):
        score += title_bonus
    else:
        # the design word next to "本研究/this study" is the study's own; others in the sentence less so
        near = [max(start - c.end(), c.start() - end, 0) for c in SELF_CUES.finditer(text, s, e)]
        if near:
            score += self_bonus if min(near) <= SELF_NEAR else self_bonus / 2
    # background cues count only before the match, within its sentence
    if BACKGROUND_CUES.search(text, max(s, start - 30), start) or in_reference(text, start):
        score *= background_factor
    return round(score, 4)


# ---------------------------------------------------------------------------------------------
# design
# ---------------------------------------------------------------------------------------------

# pattern name prefix -> design label (the prefix before the first "__")
DESIGN_PATTERNS: tuple[Pattern, ...] = (
    # meta-analyses and systematic reviews with pooling
    zp("meta_analysis__zh", r"荟萃分析|meta\s*分析|汇总分析|系统评价(?:和|与|及)|系统综述(?:和|与|及)", 0.9),
    zp("meta_analysis__en", r"\bmeta[- ]?analys[ie]s\b|\bpooled analysis\b", 0.9),
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
    zp("controlled_trial__zh_nonrandom", r"非随机(?:对照)?", 0.8),
    zp("controlled_trial__en_nonrandom", r"\bnon-?\s?randomi[sz]ed\b", 0.8),
    zp("controlled_trial__zh_control", r"(?<!随机)(?<!安慰剂)(?<!、)对照(?:临床)?试验|设(?:立|置)?了?对照组|与对照组相比", 0.45),
    zp("controlled_trial__en_control", r"(?<!randomized )(?<!randomised )(?<!placebo-)\bcontrolled (?:clinical )?trial\b(?!s)|\bcontrol group\b", 0.45),
    # single-arm trials
    zp("single_arm_trial__zh_arm", r"单臂|单组|自身前后对照|自身对照", 0.75),
    zp("single_arm_trial__en_arm", r"\bsingle[- ](?:arm|group)\b|\bbefore[- ]and[- ]after\b", 0.75),
    zp("single_arm_trial__en_open", r"\bopen[- ]label\b", 0.5),
    zp("single_arm_trial__zh_phase", r"(?:[ⅠⅡⅢI]{1,3}|[1-3一二三])(?:\s*/\s*(?:[ⅠⅡⅢI]{1,3}|[1-3]))*\s*期临床", 0.45),
    zp("single_arm_trial__en_phase", r"\bphase\s*(?:I{1,3}|[1-3])(?:\s*/\s*(?:I{1,3}|[1-3]))*\b", 0.45),
    zp("single_arm_trial__all_treated", r"所有患者均接受|全部患者均接受|\ball (?:\d+ )?(?:patients|participants|subjects) (?:underwent|received)\b", 0.35),
    # observational
    zp("observational__zh", r"回顾性|登记研究|注册研究|队列研究|观察性研究|真实世界", 0.8),
    zp("observational__en", r"\bretrospective(?:ly)?\b|\bregistry\b|\bcohort study\b|\bobservational\b|\breal[- ]world\b", 0.8),
    # case reports
    zp("case_report__zh", r"病例报告|个案报告|[一1]例报告|案例报告|病例报道|个案", 0.85),
    zp("case_report__en", r"\bcase report\b|\bcase study\b", 0.85),
    zp("case_report__zh_one_patient", r"(?<![\d.零一二两三四五六七八九十百])[1一](?:例|名|位)(?:[^,。;:\d]{0,12}?)(?:患者|病人|男性|女性|男子|女子)", 0.6),
    zp("case_report__zh_age", r"(?<![\d~\-至到])\d{1,2}岁(?:的)?(?:[^\s,。;]{0,4}?)(?:男性患者|女性患者|患者|男性|女性|先生|女士)", 0.5),
    zp("case_report__zh_reported", r"(?:报道|报告)了?(?:[一1]|首)例(?!研究|试验)", 0.85),
    zp("case_report__zh_this_case", r"该病例|本病例|该案例|本例患者|病例表明|案例显示|案例表明", 0.55),
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
_FUTURE = compile_cues((r"需要|需进行|需开展|仍需|有待|未来|应当|应该|应开展|设计合适|为开展|将开展|计划开展|更多|进一步|更大",
                        r"\bfuture\b|\bfurther\b|\blarger\b|\bneeded\b|\bwarrant|\bshould\b|\bwill\b|\bmore\b|\bother\b"))
# "13项RCT", "多项随机对照试验", "several randomized": a count of trials (one "一项" is the study itself)
_COUNT_BEFORE = re.compile(widen_zh(r"(?:[2-9]|\d{2,}|[二两三四五六七八九十][一二三四五六七八九十]*|多|数|几)\s*(?:项|篇|个)\s*$|\bseveral\s*$|\b(?:[2-9]|\d{2,})\s+$"), re.I)
_META_WORDS = compile_cues((r"荟萃|meta\s*分析|系统评价|系统综述|meta-?analys|systematic review",))
_CASE_TRAPS_AFTER = compile_cues((r"^(?:[^,。;]{0,12}?)(?:出现|发生|死亡|失访|脱落|退出|未)",))
_CASE_TRAPS_BEFORE = compile_cues((r"(?:其中|中有|仅|有|另|只|共|各)\s*$", r"(?:年龄|平均|aged|mean age)[^,。;]{0,6}$"))

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
            if _FUTURE.search(before) or _META_WORDS.search(text, s, e):
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
        """One label: highest score, then most mentions, then ``DESIGN_PRIORITY``."""
        if not hits:
            return []
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
