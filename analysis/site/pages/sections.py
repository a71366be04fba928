"""Section labels, actor counts and escaped HTML for the sections page.

``book/analyses/sections.md`` calls these functions and displays what they
return; the terms page uses :func:`section_labels` too. The summaries and
statistics they show are computed by :mod:`analysis.measures.summaries` and
:mod:`analysis.measures.statistics`; the text of the essay and of the register reaches
HTML only escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.measures.summaries import SectionSummary
from analysis.site import markup
from analysis.site.markup import Html
from analysis.site.pages.terms import sentence_link
from analysis.text.edition import Edition
from analysis.text.register import Register

__all__ = [
    "OPENING_LABEL",
    "actor_section_counts",
    "section_anchor",
    "section_labels",
    "statistics_table",
    "summaries_html",
]

#: Label of the untitled opening section.
OPENING_LABEL = "Opening (untitled)"


def section_labels(edition: Edition) -> dict[str, str]:
    """Map each section id, in reading order, to its heading (the opening has none).

    >>> from analysis.text.edition import load_edition
    >>> list(section_labels(load_edition()).values())[:2]
    ['Opening (untitled)', 'Takes Two to Tango']
    """
    return {s.id: s.heading or OPENING_LABEL for s in edition.sections}


def section_anchor(edition: Edition, section_id: str) -> str:
    """The address of a section in the reading text, seen from ``book/analyses/``.

    A headed section is anchored on its heading; the untitled opening on its
    first paragraph.

    >>> from analysis.text.edition import load_edition
    >>> ed = load_edition()
    >>> section_anchor(ed, "opening"), section_anchor(ed, "takes-two-to-tango")
    ('../text.html#p1', '../text.html#takes-two-to-tango')
    """
    section = next(s for s in edition.sections if s.id == section_id)
    target = section.id if section.heading or not section.paragraphs else section.paragraphs[0].id
    return f"{markup.TEXT_PAGE}#{target}"


def _numbered(labels: Mapping[str, str]) -> dict[str, str]:
    return {sid: f"{k}. {label}" for k, (sid, label) in enumerate(labels.items(), 1)}


def actor_section_counts(
    edition: Edition, mentions: pd.DataFrame, register: Register, *, actors: int = 10
) -> pd.DataFrame:
    """Count the mentions of the ``actors`` most mentioned actors in each section.

    ``mentions`` is :func:`analysis.measures.mentions.find_mentions`. Actors are ranked by
    their mentions in the whole text, then name, then id. Columns: actor_id,
    name, section, mentions (zeros included); sorted by actor rank, then
    section order.
    """
    names = {a.id: a.name for a in register}
    totals = mentions["actor_id"].value_counts()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], names[kv[0]], kv[0]))[:actors]
    counts = mentions.groupby(["actor_id", "section_id"]).size()
    rows = [
        {
            "actor_id": aid,
            "name": names[aid],
            "section": s.id,
            "mentions": int(counts.get((aid, s.id), 0)),
        }
        for aid, _ in ranked
        for s in edition.sections
    ]
    return pd.DataFrame(rows, columns=["actor_id", "name", "section", "mentions"])


def statistics_table(edition: Edition, stats: pd.DataFrame, register: Register) -> Html:
    """The table of :func:`analysis.measures.statistics.section_statistics` (with actors and terms).

    Each section links to the reading text; actors are shown by their
    register names; paragraphs give their range of numbers.
    """
    labels = _numbered(section_labels(edition))
    names = {a.id: a.name for a in register}
    shown = stats.assign(
        section=[
            markup.link(labels[sid], section_anchor(edition, sid)) for sid in stats["section_id"]
        ],
        paragraphs=[
            f"{n} (\u00b6{a}\u2013{b})"
            for n, a, b in zip(
                stats["paragraphs"], stats["first_paragraph"], stats["last_paragraph"], strict=True
            )
        ],
        top_actors=[", ".join(names.get(a, a) for a in ids) for ids in stats["top_actors"]],
        top_terms=[", ".join(ids) for ids in stats["top_terms"]],
    )
    return markup.data_table(
        shown,
        name="sections-statistics",
        caption="The sections of the essay in figures",
        columns={
            "section": "section",
            "words": "words",
            "sentences": "sentences",
            "paragraphs": "paragraphs",
            "top_actors": "most mentioned actors",
            "top_terms": "most distinctive terms (G2)",
        },
        cells={"section": lambda v: v},
    )


def summaries_html(edition: Edition, summaries: Sequence[SectionSummary]) -> Html:
    """Each section's extractive summary: its sentences quoted exactly, each linked to the text.

    One block per section (``summaries`` from :func:`analysis.measures.summaries.summarize`):
    a third-level heading linking to the section, then the chosen sentences in
    the order of the text, each with its id (a link to it in the reading text)
    and its TextRank rank among the section's sentences.
    """
    labels = _numbered(section_labels(edition))
    sizes = {s.id: sum(len(p.sentences) for p in s.paragraphs) for s in edition.sections}
    out = []
    for summary in summaries:
        sid = summary.section_id
        heading = markup.link(labels.get(sid, sid), section_anchor(edition, sid))
        out.append(
            f'<div class="section-summary" id="summary-{markup.escape(sid)}"><h3>{heading}</h3>'
        )
        for (sentence_id, text), rank in zip(summary.sentences, summary.ranks, strict=True):
            out.append(
                f"<blockquote><p>{markup.escape(text)}</p></blockquote>"
                f'<p class="summary-source">Sentence {sentence_link(sentence_id)}, ranked '
                f"{rank} of {sizes.get(sid, 0)} in its section</p>"
            )
        out.append("</div>")
    return Html("".join(out))
