"""Clauses that open a second study inside a paragraph, with no heading or line break (ERRORS.md 4.1, 4.4).

Real reviews, lectures and news features tell several studies in one paragraph. What opens the next one is a
clause, not a layout cue:

- an example with its actor: "如美国Vertex制药公司今年6月公布的研究显示…", "像某公司的2期试验显示…",
  "For example, Vertex reported in June that…";
- a registry's data: "根据2012年国际联合胰岛移植注册中心(CTR)提供的数据…", "根據胰島移植登錄資料分析…",
  "According to the Collaborative Islet Transplant Registry…";
- a dated report with a new subject: "2005年,美国糖尿病年会公布的…研究报道表明…", "In 2005, a multicentre study
  presented at the ADA meeting showed…";
- its authors, with no reference marker: "…王树森等人发表了…", "the trial by Gu and colleagues (120 patients…)";
- a transition to a new actor: "与此同时,瑞典乌普萨拉大学医院公布了…", "Meanwhile, Sana Biotechnology reported…";
- the next item of an example list: "…;中国杭州某再生医学公司也利用…", "; a Hangzhou company has also…".

An actor the text named before is the same study's ("此外,该团队还…", "In 2023, the team published…"), and a clause
with no study word is no study ("像Vertex这样的公司", "For example, the ADA recommends…", "根据国际糖尿病联盟的数据,
中国有1.4亿糖尿病患者"). ``find_openers`` only reads cues; ``segment.split_nested`` decides the cuts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from .numbers import EN_TEEN_WORDS, EN_TENS_WORDS, EN_UNIT_WORDS
from .rxcache import rx

# --- data ---------------------------------------------------------------------------------

# a word that makes a phrase an actor: an organisation, a team, a meeting that presents studies
ORG_WORD = rx(
    r"公司|药企|藥企|药厂|藥廠|生技|制药|製藥|药业|藥業|医药|醫藥|生物(?![学學技医醫制製材质質体體])|医院|醫院|大学|大學|学院|學院|研究所|研究院|科学院|科學院|中心|团队|團隊|课题组|課題組|"
    r"实验室|實驗室|机构|機構|科学家|科學家|研究人员|研究人員|学者|學者|年会|年會|学会|學會|协会|協會|医生|醫生|教授|"
    r"\b(?:[Cc]ompany|[Tt]eams?|[Gg]roups?|[Hh]ospitals?|[Uu]niversity|[Ii]nstitute|[Cc]ent(?:er|re)|[Rr]esearchers|"
    r"[Ss]cientists|[Dd]octors|[Ii]nvestigators|[Cc]linic|[Ll]ab(?:oratory)?|[Pp]harmaceuticals|[Tt]herapeutics|"
    r"[Bb]iotech(?:nology)?|[Mm]eeting|[Cc]ongress|[Ss]ociety|[Aa]ssociation)\b")
# a Latin proper name as the actor ("Vertex", "Sana Biotechnology"), not a sentence's first word
# (a capital and two lower-case letters: "MSCs", "HbA1c", "NCT" are no actors)
LATIN_NAME = rx(r"(?<![A-Za-z0-9-])(?-i:[A-Z][a-z]{2}[A-Za-z0-9&-]*)")
# capitalised words that name no actor (a sentence's first word, a group of people)
LATIN_STOP = rx(r"(?:Patients?|Participants?|People|Adults|Children|Women|Men|Results?|Data|Some|Many|Most|Others?|"
                        r"These|Those|This|That|The|Their|Its|Our|For|After|Before|During|Both|Several|All|One|Two|Three|"
                        r"Phase|Type|Insulin|Diabetes|Stem|Cells?|Islets?|However|Also|Such|Like|"
                        # a count that opens a sentence ("Eleven trials…", "Forty-two adults…", "Twelve of them…")
                        r"(?i:(?:" + "|".join(EN_TENS_WORDS) + r")(?:-(?:" + "|".join(EN_UNIT_WORDS) + r"))?|"
                        + "|".join(EN_TEEN_WORDS) + "|" + "|".join(EN_UNIT_WORDS) + r"))$")
# an actor already known to the reader: the study being reported, not another one
ANAPHORIC_ACTOR = rx(r"^\s*(?:该|該|这|這|此|本|其|上述|同一|他们|他們|她们|她們|研究团队|研究團隊|研究人员|研究人員|"
                             r"(?:the|this|these|that|its|their|our)\s+(?:[\w-]+\s+)?(?:team|group|researchers|investigators|"
                             r"study|trial|company|hospital|authors)\b|they\b|it\b|he\b|she\b|we\b)", re.IGNORECASE)
# a sentence that refers back to the study being reported is no other study's ("2024年4月30日,《细胞发现》在线发表了这项
# 研究", "该研究由王某等人完成", "Smith and colleagues published the findings in Cell")
BACK_REFERENCE = rx(r"该研究|該研究|这项研究|這項研究|此项研究|此項研究|本研究|这一研究|這一研究|该成果|該成果|这一成果|這一成果|"
                            r"这项成果|這項成果|该病例|該病例|这一病例|這一病例|该试验|該試驗|这项试验|這項試驗|本试验|本試驗|"
                            r"\b(?:the|this|these|their|its) (?:study|trial|research|results|findings|paper|case|data)\b"
                            r"(?!\s+(?:by|from|of|led by|conducted by|in which)\b)|"
                            # the reported trial called by its name: "這項名為LANTERN-2的研究", "该项代号MERIDIAN-4的研究",
                            # "this study, called LANTERN-2"
                            r"(?:这项|這項|此项|此項|该项|該項)(?:研究|试验|試驗)?\s*(?:名为|名為|代号为?|代號為?|称为|稱為|叫做|叫作)|"
                            r"\bthis (?:study|trial),?\s+(?:called|named|dubbed|known as)\b",
                            re.IGNORECASE)
# words that make the clause report a study (a study noun, a publication, data or a counted cohort)
STUDY_CUE = rx(
    r"试验|試驗|(?:的|一项|一項)[^,，。;；]{0,12}?研究|研究(?:显示|顯示|表明|发现|發現|结果|結果|纳入|納入|证实|證實|报道|報導|收效|取得)|"
    r"(?:早期|初步|前期|小型|首个|首個)(?:临床|臨床)?研究|"
    r"报告|報告|报道|報導|公布|公佈|发表|發表|数据|數據|资料|資料|\d+\s*(?:名|例|位)|\d{1,4}\s*人(?![口次])|"
    r"\b(?:study|studies|trial|report(?:ed|s)?|published|announced|presented|data|results?|showed|found|treated|"
    r"enrolled|transplanted|randomi[sz]ed)\b", re.IGNORECASE)
# where the actor phrase may sit after the lead: within this many characters, before any clause punctuation
ACTOR_CHARS = 30
# how far the study cue may be from the lead, inside the sentence
CUE_CHARS = 120

# the leads; each kind is checked by its own rule below
LEAD = rx(
    r"(?P<example>例如|比如|譬如|诸如|諸如|如(?!果|何|此|下|今|同|图|圖|表|前|上|期|实|實|是|若|需|有|这|這|那|其|该|該|能|可|要|不)|"
    r"像(?!是|这|這|那|此)|\bFor (?:example|instance)\b|\be\.g\.)|"
    r"(?P<registry>根据|根據|依据|依據|\bAccording to\b|\b(?:Data|Figures) from\b|\bBased on data from\b)|"
    r"(?P<dated>(?<!\d)(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*[日号號])?|\bIn (?:(?-i:[A-Z][a-z]+)\s+)?(?:19|20)\d{2}\b|"
    # a dated paper as the scene: "In a 2025 paper in Cell Reports, a team at … described a 62-year-old man"
    r"\bIn an? (?:19|20)\d{2}\s+(?P<paper>paper|study|report|article|letter|publication)\b)|"
    r"(?P<transition>与此同时|與此同時|同一时期|同一時期|另一方面|无独有偶|無獨有偶|此外|另外|"
    # a comparator named beside the study: "横向对比:韩国达元细胞的DWC-07…15人…", "By comparison, Nordvale's…"
    r"横向对比|橫向對比|相比之下|相較之下|相较之下|对比来看|對比來看|作为对比|作為對比|"
    r"\bMeanwhile\b|\bSeparately\b|\bElsewhere\b|\bIn addition\b|\bIn (?:a|another) separate\b|"
    r"\bBy comparison\b|\bIn comparison\b|\bFor comparison\b|"
    # a place as the new scene: "在国内,…", "In China, a team at…" (the place checked to be a country)
    # ("國內方面,彰濱某醫院…報告…42名…", "海外方面,…", "Closer to home, a team at …")
    r"(?:在)?(?:国内|國內|国外|國外|海外|本地|台湾|台灣|香港)(?:方面)?(?=\s*[,，])|\bIn (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=,)|"
    r"\bCloser to home\b|"
    # besides the one told: "除了Vertex(之外),Sana公司也…", "Besides Vertex, …", "Apart from Vertex, …"
    r"除了[^,，。;；\n]{1,20}?(?:之外|以外)?(?=[,，])|除[^,，。;；\n]{1,20}?(?:之外|以外)(?=[,，])|"
    r"\b(?:Besides|Beyond|Apart from|Aside from|In addition to)\s+[^,.;\n]{1,40}?(?=,))|"
    r"(?P<example_after>,\s*for (?:example|instance),|以[^,，。;；\n]{1,20}?(?:为例|為例)(?=[,，]))|"
    # another study with its own cohort: "另有研究指出,30名…", "类似的结果也出现在国内一项研究中:20名…",
    # "Results from a different trial, in which 30 patients…", "Similar results were reported by a group that treated 20…"
    r"(?P<other>另有(?:一项|一項)?(?=[^。,，]{0,6}(?:研究|试验|試驗|报告|報告))|(?:还有|還有|也有|亦有)(?:一项|一項)?(?=研究|试验|試驗)|"
    # "另一条是meta分析:…纳入19项研究、共738例", "Another trial, of 40 patients, …"
    r"另一(?:条|條|项|項|个|個|篇|则|則)(?=[^。,，]{0,8}?(?:研究|试验|試驗|报告|報告|分析|消息|病例))|"
    r"\bAnother (?:study|trial|analysis|meta-analysis|report|paper)\b|"
    r"(?:类似|類似|相似)的?(?:结果|結果|发现|發現)|\b(?:a|an) (?:different|third|parallel|related|smaller|larger) (?:study|trial|analysis)\b|"
    r"\bSimilar (?:results|findings) (?:were|have been) (?:reported|seen|found)\b)|"
    r"(?P<authors>(?<=[\u4e00-\u9fff])等人|\bet al\b\.?|\band (?:his |her |their )?(?:colleagues|co-?workers)\b)|"
    r"(?P<also>(?<=[\u4e00-\u9fff])(?:也|亦|同样|同樣)(?=[\u4e00-\u9fff])|\b(?:has|have) also\b)", re.IGNORECASE)
# a registry as the source of the data (a trial registry's tally of trials is background)
REGISTRY_SOURCE = rx(r"登记|登記|登錄|登录|注册中心|註冊中心|注册处|註冊處|注册登记|數據庫|数据库|資料庫|"
                             r"\b(?:Registry|Register|Database)\b|\b(?:CITR|CTR|ITR)\b", re.IGNORECASE)
TRIAL_REGISTRY = rx(r"临床试验|臨床試驗|ClinicalTrials|clinical trials?\s|trial regist", re.IGNORECASE)
# the data a source gives ("提供的数据", "資料分析"); a count or a treatment in the sentence makes it a study
REGISTRY_DATA = rx(r"数据|數據|资料|資料|报告|報告|统计|統計|分析|\b(?:data|report|analysis|figures|show(?:s|ed)?)\b",
                           re.IGNORECASE)
TREATMENT = rx(r"移植|治疗|治療|输注|輸注|\d+\s*(?:名|例|位)|\b(?:transplant\w*|treat\w*|infus\w*|recipients?|patients)\b",
                       re.IGNORECASE)
# ... and a registry's study counts its cohort ("分析1990-1999年间的237例胰岛移植", "677 islet transplants"); a registry's
# general figure is background ("依據CITR資料,胰島移植後5年維持不需胰島素者約5成")
COUNTED = rx(r"\d[\d,]*\s*(?:名|例|位|人|次)|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|recipients|"
                     r"transplants?|procedures|people|subjects)\b", re.IGNORECASE)
# a trial still to come
FUTURE = rx(r"计划|計劃|将|將|拟|擬|预计|預計|准备|準備|\b(?:plans?|hopes?|aims?|aiming|intends?|will|would|expects?|"
                    r"to recruit|to enrol+)\b", re.IGNORECASE)
# one patient: "一名25岁女性", "a 25-year-old woman"
ONE_CASE = rx(r"(?:一|1)\s*(?:名|位|例)[^,，。;；]{0,20}?(?:患者|病人|男性|女性|男子|女子)|\b\d{1,3}-year-old\b", re.IGNORECASE)
# a dated report: a publication verb and a study noun after it
DATED_VERB = rx(r"公布|公佈|发表|發表|报告|報告|报道|報導|宣布|宣佈|\b(?:published|reported|presented|announced)\b",
                        re.IGNORECASE)
DATED_NOUN = rx(r"研究|试验|試驗|报道|報導|报告|報告|数据|數據|结果|結果|病例|\b(?:study|trial|results?|data|case|series)\b",
                        re.IGNORECASE)
# authors: a Chinese name before 等人, a capitalised surname before "et al"/"and colleagues"
ZH_NAME_BEFORE = rx(r"[\u4e00-\u9fff]{2,4}\s*$")
EN_NAME_BEFORE = rx(r"(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+))?\s*$")
AUTHORS_VERB = rx(r"发表|發表|报道|報導|报告|報告|开展|開展|完成|纳入|納入|"
                          r"\b(?:reported|published|described|showed|found|treated|enrolled|randomi[sz]ed|presented|transplanted)\b",
                          re.IGNORECASE)
# "the trial by Gu and colleagues": the study noun before the authors
STUDY_BY = rx(r"\b(?:trial|study|report|series|paper|work)\s+(?:by|from|of)\s+$", re.IGNORECASE)
# a speaker's comment is no study ("另一家医院的专家表示", "experts at X said")
SPEECH = rx(r"表示|认为|認為|指出|称|稱|说|說|所言|评论|評論|\b(?:said|says|told|commented|noted|believes?)\b", re.IGNORECASE)
NEWLINE = rx(r"\n")
CLAUSE_PUNCT = "\n,，。;；:：!?！？"
SENTENCE_PUNCT = "\n。;；!?！？"
# ... before an English lead (a comma ends no clause before "For example" at a sentence start)
# a line's time code (show notes, transcripts, live blogs) before the clause
TIME_CODE_BEFORE = rx(r"(?:^|\n)[ \t]*\[?(?:\d{1,2}:)?\d{1,2}:\d{2}\]?[ \t\u3000]+$")
EN_SENTENCE_START = rx(r"(?:^|[.;:!?\n])\s*(?:[\"“‘(]\s*)?$")


@dataclass(frozen=True)
class Opener:
    """A clause that opens a study of its own: its kind, where the clause starts and where the cue ends."""

    kind: str          # example | registry | dated | transition | authors | also | actor | product | product_heading
    start: int
    cue_end: int
    actor: str         # the actor phrase as written ("" when the cue names none)
    year: Optional[str] = None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from .metadata import countries   # (the countries table is data of the metadata module)
    return frozenset(name for name, _ in countries() if name.isascii())


# --- cue reading --------------------------------------------------------------------------

# a sentence or clause is read at most this far either side of a cue (a long unpunctuated line, a flattened table,
# stays linear: every cue looks at a bounded window)
REACH = 400


def _clause_start(view: str, floor: int, pos: int, stops: str = CLAUSE_PUNCT) -> int:
    """Where the clause holding ``pos`` starts: after the last stop character (or ". "), spaces skipped."""
    k = pos
    floor = max(floor, pos - REACH)
    while k > floor and view[k - 1] not in stops:
        k -= 1
    # an English clause ends at ". " too
    dot = view.rfind(". ", k, pos)
    k = dot + 2 if dot >= 0 else k
    while k < pos and view[k] in " \t":
        k += 1
    return k


def _sentence_end(view: str, pos: int, end: int) -> int:
    k = pos
    end = min(end, pos + REACH)
    while k < end and view[k] not in SENTENCE_PUNCT:
        if view[k] == "." and (k + 1 >= end or view[k + 1].isspace()) and not _abbrev_before(view, k):
            return k + 1
        k += 1
    return min(end, k + 1)


def _abbrev_before(view: str, k: int) -> bool:
    return bool(re.search(r"(?:\bet al|\be\.g|\bi\.e|\bDr|\bvs|\bNo|\b[A-Z])$", view[max(0, k - 6):k]))


def _clause_end(view: str, pos: int, end: int) -> int:
    k = pos
    end = min(end, pos + REACH)
    while k < end and view[k] not in CLAUSE_PUNCT:
        k += 1
    return k


# a journal as the actor: "2023年,《柳叶刀》发表的一项荟萃分析…"
JOURNAL_ACTOR = rx(r"《[^《》\n]{2,40}》")


def _actor(view: str, s: int, e: int) -> str:
    """The actor phrase in ``view[s:e]`` (up to its organisation word, Latin name or 《journal》), or ""."""
    text = view[s:e]
    # (to the last name in the window: "Researchers at Tianjin First Central Hospital")
    ends = [m.end() for rx in (ORG_WORD, JOURNAL_ACTOR) for m in rx.finditer(text)]
    ends += [n.end() for n in LATIN_NAME.finditer(text) if not LATIN_STOP.match(n.group(0))]
    if not ends:
        return ""
    phrase = text[:max(ends)].strip(" ,，")
    if ANAPHORIC_ACTOR.match(phrase) or re.search(r"这样|這樣|之类|之類|一样|一樣|such as|like", phrase, re.IGNORECASE):
        return ""
    return phrase


def _at_clause_start(view: str, floor: int, pos: int, *, english: bool) -> bool:
    """At the start of a clause, or of a time-coded line ("31:20 横向对比…", "[00:14:30] By comparison, …")."""
    if TIME_CODE_BEFORE.search(view, max(floor, pos - 14), pos):
        return True
    if english:
        return bool(EN_SENTENCE_START.search(view[max(floor, pos - 4):pos])) or pos == floor
    k = pos
    while k > floor and view[k - 1] in " \t\u3000":
        k -= 1
    return k == floor or view[k - 1] in CLAUSE_PUNCT


def find_openers(view: str, start: int, end: int) -> list[Opener]:
    """Every clause in ``view[start:end]`` that opens a study of its own (see the module docstring), in text order.

    The caller decides which of them cut the mention (an author or dated report must follow the mention's own
    study; an actor the mention named before is its own).
    """
    out: list[Opener] = []
    example_para: set[int] = set()       # paragraphs (line starts) that gave an example opener
    breaks = [b.start() for b in NEWLINE.finditer(view, start, end)]
    for m in LEAD.finditer(view, start, end):
        kind = m.lastgroup or ""
        p = m.start()
        if kind == "also" and not example_para:
            continue                    # (only the next item of an example list)
        english = not re.search(r"[\u4e00-\u9fff]", m.group(0))
        sent_end = _sentence_end(view, m.end(), end)
        clause_end = _clause_end(view, m.end(), end)
        i = bisect_right(breaks, p - 1)
        para = breaks[i - 1] + 1 if i else start
        op: Optional[Opener] = None
        if kind == "example" and _at_clause_start(view, start, p, english=english):
            after = m.end()
            while after < end and view[after] in " ,，":
                after += 1
            actor = _actor(view, after, min(_clause_end(view, after, end), after + ACTOR_CHARS))
            if actor and STUDY_CUE.search(view, after, min(sent_end, after + CUE_CHARS)) \
                    and not SPEECH.search(view, after, min(sent_end, after + ACTOR_CHARS + 10)):
                # ("如长征医院殷浩教授所说,…", "For example, Dr Lee said…": a quote, not a study)
                op = Opener(kind, _clause_start(view, start, p), m.end(), actor)
                example_para.add(para)
        elif kind == "registry" and _at_clause_start(view, start, p, english=english):
            src_end = min(clause_end if not english else sent_end, m.end() + 80)
            src = REGISTRY_SOURCE.search(view, m.end(), src_end)
            # ("According to the … Registry" is its data; "根据…登记处" needs "的资料/数据")
            if src and not TRIAL_REGISTRY.search(view, m.end(), src.end() + 4) \
                    and (english or REGISTRY_DATA.search(view, m.end(), min(sent_end, src.end() + 40))) \
                    and TREATMENT.search(view, m.end(), sent_end) and COUNTED.search(view, m.end(), sent_end):
                year = re.search(r"(?:19|20)\d{2}", view[m.end():src.start()])
                op = Opener(kind, _clause_start(view, start, p), src.end(), view[m.end():src.end()].strip(),
                            year.group(0) if year else None)
        elif kind == "dated" and _at_clause_start(view, start, p, english=english) \
                and _clause_start(view, start, p, SENTENCE_PUNCT) == _clause_start(view, start, p):
            verb = DATED_VERB.search(view, m.end(), min(sent_end, m.end() + 60))
            if m.group("paper"):
                verb = m                # ("In a 2025 paper": the paper is the publication and its noun)
            # (the study noun follows the verb in Chinese, "公布的…研究"; in English it may come first, "a study presented")
            if verb and (m.group("paper") or DATED_NOUN.search(view, m.end() if english else verb.end(),
                                                                min(sent_end, verb.end() + 60))):
                after = m.end()
                while after < verb.start() and view[after] in " ,，":
                    after += 1
                # the actor may follow the verb in English ("a study presented at the ADA meeting showed")
                actor = "" if ANAPHORIC_ACTOR.match(view, after, max(after, verb.start())) else _actor(
                    view, after, min(sent_end, max(after, verb.end()) + (40 if english else 0)))
                if actor and not SPEECH.search(view, after, max(after, verb.start())):
                    year = re.search(r"(?:19|20)\d{2}", m.group(0))
                    op = Opener(kind, _clause_start(view, start, p), verb.end(), actor, year.group(0) if year else None)
        elif kind == "example_after":
            # "Sana Biotechnology, for example, transplanted…" (the actor before the lead), "以Sana公司为例,…"
            cs = _clause_start(view, start, p, SENTENCE_PUNCT)
            zh_lead = m.group(0).startswith("以")
            actor = _actor(view, m.start() + 1, m.end() - 2) if zh_lead else _actor(view, cs, p)
            if actor and (STUDY_CUE.search(view, cs, sent_end) or TREATMENT.search(view, m.end(), sent_end)) \
                    and not SPEECH.search(view, m.end(), min(sent_end, m.end() + 40)):
                op = Opener("example", p if zh_lead else cs, m.end(), actor)
                example_para.add(para)
        elif kind == "other":
            # its own cohort in the sentence: a study, not a general claim ("也有研究表明干细胞可改善血糖"), nor a
            # trial still to come ("hopes to run a larger trial, aiming to recruit 120 people")
            if (COUNTED.search(view, m.end(), sent_end) or ONE_CASE.search(view, m.end(), sent_end)) \
                    and not FUTURE.search(view, _clause_start(view, start, p, SENTENCE_PUNCT), sent_end):
                op = Opener(kind, _clause_start(view, start, p), m.end(), "")
        elif kind == "transition" and m.group(0).startswith("In ") and m.group(0)[3:] not in _country_names():
            pass                        # "In Addition,", "In Phase 2,": no place
        elif kind == "transition" and _at_clause_start(view, start, p, english=english):
            after = m.end()
            while after < end and view[after] in " ,，:：":
                after += 1
            actor = _actor(view, after, min(_clause_end(view, after, end), after + ACTOR_CHARS))
            if actor and STUDY_CUE.search(view, after, sent_end) and not SPEECH.search(view, after, min(sent_end, after + 40)):
                op = Opener(kind, _clause_start(view, start, p), m.end(), actor)
        elif kind == "authors":
            before = view[max(start, p - 30):p]
            named = ZH_NAME_BEFORE.search(before) if not english else EN_NAME_BEFORE.search(before)
            cs = _clause_start(view, start, p)
            if named and (AUTHORS_VERB.search(view, m.end(), sent_end)
                          or STUDY_BY.search(view, max(cs, p - 60 - len(named.group(0))), p - len(named.group(0)))):
                op = Opener(kind, cs, m.end(), named.group(0).strip().lstrip("的之于於在由"))
        elif kind == "also" and para in example_para:
            cs = _clause_start(view, start, p, SENTENCE_PUNCT)
            actor = _actor(view, cs, p)
            if actor and cs > para and (STUDY_CUE.search(view, p, sent_end) or TREATMENT.search(view, p, sent_end)):
                op = Opener(kind, cs, m.end(), actor)
        if op is not None and BACK_REFERENCE.search(view, op.start, sent_end):
            op = None                   # "…等人完成了该研究", "In 2024, Cell published this study"
        if op is not None and (not out or op.start > out[-1].start):
            out.append(op)
    return _with_list_items(view, start, end, out)


def _with_list_items(view: str, start: int, end: int, openers: list[Opener]) -> list[Opener]:
    """Add the next items of an example list: a clause after a semicolon, in the example's paragraph, that
    names a new actor at its start ("…10人停用胰岛素;中国团队的自体…胰岛移植患者…", "…; a Hangzhou company grew…")."""
    out = list(openers)
    for op in openers:
        if op.kind != "example":
            continue
        para_end = view.find("\n", op.start, end)
        para_end = end if para_end < 0 else para_end
        for semi in re.finditer(r"[;；]", view[op.start:para_end]):
            s = op.start + semi.end()
            while s < para_end and view[s] in " \t":
                s += 1
            if any(o.start == s for o in out):
                continue
            clause_end = _clause_end(view, s, para_end)
            sent_end = _sentence_end(view, s, para_end)
            actor = _actor(view, s, min(clause_end, s + ACTOR_CHARS))
            if actor and (STUDY_CUE.search(view, s, sent_end) or TREATMENT.search(view, s, sent_end)) \
                    and not SPEECH.search(view, s, min(sent_end, s + 40)):
                out.append(Opener("item", s, s + len(actor), actor))
    return sorted(out, key=lambda o: o.start)


# --- a paragraph whose subject is a new actor with a new cohort --------------------------------------------

# a report verb after the paragraph's subject
ACTOR_VERB = rx(r"报告|報告|公布|公佈|宣布|宣佈|发表|發表|完成|开展|開展|实施|實施|纳入|納入|招募|为|為|对|對|"
                        r"\b(?:reported|announced|published|presented|said|says|treated|transplanted|enrolled|gave|infused|"
                        r"described|recruited|randomi[sz]ed)\b", re.IGNORECASE)
SUBJECT_CHARS = 64
# the numbers that name a cohort or a case: "12名…患者", "12 patients", "25岁", "25-year-old"
# a count in words ("six of eight patients") is read as its digits
_COUNT_WORDS = {**EN_UNIT_WORDS, **EN_TEEN_WORDS, **EN_TENS_WORDS}
del _COUNT_WORDS["one"]                 # ("one patient" is a case, told by its age)
COHORT_NUMBER = rx(r"(\d[\d,]*)\s*(?:名|例|位|只|隻|人(?!次|份|民|口|工|类|類|群|员|員))|(\d{1,3})\s*[岁歲]|"
                           r"\b(\d[\d,]*|" + "|".join(_COUNT_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:patients|participants|people|adults|children|recipients|volunteers|subjects)\b|"
                           r"\b(\d{1,3})-year-old\b", re.IGNORECASE)


# the writer's own institution: "我院", "本院", "我们", "Our team" (a generic "Researchers" names no one: checked apart)
# a paragraph that opens with its source ("根據公司說明,這項研究分為兩個劑量組…", "据医院介绍,…", "According to the company, …"):
# an organisation named only by its kind there is the reported study's, no new subject
# a determiner before an actor's name ("the company", "its team"): not part of the name
ACTOR_DETERMINER = rx(r"^(?:the|its|their)\s+", re.IGNORECASE)
SOURCE_SUBJECT = rx(r"\s*(?:据|據|根据|根據|依据|依據|按照|\b(?:According to|Per|Citing)\b)", re.IGNORECASE)
SELF_ACTOR = rx(r"(?:我院|本院|我们|我們|我科|本科|本中心|本团队|本團隊|\b(?:Our|We)\b)")


def cohort_numbers(view: str, start: int, end: int) -> set[str]:
    """The numbers of the cohorts and cases named in ``view[start:end]``."""
    found = (next(g for g in m.groups() if g).replace(",", "") for m in COHORT_NUMBER.finditer(view, start, end))
    return {str(_COUNT_WORDS.get(n.lower(), n)) for n in found}


def paragraph_actor(view: str, para: int, end: int) -> Optional[Opener]:
    """A paragraph that opens with a new subject reporting a cohort or a case ("Researchers at Tianjin First
    Central Hospital reported that a 25-year-old woman…", "天津市第一中心医院团队为一名25岁…患者实施了…"): a candidate;
    the caller checks that the actor and the cohort are new to the mention."""
    sent_end = _sentence_end(view, para, end)
    verb = ACTOR_VERB.search(view, para, min(sent_end, para + SUBJECT_CHARS))
    if verb is None or not cohort_numbers(view, verb.start(), sent_end):
        return None
    lead = re.match(r"[ \t]*(?:[-•*·]\s*)?", view[para:verb.start()])
    s = para + (lead.end() if lead else 0)
    actor = _actor(view, s, verb.start())
    # (a source named at the start is the subject only by its name: "据长征医院介绍,…" names one, "根據公司說明,…" none)
    source = SOURCE_SUBJECT.match(actor)
    actor = actor[source.end():].strip() if source else actor
    # the subject opens the paragraph and names someone ("Researchers", "研究团队", "我院", "研究由…" name no one new)
    if not actor or re.search(r"[,，:：;；]|由|是|选取|選取|\s(?:is|was|are|were)\s", actor) or SELF_ACTOR.search(actor) \
            or len(ORG_WORD.sub("", ACTOR_DETERMINER.sub("", actor)).strip(" 的之")) < 2:
        return None
    if BACK_REFERENCE.search(view, para, sent_end):
        return None
    return Opener("actor", para, verb.end(), actor)

