"""What the register of actors and the actors page show, computed and escaped.

Three concerns of the pages about actors, kept out of the pages themselves:

* :func:`text_pieces` cuts a stretch of the reading text at apparatus marks and
  around actor mentions, so that the ``{edition-text}`` directive can mark
  both without losing or repeating a character;
* :func:`register_groups` gathers, for every actor of the register, the forms
  under which the text names it, every sentence that mentions it and the
  actors mentioned with it; the ``{edition-register}`` directive shows them;
* the remaining functions return escaped :class:`~analysis.markup.Html`
  fragments for ``book/analyses/actors.md``: the actor table, the evidence of
  each pair of actors, the network measures, the text equivalents of the
  figures and keyboard controls that mirror a figure's menus.

Every piece of register or witness text goes through :func:`html.escape`
(directly or through :mod:`analysis.markup`).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pandas as pd

from . import markup
from .edition import Edition, Sentence
from .register import ACTOR_TYPES, Actor, Register

__all__ = [
    "REGISTER_PAGE",
    "TYPE_PLURALS",
    "Piece",
    "RegisterEntry",
    "actor_table_html",
    "comentioned_actors",
    "comentioned_ids",
    "edges_text",
    "heatmap_text",
    "network_table",
    "network_table_html",
    "pair_evidence",
    "register_groups",
    "register_link",
    "sort_key",
    "text_pieces",
]

#: Where the register lies, seen from a page in ``book/analyses/``.
REGISTER_PAGE = "../register.html"

#: Headings of the register's groups, one per type of actor.
TYPE_PLURALS: dict[str, str] = {
    "person": "Persons",
    "organisation": "Organisations",
    "place": "Places",
    "group": "Groups",
}

_WINDOW_LABELS = {"sentence": "same sentence", "paragraph": "same paragraph"}


# --- cutting the reading text ------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A stretch ``[start, end)`` of a text, or a point mark placed at ``start``.

    A text piece has ``mark`` None and carries in ``span`` the payload of the
    span (a mention) that covers it, or None. A mark piece has ``start ==
    end`` and its payload in ``mark``.
    """

    start: int
    end: int
    span: Any = None
    mark: Any = None


def text_pieces(
    start: int,
    end: int,
    *,
    points: Iterable[tuple[int, Any]] = (),
    spans: Iterable[tuple[int, int, Any]] = (),
) -> list[Piece]:
    """Cut ``[start, end)`` at every point and span boundary, in text order.

    ``points`` are ``(offset, payload)`` marks inside ``[start, end]`` (others
    are ignored), kept in the given order where they share an offset and
    placed before the text that begins there. ``spans`` are ``(a, b,
    payload)``; a span reaching outside ``[start, end)`` is clipped to it, so
    a mention that crossed a sentence boundary would be split in two, and a
    mark inside a span splits it around the mark. Spans must not overlap.

    >>> pieces = text_pieces(0, 10, points=[(4, "a1")], spans=[(2, 6, "x")])
    >>> [(p.start, p.end, p.span or p.mark or "") for p in pieces]
    [(0, 2, ''), (2, 4, 'x'), (4, 4, 'a1'), (4, 6, 'x'), (6, 10, '')]
    """
    marks = [(o, m) for o, m in points if start <= o <= end]
    clipped = sorted(
        ((max(a, start), min(b, end), s) for a, b, s in spans if a < end and b > start and a < b),
        key=lambda t: (t[0], t[1]),
    )
    for (_, b1, _), (a2, _, _) in pairwise(clipped):
        if a2 < b1:
            raise ValueError(f"spans overlap at offset {a2}")
    cuts = sorted({start, end} | {o for o, _ in marks} | {x for a, b, _ in clipped for x in (a, b)})
    out: list[Piece] = []
    for k, cut in enumerate(cuts):
        out.extend(Piece(cut, cut, mark=m) for o, m in marks if o == cut)
        if k + 1 < len(cuts):
            following = cuts[k + 1]
            cover = next((s for a, b, s in clipped if a <= cut and following <= b), None)
            out.append(Piece(cut, following, span=cover))
    return out


# --- the register ----------------------------------------------------------------


@dataclass(frozen=True)
class RegisterEntry:
    """An actor of the register with what the reading text says of it.

    ``forms``: each surface form as it stands in the text, with its number of
    mentions (most frequent first, then by form). ``mentions``: each sentence
    that mentions the actor, in reading order, with its number of mentions
    there. ``comentioned``: the actors mentioned in the same sentence, with
    the number of such sentences (most first, then by name).
    """

    actor: Actor
    forms: tuple[tuple[str, int], ...]
    mentions: tuple[tuple[str, int], ...]
    comentioned: tuple[tuple[Actor, int], ...]

    @property
    def count(self) -> int:
        """The number of mentions of the actor."""
        return sum(n for _, n in self.mentions)


def sort_key(name: str) -> str:
    """The key that orders names in the register: no diacritics, case or leading "The".

    >>> sorted(["Mexico", "The Americas", "Ávila"], key=sort_key)
    ['The Americas', 'Ávila', 'Mexico']
    """
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()
    return plain.removeprefix("the ")


def comentioned_actors(comention_table: pd.DataFrame, actor_id: str) -> list[tuple[str, int]]:
    """The actors paired with ``actor_id`` in a co-mention table, with the pair's count."""
    table = comention_table
    rows = table[(table["actor_a"] == actor_id) | (table["actor_b"] == actor_id)]
    return [
        (b if a == actor_id else a, int(n))
        for a, b, n in zip(rows["actor_a"], rows["actor_b"], rows["count"], strict=True)
    ]


def register_groups(
    register: Register, mentions: pd.DataFrame, comention_table: pd.DataFrame
) -> list[tuple[str, list[RegisterEntry]]]:
    """The register's entries grouped by type, in the order of :data:`ACTOR_TYPES`.

    ``mentions`` is :func:`analysis.actors.find_mentions` (in reading order);
    ``comention_table`` is :func:`analysis.comentions.comentions` for the
    window whose partners the register lists (the sentence). Within a group
    the entries are in the order of :func:`sort_key` of the standard name,
    then name, then id. Types without an actor are left out.
    """
    by_id = {a.id: a for a in register}
    groups: list[tuple[str, list[RegisterEntry]]] = []
    for kind in ACTOR_TYPES:
        entries = []
        for actor in sorted(
            (a for a in register if a.type == kind), key=lambda a: (sort_key(a.name), a.name, a.id)
        ):
            own = mentions[mentions["actor_id"] == actor.id]
            forms = sorted(Counter(own["surface"]).items(), key=lambda t: (-t[1], t[0]))
            per_sentence = Counter(own["sentence_id"])  # keeps first-seen (reading) order
            partners = sorted(
                ((by_id[other], n) for other, n in comentioned_actors(comention_table, actor.id)),
                key=lambda t: (-t[1], sort_key(t[0].name), t[0].id),
            )
            entries.append(
                RegisterEntry(
                    actor=actor,
                    forms=tuple(forms),
                    mentions=tuple(per_sentence.items()),
                    comentioned=tuple(partners),
                )
            )
        if entries:
            groups.append((kind, entries))
    return groups


# --- the actors page ---------------------------------------------------------------


def register_link(actor_id: str, name: str) -> markup.Html:
    """A link from a page in ``book/analyses/`` to the register entry of an actor.

    >>> str(register_link("guzman", "Joaquín <Guzmán>"))
    '<a href="../register.html#actor-guzman">Joaquín &lt;Guzmán&gt;</a>'
    """
    return markup.link(name, f"{REGISTER_PAGE}#actor-{actor_id}")


def _sentence_link(sentence_id: str) -> markup.Html:
    return markup.link(sentence_id, f"{markup.TEXT_PAGE}#{sentence_id}")


def actor_table_html(actors: pd.DataFrame) -> markup.Html:
    """The actor table (:func:`analysis.actors.actor_table`), searchable, names linked."""
    frame = actors.assign(actor=list(zip(actors["id"], actors["name"], strict=True)))
    return markup.data_table(
        frame,
        name="actors",
        caption="The actors of the register, most mentioned first",
        columns={
            "actor": "actor",
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
    """The text equivalent of the co-mention network: every pair in every window."""
    names = _names(actors)
    rows = [
        {
            "a": (r["actor_a"], names[r["actor_a"]]),
            "b": (r["actor_b"], names[r["actor_b"]]),
            "window": _WINDOW_LABELS.get(window, window),
            "count": r["count"],
            "dice": r["dice"],
            "pmi": r["pmi"],
            "g2": r["g2"],
        }
        for window, table in comention_tables.items()
        for r in table.to_dict("records")
    ]
    return markup.figure_text(
        pd.DataFrame(rows, columns=["a", "b", "window", "count", "dice", "pmi", "g2"]),
        name=name,
        caption="Pairs of actors mentioned together, by window",
        columns={
            "a": "actor",
            "b": "actor",
            "window": "window",
            "count": "windows with both",
            "dice": "Dice",
            "pmi": "PMI",
            "g2": "G2",
        },
        cells={"a": lambda v: register_link(*v), "b": lambda v: register_link(*v)},
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

    In the order of ``actors`` (:func:`analysis.actors.actor_table`).

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

    ``measures`` maps a window to :func:`analysis.network.network_measures`;
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


def _marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped, with the given character spans inside ``<mark>``."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out += [html.escape(text[pos:a]), f"<mark>{html.escape(text[a:b])}</mark>"]
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _quote(sentence: Sentence, spans: Iterable[tuple[int, int]]) -> str:
    """One evidence sentence: its id, linked to the text, and its words, quoted exactly.

    ``spans`` are paragraph offsets of the mentions to mark.
    """
    inside = [(a - sentence.start, b - sentence.start) for a, b in spans]
    return f"<li>{_sentence_link(sentence.id).text} <q>{_marked(sentence.text, inside)}</q></li>"


def pair_evidence(
    edition: Edition,
    actors: pd.DataFrame,
    mentions: pd.DataFrame,
    comention_tables: Mapping[str, pd.DataFrame],
    *,
    name: str = "actor-pair",
) -> markup.Html:
    """A chooser over the pairs of actors; each panel quotes the pair's evidence.

    The pairs are those of every window in ``comention_tables`` (a pair that
    meets in a sentence also meets in its paragraph), sorted by the count of
    the first window, then of the next ones, descending, then by the names.
    A panel has one group per window: the sentences that show the pair
    (:func:`analysis.comentions.comentions`, column ``evidence``), each linked
    to the reading text and quoted exactly, the two actors' names marked.
    """
    names = _names(actors)
    windows = list(comention_tables)
    counts: dict[tuple[str, str], dict[str, int]] = {}
    evidence: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    for window, table in comention_tables.items():
        for r in table.to_dict("records"):
            pair = (r["actor_a"], r["actor_b"])
            counts.setdefault(pair, {})[window] = int(r["count"])
            evidence.setdefault(pair, {})[window] = tuple(r["evidence"])
    pairs = sorted(
        counts,
        key=lambda p: (
            *(-counts[p].get(w, 0) for w in windows),
            sort_key(names[p[0]]),
            sort_key(names[p[1]]),
            p,
        ),
    )
    sentences = {s.id: s for s in edition.sentences}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for actor, sid, a, b in zip(
        mentions["actor_id"],
        mentions["sentence_id"],
        mentions["start"],
        mentions["end"],
        strict=True,
    ):
        spans.setdefault((sid, actor), []).append((int(a), int(b)))

    def quote(sid: str, pair: tuple[str, str]) -> str:
        return _quote(sentences[sid], spans.get((sid, pair[0]), []) + spans.get((sid, pair[1]), []))

    options = []
    for pair in pairs:
        a, b = pair
        summary = ", ".join(f"{counts[pair].get(w, 0)} {w}s" for w in windows)
        label = f"{names[a]} \u2013 {names[b]} ({summary})"
        parts = [
            f'<p class="pair-title">{register_link(a, names[a]).text} and '
            f"{register_link(b, names[b]).text}</p>"
        ]
        for window in windows:
            ids = evidence[pair].get(window, ())
            n = counts[pair].get(window, 0)
            unit = window if n == 1 else f"{window}s"
            parts.append(
                f'<p class="pair-window"><strong>In the {html.escape(window)}: '
                f"{n} {html.escape(unit)}</strong></p>"
            )
            if not ids:
                parts.append("<p>Never in the same sentence.</p>")
                continue
            if window == "sentence":
                parts.append(
                    '<ol class="evidence">' + "".join(quote(s, pair) for s in ids) + "</ol>"
                )
                continue
            by_paragraph: dict[str, list[str]] = {}
            for s in ids:
                by_paragraph.setdefault(sentences[s].paragraph_id, []).append(s)
            for pid, sentence_ids in by_paragraph.items():
                parts.append(
                    f'<p class="evidence-paragraph">'
                    f"{markup.link(f'¶ {pid[1:]}', f'{markup.TEXT_PAGE}#{pid}').text}"
                    '</p><ol class="evidence">'
                    + "".join(quote(s, pair) for s in sentence_ids)
                    + "</ol>"
                )
        options.append((f"{a}--{b}", label, markup.Html("".join(parts))))
    return markup.chooser(name, "Pair of actors:", options)
