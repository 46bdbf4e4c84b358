"""Find regexes whose cost grows faster than the text: every compiled pattern of the package, on long runs
of one short shape (digits, Chinese numerals, dashes, a word …), at two sizes.

    python benchmarks/scan_patterns.py [--small 1000] [--large 4000] [--shapes 1 一 - ...]

A pattern is listed when the larger text costs more than ``--ratio`` times the smaller one (linear: 4×,
quadratic: 16×) and more than 50 ms. Such a pattern restarts at every position of a run: anchor it
(``(?<!\\d)\\d+``, a literal before the repeated part) so that each position is tried once.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time

SHAPES = ["1", "1,", "1 ", "1.", "一", "万", "亿", "十二", "糖", "糖 ", "a", "a ", "A", "a1", "HbA1c ", "(n = ", "n=",
          "共纳入", "1至", "至", "10^", "×10", "1×10^6 ", "- ", "-", "~", "/", ":", "=", '"', "(", "（", "，", "、", "；",
          "\n", " \n", "1\t", "\t", "|", "8.1% ", "1%", "随访", "12个月", "细胞", "患者", "1例", "例", "名", "组", "的",
          "1-2 ", "± ", "[1] ", "10.1000/", "NCT0", "2020年", ". ", "百分之", "/kg ", "mg ", "weeks ", "patients ",
          "to ", "and ", "of ", "1 1", "1/", "每", "次", "周", "月", "年", "天", "x", "e", "1e", "+"]
MODULES = ("extract.segment", "extract.metadata", "extract.references", "extract.numbers", "extract.normalise",
           "extract.language", "extract.validate", "extract.assemble", "extract.nlp", "extract.dedupe.compare",
           "extract.ingest.base", "extract.ingest.txt", "extract.ingest.html", "extract.ingest.pdf")


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    import extract.fields as fields

    found: list[tuple[str, re.Pattern[str]]] = []
    for m in pkgutil.iter_modules(fields.__path__):
        mod = importlib.import_module(f"extract.fields.{m.name}")
        for name, val in vars(mod).items():
            if isinstance(val, tuple):
                found += [(f"fields.{m.name}.{p.name}", p.compiled) for p in val if hasattr(p, "compiled")]
            elif isinstance(val, re.Pattern):
                found.append((f"fields.{m.name}.{name}", val))
    for mname in MODULES:
        mod = importlib.import_module(mname)
        found += [(f"{mname}.{n}", v) for n, v in vars(mod).items() if isinstance(v, re.Pattern)]
    seen: set[int] = set()
    return [(n, p) for n, p in found if isinstance(p.pattern, str) and not (id(p) in seen or seen.add(id(p)))]


def cost(rx: re.Pattern[str], text: str, cap: float) -> float:
    t = time.perf_counter()
    for _ in rx.finditer(text):
        if time.perf_counter() - t > cap:
            return float("inf")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=4000)
    ap.add_argument("--ratio", type=float, default=6.0)
    ap.add_argument("--cap", type=float, default=5.0, help="seconds before a pattern is cut off")
    ap.add_argument("--shapes", nargs="*", default=SHAPES)
    args = ap.parse_args()
    from extract.document import SourceDoc
    from extract.pipeline import to_document

    pats = patterns()
    print(f"{len(pats)} patterns, {len(args.shapes)} shapes", flush=True)
    for unit in args.shapes:
        views = [to_document(SourceDoc(doc_id="x", raw_text=unit * max(1, n // len(unit)), source_format="txt")).view
                 for n in (args.small, args.large)]
        for name, rx in pats:
            a = cost(rx, views[0], args.cap)
            if a < 0.002:
                continue
            b = cost(rx, views[1], args.cap)
            if b > 0.05 and b / max(a, 1e-4) > args.ratio:
                print(f"{unit!r:12s} {name:55s} {a:8.3f} s {b:8.3f} s  x{b / max(a, 1e-4):5.1f}", flush=True)


if __name__ == "__main__":
    main()
