"""The compiled build (`make native`): the switch back to the sources, and the same output as the sources."""

from __future__ import annotations

import importlib.machinery
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

import analyzer
from analyzer import native

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path, *, built: bool, compiled: tuple[str, ...] = ("mod",)) -> Path:
    """A package folder with sources ``mod.py`` and ``sub/deep.py``, compiled or not."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for source in ("mod.py", "sub/deep.py"):
        (pkg / source).write_text("X = 1\n")
    if built:
        (pkg / f"{native.RUNTIME}{SUFFIX}").write_bytes(b"")
        for name in compiled:
            (pkg / f"{name}{SUFFIX}").write_bytes(b"")
    return pkg


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_folder_without_the_runtime_library_is_not_native(tmp_path: Path) -> None:
    pkg = _package(tmp_path, built=False)
    assert not native.is_native(str(pkg))
    assert native.stale_modules(str(pkg)) == []
    assert native.choose(str(pkg)) is False


def test_up_to_date_compiled_modules_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANALYZER_PURE", raising=False)
    pkg = _package(tmp_path, built=True)
    _age(pkg / "mod.py", 60)
    assert native.is_native(str(pkg))
    assert native.stale_modules(str(pkg)) == []
    assert native.choose(str(pkg)) is True


@pytest.mark.parametrize(
    ("compiled", "edited", "stale"),
    [
        (("mod",), "mod.py", ["mod.py"]),  # the source changed after the build
        (("mod", "sub/deep"), "sub/deep.py", ["sub/deep.py"]),  # in a sub-package too
        (("mod",), "sub/deep.py", []),  # a module that was never compiled runs from its source anyway
    ],
)
def test_a_source_newer_than_its_compiled_module_is_named(
    tmp_path: Path, compiled: tuple[str, ...], edited: str, stale: list[str]
) -> None:
    pkg = _package(tmp_path, built=True, compiled=compiled)
    for name in compiled:
        _age(pkg / f"{name}{SUFFIX}", 60)
    for source in ("mod.py", "sub/deep.py"):
        _age(pkg / source, 120)
    (pkg / edited).write_text("X = 2\n")
    assert native.stale_modules(str(pkg)) == stale


def test_stale_compiled_modules_give_one_warning_and_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANALYZER_PURE", raising=False)
    pkg = _package(tmp_path, built=True, compiled=("mod", "sub/deep"))
    for name in ("mod", "sub/deep"):
        _age(pkg / f"{name}{SUFFIX}", 60)
    monkeypatch.setattr(sys, "path_importer_cache", dict(sys.path_importer_cache))
    with pytest.warns(RuntimeWarning, match=r"mod\.py and 1 more changed after `make native`"):
        assert native.choose(str(pkg)) is False
    finder = sys.path_importer_cache[os.path.join(str(pkg), "sub")]
    spec = finder.find_spec("deep")  # type: ignore[union-attr]
    assert spec is not None and spec.origin == str(pkg / "sub" / "deep.py")


def test_analyzer_pure_asks_for_the_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANALYZER_PURE", "1")
    pkg = _package(tmp_path, built=True)
    monkeypatch.setattr(sys, "path_importer_cache", dict(sys.path_importer_cache))
    assert native.choose(str(pkg)) is False
    spec = sys.path_importer_cache[str(pkg)].find_spec("mod")  # type: ignore[union-attr]
    assert spec is not None and spec.origin == str(pkg / "mod.py")


def _report(env: dict[str, str]) -> bytes:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analyzer",
            "report",
            str(ROOT / "fixtures" / "corpus"),
            "--format",
            "json",
            "-j",
            "1",
        ],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return done.stdout


@pytest.mark.skipif(
    not analyzer.NATIVE, reason="the package is not compiled (`make native`, then `make test-native`)"
)
def test_the_compiled_modules_give_the_sources_report_byte_for_byte() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ANALYZER_PURE"}
    compiled = _report(env)
    sources = _report({**env, "ANALYZER_PURE": "1"})
    assert compiled == sources
    assert b'"conflicts"' in compiled


def test_the_records_that_cross_to_workers_survive_pickle() -> None:
    """Workers and Dask ship these; compiled by mypyc, a frozen record needs its own ``__reduce__``."""
    from analyzer.corroborate.clusters import StatementCluster
    from analyzer.corroborate.core import PerQuantity
    from analyzer.models import Document
    from analyzer.pipeline import analyze, extract_one
    from analyzer.settings import Settings

    doc = Document(doc_id="d1", text="Police said 12 people were hurt on Monday.", outlet="Ledger")
    extracted = extract_one(doc)
    cluster = StatementCluster("c1", "people hurt", "Police", ("s1",), ("Ledger",), 1, ("Ledger",))
    records = [
        Settings(aliases=(("Police", "the police"),), jobs=1),
        extracted,
        extracted.extraction,
        cluster,
        PerQuantity(statement_clusters=(cluster,)),
        analyze([ROOT / "fixtures" / "corpus"], Settings(jobs=1)),
    ]
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record
    assert extracted.extraction.claims  # the document's claim went and came back
