"""One claim across documents: who carries it, and how many independent origins stand behind it.

A cluster is one speaker's compatible figures for one quantity. Its
``origins`` are where each copy of the claim comes from: the source the text
credits last in ``via`` (three outlets citing Reuters are one origin), else
the outlet of the document it was copied from, else its own outlet.
Corroboration counts origins, not pages.

>>> from analyzer.models import Claim
>>> claims = [Claim(f"c{i}", f"d{i}", 87.0, "", 0, 0, speaker="Police", quantity_key="dead", outlet=o, via=v)
...           for i, (o, v) in enumerate([("Daily", ("Reuters",)), ("Herald", ("Reuters",)), ("Post", ())])]
>>> [(c.outlets, c.origins, c.independent_sources) for c in build_clusters(claims, {})]
[(('Daily', 'Herald', 'Post'), ('Post', 'Reuters'), 2)]
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from analyzer.corroborate.conflicts import interval
from analyzer.models import Claim, Cluster, Statement
from analyzer.native import register_records

_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")
_NOT_AN_ORIGIN = re.compile(r"^[^A-Z]*$")  # "reports", "local media": nobody in particular


@dataclass(frozen=True, slots=True)
class StatementCluster:
    """One speaker's statement (a quote or its rewrite) carried by several documents."""

    cluster_id: str
    quantity_key: str
    speaker: str
    statement_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    origins: tuple[str, ...] = ()


def _normal(name: str) -> str:
    """One spelling per outlet: case, a leading "the" and punctuation do not make a new origin."""
    name = re.sub(r"^the\s+", "", name.strip().casefold())
    return re.sub(r"[^\w]+", " ", name).strip()


def origin_of(
    doc_id: str,
    via: Sequence[str],
    outlet: str | None,
    copy_origin: Mapping[str, str],
    outlets_of_doc: Mapping[str, str | None],
) -> str:
    """Where a report comes from: the farthest named source it credits, else the outlet it was copied from.

    >>> origin_of("d2", (), "Echo", {"d2": "d1"}, {"d1": "Wire Daily", "d2": "Echo"})
    'Wire Daily'
    >>> origin_of("d2", ("NBC News",), "Echo", {}, {})
    'NBC News'
    """
    named = [v for v in via if not _NOT_AN_ORIGIN.match(v)]
    if named:
        return named[-1]
    source = copy_origin.get(doc_id, doc_id)
    if source != doc_id:
        return outlets_of_doc.get(source) or source
    return outlet or outlets_of_doc.get(doc_id) or doc_id


def _origins(names: Sequence[str]) -> tuple[str, ...]:
    """Distinct origins, each under its most used spelling."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        spellings[_normal(name)][name] += 1
    return tuple(sorted(min(c.items(), key=lambda nk: (-nk[1], nk[0]))[0] for c in spellings.values()))


def _digest(prefix: str, ids: Sequence[str]) -> str:
    return prefix + hashlib.blake2b("\x1f".join(sorted(ids)).encode(), digest_size=5).hexdigest()


def _compatible_groups(claims: list[Claim], tolerance: Mapping[str, float]) -> list[list[Claim]]:
    """Split one speaker's figures into groups that can all hold together.

    Intervals that pairwise meet share a point, so sorting by upper end and
    opening a group at the first upper end not yet covered gives the fewest groups.
    """
    spans = sorted(
        ((*interval(c, **tolerance), c) for c in claims), key=lambda t: (t[1], t[0], t[2].claim_id)
    )
    groups: list[list[Claim]] = []
    point = None
    for low, high, claim in spans:
        if point is None or low > point:
            groups.append([])
            point = high
        groups[-1].append(claim)
    return groups


def build_clusters(
    claims: Sequence[Claim],
    copy_origin: Mapping[str, str],
    outlets_of_doc: Mapping[str, str | None] | None = None,
    *,
    relative_tolerance: float = 0.05,
    approximate_tolerance: float = 0.10,
) -> tuple[Cluster, ...]:
    """Clusters of (quantity, speaker, compatible figure), sorted by quantity, speaker and value.

    Claims with an empty ``quantity_key`` are skipped; denied and hedged
    figures are not asserted, so they corroborate nothing.
    """
    outlets_of_doc = outlets_of_doc or {}
    tolerance = {"relative_tolerance": relative_tolerance, "approximate_tolerance": approximate_tolerance}
    by_speaker: dict[tuple[str, str, str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity_key and claim.stance in ("asserts", "confirms"):
            by_speaker[(claim.quantity_key, claim.speaker or "", claim.unit, claim.per)].append(claim)
    clusters = []
    for (key, speaker, _, _), group in sorted(
        by_speaker.items(), key=lambda kv: tuple(x or "" for x in kv[0])
    ):
        for members in _compatible_groups(group, tolerance):
            ids = tuple(sorted(c.claim_id for c in members))
            outlets = sorted({o for c in members if (o := c.outlet or outlets_of_doc.get(c.doc_id))})
            origins = _origins(
                [origin_of(c.doc_id, c.via, c.outlet, copy_origin, outlets_of_doc) for c in members]
            )
            value = min(Counter(c.value for c in members).items(), key=lambda vk: (-vk[1], vk[0]))[0]
            clusters.append(
                Cluster(
                    _digest("k-", ids),
                    key,
                    speaker or None,
                    value,
                    ids,
                    tuple(outlets),
                    len(origins),
                    origins,
                )
            )
    return tuple(sorted(clusters, key=lambda c: (c.quantity_key, c.speaker or "", c.value, c.cluster_id)))


def quote_text(sentence: str) -> str:
    """The words a speaker is quoted as saying, else the whole sentence.

    >>> quote_text('She said: "We will rebuild every house," on Monday.')
    'We will rebuild every house,'
    """
    quoted = _QUOTED.findall(sentence)
    return " ".join(quoted) if quoted else sentence


def same_quote(a: str, b: str, *, similarity: float = 80.0) -> bool:
    """Two renderings of one quote: a translation or rewrite that changed a few words.

    >>> same_quote("We will not leave until the last family is safe",
    ...            "We won't leave until the last family is safe")
    True
    """
    return fuzz.token_set_ratio(quote_text(a), quote_text(b), processor=_lower) >= similarity


def _lower(text: str) -> str:
    return re.sub(r"[^\w\s]+", " ", text.lower())


def _quote_groups(block: list[Statement], similarity: float) -> list[list[Statement]]:
    """Statements linked by matching quotes (union-find over the pairs of one small block).

    Statements that quote the same words are one node: a quote matches itself, so merging them
    first changes no group, and a quote syndicated to a hundred pages costs one comparison, not
    five thousand.
    """
    node_of: dict[str | int, int] = {}
    texts: list[str] = []
    nodes = []
    for k, statement in enumerate(block):
        text = _lower(quote_text(statement.sentence))
        # a text with no words matches nothing, not even itself
        key: str | int = text if fuzz.token_set_ratio(text, text) >= similarity else k
        if key not in node_of:
            node_of[key] = len(texts)
            texts.append(text)
        nodes.append(node_of[key])
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    components = len(texts)
    for i in range(len(texts)):
        if components == 1:
            break  # all linked already: no pair left to compare
        for j in range(i + 1, len(texts)):
            if find(i) != find(j) and fuzz.token_set_ratio(texts[i], texts[j]) >= similarity:
                parent[find(j)] = find(i)
                components -= 1
    groups: dict[int, list[Statement]] = defaultdict(list)
    for node, statement in zip(nodes, block, strict=True):
        groups[find(node)].append(statement)
    return list(groups.values())


def cluster_statements(
    statements: Sequence[Statement],
    copy_origin: Mapping[str, str],
    outlets_of_doc: Mapping[str, str | None] | None = None,
    *,
    similarity: float = 80.0,
) -> tuple[StatementCluster, ...]:
    """The same statement of one speaker across documents, matched by its quoted words.

    Only statements with one speaker and one quantity are compared, so the
    comparison stays within small blocks.
    """
    outlets_of_doc = outlets_of_doc or {}
    blocks: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for statement in statements:
        blocks[(statement.quantity_key, statement.speaker)].append(statement)
    clusters = []
    for (key, speaker), block in sorted(blocks.items()):
        block.sort(key=lambda s: s.statement_id)
        for members in _quote_groups(block, similarity):
            ids = tuple(s.statement_id for s in members)
            outlets = sorted({o for s in members if (o := s.outlet or outlets_of_doc.get(s.doc_id))})
            origins = _origins(
                [origin_of(s.doc_id, s.via, s.outlet, copy_origin, outlets_of_doc) for s in members]
            )
            clusters.append(
                StatementCluster(_digest("q-", ids), key, speaker, ids, tuple(outlets), len(origins), origins)
            )
    return tuple(sorted(clusters, key=lambda c: (c.quantity_key, c.speaker, c.statement_ids)))


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
