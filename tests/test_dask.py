"""The Dask backend gives the local run's analysis: extraction on the workers, a shuffle on quantity keys."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from analyzer import dask_backend  # noqa: E402
from analyzer.corroborate.core import corroborate  # noqa: E402
from analyzer.corroborate.stories import story_of  # noqa: E402
from analyzer.dask_backend import DaskError, PerQuantityOnDask, analyze_on_dask  # noqa: E402
from analyzer.models import CorpusWarning  # noqa: E402
from analyzer.parallel import Progress  # noqa: E402
from analyzer.pipeline import Gathered, _canonical_speakers, analyze, iter_extracted  # noqa: E402
from analyzer.serialize import analysis_dict, dumps  # noqa: E402
from analyzer.settings import Settings  # noqa: E402
from benchmarks.corpus import FIXTURES, build  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two single-threaded workers in this process: quick to start, and the shuffle is real."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_fixture_analysis_on_dask_equals_the_local_one(client: Any) -> None:
    local = analyze([FIXTURES], Settings(jobs=1))
    reports: list[Progress] = []
    remote = analyze_on_dask([FIXTURES], Settings(dask="local"), client=client, progress=reports.append)
    assert remote == local
    assert dumps(analysis_dict(remote)) == dumps(analysis_dict(local))
    assert [r.stage for r in reports][-3:] == ["resolve", "corroborate", "done"]
    assert reports[-1].documents == len(local.documents)


def test_a_claims_only_run_on_dask_equals_the_local_one(client: Any) -> None:
    local = analyze([FIXTURES], Settings(jobs=1), claims_only=True)
    remote = analyze_on_dask([FIXTURES], Settings(dask="local"), client=client, claims_only=True)
    assert remote == local
    assert remote.conflicts == () and remote.claims


def test_a_claims_only_run_fingerprints_nothing_on_the_workers(client: Any) -> None:
    from analyzer.pipeline import extract_for_claims

    batches = list(dask_backend.iter_partitions(client, [FIXTURES], extract_for_claims))
    extracted = [e for b in batches for e in b.events if not isinstance(e, CorpusWarning)]
    assert extracted and all(len(e.fingerprint) == 0 for e in extracted)


def test_warnings_come_back_in_corpus_order(client: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The port authority said 19 ships were held at anchor.")
    (tmp_path / "b.csv").write_text("x\n")
    lines = [
        json.dumps({"id": "w1", "text": "Rescuers said 31 climbers were brought down."}),
        "{broken",
        json.dumps({"id": "a", "text": "The port authority said 21 ships were held."}),  # a duplicate id
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "d.txt").write_text("   ")
    local = analyze([tmp_path], Settings(jobs=1))
    remote = analyze_on_dask([tmp_path], Settings(dask="local"), client=client)
    assert [str(w) for w in remote.warnings] == [str(w) for w in local.warnings]
    assert len(local.warnings) == 4
    assert remote == local


@pytest.mark.parametrize("partitions", [1, 3, 7])
def test_the_shuffle_on_quantity_keys_gives_the_local_corroboration(
    client: Any, tmp_path: Path, partitions: int
) -> None:
    build(tmp_path / "c", 3)
    gathered = Gathered()
    gathered.add(iter_extracted([tmp_path / "c"], gathered.warn, Settings(jobs=1)))
    stories = story_of(gathered.names)
    claims, statements = _canonical_speakers(
        gathered.claims, gathered.statements, gathered.evidence, Settings(), stories
    )
    arguments: dict[str, Any] = {
        "fingerprints": gathered.fingerprints,
        "published": {s.doc_id: s.published for s in gathered.summaries},
        "outlets": {s.doc_id: s.outlet for s in gathered.summaries},
        "settings": Settings(),
        "stories": stories,
    }
    local = corroborate(claims, statements, **arguments)
    remote = corroborate(claims, statements, **arguments, per_quantity=PerQuantityOnDask(client, partitions))
    assert remote == local
    assert len(local.conflicts) > 3 and len(local.clusters) > 10


def test_a_local_cluster_of_processes_from_settings(tmp_path: Path) -> None:
    """``--dask local``: worker processes import the analyzer and read the files themselves."""
    (tmp_path / "a.txt").write_text("Police said 120 people were detained after the match.")
    (tmp_path / "b.txt").write_text("Organisers said 40 people were detained, far fewer than police said.")
    local = analyze([tmp_path], Settings(jobs=1))
    remote = analyze([tmp_path], Settings(dask="local", jobs=2))
    assert remote == local
    assert [c.value for c in remote.claims] == [120.0, 40.0]


def test_an_unreachable_scheduler_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("Police said 120 people were detained.")
    with pytest.raises(DaskError, match="cannot reach the Dask scheduler"):
        analyze([tmp_path], Settings(dask="tcp://127.0.0.1:9"))


def test_the_pipeline_does_not_import_dask() -> None:
    code = "import sys, analyzer.pipeline, analyzer.parallel; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_warnings_reach_the_callback_as_they_happen(client: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The port authority said 19 ships were held at anchor.")
    (tmp_path / "b.xml").write_text("<x/>")
    seen: list[CorpusWarning] = []
    analysis = analyze_on_dask([tmp_path], Settings(dask="local"), client=client, on_warning=seen.append)
    assert seen == list(analysis.warnings) and len(seen) == 1
