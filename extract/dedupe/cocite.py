"""Co-citation: two documents that already report one study together lend weight to their other pairs.

A news story about a trial and a digest of the same trial often both mention the team's earlier
pilot in a sentence or two: the pilot's mentions carry few facts (n, one HbA1c change) and fall
just short of a link on their own. That both documents share another, already linked study is
independent evidence that they talk about the same work. The signal is added only to near
links (within ``W["co_cited"]`` of the threshold), only when the two records are not themselves
part of that shared study, and never inside one document; it cannot create a link from nothing.
"""
from __future__ import annotations

from collections import defaultdict

from . import settings
from .compare import Features, Sig

W = settings.WEIGHTS


def doc_studies(feats: list[Features], groups: list[list[int]]) -> tuple[list[int], dict[str, set[int]]]:
    """(cluster index of each record, doc_id -> clusters that span it and another document)."""
    of = [0] * len(feats)
    by_doc: dict[str, set[int]] = defaultdict(set)
    for c, members in enumerate(groups):
        for i in members:
            of[i] = c
        docs = {feats[i].doc_id for i in members}
        if len(docs) > 1:
            for d in docs:
                by_doc[d].add(c)
    return of, by_doc


def co_cited_signal(a: Features, b: Features, ca: int, cb: int,
                    by_doc: dict[str, set[int]]) -> Sig | None:
    """The co-citation signal of one near pair, or None."""
    if a.doc_id == b.doc_id:
        return None
    shared = (by_doc.get(a.doc_id, set()) & by_doc.get(b.doc_id, set())) - {ca, cb}
    if not shared:
        return None
    return ("co_cited", W["co_cited"], f"documents share {len(shared)} other linked stud{'y' if len(shared) == 1 else 'ies'}")
