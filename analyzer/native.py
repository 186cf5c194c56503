"""Whether the package runs compiled (``make native``), and the switch back to its sources.

``make native`` compiles most modules with mypyc into extension modules beside their sources, and
Python imports an extension before the source of the same name. Two cases must not run compiled code:

- ``ANALYZER_PURE=1`` in the environment asks for the interpreted sources (to compare the two, or to
  debug with a profiler that sees Python frames);
- a stale build: a source of the package saved after the build began (compiled code is checked against
  the types it was built with, so an edited interpreted module counts too), or a compiled module whose
  source is gone. The package then says so once, on one line, and runs every module from its source
  until ``make native`` rebuilds them; worker processes inherit the choice through ``ANALYZER_PURE``.

:func:`choose` is called by ``analyzer/__init__.py`` before any other module is imported; it points the
import system at the sources by giving each folder of the package a finder that knows only ``.py`` files.
Each module that defines frozen records ends with :func:`register_records`: compiled, they would not
unpickle or copy otherwise (a test checks that every such module does).

>>> isinstance(is_native(), bool), stale_modules("/nonexistent")
(True, [])
"""

from __future__ import annotations

import copyreg
import dataclasses
import importlib.machinery
import logging
import os
import sys
from types import ModuleType
from typing import Any

LOGGER = logging.getLogger("analyzer")

_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)
RUNTIME = "_native__mypyc"  # the library of the compiled modules (mypyc's group "analyzer._native")


def _runtime(folder: str) -> str | None:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    found = [n for n in names if n.startswith(RUNTIME) and n.endswith(_EXTENSIONS)]
    return os.path.join(folder, found[0]) if found else None


def is_native(package: str | None = None) -> bool:
    """True when compiled modules sit beside the sources of ``package`` (a folder; this package's by default)."""
    return _runtime(package or os.path.dirname(os.path.abspath(__file__))) is not None


def _folders(package: str) -> list[str]:
    return sorted(root for root, _, _ in os.walk(package) if "__pycache__" not in root)


def stale_modules(package: str) -> list[str]:
    """What makes the build of ``package`` stale, relative to ``package``: sources saved after the build
    began (the time of its runtime library), and compiled modules whose source is gone."""
    runtime = _runtime(package)
    if runtime is None:
        return []
    built = os.path.getmtime(runtime)
    stale = []
    for folder in _folders(package):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(".py") and os.path.getmtime(path) > built:
                stale.append(os.path.relpath(path, package))
            elif name.endswith(_EXTENSIONS) and not name.startswith(RUNTIME):
                source = os.path.join(folder, name.split(".", 1)[0] + ".py")
                if not os.path.isfile(source):
                    stale.append(os.path.relpath(path, package))
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
        LOGGER.warning(
            "analyzer: %s%s changed after `make native`: running the sources, not the compiled modules "
            "(`make native` rebuilds them, `make pure` removes them)",
            stale[0],
            more,
        )
        os.environ["ANALYZER_PURE"] = "1"  # worker processes make the same choice, silently
        use_sources(package)
        return False
    return True


def rebuilt(record: Any) -> tuple[Any, ...]:
    """What pickle and copy need to rebuild a frozen record through its constructor.

    Compiled by mypyc, a frozen dataclass loses the state setter that ``dataclasses`` gives it, and the
    default sets the fields one by one, which a frozen record refuses.

    >>> @dataclasses.dataclass(frozen=True)
    ... class Pair:
    ...     a: int
    ...     b: str = "x"
    >>> rebuilt(Pair(1))
    (<class 'analyzer.native.Pair'>, (1, 'x'))
    """
    return (type(record), tuple(getattr(record, f.name) for f in dataclasses.fields(record)))


def register_records(module: ModuleType) -> list[type]:
    """Make the frozen dataclasses a module defines pickle and copy through :func:`rebuilt`."""
    records = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == module.__name__
        and dataclasses.is_dataclass(value)
        and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ]
    for record in records:
        copyreg.pickle(record, rebuilt)
    return records
