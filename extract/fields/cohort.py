"""Cohort sizes: totals, arms with labels, number of included studies (reviews, meta-analyses).

Roles: ``total`` (participants of the study as a whole; pooled participants of a meta-analysis),
``arm`` (a stated group with its own n), ``studies_included``. Counts that describe an outcome
("5名患者脱离胰岛素", "20 patients achieved ..."), a subset ("其中5例"), background statistics
("已注册1512项试验", "420 million people"), ages, years and animals are not cohort sizes.

The field is split by phenomenon: ``cohort_lexicon`` (the parts a count is read from and the cue words),
``cohort_patterns`` (the named patterns with their examples and traps, and the role each reads),
``cohort_roles`` (guards: a count that is a year, an age, a share, an event, a numbered patient, a world
statistic, an outcome, the rest of a cohort ...), ``cohort_tables`` (a table row's arms under "Number
(E/C)"), and this module: the extractor that parses, validates and decides.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from ..numbers import as_int, parse_number
from .base import FieldExtractor, Hit, Pattern, Span
from .context import in_related_links
from .cohort_tables import table_row_arms, table_row_total
from .cohort_lexicon import (EN_PERSON, ANIMALS, ANIMAL_CLASSIFIER, BACKGROUND_BEFORE, BREAKDOWN_AFTER_EN, CLAUSE_OUTCOME_PATTERNS, COMPARATIVE_BEFORE,
                             COMPLETED_AFTER, CONTEXT, COORDINATED_AFTER, COORDINATED_BEFORE, DENOMINATOR_AFTER,
                             DENOMINATOR_BEFORE, EACH_K, EN_LABEL_STOP, EN_NUM, EVENT_BEFORE, GENERIC_GROUP_LABELS,
                             GROUP_COUNT, GROUP_COUNT_CLASSIFIER, GROUP_QUALIFIER_AFTER, INCLUDED_BEFORE,
                             IN_GROUP_AFTER, LABEL_PREFIX, LIST_PART_EQ, LIST_PART_N, NOUN_THEN_COMMA, NUMBER_WORDS, OUTCOME_AFTER, OUTCOME_IN_CLAUSE_ZH, OUTCOME_VERBLESS_EN,
                             PERSON_COUNT, PER_UNIT_AFTER, PLAN_AFTER, PLAN_BEFORE, PLAN_FAR, PLAN_REACH, REVIEW_CONTEXT,
                             TRIAL_BEFORE_COUNT, ZH_TRIAL_AFTER_COUNT,
                             SCREENED_AFTER, SCREENED_BEFORE, SEX_NOUN, STUDY_NOUN_AFTER, STUDY_TRIGGER_AFTER,
                             STUDY_TRIGGER_BEFORE, SUBGROUP_AFTER, SUBSET_BEFORE, TIMED_SUBGROUP, TIME_POINT_BEFORE,
                             TOTAL_LABELS, TREATED_AFTER, WIDE_BACKGROUND, ZH_GROUP, ZH_NUM, ZH_PERSON)
from .cohort_roles import (EVENT_AFTER, EVENT_CUE, ZH_ALLOCATION_VERBS, CHANGE_IN_BEFORE, approximate_subject, POOLING_BEFORE, ZH_CHANGE_AFTER, ZH_COMORBID, clause_after,
                           in_event_brackets, in_event_list, is_event_in, in_outcome_breakdown, in_reference_entry, is_age, is_audience, is_event_label, is_hedged, is_outcome_group,
                           is_number_tail, is_inquirer, is_ordinal_subject, is_ratio, is_rest, is_row_number, is_waiting, is_search_yield, is_share,
                           is_study_target, is_wide_scope, is_year, outcome_verb_first, registry_source,
                           study_subset_label, untimed_completion, zh_outcome_in_np)
from .cohort_patterns import (BREAKDOWN_PATTERNS, COMPARED_PATTERNS, DOSE_GROUP_PATTERNS, DOSE_RECEIVED_PATTERNS,
                              EACH_PATTERNS, MAX_N, OUTCOME_CHECKED, PAIRED_PATTERNS, PATTERNS, PATTERN_ROLE,
                              REGISTRY_FIELD_PATTERNS, SINGLE_CASE_PATTERNS, SPLIT_PATTERNS, WEAK)
from ..rxcache import rx

_ANIMAL_CLASSIFIER_RE = rx(ANIMAL_CLASSIFIER)
# a bracket of persons after a name that calls itself a group: "Arm B (7 patients, two doses)", "高剂量组（6例）"
# the words before the last treatment of a bracketed allocation ("随机接受骨髓细胞(25例)或常规治疗(25例)")
_PAREN_LABEL_SPLIT = rx(r"(?:或|和|与|與|及|接受|给予|給予|采用|採用)")
_GROUP_NAMED = rx(r"(?:\b(?:cohort|group|arm)(?:\s+[A-Z\d]{1,2})?|组|組)\s*[(（]\s*$", re.I)
_GROUP_ABBREVIATION = rx(r"\s*[(（][A-Za-z0-9\-]{1,12}[)）](?=\s*[组組])")


def _sentence(view: str, span: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) inside the span (semicolons do not end it)."""
    lo = max(span.start, start - 300)
    cuts = [view.rfind(c, lo, start) for c in ("。", ". ", "\n", "!", "?", "！", "？")]
    lo = max([c + 1 for c in cuts if c >= 0] + [lo])
    hi = min(span.end, end + 300)
    ends = [i for i in (view.find(c, end, hi) for c in ("。", ". ", "\n", "！", "？")) if i >= 0]
    return lo, min(ends + [hi])


def _clause_before(view: str, span: Span, start: int, width: int = 40) -> str:
    """The text before ``start`` back to the previous clause break (at most ``width`` characters)."""
    before = view[max(span.start, start - width):start]
    return re.split(r"[,，;；。:：!?！？\n]|\.\s", before)[-1]


# a clause that names studies ("在两项非随机、单组研究中进行了评估"), and the persons a clause may name instead
STUDIES_CLAUSE = rx(r"(?:研究|试验|試驗|项目|項目)(?:中|里|裡)?")
PERSON_NOUN_ZH = rx(ZH_PERSON + r"|\d+\s*(?:例|名|位|人)")
PER_GROUP_AFTER = rx(r"\s*(?:/\s*|per\s+|in\s+each\s+|each\s+)(?:group|arm|cohort)\b", re.I)
# the two groups a size per group is given to: "(n = 21/group) to either SCT or insulin", "分别接受干细胞或胰岛素"
# (a decimal point or a wrapped line inside the first group's description does not end the sentence)
EITHER_OR = rx(r"[)）]?\s*,?\s*(?:to\s+|into\s+)?(?:either\s+(?:[^.;。；]|\.\d){1,160}?\bor\b"
                       r"|分别接受[^。;；,，]{1,30}?(?:或|和|与|與))", re.I)
# the two language versions of an abstract are at least this far apart (characters)
BILINGUAL_APART = 150


def _one_language_of_arms(hits: list[Hit]) -> list[Hit]:
    """A bilingual abstract names each group twice ("干细胞组(21例)" ... "stem cell group (n=21)"): of the arms
    of one size labelled in Chinese and in English, only the labels of one language are kept (the more
    numerous, else the first stated)."""
    def han(h: Hit) -> bool:
        return re.search(r"[\u4e00-\u9fff]", h.value.get("label") or "") is not None

    drop: set[int] = set()
    for n in {h.value["n"] for h in hits if h.value["role"] == "arm"}:
        labelled = [h for h in hits if h.value["role"] == "arm" and h.value["n"] == n and h.value.get("label")]
        zh = [h for h in labelled if han(h)]
        en = [h for h in labelled if not han(h)]
        if not zh or not en or any(abs(a.start - b.start) < BILINGUAL_APART for a in zh for b in en):
            continue   # "(21例MSC, 21例对照)": two groups of one size named side by side
        first_zh = min(h.start for h in zh) < min(h.start for h in en)
        loser = en if len(zh) > len(en) or (len(zh) == len(en) and first_zh) else zh
        drop |= {id(h) for h in loser}
    return [h for h in hits if id(h) not in drop]


def _any(text: str, words: Iterable[str]) -> bool:
    low = text.lower()
    return any(w.lower() in low for w in words)


def _clean_label(label: str, lang_en: bool) -> Optional[str]:
    label = label.strip()
    if lang_en:
        label = EN_LABEL_STOP.sub("", label)
    else:
        label = LABEL_PREFIX.sub("", label)
    return label.strip() or None



# "trial of tovaislecel (n=56)", "a study of MSCs (n = 30)": the bracket gives the study's size, not a group's
STUDY_OF = rx(r"(?:trial|study|series|cohort|sample|registry)\s+(?:of|in|with|on)\b", re.I)
# a population described by its disease: "Adolescents with new-onset T1DM", "Adults with long-standing type 1 diabetes",
# "青少年1型糖尿病患者"
POPULATION_PHRASE = rx(r"\b(?:patients|participants|subjects|individuals|people|adults|children|adolescents|"
                               r"youths|men|women|recipients|volunteers)\s+(?:with|having)\s+[^()]{0,50}?"
                               r"(?:diabetes|T[12]DM?|DM|IDDM|NIDDM)\s*$"
                               r"|(?:糖尿病|T[12]DM?)[^组組]{0,6}(?:患者|病人|受试者|受試者|患儿|患兒|病童)\s*$", re.I)
N_EQUALS = rx(r"\b[nN]\s*=\s*\d")
# the participants of counted studies, said between the count and its inclusion verb ("14 RCTs involving 812
# patients with type 2 diabetes were included", "9 studies (n = 412)", "9项研究(共412例患者)")
STUDIES_PARTICIPANTS = rx(
    r"\s*[(,，（]?\s*(?:(?:involving|including|with|enrolling|comprising|covering|of)\s+(?:a\s+total\s+of\s+)?[\d,]+\s+"
    r"(?:[A-Za-z-]+\s+){0,3}?(?:patients|participants|subjects|individuals|people)(?:\s+with\s+(?:type\s+[12]\s+)?"
    r"(?:diabetes(?:\s+mellitus)?|T[12]DM?))?|[nN]\s*=\s*[\d,]+|(?:共|涉及|包括)?\s*\d+\s*(?:例|名)(?:患者|受试者|受試者)?)"
    r"\s*[),，）]?", re.I)
# the value of an "n =" ("n = 14", "N=9") when the groups after a population's count are added up
N_EQUALS_VALUE = rx(r"\b[nN]\s*=\s*(\d{1,5})(?!\d|\.\d)")
# a new clause about a part of the counted persons, or with another count as its subject ("移植给12名患者,一年后
# 10人无需注射胰岛素": what happened is the 10's)
PART_CLAUSE = rx(r"[,，;；]\s*(?=其中|其余|其餘|另外|另有|仅|僅|of\s+whom|of\s+these|among\s+them|"
                         # (after a time point: "5名受试者，满3个月时1人…")
                         r"(?:[^,，。;；\d]{0,4}?(?:\d{1,3}|[一二两兩三四五六七八九十半]{1,3})\s*(?:个|個)?(?:月|周|週|年|天)"
                         r"(?:时|時|后|後)?)?"
                         r"[^,，。;；\d]{0,8}?(?:\d{1,6}|[一二两兩三四五六七八九十]{1,3})\s*(?:人|名|例|位))", re.I)
# "All 11 participants", "all of the 20 patients": the whole cohort
ALL_BEFORE = rx(r"\ball\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?$", re.I)
# a unit read as a group's label ("0.5 × 10^6/kg (n = 12)"): a lone bracket after a dose gives the cohort
UNIT_LABEL = rx(r"^(?:kg|mg|g|ml|mL|cells?|units?|IU|doses?|infusions?)$", re.I)
# the name the evidence of a table row's arms gives (not a regex pattern: see cohort_tables)
TABLE_ARM_PATTERN = "table_arm_pair"
TABLE_TOTAL_PATTERN = "table_row_total"
# items of one list lie this close (characters between their starts)
LIST_REACH = 120
# totals that allocate their persons ("Two patients were treated with cells. One patient was treated
# conventionally"): two or more adding up to a larger total are its groups
PARTITION_PATTERNS = {"en_total_passive", "en_total_elliptic", "en_one_allocated", "zh_bracket_count"}
# a singular allocation ("One patient was treated conventionally") is a size only as a part of such a partition
PARTITION_ONLY = {"en_one_allocated", "zh_bracket_count"}
PARTITION_REACH = 400


def _whole(view: str, span: Span, hit: Hit, larger: bool) -> bool:
    """The count is a whole, whatever happened to it: "All 11 participants" (of the cohort, or of a group), or one
    patient where the mention counts no more."""
    all_before = ALL_BEFORE.search(view, max(span.start, hit.start - 12), hit.start) is not None
    if hit.value["role"] == "arm":
        return all_before
    return hit.value["role"] == "total" and not larger and (hit.value["n"] == 1 or all_before)


def _list_siblings(a: Hit, b: Hit) -> bool:
    """Two hits of one pattern at different places of one list (not the same group said twice)."""
    return a.pattern == b.pattern and (a.end <= b.start or b.end <= a.start) and abs(a.start - b.start) <= LIST_REACH


def _partition_into_arms(hits: list[Hit]) -> list[Hit]:
    """Totals that allocate parts of a larger total stated before them, and add up to it, are its arms."""
    totals = [h for h in hits if h.value["role"] == "total"]
    if len(totals) < 3:
        return [h for h in hits if h.pattern not in PARTITION_ONLY]
    whole = max(totals, key=lambda h: (h.value["n"], -h.start))
    parts = {h.start: h for h in totals if h.pattern in PARTITION_PATTERNS and h.value["n"] < whole.value["n"]
             and whole.end <= h.start <= whole.end + PARTITION_REACH}
    if len(parts) < 2 or sum(h.value["n"] for h in parts.values()) != whole.value["n"]:
        return [h for h in hits if h.pattern not in PARTITION_ONLY]   # "One patient was treated ..." alone is no size
    for i, h in enumerate(sorted(parts.values(), key=lambda h: h.start)):
        h.value = {"n": h.value["n"], "role": "arm", "label": f"group {i + 1}"}
    return hits


# a count of a number or a number word at the start of a quote
_COUNT_TOKEN = rx(rf"{ZH_NUM}|{EN_NUM}", re.I)
# arm labels that name a study group, not an event ("MSC group", "placebo", "对照组")
GROUPISH = rx(r"group|arm|cohort|placebo|control|sham|组|組|对照|對照", re.I)
# persons beyond the ones reported: "10 more patients", "another 20 participants", "再纳入10名", "另招募20名"
FURTHER_AFTER = rx(r"\s+(?:more|additional|further)\b", re.I)
FURTHER_BEFORE = rx(r"(?:\banother\s+|再(?:纳入|納入|招募|入组|入組|治疗|治療)?|另(?:外)?(?:纳入|納入|招募)\s*)$", re.I)
# a bracketed count in a sentence of withdrawals counts their reasons, not a group
WITHDRAWAL = rx(r"\b(?:withdr[ae]w\w*|withdrawals?|discontinu\w*|dropped\s+out|lost\s+to\s+follow-?up)\b|退出|脱落|失访", re.I)


# the group count before this one in a coordination ("four patients in the MSC arm and [one in the control arm]")
COORDINATED_GROUP_BEFORE = rx(rf"(?<![\w.,]){EN_NUM}\s+(?:{EN_PERSON}\s+)?(?:in|from)\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+"
                              r"(?:group|arm|cohort)\s*,?\s+(?:and|while|whereas|versus|vs\.?|compared\s+with)\s+$", re.I)
# a sentence that allocates its patients to treatments: its bracketed counts of persons are the groups
ALLOCATING = rx(r"\brandomi[sz]ed\b|\brandomly\b|\bassigned\b|\ballocated\b|\bdivided\b|\beither\b|随机|隨機|分为|分為|分配|分入|分成",
                re.I)


def _each_restated(hits: list[Hit]) -> list[Hit]:
    """Unnamed arms of a size per group ("15 per arm completed", "each n = 15") that restate arms already named
    with that size ("MSC n = 15; sham n = 15"): only the groups the names leave uncounted stay."""
    named: dict[int, int] = {}
    for h in hits:
        if h.value["role"] == "arm" and h.pattern not in EACH_PATTERNS and not _generic_arm(h):
            named[h.value["n"]] = named.get(h.value["n"], 0) + 1
    generic: dict[int, list[Hit]] = {}
    for h in hits:
        if h.value["role"] == "arm" and h.pattern in EACH_PATTERNS and _generic_arm(h) and h.value["n"] in named:
            generic.setdefault(h.value["n"], []).append(h)
    # (an each-group match yields one arm per group it counts: k of them, of which the names already give m)
    drop = {id(h) for n, hs in generic.items() for h in hs[max(0, len(hs) - named[n]):]}
    return [h for h in hits if id(h) not in drop]


# an arm's label that names no group of its own: "group 2"
_NUMBERED_GROUP = rx(r"group \d")


def _generic_arm(h: Hit) -> bool:
    """An arm without a name of its own (``group 2``, or none)."""
    label = h.value.get("label") or ""
    return not label or bool(_NUMBERED_GROUP.fullmatch(label))


def _count_span(view: str, hit: Hit) -> tuple[int, int]:
    """Where the hit's own count stands in its quote (the first number equal to it), else the quote."""
    for m in _COUNT_TOKEN.finditer(view, hit.start, hit.end):
        if as_int(parse_number(m.group(0).replace(",", ""))) == hit.value["n"]:
            return m.start(), m.end()
    return hit.start, hit.end


@lru_cache(maxsize=256)
def _largest_person_count(view: str, start: int, end: int) -> int:
    """The largest count of persons in a span (once per span: every hit of the span asks for it)."""
    return max((as_int(parse_number(t.group("t").replace(",", ""))) or 0
                for t in PERSON_COUNT.finditer(view, start, end)), default=0)

# a registry's group row before its sample size ("Group: P-MSC group; Sample size: 32", "组别：试验组；样本量：32")
GROUP_FIELD = rx(r"(?:\bGroup|\bArm|组别|組別|分组|分組)\s*[:：]\s*([^;；\n]{1,60}?)\s*[;；]", re.I)


COHORT_MIN = 4   # treated persons that make a cohort, of which a described patient is one
# single-case patterns that state the case as the study ("a case report of one patient"): never a story in a cohort
SINGLE_CASE_STATED = frozenset({"en_one_patient"})


class CohortExtractor(FieldExtractor):
    """Cohort sizes with their role; enrolment wording scores higher than a bare count."""

    name = "cohort"
    field = "cohort"
    patterns = PATTERNS
    context = CONTEXT

    def find(self, span: Span) -> list[Hit]:
        """The patterns' hits, and the arms of a table row under a "Number (E/C)" column (``cohort_tables``)."""
        hits = super().find(span)
        for n, start, end, which in table_row_arms(span.doc.view, span.start, span.end):
            hits.append(self.hit({"n": n, "role": "arm", "label": ("experimental", "control")[which]}, start, end,
                                 TABLE_ARM_PATTERN))
        if not any(h.value["role"] == "total" for h in hits) and (row := table_row_total(span.doc.view, span.start, span.end)):
            hits.append(self.hit({"n": row[0], "role": "total", "label": None}, row[1], row[2], TABLE_TOTAL_PATTERN,
                                 score=0.8))
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        view = span.doc.view
        role = PATTERN_ROLE[pattern.name]
        if pattern.name in SINGLE_CASE_PATTERNS:
            # (the quote starts at the count when the pattern names one: "in one patient" is checked for events)
            start = m.start("n") if pattern.name == "en_one_patient_with" else m.start()
            yield self.hit({"n": 1, "role": "total", "label": None}, start, m.end(), pattern)
            return
        if pattern.name == "arm_breakdown_equals":
            yield from self._labelled_parts(m, pattern, span)
            return
        if pattern.name in BREAKDOWN_PATTERNS:
            yield from self._breakdown(m, pattern, span)
            return
        if pattern.name == "registry_flow_started":
            inline = m.group("n_i") is not None
            for i, g in enumerate(("n_i", "n2_i", "n3_i") if inline else ("n", "n2", "n3")):
                if m.group(g):
                    yield self.hit({"n": int(m.group(g)), "role": "arm", "label": f"group {i + 1}"}, m.start(g),
                                   m.end(g), pattern)
            return
        if pattern.name in COMPARED_PATTERNS:
            for g in ("n", "n2"):
                n = as_int(parse_number(m.group(g).replace(",", "")))
                if n is not None:
                    label = "compared group" if g == "n2" else "treated group"
                    yield self.hit({"n": n, "role": "arm", "label": label}, m.start(g),
                                   m.end(g) if g == "n2" else m.end(g), pattern)
            return
        if pattern.name in PAIRED_PATTERNS:
            lo, hi = _sentence(view, span, m.start(), m.end())
            if sum(1 for _ in pattern.compiled.finditer(view, lo, hi)) < 2:
                return   # one count that received something is the cohort: the total patterns read it
            if pattern.name == "arm_paren_persons" and not ALLOCATING.search(view, lo, m.end()) and \
                    not _GROUP_NAMED.search(view, m.start(), m.start("n") if m.group("n") else m.start("n2")):
                return   # "nausea (4 patients) and rash (2 patients)": brackets of persons, no allocation
            if pattern.name == "arm_paren_persons":
                g, lg = ("n2", "label2") if m.group("n2") else ("n", "label")
                n = as_int(parse_number(m.group(g).replace(",", "")))
                label = _clean_label(_PAREN_LABEL_SPLIT.split(span.doc.text[m.start(lg):m.end(lg)])[-1],
                                     lg == "label")
                if label and (is_event_label(label) or EVENT_CUE.search(view, lo, m.start(g))):
                    return   # "Side effects in the allocated arms were nausea (4 patients) and rash (2 patients)"
                if n is not None and label:
                    yield self.hit({"n": n, "role": "arm", "label": label}, m.start(lg), m.end(), pattern)
                return
        if pattern.name == "zh_arm_subset_alloc" or pattern.name in PAIRED_PATTERNS:
            n = as_int(parse_number(m.group("n").replace(",", "")))
            if n is not None:
                label = span.doc.text[m.start("label"):m.end("label")].strip() or None
                yield self.hit({"n": n, "role": "arm", "label": label}, m.start(), m.end(), pattern)
            return
        if pattern.name in SPLIT_PATTERNS:
            for g, lg in (("n", "l1"), ("n2", "l2")):
                n = as_int(parse_number(m.group(g).replace(",", "")))
                if n is not None:
                    label = span.doc.text[m.start(lg):m.end(lg)].strip() or None
                    yield self.hit({"n": n, "role": "arm", "label": label}, m.start(g), m.end(lg), pattern)
            return
        if pattern.name in EACH_PATTERNS:
            yield from self._each(m, pattern, span)
            return
        if pattern.name == "n_header_row":
            for nm in re.finditer(r"\d{1,5}", m.group("body")):
                a = m.start("body") + nm.start()
                yield self.hit({"n": int(nm.group(0)), "role": "arm", "label": None}, a, a + len(nm.group(0)), pattern)
            return
        if pattern.name in ("n_equals_list", "n_equals_list_bare"):
            for part in LIST_PART_N.finditer(m.group("body")):
                n = as_int(parse_number(part.group("n")))
                label = part.group("label").strip(" \t,，:：;；")
                label = re.sub(r"^(?:and|or)\s+", "", label, flags=re.I)
                if pattern.name == "n_equals_list_bare":
                    # the first item has no bracket to start it: its label starts after the verb or colon before it
                    label = _clean_label(re.split(r"[:：]", label)[-1], not re.search(r"[\u4e00-\u9fff]", label)) or ""
                if n is None or not label or TOTAL_LABELS.match(label.split()[-1]):
                    continue
                off = m.start("body")
                yield self.hit({"n": n, "role": "arm", "label": label}, off + part.start(), off + part.end(), pattern)
            return
        if "np" in m.groupdict() and _any(m.group("np") or "", OUTCOME_AFTER["zh"]):
            return   # "在12例脱离胰岛素的患者中": a set defined by its outcome, not the cohort
        grp = "n2" if "n2" in m.groupdict() and m.group("n2") else "n"
        n = as_int(parse_number(m.group(grp).replace(",", "")))
        if n is None:
            return
        label = None
        if "label" in m.groupdict() and m.group("label"):
            label = _clean_label(span.doc.text[m.start("label"):m.end("label")],
                                 not re.search(r"[\u4e00-\u9fff]", m.group("label")))
        if pattern.name == "n_equals":
            if PER_GROUP_AFTER.match(view, m.end(grp)):
                return   # "(n = 21/group)": a size per group, read by the each-group patterns
            raw = m.group("label") or ""
            if label is None or TOTAL_LABELS.match(label.split()[-1]) or STUDY_OF.match(raw) \
                    or self._population_bracket(m, span) or (UNIT_LABEL.match(label) and self._lone_bracket(m, span)) \
                    or self._sum_of_groups_after(m, span, n):
                role, label = "total", None
            elif UNIT_LABEL.match(label):
                label = self._dose_label(span, m.start("label"), m.end("label")) or label
            score = pattern.score if role == "arm" else 0.75
            yield self.hit({"n": n, "role": role, "label": label}, m.start(grp) if role == "total"
                           else m.start(), m.end(grp), pattern, score=score)
            return
        if role == "studies_included" and pattern.name == "studies_narrowed":
            yield self.hit({"n": n, "role": role, "label": None}, m.start("n"), m.end(), pattern)
            return   # the inclusion is said in the match ("of which 22 met the inclusion criteria")
        if role == "studies_included":
            if is_search_yield(view, m.start(), m.end()):
                return   # "47 studies were retrieved", "检索到63篇文献": what a search found, not what it included
            before = view[max(span.start, m.start() - 15):m.start()]
            # "Fourteen RCTs involving 812 patients with type 2 diabetes were included": the studies' participants
            # said between the count and its inclusion verb are skipped
            skip = STUDIES_PARTICIPANTS.match(view, m.end(), min(span.end, m.end() + 90))
            tail = skip.end() if skip else m.end()
            after = view[tail:min(span.end, tail + 25)]
            after_long = view[tail:min(span.end, tail + 45)]
            pooled = POOLING_BEFORE.search(view, max(span.start, m.start() - 14), m.start())
            if not pooled and _any(_clause_before(view, span, m.start(), 15),
                                   BACKGROUND_BEFORE["zh"] + BACKGROUND_BEFORE["en"]):
                return   # "全球已注册1512项试验" (but "汇总全球23项试验" pools them)
            near = view[max(span.start, m.start() - 200):min(span.end, m.end() + 200)]
            if not (_any(before, STUDY_TRIGGER_BEFORE) or _any(after, REVIEW_CONTEXT)
                    or _any(after_long, STUDY_TRIGGER_AFTER)):
                return
            if not (_any(near, REVIEW_CONTEXT) or (n >= 2 and (pooled or INCLUDED_BEFORE.search(before)
                                                                or _any(after_long, STUDY_TRIGGER_AFTER)))):
                return   # without a review word, only "共纳入14项…试验", "pooled 12 trials", "13 studies were deemed
                # eligible" say the studies were included
            yield self.hit({"n": n, "role": role, "label": None}, m.start(), m.end(), pattern)
            return
        yield self.hit({"n": n, "role": role, "label": label if role == "arm" else None},
                       m.start(), m.end(), pattern)

    def _population_bracket(self, m: re.Match[str], span: Span) -> bool:
        """"Adolescents with new-onset T1DM (n=18)": a population described by its disease, the only n = of its
        sentence, is the study's cohort (a list of such brackets names groups)."""
        view = span.doc.view
        bracket = m.start("label") if m.group("label") else m.start()
        bracket = view.find("(", bracket, m.end()) if view.find("(", bracket, m.end()) >= 0 else bracket
        phrase = re.split(r"[.;:\n(（。；：]", view[max(span.start, bracket - 80):bracket])[-1]
        return bool(POPULATION_PHRASE.search(phrase)) and self._lone_bracket(m, span)

    @staticmethod
    def _sum_of_groups_after(m: re.Match[str], span: Span, n: int) -> bool:
        """The "n =" values after this one in its sentence, two or more, add up to it: this is the whole cohort the
        groups split ("Participants with type 1 diabetes (N = 30) were assigned to Group A (n = 10), Group B (n = 12)
        and Group C (n = 8)")."""
        label = m.group("label") or ""
        if GROUPISH.search(label):
            return False   # "group A (n = 18), group B (n = 11) and group C (n = 7)": a group, whatever the sums
        lo, hi = _sentence(span.doc.view, span, m.start(), m.end())
        if N_EQUALS.search(span.doc.view, lo, m.start()):
            return False   # the whole cohort is named before its groups, not after one of them
        later = [int(v.group(1)) for v in N_EQUALS_VALUE.finditer(span.doc.view, m.end(), hi)]
        return len(later) >= 2 and sum(later) == n

    def _several_in_sentence(self, hit: Hit, span: Span) -> bool:
        """Another hit of the hit's pattern stands in its sentence ("the first three received the low dose; the next
        three received the high dose": groups, not the cohort)."""
        lo, hi = _sentence(span.doc.view, span, hit.start, hit.end)
        pat = next(p for p in self.patterns if p.name == hit.pattern)
        return sum(1 for _ in pat.compiled.finditer(span.doc.view, lo, hi)) >= 2

    def _lone_bracket(self, m: re.Match[str], span: Span) -> bool:
        """The only "n =" of its sentence (a list of them names groups)."""
        lo, hi = _sentence(span.doc.view, span, m.start(), m.end())
        return len(N_EQUALS.findall(span.doc.view, lo, hi)) == 1

    def _labelled_parts(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        """Labelled parts in a bracket ("T1DM = 199, T2DM = 308") adding up to the count before it: the arms."""
        total = as_int(parse_number(m.group("t").replace(",", "")))
        parts = [(p, as_int(parse_number(p.group("n")))) for p in LIST_PART_EQ.finditer(m.group("body"))]
        if total is None or len(parts) < 2 or any(n is None for _, n in parts) or sum(n for _, n in parts) != total:
            return
        if any(re.fullmatch(r"[nN]", p.group("label").strip()) for p, _ in parts):
            return   # "(n = 20, n = 20)" is the n-equals list's
        off = m.start("body")
        for part, n in parts:
            yield self.hit({"n": n, "role": "arm", "label": part.group("label").strip()}, off + part.start(),
                           off + part.end(), pattern)

    def _breakdown(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        """Two groups whose sizes add up to the count stated just before them (in the same sentence)."""
        a = as_int(parse_number(m.group("n").replace(",", "")))
        b = as_int(parse_number(m.group("n2").replace(",", "")))
        if a is None or b is None:
            return
        if "t" in m.groupdict():
            total = as_int(parse_number(m.group("t").replace(",", "")))
            if total is None or total != a + b or STUDY_NOUN_AFTER.match(span.doc.view, m.end("t")):
                return   # "Ten studies were included: six ... and four ...": studies, not groups of patients
            yield self.hit({"n": total, "role": "total", "label": None}, m.start("t"), m.end("t"), pattern)
        else:
            lo, _ = _sentence(span.doc.view, span, m.start(), m.end())
            reach = m.start() - lo if pattern.name == "arm_breakdown_list" else 120
            before = span.doc.view[max(lo, m.start() - reach):m.start()]
            counts = [(as_int(parse_number(x.group(0).replace(",", ""))), x.end())
                      for x in re.finditer(rf"{ZH_NUM}|{EN_NUM}", before, re.I)]
            whole = [end for c, end in counts if c == a + b]
            if not whole:
                return
            if STUDY_NOUN_AFTER.match(before, whole[-1]):
                return   # "11项研究(7项随机、4项非随机)": the included studies by design, not groups of patients
        text = span.doc.text
        for g, lg in (("n", "l1"), ("n2", "l2")):
            label = None
            if lg in m.groupdict() and m.group(lg):
                raw = text[m.start(lg):m.end(lg)]
                inner = re.search(r"[(（]\s*([^()（）]{1,30}?(?:group|arm|组|組))\s*[)）]", raw, re.I)
                label = (inner.group(1) if inner else raw).strip() or None
            label = label or f"group {1 if g == 'n' else 2}"   # "(24/24)": two groups of equal size
            named = lg in m.groupdict() and m.group(lg)
            # (the label stands after its size, "(42 MSC, 22 control)", or before it, "(treatment 42 vs. control 22)")
            yield self.hit({"n": a if g == "n" else b, "role": "arm", "label": label},
                           min(m.start(g), m.start(lg)) if named else m.start(g),
                           max(m.end(g), m.end(lg)) if named else m.end(g), pattern)

    def _each(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        """One arm of n per group: the groups are counted ("分为两组", "two groups of") or named."""
        g = next(k for k in ("n", "n2", "n3", "n4") if m.groupdict().get(k))
        n = as_int(parse_number(m.group(g).replace(",", "")))
        if n is None:
            return
        view = span.doc.view
        clause = re.split(r"[,，。;；]", view[m.end():min(span.end, m.end() + 24)], maxsplit=1)[0]
        if _any(clause, OUTCOME_AFTER["zh"]) or outcome_verb_first(clause, OUTCOME_AFTER["en"]):
            return   # "两组各有2例和3例患者失访": dropouts of each group, not its size
        lo = max(span.start, m.start() - 60)
        sentence = view[lo:m.end()]
        semi = sentence.rfind(";")
        if semi >= 0 and max(sentence.rfind("("), sentence.rfind("（")) > max(sentence.rfind(")", 0, semi), sentence.rfind("）", 0, semi)):
            semi = -1   # "at two dose levels (2 and 5 million cells/kg; eight per level)": inside the bracket
        cut = max(sentence.rfind("。"), sentence.rfind(". "), sentence.rfind("\n"), semi)
        sentence = sentence[cut + 1:] if cut >= 0 else sentence
        k = GROUP_COUNT.search(sentence) or GROUP_COUNT_CLASSIFIER.search(sentence)
        if g == "n4" and not k:
            return   # "(2 each)" after anything but counted groups: "rash and nausea (2 each)"
        labels: list[str] = []
        if k:
            labels = [f"group {i + 1}" for i in range(EACH_K[k.group("k").lower()])]
        else:
            # (a group named with its abbreviation in brackets: "脂肪间充质干细胞（AD-MSC）组和安慰剂组，各20例")
            for gm in re.finditer(ZH_GROUP, _GROUP_ABBREVIATION.sub("", sentence)):
                label = LABEL_PREFIX.sub("", gm.group("label"))
                # ("开始入组" is the enrolment verb: its 组 names no group)
                if label and label not in labels and label not in ("每组", "每組", "组", "組"):
                    labels.append(label)
        if len(labels) < 2:
            if m.group(0).lstrip().startswith("各"):
                return   # "各15例" needs the groups it distributes over ("男女各10例" is a breakdown by sex)
            labels = [""]   # the number of groups is not stated: one arm of n, unless the total before it says how many
            counts = list(PERSON_COUNT.finditer(sentence[:max(0, len(sentence) - (m.end() - m.start()))]))
            total = as_int(parse_number(counts[-1].group("t").replace(",", ""))) if counts else None
            if total and total % n == 0 and 2 <= total // n <= 4:
                # the nearest count before it: "Of 90 screened, 60 were randomised (30 per arm)" gives two arms
                labels = [f"group {i + 1}" for i in range(total // n)]
            elif EITHER_OR.match(view, m.end(), min(span.end, m.end() + 200)):
                labels = ["group 1", "group 2"]   # "(n = 21/group) to either SCT or standard insulin therapy"
        for label in labels:
            yield self.hit({"n": n, "role": "arm", "label": label or None}, m.start(), m.end(), pattern)

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        view = span.doc.view
        n, role = hit.value["n"], hit.value["role"]
        if not 1 <= n <= MAX_N[role]:
            return None
        quote = view[hit.start:hit.end]
        before = view[max(span.start, hit.start - 4):hit.start]
        # what follows the count, in its sentence only
        after = re.split(r"[。！？!?\n]|\.\s", view[hit.end:min(span.end, hit.end + 18)], maxsplit=1)[0]
        # a clause about a part of them begins a new subject: "两名患者移植胰岛细胞,其中一名已停用胰岛素"
        after = PART_CLAUSE.split(after, maxsplit=1)[0]
        near_after = view[hit.end:min(span.end, hit.end + 12)]
        if hit.pattern == "animals_randomized":
            # a preclinical study's own animals, when the mention counts no persons
            return None if _largest_person_count(view, span.start, span.end) > 1 else hit   # ("无1例动物…" counts none)
        if (_any(quote + near_after, ANIMALS) or _ANIMAL_CLASSIFIER_RE.search(quote + near_after)) and role != "studies_included":
            return None
        if role == "studies_included":
            return None if in_reference_entry(span.doc.text, hit.start) or in_related_links(span.doc.text, hit.start) else hit
        if self._not_a_size(hit, span):
            return None
        if hit.pattern in REGISTRY_FIELD_PATTERNS and role == "total":
            group = GROUP_FIELD.search(view, view.rfind("\n", max(span.start, hit.start - 300), hit.start) + 1, hit.start)
            if group and len(GROUP_FIELD.findall(view, span.start, span.end)) >= 2:
                # "Group: Placebo group; Sample size: 32": one arm's size in a registry's list of groups (a single
                # group is the whole trial)
                hit.value = {"n": n, "role": "arm", "label": group.group(1).strip()}
                return hit
        if role == "total":
            subset = study_subset_label(view, _count_span(view, hit)[0], _sentence(view, span, hit.start, hit.end))
            if subset:
                hit.value = {"n": n, "role": "arm", "label": subset}   # the participants of some of the studies
                return hit
        strong = hit.pattern not in WEAK
        if not strong and role == "total" and SEX_NOUN.fullmatch(quote):
            return None   # "(2 men, 1 woman)": a breakdown of the cohort
        if role == "arm" and (hit.value.get("label") or "") in GENERIC_GROUP_LABELS:
            return None   # "每组40例" is read by the each-group pattern
        if hit.pattern in EACH_PATTERNS:
            # "at least 10 participants per arm": a criterion, not the arms
            return None if COMPARATIVE_BEFORE.search(view[max(span.start, hit.start - 14):hit.start]) else hit
        subset_word = view[max(span.start, hit.start - 12):hit.start].rstrip().lower().endswith(
            tuple(SUBSET_BEFORE["zh"] + SUBSET_BEFORE["en"]))
        larger = _largest_person_count(view, span.start, span.end) > n
        if hit.pattern == "zh_total_all" and larger:
            return None   # "共纳入30例…12例均脱离胰岛素": all of a part, not the cohort
        if hit.pattern in DOSE_RECEIVED_PATTERNS and not subset_word and not larger \
                and not self._several_in_sentence(hit, span):
            # a count given a named dose level is a dose group beside a larger count of persons; alone (and not
            # "其中"/"the remaining") it is the cohort: "12 participants received the full dose as a single infusion"
            hit.value = {"n": n, "role": "total", "label": None}
        if role == "arm" and (hit.value.get("label") or "").strip() in ("组", "組"):
            return None   # "共入组12例": 入组 is the enrolment verb, not a group
        prev = view[max(span.start, hit.start - 14):hit.start]
        if TIME_POINT_BEFORE.search(prev):
            return None   # "Day 180 in the full-dose cohort", "第12周": a time point
        if role == "total" and (SCREENED_BEFORE.search(prev) or SCREENED_AFTER.match(view, hit.end)):
            return None   # screened is not enrolled
        planned = PLAN_BEFORE.search(_clause_before(view, span, hit.start)) or PLAN_FAR.search(
            _clause_before(view, span, hit.start, PLAN_REACH))
        if role == "total" and hit.pattern not in REGISTRY_FIELD_PATTERNS and planned:
            lo, hi = _sentence(view, span, hit.start, hit.end)
            if not is_study_target(_clause_before(view, span, hit.start, PLAN_REACH), view[lo:hi]):
                return None   # "计划开展一项约120人的试验", "plans to enroll 40 participants": a plan, not this study's size
            # "研究计划入组36名患者": the target size of the study being reported stands for its n
        if role == "total" and hit.pattern not in REGISTRY_FIELD_PATTERNS and self._trial_to_come(hit, span):
            return None   # "Our data support a controlled trial with 120 patients, planned for 2027"
        if not strong and role == "total" and COMPARATIVE_BEFORE.search(prev) and not approximate_subject(
                view, span.start, hit.start, hit.end, span.end):
            return None   # "fewer than 1,000 people", "more than ten recipients": a comparison, not a count
        if role == "total" and ((not strong and COORDINATED_BEFORE.search(prev)) or COORDINATED_AFTER.match(view, hit.end)
                                or PER_UNIT_AFTER.match(view, hit.end)):
            return None   # "(20 and 21 participants)", "分别纳入了20例和21例", "120 participants per trial": not one cohort
        if EVENT_BEFORE.search(view[max(span.start, hit.start - 30):hit.start]):
            return None   # "fever occurred in 3 children in the stem cell group": an event count
        if (coord := COORDINATED_GROUP_BEFORE.search(view, max(span.start, hit.start - 90), hit.start)) and \
                EVENT_BEFORE.search(view[max(span.start, coord.start() - 30):coord.start()]):
            return None   # "chills were seen in four patients in the MSC arm and one in the control arm"
        if role == "total" and EVENT_AFTER.match(view, hit.end, min(span.end, hit.end + 40)):
            return None   # "共有5位受試者出現輕微頭痛", "Two children had transient fever": an event count, whatever its trigger
        in_studies = role == "total" and not larger and self._among_studies(view, span, hit)
        if not strong and role == "total" and not in_studies and re.match(r"\s*(?:其中|其餘|其余)",
                                                                          _clause_before(view, span, hit.start)):
            return None   # "其中符合入组条件的42位患者": a part of a larger count
        if hit.pattern in BREAKDOWN_PATTERNS:
            return hit
        if hit.pattern == "en_total_denominator" and GROUP_QUALIFIER_AFTER.match(view, hit.end):
            return None   # "achieved by 11 of 20 participants given BM-MSCs": the size of one group, said again
        if not strong and role == "total" and IN_GROUP_AFTER.match(view, hit.end):
            return None   # "Two patients in the AD-MSC group": a part of one group, not the cohort
        sub = SUBGROUP_AFTER.match(view, hit.end, min(span.end, hit.end + 60))
        if sub and role == "total" and TIMED_SUBGROUP.search(sub.group("label")):
            # "the 8 participants who had reached Day 180": an analysis subgroup, not an outcome count
            return self._as_subgroup(hit, span, sub)
        # a part of the cohort ("其中5例", "治疗组中有5名", "first 3 patients") is not its size
        if hit.pattern not in SPLIT_PATTERNS | DOSE_RECEIVED_PATTERNS | {"en_total_denominator"} and not in_studies \
                and any(before.rstrip().endswith(w) for w in SUBSET_BEFORE["zh"] + SUBSET_BEFORE["en"]):
            return None
        if re.match(r"\s*(?:中|之中|当中|當中)(?![国國])", view[hit.end:hit.end + 3]) and role == "total":
            return None
        # an outcome count: the count is followed by what happened to those patients
        denominator = hit.pattern in DOSE_GROUP_PATTERNS and (
            DENOMINATOR_BEFORE.search(view[max(span.start, hit.start - 20):hit.start]) or DENOMINATOR_AFTER.match(view, hit.end))
        # the whole cohort said with "all" ("All 11 participants improved"), or one patient where the mention counts
        # no more ("一位47岁的患者停用了胰岛素"): what happened to them is the study's result, not a part's
        whole = _whole(view, span, hit, larger)
        if hit.pattern not in SPLIT_PATTERNS | DOSE_RECEIVED_PATTERNS | {"en_total_denominator"} and not denominator and \
                not whole and not (strong and role == "total" and hit.pattern not in OUTCOME_CHECKED):
            if (n == 1 and role == "total") or (hit.pattern in OUTCOME_CHECKED and NOUN_THEN_COMMA.match(after)):
                # a single patient introduced, then the story goes on: "一名…女子，…发生低血糖"; a bare total with
                # only its noun before the comma ("共18位患者,分成三组,没有出现…"): the outcome is a later clause's
                after = re.split(r"[,，;；。]", after, maxsplit=1)[0]
            own = re.split(r"[,，;；]", after, maxsplit=1)[0]
            if ZH_ALLOCATION_VERBS.search(own):
                # "12名患者接受植入，高剂量组9个有5个已经停打胰岛素": the count's own clause allocates it; the outcome
                # is a later clause's, of a part
                after = own
            completed = hit.pattern in DOSE_GROUP_PATTERNS and COMPLETED_AFTER.match(view, hit.end)
            # (an outcome verb inside a relative clause describes the cohort: "30 patients who had failed ...")
            if not completed and (_any(after, OUTCOME_AFTER["zh"]) or outcome_verb_first(after, OUTCOME_AFTER["en"])
                                  or _any(re.split(r"[,，;；]", after, maxsplit=1)[0], OUTCOME_IN_CLAUSE_ZH)
                                  or _any(quote, OUTCOME_AFTER["zh"])):
                return None
            if hit.pattern in CLAUSE_OUTCOME_PATTERNS:
                # "Nine participants in the MSC group and one in the placebo group had ...": the verb of the
                # whole clause says what happened to them
                clause = re.split(r"[.;。；]", view[hit.end:min(span.end, hit.end + 100)], maxsplit=1)[0]
                if _any(clause, OUTCOME_AFTER["zh"] + OUTCOME_AFTER["en"] + OUTCOME_VERBLESS_EN):
                    return None
        if re.search(r"(?:^|\s)(?:\d+|" + NUMBER_WORDS + r"|all|none|most|some|half|each)\s+(?:out\s+)?of\s+(?:the\s+)?$",
                     view[max(span.start, hit.start - 16):hit.start]) and hit.pattern == "en_total_noun":
            return None   # "20 of the 23 patients": the denominator pattern reads 23
        if re.search(r"\btype\s*(?:[12]\s*(?:&|and|or|/|,)\s*)?$", view[max(span.start, hit.start - 12):hit.start],
                     re.I):
            return None   # "type 2 diabetes patients"
        if hit.pattern == "en_total_noun":
            prev = view[max(span.start, hit.start - 12):hit.start].lower()
            if re.search(r"\b(?:in|since|from|during|by|until|of|among|aged?|age)\s*$", prev) and n >= 1900:
                return None
            if re.search(r"\b(?:among|in|of)\s*$", prev):
                hit.score = 0.5
        # (within the count's sentence: "…registered worldwide. Thirty patients received MSC" is this study's)
        bg_before = re.split(r"[。！？!?\n]|\.\s", view[max(span.start, hit.start - 12):hit.start])[-1]
        if _any(bg_before, BACKGROUND_BEFORE["zh"] + BACKGROUND_BEFORE["en"]) and not strong and not (
                not _any(bg_before, WIDE_BACKGROUND) and TREATED_AFTER.match(view, hit.end)):
            return None   # "目前已有14名患者接受植入" is a trial's treated patients; "全国已有…" stays background
        sub = SUBGROUP_AFTER.match(view, hit.end, min(span.end, hit.end + 60))
        if sub and role == "total":
            # "218 patients who completed six months": an analysis subgroup with its own n
            hit = self._as_subgroup(hit, span, sub)
        if _any(view[max(span.start, hit.start - 30):hit.start], CONTEXT.get(span.lang[:2], ())):
            hit.score = min(1.0, hit.score + 0.1)
        return hit

    @staticmethod
    def _trial_to_come(hit: Hit, span: Span) -> bool:
        """The count sizes a trial (named before it, or "N人的试验") that the rest of its sentence says is to come."""
        view = span.doc.view
        cs, ce = _count_span(view, hit)
        if not (TRIAL_BEFORE_COUNT.search(view, max(span.start, cs - 30), cs) or ZH_TRIAL_AFTER_COUNT.match(view, ce)):
            return False
        _, hi = _sentence(view, span, hit.start, hit.end)
        return bool(PLAN_AFTER.search(view, hit.end, hi))

    def _not_a_size(self, hit: Hit, span: Span) -> Optional[str]:
        """Why a count of persons is not a size of the study (see ``cohort_roles``), or None when it may be one."""
        view, text = span.doc.view, span.doc.text
        n, role = hit.value["n"], hit.value["role"]
        cs, ce = _count_span(view, hit)
        if is_year(view, cs, hit.end, n):
            return "year"             # "Accepted: January 9, 2023\nForty patients"
        if is_row_number(view, cs, ce, n):
            return "row number"       # "1 Adolescents with new-onset T1DM (n=18) ... / 2 Adults with ..."
        if is_age(view, ce):
            return "age"              # "a 25 year-old woman"
        if is_number_tail(view, cs):
            return "number tail"      # "One hundred and twelve patients" is not 12
        if role == "total" and n == 1 and is_inquirer(view[slice(*_sentence(view, span, hit.start, hit.end))]):
            return "inquirer"         # "一位52岁的T2D患者…拿着某机构的宣传单来问我": asked, not treated
        if role == "total" and (FURTHER_AFTER.match(view, ce) or FURTHER_BEFORE.search(view, max(span.start, cs - 6), cs)):
            return "further"          # "to treat 10 more patients", "计划再纳入10名": persons beyond the study's
        if role == "total" and is_waiting(view, cs, hit.end):
            return "waiting"          # "本院目前等候名單有９位病人", "The waiting list now has 15 patients"
        if is_ratio(view, cs):
            return "ratio"            # "fewer than one in four adults reach an HbA1c below 7%"
        if is_share(view, hit.end) or is_share(view, ce):
            return "share"            # "Six patients (60%) were responders"
        if (is_wide_scope(view, hit.start) or is_wide_scope(view, cs)) and not registry_source(
                view[_sentence(view, span, hit.start, hit.end)[0]:hit.start]):
            return "wide scope"       # "全世界共有1154名患者接受胰岛移植" (a registry's own report is its study)
        if is_hedged(view, cs):
            return "hedged"           # "In my clinic I have maybe four hundred people"
        if is_audience(view, cs, view[slice(*_sentence(view, span, hit.start, hit.end))], ce):
            return "audience"         # "the largest diabetes conference, bringing together nearly 18,000 participants"
        if in_reference_entry(text, hit.start) or in_related_links(text, hit.start):
            return "reference"        # a reference entry or a related-links list names other studies
        label = hit.value.get("label") or ""
        reason_first = re.search(r"[(\[（][^()\[\]（）]*?[,，;；]\s*[nN]\s*=", view[hit.start:hit.end])
        if hit.pattern in ("n_equals", "n_equals_list", "n_equals_list_bare") and (reason_first or not GROUPISH.search(label)):
            lo, _ = _sentence(view, span, hit.start, hit.end)
            if WITHDRAWAL.search(view, lo, hit.end):
                return "withdrawal reason"  # "Two participants withdrew (relocation, n = 1; pregnancy, n = 1)"
        if role == "arm" and hit.pattern in ("n_equals", "n_equals_list", "n_equals_list_bare"):
            lo, _ = _sentence(view, span, hit.start, hit.end)
            if is_event_label(label) or (in_event_list(view, lo, hit.start) and not GROUPISH.search(label)):
                return "event"        # "Adverse events were mild: headache (n = 4)"
            if is_outcome_group(label):
                return "outcome group"  # "a larger decline than non-responders (n = 5)"
        if role == "arm" and hit.pattern in BREAKDOWN_PATTERNS and (
                is_event_label(label) or EVENT_CUE.search(view, max(_sentence(view, span, hit.start, hit.end)[0], hit.start - 30),
                                                          hit.start)):
            return "event"            # "发生3例不良反应(2例发热、1例皮疹)": the events, not two groups
        if is_event_in(view, cs):
            return "event"            # "Implant site pain occurred in 7 participants and hypoglycemia in 3 participants"
        if in_event_brackets(view, hit.start):
            return "event"            # "transient fever (5 patients)", "发热(5例)"
        if role == "arm" and in_outcome_breakdown(view, span.start, hit.start):
            return "outcome breakdown"  # "Seven discontinued (four in the cell group and three in the placebo group)"
        if role == "total" and hit.pattern not in SPLIT_PATTERNS and is_rest(view, cs):
            return "rest"             # "The other two patients cut their insulin", "all but four participants"
        if role == "total" and (n > 1 or hit.pattern in WEAK | SINGLE_CASE_PATTERNS) and is_ordinal_subject(view, cs):
            return "numbered patient"  # "第一例是一名52岁女性", "The first patient, a 35-year-old woman"
        if hit.pattern in ("zh_total_noun", "zh_total_denominator") and zh_outcome_in_np(view[ce:hit.end]):
            return "outcome group"    # "3例插管失败的患者"
        if hit.pattern == "zh_total_noun" and ZH_COMORBID.search(view, ce, hit.end) \
                and _largest_person_count(view, span.start, span.end) > n:
            return "comorbid subgroup"  # "6例合并视网膜病变的患者" among a larger cohort
        if role == "total" and hit.pattern in WEAK:
            clause = clause_after(view, hit.end, span.end)
            larger = _largest_person_count(view, span.start, span.end) > n
            if larger and untimed_completion(view, hit.end, span.end):
                return "completers"   # "Nineteen patients completed the protocol" of a larger cohort
            if larger and (CHANGE_IN_BEFORE.search(view, max(span.start, cs - 30), cs)
                           or _any(clause, ZH_CHANGE_AFTER)):
                return "changed part"  # "HbA1c decreased in 15 patients", "15例患者HbA1c明显下降" of a larger cohort
            if span.lang.startswith("en") and not _whole(view, span, hit, larger) \
                    and outcome_verb_first(clause, OUTCOME_AFTER["en"] + BREAKDOWN_AFTER_EN):
                return "outcome verb"  # "six patients with retinopathy needed laser therapy"
        if hit.pattern == "zh_total_denominator" and re.search(r"[组組]\s*$", view[max(span.start, cs - 3):cs]):
            return "group denominator"  # "治疗组20例患者中有15例": that group's size, read by the group patterns
        return None

    @staticmethod
    def _dose_label(span: Span, start: int, end: int) -> Optional[str]:
        """The dose a unit closes names the group: "0.5 × 10^6/kg (n = 8), 1.5 × 10^6/kg (n = 8)" are the groups
        "0.5 × 10^6/kg" and "1.5 × 10^6/kg", not two groups "kg" (which one record would keep once)."""
        text = span.doc.text
        before = text[max(span.start, start - 30):start]
        cut = max(before.rfind(c) for c in ",，;；:：()（）、") + 1
        cut = max(cut, max((m.end() for m in re.finditer(r"\b(?:received|receiving|given|of|at|or|and)\s", before)),
                           default=0))
        label = (before[cut:] + text[start:end]).strip()
        return label if re.search(r"\d", label) else None

    @staticmethod
    def _among_studies(view: str, span: Span, hit: Hit) -> bool:
        """"在两项单组研究中进行了评估,其中共有30名参与者…": 其中 refers to the studies just named, whose participants
        the count gives, not to a larger group of persons (the caller checks that the mention counts none larger)."""
        lead = re.search(r"(?:其中|其中共|其中共有|其中有)\s*$", view[max(span.start, hit.start - 6):hit.start]) or \
            re.match(r"\s*(?:其中)(?:共|共有|有)?\s*$", _clause_before(view, span, hit.start))
        if not lead:
            return False
        lo = max(span.start, hit.start - 60)
        before = view[lo:view.rfind("其中", lo, hit.start)]
        clause = re.split(r"[。;；!?！？\n]", before)[-1]
        return bool(STUDIES_CLAUSE.search(clause)) and not PERSON_NOUN_ZH.search(clause)

    def _as_subgroup(self, hit: Hit, span: Span, sub: re.Match[str]) -> Hit:
        """The hit as an arm labelled by its defining clause."""
        hit.value = {"n": hit.value["n"], "role": "arm", "label": span.doc.text[sub.start("label"):sub.end("label")]}
        if _any(span.doc.view[max(span.start, hit.start - 30):hit.start], CONTEXT.get(span.lang[:2], ())):
            hit.score = min(1.0, hit.score + 0.1)
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """One hit per (role, n): the best scored; an overlapping arm wins over a bare total."""
        hits = _partition_into_arms(_each_restated(hits))
        arms = [h for h in hits if h.value["role"] == "arm"]
        # sizes of groups the text allocates explicitly: a bare count of persons equal to one is that group again
        allocated = {a.value["n"] for a in arms
                     if a.pattern in SPLIT_PATTERNS | BREAKDOWN_PATTERNS | PAIRED_PATTERNS | COMPARED_PATTERNS
                     | PARTITION_PATTERNS | {"n_equals_list"}}   # ("UCB group, n = 12; control, n = 8")
        # a patient's story inside a counted cohort ("58岁的王阿姨" in a trial of 86, "65歲陳先生" among 42 patients):
        # one of the cohort, not a case of one
        cohort = any(h.value["role"] == "total" and h.value["n"] >= COHORT_MIN and h.pattern not in SINGLE_CASE_PATTERNS
                     for h in hits)
        kept: dict[tuple[str, int, str], Hit] = {}
        for h in sorted(hits, key=lambda h: (-h.score, h.start)):
            if cohort and h.pattern in SINGLE_CASE_PATTERNS and h.pattern not in SINGLE_CASE_STATED:
                continue
            if h.value["role"] == "arm" and any(k[:2] == ("arm", h.value["n"]) and o.pattern != h.pattern
                                                and o.start < h.end and h.start < o.end for k, o in kept.items()):
                continue   # the same group read by two patterns ("8 participants received a high dose")
            if h.value["role"] == "total" and any(a.value["n"] == h.value["n"] and a.start <= h.end
                                                  and h.start <= a.end for a in arms):
                continue
            if h.value["role"] == "total" and (h.pattern in WEAK or h.pattern == "en_total_denominator") \
                    and h.value["n"] in allocated:
                continue   # "9 of 14 participants" after "14 at the full dose": that group again, not the cohort
            if h.pattern in ("en_total_denominator", "zh_total_denominator") \
                    and any(a.value["n"] == h.value["n"] for a in arms) \
                    and any(o.value["role"] == "total" and o.value["n"] > h.value["n"] for o in hits):
                continue   # "AD-MSC (n = 42) … 17 of 42 treated patients reached the target": that arm's share again
            if h.pattern in DOSE_GROUP_PATTERNS and any(a is not h and a.value["n"] == h.value["n"] for a in arms):
                continue   # "12名全剂量受试者" after "其中12名接受了全剂量": the same group again
            if h.pattern == "zh_arm_subset_alloc" and any(a.pattern in ("zh_arm_split", "en_arm_split") and a.start < h.end
                                                          and h.start < a.end for a in arms):
                continue   # the first half of a "其中…另…" split, read there
            # two arms of equal size ("试验组43例，对照组43例") are two facts; the same arm said twice is one
            label = h.value.get("label") or ""
            if h.value["role"] == "arm" and label:
                same = [o for k, o in kept.items() if k[:2] == ("arm", h.value["n"]) and k[2].split("@")[0] in ("", label)]
                if same and not all(_list_siblings(o, h) for o in same):
                    continue   # the same group said again
                # "0.5 × 10^6/kg (n = 8), 1.5 × 10^6/kg (n = 8) or placebo (n = 8)": equal items of one list all count
                key = ("arm", h.value["n"], f"{label}@{h.start}" if same else label)
            else:
                key = (h.value["role"], h.value["n"], "")
            if key not in kept:
                kept[key] = h
        return sorted(_one_language_of_arms(list(kept.values())), key=lambda h: h.start)


EXTRACTOR = CohortExtractor()
