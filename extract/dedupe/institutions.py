"""Organisations and products across languages: the bilingual tables and a key for unknown names.

``data/institutions.json`` lists hospitals, universities, institutes and companies with their
English and Chinese names, nicknames and acronyms; ``data/products.json`` lists cell-therapy
products with every name (code, INN, brand) and their sponsor. Extraction finds table names in
a text (``find_organisations``, ``find_products``); linking compares organisations by table id
and, for names the table lacks, by ``institution_key``: the proper-name part of the name
(pinyin for a Chinese name: 滨江市中心医院 and Binjiang Central Hospital share "binjiang") plus
the kinds its generic words name (university, hospital, affiliated ...).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .normalise import fold
from ..rxcache import rx

# an ASCII word boundary (``\b`` does not fire between a CJK character and a Latin letter)
_LB = r"(?<![A-Za-z0-9])"
_RB = r"(?![A-Za-z0-9])"


@dataclass(frozen=True)
class Org:
    """One organisation of the table."""

    id: str
    kind: str
    name: str            # canonical English name
    city: Optional[str]
    country: Optional[str]
    parent: Optional[str]


@dataclass(frozen=True)
class Product:
    """One product of the table."""

    id: str
    name: str            # canonical name (its INN when it has one)
    sponsor: Optional[str]


def _load(name: str) -> dict:
    return json.loads(resources.files("extract").joinpath(f"data/{name}").read_text(encoding="utf-8"))


class OrgTable:
    """The institutions table, compiled into two regexes (Latin names, Chinese names)."""

    def __init__(self, data: dict) -> None:
        self.orgs: dict[str, Org] = {}
        self.by_name: dict[str, str] = {}     # folded name -> id
        latin: list[str] = []
        cjk: list[str] = []
        for e in data["institutions"]:
            en = e.get("en") or [e["id"]]
            self.orgs[e["id"]] = Org(e["id"], e["kind"], en[0], e.get("city"), e.get("country"), e.get("parent"))
            for n in [*en, *e.get("abbrev", []), *e.get("zh", []), *e.get("nicknames", [])]:
                key = fold(n)
                other = self.by_name.get(key)
                if other is not None and other != e["id"]:
                    raise ValueError(f"organisation name {n!r} maps to both {other!r} and {e['id']!r}")
                self.by_name[key] = e["id"]
                (latin if n.isascii() else cjk).append(n)
        self.cities: dict[str, str] = {}
        for city, names in data.get("cities", {}).items():
            for n in names:
                self.cities[fold(n)] = city
        from ..rxcache import compile_cached  # re.compile's matches, searched faster (first characters)

        # longest names first: "天津市第一中心医院" before "天津"
        self._latin = compile_cached(_LB + "(" + "|".join(re.escape(n) for n in sorted(set(latin), key=_longest_first)) + ")" + _RB)
        self._cjk = compile_cached("|".join(re.escape(fold(n)) for n in sorted(set(cjk), key=_longest_first)))
        city_names = sorted(self.cities, key=_longest_first)
        self._city = compile_cached("|".join(re.escape(n) if not n.isascii() else _LB + re.escape(n) + _RB
                                         for n in city_names), re.I)

    def find(self, view: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
        """(id, start, end) of every table name in ``view[start:end]`` (the simplified view), in order."""
        end = len(view) if end is None else end
        out = [(self.by_name[fold(m.group(1))], m.start(1), m.end(1)) for m in self._latin.finditer(view, start, end)]
        out += [(self.by_name[m.group(0)], m.start(), m.end()) for m in self._cjk.finditer(view, start, end)
                if m.group(0) in self.by_name]
        return sorted(out, key=lambda x: x[1])

    def lookup(self, name: str) -> Optional[str]:
        """The id of a name as a whole, or of the longest table name inside it."""
        return self._lookup(name)

    @lru_cache(maxsize=100_000)
    def _lookup(self, name: str) -> Optional[str]:
        key = fold(name).strip()
        if key in self.by_name:
            return self.by_name[key]
        hits = self.find(key)
        return max(hits, key=lambda h: (h[2] - h[1], -h[1]))[0] if hits else None

    def city_in(self, text: str) -> Optional[tuple[str, int, int]]:
        """(English city name, start, end) of the first city named in ``text``."""
        m = self._city.search(text)
        return (self.cities[fold(m.group(0))], m.start(), m.end()) if m else None

    def related(self, a: str, b: str) -> bool:
        """One organisation is part of the other (an affiliated hospital and its university)."""
        return self.orgs[a].parent == b or self.orgs[b].parent == a


def _longest_first(name: str) -> tuple[int, str]:
    """Sort key of a name alternation: longest first, then in a fixed order (a set's order changes with each
    process's string hashes, and so would the regex text: kept compiled code is looked up by that text)."""
    return -len(name), name


@lru_cache(maxsize=1)
def org_table() -> OrgTable:
    """The shipped institutions table (loaded once)."""
    return OrgTable(_load("institutions.json"))


class ProductTable:
    """The products table: every name of a product -> its id."""

    def __init__(self, data: dict) -> None:
        self.products: dict[str, Product] = {}
        self.by_name: dict[str, str] = {}
        names: list[str] = []
        for e in data["products"]:
            self.products[e["id"]] = Product(e["id"], e["names"][0], e.get("sponsor"))
            for n in [*e["names"], *e.get("zh", [])]:
                key = alias_key(n)
                other = self.by_name.get(key)
                if other is not None and other != e["id"]:
                    raise ValueError(f"product name {n!r} maps to both {other!r} and {e['id']!r}")
                self.by_name[key] = e["id"]
                names.append(n)
        alts = sorted(set(names), key=_longest_first)
        from ..rxcache import compile_cached  # re.compile's matches, searched faster (first characters)

        self._rx = compile_cached("|".join((_LB + re.escape(n) + _RB) if n.isascii() else re.escape(fold(n)) for n in alts), re.I)

    def find(self, view: str, start: int = 0, end: Optional[int] = None) -> list[tuple[str, int, int]]:
        """(product id, start, end) of every product name in ``view[start:end]``."""
        end = len(view) if end is None else end
        return [(self.by_name[alias_key(m.group(0))], m.start(), m.end()) for m in self._rx.finditer(view, start, end)
                if alias_key(m.group(0)) in self.by_name]

    @lru_cache(maxsize=100_000)
    def canonical(self, alias: str) -> str:
        """The product id of an alias in the table, else the alias's own key."""
        key = alias_key(alias)
        return self.by_name.get(key, key)


def alias_key(name: str) -> str:
    """Spelling-insensitive key of a product name: folded, no spaces/dashes ("VX 880" = "vx-880")."""
    return re.sub(r"[\W_]+", "", fold(name))


@lru_cache(maxsize=1)
def product_table() -> ProductTable:
    """The shipped products table (loaded once)."""
    return ProductTable(_load("products.json"))


# ---------------------------------------------------------------- names the table does not know

# generic words of institution names -> the kind atom they name (Chinese in simplified script, longest first)
_ZH_GENERIC: tuple[tuple[str, str], ...] = (
    ("医科大学", "univ med"), ("医学院", "school med"), ("大学", "univ"), ("学院", "school"),
    ("附属", "affil"), ("附设", "affil"), ("临床医学院", "clinical"),
    ("第一", "n1"), ("第二", "n2"), ("第三", "n3"), ("第四", "n4"), ("第五", "n5"), ("第六", "n6"),
    ("中心医院", "central hosp"), ("人民医院", "people hosp"), ("中医院", "tcm hosp"), ("医院", "hosp"),
    ("研究院", "inst"), ("研究所", "inst"), ("研究中心", "inst"), ("科学院", "academy"),
    ("诊所", "clinic"), ("公司", "company"), ("集团", "company"), ("生物科技", "company"), ("生物技术", "company"),
    ("股份有限", ""), ("有限", ""), ("纪念", "memorial"), ("综合", "general"), ("总医院", "general hosp"),
)
_EN_GENERIC: dict[str, str] = {
    "university": "univ", "medical": "med", "medicine": "med", "school": "school", "college": "school",
    "affiliated": "affil", "first": "n1", "second": "n2", "third": "n3", "fourth": "n4", "fifth": "n5", "sixth": "n6",
    "central": "central", "centre": "", "center": "", "people's": "people", "peoples": "people", "hospital": "hosp",
    "institute": "inst", "research": "", "academy": "academy", "clinic": "clinic", "memorial": "memorial",
    "general": "general", "inc": "company", "ltd": "company", "co": "company", "therapeutics": "company",
    "biotechnology": "company", "biotech": "company", "pharmaceuticals": "company", "pharma": "company",
    "of": "", "the": "", "and": "", "for": "", "at": "", "in": "", "sciences": "", "science": "",
    "health": "", "system": "", "national": "", "regional": "", "municipal": "", "city": "", "traditional": "",
    "chinese": "", "stem": "", "cell": "", "regenerative": "",
}
# leading words that are not part of the name: places, "our country", "mainland"
_ZH_LEAD = rx(r"^(?:我国|国内|中国|内地|大陆|美国|英国|日本|韩国|南韩|台湾|香港|澳门|德国|法国|瑞典|挪威|加拿大|"
                      r"澳大利亚|印度|越南|新加坡|意大利|西班牙|荷兰|巴西|伊朗|以色列)")
_CJK = rx(r"[\u3400-\u9fff]")


@lru_cache(maxsize=50_000)
def institution_key(name: str) -> Optional[tuple[str, frozenset[str]]]:
    """(proper-name part, kind atoms) of an institution name, or None when it has no proper name.

    Chinese: 淮西医科大学第一附属医院 -> ("淮西", {univ, med, affil, n1, hosp}); English: First Affiliated
    Hospital of Huaixi Medical University -> ("huaixi", the same kinds). The proper name of a Chinese
    name is what stands before its first generic word (without 市/省); a Latin word there is kept as is
    (美国Meridian公司 -> "meridian"). ``same_institution`` compares Chinese proper names by their end and
    against a romanised name by pinyin.
    """
    s = fold(name).strip()
    if not s:
        return None
    if _CJK.search(s):
        s = _ZH_LEAD.sub("", s)
        core = ""
        kinds: set[str] = set()
        i = 0
        while i < len(s):
            for word, atoms in _ZH_GENERIC:
                if s.startswith(word, i):
                    kinds.update(atoms.split())
                    i += len(word)
                    break
            else:
                if kinds:
                    break  # a department or a second institution follows
                core += s[i]
                i += 1
        latin = re.findall(r"[a-z][a-z'-]{2,}", core)
        if latin:
            return latin[-1], frozenset(kinds)
        core = re.sub(r"[市省县区]$", "", "".join(_CJK.findall(core)))
        return (core, frozenset(kinds)) if len(core) >= 2 else None
    words = re.findall(r"[a-z][a-z']*", s)
    proper = [w for w in words if w not in _EN_GENERIC]
    kinds = {a for w in words for a in _EN_GENERIC.get(w, "").split()}
    if not proper or sum(len(w) for w in proper) < 4:
        return None
    return "".join(proper), frozenset(kinds)


@lru_cache(maxsize=50_000)
def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin  # loaded only when an unknown Chinese name is compared
    return "".join(lazy_pinyin(text))


_ZH_OWNER = rx(r"^(?:国立|省立|市立|县立|私立|公立)")


@lru_cache(maxsize=200_000)
def _same_proper(a: str, b: str) -> bool:
    """Two proper names agree: equal; one Chinese name the end of the other (国立台澄 / 台澄); a Chinese
    name whose last 2-4 characters romanise to the Latin one (滨江 / binjiang)."""
    if a == b:
        return True
    ca, cb = bool(_CJK.match(a)), bool(_CJK.match(b))
    if ca and cb:
        short, long_ = sorted((_ZH_OWNER.sub("", a), _ZH_OWNER.sub("", b)), key=len)
        return len(short) >= 2 and long_.endswith(short)
    if ca != cb:
        zh, latin = (a, b) if ca else (b, a)
        return any(_pinyin(zh[-k:]) == latin for k in range(2, min(4, len(zh)) + 1))
    return False


def romanised_keys(proper: str) -> tuple[str, ...]:
    """Blocking keys of an institution's proper name: a Latin name as is, a Chinese one by the pinyin of its
    last 2-4 characters (the forms ``_same_proper`` compares)."""
    if not _CJK.match(proper):
        return (proper,)
    return tuple(_pinyin(proper[-k:]) for k in range(2, min(4, len(proper)) + 1))


def same_institution(a: str, b: str) -> Optional[str]:
    """How two institution names (any language) relate: "same", "related" (one part of the other), or None."""
    table = org_table()
    return relate_institutions(table.lookup(a), institution_key(a), table.lookup(b), institution_key(b))


def relate_institutions(ia: Optional[str], ka: Optional[tuple[str, frozenset[str]]],
                        ib: Optional[str], kb: Optional[tuple[str, frozenset[str]]]) -> Optional[str]:
    """``same_institution`` on names already looked up (table ids, keys): the fast path of linking."""
    if ia and ib:
        if ia == ib:
            return "same"
        return "related" if org_table().related(ia, ib) else None
    if not ka or not kb or not _same_proper(ka[0], kb[0]):
        return None
    # "X大学医学院附设医院" is "X大学附设医院": a school inside a university names no other place
    kinds_a, kinds_b = (k - {"med"} - ({"school"} if "univ" in k else set()) for k in (ka[1], kb[1]))
    if kinds_a == kinds_b:
        return "same"
    if kinds_a <= kinds_b or kinds_b <= kinds_a:
        return "related"
    return None
