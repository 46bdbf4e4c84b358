"""Compiled regexes kept between runs (rxcache.py): read back, they find what re.compile finds."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from extract import rxcache

TEXTS = (
    "研究共纳入60名2型糖尿病患者,随访12个月,糖化血红蛋白从8.6%降至7.1%。",
    "The randomized trial enrolled 48 adults; HbA1c fell from 8.2% to 7.4% after 24 weeks (n = 24).",
    "隨機雙盲試驗:糖化血紅蛋白(HbA1c)由9.1%降至6.5%,隨訪18個月。 KELVIN \u212a ſ İ ı 1０２ Ⅰ型",
)
REGEXES = ((r"(?<![\d.])\d+(?:\.\d+)?\s*%", 0), (r"\bhba1c\b", re.I), (r"(?:第)?[一二1]型", 0),
           (r"(?P<n>\d+)\s*(?:名|例)", 0), (r"k\d|s[a-z]", re.I))


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty in-memory cache, its file under a temporary cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EXTRACT_REGEX_CACHE", raising=False)
    for name, value in (("_entries", {}), ("_used", set()), ("_loaded", False), ("_changed", False)):
        monkeypatch.setattr(rxcache, name, value)
    return tmp_path / "extract"


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (("_entries", {}), ("_used", set()), ("_loaded", False), ("_changed", False)):
        monkeypatch.setattr(rxcache, name, value)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


def test_kept_code_is_read_back_and_finds_the_same(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [rxcache.compile_cached(rx, fl) for rx, fl in REGEXES]
    rxcache.save()
    files = list(fresh.glob("regex-cache-*"))
    assert len(files) == 1
    _forget(monkeypatch)
    again = [rxcache.compile_cached(rx, fl) for rx, fl in REGEXES]
    assert not rxcache._changed   # every one came from the file
    for (rx, fl), a, b in zip(REGEXES, first, again):
        _same(a, re.compile(rx, fl))
        _same(b, re.compile(rx, fl))
    assert rxcache.analysis(r"\bhba1c\b", re.I)[0] == frozenset({"hba1c"})


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\x00" * 64])
def test_an_unreadable_file_is_ignored(fresh: Path, content: bytes) -> None:
    fresh.mkdir(parents=True)
    (fresh / f"regex-cache-{rxcache._version()}.marshal").write_bytes(content)
    for rx, fl in REGEXES:
        _same(rxcache.compile_cached(rx, fl), re.compile(rx, fl))


@pytest.mark.parametrize("ops", [b"\x01\x00\x00\x00\x02\x00\x00\x00", b"\x01\x00\x00", [1, 2, 3]])
def test_code_sre_refuses_is_compiled_afresh(fresh: Path, ops: object) -> None:
    """Code sre refuses, bytes cut mid-unit, or a foreign shape: compiled afresh."""
    rxcache._loaded = True
    rxcache._entries[(r"\d+x", 0)] = ((32, ops, 0, {}, (None,)), None, None, 2, None)
    _same(rxcache.compile_cached(r"\d+x", 0), re.compile(r"\d+x"))


def test_code_is_kept_as_bytes_of_code_units(fresh: Path) -> None:
    """The file holds each pattern's code as one bytes object (read in one copy), which unpacks to sre's list."""
    from extract.prefilter import pattern_code

    rxcache.compile_cached(REGEXES[0][0], REGEXES[0][1])
    packed = rxcache._entries[REGEXES[0]][0]
    assert isinstance(packed[1], bytes)
    assert rxcache._unpack(packed) == pattern_code(*REGEXES[0])


def test_turned_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACT_REGEX_CACHE", "off")
    rxcache.compile_cached(r"\d+y", 0)
    rxcache.save()
    assert not fresh.exists()


def test_module_regexes_sped_up_find_the_same() -> None:
    """Every regex the package's modules declare, rebound by speed_up_modules, finds what re.compile finds."""
    import extract.pipeline  # noqa: F401 - loads the modules whose regexes are rebound

    rxcache.speed_up_modules()
    seen = 0
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith("extract"):
            continue
        for value in vars(mod).values():
            rxs = [value] if isinstance(value, re.Pattern) else [
                x for x in value if isinstance(x, re.Pattern)] if type(value) in (tuple, list) else []
            for rx in rxs:
                if isinstance(rx.pattern, str):
                    _same(rx, re.compile(rx.pattern, rx.flags))
                    seen += 1
    assert seen > 300


def test_a_file_of_an_earlier_format_is_removed_when_saving(fresh: Path) -> None:
    fresh.mkdir(parents=True)
    stale = fresh / f"regex-cache-{rxcache._version().rsplit('-', 1)[0]}-0.marshal"
    other_python = fresh / "regex-cache-cpython-399-1-4-5-3.marshal"
    stale.write_bytes(b"x")
    other_python.write_bytes(b"x")
    rxcache.compile_cached(r"\d+z", 0)
    rxcache.save()
    assert not stale.exists() and other_python.exists()
    assert (fresh / f"regex-cache-{rxcache._version()}.marshal").exists()


def test_nothing_is_sped_up_where_the_code_cannot_be_kept(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACT_REGEX_CACHE", "off")
    assert not rxcache.writable()
    assert rxcache.speed_up_modules() == 0


def test_rx_reads_a_module_regex_back_and_registers_it(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module-level regex (rx) is the kept twin, found again in the file under re.compile's flags, and
    speed_up_modules leaves it alone."""
    rxcache._keep_at_import.cache_clear()
    first = rxcache.rx(r"(?P<n>\d+)\s*(?:名|例)")
    assert first.flags == re.compile(r"(?P<n>\d+)\s*(?:名|例)").flags
    _same(first, re.compile(r"(?P<n>\d+)\s*(?:名|例)"))
    rxcache.save()
    _forget(monkeypatch)
    rxcache._load()
    assert (r"(?P<n>\d+)\s*(?:名|例)", re.UNICODE) in rxcache._entries   # the key speed_up_modules looks up
    again = rxcache.rx(r"(?P<n>\d+)\s*(?:名|例)")
    assert not rxcache._changed
    assert rxcache._faster(again, {}) is again   # registered: not recompiled


def test_rx_is_re_compile_where_nothing_can_be_kept(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACT_REGEX_CACHE", "off")
    rxcache._keep_at_import.cache_clear()
    rxcache.rx(r"\d+w")
    rxcache._keep_at_import.cache_clear()   # (asked again by the next process, here the next test)
    assert not rxcache._entries and not rxcache._changed
