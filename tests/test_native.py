"""The compiled build (`make native`): the switch back to the sources, and the same output as the sources."""

from __future__ import annotations

import copy
import copyreg
import dataclasses
import importlib
import importlib.machinery
import os
import pickle
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest

import analyzer
from analyzer import native

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path, *, built: bool, compiled: tuple[str, ...] = ("mod",)) -> Path:
    """A package folder with sources ``mod.py`` and ``sub/deep.py`` written two minutes ago, built a minute ago
    (its runtime library and the ``compiled`` modules) or not."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for source in ("mod.py", "sub/deep.py"):
        (pkg / source).write_text("X = 1\n")
        _age(pkg / source, 120)
    if built:
        for name in (native.RUNTIME, *compiled):
            (pkg / f"{name}{SUFFIX}").write_bytes(b"")
            _age(pkg / f"{name}{SUFFIX}", 60)
    return pkg


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def import_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """What :func:`native.choose` changes, restored after the test."""
    monkeypatch.setenv("ANALYZER_PURE", "0")
    monkeypatch.setattr(sys, "path_importer_cache", dict(sys.path_importer_cache))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))


def test_a_folder_without_the_runtime_library_is_not_native(tmp_path: Path, import_state: None) -> None:
    pkg = _package(tmp_path, built=False)
    assert not native.is_native(str(pkg))
    assert native.stale_modules(str(pkg)) == []
    assert native.choose(str(pkg)) is False


def test_an_up_to_date_build_runs_compiled(tmp_path: Path, import_state: None) -> None:
    pkg = _package(tmp_path, built=True)
    assert native.is_native(str(pkg))
    assert native.stale_modules(str(pkg)) == []
    assert native.choose(str(pkg)) is True
    assert os.environ["ANALYZER_PURE"] == "0"


@pytest.mark.parametrize(
    ("compiled", "change", "stale"),
    [
        (("mod",), "mod.py", ["mod.py"]),  # a compiled module's source saved after the build
        (
            ("mod",),
            "sub/deep.py",
            ["sub/deep.py"],
        ),  # an interpreted one: compiled code was checked against it
        (("mod", "gone"), "", ["gone" + SUFFIX]),  # a compiled module whose source was deleted
        (("mod",), "", []),
    ],
)
def test_what_makes_a_build_stale_is_named(
    tmp_path: Path, compiled: tuple[str, ...], change: str, stale: list[str]
) -> None:
    pkg = _package(tmp_path, built=True, compiled=compiled)
    if change:
        (pkg / change).write_text("X = 2\n")
    assert native.stale_modules(str(pkg)) == stale


def test_a_stale_build_says_so_once_and_runs_the_sources_here_and_in_workers(
    tmp_path: Path, import_state: None, caplog: pytest.LogCaptureFixture
) -> None:
    pkg = _package(tmp_path, built=True, compiled=("mod", "sub/deep"))
    (pkg / "mod.py").write_text("X = 2\n")
    (pkg / "sub" / "deep.py").write_text("X = 2\n")
    with caplog.at_level("WARNING", logger="analyzer"):
        assert native.choose(str(pkg)) is False
    [record] = caplog.records
    assert "mod.py and 1 more changed after `make native`" in record.getMessage()
    assert os.environ["ANALYZER_PURE"] == "1"  # inherited by worker processes
    finder = sys.path_importer_cache[os.path.join(str(pkg), "sub")]
    spec = finder.find_spec("deep")  # type: ignore[union-attr]
    assert spec is not None and spec.origin == str(pkg / "sub" / "deep.py")


def test_analyzer_pure_asks_for_the_sources(tmp_path: Path, import_state: None) -> None:
    os.environ["ANALYZER_PURE"] = "1"
    pkg = _package(tmp_path, built=True)
    assert native.choose(str(pkg)) is False
    spec = sys.path_importer_cache[str(pkg)].find_spec("mod")  # type: ignore[union-attr]
    assert spec is not None and spec.origin == str(pkg / "mod.py")


def test_frozen_records_of_a_module_are_registered_for_pickle_and_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("scratch_records")
    monkeypatch.setitem(sys.modules, "scratch_records", module)
    exec(
        "from dataclasses import dataclass\n"
        "@dataclass(frozen=True)\nclass Frozen:\n    a: int\n    b: str = 'x'\n"
        "@dataclass\nclass Mutable:\n    a: int\n",
        module.__dict__,
    )
    try:
        assert native.register_records(module) == [module.Frozen]
        assert copyreg.dispatch_table[module.Frozen] is native.rebuilt
        assert module.Mutable not in copyreg.dispatch_table
    finally:
        copyreg.dispatch_table.pop(module.Frozen, None)


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
    """Workers and Dask ship these; compiled by mypyc, a frozen record pickles through ``native.rebuilt``."""
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
        assert copy.deepcopy(record) == record
    assert extracted.extraction.claims  # the document's claim went and came back


def test_the_notebook_frames_pickle_and_copy() -> None:
    from analyzer.frames import to_frames
    from analyzer.pipeline import analyze
    from analyzer.settings import Settings

    frames = to_frames(analyze([ROOT / "fixtures" / "corpus"], Settings(jobs=1)))
    for again in (pickle.loads(pickle.dumps(frames)), copy.deepcopy(frames), copy.copy(frames)):
        assert type(again) is type(frames)
        assert again.claims.equals(frames.claims)


def _compiled_modules() -> list[str]:
    """The modules `make native` compiles, as setup.py lists them (read without running setup())."""
    source = (ROOT / "setup.py").read_text()
    namespace: dict[str, Any] = {"__file__": str(ROOT / "setup.py")}
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        exec(source.split("\next_modules = []")[0], namespace)
        paths: list[str] = namespace["native_modules"]()
    finally:
        os.chdir(cwd)
    return [p.removesuffix(".py").replace("/", ".") for p in paths]


def test_every_compiled_module_registers_its_frozen_records() -> None:
    modules = _compiled_modules()
    assert "analyzer.extract.document" in modules and "analyzer.models" not in modules
    missing = []
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == name
                and dataclasses.is_dataclass(value)
                and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
                and copyreg.dispatch_table.get(value) is not native.rebuilt
            ):
                missing.append(f"{name}.{value.__name__}")
    assert missing == [], "end these modules with register_records(sys.modules[__name__])"
