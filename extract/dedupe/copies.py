"""Records of documents whose text repeats another document's: joined to that document's records, not compared.

A syndicated press release, a page crawled twice, a feed item repeated: the pipeline sees identical texts
(``documents.jsonl``'s ``same_content_as``) and extracts identical records. Compared like any other report,
each copy multiplies the pairs of every block it is in (sixteen copies of a study's five reports: 80 records,
3,160 pairs instead of 10) and adds nothing a link could learn. So the records of a copy are set aside before
blocking and join the study of the record they repeat (the same position in the original document, the same
features) with a ``same_content`` link. A record a curator decision names is compared as usual.
"""
from __future__ import annotations

from dataclasses import fields, replace
from typing import Callable, Mapping, Optional, Sequence

from ..models import Record
from . import settings
from .cluster import PairCache, PendingLink, Scored
from .compare import HARD, Features

LEVEL = "same_content"


# everything of a record's features but its own ids (compared field by field: dataclasses.astuple deep-copies
# every value, 0.4 ms a record)
_CONTENT = tuple(f.name for f in fields(Features) if f.name not in ("rid", "doc_id"))


def _same_content(a: Features, b: Features) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in _CONTENT)


_RECORD_IDS = frozenset({"record_id", "doc_id", "study_id"})


def _same_record(a: Record, b: Record) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in type(a).model_fields if n not in _RECORD_IDS)


def _positions(doc_ids: Sequence[str], same_content: Mapping[str, str]) -> list[tuple[list[int], list[int]]]:
    """(a copy document's record indexes, its original's) for each copy with as many records as its original."""
    by_doc: dict[str, list[int]] = {}
    for i, d in enumerate(doc_ids):
        by_doc.setdefault(d, []).append(i)
    out = []
    for doc, original in same_content.items():
        mine, theirs = by_doc.get(doc, []), by_doc.get(original, [])
        if mine and len(mine) == len(theirs) and doc != original:
            out.append((mine, theirs))
    return out


def features_of_copies(records: Sequence[Record], same_content: Optional[Mapping[str, str]],
                       make: Callable[[Record], Features]) -> list[Features]:
    """Every record's features by ``make``; a record of a copy document that equals the original's record at its
    position (ids aside) takes that record's features under its own ids: the same text and record give the same
    features, so they are not made again (a record's features cost far more than reading the original again).

    One pass, records read one at a time (an original's records come before its copies': the pipeline points a copy
    to the first document of its text); of an original only its records' positions are held."""
    copies = same_content or {}
    originals = set(copies.values())
    at: dict[str, list[int]] = {}    # original doc -> the positions of its records
    seen: dict[str, int] = {}        # copy doc -> its records read so far
    feats: list[Features] = []
    for i, r in enumerate(records):
        doc = r.doc_id
        original = copies.get(doc)
        if original is not None and original != doc:
            k = seen[doc] = seen.get(doc, -1) + 1
            theirs = at.get(original, ())
            if k < len(theirs) and _same_record(r, records[theirs[k]]):
                feats.append(replace(feats[theirs[k]], rid=r.record_id, doc_id=doc))
                continue
        elif doc in originals:
            at.setdefault(doc, []).append(i)
        feats.append(make(r))
    return feats


def copy_records(feats: list[Features], same_content: Optional[Mapping[str, str]],
                 named: set[str]) -> dict[int, int]:
    """Record index of each copy -> index of the record it repeats (``same_content``: doc_id of a copy -> doc_id
    of the document it repeats). A copy document is folded only when it has as many records as its original
    and each has the same features as the original's record at its position; never a record in ``named``."""
    if not same_content:
        return {}
    out: dict[int, int] = {}
    for mine, theirs in _positions([f.doc_id for f in feats], same_content):
        if any(feats[i].rid in named or feats[j].rid in named or not _same_content(feats[i], feats[j])
               for i, j in zip(mine, theirs)):
            continue
        out.update(zip(mine, theirs))
    # a copy of a copy repeats the first document
    for i, j in out.items():
        while j in out:
            j = out[j]
        out[i] = j
    return out


Group = tuple[list[int], list[PendingLink]]


def _signals(feats: list[Features], original: int, copy: int) -> list[tuple[str, float, str]]:
    return [(LEVEL, HARD, f"the text of {feats[copy].doc_id} repeats {feats[original].doc_id}")]


def unfold(groups: list[Group], kept: list[int], copies: dict[int, int], feats: list[Features]) -> list[Group]:
    """Groups over the kept records (indexes into ``kept``) as groups over all records, each copy in the group of
    the record it repeats with a ``same_content`` link."""
    of: dict[int, list[int]] = {}
    for c, o in copies.items():
        of.setdefault(o, []).append(c)
    out: list[Group] = []
    for members, links in groups:
        full = [kept[m] for m in members]
        added = [(o, c) for o in full for c in of.get(o, ())]
        moved = [PendingLink(kept[p.i], kept[p.j], p.sig, p.level, p.score, p.threshold) for p in links]
        moved += [PendingLink(o, c, _signals(feats, o, c), LEVEL, HARD, settings.LINK_THRESHOLD) for o, c in added]
        out.append((sorted(full + [c for _, c in added]), moved))
    return out


def unfold_scored(items: list[Scored], kept: list[int]) -> list[Scored]:
    """Scored pairs over the kept records as pairs over all records."""
    return [Scored(kept[s.i], kept[s.j], s.score, s.level, s.sig) for s in items]


def unfold_cache(cache: PairCache, kept: list[int], copies: dict[int, int], feats: list[Features]) -> PairCache:
    """The scores ``cache`` holds over the kept records, over all records, and each copy's ``same_content`` link
    to the record it repeats (what ``explain_in_run`` reads)."""
    full = PairCache(feats)
    for s in unfold_scored(cache.scored(), kept):
        full.add(s)
    for c, o in copies.items():
        i, j = sorted((o, c))
        full.add(Scored(i, j, HARD, LEVEL, _signals(feats, o, c)))
    return full
