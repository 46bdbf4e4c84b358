"""Normalise text (placeholder: NFKC per character, offsets kept)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass
class Normalised:
    text: str
    offsets: list[int]   # offsets[i] = index in the raw text of text[i]


def normalise(raw: str) -> Normalised:
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(raw):
        n = unicodedata.normalize("NFKC", ch)
        out.append(n)
        offs.extend([i] * len(n))
    return Normalised("".join(out), offs)


def matching_view(text: str, lang: str) -> str:
    """A same-length copy of ``text`` for pattern matching (simplified Chinese)."""
    return text
