"""Study-level metadata of a mention as Hits: pub_date, journal, title, institution, country, alias.

Values are read from the mention's *intro* sentence (the one that says who published what, where
and when), from stand-alone header fields ("Publication Year : 2021", "2011年 / 28期") and from a
linked reference entry. Every hit points at the text it was read from.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from .dedupe.institutions import alias_key, org_table, product_table
from .document import Document
from .fields.base import Hit
from .fields.context import line_around
from .numbers import parse_number
from .references import Reference
from .rxcache import rx

EXTRACTOR = "metadata"

# --- data ---------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MON_ANY_CASE = "(?i:" + _MON + ")"
# (name, regex, groups kind); tried at every position, the earliest match wins
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("zh_ymd", rx(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "ymd"),
    ("zh_ym", rx(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)"), "ym"),
    ("zh_md", rx(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "md"),
    ("zh_y", rx(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?![\d~-])"), "y"),
    # a month without its year, the year from the hint (the news date): "今年3月", "今年三月", and a month that a
    # publication verb or an issue follows ("三月刊於國際期刊", "《…》五月號"); a bare "3月" may be 3 months
    ("zh_m", rx(r"(?:今年\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?!\s*\d{1,2}\s*[日号號])|"
                        r"(?<![\d年个個])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?=\s*(?:号|號|刊)(?!\d)|\s*(?:发表|發表|出版)))"),
     "m"),
    ("en_mdy", rx(_MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), "mdy"),
    ("en_dmy", rx(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(\d{4})\b"), "dmy"),
    ("en_my", rx(_MON + r"\.?,?\s+(\d{4})\b"), "my"),
    # "published January 8 in …": the year comes from the hint (the news date)
    ("en_md", rx(r"\b" + _MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)(?!\s*[-–:])"), "nd"),
    # "18-Jun-2024", "18-JUN-2024" (EurekAlert, PubMed-style stamps)
    ("en_dmy_dash", rx(r"\b(\d{1,2})-" + _MON_ANY_CASE + r"-(\d{4})\b"), "dmy"),
    ("iso", rx(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    ("slash_ymd", rx(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])"), "ymd"),
    ("nlm_ymd", rx(r"\b(\d{4})\s+" + _MON + r"\.?\s+(\d{1,2})\b(?!\s*[,:]?\s*\d{4})"), "ynd"),
    ("nlm_ym", rx(r"\b(\d{4})\s+" + _MON + r"\b(?!\.?\s+\d)"), "yn"),
    ("en_y", rx(r"\b(?:in|In)\s+(\d{4})\b(?!\s*(?:patients|participants|people))"), "y"),
)
# a reference entry's date after its year: NLM "2025 May 12;", "2024 Nov;" (APA/GB/T give the year only)
REF_DATE_PATTERNS = frozenset({"nlm_ymd", "nlm_ym"})
REF_DATE_CHARS = 16
# a date announced for the future is no publication date ("结果预计2027年公布", "expected in 2026")
FUTURE_BEFORE = rx(r"(?:(?:预计|預計|预期|預期|计划|計劃|将|將|有望|拟|擬|可望)(?:于|於|在)?|"
                           r"\b(?:expected|planned|scheduled|due)(?:\s+(?:in|by|for))?|\bwill\b[^.,;]{0,30})\s*$", re.I)
FUTURE_CHARS = 12
# ... or earlier in the same clause run: "公司预计2025年第四季度完成全部入组,2026年公布主要终点数据"
FUTURE_CLAUSE = rx(r"(?:预计|預計|预期|預期|计划|計劃|有望|可望|\b(?:expects?|expected|plans?|planned|scheduled)\b)"
                           r"[^。!?！？;；\n]{0,40}$", re.I)
# a date with a clock time is a post's or page's own timestamp ("发表于 2025-06-03 22:14", "2020/07/20 20:22")
TIMESTAMP_AFTER = rx(r"[ \t]+\d{1,2}:\d{2}")
# a publication verb that governs the date next to it: "reported in 2023", "發表於2024年", "2023年發表", "2023年报道",
# "发布在2021年的《…》上", "published in Diabetes Care on 3 March 2024" (the journal between verb and date)
_CAP_NAME = r"(?-i:[A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|the|in|for|&)\s+)*[A-Z][\w&'’.-]*){0,7})"
PUB_VERB_BEFORE = rx(r"(?:发表|發表|刊登|刊出|刊发|刊發|刊载|刊載|报道|报导|報導|公布)(?:于|於|在)?\s*$|"
                             r"(?:发布|發布|發佈)(?:于|於|在|到)\s*$|"
                             r"\b(?:published|reported|described|appeared)\s+(?:online\s+)?(?:(?:in|on)\s+)?$|"
                             r"\b(?:published|appeared|reported|wrote|writes|write|writing)\s+(?:online\s+)?in\s+(?:the\s+)?(?:journal\s+)?"
                             + _CAP_NAME + r"\s+(?:on|in)\s+$", re.I)
# (the subject may stand between the date and its verb: "2021年淮西医科大学徐明远团队发表过一项I期研究")
PUB_VERB_AFTER = rx(r"\s*(?:的)?\s*(?:在[^。,，;；]{0,20}?|[^。,，;；!?！？\n\d]{1,20}?)?(?:发表|發表|刊登|刊出|刊发|刊發|报道|报导|報導|公布|"
                            r"(?:发布|發布|發佈|刊)(?:于|於|在|到))")
# a date in brackets right after the journal a report appeared in: "as described in the paper in Islet Biology Letters
# (June 2025)", "published in Diabetes Care (March 2024)" (the name may wrap onto the next line)
JOURNAL_PAREN_BEFORE = rx(r"\b(?:published|appeared|reported|report|paper|study|article|letter)\s+(?:online\s+)?in\s+(?:the\s+)?"
                          r"(?:journal\s+)?" + _CAP_NAME + r"\s*\(\s*$")
# an issue's date: "the November 2022 issue of Diabetes Care", "《…》五月號"
ISSUE_AFTER = rx(r"\s+(?:print\s+)?(?:issue|edition)\s+of\b|\s*(?:号|號)(?!\d)", re.I)
# the year that names a paper: "a 2019 study in Diabetes Care", "In a 2021 Stem Cell Research & Therapy paper", "their 2020
# meta-analysis" (a bare year the date patterns do not read)
PAPER_YEAR = rx(r"\b(?:[Aa]n?|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+((?:19|20)\d{2})\s+(?:[\w&'’-]+\s+){0,4}?"
                        r"(?<!\bin\s)(?:study|trial|paper|report|analysis|meta-analysis|review|article|publication)\b")
PUB_VERB_BEFORE_CHARS = 90
PUB_VERB_AFTER_CHARS = 24
# a date next to a 《journal》 is when the journal published it: "2025年《Cell Stem Cell》期刊汇总…",
# "2022年《柳叶刀》子刊报道", "《Nature》2025年7月研究", "《細胞》2023年刊文" (not a guideline's edition "2020年版")
JOURNAL_AFTER_DATE = rx(r"\s*(?:的)?\s*[,，]?\s*《[^《》\n]{2,60}》\s*(?:[(（][^()（）\n]{2,60}[)）]\s*)?"
                                r"(?:子刊|杂志|雜誌|期刊)?\s*(?:上\s*)?(?:在线|在線|线上|線上)?\s*"
                                r"(?:报道|报导|報導|发表|發表|刊发|刊發|刊登|刊文|研究|论文|論文|"
                                r"案例|病例|(?:的)?(?:一项|一項|一篇)|显示|顯示|汇总|彙總|匯總|指出|分析|综述|綜述)")
JOURNAL_BEFORE_DATE = rx(r"《[^《》\n]{2,60}》\s*(?:杂志|雜誌|期刊)?\s*[,，]?\s*(?:于|於|在)?\s*$")
NOT_EDITION = rx(r"\s*(?:版|修订|修訂|更新)")
# an inline citation after a claim: "(Cell Res., 2022)", "(N Engl J Med 2024;390:901)", "（《细胞研究》，2022年）",
# "(《Nature》2025年7月研究)"; the name is checked to be a journal (``_journal_like``)
INLINE_CITATION = rx(
    # (an id may come first: "(IRCT20200415047087N1; Stem Cell Res Ther, February 2024)")
    r"[(（]\s*(?:[A-Za-z]{2,8}[\w-]{4,30}\s*[;；]\s*)?(?:《(?P<zh>[^《》()（）\n]{2,60})》|(?P<en>(?-i:[A-Z])[A-Za-z.&'’ -]{1,60}?))\s*[.,，]?\s*"
    r"(?:(?:Epub|published|online)\s+(?:online\s+)?)?(?P<date>(?:19|20)\d{2}(?:\s*年(?:\s*\d{1,2}\s*月)?)?|(?:\d{1,2}\s+)?" + _MON + r"\.?\s+(?:\d{1,2},?\s+)?\d{4})"
    r"\s*(?:[;:][^()（）\n]{0,60})?(?:研究|发表|發表|报道|報導|论文|論文|刊文)?\s*[)）]")
# a journal-name word, for a Latin name in an inline citation that the journal table does not know
JOURNAL_WORD = rx(r"\b(?:J|Journal|Lancet|Nature|Nat|Science|Sci|Cell|Diabetol|Diabetologia|Med|Medicine|Res|Rev|"
                          r"Endocrinol|Transplant|Transplantation|Stem Cells?|Ther|Clin|Rep|Reports|Metab|Front|Frontiers|"
                          r"BMJ|JAMA|NEJM|PLoS|Int)\b")
# a publication told as background to the study being reported: the team's earlier paper ("早在2019年…",
# "该团队此前于2020年在《科学》发表…", "had published the method in 2018", "back in 2020")
BACKGROUND_BEFORE = rx(r"(?:(?:早在|此前|先前|早前|早先|曾经|曾(?=于|於|在|发表|發表))|"
                               r"\b(?:previously|back in|had (?:already )?(?:published|reported|described|shown))\b|"
                               r"\bearlier\b(?!\s+this\b))\s*[,，]?[^。!?！？;；,，.\n]{0,40}$", re.I)
# ... or a sentence about that paper followed by one that turns to now and to patients: "…论文发表在《科学》上。
# 如今,一位…患者…", "…published the method in Science. Now, a woman with type 1 diabetes…"
NOW_LEAD = rx(r"\s*(?:如今|而今|时至今日|時至今日|现在|現在|这一次|這一次|几年后|幾年後|多年后|多年後|"
                      r"(?:Now|Today|This time|Years later)\b)", re.I)
PATIENT = rx(r"患者|病人|病友|受试者|受試者|参与者|參與者|\b(?:patients?|participants?|volunteers?|(?:wo)?m[ae]n|"
                     r"boy|girl|child)\b", re.I)
SENTENCE_STOP = rx(r"[。!?！？\n]|\.(?=\s)")
BACKGROUND_CHARS = 300
JOURNAL_CHARS = 140
NOT_JOURNAL_NAME = rx(r"\b(?:Atlas|Association|Federation|Foundation|Society|Organi[sz]ation|Statistics|Survey|"
                              r"Guidelines?|Agency|Ministry|Administration|Phase|Cohort|Group)\b", re.I)
# the date of an NLM citation: "2023 Jun 12", "2023 Jun", "2023"; a month range or a season gives the year only
_SEASON = r"(?:[A-Z][a-z]{2}-[A-Z][a-z]{2}|Spring|Summer|Fall|Autumn|Winter)"
NLM_DATE = (r"((?:19|20)\d{2}(?=\s+" + _SEASON + r"\b)|(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)"
            r"(?:\s+" + _SEASON + r")?")
# header fields of database records and journal pages that state the publication date; group 1 is
# either the date itself or a short stretch that starts with it (read with ``find_date``)
_DATE_AHEAD = r"(\d{4}[^\n]{0,20}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{4})"
HEADER_DATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("publication_year", rx(r"\b(?:Publication|Published|Pub\.?)\s*(?:Year|Date)?\s*:\s*\n?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)", re.I)),
    # "Published: 12 March 2024", "Published online 2022 Oct 18", "First published: …" (a label, not prose)
    ("published_label", rx(r"(?:^|(?<=[|;•·])|(?<=\. )|(?<= / ))[ \t]*(?:(?:First |Date |Version |Article |Originally )?(?:[Pp]ublished|PUBLISHED)(?: online| Online)?(?: on)?|"
                                   r"Version of [Rr]ecord online)\s*[:：]?[ \t]*"
                                   + _DATE_AHEAD, re.M)),
    # NLM citation line: "Diabetes Care. 2023 Jun;46(6):1123-1131." / "Stem Cell Res Ther. 2022; 13: 512."
    # ... also a PMC header whose journal is a logo (". 2014 Nov-Dec;18(6):838–845."), an author manuscript's
    # "Published in final edited form as: Am J Transplant. 2020 Aug 9;21(4):…" (a month range or season: the year)
    ("nlm_citation", rx(r"(?m)^[ \t]*(?:Published in final edited form as:\s*)?(?:[A-Z][A-Za-z&'’ .()-]{1,80}?)?\.\s+"
                                + NLM_DATE + r"\s*[;:]")),
    # ... an online-first one, no volume yet: "Diabetes Ther. 2021 Mar 5. doi: 10.…", "出处：J X Ther. 2026 Nov 20. doi:"
    ("nlm_online", rx(r"(?m)^[ \t]*(?:(?:Source|Citation|来源|來源|出处|出處)[ \t]*[:：][ \t]*)?[A-Z][A-Za-z&'’ .()-]{1,80}?\.\s+"
                              + NLM_DATE + r"\.\s+(?:doi|DOI|Epub|Online ahead|Published online)")),
    ("epub", rx(r"\bEpub(?: ahead of print)?\s*[:：]?\s*" + _DATE_AHEAD)),
    # a registry record's "Publications" section: a full reference under the label ("Publications / Haverkamp J, …
    # Title. J Clin Islet Res. 2025;7(3):210-219. PMID: 40855012")
    ("registry_publication", rx(r"(?m)^[ \t]*(?:Publications?|Results? [Pp]ublications?|Publications? of [Rr]esults|Citations?|"
                                r"Study [Rr]esults [Pp]ublications?)[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[^\n]{10,400}?\.\s+"
                                r"[A-Z][A-Za-z&'’ .()-]{1,80}?\.\s+" + NLM_DATE + r"\s*[;:]")),
    # preprint servers: "This version posted August 11, 2025.", "Posted: 3 March 2024" (a label, not prose)
    # (a registry record's "Study First Posted" / "Results First Posted" / "Last Update Posted" is no publication)
    ("posted", rx(r"(?:\b(?:This version|(?<!Study )(?<!Results )(?<!study )(?<!results )First|Originally)\s+posted|"
                          r"(?m:^[ \t]*Posted))(?: online)?(?: on)?\s*[:：]?[ \t]*"
                          + _DATE_AHEAD)),
    # "Published ahead of print at https://… on 7 January 2025."
    ("ahead_of_print", rx(r"\b(?:Epub|[Pp]ublished) ahead of print(?:\s+(?:at|in)\s+\S{1,80}?)?(?:\s+on)?\s*[:：]?\s*"
                                  + _DATE_AHEAD)),
    # a label line, the date on it or on the next line: "ARTICLE PUBLICATION DATE\n18-Jun-2024"
    ("publication_date_label", rx(r"(?mi)^[ \t]*(?:(?:Article |Online )?Publication date|Date of (?:online )?publication)[ \t]*[:：]?[ \t]*\n?[ \t]*"
                                          r"(\d{1,2}-[A-Za-z]{3}-\d{4}|" + _DATE_AHEAD[1:])),
    ("issue_header", rx(r"(?m)^\s*(\d{4})\s*年\s*\n\s*(?:第\s*)?\d{1,3}\s*期\s*$")),
    # "《中国组织工程研究》2023年第27卷第12期", "2021年第5期", "中国实用内科杂志 2024年8月 第44卷 第8期",
    # "原載:中華內分泌代謝雜誌,2024年,第40卷第6期"
    ("zh_volume", rx(r"(?<!\d)(\d{4}\s*年(?:\s*\d{1,2}\s*月)?)\s*[,，]?\s*第?\s*\d{1,3}\s*[卷期]")),
    # a thesis record (CNKI): "【作者基本信息】 岭南医科大学,儿科学,2023,硕士", "【学位授予年度】 2023"
    ("thesis_year", rx(r"(?m)^[ \t]*(?:【作者基本信息】[^\n]{0,60}?[,，]\s*(?=\d{4}\s*[,，]\s*(?:硕士|博士|碩士))|"
                               r"【?(?:学位授予年度|學位授予年度|学位年度|學位年度)】?\s*[:：]?\s*)(\d{4})(?!\d)")),
    # a library catalogue's imprint: "Published: Example Medical Press 2023-08-14", "Imprint: Elsevier, March 2021"
    ("catalogue_published", rx(r"(?m)^[ \t]*(?:Published|Publisher|Imprint|Publication info(?:rmation)?)[ \t]*[:：][ \t]*"
                                       r"[^\n\d:：]{1,80}?[ \t,]((?:19|20)\d{2}(?:-\d{2}){0,2}|(?:\d{1,2}\s+)?" + _MON
                                       + r"\.?\s+(?:\d{1,2},?\s+)?\d{4})[ \t.]*$")),
    ("zh_label", rx(r"(?:出版日期|出版年月|出版年份|出版年|刊出日期|网络出版(?:日期|时间)|網路出版(?:日期|時間)|网络首发(?:日期|时间)|網路首發(?:日期|時間)|发表日期|發表日期|发表时间|發表時間)\s*[:：]\s*"
                            r"(\d{4}[^\n]{0,12})")),
    # a labelled citation without the NLM full stop: "Source: Diabetes Care 2019;42(3):400-409", "来源:中华糖尿病杂志 2023;15(5)"
    # ... an abstract's pointer to its full paper: "Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028", "原文出处：…"
    ("source_citation", rx(r"(?mi)^[ \t]*(?:Source|Citation|Cite this article|Published in|Full (?:paper|text|article)|"
                                   r"Published as|来源|來源|出处|出處|原文出处|原文出處|引用本文|引用格式)"
                                   r"[ \t]*[:：][ \t]*[^\n\d]{2,120}?[ \t,，.]((?:19|20)\d{2})[ \t]*"
                                   # GB/T 7714 puts a comma after the year: "来源：临床内分泌与再生医学，2025，18(9)：812-817"
                                   r"(?:[;；:][ \t]*\d|[,，][ \t]*\d{1,4}[ \t]*(?:[(（][ \t]*[\w-]{1,6}[ \t]*[)）]|[:：][ \t]*\d))")),
    ("year_volume", rx(r"(?m)^\s*(?:Year|年份)\s*:\s*(\d{4})\s*$", re.I)),
    ("journal_label", rx(r"(?m)^[ \t]*(?:期刊|刊物|出处|出處|Journal|Published in)\s*[:：][^\n]{2,80}?[(（]\s*"
                                 r"(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?|\d{4}\s*年|"
                                 r"[A-Za-z]{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}(?:-\d{2}){0,2})\s*[)）]\s*$", re.I)),
)
# an issue citation that names its month is the publication of record: it wins over a more precise Epub/
# "Published online" date (a year-only citation does not)
RECORD_DATES = frozenset({"nlm_citation"})
# header labels whose date may carry a clock time and is still the publication (CNKI's online-first time)
TIMED_LABELS = frozenset({"zh_label"})
# dates an article first appeared online: a citation line's own date beats them, whatever its precision
EPUB_DATES = frozenset({"epub", "ahead_of_print"})
# at a line start, or inside a bracket in prose ("The report (Transplantation. 2023;107(9):1890-1902) is…"); a
# bracket inside the name is closed there ("J Clin Invest (Lond)")
NLM_JOURNAL = rx(r"(?m)(?:^[ \t]*(?:Published in final edited form as:\s*)?|(?<=\())([A-Z](?:[A-Za-z&'’ .-]|\([A-Za-z .]{1,20}\)){1,80}?)\.\s+"
                         + NLM_DATE + r"\s*[;:]")
# "今天刊登於《細胞》", "今(16)日公布…成果", "published today in": the study appeared on the news date
TODAY_PUBLICATION = rx(
    r"(?:今天|今日|今\s*[(（]\s*(\d{1,2})\s*[)）]\s*日)[^。!?]{0,40}?(?:发表|發表|刊登|刊出|刊发|刊發|刊载|刊載|上线|上線|"
    r"公布[^。!?]{0,40}?(?:成果|结果|結果))|\b(?:published|appears?)\s+(?:online\s+)?today\b|\btoday\b[^.]{0,60}?\bpublished\b",
    re.IGNORECASE)
# where a news item states its own date: the first lines of the page
NEWS_DATE_CHARS = 300
# a news dateline before the first sentence ("LONDON, 14 May 2024 —", "（中央社記者…台北12日電）");
# used with ``match(view, pos)``, so no "^"
DATELINE = rx(r"\s*(?:[A-Z][A-Za-z .,]{1,40},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
                      r"\s*(?:\([^)]{1,30}\)|/[^/]{1,30}/)?\s*(?:[-—–]{1,2}|:)\s*|\s*[(（〔\[][^)）〕\]]{2,30}(?:電|电|報導|报道)[)）〕\]]")
# MEDLINE (NBIB) export tags: a tag padded to four characters, "- ", its value
MEDLINE_TAG = rx(r"(?:^|(?<=\s))(PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|PG|LID|AB|FAU|AU|AUID|AD|LA|PT|DEP|PL|TA|JT|"
                         r"JID|SB|MH|OT|OTO|EDAT|MHDA|CRDT|PHST|AID|PST|SO|SI|GR|CI|CN|RN|COIS|CIN|CON|EIN|ECI|TT|DA|GN|"
                         r"IR|FIR|OAB|OABL|MID|PMC|PMCR|4099|4100|"
                         # RIS export tags (EndNote/Zotero/PubMed "RIS"): the record type, its year and end
                         r"TY|PY|Y1|ER)[ \t]{0,3}-[ \t]")
# a RIS record's date: "DA  - 2026/07", "PY  - 2026///", "Y1  - 2023/03/14/" (year, then month and day when given)
RIS_DATE = rx(r"((?:19|20)\d{2})(?:/(\d{1,2}))?(?:/(\d{1,2}))?")
# a text is a MEDLINE record when it has at least this many of its core tags
MEDLINE_CORE = frozenset({"PMID", "DP", "TI", "AB", "AU", "FAU", "TA", "JT", "SO", "PT", "AID", "LID"})
MEDLINE_MIN_TAGS = 3
# label lines of catalogue records and digests: "Series: Journal of Regenerative Diabetes", "Journal: Diabetologia
# (July 2024)", "期刊：Frontiers in Endocrinology（2024年3月）", "Published in: Diabetes Care, 2023;46:1"
LABEL_JOURNAL = rx(r"(?mi)^[ \t]*(?:Series|Journal(?:[ \t]+(?:title|name))?|Source[ \t]+title|Publication[ \t]+title|"
                           r"Periodical|Published[ \t]+in|期刊(?:名称|名稱)?|刊名|来源期刊|來源期刊|所属期刊|所屬期刊|刊物)[ \t]*[:：][ \t]*"
                           r"\n?[ \t]*([^\n(（;；]{2,120}?)[ \t]*(?:[(（][^\n]*|[,，.][ \t]*(?:19|20)\d{2}[^\n]*)?$")
# a source label is a journal only when a citation follows it: "Source :\nStem Cell Res Ther. 13(1)", "来源：中华糖尿病杂志,
# 2023,15(5)" (not "Source: Reuters")
SOURCE_JOURNAL = rx(r"(?mi)^[ \t]*(?:Source|来源|來源|出处|出處)[ \t]*[:：][ \t]*\n?[ \t]*([^\n\d(（,，;；]{2,120}?)[ \t]*[.,，]?"
                            r"[ \t]*(?:(?:19|20)\d{2}[ \t]*[,，;；][ \t]*)?\d{1,4}[ \t]*[(（]\w{1,6}[)）]")
# "Title: …", "Article title: …", "题名：…", "篇名：…", "論文：…" (a digest's paper line)
LABEL_TITLE = rx(r"(?mi)^[ \t]*(?:Title|Article[ \t]+title|Main[ \t]+title|Paper|题名|題名|篇名|论文|論文|"
                         r"论文题目|論文題目|文章题目|文章題目)[ \t]*[:：][ \t]*([^\n]{8,300}?)[ \t]*$")
# a PMC page's journal logo, flattened: "Indian Journal of Endocrinology and Metabolism logoLink to Indian Journal of …"
PMC_LOGO = rx(r"(?m)^[ \t]*([^\n]{3,120}?) logoLink to \1[ \t]*$")
NOT_A_JOURNAL = rx(r"Author Manuscripts?|Funders|NIHPA|HHS|Europe PMC", re.I)
# an abstract page: the heading that opens the abstract, and what shows that the lines above it are a journal page
PAGE_HEAD_CHARS = 3000
ABSTRACT_HEADING = rx(r"(?m)^[ \t]*(?:#+[ \t]*)?(?:Abstract|ABSTRACT|Summary|SUMMARY|摘\s?要|【摘要】|\[摘要\])"
                              r"(?=[ \t]*[:：]?[ \t]*(?:$|[A-Z【]|目的|背景))")
# a structured abstract's section label at a line start: "Background:", "Methods:", "目的:", "【目的】"
STRUCTURED_HEADING = rx(r"(?mi)^[ \t]*(?:(?:Background|Objectives?|Aims?|Purpose|Introduction|Methods|"
                                r"Research design and methods|Materials and methods)[ \t]*[:：]|【?(?:目的|背景)】?[ \t]*[:：]|【(?:目的|背景)】)")
STRUCTURED_MAX_LINES_ABOVE = 3
PAGE_CUE = rx(r"\b10\.\d{4,9}/|\bPMC?ID\s*:|\bPMC\d{5,}|^[ \t]*(?:Authors?|Publication Year|Received|Accepted)\s*:|"
                      r"^[ \t]*(?:research article|original (?:article|research)|review article|clinical trial|"
                      r"randomi[sz]ed controlled trial|case report|brief report|short communication|systematic review|"
                      r"meta-analysis)\s*$|"
                      r"^[ \t]*\.?[ \t]*(?:[A-Z][A-Za-z&'’ .()-]{1,80}?\.\s+)?(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}[^;\n]{0,8})?;|"
                      r"【?(?:作者|中图分类号|中圖分類號|文献标志码|文献标识码|文獻標識碼|基金项目|基金項目|收稿日期)】?\s*[:：]|\[J\]",
                      re.I | re.M)
# an author line under a paper's title: "张三 李四 王五", "張三、李四", "John Smith, Mary Lee and Ann Wu", "Smith J, Lee MK"
AUTHOR_LINE = rx(
    r"(?m)^[ \t]*(?:[\u4e00-\u9fff]{2,4}[\d*,]*(?:[ \t、,，]+[\u4e00-\u9fff]{2,4}[\d*,]*){1,12}|"
    r"(?-i:[A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)*[ \t]+[A-Z][a-z'’-]+)[\d*]*(?:[ \t]*(?:,|\band\b)[ \t]*"
    r"(?-i:[A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)*[ \t]+[A-Z][a-z'’-]+)[\d*]*){1,20}|"
    r"(?-i:[A-Z][a-z'’-]+[ \t]+[A-Z]{1,3})(?:[ \t]*,[ \t]*(?-i:[A-Z][a-z'’-]+[ \t]+[A-Z]{1,3})){1,20})[ \t]*$")
ARTICLE_TYPE_LINE = rx(r"(?i)^(?:research article|original (?:article|research|paper)|review(?: article)?|"
                               r"clinical (?:trial|study)|randomi[sz]ed controlled trial|case report|brief report|"
                               r"short communication|systematic review|meta-analysis|letter|editorial|article|论著|論著|"
                               r"研究论文|研究論文|临床研究|臨床研究|综述|綜述|病例报告|病例報告)\W*$")
NOT_TITLE_LINE = rx(r"(?i)skip to|\blogo|copyright|©|open access|author manuscript|\bpublished\b|available|"
                            # site navigation and breadcrumbs: "Search | Sign in", "首页 > 期刊 > 2023年第15卷", "上一篇"
                            r"[|»›>]|\b(?:search|sign in|log ?in|export|back to|home|menu|help|feedback|comments?|preprint server)\b|"
                            r"上一篇|下一篇|首页|首頁|数据库|數據庫|資料庫|平台|知识服务|知識服務|\bvol(?:ume)?\.?\s*\d|\bissue\b|"
                            r"\bpmc?id\b|\bdoi\b|https?://|all rights reserved|\bcite\b|\bdownload\b|^\W|"
                            r"\d{4}\s*;|;\s*\d+\s*\(|"
                            r"^(?:Main |Other |Corresponding )?(?:Authors?|Affiliations?|Keywords?|Publication\w*|Received|Accepted|"
                            r"Revised|Correspondence|Citation|Journal|Source|Series|Format|Language|Year|Volume|Issue|Pages?|"
                            r"Subjects?|ISSN|ISBN|Funding|作者|单位|單位|关键词|關鍵詞|来源|來源)\b[^:：\n]{0,20}[:：]")
TITLE_MIN_WORDS, TITLE_MAX_WORDS, TITLE_MIN_CJK, TITLE_MAX_CHARS, TITLE_MAX_UPPER = 4, 45, 8, 320, 0.6
# 《…》 read as the journal: after 在/于/期刊/杂志, or before 杂志/上/发表/子刊
ZH_JOURNAL = (
    rx(r"(?:在|于|於|期刊|杂志|雜誌|刊物|学报|出版的|出版之)\s*(?:杂志|雜誌|期刊)?\s*《([^《》]{2,60})》"),
    rx(r"《([^《》]{2,60})》\s*(?=杂志|雜誌|期刊|子刊|上|发表|發表|刊发|刊發|刊登|报道|报导|報導|研究|案例|\()"),
    # a Latin name without 《》 after the verb: "于2023年5月12日发表在Stem Cell Research & Therapy上", "刊登於國際期刊Diabetes Care,"
    rx(r"(?:发表|發表|刊登|刊发|刊發|刊载|刊載|刊出)(?:在|于|於)\s*(?:国际|國際|国外|國外)?\s*(?:学术|學術|医学|醫學|权威|權威)?\s*"
               r"(?:期刊|杂志|雜誌)?\s*((?-i:[A-Z])[A-Za-z&'’.\- ]{1,80}?[A-Za-z])\s*(?=上|杂志|雜誌|期刊|[,，。;；(（]|$)"),
)
# a news outlet in 《》 ("《每日郵報》報導", "《纽约时报》", "《波士顿环球报》认为"): a newspaper, magazine or broadcaster,
# not the study's journal (a 学报 is a journal)
NEWS_OUTLET = rx(r"(?:(?<![学學])[报報]|新闻|新聞|周刊|週刊|电视台|電視台|广播电台|廣播電台|通讯社|通訊社)\s*$"
                         r"|^(?:The\s+)?(?:New York Times|Washington Post|Wall Street Journal|Guardian|Daily Mail|"
                         r"Times|Telegraph|Boston Globe|STAT(?: News)?|Reuters|Bloomberg|Forbes|Time|Newsweek)$")
# 《…》 / “…” read as the paper title: after 名为/题为/关于/一篇
ZH_TITLE = rx(r"(?:(?:名为|名為|题为|題為|题目为|題目為|关于|關於|一篇|篇|论文|論文)\s*[《“\"「『]|"
                      # "以“…”为题发表" (the title before its verb)
                      r"以\s*[《“\"「『](?=[^《》“”\"「」『』\n]{6,300}[》”\"」』]\s*(?:为题|為題)))"
                      r"([^《》“”\"「」『』\n]{6,300})[》”\"」』]")
# an English paper title quoted in English text: 'a paper titled "…"', 'entitled “…”'
EN_TITLE = rx(r"\b(?:titled|entitled|headlined)\s*[:,]?\s*[“\"‘']([^“”\"‘’\n]{12,300}?)[,.]?[”\"’']")
# an English title in 《》 inside Chinese text (a journal name is shorter and has no colon): "《Adipose stromal cells in
# type 2 diabetes: a pilot trial》"
LATIN_TITLE = rx(r"《([A-Za-z][^《》\n]{20,300})》")
LATIN_TITLE_MIN_WORDS = 6
# ... but a long journal name the table does not know is still a journal: "《Journal of Regenerative Diabetes and
# Metabolism》", "《International Journal of Stem Cell Research》"
JOURNAL_SHAPE = rx(r"^(?:The\s+)?(?:(?:[A-Z][a-z]+\s+){0,2}(?:Journal|Annals|Archives|Proceedings|Transactions|Bulletin)"
                           r"\s+of\b|[A-Z][\w&'’-]*(?:\s+(?:and|of|&|in|for|the)?\s*[A-Z][\w&'’-]*)*\s+(?:Journal|Reviews?|Reports|"
                           r"Research|Letters|Medicine|Communications|Therapeutics|Therapy)$)")
_NOT_JOURNAL = r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
_EN_JOURNAL_NAME = (r"(?:the\s+)?(?:journal\s+)?" + _NOT_JOURNAL +
                    r"([A-Z][\w&'’-]*(?:,?\s+(?:(?:and|of|the|in|for|&)\s+)*" + _NOT_JOURNAL + r"[A-Z][\w&'’-]*)*)")
EN_JOURNAL = rx(
    r"\b(?:published|appeared|reported|(?i:writing|wrote))\s+(?:online\s+)?(?:today\s+|this\s+\w+\s+|last\s+\w+\s+|earlier\s+this\s+\w+\s+|recently\s+)?"
    r"in\s+" + _EN_JOURNAL_NAME)
# a journal named by the paper's noun, not a verb: "a 2019 study in Diabetes Care", "the November 2022 issue of Cell
# Metabolism", "a 2021 Stem Cell Research & Therapy paper"; the name must read as a journal ("a study in China" is none)
EN_JOURNAL_NOUN = rx(r"\b(?:study|trial|paper|report|analysis|meta-analysis|article)\s+in\s+" + _EN_JOURNAL_NAME + "|"
                             r"\bissue\s+of\s+" + _EN_JOURNAL_NAME.replace("([A-Z]", "(?P<issue>[A-Z]", 1) + "|"
                             r"\b(?:a|an|the|their|its)\s+(?:19|20)\d{2}\s+(?P<before>[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|the|in|for|&)\s+)*"
                             r"[A-Z][\w&'’-]*){0,6})\s+(?:study|trial|paper|report|analysis|meta-analysis|article)\b")
ZH_INSTITUTION = rx(
    r"([A-Za-z\u4e00-\u9fff]{2,24}?(?:大学|大學|医院|醫院|研究所|研究院|医学院|醫學院|诊所|診所|研究中心|科学院|科學院|公司|集团|集團))"
    r"(?:(?:(?![在于於和与與及的了是对對从從向将將把被])[\u4e00-\u9fff]){0,12}?(?:附属医院|附屬醫院|医院|醫院|学院|學院|中心|研究所))*")
# (a roundup told aloud names its item after a sequence word: "先说芦汀市人民医院", "再說楓嶺醫學院", "至于X医院")
_INST_LEAD = rx(r"^(?:近日|日前|此前|由|在|于|於|据|據|经|經|联合|聯合|我国|我國|国内|國內|先说|先說|再说|再說|先来看|先來看|"
                r"再来看|再來看|接着说|接著說|最后说|最後說|至于|至於|回到)+")
# "such as" before an example ("如美国X医院", "像Vertex公司"): only before a country or a Latin name, since
# 如 also begins place names (如皋市人民医院, 如东县)
_INST_EXAMPLE = rx(r"^(?:例如|比如|譬如|诸如|諸如|如|像)(?=美国|美國|英国|英國|日本|德国|德國|法国|法國|瑞典|加拿大|"
                           r"澳大利亚|澳洲|韩国|韓國|[A-Za-z])")
# a company is the study's sponsor, not the place it was done (data/institutions.json keeps companies apart too)
_INST_COMPANY = rx(r"(?:公司|集团|集團)$")
# a Chinese institution name starts after the last verb/particle the match swallowed ("…提到了解放军总医院")
_INST_CUT = rx(r"\A.*[了的在于於由是和与與及对對从從被向把将將自]")
EN_INSTITUTION = (
    rx(r"\b(?:[Rr]esearchers|[Ss]cientists|[Tt]eam|[Ii]nvestigators|colleagues|doctors)\s+(?:at|from)\s+(?:the\s+)?"
               r"([A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|for|de|&)\s+)?[A-Z][\w.&'’-]*)*)"),
    # "Clinic" is no prefix of "Clinical" ("Randomized Clinical Trial"); a headline verb ends the name
    rx(r"\b((?:(?!(?:Announces|Reports|Presents|Shares|Says|Receives|Launches|Randomized|Randomised)\b)[A-Z][\w'’-]+\s+){0,4}"
               r"(?:University|Institute|Hospital|College|Medical Center|Medical School|Clinic)\b"
               r"(?:\s+(?:of|for)(?:\s+[A-Z][\w'’-]+)+)?)"),
)
# (also a code written without its hyphen, "NV210", "VX880" in Chinese posts: two to four capitals and three or four
# digits that are no year, "EASD2024" is a meeting)
ALIAS_CODE = rx(r"(?<![A-Za-z0-9-])([A-Z]{1,6}-\d{2,4}[A-Z]?|[A-Z]\d{2}[A-Z]|[A-Z]{2,4}(?!(?:19|20)\d{2}(?![0-9]))\d{3,4}[A-Z]?)"
                        r"(?![A-Za-z0-9-])")
# an INN of a cell therapy; ASCII boundaries, since "\\b" does not fire between a CJK character and a Latin letter
# ("在研疗法Ravostemcel已完成1期试验")
ALIAS_INN = rx(r"(?<![A-Za-z0-9])([A-Za-z]{4,}(?:cel|leucel))(?![A-Za-z0-9])")
ALIAS_STOP = rx(r"^(?:IL|CD|TNF|HLA|GLP|DPP|SGLT|IGF|FGF|TGF|VEGF|HOMA|COVID|SARS|MIR|PD|CKD|ISO|GMP|FDA|ADA|NCT|"
                        r"HNF|GAD|IA|ZNT|MODY|HIV|HBV|HCV|CTLA|TLR|MMP|SDF|CXCR|STAT|TRAF|NGSP|IFCC|BMI|UC|BM|AD|MSC|"
                        r"ESC|IPSC|HUC|HESC|ICD|GB|T|DOI|ISSN|ISBN)$", re.I)
ALIAS_INN_STOP = frozenset({"cancel", "excel", "parcel", "marcel", "carousel"})
# a brand name told with its INN in brackets, either way round: "approved Lumivy (tovaislecel-mrdn)",
# "tovaislecel（Lumivy）" - the two name one product
BRAND_BEFORE_INN = rx(r"(?<![A-Za-z0-9-])([A-Z][A-Za-z]{3,})[®™]?\s*[(（]\s*$")
BRAND_AFTER_INN = rx(r"(?:-[a-z]{4})?\s*[(（]\s*([A-Z][A-Za-z]{3,})[®™]?\s*[)）]")
BRAND_STOP = frozenset({"Therapy", "Therapies", "Product", "Products", "Drug", "Drugs", "Treatment", "Approval",
                        "Trial", "Study", "Cells", "Cell", "Injection", "Infusion", "Phase", "Islets", "Islet",
                        "Vertex", "Sana", "Note", "Approved", "Brand", "Name", "Suspension", "Allogeneic",
                        "Autologous", "The", "This", "Brands", "Biologics", "Therapeutics", "Inc"})


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """(name as written, English short name), longest names first."""
    data = json.loads(resources.files("extract").joinpath("data/countries.json").read_text(encoding="utf-8"))
    pairs = [(name, en) for en, names in data["countries"].items() for name in names]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every country name in one regex, in ``countries()`` order, and name -> English short name.

    English names need word boundaries ("UK" is not in "UKPDS"); Chinese names are plain substrings. The
    search stops at the first position where any name starts and takes the first listed name there: the
    earliest name, the longest at a tie, as a search per name would pick (one scan instead of ~180).
    """
    from .rxcache import compile_cached  # re.compile's matches, searched faster (first characters)

    alts = [r"(?<![\w.])" + re.escape(name) + r"(?![\w])" if name.isascii() else re.escape(name)
            for name, _ in countries()]
    return compile_cached("|".join(alts)), dict(countries())


# --- dates --------------------------------------------------------------------------------

def _fmt(y: str, m: Optional[int] = None, d: Optional[int] = None) -> Optional[str]:
    yi = int(y)
    if not 1950 <= yi <= 2049:
        return None
    if m is None:
        return f"{yi:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{yi:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{yi:04d}-{m:02d}-{d:02d}"


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _value(kind: str, g: tuple, year_hint: Optional[str]) -> Optional[str]:
    """The YYYY[-MM[-DD]] value of a date pattern's groups (None when it is no valid date)."""
    if kind == "ymd":
        return _fmt(g[0], int(g[1]), int(g[2]))
    if kind == "ym":
        return _fmt(g[0], int(g[1]))
    if kind == "md":
        return _fmt(year_hint, int(g[0]), int(g[1])) if year_hint else None
    if kind == "nd":
        return _fmt(year_hint, _month(g[0]), int(g[1])) if year_hint else None
    if kind == "y":
        return _fmt(g[0])
    if kind == "m":
        month = next(x for x in g if x)
        return _fmt(year_hint, int(month) if month.isdigit() else int(parse_number(month) or 0)) if year_hint else None
    if kind == "ynd":
        return _fmt(g[0], _month(g[1]), int(g[2]))
    if kind == "yn":
        return _fmt(g[0], _month(g[1]))
    if kind == "mdy":
        return _fmt(g[2], _month(g[0]), int(g[1]))
    if kind == "dmy":
        return _fmt(g[2], _month(g[1]), int(g[0]))
    return _fmt(g[1], _month(g[0]))   # my


def find_date(view: str, start: int, end: int, *, year_hint: Optional[str] = None
              ) -> Optional[tuple[str, int, int, str]]:
    """The earliest date in ``view[start:end]`` as (YYYY[-MM[-DD]], start, end, pattern name).

    A month-day date ("5月19日") takes its year from ``year_hint`` and is skipped without one.
    """
    best: Optional[tuple[str, int, int, str]] = None
    for name, rx, kind in DATE_PATTERNS:
        for m in rx.finditer(view, start, end):
            if best is not None and m.start() >= best[1]:
                break
            val = _value(kind, m.groups(), year_hint)
            if val and (best is None or m.start() < best[1]
                        or (m.start() == best[1] and len(val) > len(best[0]))):
                best = (val, m.start(), m.end(), name)
            if val:
                break
    return best


def iter_dates(view: str, start: int, end: int, *, year_hint: Optional[str] = None
               ) -> list[tuple[str, int, int, str]]:
    """Every date in ``view[start:end]`` in text order, as ``find_date`` reads them one after another.

    One pass per pattern (a document-long scan stays linear): at one position the longer value wins,
    then the earlier pattern; a date overlapping the one before is skipped.
    """
    cands = []
    for i, (name, rx, kind) in enumerate(DATE_PATTERNS):
        for m in rx.finditer(view, start, end):
            val = _value(kind, m.groups(), year_hint)
            if val:
                cands.append((m.start(), -len(val), i, m.end(), val, name))
    out: list[tuple[str, int, int, str]] = []
    last = start
    for s, _, _, e, val, name in sorted(cands):
        if s >= last:
            out.append((val, s, e, name))
            last = e
    return out


def published_date(doc: Document, start: int, end: int, *, year_hint: Optional[str] = None,
                   main_study: bool = False) -> Optional[Hit]:
    """The first date in ``[start, end)`` that says when the study was published: one a publication verb governs
    ("2023年發表病例報告", "whose case was reported in 2023", "成果發表於2024年的《…》"), one next to a 《journal》
    ("2025年《Cell Stem Cell》汇总…") or an inline citation ("(Cell Res., 2022)"); event dates ("underwent the
    procedure in 2022") and dates announced for the future are skipped. With ``main_study`` (the text is read for
    the document's own study) so are the team's earlier papers told as background ("早在2019年…", "此前…")."""
    view = doc.view
    found: list[Hit] = []
    nd = news_date(doc)
    news = nd[0] if nd else None
    for date in iter_dates(view, start, end, year_hint=year_hint):
        if _governed(view, start, end, date[1], date[2]) and not _future(view, start, date[1], date[0], news) \
                and not background_date(view, start, date[1], cues=main_study):
            found.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, "published_" + date[3], 0.8))
            break
    cite = next((h for h in inline_citation_dates(view, start, end)
                 if not background_date(view, start, h.start, cues=main_study)), None)
    if cite is not None:
        found.append(cite)
    paper = next((m for m in PAPER_YEAR.finditer(view, start, end) if _fmt(m.group(1))
                  and not _future(view, start, m.start(1), m.group(1), news)
                  and not background_date(view, start, m.start(1), cues=main_study)), None)
    if paper is not None:
        found.append(Hit("pub_date", {"value": paper.group(1)}, paper.start(1), paper.end(1), EXTRACTOR, "paper_year", 0.8))
    return min(found, key=lambda h: h.start) if found else None


def _future(view: str, start: int, pos: int, value: str, news: Optional[str]) -> bool:
    """Is the date at ``pos`` announced for the future, or later than the document's own date?"""
    if news is not None and value[:4] > news[:4]:
        return True
    return bool(FUTURE_BEFORE.search(view, max(start, pos - FUTURE_CHARS - 30), pos)
                or FUTURE_CLAUSE.search(view, max(start, pos - 60), pos))


def _governed(view: str, start: int, end: int, ds: int, de: int) -> bool:
    """Does a publication verb or a 《journal》 next to it, on the same line, govern the date at ``view[ds:de]``?"""
    if TIMESTAMP_AFTER.match(view, de, min(end, de + 8)):
        return False
    if view[ds:ds + 3].lower() == "in ":
        ds += 3                         # "in 2024" (en_y): the preposition belongs to the governing verb phrase
    before = view[max(start, ds - PUB_VERB_BEFORE_CHARS):ds].rpartition("\n")[2]
    after = view[de:min(end, de + PUB_VERB_AFTER_CHARS)].partition("\n")[0]
    if PUB_VERB_BEFORE.search(before) or PUB_VERB_AFTER.match(after) or ISSUE_AFTER.match(after):
        return True
    if view[ds - 1:ds] == "(" and JOURNAL_PAREN_BEFORE.search(
            view[max(start, ds - PUB_VERB_BEFORE_CHARS):ds].replace("\n", " ")):
        return True
    if NOT_EDITION.match(view, de, min(end, de + 4)):
        return False
    return bool(JOURNAL_AFTER_DATE.match(view, de, min(end, de + JOURNAL_CHARS))
                or JOURNAL_BEFORE_DATE.search(view, max(start, ds - JOURNAL_CHARS), ds))


def inline_citation_dates(view: str, start: int, end: int) -> list[Hit]:
    """Dates of inline citations that name a journal: "(Cell Res., 2022)", "（《细胞研究》，2022年）"."""
    out = []
    for m in INLINE_CITATION.finditer(view, start, end):
        name = m.group("zh") or m.group("en")
        if not _journal_like(name, bracketed=m.group("zh") is not None):
            continue
        ds, de = m.span("date")
        date = find_date(view, ds, de)
        if date is not None and date[1] == ds:
            val, de = date[0], date[2]
        elif re.fullmatch(r"\d{4}", view[ds:de]) and _fmt(view[ds:de]):
            val = view[ds:de]
        else:
            continue
        out.append(Hit("pub_date", {"value": val}, ds, de, EXTRACTOR, "inline_citation", 0.8))
    return out


def _journal_like(name: str, *, bracketed: bool) -> bool:
    """Is ``name`` (from an inline citation) a journal: in 《》, in the journal table, or journal-shaped?"""
    name = name.strip(" .,")
    if bracketed:
        return True
    if re.search(r"\bet al\b|\band\b", name) or NOT_JOURNAL_NAME.search(name):
        return False
    return _known_journal(name) or bool(JOURNAL_WORD.search(name))


def background_date(view: str, start: int, pos: int, *, cues: bool = True) -> bool:
    """Is the date at ``pos`` the team's earlier publication, told as background to another study (ERRORS 4.4)?

    The next sentence turns to now and to patients ("…发表在《科学》上。如今,一位…患者…"), or (with ``cues``,
    when the text is read for the document's own study) its sentence says so before it ("早在2019年",
    "此前…于2020年", "had published … in 2018"); a mention made of that earlier study keeps its date.
    """
    s = start
    for m in SENTENCE_STOP.finditer(view, max(start, pos - BACKGROUND_CHARS), pos):
        s = m.end()
    if cues and BACKGROUND_BEFORE.search(view[s:pos]):
        return True
    stop = SENTENCE_STOP.search(view, pos, pos + BACKGROUND_CHARS)
    if stop is None:
        return False
    nxt = NOW_LEAD.match(view, stop.end())
    if nxt is None:
        return False
    after = SENTENCE_STOP.search(view, nxt.end(), nxt.end() + BACKGROUND_CHARS)
    return bool(PATIENT.search(view, nxt.end(), after.start() if after else nxt.end() + BACKGROUND_CHARS))


def header_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """A publication date stated as a header field of a record or journal page.

    A MEDLINE record's DP field is the publication date. An issue citation line that names the month
    ("Diabetes Care. 2023 Jun;46(6):…") wins next: it is the publication of record, an Epub or "Published
    online" date only the date the article first appeared. A year-only citation ("Diabetes Ther.
    2021;12(4):1101-12. … Epub 2021 Jan 5.") still beats the Epub date printed after it. Otherwise (a
    "Published:" label, "posted", an issue header…) the most precise date wins; between equally precise
    ones, the first in the text.
    """
    dp = medline_date(doc, start, end)
    if dp is not None:
        return dp
    found: list[Hit] = []
    for name, rx in HEADER_DATES:
        m = rx.search(doc.view, start, end)
        if not m:
            continue
        val = m.group(1)
        if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", val):
            if name not in TIMED_LABELS and TIMESTAMP_AFTER.match(doc.view, m.end(1), min(end, m.end(1) + 8)):
                continue
            found.append(Hit("pub_date", {"value": val}, m.start(1), m.end(1), EXTRACTOR, name, 0.8))
            continue
        date = find_date(doc.view, m.start(1), m.end(1))
        if date is None:
            y = re.match(r"\d{4}(?!\d)", val)
            date = (val[:4], m.start(1), m.start(1) + 4, name) if y and _fmt(val[:4]) else None
        if date and date[1] == m.start(1) and (name in TIMED_LABELS or not TIMESTAMP_AFTER.match(
                doc.view, date[2], min(end, date[2] + 8))):
            # (a date with a clock time is the page's own timestamp: "Published: March 12, 2024 10:30"; a
            # journal database's online-first label carries one too: "网络首发时间：2024-03-05 10:20:31")
            found.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, name, 0.8))
    if not found:
        return None
    # a year-only issue citation ("JAMA. 2025;333(16)") does not beat a full online date ("Published Online:
    # March 27, 2025"): the issue citation is the record only when it names the issue's month
    record = [h for h in found if h.pattern in RECORD_DATES]
    if record and len(record[0].value["value"]) >= 7:
        return record[0]
    if record:
        found = [h for h in found if h.pattern not in EPUB_DATES]
    return sorted(found, key=lambda h: (-len(h.value["value"]), h.start))[0]


# --- MEDLINE records ----------------------------------------------------------------------

@lru_cache(maxsize=8)
def _medline_tags(view: str) -> tuple[tuple[str, int, int], ...]:
    """(tag, value start, value end) of every MEDLINE tag in text order; () when the text is no MEDLINE record."""
    tags = list(MEDLINE_TAG.finditer(view))
    if len({m.group(1) for m in tags} & MEDLINE_CORE) < MEDLINE_MIN_TAGS:
        return ()
    out = []
    for m, nxt in zip(tags, tags[1:] + [None]):
        s, e = m.end(), (nxt.start() if nxt else len(view))
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((m.group(1), s, e))
    return tuple(out)


def medline_fields(view: str, start: int = 0, end: Optional[int] = None) -> dict[str, tuple[int, int]]:
    """(start, end) of the value of each MEDLINE tag's first occurrence in ``[start, end)``; {} for no MEDLINE record.

    Reads the tagged export ("PMID- 31234567", "DP  - 2019 Mar", "TI  - …") one tag per line or flattened
    onto one line ("PT - JOURNAL ARTICLE AU - Haller, Michael J. … TI - …"): a value runs to the next tag.
    In an export of several records, each record's span finds its own tags.
    """
    stop = len(view) if end is None else end
    out: dict[str, tuple[int, int]] = {}
    for tag, s, e in _medline_tags(view):
        if start <= s < stop:
            out.setdefault(tag, (s, e))
    return out


def medline_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The DP (date of publication) of a MEDLINE record in ``[start, end)``: "2019 Mar" -> 2019-03; in a RIS
    record (a "TY" tag) the DA date, else PY/Y1: "DA  - 2026/07" -> 2026-07 (an "Epub" note in N1 is not it)."""
    fields = medline_fields(doc.view, start, end)
    span = fields.get("DP")
    if span is None:
        return _ris_date(doc, fields) if "TY" in fields else None
    m = re.compile(NLM_DATE).match(doc.view, span[0], span[1])
    if m is None:
        return None
    date = find_date(doc.view, m.start(1), m.end(1))
    if date is not None and date[1] == m.start(1) and date[2] == m.end(1):
        return Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, "medline_dp", 0.9)
    val = _fmt(doc.view[m.start(1):m.start(1) + 4])
    return Hit("pub_date", {"value": val}, m.start(1), m.start(1) + 4, EXTRACTOR, "medline_dp", 0.9) if val else None


def _ris_date(doc: Document, fields: dict[str, tuple[int, int]]) -> Optional[Hit]:
    """The publication date of a RIS record: DA (the citation date) before PY/Y1 (the year)."""
    for tag in ("DA", "PY", "Y1"):
        if tag not in fields:
            continue
        m = RIS_DATE.match(doc.view, *fields[tag])
        month = int(m.group(2)) if m and m.group(2) else None
        day = int(m.group(3)) if m and m.group(3) and month else None
        val = _fmt(m.group(1), month, day) if m else None
        if val:
            return Hit("pub_date", {"value": val}, m.start(), m.end(), EXTRACTOR, "ris_" + tag.lower(), 0.9)
    return None


def citation_journal(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The journal of an NLM citation line at the top of an abstract page ("Diabetes Care. 2023 Jun;…")."""
    m = NLM_JOURNAL.search(doc.view, start, end)
    return _group_hit("journal", m, 1, "nlm_citation", 0.8, text=doc.text) if m else None


def record_hits(doc: Document, start: int, end: int, *, page: bool) -> list[Hit]:
    """Journal and title stated as fields of a bibliographic record in ``[start, end)``, at most one each.

    Always: label lines of catalogues and digests ("Series: Journal of …", "期刊：…（2024年3月）", "Title: …").
    With ``page`` (the document is one study's page): a MEDLINE record's TI and JT/TA, an NLM citation line, a
    PMC page's journal logo, the title line above an abstract ("<title> / Authors… / doi… / Abstract"), else the
    first quoted paper title ("论文题为“…”").
    """
    found: dict[str, Hit] = {}
    med = medline_fields(doc.view, start, end) if page else {}
    for fld, tag in (("title", "TI"), ("journal", "JT"), ("journal", "TA")):
        if tag in med and fld not in found:
            found[fld] = _span_hit(doc, fld, *med[tag], "medline_" + tag.lower())
    for fld, rx, name in (("journal", LABEL_JOURNAL, "label_journal"), ("journal", SOURCE_JOURNAL, "source_journal"),
                          ("title", LABEL_TITLE, "label_title")):
        m = rx.search(doc.view, start, end)
        if m and fld not in found:
            found[fld] = _span_hit(doc, fld, m.start(1), m.end(1), name)
    if page and "journal" not in found:
        cj = citation_journal(doc, start, end)
        m = PMC_LOGO.search(doc.view, start, min(end, start + PAGE_HEAD_CHARS))
        if cj is not None:
            found["journal"] = cj
        elif m and not NOT_A_JOURNAL.search(m.group(1)):
            found["journal"] = _span_hit(doc, "journal", m.start(1), m.end(1), "pmc_logo")
    if page and "title" not in found:
        t = page_title(doc, start, end)
        q = title_match(doc.view, start, end) if t is None else None
        if t is not None:
            found["title"] = t
        elif q is not None:             # "论文题为“…”" further down a news post about one study
            found["title"] = _group_hit("title", q[0], 1, q[1], text=doc.text)
    return list(found.values())


def _span_hit(doc: Document, fld: str, s: int, e: int, pattern: str) -> Hit:
    """A hit quoting ``doc.text[s:e]`` without surrounding spaces and trailing punctuation."""
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and (doc.text[e - 1].isspace() or doc.text[e - 1] in ".。;；,，"):
        e -= 1
    return Hit(fld, {"value": doc.text[s:e]}, s, e, EXTRACTOR, pattern, 0.8)


def page_title(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The article title on an abstract page: the first title-like line above the "Abstract"/"摘要" heading,
    when the lines above it show a journal page (a DOI, PMID, citation line, author label, article type)."""
    view = doc.view
    stop = min(end, start + PAGE_HEAD_CHARS)
    heads = [m for m in (ABSTRACT_HEADING.search(view, start, stop), STRUCTURED_HEADING.search(view, start, stop)) if m]
    if not heads:
        return None
    head = min(heads, key=lambda m: m.start())
    above = [ln for ln in view[start:head.start()].split("\n") if ln.strip()]
    # a structured abstract's first section ("Methods: 64 patients…") right under the title shows an abstract
    # page by itself; an "Abstract"/"Summary" heading needs a journal-page cue above it
    if not PAGE_CUE.search(view, start, head.start()) and not AUTHOR_LINE.search(view, start, head.start()) and not (
            head.re is STRUCTURED_HEADING and len(above) <= STRUCTURED_MAX_LINES_ABOVE):
        return None
    pos = start
    while pos < head.start():
        nl = view.find("\n", pos, head.start())
        e = head.start() if nl < 0 else nl
        if _title_line(view[pos:e]):
            return _span_hit(doc, "title", pos, e, "page_title")
        pos = e + 1
    return None


def _title_line(line: str) -> bool:
    """Does this line read as an article title (not page furniture, a citation, an author list or a label)?"""
    t = line.strip()
    if not t or NOT_TITLE_LINE.search(t) or ARTICLE_TYPE_LINE.match(t) or re.search(r"[a-z]\.\s+[A-Z]|。\S", t):
        return False                    # furniture, an article-type label, or prose (two sentences)
    if re.search(r"\d\s*,", t) and t.count(",") >= 2 or t.count(",") >= 4 and len(t.split()) < 4 * t.count(","):
        return False                    # "Anil Bhansali 1,, Vimal Upreti 1, …", "Bhansali S, Dutta, Yadav MK, …"
    letters = [c for c in t if c.isalpha() and c.isascii()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) > TITLE_MAX_UPPER * len(letters):
        return False                    # "THE PREPRINT SERVER FOR HEALTH SCIENCES": a site's banner
    cjk = len(re.findall(r"[\u4e00-\u9fff]", t))
    if cjk:
        return TITLE_MIN_CJK <= cjk and len(t) <= TITLE_MAX_CHARS
    return TITLE_MIN_WORDS <= len(t.split()) <= TITLE_MAX_WORDS and len(t) <= TITLE_MAX_CHARS


def news_date(doc: Document) -> Optional[tuple[str, int, int]]:
    """The news item's own date: the source's published date, or a full date in the first lines."""
    date = find_date(doc.view, 0, min(len(doc.view), NEWS_DATE_CHARS))
    if date and len(date[0]) == 10:
        return date[0], date[1], date[2]
    pub = doc.source.published
    if pub and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        return pub, -1, -1
    return None


def today_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """pub_date = the news date when the text says the study appeared today ("今天刊登於…")."""
    m = TODAY_PUBLICATION.search(doc.view, start, end)
    if not m:
        return None
    nd = news_date(doc)
    if nd is None or (m.group(1) and int(m.group(1)) != int(nd[0][8:])):
        return None
    s, e = (nd[1], nd[2]) if nd[1] >= 0 else (m.start(), m.end())
    return Hit("pub_date", {"value": nd[0]}, s, e, EXTRACTOR, "today_news_date", 0.7)


def skip_dateline(view: str, start: int, end: int) -> int:
    """Where a sentence's own text starts, after a news dateline."""
    m = DATELINE.match(view, start, end)
    return m.end() if m else start


# --- journal, title, institution, country, alias ------------------------------------------

def _group_hit(field: str, m: re.Match[str], group: int, pattern: str, score: float = 1.0,
               text: Optional[str] = None) -> Hit:
    """A hit on group ``group``; its value is quoted from ``text`` (the stored text) when given."""
    raw = (text or m.string)[m.start(group):m.end(group)]
    return Hit(field, {"value": raw.strip()}, m.start(group), m.end(group), EXTRACTOR, pattern, score)


def intro_hits(doc: Document, start: int, end: int, *, year_hint: Optional[str] = None,
               main_study: bool = False) -> list[Hit]:
    """pub_date, journal, title, institution and country from one intro sentence ``[start, end)``.

    With ``main_study`` (the sentence introduces the document's own study) a sentence that tells an earlier
    paper as background ("早在2019年,该团队就在《自然》上发表了…") gives no publication metadata.
    """
    view = doc.view
    hits: list[Hit] = []
    date = find_date(view, skip_dateline(view, start, end), end, year_hint=year_hint)
    if date and FUTURE_BEFORE.search(view, max(start, date[1] - FUTURE_CHARS - 30), date[1]):
        date = None
    background = date is not None and background_date(view, start, date[1], cues=main_study)
    # a date a publication verb governs beats an earlier event or period date ("回顾2019至2023年间…45名患者,
    # 结果于2025年4月刊登在《…》"); so does an inline citation ("…患者术后停用胰岛素(Cell Res., 2022)")
    pd = published_date(doc, skip_dateline(view, start, end), end, year_hint=year_hint, main_study=main_study)
    if pd is not None:
        hits.append(Hit("pub_date", pd.value, pd.start, pd.end, EXTRACTOR, pd.pattern.removeprefix("published_")))
    elif date and not background:
        hits.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, date[3]))
    elif background:
        # the team's earlier paper, told before the study being reported: neither its date nor its
        # journal or title are this study's ("2020年,该团队的重编程论文发表在《科学》上。如今,一位…患者…")
        return [h for h in (institution_hit(doc, start, end), country_hit(doc, start, end)) if h]
    title = title_match(view, start, end)
    if title:
        hits.append(_group_hit("title", title[0], 1, title[1], text=doc.text))
        title = title[0]
    for rx in ZH_JOURNAL:
        for m in rx.finditer(view, start, end):
            if (title and m.start(1) == title.start(1)) or NEWS_OUTLET.search(m.group(1)):
                continue
            hits.append(_group_hit("journal", m, 1, "zh_journal", text=doc.text))
            break
        if any(h.field == "journal" for h in hits):
            break
    if not any(h.field == "journal" for h in hits):
        m = EN_JOURNAL.search(view, start, end)
        if m:
            hits.append(_group_hit("journal", m, 1, "en_journal", text=doc.text))
    if not any(h.field == "journal" for h in hits):
        for m in EN_JOURNAL_NOUN.finditer(view, start, end):
            g = next(i for i, v in enumerate(m.groups(), 1) if v)
            if _journal_like(m.group(g), bracketed=False):
                hits.append(_group_hit("journal", m, g, "en_journal_noun", text=doc.text))
                break
    inst = institution_hit(doc, start, end)
    if inst:
        hits.append(inst)
    country = country_hit(doc, start, end)
    if country:
        hits.append(country)
    return hits


def title_match(view: str, start: int, end: int) -> Optional[tuple[re.Match[str], str]]:
    """The first paper title quoted in ``[start, end)`` (题为“…”, 'titled "…"', an English 《title》) and its pattern."""
    found = []
    for rx, name in ((ZH_TITLE, "zh_title"), (EN_TITLE, "en_title")):
        m = rx.search(view, start, end)
        if m:
            found.append((m, name))
    for m in LATIN_TITLE.finditer(view, start, end):
        t = m.group(1)
        if (len(t.split()) >= LATIN_TITLE_MIN_WORDS or ": " in t) and not _known_journal(t) \
                and not JOURNAL_SHAPE.match(t):
            found.append((m, "latin_title"))
            break
    return min(found, key=lambda f: f[0].start(1)) if found else None


def _known_journal(name: str) -> bool:
    from .dedupe.normalise import journal_key, journal_table   # the bilingual journal table (data)
    return journal_key(name) in journal_table().keys


def institution_hit(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first institution named in ``[start, end)``: a name with a Chinese institution suffix or
    'researchers at X' / '... University', or a name of the bilingual table (data/institutions.json) when
    it comes first (a name the suffix rules read in full, 浙江大学医学院附属第一医院, beats its table part)."""
    found = _suffix_institution(doc, start, end)
    known = next((k for k in org_table().find(doc.view, start, end)
                  if org_table().orgs[k[0]].kind != "company"), None)  # a sponsor is no institution of the study
    if known and (found is None or known[2] <= found.start):
        _, s, e = known
        return Hit("institution", {"value": doc.text[s:e]}, s, e, EXTRACTOR, "institution_table")
    return found


def _suffix_institution(doc: Document, start: int, end: int) -> Optional[Hit]:
    return next(iter(institution_names(doc, start, end, limit=1)), None)


_EN_GENERIC_INST = frozenset({"Clinic", "Hospital", "University", "Institute", "College"})


def institution_names(doc: Document, start: int, end: int, *, limit: int = 8) -> list[Hit]:
    """Institutions (not companies) named in ``[start, end)`` by a Chinese suffix (医院, 大学, 研究所 ...) or an
    English pattern ('researchers at X', 'X University', 'University of X'), Chinese ones first, each
    once, at most ``limit``."""
    view = doc.view
    out: list[Hit] = []
    seen: set[str] = set()

    def add(h: Hit) -> bool:
        if h.value["value"] not in seen:
            seen.add(h.value["value"])
            out.append(h)
        return len(out) >= limit

    for m in ZH_INSTITUTION.finditer(view, start, end):
        name = m.group(0)
        cut = _INST_CUT.match(name[:-2])
        s = m.start() + (cut.end() if cut else 0)
        lead = _INST_LEAD.match(doc.view[s:m.end()])
        s += lead.end() if lead else 0
        example = _INST_EXAMPLE.match(doc.view[s:m.end()])
        s += example.end() if example else 0
        if _INST_COMPANY.search(doc.view[s:m.end()]):
            continue
        if m.end() - s >= 3 and add(Hit("institution", {"value": doc.text[s:m.end()]}, s, m.end(), EXTRACTOR,
                                        "zh_institution")):
            return out
    for rx in EN_INSTITUTION:
        for m in rx.finditer(view, start, end):
            if m.group(1).strip() not in _EN_GENERIC_INST and add(
                    _group_hit("institution", m, 1, "en_institution", text=doc.text)):
                return out
    return out


# a photo caption ("▲美國約有160萬人確診…（圖／達志／示意圖）", "图片来源:…", "Photo: Getty Images"): the country it
# names is the picture's, not the study's
CAPTION_MARK = rx(r"[（(]\s*图\s*[/／:：]|图片?来源|示意图|(?:^|\n)\s*(?:Photo|Image|Picture)(?: credit)?\s*[:：]|"
                          r"\((?:Photo|Image)\b|\bGetty Images\b|\bShutterstock\b", re.I)
CAPTION_LINE_REACH = 200


def caption_lines(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of the caption lines in ``view[start:end]`` (see CAPTION_MARK)."""
    out: list[tuple[int, int]] = []
    for m in CAPTION_MARK.finditer(view, start, end):
        line = line_around(view, m.end() - 1, CAPTION_LINE_REACH)
        if line and (not out or line != out[-1]):
            out.append(line)
    return out


def country_hit(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first country named in ``[start, end)`` outside photo captions, as its English short name."""
    view = doc.view
    captions = caption_lines(view, start, end)
    rx, english = _country_regex()
    # at each position the first listed name (the longest); a caption is whole lines and names hold no newline,
    # so a name starting inside a skipped match is in the same caption
    for m in rx.finditer(view, start, end):
        if not any(a <= m.start() < b for a, b in captions):
            return Hit("country", {"value": english[m.group(0)]}, m.start(), m.end(), EXTRACTOR, "country_table")
    return None


def product_codes(view: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(code, start, end) of every product/trial code like VX-880 or E10I in ``view[start:end]``."""
    out = []
    for m in ALIAS_CODE.finditer(view, start, end):
        code = m.group(1)
        prefix = re.split(r"[-\d]", code)[0]
        if ALIAS_STOP.match(prefix) or re.fullmatch(r"[A-Z]\d{2}[A-Z]", code) and code[-1] in "DM":
            continue
        out.append((code, m.start(1), m.end(1)))
    return out


def alias_hits(doc: Document, spans: list[tuple[int, int]]) -> list[Hit]:
    """Trial and product names: codes like VX-880 / E10I, cell-therapy INNs like zimislecel (also glued to
    Chinese text), and every name of the products table (data/products.json: UP421, Lantidra, Stempeucel)."""
    hits: list[Hit] = []
    seen: set[str] = set()

    def add(value: str, s: int, e: int, pattern: str) -> None:
        key = alias_key(value)
        if key not in seen:
            seen.add(key)
            hits.append(Hit("alias", {"value": value}, s, e, EXTRACTOR, pattern))

    for s, e in spans:
        for _, ps, pe in product_table().find(doc.view, s, e):
            add(doc.text[ps:pe], ps, pe, "alias_table")
        for code, cs, ce in product_codes(doc.view, s, e):
            add(code, cs, ce, "alias_code")
        for m in ALIAS_INN.finditer(doc.view, s, e):
            name = m.group(1).lower()
            if name not in ALIAS_INN_STOP:
                add(name, m.start(1), m.end(1), "alias_inn")
                before = BRAND_BEFORE_INN.search(doc.view, max(s, m.start(1) - 40), m.start(1))
                after = BRAND_AFTER_INN.match(doc.view, m.end(1), min(e, m.end(1) + 40))
                for b in (before, after):
                    if b and b.group(1) not in BRAND_STOP:
                        add(doc.text[b.start(1):b.end(1)], b.start(1), b.end(1), "alias_brand")
    return sorted(hits, key=lambda h: h.start)


# --- references ---------------------------------------------------------------------------

def reference_hits(ref: Reference, *, year: bool) -> list[Hit]:
    """doi, pmid, pmcid, journal, title (and the year as pub_date when asked) of a linked reference."""
    hits: list[Hit] = []
    for fld, val in (("doi", ref.doi), ("pmid", ref.pmid), ("pmcid", ref.pmcid),
                     ("journal", ref.journal), ("title", ref.title)):
        if val and fld in ref.spans:
            s, e = ref.spans[fld]
            hits.append(Hit(fld, {"value": val}, s, e, EXTRACTOR, "reference", 0.9))
    if year and ref.year and "year" in ref.spans:
        s, e = ref.spans["year"]
        hits.append(reference_date(ref) or Hit("pub_date", {"value": ref.year}, s, e, EXTRACTOR, "reference_year", 0.5))
    return hits


def reference_date(ref: Reference) -> Optional[Hit]:
    """The full date a reference gives at its year ("2025 May 12;5:CD015732", "2024 Nov;13(11)"), or None."""
    s, _ = ref.spans["year"]
    date = find_date(ref.text, s - ref.start, min(len(ref.text), s - ref.start + REF_DATE_CHARS))
    if date is None or date[1] != s - ref.start or not date[0].startswith(ref.year) or len(date[0]) == 4 \
            or date[3] not in REF_DATE_PATTERNS:
        return None
    return Hit("pub_date", {"value": date[0]}, ref.start + date[1], ref.start + date[2], EXTRACTOR, "reference_date", 0.6)
