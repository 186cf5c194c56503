"""Bad files through the whole pipeline and the CLI: the tool names each problem, skips only what it
cannot read and analyses the rest.

The reader-level cases (each encoding, each broken sidecar, each JSON shape) are in
``test_ingest_readers.py``; here a corpus mixes them with good articles and the tests check what
comes out at the end: the good claims, and one warning per problem, in the same words whatever the
number of workers.
"""

from __future__ import annotations

import errno
import json
import time
from pathlib import Path
from typing import Any

import pytest

from analyzer.cli import main
from analyzer.models import Analysis, CorpusWarning, Document
from analyzer.pipeline import analyze
from analyzer.settings import Settings

QUARRY = "Quarry Collapse Traps Miners\n\nThe mine rescue service said 14 miners were trapped on Tuesday.\n"
FERRY = "The ferry operator said 61 sailings were cancelled on Monday."
LONG_PAGE = (
    "Reservoir Levels Fall\n\n"
    + "The water board said 23 wells had run dry across the eastern valleys this summer.\n\n" * 3
    + "Engineers warned that the dry spell could last for several more weeks, and farmers in the lower "
    "valley said they had started to move their herds to higher pastures.\n\n" * 8
)


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def run(paths: list[Path], jobs: int = 1) -> Analysis:
    return analyze(paths, Settings(jobs=jobs))


def figures(analysis: Analysis) -> set[tuple[str, float]]:
    return {(c.doc_id, c.value) for c in analysis.claims}


def problems(analysis: Analysis, root: Path) -> list[tuple[str, str]]:
    """(source relative to ``root``, message) of every warning, in the order they came."""
    return [(str(Path(w.source).relative_to(root)), w.message) for w in analysis.warnings]


def mixed_corpus(root: Path) -> Path:
    """Good articles of every kind among bad files of every kind."""
    write(root, "good.txt", QUARRY)
    write(root, "good.meta.json", '{"outlet": "Hill Courier", "published": "2025-02-04"}')
    write(
        root,
        "page.html",
        "<html><head><title>Ferry Delays</title><script>var n = 777;</script></head>"
        f"<body><!-- 999 editors said --><article><p>{FERRY}</p></article></body></html>",
    )
    write(root, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(root, "empty.txt", b"")
    write(root, "latin.txt", b"The water board said 23 wells had run dry, said the caf\xe9 owner.\n")
    write(root, "utf16.txt", "The county said 48 roads were closed by snow.\n".encode("utf-16"))
    write(root, "stray.txt", LONG_PAGE.replace("this summer", "this\x00 summer", 1).encode())
    write(root, "noise.txt", bytes(0x80 + (i * 37) % 64 for i in range(5000)))  # lone continuation bytes
    write(
        root,
        "feed.jsonl",
        "\n".join(
            [
                json.dumps({"id": "j1", "text": "Customs officers said 9 tonnes of ivory were seized."}),
                "{broken",
                json.dumps({"id": "j3", "title": "a record without its text"}),
                json.dumps(["not", "a", "record"]),
                json.dumps({"id": "j5", "text": "The league said 31 matches were postponed."}),
                "[" * 50_000 + "]" * 50_000,
            ]
        )
        + "\n",
    )
    write(root, "notalist.json", json.dumps({"id": "x", "text": "Officials said 5 bridges were shut."}))
    write(root, "broken.json", '[{"id": "y", "text": "Officials said 6 bridges were shut."}')
    write(root, "ward.txt", "Ward Closure\n\nThe hospital trust said 18 beds were cut.\n")
    write(root, "ward.meta.json", '{"outlet": 7, "published": "yesterday", "title": "Ward Closure"}')
    write(root, "dock.txt", "Dock Strike\n\nThe union said 300 dockers walked out.\n")
    write(root, "dock.meta.json", "{not json")
    write(root, "deep.txt", "Canal Repairs\n\nThe canal trust said 7 locks needed repairs.\n")
    write(root, "deep.meta.json", "[" * 100_000 + "]" * 100_000)
    write(root, "paper.pdf", b"%PDF-1.4 binary")
    write(root, ".hidden.txt", "Officials said 4 people hid.\n")
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    return root


EXPECTED_FIGURES = {
    ("good", 14.0),
    ("page", 61.0),
    ("latin", 23.0),
    ("utf16", 48.0),
    ("stray", 23.0),
    ("j1", 9.0),
    ("j5", 31.0),
    ("ward", 18.0),
    ("dock", 300.0),
    ("deep", 7.0),
}
EXPECTED_PROBLEMS = [
    (".hidden.txt", "hidden file or folder skipped"),
    ("broken.json", "invalid JSON at line 1: Expecting ',' delimiter; skipped"),
    ("deep.meta.json", "JSON nested too deeply; sidecar ignored"),
    (
        "dock.meta.json",
        "invalid JSON at line 1: Expecting property name enclosed in double quotes; sidecar ignored",
    ),
    ("empty.txt", "empty file; skipped"),
    (
        "feed.jsonl:2",
        "invalid JSON: Expecting property name enclosed in double quotes (column 2); line skipped",
    ),
    ("feed.jsonl:3", "record has no 'text' or 'html' string; skipped"),
    ("feed.jsonl:4", "expected a JSON object, not list; skipped"),
    ("feed.jsonl:6", "JSON nested too deeply; line skipped"),
    ("image.txt", "binary file (NUL bytes); skipped"),
    ("latin.txt", "1 invalid UTF-8 byte replaced"),
    ("noise.txt", "not UTF-8 text (100% of its bytes are invalid); skipped"),
    ("notalist.json", "expected a JSON list of record objects, not dict; skipped"),
    ("paper.pdf", "unsupported file type '.pdf'; skipped"),
    ("stray.txt", "1 stray NUL byte removed"),
    ("sub/loop", "symbolic link loop (back to {root}); skipped"),
    ("ward.meta.json", "'outlet' must be a string, not int; ignored"),
    ("ward.meta.json", "'published' 'yesterday' is not an ISO date; ignored"),
]


def test_a_mixed_folder_keeps_every_good_document_and_names_every_bad_one(tmp_path: Path) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    analysis = run([root])
    assert figures(analysis) == EXPECTED_FIGURES
    expected = [(source, message.format(root=root.resolve())) for source, message in EXPECTED_PROBLEMS]
    assert sorted(problems(analysis, root)) == expected
    good = {d.doc_id: d for d in analysis.documents}["good"]
    assert (good.outlet, str(good.published)) == ("Hill Courier", "2025-02-04")


def test_the_cli_prints_one_warning_line_per_problem_and_the_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    assert main(["claims", str(root), "--format", "jsonl", "-j", "1"]) == 0
    out, err = capsys.readouterr()
    claims = [json.loads(line) for line in out.splitlines()]
    assert {(c["doc_id"], c["value"]) for c in claims} == EXPECTED_FIGURES
    lines = err.splitlines()
    assert len(lines) == len(EXPECTED_PROBLEMS)
    assert all(line.startswith(f"warning: {root}") for line in lines)
    assert "Traceback" not in err
    assert main(["claims", str(root), "--format", "jsonl", "-j", "1", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_workers_give_the_same_claims_and_the_same_warnings_in_the_same_order(tmp_path: Path) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    for n in range(40):  # enough documents for the pool to start (several tasks)
        write(root / "more", f"m{n:02d}.txt", QUARRY.replace("14", str(20 + n)))
    alone, pooled = run([root], jobs=1), run([root], jobs=2)
    assert alone.claims == pooled.claims
    assert alone.warnings == pooled.warnings
    assert len(alone.documents) == len(EXPECTED_FIGURES) + 40


def test_a_utf16_jsonl_file_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{n}", "text": f"The union said {300 + n} dockers walked out."}) for n in range(3)
    ]
    write(tmp_path, "feed.jsonl", ("\r\n".join(lines) + "\r\n").encode("utf-16"))
    analysis = run([tmp_path])
    assert figures(analysis) == {("r0", 300.0), ("r1", 301.0), ("r2", 302.0)}
    assert analysis.warnings == ()


def test_the_warnings_of_a_file_come_in_line_order(tmp_path: Path) -> None:
    write(tmp_path, "feed.jsonl", "\n".join(["{broken"] * 12) + "\n")
    analysis = run([tmp_path])
    assert [int(w.source.rsplit(":", 1)[1]) for w in analysis.warnings] == list(range(1, 13))


def test_a_file_that_vanishes_mid_run_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer import pipeline

    for name in ("a", "b", "c"):
        write(tmp_path, f"{name}.txt", QUARRY.replace("14", str(ord(name))))
    real = pipeline.extract_one

    def extract_then_delete(doc: Document) -> Any:
        if doc.doc_id == "a":
            (tmp_path / "b.txt").unlink()
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_one", extract_then_delete)
    analysis = run([tmp_path])
    assert figures(analysis) == {("a", 97.0), ("c", 99.0)}
    assert problems(analysis, tmp_path) == [("b.txt", "vanished before it could be read; skipped")]


def test_a_document_whose_extraction_fails_is_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analyzer import pipeline

    for name in ("a", "b", "c"):
        write(tmp_path, f"{name}.txt", QUARRY.replace("14", str(ord(name))))
    real = pipeline.extract_document

    def fragile(doc: Document, *args: Any) -> Any:
        if doc.doc_id == "b":
            raise IndexError("a rule read past the end")
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "extract_document", fragile)
    analysis = run([tmp_path])
    assert figures(analysis) == {("a", 97.0), ("c", 99.0)}
    assert problems(analysis, tmp_path) == [
        ("b.txt", "extraction failed (IndexError: a rule read past the end); document skipped")
    ]


def test_unreadable_files_and_folders_are_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # simulated permission errors: the tests may run as root, for whom chmod locks nothing
    import os

    write(tmp_path, "a.txt", QUARRY)
    write(tmp_path, "locked.txt", QUARRY.replace("14", "15"))
    write(tmp_path, "locked.jsonl", json.dumps({"id": "r", "text": FERRY}) + "\n")
    write(tmp_path, "closed/c.txt", QUARRY.replace("14", "16"))
    real_read_bytes, real_open, real_scandir = Path.read_bytes, Path.open, os.scandir

    def refuse(path: Any) -> None:
        if Path(path).stem.startswith(("locked", "closed")):
            raise PermissionError(errno.EACCES, "Permission denied")

    def read_bytes(self: Path) -> bytes:
        refuse(self)
        return real_read_bytes(self)

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        refuse(self)
        return real_open(self, *args, **kwargs)

    def scandir(path: Any) -> Any:
        refuse(path)
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir)
    analysis = run([tmp_path])
    assert figures(analysis) == {("a", 14.0)}
    assert sorted(problems(analysis, tmp_path)) == [
        ("closed", "cannot read folder: Permission denied; skipped"),
        ("locked.jsonl", "permission denied; skipped"),
        ("locked.txt", "permission denied; skipped"),
    ]


def test_a_corpus_of_only_bad_files_is_an_empty_analysis_with_its_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.txt", b"\x00\x01\x02")
    write(tmp_path, "b.json", "{}")
    assert main(["report", str(tmp_path), "--format", "json", "-j", "1"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["documents"] == [] and report["claims"] == []
    assert len(report["warnings"]) == 2 and err.count("warning: ") == 2


def test_a_huge_single_line_record_and_many_bad_lines(tmp_path: Path) -> None:
    filler = "The committee met again and talked for a long time about the budget of the coming year. "
    big = {"id": "big", "text": "The port authority said 12 cranes were idle. " + filler * 50_000}
    bad_lines = ["{oops"] * 2000
    write(
        tmp_path,
        "feed.jsonl",
        "\n".join([json.dumps(big), *bad_lines, json.dumps({"id": "last", "text": FERRY})]),
    )
    start = time.perf_counter()
    analysis = run([tmp_path])
    elapsed = time.perf_counter() - start
    assert {("big", 12.0), ("last", 61.0)} <= figures(analysis)
    assert len(analysis.warnings) == 2000
    assert {w.source for w in analysis.warnings} == {f"{tmp_path / 'feed.jsonl'}:{n}" for n in range(2, 2002)}
    assert elapsed < 60


# --------------------------------------------------------------------------------------------- HTML

HIDDEN = "The police said {n} people were hurt in the clashes."
HOSTILE_PAGE = (
    "<html><head><title>Ferry Delays</title>"
    f'<script>document.write("{HIDDEN.format(n=555)}")</script>'
    f'<style>p::after {{ content: "{HIDDEN.format(n=556)}" }}</style></head><body>'
    f"<!-- {HIDDEN.format(n=557)} -->"
    f"<noscript>{HIDDEN.format(n=558)}</noscript>"
    f"<template><p>{HIDDEN.format(n=559)}</p></template>"
    "<article>"
    f"<p>{FERRY}</p>"
    f"<template>{HIDDEN.format(n=560)}</template>"
    f'<script type="application/ld+json">{{"text": "{HIDDEN.format(n=561)}"}}</script>'
    "<p>The port's R&amp;amp;D office said &#52;&#50; crew members had been sent home.</p>"
    "<p>Harbour staff said 12&nbsp;000 passengers were stranded &mdash; some overnight.</p>"
    "</article></body></html>"
)


@pytest.fixture(params=["extractor", "plain-scan"])
def html_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways HTML becomes text: trafilatura, and the flat scan used when trafilatura fails."""
    if request.param == "plain-scan":
        import trafilatura

        def fail(*args: object, **kwargs: object) -> object:
            raise ValueError("parser gave up")

        monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    return str(request.param)


def test_scripts_styles_comments_and_templates_never_become_text(tmp_path: Path, html_path: str) -> None:
    write(tmp_path, "page.html", HOSTILE_PAGE)
    analysis = run([tmp_path])
    assert sorted(c.value for c in analysis.claims) == [42.0, 61.0, 12000.0]
    assert not any("police" in c.sentence for c in analysis.claims)


def test_entities_are_decoded_exactly_once(tmp_path: Path, html_path: str) -> None:
    write(tmp_path, "page.html", HOSTILE_PAGE)
    record = {"id": "rec", "html": HOSTILE_PAGE.replace("Ferry Delays", "Port Delays")}
    write(tmp_path, "feed.jsonl", json.dumps(record) + "\n")
    analysis = run([tmp_path])
    for doc_id in ("page", "rec"):
        sentences = {c.value: c.sentence for c in analysis.claims if c.doc_id == doc_id}
        assert "R&amp;D office" in sentences[42.0]  # "&amp;amp;" is the text "&amp;", shown as such
        assert "passengers were stranded \u2014 some overnight" in sentences[12000.0]  # &mdash;


@pytest.mark.parametrize("depth", [1_000, 200_000])
def test_deeply_nested_markup_does_not_blow_the_stack(tmp_path: Path, depth: int, html_path: str) -> None:
    nested = "<div><span>" * depth + f"<p>{FERRY}</p>" + "</span></div>" * depth
    unclosed = "<b><i>" * depth + f"<p>{FERRY.replace('61', '62')}</p>"
    write(tmp_path, "nested.html", f"<html><body>{nested}</body></html>")
    write(tmp_path, "unclosed.html", f"<html><body>{unclosed}</body></html>")
    write(tmp_path, "brackets.html", "<" * depth + f"<p>{FERRY.replace('61', '63')}</p>" + ">" * depth)
    start = time.perf_counter()
    analysis = run([tmp_path])
    assert time.perf_counter() - start < 60
    assert figures(analysis) == {("nested", 61.0), ("unclosed", 62.0), ("brackets", 63.0)}
    assert all("nested too deeply" in w.message or "plain text scan" in w.message for w in analysis.warnings)


def test_warnings_reach_the_callback_as_they_happen(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"")
    write(tmp_path, "b.txt", QUARRY)
    seen: list[CorpusWarning] = []
    analysis = analyze([tmp_path], Settings(jobs=1), on_warning=seen.append)
    assert seen == list(analysis.warnings) == [CorpusWarning(str(tmp_path / "a.txt"), "empty file; skipped")]


# --------------------------------------------------------------------------------------------- size

WORDS = [
    "river",
    "harbour",
    "council",
    "market",
    "bridge",
    "station",
    "valley",
    "orchard",
    "library",
    "museum",
    "tram",
    "ferry",
    "meadow",
]


def narrative_corpus(folder: Path, megabytes: float, *, possessive: bool = False, seed: int = 7) -> Path:
    """Articles of about 20 KB without a single figure: only their text could make memory grow."""
    import random

    rng = random.Random(seed)
    total = n = 0
    while total < megabytes * 1e6:
        paragraphs = [f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Notes"]
        while sum(map(len, paragraphs)) < 20_000:
            a, b, c = rng.sample(WORDS, 3)
            owner = f"the town's {c}" if possessive else f"the {c} of the town"
            paragraphs.append(
                f"The {a} near the {b} was repainted, and {owner} stayed open while volunteers talked."
            )
        text = "\n\n".join(paragraphs)
        write(folder, f"a{n:05d}.txt", text)
        total, n = total + len(text), n + 1
    return folder


def peak_rss_mb(path: Path, out: Path) -> float:
    from benchmarks.bench_memory import run_cli

    run = run_cli(path.name, path, out, jobs=1)
    assert run.exit_code == 0
    return run.peak_mb


@pytest.mark.slow
def test_documents_are_streamed_not_held(tmp_path: Path) -> None:
    # the peak of a small run is set by the work on one document; a held text shows past it
    small = peak_rss_mb(narrative_corpus(tmp_path / "small", 2), tmp_path / "small.jsonl")
    large = peak_rss_mb(narrative_corpus(tmp_path / "large", 16), tmp_path / "large.jsonl")
    assert large - small < 0.25 * 14  # MB: far less than the 14 MB of text the larger corpus adds


@pytest.mark.slow
def test_documents_with_possessives_are_streamed_too(tmp_path: Path) -> None:
    small = peak_rss_mb(narrative_corpus(tmp_path / "small", 2, possessive=True), tmp_path / "small.jsonl")
    large = peak_rss_mb(narrative_corpus(tmp_path / "large", 16, possessive=True), tmp_path / "large.jsonl")
    assert large - small < 0.25 * 14


@pytest.mark.slow
def test_peak_memory_grows_less_than_the_corpus(tmp_path: Path) -> None:
    from benchmarks.bench_memory import build_corpus

    small = peak_rss_mb(build_corpus(tmp_path / "small", 2.5), tmp_path / "small.jsonl")
    large = peak_rss_mb(build_corpus(tmp_path / "large", 10), tmp_path / "large.jsonl")
    assert large < 4 * small
