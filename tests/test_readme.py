"""The README shows what the tool really does: its Python runs, and its console run is today's output.

When the output changes on purpose, rewrite the README's run with ``python tests/test_readme.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_PYTHON = re.compile(r"```python\n(.*?)```", re.S)
_CONSOLE = re.compile(r"```console\n\$ (corroborate [^\n]*)\n(.*?)```", re.S)


def console_runs(text: str) -> list[tuple[str, str]]:
    """(command, shown output) for each console block of the README."""
    return [(m.group(1), m.group(2)) for m in _CONSOLE.finditer(text)]


def run(command: str) -> str:
    """The command's real output, as a pipe with 100 columns shows it."""
    args = command.split()[1:]
    quoted = re.findall(r'"([^"]*)"', command)
    if quoted:  # one quoted argument at most in the README's commands
        head = command[: command.index('"')].split()[1:]
        args = [*head, quoted[0], *command[command.rindex('"') + 1 :].split()]
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", *args, "-j", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return done.stdout


def test_the_readme_python_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    blocks = _PYTHON.findall(README.read_text(encoding="utf-8"))
    assert blocks, "the README has no Python example"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # our own README
    assert "disagreement" in capsys.readouterr().out


@pytest.mark.parametrize(("command", "shown"), console_runs(README.read_text(encoding="utf-8")))
def test_the_readme_run_is_the_real_output(command: str, shown: str) -> None:
    assert run(command) == shown, "the README's run is stale: rewrite it with python tests/test_readme.py"


def rewrite() -> None:
    text = README.read_text(encoding="utf-8")
    for command, shown in console_runs(text):
        text = text.replace(f"$ {command}\n{shown}", f"$ {command}\n{run(command)}", 1)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    rewrite()
