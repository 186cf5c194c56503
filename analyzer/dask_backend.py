"""Corpora beyond one machine: extraction on a Dask cluster, corroboration grouped by a shuffle on quantity keys.

``analyze(paths, Settings(dask="tcp://scheduler:8786"))`` (or ``dask="local"`` for a LocalCluster
with one worker process per core, or ``--jobs``) gives the same :class:`~analyzer.models.Analysis`
as a local run. Dask is an optional extra (``pip install 'analyzer[dask]'``) imported only here.

How the work is split:

1. **Extraction, on the workers.** The client plans the corpus exactly as a local run does
   (:func:`analyzer.parallel.plan`: page files, runs of JSONL lines, runs of Parquet rows, found by
   walking the folders and counting lines, never by reading a document) into partitions of about
   :data:`PARTITION_BYTES`. Each partition is read, cleaned and extracted on a worker by the very
   function the local pool runs (:func:`analyzer.parallel.run_task`), and only the reduced records
   come back: claims, statements, a shingle fingerprint, the sentences that define names, the salient
   names and the document summary, plus warnings; never the texts. At most a few partitions per
   worker thread are in flight, and the client takes the results in corpus order into the same
   :class:`~analyzer.pipeline.Gathered` a local run fills, so warnings and duplicate ids come out
   the same.
2. **Corpus-wide decisions, on the client.** One canonical name per actor, which documents tell one
   story, which documents copy which, which claims measure the same quantity, and how reliable each
   source is across all quantities (the verdicts) all need every claim at once. They run once on the gathered records (each of them grows near-linearly with the
   corpus); this, and holding the claims, is what bounds a run by the client's memory.
3. **Everything per quantity, on the workers.** Clusters (quantity, speaker, compatible figure),
   conflicts, timelines and statement clusters each look at one quantity key at a time. The keyed
   claims and statements go back to the cluster as a Dask DataFrame of (``quantity_key``, position,
   payload), the payload being the pickled record with the copy origin and outlets of its document,
   and a shuffle on ``quantity_key`` puts every quantity whole into one partition. The builders of
   :mod:`analyzer.corroborate` run on each partition, with the records in their corpus order, and
   the records they build come back and are put in the order the builders give them (quantity key
   first). The result equals :func:`analyzer.corroborate.core.corroborate`'s; the test suite checks
   it against a LocalCluster.

Paths must name the same files on every worker: a LocalCluster shares the client's working folder;
for a remote scheduler relative paths are made absolute, and the files must be on a shared file
system.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import fields, replace
from functools import partial
from typing import Any

from analyzer.corroborate.clusters import StatementCluster
from analyzer.corroborate.core import PerQuantity, build_per_quantity
from analyzer.errors import AnalyzerError
from analyzer.models import Analysis, Claim, Cluster, Conflict, CorpusWarning, Document, Statement, Timeline
from analyzer.parallel import (
    Batch,
    Progress,
    Task,
    WorkerError,
    corpus_bytes,
    in_order,
    plan,
    run_task,
    worker_count,
)
from analyzer.pipeline import Extracted, Gathered, Meter, PathLike, extract_for_claims, extract_one, finish
from analyzer.settings import Settings

LOGGER = logging.getLogger(__name__)

PARTITION_BYTES = 256 * 1024  # input bytes per extraction partition: ~0.5 s of work, ~1 ms of Dask overhead
PARTITION_DOCS = 256
CONNECT_TIMEOUT = "20s"  # to reach a remote scheduler
IN_FLIGHT_PER_THREAD = 3  # extraction partitions submitted ahead, per worker thread
_CONFLICT_ORDER = {kind: i for i, kind in enumerate(("disagreement", "revision", "scope", "denial"))}
_KINDS = tuple(f.name for f in fields(PerQuantity))  # "clusters", "conflicts", ...


class DaskError(AnalyzerError):
    """Dask is not installed, or the scheduler cannot be reached."""


def analyze_on_dask(
    paths: Sequence[PathLike],
    settings: Settings,
    *,
    on_warning: Callable[[CorpusWarning], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
    client: Any = None,
    claims_only: bool = False,
) -> Analysis:
    """:func:`analyzer.pipeline.analyze` on a Dask cluster: ``client`` if given, else the scheduler
    at ``settings.dask`` (``local``: a LocalCluster started and stopped for this run)."""
    with _connected(settings, client) as dask_client:
        if settings.dask and settings.dask != "local" and client is None:
            paths = [os.path.abspath(p) for p in paths]
        meter = Meter(progress, corpus_bytes(paths) if progress is not None else None)
        gathered = Gathered(on_warning)
        extract = extract_for_claims if claims_only else extract_one
        with closing(iter_partitions(dask_client, paths, extract)) as batches:
            for batch in batches:
                gathered.add(batch.events)
                meter.extracted(batch.size, len(gathered.summaries), len(gathered.claims))
        return finish(gathered, settings, meter, PerQuantityOnDask(dask_client), claims_only=claims_only)


@contextmanager
def _connected(settings: Settings, client: Any) -> Iterator[Any]:
    if client is not None:
        yield client
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("--dask", "needs Dask: pip install 'analyzer[dask]'") from None
    address = settings.dask or "local"
    if address == "local":
        workers = worker_count(settings.jobs)
        LOGGER.info("starting a LocalCluster of %d worker processes", workers)
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster,
            Client(cluster) as local,
        ):
            LOGGER.info("Dask dashboard at %s", local.dashboard_link)
            yield local
        return
    try:
        remote = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskError(address, f"cannot reach the Dask scheduler: {exc}") from None
    with remote:
        yield remote


# ------------------------------------------------------------------------------------------ extraction


def iter_partitions(
    client: Any, paths: Sequence[PathLike], extract: Callable[[Document], Extracted] = extract_one
) -> Generator[Batch[Extracted], None, None]:
    """Extract the corpus on the cluster's workers, a few partitions per thread in flight, in corpus order.

    ``extract`` is a module-level function (:func:`analyzer.pipeline.extract_one`, or
    :func:`analyzer.pipeline.extract_for_claims` for a run that only lists claims)."""
    items = plan(paths, batch_bytes=PARTITION_BYTES, batch_docs=PARTITION_DOCS)
    window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
    return in_order(items, partial(_submit, client, extract), _result, window=window, abandon=_cancel)


def _result(future: Any) -> list[Extracted | CorpusWarning]:
    from distributed import KilledWorker

    try:
        events: list[Extracted | CorpusWarning] = future.result()
    except KilledWorker as exc:
        raise WorkerError("dask", f"a partition killed its workers ({exc})") from exc
    finally:
        future.release()
    return events


def _cancel(future: Any) -> None:
    future.cancel()


def _submit(client: Any, extract: Callable[[Document], Extracted], task: Task) -> Any:
    return client.submit(run_task, task, extract, pure=False)


# ------------------------------------------------------------------------------------------ corroboration


class PerQuantityOnDask:
    """:func:`analyzer.corroborate.core.build_per_quantity` run on the cluster, one shuffle partition
    of whole quantities at a time; pass it as ``per_quantity`` to
    :func:`analyzer.corroborate.core.corroborate`."""

    def __init__(self, client: Any, partitions: int | None = None) -> None:
        self.client = client
        self.partitions = partitions

    def __call__(
        self,
        claims: Sequence[Claim],
        statements: Sequence[Statement],
        origin: Mapping[str, str],
        outlets: Mapping[str, str | None],
        settings: Settings,
    ) -> PerQuantity:
        frame = _records_frame(claims, statements, origin, outlets)
        threads = max(1, sum(self.client.nthreads().values()))
        keys = len({c.quantity_key for c in claims} | {s.quantity_key for s in statements})
        partitions = self.partitions or max(1, min(keys, 2 * threads))
        LOGGER.info("building %d quantities on %d partitions", keys, partitions)
        built = _per_quantity_on_cluster(self.client, frame, partitions, settings)
        return _merge(built)


def _records_frame(
    keyed: Sequence[Claim],
    stated: Sequence[Statement],
    origin: Mapping[str, str],
    outlets: Mapping[str, str | None],
) -> Any:
    """One row per claim and statement: its quantity key, its corpus position, and the pickled record
    with what the builders need to know of its document (the copy origin and the outlets)."""
    import pandas as pd
    import pyarrow as pa

    keys: list[str] = []
    payloads: list[bytes] = []
    records: list[Claim | Statement] = [*keyed, *stated]
    for record in records:
        source = origin.get(record.doc_id, record.doc_id)
        context = (source, outlets.get(record.doc_id), outlets.get(source))
        keys.append(record.quantity_key)
        payloads.append(pickle.dumps((record, context), protocol=pickle.HIGHEST_PROTOCOL))
    return pd.DataFrame(
        {
            "quantity_key": pd.Series(keys, dtype="string"),
            "position": pd.Series(range(len(keys)), dtype="int64"),
            "payload": pd.Series(payloads, dtype=pd.ArrowDtype(pa.binary())),
        }
    )


def _result_meta() -> Any:
    import pandas as pd
    import pyarrow as pa

    return pd.DataFrame(
        {
            "kind": pd.Series([], dtype="string"),
            "payload": pd.Series([], dtype=pd.ArrowDtype(pa.binary())),
        }
    )


def _per_quantity_on_cluster(client: Any, frame: Any, partitions: int, settings: Settings) -> Any:
    """Shuffle the records on ``quantity_key`` and build each partition's quantities on the workers."""
    import dask.dataframe as dd

    knobs = replace(settings, aliases=())  # the builders read thresholds only: ship no name tables
    records = dd.from_pandas(frame, npartitions=max(1, min(partitions, len(frame) or 1)))
    grouped = records.shuffle("quantity_key", npartitions=partitions)
    built = grouped.map_partitions(build_partition, knobs, meta=_result_meta())
    return client.compute(built).result()


def build_partition(part: Any, settings: Settings) -> Any:
    """The clusters, conflicts, timelines and statement clusters of the whole quantities in ``part``."""
    import pandas as pd
    import pyarrow as pa

    claims: list[Claim] = []
    statements: list[Statement] = []
    origin: dict[str, str] = {}
    outlets: dict[str, str | None] = {}
    for payload in part.sort_values("position")["payload"]:
        record, (source, outlet, source_outlet) = pickle.loads(payload)
        (claims if isinstance(record, Claim) else statements).append(record)
        origin[record.doc_id] = source
        outlets[record.doc_id] = outlet
        outlets.setdefault(source, source_outlet)
    result = build_per_quantity(claims, statements, origin, outlets, settings)
    built = [(kind, record) for kind in _KINDS for record in getattr(result, kind)]
    return pd.DataFrame(
        {
            "kind": pd.Series([k for k, _ in built], dtype="string"),
            "payload": pd.Series(
                [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for _, r in built],
                dtype=pd.ArrowDtype(pa.binary()),
            ),
        }
    )


def _merge(built: Any) -> PerQuantity:
    """The partitions' records in the order the builders give them over the whole corpus."""
    by_kind: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
    for kind, payload in zip(built["kind"], built["payload"], strict=True):
        by_kind[str(kind)].append(pickle.loads(payload))
    clusters: list[Cluster] = by_kind["clusters"]
    conflicts: list[Conflict] = by_kind["conflicts"]
    timelines: list[Timeline] = by_kind["timelines"]
    statement_clusters: list[StatementCluster] = by_kind["statement_clusters"]
    clusters.sort(key=lambda c: (c.quantity_key, c.speaker or "", c.value, c.cluster_id))
    conflicts.sort(key=lambda c: (c.quantity_key, _CONFLICT_ORDER[c.kind], c.conflict_id))
    timelines.sort(key=lambda t: t.quantity_key)
    statement_clusters.sort(key=lambda c: (c.quantity_key, c.speaker, c.statement_ids))
    return PerQuantity(tuple(clusters), tuple(conflicts), tuple(timelines), tuple(statement_clusters))
