"""Assertion helpers and the pytest plugin for known conflicts (filled in by the check issue)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("corroboration")
    group.addoption(
        "--corroboration-expect", default=None, help="expectations file (TOML or JSON) to run as tests"
    )
    group.addoption("--corroboration-corpus", default=None, help="corpus path for the corroboration fixture")
