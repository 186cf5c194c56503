"""Fixtures shared by the test files: the analysis of the project's fixture corpus, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.models import Analysis
from analyzer.pipeline import analyze

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def fixtures_analysis() -> Analysis:
    """``analyze`` on ``fixtures/corpus`` (a frozen record: tests may share it)."""
    return analyze([CORPUS])
