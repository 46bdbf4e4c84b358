"""Document language: zh, zh-Hant or en (placeholder)."""
from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff]")


def detect_language(text: str) -> str:
    han = len(_HAN.findall(text))
    return "zh" if han > 0.05 * max(1, len(text)) else "en"
