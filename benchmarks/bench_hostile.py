"""Issue 14's attack, case by case: build each hostile input or state, run `extract run` on it as a user
would, and report the outcome, the wall time and the peak memory (largest process of the run).

    python benchmarks/bench_hostile.py [--only NAME ...] [--big]

``--big`` adds the slow cases of the original report (8,000 identical feed lines, 200,000 identical
tiny lines, a 10-page PDF with a 10^5-object page). Needs reportlab (a test dependency).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

EXTRACT = [sys.executable, "-m", "extract.cli"]
EN = "The trial enrolled 40 patients with type 2 diabetes; HbA1c fell from 8.4% to 7.2% over 12 months.\n"
ZH = "研究共纳入40名2型糖尿病患者,随访12个月,糖化血红蛋白从8.4%降至7.2%。\n"


def run(args: list[str], *, cwd: Path | None = None, timeout: float = 1800,
        env: dict[str, str] | None = None) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB of the largest process, stderr+stdout) of one `extract` command.

    The peak is GNU time's maximum resident set size, which covers the worker processes the run waited for.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        timer = ["/usr/bin/time", "-f", "%M", "-o", rss.name] if Path("/usr/bin/time").exists() else []
        t0 = time.monotonic()
        p = subprocess.run(timer + EXTRACT + args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           env={**os.environ, **(env or {})})
        seconds = time.monotonic() - t0
        try:
            peak = int(Path(rss.name).read_text().strip().splitlines()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            peak = float("nan")
    return p.returncode, seconds, peak, p.stdout + p.stderr


def docs(out: Path) -> dict[str, dict]:
    path = out / "documents.jsonl"
    return {json.loads(x)["doc_id"]: json.loads(x) for x in path.read_text("utf-8").splitlines()} if path.exists() else {}


def status(out: Path, doc_id: str) -> str:
    d = docs(out).get(doc_id)
    return f"{d['status']} {d.get('error_code') or ''}".strip() if d else "MISSING"


def pdf(draw: Callable) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.save()
    return buf.getvalue()


# --- cases: each returns (outcome, seconds, peak MB) ------------------------------------------------

def case_fifo_socket_zero_sparse(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    os.mkfifo(root / "fifo.txt")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(root / "sock.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    with open(root / "sparse.txt", "wb") as fh:
        fh.truncate(10 * 1024 ** 3)
    (root / "ok.txt").write_text(EN)
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out"), "--time-limit", "1"])
    s.close()
    got = {d: status(w / "out", d) for d in ("fifo.txt", "sock.txt", "zero.txt", "sparse.txt", "ok.txt")}
    return f"exit {code}; " + ", ".join(f"{k}: {v}" for k, v in got.items()), sec, mb


def case_surrogate(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    (root / "f.jsonl").write_text('{"id": "x\\udc80", "text": "HbA1c fell\\udc80 from 8.2% to 7.1% in 40 patients."}\n'
                                  + json.dumps({"id": "y", "text": EN}) + "\n")
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out")])
    return f"exit {code}; {len(docs(w / 'out'))} documents; " + status(w / "out", "f.jsonl#x\ufffd"), sec, mb


def _identical(w: Path, n: int, text: str) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    (root / "same.jsonl").write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(n)))
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out"), "--no-cache"])
    size = (w / "out" / "documents.jsonl").stat().st_size / 1e6
    return f"exit {code}; {n} documents; documents.jsonl {size:.1f} MB", sec, mb


def case_identical_1000(w: Path) -> tuple[str, float, float]:
    return _identical(w, 1000, "HbA1c fell from 8.2% to 7.1%.")


def case_identical_8000(w: Path) -> tuple[str, float, float]:
    return _identical(w, 8000, "HbA1c fell from 8.2% to 7.1%.")


def case_identical_200k_tiny(w: Path) -> tuple[str, float, float]:
    return _identical(w, 200_000, "x")


def _heavy_pdf(objects: int, pages: int = 6) -> bytes:
    def draw(c) -> None:
        for p in range(pages):
            c.setFont("Helvetica", 10)
            if p == 1:
                c.setFont("Helvetica", 3)
                for i in range(objects):
                    c.drawString(5 + (i % 200) * 2.9, 5 + (i // 300) * 2.6, "x")
            else:
                c.drawString(72, 720, f"Page {p + 1}. " + EN.strip())
            c.showPage()
    return pdf(draw)


def case_pdf_slow_page(w: Path, objects: int = 40_000) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    (root / "slow.pdf").write_bytes(_heavy_pdf(objects))
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out"), "--time-limit", "10"])
    first = status(w / "out", "slow.pdf")
    code2, sec2, _, out2 = run(["run", str(root), "--out", str(w / "out"), "--time-limit", "10"])
    cached = "processed 1" in out2
    return f"exit {code}; {first}; second run re-tried it (not cached): {cached}", sec, mb


def case_pdf_huge_page(w: Path) -> tuple[str, float, float]:
    return case_pdf_slow_page(w, objects=200_000)


def case_killed_worker(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    for i in range(40):
        (root / f"d{i:02d}.txt").write_text((ZH if i % 2 else EN) * 40)
    t0 = time.monotonic()
    p = subprocess.Popen(EXTRACT + ["run", str(root), "--out", str(w / "out"), "--jobs", "2", "--no-cache"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    while p.poll() is None and time.monotonic() - t0 < 120:
        kids = _children(p.pid)
        if len(kids) >= 2 and (w / "out").exists() and time.monotonic() - t0 > 4:
            killed = kids[0]
            os.kill(killed, signal.SIGKILL)
            break
        time.sleep(0.2)
    try:
        p.wait(timeout=600)
        outcome = f"exit {p.returncode}"
    except subprocess.TimeoutExpired:
        p.kill()
        outcome = "HUNG"
    sec = time.monotonic() - t0
    failed = [d for d, r in docs(w / "out").items() if r.get("error_code") == "E199"]
    return f"{outcome}; worker {killed} killed; E199: {failed}; {len(docs(w / 'out'))} documents", sec, float("nan")


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().split()[3]) == pid:
                    out.append(int(d.name))
            except (OSError, ValueError, IndexError):
                pass
    return sorted(out)


def _cache_case(w: Path, damage: Callable[[Path], None]) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    for i in range(3):
        (root / f"d{i}.txt").write_text(EN.replace("40", str(40 + i)))
    run(["run", str(root), "--out", str(w / "out")])
    cache = w / "out" / ".extract-cache.sqlite"
    db = sqlite3.connect(cache)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage(cache)
    code, sec, mb, text = run(["run", str(root), "--out", str(w / "out")])
    code2, _, _, text2 = run(["run", str(root), "--out", str(w / "out")])
    warned = "set aside" in text or "symbolic link" in text
    return f"exit {code} (warned: {warned}); next run exit {code2}, {'from cache 3' in text2 and 'cache reused' or text2.strip()[-60:]}", sec, mb


def case_cache_corrupt(w: Path):
    return _cache_case(w, lambda p: p.write_bytes(os.urandom(8192)))


def case_cache_truncated(w: Path):
    return _cache_case(w, lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]))


def case_cache_foreign(w: Path):
    def foreign(p: Path) -> None:
        p.unlink()
        db = sqlite3.connect(p)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
    return _cache_case(w, foreign)


def case_cache_symlink(w: Path):
    victim = w / "victim.txt"
    victim.write_text("precious")

    def link(p: Path) -> None:
        p.unlink()
        p.symlink_to(victim)
    outcome = _cache_case(w, link)
    return (outcome[0] + f"; target untouched: {victim.read_text() == 'precious'}", *outcome[1:])


def case_disk_full_cache_and_outputs(w: Path) -> tuple[str, float, float]:
    """A file-size limit stands in for a full disk: the cache and the outputs cannot grow."""
    root = w / "in"
    root.mkdir()
    for i in range(3):
        (root / f"d{i}.txt").write_text((EN * 200).replace("40", str(40 + i)))
    run(["run", str(root), "--out", str(w / "out"), "--no-cache"])
    before = {n: (w / "out" / n).read_bytes() for n in ("documents.jsonl", "records.jsonl", "studies.jsonl")}
    (root / "d9.txt").write_text(ZH * 300)
    code = subprocess.run(
        [sys.executable, "-c", "import resource, signal, sys, runpy; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
         "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000)); sys.argv = ['extract'] + sys.argv[1:]; "
         "runpy.run_module('extract.cli', run_name='__main__')", "run", str(root), "--out", str(w / "out")],
        capture_output=True, text=True, timeout=600)
    after = {n: (w / "out" / n).read_bytes() for n in before}
    tmp_left = [p for p in os.listdir(w / "out") if p.endswith(".tmp")]
    return (f"exit {code.returncode}; previous set intact: {after == before}; temp files left: {len(tmp_left)}; "
            f"{(code.stderr.strip().splitlines() or [''])[-1][:90]}", 0.0, float("nan"))


def case_kill9_in_write_phase(w: Path) -> tuple[str, float, float]:
    import hashlib

    root = w / "in"
    root.mkdir()
    for i in range(60):
        (root / f"d{i:02d}.txt").write_text((EN if i % 2 else ZH) * 30)
    out = w / "out"
    run(["run", str(root), "--out", str(out)])
    rng = random.Random(7)
    bad = 0
    for k in range(12):
        (root / f"new{k}.txt").write_text(EN.replace("40", str(100 + k)))
        p = subprocess.Popen(EXTRACT + ["run", str(root), "--out", str(out)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 7.0))
        p.kill()
        p.wait()
        # what a reader finds now: either one complete set, or a journal the next run completes
        journal = (out / ".extract-commit.json").exists()
        man = json.loads((out / "manifest.json").read_text())
        ok = all(hashlib.sha256((out / n).read_bytes()).hexdigest() == i["sha256"] for n, i in man["files"].items())
        bad += not (ok or journal)
    code, sec, mb, _ = run(["run", str(root), "--out", str(out)])
    man = json.loads((out / "manifest.json").read_text())
    ok = all(hashlib.sha256((out / n).read_bytes()).hexdigest() == i["sha256"] for n, i in man["files"].items())
    return f"12 runs killed at random: {bad} left a mixed set; final run exit {code}, consistent: {ok}", sec, mb


def case_two_runs_at_once(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    for i in range(30):
        (root / f"d{i:02d}.txt").write_text(ZH * 30)
    first = subprocess.Popen(EXTRACT + ["run", str(root), "--out", str(w / "out"), "--no-cache"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while not (w / "out" / ".extract.lock").exists():
        time.sleep(0.05)
    code, sec, mb, text = run(["run", str(root), "--out", str(w / "out")])
    first.wait()
    return f"second run exit {code}: {text.strip()[:100]}; first exit {first.returncode}", sec, mb


def case_out_inside_input(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    (root / "a.txt").write_text(EN)
    counts = []
    total = 0.0
    for _ in range(3):
        code, sec, mb, _ = run(["run", ".", "--out", "out"], cwd=root)
        total += sec
        counts.append(len(docs(root / "out")))
    return f"documents after 3 runs: {counts}", total / 3, mb


def case_digit_run(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    (root / "digits.txt").write_text("Sample ID " + "1" * 20000 + "\n" + EN)
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out"), "--time-limit", "20"])
    return f"exit {code}; {status(w / 'out', 'digits.txt')} (slow pattern: hba1c_change_before_term)", sec, mb


def case_readers(w: Path) -> tuple[str, float, float]:
    root = w / "in"
    root.mkdir()
    page = "<html><head><meta charset='iso-8859-1'></head><body><article><p>" + ZH * 3 + "</p></article></body></html>"
    (root / "gbk.html").write_bytes(page.encode("gbk"))

    def numbers(c) -> None:
        for p in range(1, 6):
            c.drawString(72, 760, f"Patient {p}: HbA1c {7 + p / 10:.1f}% at {p * 3} months")
            c.showPage()

    def bold(c) -> None:
        for dx in (0, 0.4, 0.8):
            c.drawString(72 + dx, 720, "HbA1c fell from 8.2% to 7.1% in 40 patients.")
        c.showPage()

    (root / "numbers.pdf").write_bytes(pdf(numbers))
    (root / "bold.pdf").write_bytes(pdf(bold))
    (root / "f.jsonl").write_text(json.dumps({"id": "1.txt", "text": EN}) + "\n")
    (root / "f.jsonl#1.txt").write_text(ZH)
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out")])
    d = docs(w / "out")
    gbk = "糖化血红蛋白" in d["gbk.html"]["text"]
    bold_once = d["bold.pdf"]["text"].count("HbA1c") == 1
    ids = sorted(d)
    return (f"exit {code}; gbk read as Chinese: {gbk} ({d['gbk.html']['warnings'][:1]}); numbers.pdf "
            f"{d['numbers.pdf']['status']}; fake bold once: {bold_once}; ids {ids}"), sec, mb


def case_links_and_permissions(w: Path) -> tuple[str, float, float]:
    root, elsewhere = w / "in", w / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(EN)
    (root / "link.txt").symlink_to(elsewhere / "secret.txt")
    (root / "dir").symlink_to(elsewhere, target_is_directory=True)
    (root / "a.txt").write_text(EN)
    tmp, xdg = w / "tmp", w / "xdg"
    tmp.mkdir()
    code, sec, mb, _ = run(["run", str(root), "--out", str(w / "out")], env={"TMPDIR": str(tmp), "XDG_CACHE_HOME": str(xdg)})
    modes = {n: oct((w / "out" / n).stat().st_mode & 0o777) for n in ("documents.jsonl", "manifest.json")}
    return (f"exit {code}; link.txt {status(w / 'out', 'link.txt')}, dir {status(w / 'out', 'dir')}; "
            f"modes {modes}; jieba cache in $TMPDIR: {bool(list(tmp.glob('jieba*')))}"), sec, mb


CASES: dict[str, Callable[[Path], tuple[str, float, float]]] = {
    "1 fifo/socket//dev/zero/10GB sparse": case_fifo_socket_zero_sparse,
    "2 lone surrogate in a feed item": case_surrogate,
    "3 1,000 identical feed lines": case_identical_1000,
    "4 6-page PDF, one 40k-object page (--time-limit 10)": case_pdf_slow_page,
    "5 --jobs 2, a worker killed with SIGKILL": case_killed_worker,
    "6a corrupt cache": case_cache_corrupt,
    "6b truncated cache": case_cache_truncated,
    "6c foreign cache": case_cache_foreign,
    "6d full disk (cache and outputs)": case_disk_full_cache_and_outputs,
    "7a kill -9 at random, 12 times": case_kill9_in_write_phase,
    "7b two runs into one --out": case_two_runs_at_once,
    "8 extract run . --out out, 3 times": case_out_inside_input,
    "9 a 20,000-digit run (slow regex)": case_digit_run,
    "10 GBK/iso-8859-1, number pages, fake bold, id collision": case_readers,
    "11 links out, symlinked cache, jieba, permissions": case_links_and_permissions,
    "11b symlinked cache": case_cache_symlink,
}
BIG: dict[str, Callable[[Path], tuple[str, float, float]]] = {
    "3b 8,000 identical feed lines": case_identical_8000,
    "3c 200,000 identical tiny lines": case_identical_200k_tiny,
    "4b 6-page PDF, one 200k-object page (--time-limit 10)": case_pdf_huge_page,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", default=None, help="run the cases whose name starts with these")
    ap.add_argument("--big", action="store_true", help="add the slow cases of the original report")
    args = ap.parse_args()
    cases = {**CASES, **(BIG if args.big else {})}
    for name, fn in cases.items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        w = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
        try:
            outcome, sec, mb = fn(w)
        except Exception as e:  # noqa: BLE001 - a benchmark reports, it does not stop
            outcome, sec, mb = f"BENCH ERROR {type(e).__name__}: {e}", float("nan"), float("nan")
        finally:
            shutil.rmtree(w, ignore_errors=True)
        print(f"{name:55s} {sec:7.1f} s {mb:7.0f} MB  {outcome}", flush=True)


if __name__ == "__main__":
    main()
