"""Nothing in the tool opens a network connection: every command runs on the fixtures with the
network blocked, in this process and in a fresh interpreter that blocks it before the first import.

Only internet sockets are blocked: the worker pool may use local (Unix) sockets and pipes.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analyzer.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "corpus"
EXPECTATIONS = ROOT / "fixtures" / "expectations.toml"
INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkAttempt(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block every internet connection and name lookup; the list collects what was attempted."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(what: str) -> None:
        attempts.append(what)
        raise NetworkAttempt(f"network access attempted: {what}")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in INTERNET:
            refuse(f"connect {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in INTERNET:
            refuse(f"connect_ex {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(f"create {address!r}"))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(f"getaddrinfo {host!r}"))
    monkeypatch.setattr(socket, "gethostbyname", lambda host: refuse(f"gethostbyname {host!r}"))
    yield attempts


def test_the_guard_blocks_a_connection(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.org", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkAttempt):
        sock.connect(("127.0.0.1", 9))
    assert len(no_network) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["claims", "{corpus}", "--format", "jsonl", "-j", "1"],
        ["claims", "{corpus}", "--format", "table", "-j", "2"],
        ["report", "{corpus}", "--format", "json", "-j", "1"],
        ["report", "{corpus}", "-j", "1", "--plot", "{tmp}/timeline.png"],
        ["report", "{corpus}", "--format", "markdown", "-o", "{tmp}/report.md"],
        ["graph", "{corpus}", "-o", "{tmp}/graph.graphml", "-j", "1"],
        ["graph", "{corpus}", "-o", "{tmp}/graph.gexf", "-j", "1"],
        ["check", "{corpus}", "--expect", "{expect}", "-j", "1"],
    ],
    ids=[
        "claims-jsonl",
        "claims-table-2-jobs",
        "report-json",
        "report-plot",
        "report-md",
        "graphml",
        "gexf",
        "check",
    ],
)
def test_every_command_runs_with_the_network_blocked(
    argv: list[str], tmp_path: Path, no_network: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(corpus=FIXTURES, tmp=tmp_path, expect=EXPECTATIONS) for a in argv]
    code = main(args)
    out, err = capsys.readouterr()
    assert no_network == []
    assert code in (0, 1), err  # check may find an expectation unmet; it must not fail for the network
    assert "network access attempted" not in err
    assert out or any(tmp_path.iterdir())


def test_a_fresh_interpreter_with_the_network_blocked_from_the_start(tmp_path: Path) -> None:
    # imports happen after the guard: a library that phones home at import time is caught too
    script = textwrap.dedent(
        f"""
        import socket, sys
        attempts = []
        real_connect = socket.socket.connect
        def refuse(what):
            attempts.append(what)
            raise OSError("network access attempted: " + what)
        def connect(self, address):
            if self.family in (socket.AF_INET, socket.AF_INET6):
                refuse("connect " + repr(address))
            return real_connect(self, address)
        socket.socket.connect = connect
        socket.create_connection = lambda address, *a, **k: refuse("create " + repr(address))
        socket.getaddrinfo = lambda host, *a, **k: refuse("getaddrinfo " + repr(host))
        from analyzer.cli import main
        codes = [
            main(["report", {str(FIXTURES)!r}, "--format", "json", "-o", {str(tmp_path / "r.json")!r}]),
            main(["graph", {str(FIXTURES)!r}, "-o", {str(tmp_path / "g.json")!r}]),
            main(["claims", {str(FIXTURES)!r}, "--format", "csv", "-o", {str(tmp_path / "c.csv")!r}]),
        ]
        print("codes", codes, "attempts", attempts)
        sys.exit(0 if codes == [0, 0, 0] and not attempts else 1)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "attempts []" in done.stdout
    assert (tmp_path / "r.json").stat().st_size > 1000
