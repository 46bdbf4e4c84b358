"""Bytes → text: BOMs, a strict UTF-8 first attempt, then GB18030/Big5/other candidates checked for plausibility.

charset-normalizer alone confuses GBK and Big5 on short texts (GBK bytes of common characters are valid
Big5 and vice versa), so every Chinese candidate is decoded and scored by how many adjacent character pairs
are dictionary words (jieba's dictionary, read through OpenCC's traditional→simplified mapping): the right
decoding reads as words, the wrong one as a string of rare unrelated characters.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import BinaryContent, DecodeError, EmptyDocument
from ..rxcache import rx

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Declared charset names mapped to the superset codec Python should use (a page labelled gb2312 often holds
# GBK characters; a Big5 page often holds HKSCS ones).
CODEC_SUPERSETS: dict[str, str] = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "euc-cn": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs", "utf8": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252",
    "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
}

# Chinese codecs always tried (charset-normalizer may not even list the right one on short texts).
CJK_CANDIDATES: tuple[str, ...] = ("gb18030", "big5hkscs")

BINARY_SAMPLE = 65536          # bytes inspected for the binary test
MAX_CONTROL_RATIO = 0.05       # share of C0 control bytes (other than whitespace) that marks binary data
UTF8_MAX_BAD_RATIO = 0.01      # invalid sequences per valid multi-byte char tolerated as "corrupt UTF-8"
UTF8_MIN_MULTIBYTE = 20        # … and only when there is enough valid UTF-8 to be sure
MIN_CJK_PAIRS = 6              # adjacent CJK pairs needed before the word-pair score is trusted
MIN_WORD_PAIR_RATE = 0.12      # share of adjacent CJK pairs that are dictionary words, for a plausible text
MAX_CHAOS = 0.25               # charset-normalizer "mess" ratio above which a non-CJK guess is rejected
MAX_PRIVATE_USE_RATIO = 0.01   # private-use characters betray a wrong CJK codec
PLAUSIBILITY_SAMPLE = 200_000  # characters scored: enough to decide, bounded for huge files

_WHITESPACE_CONTROLS = frozenset(b"\t\n\r\f\v")
_CJK = rx(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PAIR = rx(r"(?=([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}))")
_PRIVATE_USE = rx(r"[\ue000-\uf8ff]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes; raise BinaryContent, EmptyDocument or DecodeError rather than guess."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom):], codec)
    if b"\x00" in data[:BINARY_SAMPLE]:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
    check_not_binary(data)
    if not data.strip():
        raise EmptyDocument("empty document: the file has no text")
    try:
        # valid UTF-8 with multi-byte characters is never an accident, whatever a page declares
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    mismatch: list[str] = []
    if declared:
        checked = _declared(data, declared, utf8_error)
        if isinstance(checked, Decoded):
            return checked
        mismatch = [checked]
    lenient = _mostly_utf8(data)
    if lenient is not None:
        lenient.warnings[:0] = mismatch
        return lenient
    guessed = _guess(data, utf8_error)
    guessed.warnings[:0] = mismatch
    return guessed


def _declared(data: bytes, declared: str, utf8_error: UnicodeDecodeError) -> Decoded | str:
    """The text in the declared charset when the bytes bear it out, else a warning for the detected one.

    A declaration is checked against the bytes, not trusted: a single-byte declaration (iso-8859-1,
    windows-1252, ascii) decodes any bytes without an error, so when the bytes read as Chinese words in
    a Chinese codec (a GBK page labelled iso-8859-1 by its server template) the Chinese reading wins.
    """
    name = declared.strip().lower()
    codec = CODEC_SUPERSETS.get(name, name)
    text: str | None = None
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        pass
    if text is not None and plausibility(text, 0.0) is not None:
        if _single_byte(codec) and any(b >= 0x80 for b in data[:BINARY_SAMPLE]):
            try:
                guess = _guess(data, utf8_error)
            except DecodeError:
                guess = None
            if guess is not None and guess.encoding in CJK_CANDIDATES:
                return Decoded(guess.text, guess.encoding,
                               [f"the page declares {declared} but its bytes are {guess.encoding} Chinese text: "
                                f"read as {guess.encoding}"])
        return Decoded(text, codec)
    return f"the page declares {declared} but its bytes do not read as {declared}: the encoding was detected"


def _single_byte(codec: str) -> bool:
    import codecs

    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return False
    return name.startswith(("cp125", "iso8859", "latin", "mac-", "ascii", "koi8", "cp437", "cp850"))


def check_not_binary(data: bytes) -> None:
    """Raise BinaryContent for NUL bytes or many control bytes (an image or archive under a text name)."""
    sample = data[:BINARY_SAMPLE]
    if not sample:
        return
    if b"\x00" in sample:
        raise BinaryContent("binary content: the file contains NUL bytes, it is not a text file")
    controls = sum(1 for b in sample if b < 0x20 and b not in _WHITESPACE_CONTROLS)
    if controls / len(sample) > MAX_CONTROL_RATIO:
        raise BinaryContent(f"binary content: {controls} control bytes in the first {len(sample)} bytes, "
                            "it is not a text file")


def _decode_with_bom(body: bytes, codec: str) -> Decoded:
    plain = codec.replace("-sig", "")
    try:
        text = body.decode(plain)
    except UnicodeDecodeError as e:
        raise DecodeError(f"cannot decode: the file starts with a {plain} byte-order mark but is not valid "
                          f"{plain} (byte {e.start})") from e
    if not text.strip():
        raise EmptyDocument("empty document: the file has no text")
    return Decoded(text, codec if codec == "utf-8-sig" else plain)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM (NUL bytes that are really halves of characters), if it reads as text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if any(ord(c) < 0x20 and c not in "\t\n\r\f\v" for c in text[:BINARY_SAMPLE]):
            continue
        if text.strip() and plausibility(text, 0.0) is not None:
            return Decoded(text, codec, [f"no byte-order mark: read as {codec}"])
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few corrupt bytes (or cut mid-character) stays UTF-8, with a warning."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return Decoded(data[:e.start].decode("utf-8", errors="replace"), "utf-8",
                           ["the file ends in the middle of a UTF-8 character: the partial character was dropped"])
    if multibyte >= UTF8_MIN_MULTIBYTE and bad <= UTF8_MAX_BAD_RATIO * multibyte:
        return Decoded(text, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD"])
    return None


def _guess(data: bytes, utf8_error: UnicodeDecodeError) -> Decoded:
    """Pick the most plausible decoding among CJK codecs and charset-normalizer's guesses, or refuse."""
    from charset_normalizer import from_bytes

    chaos: dict[str, float] = {}
    for m in from_bytes(data[:BINARY_SAMPLE * 4]):
        codec = CODEC_SUPERSETS.get(m.encoding.replace("_", "-"), m.encoding)
        chaos.setdefault(codec, m.chaos)
    candidates = list(dict.fromkeys([*CJK_CANDIDATES, *chaos]))
    scored: list[tuple[float, str, str]] = []
    tried: list[str] = []
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        tried.append(codec)
        score = plausibility(text, chaos.get(codec))
        if score is not None:
            scored.append((score, codec, text))
    if not scored:
        detail = f"; decodable as {', '.join(tried)} but none reads as plausible text" if tried else ""
        raise DecodeError(f"cannot decode: not UTF-8 (byte {utf8_error.start}) and no encoding decodes it "
                          f"with confidence{detail}")
    scored.sort(key=lambda s: (-s[0], candidates.index(s[1])))
    _, codec, text = scored[0]
    return Decoded(text, codec)


def plausibility(text: str, chaos: float | None) -> float | None:
    """A score for a decoded text (higher is better), or None when it does not read as text."""
    text = text[:PLAUSIBILITY_SAMPLE]
    cjk_pairs = _CJK_PAIR.findall(text)
    n_cjk = len(_CJK.findall(text))
    if _PRIVATE_USE.search(text) and len(_PRIVATE_USE.findall(text)) > MAX_PRIVATE_USE_RATIO * max(n_cjk, 1):
        return None
    if len(cjk_pairs) >= MIN_CJK_PAIRS:
        rate = word_pair_rate(cjk_pairs)
        return 1.0 + rate if rate >= MIN_WORD_PAIR_RATE else None
    if n_cjk:
        # a few isolated CJK characters in a Latin text is the signature of a wrong double-byte codec
        return None
    if chaos is None or chaos > MAX_CHAOS:
        return None
    return 1.0 - chaos


def word_pair_rate(pairs: list[str]) -> float:
    """Share of adjacent CJK pairs that occur inside a dictionary word (after traditional→simplified)."""
    simp = _t2s("\n".join(pairs)).split("\n")
    words = _word_pairs()
    return sum(p in words for p in simp) / len(simp)


@lru_cache(maxsize=1)
def _word_pairs() -> frozenset[str]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    pairs: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.split(" ", 1)[0]
            for i in range(min(len(word), 4) - 1):
                pairs.add(word[i:i + 2])
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _converter().convert(text)
