"""Document language: ``zh`` (simplified Chinese), ``zh-Hant`` (traditional) or ``en``.

Chinese vs English compares Han characters with Latin words (one Han character carries
about as much as one English word), so a Chinese post that quotes English titles and
references stays ``zh`` and an English article that quotes a Chinese name stays ``en``.

Simplified vs traditional converts a sample of the Han characters both ways with OpenCC:
simplified text is changed by s2t and hardly by t2s, traditional text the other way round.
A document that carries both scripts (a simplified abstract followed by a traditional copy)
goes by the majority over the whole sample; on a tie it is ``zh``, the more common script.
"""
from __future__ import annotations


from .normalise import converter
from .rxcache import rx

_HAN = rx("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = rx(r"[A-Za-z]{2,}")
# identifiers and addresses are Latin letters without being English prose
# (an address starts where its run of non-spaces starts: a long unspaced run is not rescanned from each position)
_NOT_PROSE = rx(r"https?://\S+|www\.\S+|(?<!\S)\S+@\S+|\b10\.\d{4,9}/\S+")

SAMPLE_CHARS = 200_000      # language is decided on the first part of very large documents
SCRIPT_SAMPLE_HAN = 20_000  # Han characters converted to decide the script
HAN_PER_WORD = 1.0          # zh when Han characters >= this x Latin words


def detect_language(text: str) -> str:
    """``zh``, ``zh-Hant`` or ``en`` for a normalised document text."""
    sample = _NOT_PROSE.sub(" ", text[:SAMPLE_CHARS])
    han = _HAN.findall(sample)
    words = len(_LATIN_WORD.findall(sample))
    if not han or len(han) < HAN_PER_WORD * words:
        return "en"
    return script("".join(han[:SCRIPT_SAMPLE_HAN]))


def script(han: str) -> str:
    """``zh-Hant`` when more characters are traditional-only than simplified-only, else ``zh``."""
    return "zh-Hant" if _changed(han, "t2s") > _changed(han, "s2t") else "zh"


def _changed(han: str, config: str) -> int:
    """How many characters OpenCC ``config`` changes."""
    cc = converter(config)
    out = cc.convert(han)
    if len(out) == len(han):
        return sum(a != b for a, b in zip(han, out))
    # a phrase conversion changed the length: count character by character instead
    return sum(cc.convert(c) != c for c in han)
