"""Scale: throughput on 1 and 2 workers, time and memory at 10x and 100x the fixtures, locally and on Dask.

Every measurement runs in a fresh process, so peak memory (the parent's, and the largest worker's)
is that run's alone. Three parts:

- throughput: extraction (ingest, cleaning, sentences, figures, attribution) of a corpus of ``--mb``
  megabytes with ``--jobs 1`` and ``--jobs 2``, and the speed-up;
- scale: the whole report (``analyze``) at each of ``--copies`` (default 10 and 100 copies of the
  fixture corpus): claims, seconds for extraction and for the corpus-wide stages (speaker names,
  stories, quantities, copies, clusters, conflicts, timelines), the time ratio per tenfold, and
  peak memory of the parent and of the largest worker;
- dask (with ``--dask``): the same on a LocalCluster of two single-threaded worker processes;
- stages (with ``--stages``): seconds of each corpus-wide stage at each ``--copies``.

    python benchmarks/bench_scale.py [--mb 4] [--copies 10 100] [--dask] [--stages] [--repeat 3] [--keep DIR]

"ratio/10x" is how many times longer the run took per tenfold growth of the corpus (10 is linear),
"c-w ratio" the same for the corpus-wide stages alone.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzer.models import Document
from analyzer.pipeline import Extracted, extract_one
from benchmarks.corpus import FIXTURES, build


def _measure(path: str, jobs: int, dask: str | None, mode: str) -> dict[str, Any]:
    """One run, in this (fresh) process; what it cost."""
    from analyzer.parallel import Progress
    from analyzer.pipeline import analyze
    from analyzer.settings import Settings

    settings = Settings(jobs=jobs, dask=dask)
    marks: dict[str, float] = {}
    cpu_at_start = time.process_time()
    start = time.perf_counter()
    times0 = os.times()

    def progress(p: Progress) -> None:
        marks.setdefault(p.stage, time.perf_counter() - start)

    busiest = 0.0
    if mode == "extract":
        from analyzer.parallel import iter_batches

        counts = []
        cpu: dict[int, float] = {}
        for batch in iter_batches([path], timed_extract, jobs=jobs):
            for event in batch.events:
                if isinstance(event, tuple):
                    ex, pid, used = event
                    counts.append(len(ex.extraction.claims))
                    cpu[pid] = max(cpu.get(pid, 0.0), used)
        documents, claims = len(counts), sum(counts)
        marks["resolve"] = marks["done"] = time.perf_counter() - start
        # The CPU seconds of the busiest process: the wall time the run would take on free cores.
        busiest = max(cpu.values(), default=0.0) - (cpu_at_start if os.getpid() in cpu else 0.0)
    else:
        analysis = analyze([path], settings, progress=progress)
        documents, claims = len(analysis.documents), len(analysis.claims)
    total = time.perf_counter() - start
    times1 = os.times()
    return {
        "documents": documents,
        "claims": claims,
        "seconds": total,
        "extract_s": marks.get("resolve", total),
        "corpus_wide_s": total - marks.get("resolve", total),
        "cpu_s": (times1.user - times0.user) + (times1.system - times0.system),
        "children_cpu_s": (times1.children_user - times0.children_user)
        + (times1.children_system - times0.children_system),
        "busiest_cpu_s": busiest,
        "parent_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def timed_extract(doc: Document) -> tuple[Extracted, int, float]:
    """extract_one, with the process that ran it and the CPU seconds that process has used so far."""
    return extract_one(doc), os.getpid(), time.process_time()


def _burn(n: int) -> float:
    started = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i
    return time.perf_counter() - started


def machine_capacity(n: int = 15_000_000) -> float:
    """How many times one process's throughput two CPU-bound processes get right now (2.0 on two free
    cores): on a shared machine, what any two-worker speed-up should be read against."""
    import multiprocessing

    single = _burn(n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        both = pool.map(_burn, [n, n])
    return 2 * single / max(both)


def _run(path: Path, jobs: int, dask: str | None, mode: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", str(path), "--jobs", str(jobs), "--mode", mode]
    if dask:
        command += ["--dask", dask]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
        / 1e6
    )


def _scale_table(title: str, rows: list[tuple[int, float, dict[str, Any]]]) -> None:
    print(f"\n{title}")
    print(
        f"{'copies':>7} {'docs':>7} {'MB':>6} {'claims':>8} {'total s':>8} {'extract s':>9} "
        f"{'corpus-wide s':>13} {'ratio/10x':>9} {'c-w ratio':>9} {'parent MB':>9} {'worker MB':>9}"
    )
    previous: tuple[int, dict[str, Any]] | None = None
    for copies, mb, r in rows:
        ratio = wide = ""
        if previous is not None:
            tenfolds = math.log10(copies / previous[0])
            ratio = f"{(r['seconds'] / previous[1]['seconds']) ** (1 / tenfolds):.1f}"
            wide = f"{(r['corpus_wide_s'] / previous[1]['corpus_wide_s']) ** (1 / tenfolds):.1f}"
        print(
            f"{copies:>7} {r['documents']:>7} {mb:>6.2f} {r['claims']:>8} {r['seconds']:>8.2f} "
            f"{r['extract_s']:>9.2f} {r['corpus_wide_s']:>13.2f} {ratio:>9} {wide:>9} "
            f"{r['parent_peak_mb']:>9.0f} {r['worker_peak_mb']:>9.0f}"
        )
        previous = (copies, r)


def _quiet_best(
    path: Path, jobs: int, repeat: int, min_capacity: float, tries: int
) -> tuple[dict[str, Any], float]:
    """The fastest of ``repeat`` extraction runs during which the machine gave two CPU-bound
    processes at least ``min_capacity`` times one's throughput (probed before and after each run;
    at most ``tries`` runs, then the fastest of all), and the lowest capacity probed around it."""
    kept: list[tuple[dict[str, Any], float]] = []
    tried: list[tuple[dict[str, Any], float]] = []
    for _ in range(max(tries, repeat)):
        before = machine_capacity()
        r = _run(path, jobs, None, "extract")
        low = min(before, machine_capacity())
        tried.append((r, low))
        if low >= min_capacity:
            kept.append((r, low))
            if len(kept) >= repeat:
                break
    return min(kept or tried, key=lambda rc: float(rc[0]["seconds"]))


def _best(path: Path, jobs: int, dask: str | None, mode: str, repeat: int) -> dict[str, Any]:
    """The fastest of ``repeat`` runs: on a shared machine the others measure the neighbours."""
    return min((_run(path, jobs, dask, mode) for _ in range(repeat)), key=lambda r: float(r["seconds"]))


def _stages(path: Path, repeat: int) -> dict[str, float]:
    """Seconds of each corpus-wide stage on one corpus, the fastest of ``repeat`` (extraction first,
    untimed, on all cores)."""
    from analyzer.corroborate.clusters import build_clusters, cluster_statements
    from analyzer.corroborate.conflicts import find_conflicts
    from analyzer.corroborate.copies import copy_groups
    from analyzer.corroborate.core import assign_keys
    from analyzer.corroborate.stories import story_of
    from analyzer.corroborate.timeline import build_timelines
    from analyzer.pipeline import Gathered, _canonical_speakers, iter_extracted
    from analyzer.settings import Settings

    settings = Settings()
    g = Gathered()
    g.add(iter_extracted([path], g.warn, settings))
    outlets = {s.doc_id: s.outlet for s in g.summaries}
    published = {s.doc_id: s.published for s in g.summaries}
    took: dict[str, float] = {"claims": float(len(g.claims))}

    def timed(name: str, run: Any) -> Any:
        for _ in range(repeat):
            started = time.perf_counter()
            out = run()
            took[name] = min(took.get(name, math.inf), time.perf_counter() - started)
        return out

    claims, statements = timed(
        "speakers", lambda: _canonical_speakers(g.claims, g.statements, g.evidence, settings)
    )
    stories = timed("stories", lambda: story_of(g.names))
    keyed, stated, _ = timed("quantities", lambda: assign_keys(claims, statements, stories, settings))
    origin = timed("copies", lambda: copy_groups(g.fingerprints, published))
    timed("clusters", lambda: build_clusters(keyed, origin, outlets))
    timed("conflicts", lambda: find_conflicts(keyed, stated))
    timed("timelines", lambda: build_timelines(keyed, stated))
    timed("quotes", lambda: cluster_statements(stated, origin, outlets))
    return took


def _stages_table(rows: list[tuple[int, dict[str, float]]]) -> None:
    names = [k for k in rows[0][1] if k != "claims"]
    print("\ncorpus-wide stages, seconds (one process)")
    print(
        f"{'copies':>7} {'claims':>8} "
        + " ".join(f"{n:>10}" for n in names)
        + f" {'total':>8} {'ratio/10x':>9}"
    )
    previous: tuple[int, float] | None = None
    for copies, took in rows:
        total = sum(took[n] for n in names)
        ratio = ""
        if previous is not None:
            ratio = f"{(total / previous[1]) ** (1 / math.log10(copies / previous[0])):.1f}"
        cells = " ".join(f"{took[n]:>10.3f}" for n in names)
        print(f"{copies:>7} {int(took['claims']):>8} {cells} {total:>8.2f} {ratio:>9}")
        previous = (copies, total)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size for the throughput test, in MB")
    ap.add_argument(
        "--copies", type=int, nargs="+", default=[10, 100], help="fixture copies for the scale test"
    )
    ap.add_argument("--dask", nargs="?", const="local", help="also run on Dask (default: a LocalCluster)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest is shown")
    ap.add_argument(
        "--min-capacity",
        type=float,
        default=0.0,
        help="on a shared machine: keep only throughput runs during which two CPU-bound processes got "
        "at least this many times one's throughput (2.0 = two free cores)",
    )
    ap.add_argument("--tries", type=int, default=20, help="runs at most, waiting for --min-capacity")
    ap.add_argument("--skip-throughput", action="store_true", help="only the scale test")
    ap.add_argument("--skip-scale", action="store_true", help="only the throughput test")
    ap.add_argument("--stages", action="store_true", help="also time each corpus-wide stage at each --copies")
    ap.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="analyze", help=argparse.SUPPRESS)
    ap.add_argument("--measure-stages", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(args.measure, args.jobs, args.dask, args.mode)))
        return 0
    if args.measure_stages:
        print(json.dumps(_stages(Path(args.measure_stages), args.repeat)))
        return 0

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        if not args.skip_throughput:
            one = sum(p.stat().st_size for p in FIXTURES.iterdir() if not p.name.endswith(".meta.json"))
            copies = max(1, int(args.mb * 1_000_000 / one) + 1)
            corpus = root / f"throughput-{copies}"
            build(corpus, copies)
            mb = _mb(corpus)
            print(f"\nthroughput: {copies} copies of the fixtures, {mb:.2f} MB")
            base: dict[str, Any] = {}
            for jobs in (1, 2):
                r, capacity = _quiet_best(corpus, jobs, args.repeat, args.min_capacity, args.tries)
                base = base or r
                print(
                    f"  extraction, {jobs} worker{'s' if jobs > 1 else ''}: {r['seconds']:.2f} s  "
                    f"{mb / r['seconds']:.2f} MB/s  {r['documents'] / r['seconds']:.0f} docs/s  "
                    f"{r['claims'] / r['seconds']:.0f} claims/s  speed-up {base['seconds'] / r['seconds']:.2f}  "
                    f"(CPU s: parent {r['cpu_s']:.1f}, workers {r['children_cpu_s']:.1f}, busiest "
                    f"process {r['busiest_cpu_s']:.1f}: {base['busiest_cpu_s'] / r['busiest_cpu_s']:.2f} "
                    f"on free cores; two CPU-bound processes got {capacity:.2f}x around this run)"
                )
        if args.skip_scale:
            return 0
        runs: list[tuple[str, str | None]] = [("local, one worker per core", None)]
        if args.dask:
            runs.append((f"dask {args.dask}, 2 single-threaded workers", args.dask))
        corpora = {}
        for copies in args.copies:
            corpora[copies] = root / f"scale-{copies}"
            build(corpora[copies], copies)
        for title, dask in runs:
            rows = [
                (c, _mb(corpora[c]), _run(corpora[c], 2 if dask else 0, dask, "analyze")) for c in args.copies
            ]
            _scale_table(f"report ({title})", rows)
        if args.stages:
            measured = []
            for c in args.copies:
                command = [
                    sys.executable,
                    __file__,
                    "--measure-stages",
                    str(corpora[c]),
                    "--repeat",
                    str(args.repeat),
                ]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                measured.append((c, json.loads(done.stdout.strip().splitlines()[-1])))
            _stages_table(measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
