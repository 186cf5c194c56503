"""Build hook: the package is pure Python, and ``make native`` compiles it with mypyc.

``ANALYZER_NATIVE=1 python setup.py build_ext --inplace`` (what ``make native`` runs) compiles the modules
of the analysis into C extensions beside their sources: the same code, about a quarter faster (figures in
benchmarks/README.md). Without that variable, nothing is compiled. ``analyzer.native`` runs the sources
whenever a compiled module is older than its source, or when ``ANALYZER_PURE=1`` asks for them.
"""

import os
from pathlib import Path

from setuptools import setup

# Interpreted always: the entry points and the import switch; the records that cross processes (models:
# compiled, a frozen record cannot be unpickled); modules the tests replace functions of (pipeline, atomic,
# trust_table); the pytest plugin and expectations (their records are set up after construction); plots
# and the optional back-ends; `parallel` (a generic class mypyc cannot build).
_INTERPRETED = {
    "analyzer/__main__.py",
    "analyzer/atomic.py",
    "analyzer/models.py",
    "analyzer/cli.py",
    "analyzer/dask_backend.py",
    "analyzer/native.py",
    "analyzer/parallel.py",
    "analyzer/pipeline.py",
    "analyzer/testing.py",
    "analyzer/corroborate/trust_table.py",
}
_INTERPRETED_FOLDERS = ("analyzer/expectations/", "analyzer/plots/")


def native_modules() -> list[str]:
    """The sources mypyc compiles, in a fixed order."""
    paths = sorted(p.as_posix() for p in Path("analyzer").rglob("*.py"))
    # package __init__ files stay interpreted too: compiled, they would give their package a wrong __path__
    # (mypyc's runtime library sits inside the package, and the path is reckoned from there)
    return [
        p
        for p in paths
        if p not in _INTERPRETED and not p.startswith(_INTERPRETED_FOLDERS) and not p.endswith("/__init__.py")
    ]


ext_modules = []
if os.environ.get("ANALYZER_NATIVE") == "1":
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        raise SystemExit("make native needs mypy (pip install mypy), which brings mypyc") from exc
    # one group, whose runtime library lives inside the package (analyzer/_native__mypyc.*.so)
    ext_modules = mypycify(native_modules(), group_name="analyzer._native", opt_level="3")

setup(ext_modules=ext_modules)
