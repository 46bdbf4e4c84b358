"""Records of documents whose text repeats another's (dedupe/copies.py): they join the studies of the records they
repeat, uncompared, and everything else is grouped as if the copies were not there."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

from extract.dedupe import dedupe, explain_in_run  # noqa: E402
from extract.dedupe.compare import features  # noqa: E402
from extract.dedupe.copies import LEVEL, copy_records, features_of_copies  # noqa: E402
from extract.dedupe.decisions import Decision, Decisions  # noqa: E402
from extract.models import Record  # noqa: E402
from extract.pipeline import copies_of  # noqa: E402


def _copy(r: Record, k: int) -> Record:
    return r.model_copy(update={"record_id": f"{r.record_id}-copy{k}", "doc_id": f"{r.doc_id}#copy{k}"}, deep=True)


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Record], dict[str, str], list[Record], dict[str, str]]:
    """600 synthetic records, and the same with every third document repeated twice (two copies)."""
    texts: dict[str, str] = {}
    records, _ = make_records(600, seed=11, texts=texts)
    docs = sorted({r.doc_id for r in records})[::3]
    extra = [_copy(r, k) for k in (1, 2) for r in records if r.doc_id in docs]
    same = {f"{d}#copy{k}": d for k in (1, 2) for d in docs}
    all_texts = {**texts, **{c: texts.get(d, "") for c, d in same.items()}}
    return records, texts, records + extra, {"texts": all_texts, "same": same}  # type: ignore[return-value]


def _partition(studies, keep=lambda rid: True) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return sorted(sorted(x for x in s.record_ids if keep(x)) for s in studies if any(keep(x) for x in s.record_ids))


def test_copies_join_the_study_of_the_record_they_repeat(corpus) -> None:  # type: ignore[no-untyped-def]
    records, texts, with_copies, extra = corpus
    alone = dedupe([r.model_copy(deep=True) for r in records], texts=texts)
    folded = dedupe([r.model_copy(deep=True) for r in with_copies], texts=extra["texts"], same_content=extra["same"])
    # the originals are grouped exactly as without the copies
    assert _partition(folded, lambda rid: "-copy" not in rid) == _partition(alone)
    study_of = {rid: s.study_id for s in folded for rid in s.record_ids}
    copies = [r for r in with_copies if "-copy" in r.record_id]
    assert copies and all(study_of[c.record_id] == study_of[c.record_id.split("-copy")[0]] for c in copies)
    # each copy is joined by a same_content link, and no copy is compared to anything else
    for s in folded:
        for link in s.links:
            if "-copy" in link.a or "-copy" in link.b:
                assert link.level == LEVEL and link.b.split("-copy")[0] == link.a


def test_without_the_map_copies_are_compared_as_any_record(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, with_copies, extra = corpus
    plain = dedupe([r.model_copy(deep=True) for r in with_copies], texts=extra["texts"])
    assert not any(link.level == LEVEL for s in plain for link in s.links)


def test_only_documents_whose_records_repeat_the_originals_are_folded(corpus) -> None:  # type: ignore[no-untyped-def]
    records, texts, _, _ = corpus
    doc = records[0].doc_id
    mine = [r for r in records if r.doc_id == doc]
    copy = [_copy(r, 1) for r in mine]
    feats = [features(r, texts.get(doc)) for r in mine + copy]   # a copy has its original's text
    same = {f"{doc}#copy1": doc}
    assert copy_records(feats, same, set()) == {len(mine) + k: k for k in range(len(mine))}
    # a record a curator decision names is compared as usual: its document is not folded
    assert copy_records(feats, same, {copy[0].record_id}) == {}
    # a copy with a record fewer (one was dropped) or other values is not a copy of those records
    assert copy_records(feats[:-1], same, set()) == {}
    other = copy[0].model_copy(update={"cohort_sizes": [], "hba1c": [], "doses": [], "follow_up": []})
    changed = [features(other, texts.get(doc))] + feats[len(mine) + 1:]
    assert copy_records(feats[:len(mine)] + changed, same, set()) == {}
    # a copy of a copy repeats the first document
    second = [_copy(r, 2) for r in mine]
    feats2 = feats + [features(r, texts.get(doc)) for r in second]
    got = copy_records(feats2, {f"{doc}#copy1": doc, f"{doc}#copy2": f"{doc}#copy1"}, set())
    assert all(got[2 * len(mine) + k] == k for k in range(len(mine)))


def test_a_copy_takes_its_originals_features_under_its_own_ids(corpus) -> None:  # type: ignore[no-untyped-def]
    records, texts, _, _ = corpus
    doc = records[0].doc_id
    mine = [r for r in records if r.doc_id == doc]
    other = mine[0].model_copy(update={"record_id": "x-0", "doc_id": "x", "cohort_sizes": []})
    recs = mine + [_copy(r, 1) for r in mine] + [other]
    made: list[str] = []

    def make(r: Record):  # type: ignore[no-untyped-def]
        made.append(r.record_id)
        return features(r, texts.get(doc))

    got = features_of_copies(recs, {f"{doc}#copy1": doc, "x": doc}, make)
    assert got == [features(r, texts.get(doc)) for r in recs]   # the same features as made one by one
    # the copy's are not made again; a document whose records differ from its original's (or that has fewer)
    # has its own made
    assert made == [r.record_id for r in mine] + ["x-0"]
    assert [(f.rid, f.doc_id) for f in got] == [(r.record_id, r.doc_id) for r in recs]
    # one pass: each record's features are made as it is read, never after reading them all (memory flat)
    pulled: list[int] = []

    class Stream(list):  # type: ignore[type-arg]
        def __iter__(self):  # type: ignore[no-untyped-def]
            for r in super().__iter__():
                pulled.append(1)
                yield r

    at_make: list[int] = []
    features_of_copies(Stream(recs), {f"{doc}#copy1": doc, "x": doc},
                       lambda r: (at_make.append(len(pulled)), features(r, texts.get(doc)))[1])
    assert at_make == [k + 1 for k, r in enumerate(recs) if r.record_id in made]


def test_explain_shows_the_copy_link_and_a_decision_keeps_a_copy_compared(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, with_copies, extra = corpus
    c = next(r for r in with_copies if r.record_id.endswith("-copy1"))
    original = c.record_id.split("-copy")[0]
    link = explain_in_run(with_copies, original, c.record_id, texts=extra["texts"], same_content=extra["same"])
    assert link.linked and link.level == LEVEL
    cannot = Decisions([Decision(action="cannot-link", a=original, b=c.record_id, why="test", who="t")])
    split = dedupe([r.model_copy(deep=True) for r in with_copies], texts=extra["texts"], decisions=cannot,
                   same_content=extra["same"])
    study_of = {rid: s.study_id for s in split for rid in s.record_ids}
    assert study_of[original] != study_of[c.record_id]


def test_copies_in_output_order() -> None:
    docs = [("a", ["b", "c"]), ("b", ["a"]), ("d", []), ("c", ["a"])]
    assert copies_of(docs) == {"b": "a", "c": "a"}


def test_a_run_joins_an_identical_file_to_its_original(tmp_path: Path) -> None:
    import json

    from extract import pipeline

    text = ("研究共纳入60名2型糖尿病患者,接受3次脐带间充质干细胞静脉输注,随访12个月,糖化血红蛋白从8.6%降至7.1%。\n"
            "The trial enrolled 48 adults with type 1 diabetes; HbA1c fell from 8.2% to 7.4% after 24 weeks.\n")
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a.txt", "b-syndicated.txt"):
        (root / name).write_text(text, encoding="utf-8")
    pipeline.run(root, tmp_path / "out", isolate=False, use_cache=False)
    recs = [json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text("utf-8").splitlines()]
    studies = [json.loads(x) for x in (tmp_path / "out" / "studies.jsonl").read_text("utf-8").splitlines()]
    by_doc = {d: [r["study_id"] for r in recs if r["doc_id"] == d] for d in ("a.txt", "b-syndicated.txt")}
    assert by_doc["a.txt"] and by_doc["a.txt"] == by_doc["b-syndicated.txt"]
    assert all(any(link["level"] == LEVEL for link in s["links"]) for s in studies)
