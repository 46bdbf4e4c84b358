"""Normalisation for linking: titles, journals (bilingual table), identifiers, dates, names."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Optional

from rapidfuzz import fuzz, process

from . import settings
from ..rxcache import rx

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = rx(f"[{_CJK}]")
# Everything that is neither a word character nor CJK separates tokens.
_SEP_RE = rx(r"[\W_]+", re.UNICODE)
_TOKEN_RE = rx(f"[{_CJK}]+|[a-z0-9]+")
_EN_STOP = frozenset(
    "a an and the of in on for with to from by at as or vs versus its their after before into "
    "is are was were be study trial patients patient clinical results effect effects".split())
# Connectives that vary freely inside Chinese journal names (与/和/及 all mean "and").
_ZH_JOURNAL_DROP = rx("[与和及之的]")
_JOURNAL_STOP = frozenset({"the", "and", "of", "in", "for"})
_PAREN_RE = rx(r"[(\[（【][^)\]）】]*[)\]）】]")


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """NFKC (full-width -> ASCII), traditional -> simplified, lower case."""
    s = unicodedata.normalize("NFKC", text)
    if _CJK_RE.search(s):
        s = _t2s().convert(s)
    return s.lower()


def simplified(text: str) -> str:
    """NFKC and traditional -> simplified, case kept (the form the name tables search)."""
    s = unicodedata.normalize("NFKC", text)
    return _t2s().convert(s) if _CJK_RE.search(s) else s


def norm_title(title: Optional[str]) -> str:
    """Title for comparison: folded, punctuation removed, single spaces."""
    if not title:
        return ""
    return " ".join(_SEP_RE.sub(" ", fold(title)).split())


_LETTER_RE = rx(r"[^\W_]", re.UNICODE)


def is_cjk(text: str) -> bool:
    """True when CJK characters make up at least a third of the letters."""
    if not text or not _CJK_RE.search(text):
        return False
    cjk = len(_CJK_RE.findall(text))
    return cjk * 3 >= max(1, len(_LETTER_RE.findall(text)))


def title_tokens(normed: str) -> list[str]:
    """Blocking tokens of a normalised title: content words, or character bigrams of CJK runs."""
    out: list[str] = []
    for tok in _TOKEN_RE.findall(normed):
        if _CJK_RE.match(tok):
            if len(tok) == 1:
                continue
            out.extend(tok[i:i + 2] for i in range(len(tok) - 1))
        elif len(tok) >= 3 and tok not in _EN_STOP:
            out.append(tok)
    return list(dict.fromkeys(out))


def title_similarity(a: str, b: str) -> float:
    """0-100: plain ratio, or word-order-free ratio for Latin titles (one report reorders)."""
    if not a or not b:
        return 0.0
    s = fuzz.ratio(a, b)
    if " " in a and " " in b:
        s = max(s, fuzz.token_sort_ratio(a, b))
    return float(s)


# ---------------------------------------------------------------- journals

def journal_tokens(name: str) -> list[str]:
    """Folded journal-name words, '&' = 'and', stop words and Chinese connectives dropped."""
    s = fold(name).replace("&", " and ")
    s = _ZH_JOURNAL_DROP.sub("", s)
    return [t for t in _SEP_RE.split(s) if t and t not in _JOURNAL_STOP]


def journal_key(name: str) -> str:
    """Spelling-insensitive key of a journal name (its tokens joined)."""
    return "".join(journal_tokens(name))


def is_abbreviation(short: list[str], full: list[str]) -> bool:
    """True when each word of ``short`` starts a word of ``full``, in order (J Clin Invest)."""
    if len(short) < 2 or len(short) > len(full) or not full[0].startswith(short[0]):
        return False
    j = 0
    for word in full:
        if j < len(short) and word.startswith(short[j]):
            j += 1
    return j == len(short)


def same_unknown_journal(a: str, b: str) -> Optional[bool]:
    """Compare two ``raw:`` journal ids: True/False in one script, None across scripts."""
    ta, tb = a[4:].split(" "), b[4:].split(" ")
    if is_cjk(a[4:]) != is_cjk(b[4:]):
        return None  # possibly one journal in two languages: no evidence
    if ta == tb or is_abbreviation(ta, tb) or is_abbreviation(tb, ta):
        return True
    return False


class JournalTable:
    """Bilingual journal names -> canonical id (extract/data/journals.json)."""

    def __init__(self, entries: list[dict]) -> None:
        self.keys: dict[str, str] = {}
        # id -> id of the family's parent title (The Lancet for The Lancet Diabetes & Endocrinology)
        self.family: dict[str, str] = {}
        stripped: dict[str, set[str]] = {}
        for e in entries:
            jid = e["id"]
            if e.get("family"):
                self.family[jid] = e["family"]
            for name in [*e.get("names", []), *e.get("abbrev", []), *e.get("zh", [])]:
                key = journal_key(name)
                other = self.keys.get(key)
                if other is not None and other != jid:
                    raise ValueError(f"journal name {name!r} maps to both {other!r} and {jid!r}")
                if key:
                    self.keys[key] = jid
                # "Front Endocrinol (Lausanne)" is also known without its qualifier
                stripped.setdefault(journal_key(_PAREN_RE.sub(" ", name)), set()).add(jid)
        for key, jids in stripped.items():
            if key and key not in self.keys and len(jids) == 1:
                self.keys[key] = next(iter(jids))
        self._choices = list(self.keys)

    def parent_and_child(self, a: str, b: str) -> bool:
        """True when one id is the family parent of the other (news shortens a sub-journal)."""
        return self.family.get(a) == b != a or self.family.get(b) == a != b

    @lru_cache(maxsize=50_000)
    def canonical(self, name: Optional[str]) -> Optional[str]:
        """The table id of ``name``, else ``raw:<key>`` (unknown journal), else None."""
        if not name or not name.strip():
            return None
        for key in (journal_key(name), journal_key(_PAREN_RE.sub(" ", name))):
            if key in self.keys:
                return self.keys[key]
        toks = journal_tokens(name)
        key = "".join(toks)
        if not key:
            return None
        # a lost '&' or a typo: fuzzy match only long keys, whose near misses are unambiguous
        if len(key) >= 10:
            hit = process.extractOne(key, self._choices, scorer=fuzz.ratio,
                                     score_cutoff=settings.JOURNAL_FUZZY)
            if hit is not None:
                return self.keys[hit[0]]
        return "raw:" + " ".join(toks)


@lru_cache(maxsize=1)
def journal_table() -> JournalTable:
    """The shipped bilingual journal table (loaded once)."""
    text = resources.files("extract").joinpath("data/journals.json").read_text(encoding="utf-8")
    return JournalTable(json.loads(text)["journals"])


# ---------------------------------------------------------------- identifiers, dates, names

_DOI_PREFIX = rx(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.I)


def norm_doi(doi: Optional[str]) -> Optional[str]:
    """Bare lower-case DOI, trailing punctuation dropped."""
    if not doi or not doi.strip():
        return None
    d = _DOI_PREFIX.sub("", doi.strip()).lower().rstrip(".,;)")
    return d or None


def norm_registry(rid: str) -> str:
    """Registry id upper-case without inner spaces or dashes (NCT-0123 == NCT0123)."""
    return re.sub(r"[\s\-_]", "", unicodedata.normalize("NFKC", rid)).upper()


def parse_date(value: Optional[str]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """``YYYY[-MM[-DD]]`` -> (year, month, day) with None for missing parts."""
    if not value:
        return (None, None, None)
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return (None, None, None)
    y, mo, d = m.groups()
    return (int(y), int(mo) if mo else None, int(d) if d else None)


def norm_name(text: Optional[str]) -> str:
    """Institution / country / alias key: folded, no punctuation or spaces."""
    if not text:
        return ""
    return _SEP_RE.sub("", fold(text))


# ---------------------------------------------------------------- numbers in the mention's text

_CTX_NUM = rx(r"(?<![\d.])(\d{1,4}(?:\.\d+)?)\s*(%?)(?![\d.])")


def context_numbers(text: str, *, exclude: frozenset[float] = frozenset()) -> dict[str, float]:
    """Numbers quoted in a mention, each with how identifying it is (rarer forms weigh more).

    Reports that copy one source repeat its exact figures ("41%", "9.3 months", "4.55%").
    Years, small counts, long digit runs (ids, ISSNs) and values in ``exclude`` (already scored
    as extracted facts) are left out.
    """
    out: dict[str, float] = {}
    for num, pct in _CTX_NUM.findall(unicodedata.normalize("NFKC", text)):
        value = float(num)
        if value in exclude:
            continue
        decimal = "." in num
        if not decimal and (value < 10 or (1900 <= value <= 2100 and not pct)):
            continue
        if decimal:
            w = settings.CONTEXT_WEIGHT["decimal_percent" if pct else "decimal"]
        elif pct:
            w = settings.CONTEXT_WEIGHT["round_percent" if value % 5 == 0 else "percent"]
        else:
            w = settings.CONTEXT_WEIGHT["integer"]
        out[f"{value:g}{pct}"] = w
    return out
