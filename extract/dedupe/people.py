"""People across scripts: the keys under which two reports name one investigator.

A key is (surname, initial of the given name): "Jinquan Cai", "Cai J", "蔡金全" -> ("cai", "j"); a surname
alone ("Cai, 2016", "Voltarelli et al.", "王教授") -> ("cai", ""). A Chinese name is romanised by pinyin
(邓宏魁 -> ("deng", "h")); a Latin two-word name may be in either order (Hongkui Deng / Deng Hongkui), so
it gives both readings.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .institutions import _pinyin
from .normalise import simplified
from ..rxcache import rx

_CJK = rx(r"[\u3400-\u9fff]")
_WORD = rx(r"[A-Za-z][A-Za-z'-]*\.?")
# compound Chinese surnames (欧阳, 司马): the rest is the given name
_ZH_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐")

Key = tuple[str, str]

# Surnames romanised otherwise than by pinyin -> their pinyin, so that "Hsu Wen-yen" meets 許文彥 (xu, w). Only
# common surnames whose reading is not in doubt; a spelling shared by two surnames (Wong: 黄 or 王) gives both.
# Wade-Giles (Taiwan): the given name's initial is read too (Hs -> x, Ch -> zh/j/q, K -> g/k, ...)
WADE_GILES_SURNAMES: dict[str, tuple[str, ...]] = {
    "hsu": ("xu",), "hsieh": ("xie",), "chang": ("zhang",), "cheng": ("zheng",), "chou": ("zhou",),
    "chiang": ("jiang",), "chien": ("jian", "qian"), "chao": ("zhao",), "tsai": ("cai",), "tseng": ("zeng",),
    "kuo": ("guo",), "hung": ("hong",), "hsiao": ("xiao",), "hsueh": ("xue",), "chuang": ("zhuang",),
    "tsao": ("cao",), "teng": ("deng",), "tu": ("du",), "chu": ("zhu",), "chung": ("zhong",),
    "tai": ("dai",), "kao": ("gao",), "chi": ("ji", "qi"), "chin": ("jin", "qin"),
    "tsui": ("cui",), "tsou": ("zou",), "shih": ("shi",), "yeh": ("ye",), "lu": ("lu", "lv"), "juan": ("ruan",),
    "jen": ("ren",), "jao": ("rao",), "pai": ("bai",), "ko": ("ke", "ge"),
}
# Cantonese (Hong Kong, Macau): given names are too far from pinyin ("Kwok-wai" = 國偉 guowei), so only the surname
CANTONESE_SURNAMES: dict[str, tuple[str, ...]] = {
    "chan": ("chen",), "wong": ("huang", "wang"), "cheung": ("zhang",), "lau": ("liu",), "leung": ("liang",),
    "ng": ("wu",), "tsang": ("zeng",), "yip": ("ye",), "kwok": ("guo",), "lam": ("lin",), "lee": ("li",),
    "chow": ("zhou",), "fung": ("feng",), "yeung": ("yang",), "ho": ("he",), "law": ("luo",), "lo": ("luo", "lu"),
    "tam": ("tan",), "mak": ("mai",), "mok": ("mo",), "choi": ("cai",), "tong": ("tang",), "siu": ("xiao",),
    "yuen": ("yuan",), "kwan": ("guan",), "chiu": ("qiu", "zhao"), "yau": ("qiu", "you"), "szeto": ("situ",),
    "au": ("ou",), "auyeung": ("ouyang",), "tse": ("xie",), "hui": ("xu",),
}
# a Wade-Giles initial -> the pinyin initials it can stand for
WADE_GILES_INITIALS: dict[str, tuple[str, ...]] = {"hs": ("x",), "ch": ("z", "j", "q", "c"), "ts": ("z", "c"),
                                                  "tz": ("z", "c"), "k": ("g", "k"), "p": ("b", "p"), "t": ("d", "t"),
                                                  "j": ("r",)}


@lru_cache(maxsize=20_000)
def person_keys(name: str) -> frozenset[Key]:
    """The keys of one name as written (empty when it is no usable name)."""
    name = name.strip()
    if not name:
        return frozenset()
    if _CJK.search(name):
        chars = "".join(_CJK.findall(simplified(name)))
        sur = next((c for c in _ZH_COMPOUND if chars.startswith(c)), chars[:1])
        given = chars[len(sur):]
        return frozenset({(_pinyin(sur), _pinyin(given)[:1] if given else "")})
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()   # Júlio -> Julio
    words = [w.rstrip(".") for w in _WORD.findall(plain)]
    if not words:
        return frozenset()
    full = [w for w in words if len(w) > 1 and not w.isupper()]   # "Richard K. Burt" -> Richard, Burt
    initials = [w for w in words if len(w) == 1 or w.isupper()]    # "Voltarelli JC" -> JC
    if len(full) == 1:
        given = initials[0] if initials else ""
        return frozenset({(full[0].lower(), given[:1].lower()), *_pinyin_keys(full[0], given)})
    if len(full) >= 2:
        first, last = full[0], full[-1]
        return frozenset({(last.lower(), first[0].lower()), (first.lower(), last[0].lower()),
                          *_pinyin_keys(first, last), *_pinyin_keys(last, first)})
    return frozenset()


def _pinyin_keys(surname: str, given: str) -> set[Key]:
    """The pinyin keys of a Wade-Giles or Cantonese surname ("Hsu", "Wen-yen" -> ("xu", "w"); "Chan" -> ("chen", ""))."""
    s, g = surname.lower(), given.lower()
    if s in CANTONESE_SURNAMES:
        return {(p, "") for p in CANTONESE_SURNAMES[s]}
    if s not in WADE_GILES_SURNAMES:
        return set()
    lead = next((w for w in ("hs", "ch", "ts", "tz") if g.startswith(w)), g[:1])
    return {(p, i) for p in WADE_GILES_SURNAMES[s] for i in WADE_GILES_INITIALS.get(lead, (g[:1],))}


def surnames(keys: frozenset[Key]) -> frozenset[str]:
    return frozenset(s for s, _ in keys)


def shared_person(a: frozenset[Key], b: frozenset[Key]) -> tuple[str, str] | None:
    """("full", name) when both name one person with the same initial, ("surname", name) when one side
    gives the surname alone, else None (two different initials are two people)."""
    full = {k for k in a & b if k[1]}
    if full:
        s, i = min(full)
        return "full", f"{s} {i}"
    for s, i in sorted(a):
        for t, j in b:
            if s == t and (not i or not j):
                return "surname", s
    return None
