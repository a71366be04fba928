"""Turn the co-mention table into a network of actors, measure it and lay it out.

The nodes are the actors of the register (with their name, type and number of
mentions), the edges the pairs of the co-mention table, weighted by one of its
measures. Everything is deterministic: nodes and edges are added in a fixed
order, measures are sorted with explicit tie-breakers and the layout uses a
fixed seed and rounded coordinates.

>>> import pandas as pd
>>> actors = pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"],
...                        "type": ["person"] * 3, "mentions": [3, 2, 1]})
>>> pairs = pd.DataFrame({"actor_a": ["a", "b"], "actor_b": ["b", "c"], "count": [2, 1],
...                       "pmi": [1.0, 0.5], "dice": [0.8, 0.67], "g2": [3.2, 0.9]})
>>> network_measures(comention_graph(actors, pairs)).values.tolist()
[['b', 2, 3.0, 1.0], ['a', 1, 2.0, 0.0], ['c', 1, 1.0, 0.0]]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["NETWORK_COLUMNS", "WEIGHTS", "comention_graph", "layout", "network_measures"]

#: The measures of the co-mention table that can weight the edges.
WEIGHTS: tuple[str, ...] = ("count", "dice", "pmi", "g2")

#: Columns of :func:`network_measures`.
NETWORK_COLUMNS: tuple[str, ...] = ("actor_id", "degree", "weighted_degree", "betweenness")

#: The seed of :func:`layout`, fixed so that the figure is the same at every build.
LAYOUT_SEED = 20151021


def comention_graph(
    actor_table: pd.DataFrame,
    comention_table: pd.DataFrame,
    *,
    weight: str = "count",
    min_count: int = 1,
    associated_only: bool = False,
) -> nx.Graph:
    """Return the undirected graph of actors joined by their co-mentions.

    ``actor_table`` is a table of :func:`analysis.measures.mentions.actor_table` (columns
    ``id``, ``name``, ``type``, ``mentions``); every actor becomes a node, in
    order of id, with those three as attributes. ``comention_table`` is a table
    of :func:`analysis.measures.comentions.comentions`; each pair mentioned together in
    at least ``min_count`` windows becomes an edge whose ``weight`` is its
    ``weight`` measure (one of :data:`WEIGHTS`) and which also carries the
    count, PMI, Dice and G2 (and the p-value, the ``associated`` flag and the
    evidence, when the table has them). PMI can be negative: a pair may meet
    less often than chance predicts. With ``associated_only`` only the pairs
    that pass the association test (:data:`analysis.measures.comentions.ALPHA`)
    become edges: the network of who is named together more than chance, not
    of who is named most.
    """
    if weight not in WEIGHTS:
        raise ValueError(f"unknown weight '{weight}' (one of {', '.join(WEIGHTS)})")
    graph = nx.Graph(weight=weight)
    for row in actor_table.sort_values("id").itertuples(index=False):
        graph.add_node(row.id, name=row.name, type=row.type, mentions=int(row.mentions))
    pairs = comention_table[comention_table["count"] >= min_count]
    if associated_only:
        pairs = pairs[pairs["associated"]]
    pairs = pairs.sort_values(["actor_a", "actor_b"])
    for row in pairs.to_dict("records"):
        a, b = row["actor_a"], row["actor_b"]
        for actor in (a, b):
            if actor not in graph:
                raise ValueError(
                    f"the co-mention table names actor '{actor}', which is not in the actor table"
                )
        attributes = {m: row[m] for m in WEIGHTS}
        for extra in ("p_value", "associated"):
            if extra in row:
                attributes[extra] = row[extra]
        if "evidence" in row:
            attributes["evidence"] = tuple(row["evidence"])
        graph.add_edge(a, b, weight=float(row[weight]), **attributes)
    return graph


def network_measures(graph: nx.Graph) -> pd.DataFrame:
    """Return each actor's degree, weighted degree and betweenness centrality.

    Columns (:data:`NETWORK_COLUMNS`): ``degree`` (the number of actors it is
    co-mentioned with), ``weighted_degree`` (the sum of the ``weight`` of its
    edges) and ``betweenness`` (the share of shortest paths between other
    actors that pass through it, normalised to 0..1 and rounded to 6 places).
    Betweenness counts steps, not weights: the measures are similarities, not
    distances, and PMI may be negative. Sorted by descending degree, then
    descending weighted degree, then id.
    """
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    rows = [
        {
            "actor_id": node,
            "degree": graph.degree(node),
            "weighted_degree": float(sum(w for _, _, w in graph.edges(node, data="weight"))),
            "betweenness": round(betweenness[node], 6),
        }
        for node in graph.nodes
    ]
    rows.sort(key=lambda r: (-r["degree"], -r["weighted_degree"], r["actor_id"]))
    frame = pd.DataFrame(rows, columns=list(NETWORK_COLUMNS))
    return frame.astype({"degree": "int64", "weighted_degree": "float64", "betweenness": "float64"})


def layout(
    graph: nx.Graph,
    *,
    seed: int = LAYOUT_SEED,
    weight: str | None = "count",
    iterations: int = 200,
    digits: int = 4,
) -> dict[str, tuple[float, float]]:
    """Return a force-directed (Fruchterman-Reingold) position ``(x, y)`` for each actor.

    Edges pull with their ``weight`` attribute (default ``count``; ``None``
    pulls every edge equally), which must not be negative, so the layout of a
    PMI-weighted graph uses the counts unless told otherwise. The result does
    not depend on the order in which nodes and edges were added: they are
    sorted first, the seed is fixed and the coordinates (within -1..1) are
    rounded to ``digits`` places.
    """
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    for a, b in sorted(tuple(sorted(edge)) for edge in graph.edges):
        pull = 1.0 if weight is None else float(graph.edges[a, b][weight])
        if pull < 0:
            raise ValueError(
                f"edge {a}-{b} has negative {weight} {pull}; lay the graph out "
                "by a measure that is never negative"
            )
        ordered.add_edge(a, b, pull=pull)
    positions = nx.spring_layout(ordered, seed=seed, weight="pull", iterations=iterations)
    return {
        node: (round(float(x), digits) + 0.0, round(float(y), digits) + 0.0)
        for node, (x, y) in sorted(positions.items())
    }
