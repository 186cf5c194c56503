"""Throughput on page shapes that can make a text extractor slow, against a normal page of the same size.

A news page is sentences of twenty to forty words with a few figures each. Pages off the web also come
as long lists of figures in one sentence (results tables flattened to text), tables printed with bars,
long runs of quotations, pages of capitalised labels, or a run of digits. Each shape is extracted
(:func:`analyzer.pipeline.extract_one`, cleaning included) and its KB/s and claims/s printed beside the
fixture pages': a shape dense with figures runs at fewer KB/s because it holds a hundred times the claims,
but its KB/s must not fall as the page grows (run it at ``--kb 20`` and ``--kb 80``: a loop that grows
faster than the text shows as a rate that halves).

    python benchmarks/bench_shapes.py [--kb 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzer.ingest.boilerplate import clean_text
from analyzer.models import Document
from analyzer.pipeline import extract_one
from benchmarks.corpus import FIXTURES


def _normal(size: int) -> list[str]:
    """The bundled fixture pages (plain text), each its own document, until ``size`` characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    pages: list[str] = []
    while sum(map(len, pages)) < size:
        pages.extend(texts)
    return pages


def _list(size: int) -> list[str]:
    """One sentence: a speaker, then figures separated by commas."""
    figures: list[str] = []
    n = 0
    while sum(len(f) + 2 for f in figures) < size:
        n += 1
        figures.append(f"{n * 37 % 9000 + 10:,}")
    return ["The commission said the counts in each ward were " + ", ".join(figures) + "."]


def _table(size: int) -> list[str]:
    """A heading, then rows of a table printed with bars."""
    rows = ["Table 3: Cases by district", "| District | Cases | Deaths |"]
    n = 0
    while sum(len(r) + 1 for r in rows) < size:
        n += 1
        rows.append(f"| Ward {n} | {n * 13 % 700} | {n % 9} |")
    return ["\n".join(rows)]


def _quotes(size: int) -> list[str]:
    """One paragraph of quoted sentences with figures, the speaker named after the last."""
    parts: list[str] = []
    n = 0
    while sum(len(p) + 1 for p in parts) < size:
        n += 1
        parts.append(f"We counted {n * 7} more people at gate {n}.")
    return ['"' + " ".join(parts) + '," the organiser, Mara Quill, said on Monday.']


def _names(size: int) -> list[str]:
    """Lines of capitalised labels and names, each with a speaker and a figure."""
    lines: list[str] = []
    n = 0
    while sum(len(line) + 1 for line in lines) < size:
        n += 1
        lines.append(f"Regional Emergency Office Number {n} Director Ola Venn said {n * 3} homes were lost.")
    return ["\n".join(lines)]


def _digits(size: int) -> list[str]:
    """A run of digits, as a broken page may print an identifier or an encoded blob."""
    return ["Officials said the code was " + "1234567890" * (size // 10) + "."]


SHAPES: dict[str, Callable[[int], list[str]]] = {
    "normal page": _normal,
    "list of figures": _list,
    "bar table": _table,
    "quotation run": _quotes,
    "capitalised lines": _names,
    "run of digits": _digits,
}


def _time(pages: list[str], repeat: int) -> tuple[float, int]:
    """Median CPU seconds of extracting the pages (cleaned first, as the readers do), and their claims."""
    times = []
    claims = 0
    for _ in range(repeat):
        start = time.process_time()
        claims = 0
        for k, text in enumerate(pages):
            doc = Document(f"shape-{k}", clean_text(text), outlet="Bench")
            claims += len(extract_one(doc).extraction.claims)
        times.append(time.process_time() - start)
    return statistics.median(times), claims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb", type=float, default=40.0, help="size of each page, in KB of text")
    ap.add_argument("--repeat", type=int, default=3, help="runs per shape; the median is reported")
    args = ap.parse_args(argv)
    size = int(args.kb * 1000)
    head = f"{'shape':<18} {'chars':>8} {'claims':>7} {'CPU s':>7} {'KB/s':>8} {'claims/s':>9} {'KB/s vs normal':>15}"
    print(head)
    base = 0.0
    for name, make in SHAPES.items():
        pages = make(size)
        chars = sum(map(len, pages))
        seconds, claims = _time(pages, args.repeat)
        rate = chars / max(seconds, 1e-9) / 1000
        base = base or rate
        per_claim = claims / max(seconds, 1e-9)
        print(
            f"{name:<18} {chars:>8,} {claims:>7,} {seconds:>7.3f} {rate:>8.1f} {per_claim:>9,.0f} {rate / base:>15.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
