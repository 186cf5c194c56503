"""analyzer: who asserted which figure, when, through whom; which figures conflict.

The one entry point is :func:`analyze` (``analyzer.pipeline.analyze``), loaded on first use so that
``import analyzer`` stays light for the worker processes that only extract:

>>> import analyzer
>>> analyzer.analyze is analyzer.pipeline.analyze
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analyzer import native as _native

__version__ = "0.1.0"
__all__ = ["Analysis", "Settings", "analyze"]

# compiled by `make native` and up to date (else the sources run: see analyzer.native)
NATIVE = _native.choose(__path__[0])

if TYPE_CHECKING:
    from analyzer.models import Analysis
    from analyzer.pipeline import analyze
    from analyzer.settings import Settings

_LAZY = {"analyze": "analyzer.pipeline", "Analysis": "analyzer.models", "Settings": "analyzer.settings"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
