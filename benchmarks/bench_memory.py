"""Peak memory and wall time of ``corroborate claims`` on a big corpus and on one big file.

Builds (in a temporary folder, or ``--keep DIR``) a corpus of about ``--corpus-mb`` megabytes by
replicating the fixtures (:func:`benchmarks.corpus.build`), and one ``.txt`` file of about
``--file-mb`` megabytes made of fixture articles one after another. Each is run through
``python -m analyzer claims PATH --format jsonl`` in a child process whose output goes to a file;
the child's peak resident memory and CPU time come from ``os.wait4`` (that child alone, with the
workers it waited for), its time also from the wall clock (which counts other work on a shared box).

    python benchmarks/bench_memory.py [--corpus-mb 100] [--file-mb 50] [--jobs 1] [--keep DIR]

Documents are streamed: what a run holds grows with the claims it keeps, not with the text it
reads, so the corpus line should stay far below the corpus size. A single file is one document,
read whole: its line is a few times the file's size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import FIXTURES, build

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Run:
    """What one run of the CLI cost."""

    label: str
    input_mb: float
    seconds: float
    cpu_seconds: float  # user + system time of the child (and the workers it waited for)
    peak_mb: float
    claims: int
    exit_code: int

    def line(self) -> str:
        return (
            f"{self.label:<22} {self.input_mb:6.1f} MB in {self.seconds:6.1f} s wall, {self.cpu_seconds:6.1f} s CPU "
            f"({self.input_mb / max(self.cpu_seconds, 1e-9):4.2f} MB/CPU-s)  peak RSS {self.peak_mb:6.0f} MB  "
            f"{self.claims:>9,} claims  exit {self.exit_code}"
        )


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def run_cli(label: str, path: Path, out: Path, jobs: int) -> Run:
    """``corroborate claims PATH --format jsonl -o OUT`` in a child; its own peak memory via wait4."""
    args = [sys.executable, "-m", "analyzer", "claims", str(path), "--format", "jsonl", "-q", "-j", str(jobs)]
    start = time.perf_counter()
    child = subprocess.Popen([*args, "-o", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    claims = sum(1 for _ in out.open("rb")) if out.exists() else 0
    cpu = usage.ru_utime + usage.ru_stime
    return Run(label, folder_mb(path), seconds, cpu, usage.ru_maxrss / 1024, claims, child.returncode)


def build_corpus(target: Path, megabytes: float) -> Path:
    one = sum(p.stat().st_size for p in FIXTURES.iterdir() if not p.name.endswith(".meta.json"))
    build(target, max(1, round(megabytes * 1e6 / one)))
    return target


def build_file(target: Path, megabytes: float) -> Path:
    """One page made of the fixture articles, again and again, with the figures of each copy shifted."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    one = "\n\n".join(pages)
    copies = max(1, round(megabytes * 1e6 / len(one.encode())))
    with target.open("w", encoding="utf-8") as handle:
        for n in range(copies):
            handle.write(one.replace("000", f"{n % 1000:03d}") if n else one)
            handle.write("\n\n")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-mb", type=float, default=100.0, help="size of the replicated corpus")
    ap.add_argument("--file-mb", type=float, default=50.0, help="size of the single file")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the runs (1: none)")
    ap.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        corpus = build_corpus(work / "corpus", args.corpus_mb)
        single = build_file(work / "single.txt", args.file_mb)
        print(f"inputs built in {time.perf_counter() - started:.0f} s", flush=True)
        runs = [
            run_cli(f"corpus, --jobs {args.jobs}", corpus, work / "corpus.jsonl", args.jobs),
            run_cli("single file, --jobs 1", single, work / "single.jsonl", 1),
        ]
        for run in runs:
            print(run.line(), flush=True)
    return 0 if all(run.exit_code == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
