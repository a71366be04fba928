"""The evidence of each pair of actors on the actors page, quoted and escaped.

:func:`pair_evidence` returns a chooser over the pairs of actors named
together; each panel quotes, exactly and linked to the reading text, the
sentences that show the pair in each window, the two actors' names marked.
Every piece of register or witness text goes through :func:`analysis.site.markup.escape`
(directly or through :mod:`analysis.site.markup`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd

from analysis.site import markup
from analysis.site.pages.actors import register_link
from analysis.site.pages.register import sort_key
from analysis.text.edition import Edition, Sentence

__all__ = ["pair_evidence"]


def _marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped, with the given character spans inside ``<mark>``."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out += [markup.escape(text[pos:a]), f"<mark>{markup.escape(text[a:b])}</mark>"]
        pos = b
    out.append(markup.escape(text[pos:]))
    return "".join(out)


def _quote(sentence: Sentence, spans: Iterable[tuple[int, int]]) -> str:
    """One evidence sentence: its id, linked to the text, and its words, quoted exactly.

    ``spans`` are paragraph offsets of the mentions to mark.
    """
    inside = [(a - sentence.start, b - sentence.start) for a, b in spans]
    link = markup.link(sentence.id, f"{markup.TEXT_PAGE}#{sentence.id}")
    return f"<li>{link.text} <q>{_marked(sentence.text, inside)}</q></li>"


def _window_evidence(
    window: str,
    ids: Sequence[str],
    n: int,
    quote: Callable[[str], str],
    sentences: Mapping[str, Sentence],
) -> str:
    """The evidence of a pair in one window: its count, then its sentences, quoted.

    Sentences of the ``sentence`` window are listed; those of a wider window
    are grouped under the paragraph they stand in, linked to it.
    """
    head = (
        f'<p class="pair-window"><strong>In the {markup.escape(window)}: '
        f"{markup.escape(markup.plural(n, window))}</strong></p>"
    )
    if not ids:
        return head + "<p>Never in the same sentence.</p>"
    if window == "sentence":
        return head + '<ol class="evidence">' + "".join(quote(s) for s in ids) + "</ol>"
    by_paragraph: dict[str, list[str]] = {}
    for s in ids:
        by_paragraph.setdefault(sentences[s].paragraph_id, []).append(s)
    return head + "".join(
        f'<p class="evidence-paragraph">'
        f"{markup.link(f'¶ {pid[1:]}', f'{markup.TEXT_PAGE}#{pid}').text}"
        '</p><ol class="evidence">' + "".join(quote(s) for s in sentence_ids) + "</ol>"
        for pid, sentence_ids in by_paragraph.items()
    )


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
    (:func:`analysis.measures.comentions.comentions`, column ``evidence``), each linked
    to the reading text and quoted exactly, the two actors' names marked.
    """
    names = dict(zip(actors["id"], actors["name"], strict=True))
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

    def quote(pair: tuple[str, str]) -> Callable[[str], str]:
        return lambda sid: _quote(
            sentences[sid], spans.get((sid, pair[0]), []) + spans.get((sid, pair[1]), [])
        )

    options = []
    for pair in pairs:
        a, b = pair
        summary = ", ".join(markup.plural(counts[pair].get(w, 0), w) for w in windows)
        label = f"{names[a]} \u2013 {names[b]} ({summary})"
        parts = [
            f'<p class="pair-title">{register_link(a, names[a]).text} and '
            f"{register_link(b, names[b]).text}</p>"
        ]
        parts += [
            _window_evidence(
                window,
                evidence[pair].get(window, ()),
                counts[pair].get(window, 0),
                quote(pair),
                sentences,
            )
            for window in windows
        ]
        options.append((f"{a}--{b}", label, markup.Html("".join(parts))))
    return markup.chooser(name, "Pair of actors:", options, deferred=True)
