"""What the actors page shows besides its figures, as escaped HTML.

``book/analyses/actors.md`` calls these functions and displays what they
return: the actor table, the text equivalents of the co-mention network and
heatmap, the table of network measures per window, and the actors a heatmap
shows. Names link to the register (:func:`register_link`); the evidence of
each pair of actors is :mod:`analysis.site.pages.pairs`.

Every piece of register or witness text goes through :func:`analysis.site.markup.escape`
(through :mod:`analysis.site.markup`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.site import markup
from analysis.site.pages.register import sort_key

__all__ = [
    "REGISTER_PAGE",
    "actor_table_html",
    "comentioned_ids",
    "edges_text",
    "heatmap_text",
    "network_table",
    "network_table_html",
    "register_link",
]

#: Where the register lies, seen from a page in ``book/analyses/``.
REGISTER_PAGE = "../register.html"

_WINDOW_LABELS = {"sentence": "same sentence", "paragraph": "same paragraph"}


def register_link(actor_id: str, name: str) -> markup.Html:
    """A link from a page in ``book/analyses/`` to the register entry of an actor.

    >>> str(register_link("guzman", "Joaquín <Guzmán>"))
    '<a href="../register.html#actor-guzman">Joaquín &lt;Guzmán&gt;</a>'
    """
    return markup.link(name, f"{REGISTER_PAGE}#actor-{actor_id}")


def _sentence_link(sentence_id: str) -> markup.Html:
    return markup.link(sentence_id, f"{markup.TEXT_PAGE}#{sentence_id}")


def text_forms(mentions: pd.DataFrame) -> dict[str, str]:
    """The forms under which the text names each actor, most frequent first, by actor id.

    >>> surfaces = ["Chapo", "Guzman", "Guzman"]
    >>> text_forms(pd.DataFrame({"actor_id": ["g", "g", "g"], "surface": surfaces}))
    {'g': 'Guzman, Chapo'}
    """
    out: dict[str, str] = {}
    for actor_id, group in mentions.groupby("actor_id", sort=True):
        counts = group["surface"].value_counts()
        forms = sorted(counts.items(), key=lambda t: (-t[1], t[0]))
        out[str(actor_id)] = ", ".join(str(form) for form, _ in forms)
    return out


def actor_table_html(actors: pd.DataFrame, *, mentions: pd.DataFrame | None = None) -> markup.Html:
    """The actor table (:func:`~analysis.measures.mentions.actor_table`), names linked.

    With ``mentions`` (:func:`~analysis.measures.mentions.find_mentions`), a column
    gives the forms the text uses, so that the table's search finds "Chapo" too.
    """
    frame = actors.assign(actor=list(zip(actors["id"], actors["name"], strict=True)))
    forms: dict[str, str] = {}
    if mentions is not None:
        forms = text_forms(mentions)
        frame = frame.assign(forms=[forms.get(i, "\u2013") for i in frame["id"]])
    return markup.data_table(
        frame,
        name="actors",
        caption="The actors of the register, most mentioned first",
        columns={
            "actor": "actor",
            **({"forms": "forms in the text"} if mentions is not None else {}),
            "type": "type",
            "mentions": "mentions",
            "sentences": "sentences",
            "paragraphs": "paragraphs",
            "first_mention": "first mention",
        },
        cells={
            "actor": lambda v: register_link(*v),
            "first_mention": lambda v: _sentence_link(v) if v else "\u2013",
        },
        searchable=True,
    )


def _names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["id"], actors["name"], strict=True))


def edges_text(
    actors: pd.DataFrame, comention_tables: Mapping[str, pd.DataFrame], *, name: str
) -> markup.Html:
    """The text equivalent of the co-mention network: every pair in every window.

    With each pair's count, the count chance predicts, the association
    measures, the p-value of G2 and whether the pair is associated.
    The table of each window is a panel of a deferred chooser
    (:func:`analysis.site.markup.chooser`): the site loads it when a reader
    chooses or filters, so that the page stays light.
    """
    names = _names(actors)
    columns = {
        "a": "actor",
        "b": "actor",
        "count": "windows with both",
        "expected": "expected",
        "dice": "Dice",
        "pmi": "PMI",
        "g2": "G2",
        "p_value": "p",
        "associated": "associated",
    }
    panels = []
    for window, table in comention_tables.items():
        label = _WINDOW_LABELS.get(window, window)
        frame = pd.DataFrame(
            [
                {
                    "a": (r["actor_a"], names[r["actor_a"]]),
                    "b": (r["actor_b"], names[r["actor_b"]]),
                    **{c: r[c] for c in ("count", "expected", "dice", "pmi", "g2", "p_value")},
                    "associated": "yes" if r["associated"] else "no",
                }
                for r in table.to_dict("records")
            ],
            columns=list(columns),
        )
        panels.append(
            (
                window,
                f"{label} ({len(frame)} pairs)",
                markup.data_table(
                    frame,
                    name=f"{name}-{window}-data",
                    caption=f"Pairs of actors mentioned together: {label}",
                    columns=columns,
                    cells={"a": lambda v: register_link(*v), "b": lambda v: register_link(*v)},
                ),
            )
        )
    total = sum(len(t) for t in comention_tables.values())
    return markup.details(
        f"The data of this figure as tables ({total} rows)",
        markup.chooser(f"{name}-pairs", "Window:", panels, deferred=True),
    )


def heatmap_text(
    actors: pd.DataFrame,
    matrix: pd.DataFrame,
    *,
    name: str,
    value_label: str = "sentences with both",
) -> markup.Html:
    """The text equivalent of a co-mention heatmap: its non-empty cells, each pair once."""
    names = _names(actors)
    ids = list(matrix.index)
    rows = [
        {"a": (a, names[a]), "b": (b, names[b]), "value": matrix.loc[a, b]}
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if pd.notna(matrix.loc[a, b]) and matrix.loc[a, b] != 0
    ]
    rows.sort(key=lambda r: (-r["value"], sort_key(r["a"][1]), sort_key(r["b"][1])))
    return markup.figure_text(
        pd.DataFrame(rows, columns=["a", "b", "value"]),
        name=name,
        caption=f"Pairs of actors in the heatmap: {value_label}",
        columns={"a": "actor", "b": "actor", "value": value_label},
        cells={"a": lambda v: register_link(*v), "b": lambda v: register_link(*v)},
    )


def comentioned_ids(
    actors: pd.DataFrame, comention_table: pd.DataFrame, *, min_mentions: int = 1
) -> list[str]:
    """The ids of the actors with a pair in the table and ``min_mentions`` mentions or more.

    In the order of ``actors`` (:func:`analysis.measures.mentions.actor_table`).

    >>> a = pd.DataFrame({"id": ["x", "y", "z"], "mentions": [5, 3, 1]})
    >>> t = pd.DataFrame({"actor_a": ["y", "x"], "actor_b": ["z", "z"]})
    >>> comentioned_ids(a, t), comentioned_ids(a, t, min_mentions=2)
    (['x', 'y', 'z'], ['x', 'y'])
    """
    paired = set(comention_table["actor_a"]) | set(comention_table["actor_b"])
    return [
        i
        for i, n in zip(actors["id"], actors["mentions"], strict=True)
        if i in paired and n >= min_mentions
    ]


def network_table(actors: pd.DataFrame, measures: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per actor: its type, mentions and network measures in each window.

    ``measures`` maps a window to :func:`analysis.measures.network.network_measures`;
    the columns ``degree``, ``weighted_degree`` and ``betweenness`` are
    suffixed with the window (``degree_sentence``). Rows keep the order of the
    actor table.
    """
    frame = actors[["id", "name", "type", "mentions"]].copy()
    for window, table in measures.items():
        renamed = table.rename(
            columns={c: f"{c}_{window}" for c in table.columns if c != "actor_id"}
        )
        frame = frame.merge(
            renamed, left_on="id", right_on="actor_id", how="left", validate="one_to_one"
        ).drop(columns="actor_id")
    return frame


def network_table_html(table: pd.DataFrame, *, windows: Sequence[str]) -> markup.Html:
    """The table of :func:`network_table`, one panel per window chosen with a ``<select>``.

    Each panel lists the actors by decreasing degree, then weighted degree,
    then name, their names linked to the register; a weighted degree that is
    a whole number (a sum of counts) is shown as one.
    """
    frame = table.assign(actor=list(zip(table["id"], table["name"], strict=True)))
    options = []
    for window in windows:
        label = _WINDOW_LABELS.get(window, window)
        degree, weighted, between = (
            f"{c}_{window}" for c in ("degree", "weighted_degree", "betweenness")
        )
        panel = frame.assign(_key=[sort_key(n) for n in frame["name"]]).sort_values(
            [degree, weighted, "_key", "id"], ascending=[False, False, True, True]
        )
        whole = bool((panel[weighted] % 1 == 0).all())
        options.append(
            (
                window,
                label,
                markup.data_table(
                    panel,
                    name=f"network-measures-{window}",
                    searchable=True,
                    caption=f"Network measures of each actor, window: {label}",
                    columns={
                        "actor": "actor",
                        "type": "type",
                        "mentions": "mentions",
                        degree: "degree",
                        weighted: "weighted degree",
                        between: "betweenness",
                    },
                    cells={
                        "actor": lambda v: register_link(*v),
                        weighted: (lambda v: f"{v:.0f}") if whole else (lambda v: f"{v:.3f}"),
                        between: lambda v: f"{v:.3f}",
                    },
                ),
            )
        )
    return markup.chooser("network-measures", "Window:", options)
