"""Agreement of the sentence finder (``nlp.sentences``) with the full spaCy/jieba path
(``nlp.reference_sentences``) on every annotated set, and the time each takes.

    python benchmarks/sentence_agreement.py [--both-languages]

Every document of the shared dev and train sets, the blind sets in tests/data and the sample corpus is read
and normalised as the pipeline does; its sentences are found both ways and compared span by span. Only
counts are printed, never text (the train set must not be read by people fitting rules).
``--both-languages`` also splits every document as the other language (more shapes for each tokenizer).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def sets() -> dict[str, Path]:
    found = {"dev": EVAL / "dev" / "docs", "train": EVAL / "train" / "docs"}
    found.update({p.name: p / "docs" for p in sorted((ROOT / "tests" / "data").glob("blind*"))})
    found["corpus"] = ROOT / "corpus"
    return {k: v for k, v in found.items() if v.is_dir()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--both-languages", action="store_true")
    args = ap.parse_args()
    from extract import ingest, nlp
    from extract.document import SourceDoc
    from extract.pipeline import to_document

    nlp.sentences("预热。", "zh"), nlp.reference_sentences("预热。", "zh")
    nlp.sentences("Warm. Up", "en"), nlp.reference_sentences("Warm. Up", "en")
    total_docs = total_sents = bad = 0
    t_fast = t_ref = 0.0
    for name, root in sets().items():
        docs = sents = differ = 0
        for f in ingest.discover(root, exclude=[]):
            for src in ingest.read(f):
                if not isinstance(src, SourceDoc):
                    continue
                doc = to_document(src)
                langs = [doc.lang] + ([("en" if doc.lang.startswith("zh") else "zh")] if args.both_languages else [])
                for lang in langs:
                    nlp._sentences.cache_clear()
                    t = time.process_time()
                    fast = nlp.sentences(doc.text, lang)
                    t_fast += time.process_time() - t
                    t = time.process_time()
                    ref = nlp.reference_sentences(doc.text, lang)
                    t_ref += time.process_time() - t
                    docs += 1
                    sents += len(ref)
                    if fast != ref:
                        differ += 1
                        first = next((i for i, (a, b) in enumerate(zip(fast, ref)) if a != b), min(len(fast), len(ref)))
                        print(f"  {name}: document #{docs} ({lang}) differs from sentence {first} on "
                              f"({len(fast)} vs {len(ref)} sentences)")
        print(f"{name:<8} {docs:4d} document splits, {sents:6d} sentences, {differ} differ")
        total_docs, total_sents, bad = total_docs + docs, total_sents + sents, bad + differ
    print(f"all: {total_docs} document splits, {total_sents} sentences, {bad} differ; "
          f"CPU {t_fast:.2f} s (sentence finder) vs {t_ref:.2f} s (full tokenizers)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
