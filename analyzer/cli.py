"""``corroborate``: parse arguments, call the library, render, map errors to exit codes.

Exit codes (CONTRACT section 4): 0 done, 1 a ``check`` whose expectations
failed, 2 bad usage or unreadable input (one line on stderr, no traceback
unless ``--debug``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console

from analyzer import __version__
from analyzer.atomic import write_text_atomic
from analyzer.errors import AnalyzerError, OutputError
from analyzer.models import Analysis, CorpusWarning
from analyzer.parallel import Progress as RunProgress
from analyzer.settings import Settings, load_aliases

LOGGER = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of workers: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of workers cannot be negative")
    return n


def _path(text: str) -> str:
    """A file name given on the command line: an empty one is a usage error, never standard output."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty file name")
    return text


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles (read recursively)")
    p.add_argument(
        "--aliases", metavar="FILE", help="JSON list of name groups; the first name of each is canonical"
    )
    p.add_argument(
        "-o", "--output", type=_path, metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="do not print warnings about skipped input")
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default: one per core; 1: none)",
    )
    p.add_argument(
        "--dask", metavar="ADDRESS", help="run on a Dask scheduler at ADDRESS, or 'local' for a LocalCluster"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="corroborate",
        description="Who asserted which figure, when, through whom; which figures conflict and which are corroborated.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks (for bug reports)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("claims", help="every figure in the corpus and who asserts it")
    _common(p)
    p.add_argument(
        "--format", choices=("table", "jsonl", "csv", "json"), default="table", help="output format"
    )

    p = sub.add_parser("report", help="per quantity: figures, conflicts, corroboration and timeline")
    _common(p)
    p.add_argument("--format", choices=("rich", "json", "markdown"), default="rich", help="output format")
    p.add_argument("--quantity", metavar="TEXT", help="focus on the quantity these words describe")
    p.add_argument(
        "--plot",
        type=_path,
        metavar="FILE",
        action="append",
        default=[],
        help="also draw a plot (.png, .svg, .pdf); the name picks it: *timeline*, *range* or *graph* (default timeline)",
    )

    p = sub.add_parser("check", help="check known conflicts, delays and claims against a new run")
    _common(p)
    p.add_argument(
        "--expect", required=True, metavar="FILE", help="expectations file (TOML, or JSON with the same keys)"
    )

    p = sub.add_parser("graph", help="the speaker-claim-outlet graph as GraphML, GEXF or node-link JSON")
    _common(p)

    p = sub.add_parser("trust", help="source reliability and the best-supported value per item of a table")
    p.add_argument("table", metavar="FILE.csv", help="CSV with one row per (source, item, value)")
    p.add_argument("--source", required=True, metavar="COL", help="column naming the source")
    p.add_argument("--item", required=True, metavar="COL[,COL...]", help="column(s) naming the item")
    p.add_argument("--value", required=True, metavar="COL", help="column holding the value")
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="OUT.csv",
        help="chosen value per item (default: standard output)",
    )
    p.add_argument(
        "--sources-out", type=_path, metavar="SRC.csv", help="write each source's reliability here"
    )
    return parser


def write_atomic(path: str | Path, text: str) -> None:
    """Write text to ``path`` through a temporary file and a rename: never half a file."""
    write_text_atomic(path, text)


def _settings(args: argparse.Namespace) -> Settings:
    aliases = load_aliases(args.aliases) if getattr(args, "aliases", None) else ()
    return Settings(aliases=aliases, jobs=getattr(args, "jobs", 0), dask=getattr(args, "dask", None))


def _analyze(args: argparse.Namespace, err: Console, *, claims_only: bool = False) -> Analysis:
    from analyzer.pipeline import analyze

    def on_warning(w: CorpusWarning) -> None:
        if not args.quiet:
            err.print(f"warning: {w}", markup=False, highlight=False)

    if not err.is_terminal or args.quiet:
        return analyze(args.paths, _settings(args), on_warning=on_warning, claims_only=claims_only)
    # on a terminal: a progress bar of documents, claims, rate and time left (on stderr)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[documents]} documents, {task.fields[claims]} claims"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        auto_refresh=False,  # no refresh thread: the worker pool can then fork
    ) as bar:
        task = bar.add_task("reading", total=None, documents=0, claims=0)

        def on_progress(p: RunProgress) -> None:
            bar.update(
                task,
                description=p.stage,
                completed=p.bytes_done,
                total=p.bytes_total,
                documents=p.documents,
                claims=p.claims,
            )
            bar.refresh()

        return analyze(
            args.paths, _settings(args), on_warning=on_warning, progress=on_progress, claims_only=claims_only
        )


class _ReaderGone(Exception):
    """Whoever read standard output stopped reading (``| head``): not an error."""


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so that nothing more fails on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Console(Console):
    def on_broken_pipe(self) -> None:
        _quiet_stdout()
        raise _ReaderGone


def _emit(args: argparse.Namespace, text: str) -> None:
    if args.output:
        write_atomic(args.output, text)
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        raise _ReaderGone from None
    except OSError as exc:
        raise OutputError("standard output", f"cannot write: {exc.strerror or exc}") from None


def _console(args: argparse.Namespace, piped_width: int = 100) -> Console:
    """A console for standard output: the terminal's width, or a fixed one when piped (no colours there)."""
    if sys.stdout.isatty():
        return _Console(highlight=False, soft_wrap=False)
    return _Console(highlight=False, soft_wrap=False, width=piped_width)


def cmd_claims(args: argparse.Namespace, err: Console) -> int:
    from analyzer import report

    analysis = _analyze(args, err, claims_only=True)  # the claims need no clusters, conflicts or timelines
    claims = analysis.claims
    if args.format == "table":
        if args.output:
            console = Console(file=None, width=160, color_system=None, record=True, force_terminal=False)
            with console.capture():
                console.print(report.claims_table(claims))
            _emit(args, console.export_text())
        else:
            _console(args, piped_width=160).print(report.claims_table(claims))
        return EXIT_OK
    writers: dict[str, Callable[[Sequence], str]] = {
        "jsonl": report.claims_jsonl,
        "json": report.claims_json,
        "csv": report.claims_csv,
    }
    _emit(args, writers[args.format](claims))
    return EXIT_OK


def cmd_report(args: argparse.Namespace, err: Console) -> int:
    from analyzer import report
    from analyzer.corroborate.quantities import match_quantity

    if args.plot:
        from analyzer.plots import check_plot_path

        for plot in args.plot:
            check_plot_path(plot)  # a wrong suffix or folder is refused before the corpus is read
    analysis = _analyze(args, err)
    keys = None
    if args.quantity:
        matches = match_quantity(args.quantity, analysis.quantities)
        if not matches:
            err.print(f"corroborate: no quantity matches {args.quantity!r}", markup=False)
            return EXIT_USAGE
        keys = [matches[0].key]
    for plot in args.plot:
        from analyzer.plots import save_plot

        name = Path(plot).name.lower()
        kind = "graph" if "graph" in name else "ranges" if "range" in name else "timeline"
        save_plot(analysis, plot, kind=kind, quantity_key=keys[0] if keys else None)
    if args.format == "json":
        if keys is not None:
            analysis = _focus(analysis, keys)
        _emit(args, report.report_json(analysis))
    elif args.format == "markdown":
        _emit(args, report.report_markdown(analysis, keys))
    elif args.output:
        _emit(args, report.report_text(analysis, quantity_keys=keys))
    else:
        report.render_report(analysis, _console(args), keys)
    return EXIT_OK


def _focus(analysis: Analysis, keys: Sequence[str]) -> Analysis:
    import dataclasses

    wanted = set(keys)
    return dataclasses.replace(
        analysis,
        claims=tuple(c for c in analysis.claims if c.quantity_key in wanted),
        statements=tuple(s for s in analysis.statements if s.quantity_key in wanted),
        quantities=tuple(q for q in analysis.quantities if q.key in wanted),
        clusters=tuple(c for c in analysis.clusters if c.quantity_key in wanted),
        conflicts=tuple(c for c in analysis.conflicts if c.quantity_key in wanted),
        timelines=tuple(t for t in analysis.timelines if t.quantity_key in wanted),
    )


def cmd_check(args: argparse.Namespace, err: Console) -> int:
    from analyzer.expectations import check_text, load_expectations, run_check
    from analyzer.report import check_table

    expectations = load_expectations(args.expect)  # a bad file is exit 2 before any reading
    settings = _settings(args)
    analysis = _analyze(args, err)
    result = run_check(analysis, expectations, settings.aliases)
    if args.output:
        _emit(args, check_text(result) + "\n")
    elif sys.stdout.isatty():
        _console(args).print(check_table(result))
    else:
        _emit(args, check_text(result) + "\n")
    return EXIT_OK if result.passed else EXIT_FAILED


def cmd_graph(args: argparse.Namespace, err: Console) -> int:
    from analyzer.graph import build_graph, write_graph

    if not args.output:
        err.print("corroborate graph: error: -o FILE is required (.graphml, .gexf or .json)", markup=False)
        return EXIT_USAGE
    suffix = Path(args.output).suffix.lower()
    if suffix not in {".graphml", ".gexf", ".json"}:
        raise OutputError(args.output, "unknown graph format: use .graphml, .gexf or .json")
    analysis = _analyze(args, err)
    write_graph(build_graph(analysis), args.output)
    return EXIT_OK


def cmd_trust(args: argparse.Namespace, err: Console) -> int:
    from analyzer.corroborate.trust_table import run_trust_csv

    items = [c.strip() for c in args.item.split(",") if c.strip()]
    run_trust_csv(
        args.table,
        source=args.source,
        items=items,
        value=args.value,
        out=args.output or "-",
        sources_out=args.sources_out,
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "claims": cmd_claims,
    "report": cmd_report,
    "check": cmd_check,
    "graph": cmd_graph,
    "trust": cmd_trust,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return COMMANDS[args.command](args, err)
    except AnalyzerError as exc:
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"corroborate: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("corroborate: interrupted\n")
        return 130
    except (BrokenPipeError, _ReaderGone):
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # a bug: one line, and the traceback with --debug
        if args.debug:
            raise
        sys.stderr.write(
            f"corroborate: internal error: {type(exc).__name__}: {exc} (run with --debug for details)\n"
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
