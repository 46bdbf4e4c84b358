"""Publication and registry identifiers: DOI, PMID, PMCID, NCT/ChiCTR/ISRCTN/jRCT/CTRI/EudraCT/...

Each hit has field ``doi``, ``pmid``, ``pmcid`` or ``registry_id`` and value ``{"value": str}``:
DOIs lower-case and bare (no ``https://doi.org/`` or ``doi:``), registry ids in their registered
case (``ChiCTR``, ``jRCT``, ``NCT``). The module-level helpers are shared with the reference parser.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from .base import FieldExtractor, Hit, Pattern, Span
from .context import sentence_bounds
from ..rxcache import compile_cached

# --- data ---------------------------------------------------------------------------------

# A DOI is "10.<registrant>/<suffix>"; the suffix may hold "/", ".", "(", ")" but stops at
# whitespace, quotes, CJK text and full-width punctuation (a Chinese sentence often follows directly).
DOI = Pattern("doi", r"(?<![A-Za-z0-9.])10\.\d{4,9}/[^\s\"'<>,;\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]+", 1.0)
# "PMID: 38123456", "PubMed ID 37000111", the MEDLINE tag "PMID- 31234567", a PubMed link
PMID = Pattern("pmid", r"(?<![A-Za-z0-9])(?:(?:PMID|PubMed\s*ID)\s*[:：#-]?\s*|pubmed\.ncbi\.nlm\.nih\.gov/|"
                       r"ncbi\.nlm\.nih\.gov/pubmed/)(\d{4,9})(?![A-Za-z0-9])", 1.0,
               examples=("PMID- 31234567 OWN - NLM STAT- MEDLINE", "Epub 2024 Mar 2. PMID: 38123456.",
                         "文獻編號PMID:39001122", "原文链接:https://pubmed.ncbi.nlm.nih.gov/38123456/"),
               traps=("PMID-based search", "[PubMed] [Google Scholar] 2023", "https://pubmed.ncbi.nlm.nih.gov/?term=stem"))
PMCID = Pattern("pmcid", r"(?<![A-Za-z0-9])PMC\s?(\d{5,9})(?![A-Za-z0-9])", 1.0)

# registry -> (pattern, canonical prefix); the canonical prefix restores the registered case
REGISTRIES: tuple[tuple[Pattern, str], ...] = (
    (Pattern("nct", r"(?<![A-Za-z0-9])NCT[\s-]?(\d{8})(?![A-Za-z0-9])"), "NCT"),
    (Pattern("chictr", r"(?<![A-Za-z0-9])ChiCTR(-[A-Z]{2,5}-\d{8}|\d{10})(?![A-Za-z0-9])"), "ChiCTR"),
    (Pattern("isrctn", r"(?<![A-Za-z0-9])ISRCTN[\s-]?(\d{8})(?![A-Za-z0-9])"), "ISRCTN"),
    (Pattern("jrct", r"(?<![A-Za-z0-9])jRCT([a-z]?\d{7,10})(?![A-Za-z0-9])"), "jRCT"),
    (Pattern("ctri", r"(?<![A-Za-z0-9])CTRI/(\d{4}/\d{2,3}/\d{6})(?![A-Za-z0-9])"), "CTRI/"),
    (Pattern("eudract", r"(?<![A-Za-z0-9])EudraCT(?:\s*(?:number|no\.?|编号))?\s*[:：]?\s*(\d{4}-\d{6}-\d{2})(?![A-Za-z0-9])"), ""),
    (Pattern("actrn", r"(?<![A-Za-z0-9])ACTRN\s?(\d{14})(?![A-Za-z0-9])"), "ACTRN"),
    (Pattern("umin", r"(?<![A-Za-z0-9])UMIN\s?(\d{9})(?![A-Za-z0-9])"), "UMIN"),
    (Pattern("drks", r"(?<![A-Za-z0-9])DRKS\s?(\d{8})(?![A-Za-z0-9])"), "DRKS"),
    (Pattern("irct", r"(?<![A-Za-z0-9])IRCT(\d{6,14}N\d{1,3})(?![A-Za-z0-9])"), "IRCT"),
    (Pattern("kct", r"(?<![A-Za-z0-9])KCT(\d{7})(?![A-Za-z0-9])"), "KCT"),
    (Pattern("pactr", r"(?<![A-Za-z0-9])PACTR(\d{15})(?![A-Za-z0-9])"), "PACTR"),
    (Pattern("tctr", r"(?<![A-Za-z0-9])TCTR(20\d{9})(?![A-Za-z0-9])"), "TCTR"),
    # China's drug-trial registration platform (药物临床试验登记与信息公示平台): "登记号CTR20231876";
    # not inside "ChiCTR2000031234" (the look-behind)
    (Pattern("cde_ctr", r"(?<![A-Za-z0-9])CTR(20\d{6})(?![A-Za-z0-9])"), "CTR"),
    # PROSPERO, where systematic reviews are registered: "CRD42023412345"
    (Pattern("prospero", r"(?<![A-Za-z0-9])CRD\s?(42\d{9})(?![A-Za-z0-9])"), "CRD"),
)

_TRAILING = ".,;:。，；：、"
_PAIRS = {")": "(", "]": "[", "}": "{"}


# --- helpers (also used by references.py) -------------------------------------------------

def clean_doi(raw: str) -> Optional[str]:
    """A bare lower-case DOI from a matched string, or None when it is not a ``10.`` DOI."""
    s = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi\s*[:：]\s*)", "", raw.strip(), flags=re.I)
    # trailing punctuation, and closing brackets that the DOI itself did not open
    while s:
        ch = s[-1]
        if ch in _TRAILING:
            s = s[:-1]
        elif ch in _PAIRS and s.count(ch) > s.count(_PAIRS[ch]):
            s = s[:-1]
        else:
            break
    if not re.fullmatch(r"10\.\d{4,9}/\S+", s):
        return None
    return s.lower()


def find_dois(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
    """(doi, start, end) of every DOI in ``text[start:end]``; the span covers the cleaned DOI."""
    out = []
    for m in DOI.compiled.finditer(text, start, len(text) if end is None else end):
        doi = clean_doi(m.group(0))
        if doi:
            out.append((doi, m.start(), m.start() + len(doi)))
    return out


@lru_cache(maxsize=1)
def _registry_screen() -> Optional[re.Pattern[str]]:
    """One search for the required literals of every registry pattern (None: one has none, or other flags)."""
    lits = [p.literals for p, _ in REGISTRIES]
    if any(x is None for x in lits) or any(p.flags != re.IGNORECASE for p, _ in REGISTRIES):
        return None
    return compile_cached("|".join(re.escape(w) for w in sorted({w for x in lits for w in x})), re.IGNORECASE)


def registry_ids(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
    """(id, start, end) of every trial-registry id in ``text[start:end]``, canonical case."""
    stop = len(text) if end is None else end
    screen = _registry_screen()
    if screen is not None and not screen.search(text, start, stop):
        return []   # none of the words every registry id holds ("nct", "chictr", ...): no id
    out = []
    for pat, prefix in REGISTRIES:
        for m in pat.compiled.finditer(text, start, stop):
            out.append((prefix + m.group(1).upper() if prefix not in ("jRCT",) else prefix + m.group(1),
                        m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


# a registry id of a trial still to come, in its sentence: enrolment ahead ("is expected to enroll", "计划再纳入10名")
# and another trial than the one reported ("10 more patients", "一项新的临床研究", "The Phase 3 portion")
_PLANNED_TRIAL = re.compile(r"\b(?:(?:is|are)\s+expected\s+to\s+(?:enrol|recruit|treat|start|begin)|will\s+(?:enrol|recruit|treat|start|begin)|"
                            r"to\s+(?:enrol|recruit|treat)\b[^.;]{0,30}?\bmore\b|starting\s+next\s+year|planned)"
                            r"|(?:计划|拟|将|計劃|擬|將)(?:再|另)?(?:纳入|納入|招募|入组|入組)", re.I)
_ANOTHER_TRIAL = re.compile(r"\b(?:\d+|ten|twenty|[a-z]+)\s+more\s+(?:patients|participants|people)\b|\bnew\s+(?:trial|study)\b|"
                            r"\banother\s+(?:trial|study)\b|\bphase\s*(?:2|3|II|III)\s+(?:portion|part)\b|"
                            r"再(?:纳入|納入|招募)|新的?(?:一项|一項)?(?:临床|臨床)?(?:研究|试验|試驗)|另一项|另一項", re.I)
# (a trial about to start reported as the study, "The Phase 3 trial (NCT…) will enroll 300 patients", keeps its id)


# --- extractor ----------------------------------------------------------------------------

class IdentifierExtractor(FieldExtractor):
    """DOI, PMID, PMCID and registry ids inside a mention's spans."""

    name = "identifiers"
    field = "identifier"
    patterns = (DOI, PMID, PMCID)

    def find(self, span: Span) -> list[Hit]:
        hits = list(super().find(span))
        text = span.doc.view
        for rid, s, e in registry_ids(text, span.start, span.end):
            a, b = sentence_bounds(text, s, e, span.start, span.end)
            if _PLANNED_TRIAL.search(text, a, b) and _ANOTHER_TRIAL.search(text, a, b):
                continue   # "has registered a trial (ChiCTR…) to treat 10 more patients": the next trial's id
            hits.append(Hit("registry_id", {"value": rid}, s, e, self.name, "registry"))
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        if pattern is DOI:
            doi = clean_doi(m.group(0))
            if doi:
                yield Hit("doi", {"value": doi}, m.start(), m.start() + len(doi), self.name, pattern.name)
        elif pattern is PMID:
            yield Hit("pmid", {"value": m.group(1)}, m.start(), m.end(), self.name, pattern.name)
        elif pattern is PMCID:
            yield Hit("pmcid", {"value": "PMC" + m.group(1)}, m.start(), m.end(), self.name, pattern.name)

    def decide(self, hits: list[Hit]) -> list[Hit]:
        # each distinct (field, value) once; the assembler picks one DOI/PMID per record
        seen: set[tuple[str, str]] = set()
        kept = []
        for h in sorted(hits, key=lambda h: h.start):
            key = (h.field, h.value["value"])
            if key not in seen:
                seen.add(key)
                kept.append(h)
        return kept


EXTRACTOR = IdentifierExtractor()
