"""discover() and read() dispatch: recursion, stable order, symlink loops, odd names, skipped formats."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.errors import EmptyDocument, NotFollowed, ReadError, UnsupportedFormat
from extract.ingest import READERS, InputFile, discover, read


def _tree(root: Path) -> None:
    (root / "zh" / "2023").mkdir(parents=True)
    (root / "en").mkdir()
    (root / "zh" / "2023" / "b.txt").write_text("胰岛移植共12例。", encoding="utf-8")
    (root / "zh" / "a.txt").write_text("干细胞治疗。", encoding="utf-8")
    (root / "en" / "Z.html").write_text("<p>Islets.</p>", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden but listed", encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    (root / "README").write_text("no extension", encoding="utf-8")


def test_recursive_sorted_posix_rel(tmp_path: Path) -> None:
    _tree(tmp_path)
    rels = [f.rel for f in discover(tmp_path)]
    assert rels == sorted(rels)
    assert set(rels) == {".hidden.txt", "README", "en/Z.html", "notes.docx", "zh/2023/b.txt", "zh/a.txt"}
    assert all("\\" not in r for r in rels)


def test_order_is_stable_across_runs(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert discover(tmp_path) == discover(tmp_path)


def test_single_file_root(tmp_path: Path) -> None:
    p = tmp_path / "one.txt"
    p.write_text("x", encoding="utf-8")
    assert discover(p) == [InputFile(p, "one.txt")]


def test_symlink_loop_ends(tmp_path: Path) -> None:
    _tree(tmp_path)
    os.symlink(tmp_path, tmp_path / "zh" / "loop")          # points back at the root
    os.symlink(tmp_path / "zh", tmp_path / "en" / "again")   # a second way into zh/
    rels = [f.rel for f in discover(tmp_path)]
    assert len(rels) == len(set(rels)) == 6
    assert "zh/a.txt" in rels   # files keep their real path, not the path through a link


def test_links_out_of_the_root_are_listed_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "c.txt").write_text("linked", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "linked")
    os.symlink(outside / "c.txt", root / "file-link.txt")
    os.symlink("/dev/zero", root / "zero.txt")
    found = discover(root)
    assert [f.rel for f in found] == ["file-link.txt", "linked", "zero.txt"]
    for f in found:
        assert f.refused and "leads out of the input folder" in f.refused
        with pytest.raises(NotFollowed):
            read(f)   # never opened
    # --follow-links walks them (a device is still refused by its type)
    followed = {f.rel: f for f in discover(root, follow_links=True)}
    assert set(followed) == {"file-link.txt", "linked/c.txt", "zero.txt"}
    with pytest.raises(UnsupportedFormat, match="not a regular file"):
        read(followed["zero.txt"])


def test_links_inside_the_root_are_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("干细胞治疗。", encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [(f.rel, f.refused) for f in discover(tmp_path)] == [("a.txt", None), ("b.txt", None)]


def test_hash_and_percent_in_file_names_are_escaped(tmp_path: Path) -> None:
    # "FILE#id" names feed items: a file's own "#" must not make its id look like (or equal) an item's
    (tmp_path / "feed.jsonl#1").write_text("x", encoding="utf-8")
    (tmp_path / "100%.txt").write_text("x", encoding="utf-8")
    assert [f.rel for f in discover(tmp_path)] == ["100%25.txt", "feed.jsonl%231"]


def test_output_folders_are_not_read_as_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("干细胞治疗。", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.jsonl").write_text('{"doc_id": "a.txt", "text": "x"}\n', encoding="utf-8")
    (tmp_path / "old-run").mkdir()
    (tmp_path / "old-run" / "records.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "old-run" / "manifest.json").write_text(json.dumps({"tool": "stemcell-evidence-extract"}),
                                                       encoding="utf-8")
    rels = [f.rel for f in discover(tmp_path, exclude=[tmp_path / "out"])]
    assert rels == ["a.txt"]


def test_non_utf8_file_name_gives_valid_stable_doc_id(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/" + "糖尿病".encode("gbk") + b".txt"
    with open(raw, "wb") as fh:
        fh.write("糖尿病患者二十例。".encode("utf-8"))
    [f] = discover(tmp_path)
    assert f.rel == "\\xcc\\xc7\\xc4\\xf2\\xb2\\xa1.txt"
    json.dumps(f.rel, ensure_ascii=False).encode("utf-8")   # valid Unicode: no lone surrogates
    assert discover(tmp_path) == [f]
    [doc] = read(f)
    assert doc.doc_id == f.rel and doc.raw_text == "糖尿病患者二十例。"


SKIPPED = [
    ("notes.docx", b"PK\x03\x04 zip", "unsupported file type .docx"),
    ("figure.PNG", b"\x89PNG\r\n", "unsupported file type .png"),
    ("table.csv", b"n,hba1c\n12,7.1\n", "unsupported file type .csv"),
    ("README", b"plain words", "unsupported file type (no extension)"),
    (".DS_Store", b"\x00\x00\x00\x01Bud1", "(no extension)"),
]


@pytest.mark.parametrize("name,data,message", SKIPPED)
def test_unsupported_files_are_skipped_with_reason(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(UnsupportedFormat, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(InputFile(p, name))


def test_empty_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read(InputFile(p, "empty.txt"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_a_read_error(tmp_path: Path) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("secret", encoding="utf-8")
    p.chmod(0)
    with pytest.raises(ReadError, match="Permission denied"):
        read(InputFile(p, "locked.txt"))


def test_missing_or_broken_link_is_a_read_error(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    [f] = discover(tmp_path)
    with pytest.raises(ReadError, match="No such file"):
        read(f)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [f] = discover(tmp_path)
    with pytest.raises(UnsupportedFormat, match="not a regular file"):
        read(f)   # must not block waiting for a writer


def test_every_reader_has_detect_and_parse() -> None:
    assert [r.name for r in READERS] == ["pdf", "feed", "html", "txt"]
    for r in READERS:
        assert callable(r.detect) and callable(r.parse)


def test_permission_denied_is_a_read_error_with_os_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.ingest as ingest_module

    p = tmp_path / "locked.txt"
    p.write_text("secret", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(p))

    monkeypatch.setattr(ingest_module, "open", denied, raising=False)
    with pytest.raises(ReadError, match="Permission denied"):
        read(InputFile(p, "locked.txt"))
