"""Whether the package runs compiled (``make native``), and the switch back to its sources.

``make native`` compiles most modules with mypyc into extension modules beside their sources, and
Python imports an extension before the source of the same name. Two cases must not run compiled code:

- ``ANALYZER_PURE=1`` in the environment asks for the interpreted sources (to compare the two, or to
  debug with a profiler that sees Python frames);
- a source edited after the build: its compiled module holds the old code. The package then warns once,
  naming the source, and runs every module from its source until ``make native`` rebuilds them.

:func:`choose` is called by ``analyzer/__init__.py`` before any other module is imported; it points the
import system at the sources by giving each folder of the package a finder that knows only ``.py`` files.

>>> isinstance(is_native(), bool), stale_modules("/nonexistent")
(True, [])
"""

from __future__ import annotations

import dataclasses
import importlib.machinery
import os
import sys
import warnings
from typing import Any

_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)
RUNTIME = "_native__mypyc"  # the library of the compiled modules (mypyc's group "analyzer._native")


def is_native(package: str | None = None) -> bool:
    """True when compiled modules sit beside the sources of ``package`` (a folder; this package's by default)."""
    folder = package or os.path.dirname(os.path.abspath(__file__))
    try:
        return any(name.startswith(RUNTIME) and name.endswith(_EXTENSIONS) for name in os.listdir(folder))
    except OSError:
        return False


def _folders(package: str) -> list[str]:
    return sorted(root for root, _, _ in os.walk(package) if "__pycache__" not in root)


def stale_modules(package: str) -> list[str]:
    """Sources of ``package`` edited after their compiled module was built, relative to ``package``."""
    if not is_native(package):
        return []
    stale = []
    for folder in _folders(package):
        for name in sorted(os.listdir(folder)):
            if not name.endswith(_EXTENSIONS) or name.startswith(RUNTIME):
                continue
            source = os.path.join(folder, name.split(".", 1)[0] + ".py")
            compiled = os.path.join(folder, name)
            if os.path.isfile(source) and os.path.getmtime(source) > os.path.getmtime(compiled):
                stale.append(os.path.relpath(source, package))
    return stale


def use_sources(package: str) -> None:
    """Import every module of ``package`` (a folder) from its ``.py`` source, never from a compiled one."""
    loaders = [
        (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES),
        (importlib.machinery.SourcelessFileLoader, importlib.machinery.BYTECODE_SUFFIXES),
    ]
    for folder in _folders(package):
        sys.path_importer_cache[folder] = importlib.machinery.FileFinder(folder, *loaders)


def choose(package: str) -> bool:
    """Run ``package`` compiled when it is built and up to date; else from its sources. True when compiled."""
    if not is_native(package):
        return False
    if os.environ.get("ANALYZER_PURE") == "1":
        use_sources(package)
        return False
    stale = stale_modules(package)
    if stale:
        more = f" and {len(stale) - 1} more" if len(stale) > 1 else ""
        warnings.warn(
            f"analyzer: {stale[0]}{more} changed after `make native`; running the sources, not the "
            "compiled modules (`make native` rebuilds them, `make pure` removes them)",
            RuntimeWarning,
            stacklevel=2,
        )
        use_sources(package)
        return False
    return True


def rebuilt(record: Any) -> tuple[Any, ...]:
    """What pickle needs to rebuild a frozen record through its constructor: ``__reduce__`` of the records
    that cross to worker processes.

    Compiled by mypyc, a frozen dataclass loses the state setter that ``dataclasses`` gives it, and pickle's
    default sets the fields one by one, which a frozen record refuses.

    >>> @dataclasses.dataclass(frozen=True)
    ... class Pair:
    ...     a: int
    ...     b: str = "x"
    >>> rebuilt(Pair(1))
    (<class 'analyzer.native.Pair'>, (1, 'x'))
    """
    return (type(record), tuple(getattr(record, f.name) for f in dataclasses.fields(record)))
