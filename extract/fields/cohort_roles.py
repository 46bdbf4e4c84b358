"""Cohort sizes, the role guards: a count read by a pattern may still be something else than a size of
the study (a year at the end of the line above, an age, a share of the cohort, an adverse event, the
tail of a longer number word, one numbered patient of several, a worldwide statistic, an outcome told
by the verb of its clause). Each guard is one small predicate with its word list declared beside it;
the extractor (``cohort.py``) asks them in ``validate`` and ``decide``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .cohort_lexicon import EN_NUM, WIDE_BACKGROUND, ZH_NUM
from .context import in_reference
from ..rxcache import rx

# ---- a year, a date, a page: never a count ----
MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# what stands before a year: a month and day ("January 9, 2023"), a preposition of time, a date separator,
# a copyright sign, a publication label ("Accepted:", "Published")
YEAR_BEFORE = rx(rf"(?:\b{MONTHS}\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?|\b(?:in|since|from|during|by|until|"
                         rf"of|year|published|accepted|received|revised|copyright|©)\s*[:.]?\s*|\d[-/.]|[-/.])$", re.I)
YEAR_AFTER = rx(r"[ \t]*(?:年|[-/.]\d|\n|$)")


def is_year(view: str, start: int, end: int, n: int) -> bool:
    """A count of 1900-2099 that reads as a year: a date before it, 年 or a line break after it, or its
    noun on the next line ("Accepted: January 9, 2023\\nForty patients ...")."""
    if not 1900 <= n <= 2099:
        return False
    digits = re.search(r"(?:19|20)\d\d", view[start:end])
    if not digits:
        return False
    d0, d1 = start + digits.start(), start + digits.end()
    return bool(YEAR_BEFORE.search(view[max(0, d0 - 24):d0]) or YEAR_AFTER.match(view, d1)
                or "\n" in view[d1:end])


# ---- an age: "a 25 year-old woman", "25-year-old", "aged 45 years" ----
AGE_AFTER = rx(r"[\s\-]*(?:years?|yrs?|months?)[\s\-]*old\b|\s*(?:岁|歲|周岁|週歲)", re.I)


def is_age(view: str, count_end: int) -> bool:
    """The count is an age: "year-old"/"岁" follows it."""
    return bool(AGE_AFTER.match(view, count_end))


# ---- the tail of a longer number word: "One hundred and twelve" is not 12 ----
NUMBER_WORD_BEFORE = rx(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
                                r"sixty|seventy|eighty|ninety|hundred|thousand)[\s\-]+(?:and\s+)?$", re.I)


def is_number_tail(view: str, start: int) -> bool:
    """The count continues a number word before it ("hundred and twelve", "four hundred")."""
    return bool(NUMBER_WORD_BEFORE.search(view[max(0, start - 16):start]))


# ---- a share of the cohort: "Six patients (60%) were responders", "3例(10.0%)" ----
SHARE_AFTER = rx(r"\s*[(（]\s*\d{1,3}(?:\.\d+)?\s*%\s*[)）]")


def is_share(view: str, end: int) -> bool:
    """The count is followed by its percentage in brackets: a part of the cohort."""
    return bool(SHARE_AFTER.match(view, end))


# ---- a row number of a numbered list or a flattened table: "1 Adolescents with new-onset T1DM (n=18) ... / 2 Adults
# with ..." (the number opens its line and the next or previous line opens with the next or previous number) ----
ROW_REACH = 800


def is_row_number(view: str, start: int, end: int, n: int) -> bool:
    """The count opens its line and a neighbouring line opens with n - 1 or n + 1: a row number."""
    line_start = view.rfind("\n", 0, start) + 1
    if view[line_start:start].strip() or n > 200:
        return False
    line_end = view.find("\n", end)
    own = N_BRACKET.findall(view, end, line_end if line_end >= 0 else len(view))
    if view[start:end].isdigit() and re.match(r"[ \t]+[A-Z\u4e00-\u9fff]", view[end:end + 2]) and len(own) == 1 \
            and int(own[0]) != n:
        return True   # "1 Adolescents with new-onset T1DM (n=18) ...": the row's own size is in its bracket
    near = view[max(0, line_start - ROW_REACH):min(len(view), end + ROW_REACH)]
    return re.search(rf"(?m)^[ \t]*(?:{n - 1}|{n + 1})[ \t.)、]+[A-Z\u4e00-\u9fff]", near) is not None


N_BRACKET = rx(r"[(（]\s*[nN]\s*=\s*(\d{1,6})")


# ---- adverse events and symptoms counted: "headache (n = 4)", "发热3例" ----
EVENT_WORDS = ("headache", "nausea", "vomiting", "fever", "pyrexia", "diarrhea", "diarrhoea", "hypoglycemia",
               "hypoglycaemia", "infection", "rash", "pain", "fatigue", "dizziness", "bleeding", "haematoma",
               "hematoma", "bruising", "edema", "oedema", "cough", "chills", "itching", "pruritus", "anemia",
               "anaemia", "neutropenia", "thrombosis", "retinopathy", "nephropathy", "neuropathy", "discomfort",
               "swelling", "redness", "不适", "不適", "红肿", "紅腫",
               "发热", "發熱", "发烧", "發燒", "头痛", "頭痛", "头晕", "頭暈", "恶心", "噁心", "呕吐", "嘔吐", "腹泻",
               "腹瀉", "低血糖", "感染", "皮疹", "疼痛", "乏力", "出血", "血肿", "血腫", "瘀青", "水肿", "水腫",
               "寒战", "寒顫", "瘙痒", "搔癢")
# a sentence listing adverse events: the counts after the cue are events, not groups of the study
EVENT_CUE = rx(r"\b(?:adverse\s+(?:events?|effects?|reactions?)|side[\s\-]effects?|S?AEs?|complications?|"
                       r"toxicit(?:y|ies))\b|不良(?:反应|反應|事件)|副作用|并发症|併發症", re.I)


# the count's own clause says it had a symptom: "(位受試者)出現輕微頭痛", "(children) had transient fever"
EVENT_AFTER = rx(r"[^,，;；。.!?]{0,16}?(?:出现|出現|发生|發生|伴有|\bhad\b|\bexperienced\b|\bdeveloped\b|\breported\b)"
                         r"[^,，;；。.!?]{0,12}?(?:" + "|".join(map(re.escape, EVENT_WORDS)) + ")", re.I)


# the count in brackets after the event it counts: "transient fever (5 patients)", "发热（5例）"
EVENT_BRACKET_BEFORE = rx(r"(?:" + "|".join(map(re.escape, EVENT_WORDS)) + r")[\w\s-]{0,20}?[(（]\s*$", re.I)
# a bracketed breakdown of an outcome count: "Seven patients discontinued the study (four in the cell group and
# three in the placebo group)", "6例脱落（治疗组4例、对照组2例）": by group, not the study's arms
OUTCOME_BREAKDOWN_BEFORE = rx(
    r"(?:(?:\b\w+\s+){0,2}?(?:discontinued|withdrew|dropped\s+out|were\s+lost|died|were\s+excluded|did\s+not\s+complete|"
    r"stopped\s+(?:treatment|the\s+study))|退出|脱落|脫落|失访|失訪|死亡|剔除)[^()（）。;；]{0,60}?[(（][^()（）]{0,60}$", re.I)


# the event named before "in N": "Implant site pain occurred in 7 participants and hypoglycemia in 3 participants" (the
# verb said once for both), "mild fever in 2 children"
EVENT_IN_BEFORE = rx(r"\b(?:" + "|".join(map(re.escape, [w for w in EVENT_WORDS if w.isascii()])) + r")(?:\s+[\w-]+){0,2}?"
                     r"\s+in\s+(?:the\s+|only\s+|another\s+)?$", re.I)


def is_event_in(view: str, start: int) -> bool:
    """The count stands after "<event> in" ("hypoglycemia in 3 participants")."""
    return bool(EVENT_IN_BEFORE.search(view[max(0, start - 50):start]))


def in_event_brackets(view: str, start: int) -> bool:
    """The count stands in brackets after an event word ("transient fever (5 patients)")."""
    return bool(EVENT_BRACKET_BEFORE.search(view, max(0, start - 40), start))


def in_outcome_breakdown(view: str, floor: int, start: int) -> bool:
    """The count stands in a bracketed breakdown of dropouts, withdrawals or deaths."""
    return bool(OUTCOME_BREAKDOWN_BEFORE.search(view, max(floor, start - 140), start))


def is_event_label(label: str) -> bool:
    """An arm label that names a symptom or event ("headache", "发热")."""
    low = label.lower()
    return any(w in low for w in EVENT_WORDS)


# ---- a group defined by its outcome: "responders (n = 11) … non-responders (n = 5)", "completers (n = 19)",
# "应答者(n=11)": who did well or badly after treatment, not an arm the study assigned ----
OUTCOME_GROUP_LABEL = rx(r"\b(?:non-?\s?)?responders?$|\bcompleters?$|\bdrop-?outs?$|\bwithdrawals?$|"
                                 r"\b(?:graft\s+)?failures?$|\binsulin[- ](?:free|independent)(?:\s+\w+)?$|"
                                 r"(?:无|無)?(?:应答|應答)(?:者|组|組)$|(?:有效|无效|無效|完成|脱落|脫落)(?:者|组|組)$", re.I)


def is_outcome_group(label: str) -> bool:
    """An arm label that names an outcome group ("non-responders", "insulin-free recipients", "无应答者")."""
    return bool(OUTCOME_GROUP_LABEL.search(label.strip()))


def in_event_list(view: str, sentence_start: int, start: int) -> bool:
    """The count stands after an adverse-event cue in its sentence ("Adverse events were mild: headache (n = 4)")."""
    return bool(EVENT_CUE.search(view, sentence_start, start))


# ---- one numbered or named patient of several: "第一例是一名52岁女性", "The first patient, a 35-year-old" ----
ORDINAL_SUBJECT_BEFORE = rx(
    r"(?:第\s*(?:[一二三四五六七八九十]+|\d+)\s*(?:例|位|名|个|個)\s*(?:患者|病人|病例|受试者|受試者)?\s*(?:是|为|為|乃)?\s*"
    r"|\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|latest|other|next)\s+(?:patient|participant|recipient|"
    r"subject|case)\s*(?:,|\bwas\b|\bis\b)?\s*|\b(?:patient|participant|case|subject)\s+(?:\d{1,2}|[A-H])\s*(?:,|\bwas\b|\bis\b)?\s*)$",
    re.I)


# the rest of a cohort or all but some of it: "The other two patients", "all but four participants", "其余3例"
REST_BEFORE = rx(r"(?:\b(?:the\s+)?(?:other|remaining)\s+|\ball\s+but\s+|\bexcept(?:\s+for)?\s+|\bapart\s+from\s+|"
                         r"\bexcluding\s+|\bother\s+than\s+|其余|其餘|剩余|剩餘|余下|餘下|另外)$", re.I)


# ---- a ratio, not a count: "fewer than one in four adults reach an HbA1c below 7%", "1 in 10 people" ----
RATIO_BEFORE = rx(r"\b(?:one|two|three|\d{1,3})\s+in\s+(?:every\s+)?$", re.I)


def is_ratio(view: str, start: int) -> bool:
    """The count is the denominator of a ratio ("one in four adults")."""
    return bool(RATIO_BEFORE.search(view[max(0, start - 16):start]))


# ---- patients still waiting for the treatment: "本院目前等候名單有９位病人", "The waiting list now has 15 patients",
# "20 patients are on the waiting list", "仍有12名患者在排队等待移植" ----
WAITING_BEFORE = rx(r"(?:等候|等待|排队|排隊|候补|候補)[^,，。;；!?！？\n]{0,12}$|\bwait(?:ing)?[\s-]*list\b[^,.;!?\n]{0,20}$", re.I)
WAITING_AFTER = rx(r"^[^,，。;；!?！？\n]{0,16}?(?:等候|等待|排队|排隊)|^[^,.;!?\n]{0,30}?\b(?:on\s+(?:the|a|our)\s+wait(?:ing)?[\s-]*list|"
                   r"(?:are|were)\s+(?:still\s+)?waiting\b|awaiting\b)", re.I)


def is_waiting(view: str, start: int, end: int) -> bool:
    """The count is of patients still waiting for the treatment (a waiting list), not of those treated."""
    return bool(WAITING_BEFORE.search(view[max(0, start - 30):start]) or WAITING_AFTER.search(view[end:end + 40]))


# ---- a patient who asked the writer about the therapy, not one treated: "前几天一位52岁的T2D患者，HbA1c 9.4%，拿着某机构的宣传
# 单来问我", "a patient of mine asked me last week whether…" (a doctor's blog or column) ----
INQUIRY = rx(r"(?:来|來)?(?:问|問)我|(?:向我|找我)(?:咨询|諮詢|打听|打聽)|(?:来|來)(?:咨询|諮詢)|"
             r"\basked\s+me\b|\bcame\s+to\s+(?:ask|see)\s+me\b|\bconsulted\s+me\b|\bwanted\s+to\s+know\b", re.I)
INQUIRY_TREATED = rx(r"接受了|已接受|输注了|輸注了|移植了|治疗后|治療後|\breceived\b|\bunderwent\b|\bwas\s+treated\b", re.I)


def is_inquirer(sentence: str) -> bool:
    """The sentence tells of a person asking the writer about the therapy, and of no treatment given."""
    return bool(INQUIRY.search(sentence)) and not INQUIRY_TREATED.search(sentence)


def is_rest(view: str, start: int) -> bool:
    """The count is the rest of a cohort, or what a whole lacks ("all but four")."""
    return bool(REST_BEFORE.search(view[max(0, start - 16):start]))


def is_ordinal_subject(view: str, start: int) -> bool:
    """The count describes a numbered patient ("第一例是一名…", "Patient 2, a 40-year-old ...")."""
    return bool(ORDINAL_SUBJECT_BEFORE.search(view[max(0, start - 24):start]))


# ---- a count of a country or the world: "全世界共有1154名患者", "我国约有3万名患者", "worldwide, 1,500 people" ----
WIDE_SCOPE_BEFORE = rx(r"(?:全球|全世界|世界上|全国|全國|全美|全台|全臺|全港|我国|我國|国内外|國內外|国内|國內|中国|中國|\bworldwide|\bglobally|\bnationwide|"
                               r"\bin\s+the\s+world|\bacross\s+the\s+world)\s*(?:范围内|範圍內)?\s*,?\s*"
                               r"(?:(?:已|共|约|約|仅|僅|累计|累計|有|计|計|超过|超過|逾|近|more\s+than|over|about|some)\s*)*$",
                               re.I)


# a large count of one named country: "台灣約有1萬多名第一型糖尿病病友", "In Taiwan, about 10,000 people live with…"
# (a small one may be a study's: "美国有40名患者接受了治疗")
LARGE_COUNT = rx(r"\s*(?:\d{1,3}(?:,\d{3})+|\d{4,}|(?:\d+(?:\.\d+)?|[一二两兩三四五六七八九十百千]+)\s*(?:万|萬|亿|億|million|thousand))",
                         re.I)


# a large count of the place the paper writes from: "本澳約有2萬名糖尿病患者", "全省约有3万名", "the province has
# about 70,000 people with type 1 diabetes" (a small one may be a local hospital's cohort: "本市已有40名患者接受治疗")
LOCAL_TALLY_BEFORE = rx(r"(?:本港|本地|本市|本省|本澳|本县|本縣|全市|全省|全区|全區|全澳|全县|全縣|全州)\s*(?:的)?\s*"
                        r"(?:(?:约|約|共|有|已有|现有|現有|计|計|超过|超過|逾|近|大约|大約)\s*)+$"
                        r"|\b(?:the|our|this)\s+(?:city|state|province|region|territory|county)\s+(?:has|had|is\s+home\s+to)\s+"
                        r"(?:(?:about|some|more\s+than|over|nearly|roughly|approximately|an\s+estimated)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _country_tally_before() -> re.Pattern[str]:
    """A country of the countries table, then an amount word, right before a count."""
    from ..metadata import countries   # (the countries table is data of the metadata module, imported late)
    zh = [re.escape(n) for n, _ in countries() if not n.isascii()]
    en = [re.escape(n) for n, _ in countries() if n.isascii()]
    return re.compile(rf"(?:(?:{'|'.join(zh)})\s*(?:的)?\s*(?:(?:约|約|共|有|已有|计|計|超过|超過|逾|近|大约|大約)\s*)+"
                      rf"|\b(?:in\s+)?(?:the\s+)?(?:{'|'.join(en)})\s*,?\s*"
                      # ("Taiwan has about 14,000 people with type 1 diabetes", "there are some 8,000 in Hong Kong")
                      r"(?:(?:has|have|had|is\s+home\s+to|there\s+are|counts)\s+)?"
                      r"(?:(?:about|some|more\s+than|over|nearly|roughly|approximately|an\s+estimated)\s+)?)$", re.I)


@lru_cache(maxsize=1)
def _country_tally_after() -> re.Pattern[str]:
    """A large count's persons, then the country they live in: "about 10,000 people in Hong Kong"."""
    from ..metadata import countries
    en = [re.escape(n) for n, _ in countries() if n.isascii()]
    return re.compile(r"[\d,.]*\s*(?:people|persons|patients|adults|children|residents|individuals|Americans|"
                      r"Taiwanese|Chinese)\b(?:\s+[\w-]+){0,3}?\s+(?:in|across|throughout)\s+(?:the\s+)?"
                      rf"(?:{'|'.join(en)})\b", re.I)


def is_wide_scope(view: str, start: int) -> bool:
    """The count is a statistic of a country or the world, not of one study."""
    before = view[max(0, start - 24):start]
    return bool(WIDE_SCOPE_BEFORE.search(before)
                or (LARGE_COUNT.match(view, start) and (_country_tally_before().search(before) or LOCAL_TALLY_BEFORE.search(before)
                                                        or _country_tally_after().match(view, start))))


# a registry that reports its own worldwide cohort: "根据人体胰岛细胞移植登录的报告,…全世界共进行1233例…", "according to the
# Collaborative Islet Transplant Registry, 1,086 recipients worldwide …": the registry is the study
REGISTRY_SOURCE = rx(r"(?:根据|根據|据|據|依据|依據)[^。;；]{0,30}?(?:登记|登記|登录|登錄|注册|註冊)[^。;；,，]{0,12}?"
                             r"(?:报告|報告|数据|數據|资料|資料)|\baccording\s+to\s+(?:the\s+)?[^.;]{0,50}?\bregistry\b", re.I)


def registry_source(sentence_before: str) -> bool:
    """The sentence attributes what follows to a registry's own report."""
    return bool(REGISTRY_SOURCE.search(sentence_before))


# ---- a meeting's audience: "the largest diabetes conference in the world, bringing together nearly 18,000
# participants", "大会吸引了超过5000名参会者" ----
AUDIENCE_BEFORE = rx(r"(?:\bbring(?:s|ing)?\s+together|\bbrought\s+together|\battended\s+by|\battract(?:s|ed|ing)?|"
                             r"\bdraw(?:s|ing)?|\bdrew|\bgather(?:s|ed|ing)?|\bwelcom(?:es|ed|ing)|吸引|汇聚|匯聚|聚集|迎来|迎來)"
                             r"\s*(?:了)?\s*(?:(?:nearly|about|over|more\s+than|some|approximately|almost|近|约|約|超过|超過|逾)\s*)?$",
                             re.I)
MEETING = rx(r"\b(?:conference|congress|meeting|summit|symposium|forum|convention|scientific\s+sessions|expo)\b|"
                     r"大会|大會|会议|會議|论坛|論壇|峰会|峰會|年会|年會|研讨会|研討會|博览会|博覽會", re.I)


# ... or the verb after the count: "4,000 people attended the congress", "4000名代表出席了本次大会"
AUDIENCE_AFTER = rx(r"^[\s\w,-]{0,30}?\b(?:attended|registered\s+for|gathered\s+(?:at|for))\s+(?:the\s+|this\s+|a\s+|an\s+)?"
                    r"(?:[\w'’-]+\s+){0,3}?(?:conference|congress|meeting|summit|symposium|sessions?|forum|convention)\b"
                    r"|^[^,，。;；]{0,8}?(?:参加|參加|出席|参会|參會|与会|與會)(?:了)?[^,，。;；]{0,10}?"
                    r"(?:大会|大會|会议|會議|年会|年會|论坛|論壇|峰会|峰會)", re.I)


def is_audience(view: str, start: int, sentence: str, end: Optional[int] = None) -> bool:
    """The count is the audience of a meeting the sentence names, not a cohort."""
    if end is not None and AUDIENCE_AFTER.search(view[end:end + 80]):
        return True
    return bool(AUDIENCE_BEFORE.search(view[max(0, start - 30):start]) and MEETING.search(sentence))


# ---- a hedged guess, not a stated count: "I have maybe four hundred people", "大概有两百个病人" ----
HEDGE_BEFORE = rx(r"(?:\b(?:maybe|perhaps|possibly|probably|i\s+(?:guess|think|would\s+say))|大概|也许|也許|"
                          r"或许|或許|可能)\s*(?:有\s*)?$", re.I)


def is_hedged(view: str, start: int) -> bool:
    """The count is a speaker's guess ("maybe", "大概"), not a size the text states."""
    return bool(HEDGE_BEFORE.search(view[max(0, start - 20):start]))


# ---- the verb of the clause tells an outcome: "Six patients with retinopathy needed laser therapy" ----
# verbs that make a counted group the study's cohort (their first appearance wins over an outcome verb)
ALLOCATION_VERBS_EN = rx(r"\b(?:received|receiving|underwent|undergoing|were\s+(?:enrolled|included|treated|"
                                 r"randomi[sz]ed|assigned|allocated|recruited|given|transplanted|infused|injected|dosed|"
                                 r"studied|followed|selected)|participated|took\s+part|joined|entered|were\s+\w+\s+"
                                 r"(?:enrolled|included|treated|randomi[sz]ed|assigned))\b", re.I)
# an outcome verb inside a relative clause describes the cohort ("patients who had failed oral drugs")
RELATIVE_BEFORE = rx(r"\b(?:who|that|which|whose)\s+(?:\w+\s+){0,2}$", re.I)
CLAUSE_END = rx(r"[,;:.!?。，；：！？\n]")
CLAUSE_REACH = 90


def clause_after(view: str, end: int, limit: int) -> str:
    """The rest of the count's clause (up to the next clause break, at most ``CLAUSE_REACH`` characters)."""
    text = view[end:min(limit, end + CLAUSE_REACH)]
    m = CLAUSE_END.search(text)
    return text[:m.start()] if m else text


def outcome_verb_first(clause: str, outcome_words: tuple[str, ...]) -> bool:
    """In ``clause`` an outcome verb comes before any allocation verb (outside a relative clause)."""
    low = clause.lower()
    alloc = ALLOCATION_VERBS_EN.search(clause)
    first_alloc = alloc.start() if alloc else len(clause)
    for w in outcome_words:
        i = low.find(w.lower())
        while 0 <= i < first_alloc:
            if not RELATIVE_BEFORE.search(low[:i]) and (i == 0 or not low[i - 1].isalnum()):
                return True
            i = low.find(w.lower(), i + 1)
    return False


# ---- an approximate count as a sentence's subject: "More than 30 patients with type 2 diabetes were treated", "超过
# 200名患者接受了治疗" is the cohort as stated (the guideline reads "more than 3 years" as 3 years); a comparison
# inside a sentence ("fewer than 1,000 people", "more than ten recipients stayed insulin free") is not ----
APPROX_SUBJECT_LEAD = rx(r"(?:^|[.!?。！？\n]\s*|\b(?:In\s+total|Overall|In\s+all),\s*)"
                                 r"(?:more\s+than|over|nearly|almost|approximately|about|超过|超過|逾|近)\s*$", re.I)
ZH_ALLOCATION_VERBS = rx(r"接受|入组|入組|纳入|納入|参与|參與|参加|參加|进行了|進行了")


def approximate_subject(view: str, lo: int, start: int, end: int, limit: int) -> bool:
    """The count at ``start:end`` opens its sentence after "more than"/"超过" and its clause allocates the persons
    ("were treated", "received", "接受了"), not an outcome."""
    if not APPROX_SUBJECT_LEAD.search(view[max(lo, start - 30):start]) and not (
            start - lo <= 16 and re.fullmatch(r"\s*(?:more\s+than|over|nearly|almost|approximately|about|超过|超過|逾|近)\s*",
                                              view[lo:start], re.I)):
        return False
    clause = clause_after(view, end, limit)
    if any(w in clause.lower() for w in WIDE_BACKGROUND):
        return False   # "more than 1,000 patients registered worldwide": beyond any one study
    return bool(ALLOCATION_VERBS_EN.search(clause) or ZH_ALLOCATION_VERBS.search(clause))


# ---- a change counted in part of the cohort: "HbA1c decreased in 15 patients", "15例患者HbA1c明显下降" (when the
# mention counts more persons; alone, the count may be the cohort the result is told of) ----
CHANGE_IN_BEFORE = rx(r"\b(?:decreased|increased|improved|fell|rose|declined|dropped|normali[sz]ed|worsened|"
                              r"changed)\s+in\s+(?:the\s+|only\s+|another\s+)?$", re.I)
ZH_CHANGE_AFTER = ("下降", "降低", "改善", "升高", "增加", "好转", "好轉", "恶化", "惡化", "达标", "達標")


# ---- completion: the completers of a larger cohort ("Nineteen patients completed the protocol") are not its
# size; completers of a time point or of the follow-up ("112例患者完成52周随访", "37 completed 6 months") are the
# analysed cohort, which the annotated sets keep ----
COMPLETED_VERB = rx(r"\s*(?:(?:have|had)\s+)?(?:completed|finished)\b|\s*(?:均|都|已|全部)?完成", re.I)
TIMED_COMPLETION = rx(r"\d|\b(?:one|two|three|six|twelve|day|week|month|year|follow-?up|visit)s?\b|周|週|月|年|天|随访|隨訪",
                              re.I)


def untimed_completion(view: str, end: int, limit: int) -> bool:
    """The count is followed by a completion that names no time point or follow-up."""
    m = COMPLETED_VERB.match(view, end)
    if not m:
        return False
    obj = re.split(r"[,;:.。，；：!?！？\n]", view[m.end():min(limit, m.end() + 40)], maxsplit=1)[0]
    return not TIMED_COMPLETION.search(obj)


# ---- an outcome or event inside a Chinese noun phrase: "3例插管失败的患者", "12例脱离胰岛素的患者" ----
ZH_OUTCOME_NP = ("成功", "失败", "失敗", "有效", "无效", "無效", "脱离", "脫離", "停用", "出现", "出現", "发生", "發生",
                 "死亡", "复发", "復發", "缓解", "緩解", "达标", "達標", "好转", "好轉", "治愈", "治癒", "痊愈", "痊癒",
                 "退出", "失访", "失訪", "不再")


# a subgroup by a comorbidity: "6例合并视网膜病变的患者" (among a larger cohort)
ZH_COMORBID = rx(r"合并|合併|伴有|伴发|伴發|患有|并发|併發")


def zh_outcome_in_np(np: str) -> bool:
    """The words between a Chinese count and its person noun define the group by an outcome."""
    return any(w in np for w in ZH_OUTCOME_NP)


# ---- the planned size of the study being reported: "研究计划入组36名", "试验计划治疗20名" ----
# a plan word whose subject is the study itself states the study's target size (the held-out convention);
# a plan of a team, company or hospital, or one dated in the future, is another, future study
STUDY_SUBJECT_PLAN = rx(r"(?:研究|试验|試驗|项目|項目|课题|課題|临床试验|臨床試驗)\s*(?:预计|預計|计划|計劃|計畫|拟|擬)"
                                r"|\b(?:study|trial)\s+plans\s+to\b", re.I)
# ("下一阶段试验预计纳入约100名": the next phase's trial is another study)
FUTURE_START = rx(r"明年|下半年|将于|將於|将在|將在|即将|即將|尚未|下一(?:阶段|階段|期)|后续|後續|next\s+year|"
                          r"next\s+(?:phase|stage)|will\s+(?:start|begin|launch|open)", re.I)


def is_study_target(clause: str, sentence: str) -> bool:
    """A plan word in ``clause`` has the study as its subject and the sentence dates nothing in the future."""
    return bool(STUDY_SUBJECT_PLAN.search(clause)) and not FUTURE_START.search(sentence)


# ---- a search's yield, not the included studies: "47 studies were retrieved for detailed evaluation, of which 22
# met the inclusion criteria", "共检索到63篇文献,最终纳入18项研究" (a PRISMA flow counts records before it counts
# the studies it includes) ----
RETRIEVED_AFTER = rx(r"\s*(?:were\s+|was\s+|had\s+been\s+)?(?:initially\s+|potentially\s+)?(?:retrieved|screened|searched|"
                             r"obtained|excluded|removed|found\s+in\s+the\s+search|assessed\s+for\s+eligibility|"
                             r"identified\s+(?:through|by|in|from|after)\s+(?:the\s+)?(?:database|literature|search|"
                             r"electronic|initial))\b"
                             r"|\s*[,，]?\s*(?:of\s+which|of\s+these|of\s+them|其中|最终|最終)", re.I)
RETRIEVED_BEFORE = rx(r"(?:检索到|檢索到|检索出|檢索出|检出|檢出|初检|初檢|筛选出|篩選出|排除|剔除|"
                              r"\b(?:retrieved|screened|searched|excluded|removed|identified\s+in\s+the\s+search))"
                              r"(?:了|相关|相關|共|\s)*$", re.I)


def is_search_yield(view: str, start: int, end: int) -> bool:
    """A count of studies found, screened or excluded by a search, or one that the text goes on to narrow down
    ("…, of which 22 met the inclusion criteria"), is not the number of included studies."""
    return bool(RETRIEVED_AFTER.match(view, end) or RETRIEVED_BEFORE.search(view[max(0, start - 10):start]))


# ---- a pooling verb before a wide scope: "汇总全球23项试验" counts included trials, not a world statistic ----
POOLING_BEFORE = rx(r"(?:汇总|彙總|纳入|納入|合并|合併|荟萃|薈萃|分析了|pooled|included|analy[sz]ed|reviewed)"
                            r"[^,，。;；\n\d]{0,8}$", re.I)



# ---- the participants of a subset of the included studies: "six T1DM studies including 120 patients, and four
# T2DM studies including 65 patients" (two or more in a sentence are groups; one alone is the pooled total) ----
_SUBSET_STUDIES = (rf"(?:(?P<k>{EN_NUM})\s+(?:[\w\-]+\s+){{0,3}}?(?:studies|trials|RCTs)\s+(?:including|involving|with|"
                   rf"comprising|enrolling|of)\s+(?:a\s+total\s+of\s+)?"
                   rf"|(?P<kz>{ZH_NUM})\s*(?:项|項|篇)[^,，。;；\d]{{0,12}}?(?:研究|试验|試驗|RCT)\s*"
                   rf"(?:共|共计|共計)?(?:纳入|納入|包括|涉及|共有)?(?:了)?\s*)")
STUDY_SUBSET_BEFORE = rx(_SUBSET_STUDIES + r"$", re.I)
STUDY_SUBSET = rx(_SUBSET_STUDIES + rf"(?:{EN_NUM}|{ZH_NUM})", re.I)


def study_subset_label(view: str, count_start: int, sentence: tuple[int, int]) -> str | None:
    """The label of a subset of included studies whose participants the count gives, when the sentence holds
    two or more such subsets (then each is a group of the pooled cohort); else None."""
    m = STUDY_SUBSET_BEFORE.search(view, max(sentence[0], count_start - 60), count_start)
    if not m or sum(1 for _ in STUDY_SUBSET.finditer(view, sentence[0], sentence[1])) < 2:
        return None
    return view[m.start():count_start].strip()


# ---- a reference entry: a line that cites (a DOI, "et al. 2020;12:45") and reads as an entry of a list ----
ENTRY_START = rx(r"\s*(?:\[\d{1,3}\]|\d{1,3}\s*[.、)]\s|[•·\-*]\s|[A-Z][A-Za-z'\-]+\s+[A-Z]{1,3}[,.]\s)")
ENTRY_REACH = 1500


def in_reference_entry(text: str, pos: int) -> bool:
    """``pos`` lies on a reference-list entry (not a sentence of running text that quotes a DOI)."""
    if not in_reference(text, pos):
        return False
    s = text.rfind("\n", max(0, pos - ENTRY_REACH), pos) + 1
    e = text.find("\n", pos, pos + ENTRY_REACH)
    line = text[s:e if e >= 0 else min(len(text), pos + ENTRY_REACH)]
    return bool(ENTRY_START.match(line)) or (len(line) < 400 and re.search(r"\bet al\b|\[J\]", line) is not None)
