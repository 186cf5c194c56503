"""The fixture corpora and their gold files agree with each other (the fixtures' own check scripts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    "script", ["check_fixtures.py", "probes/check_probes.py", "holdout/check_holdout.py"]
)
def test_gold_sentences_values_and_aliases_are_consistent(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(FIXTURES / script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 problems" in done.stderr
