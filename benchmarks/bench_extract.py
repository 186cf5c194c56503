"""Throughput of `corroborate claims`: MB/s, claims/s and peak memory on one core.

Builds a corpus of at least ``--mb`` megabytes from the bundled fixtures (the
copies' figures are shifted so they are not all one claim), then times the
extraction stage (ingest, sentences, figures, attribution, dates), the
`claims` command (plus speaker resolution and quantity keys) and the whole
pipeline of `report` (plus copies, clusters, conflicts, timelines and trust).

    python benchmarks/bench_extract.py [--mb 5] [--repeat 3] [--keep DIR]

It measures the package as built: interpreted, or compiled after `make native` (``ANALYZER_PURE=1`` runs
the sources of a compiled build; the first line of the output says which ran).

With ``--repeat N`` the extraction runs N times and the medians are reported (the machine may be
shared: the CPU time is the steadier figure). The `claims` and `report` runs are one each, each in a
fresh process (one run's heap and caches must not flatter the other's).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import analyzer
from analyzer.models import CorpusWarning
from analyzer.pipeline import iter_extracted
from analyzer.settings import Settings
from benchmarks.corpus import FIXTURES, build


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_RUN = """
import json, sys, time
sys.path.insert(0, {root!r})
from analyzer.pipeline import analyze
from analyzer.settings import Settings
analyze([{warm!r}], Settings(jobs=1))  # imports and first-use set-up, as in the extraction runs above
t0, c0 = time.perf_counter(), time.process_time()
claims = len(analyze([{target!r}], Settings(jobs=1), claims_only={claims_only}).claims)
print(json.dumps([time.perf_counter() - t0, time.process_time() - c0, claims]))
"""


def _fresh_run(target: Path, *, claims_only: bool) -> tuple[float, float, int]:
    """Wall time, CPU time and claims of one ``analyze`` of ``target`` in a new Python process."""
    root = str(Path(__file__).resolve().parent.parent)
    warm = str(sorted(p for p in target.iterdir())[0])
    code = _RUN.format(root=root, warm=warm, target=str(target), claims_only=claims_only)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu, claims = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu), int(claims)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size to build, in MB of text")
    ap.add_argument("--repeat", type=int, default=1, help="extraction runs; medians are reported")
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = ap.parse_args(argv)

    one = sum(p.stat().st_size for p in FIXTURES.iterdir() if not p.name.endswith(".meta.json"))
    copies = max(1, math.ceil(args.mb * 1_000_000 / one * 1.05))
    with tempfile.TemporaryDirectory() as tmp:
        target = args.keep or Path(tmp) / "corpus"
        size = build(target, copies)
        mb = size / 1_000_000
        warnings: list[CorpusWarning] = []
        start_rss = _peak_mb()

        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(max(1, args.repeat)):
            warnings.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            docs = claims = 0
            for ex in iter_extracted([target], warnings.append, Settings(jobs=1)):
                docs += 1
                claims += len(ex.extraction.claims)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        extract_s, extract_cpu = statistics.median(walls), statistics.median(cpus)

        # each whole run in a fresh process: one run's heap and caches must not flatter the other's
        claims_s, claims_cpu, listed = _fresh_run(target, claims_only=True)
        total_s, total_cpu, total_claims = _fresh_run(target, claims_only=False)

    built = "compiled by `make native`" if analyzer.NATIVE else "interpreted (`make native` compiles it)"
    print(f"analyzer: {built}")
    print(f"corpus: {copies} copies of the fixtures, {docs} documents, {mb:.2f} MB of text, {claims} claims")
    runs = f"median of {len(walls)} runs, " if len(walls) > 1 else ""
    print(
        f"extraction, one core ({runs}wall): {extract_s:.2f} s  {mb / extract_s:.2f} MB/s  "
        f"{claims / extract_s:,.0f} claims/s  (CPU time {extract_cpu:.2f} s: {mb / extract_cpu:.2f} MB/s, "
        f"{claims / extract_cpu:,.0f} claims/s)"
    )
    if len(walls) > 1:
        print(
            f"  runs, wall: {', '.join(f'{w:.2f}' for w in walls)}  CPU: {', '.join(f'{c:.2f}' for c in cpus)}"
        )
    print(
        f"`corroborate claims` (extraction, speaker names, quantity keys), one run: {claims_s:.2f} s  "
        f"{mb / claims_s:.2f} MB/s  {listed / claims_s:,.0f} claims/s  "
        f"(CPU time {claims_cpu:.2f} s: {mb / claims_cpu:.2f} MB/s)"
    )
    print(
        f"whole pipeline (`corroborate report`: claims + copies, clusters, conflicts, timelines, trust), "
        f"one run: {total_s:.2f} s  {mb / total_s:.2f} MB/s  {total_claims / total_s:,.0f} claims/s  "
        f"(CPU time {total_cpu:.2f} s: {mb / total_cpu:.2f} MB/s)"
    )
    print(f"peak memory: {_peak_mb():.0f} MB (at start {start_rss:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
