"""Tests for analysis.site.pages.sections: labels, anchors, actor counts and escaped HTML."""

from __future__ import annotations

import html
import re

from analysis.measures import statistics, summaries, terms
from analysis.measures.summaries import SectionSummary
from analysis.site.pages import sections as section_page


def test_section_labels(edition) -> None:
    labels = section_page.section_labels(edition)
    assert list(labels) == [s.id for s in edition.sections]
    assert labels["opening"] == section_page.OPENING_LABEL
    assert labels["takes-two-to-tango"] == "Takes Two to Tango"


def test_section_anchor(edition) -> None:
    assert section_page.section_anchor(edition, "opening") == "../text.html#p1"
    assert section_page.section_anchor(edition, "the-flight-of-el-chapo") == (
        "../text.html#the-flight-of-el-chapo"
    )


def test_actor_section_counts_add_up(edition, register, mentions) -> None:
    counts = section_page.actor_section_counts(edition, mentions, register, actors=4)
    assert counts["actor_id"].nunique() == 4
    assert len(counts) == 4 * len(edition.sections)
    for actor_id, rows in counts.groupby("actor_id", sort=False):
        assert rows["mentions"].sum() == (mentions["actor_id"] == actor_id).sum()
    totals = counts.groupby("actor_id", sort=False)["mentions"].sum().tolist()
    assert totals == sorted(totals, reverse=True)


def test_summaries_quote_exactly_and_link(edition) -> None:
    found = summaries.summarize(edition, k=2)
    out = str(section_page.summaries_html(edition, found))
    text = {s.id: s.text for s in edition.sentences}
    for summary in found:
        for sentence_id, sentence in summary.sentences:
            assert sentence == text[sentence_id]
            assert f"<blockquote><p>{html.escape(sentence)}</p></blockquote>" in out
            assert f'href="../text.html#{sentence_id}"' in out
    assert out.count("<h3>") == len(edition.sections)


def test_summaries_escape_the_text(edition) -> None:
    hostile = SectionSummary("opening", None, (("p1.1", 'a<b>&"c'),), (0.5,), (1,))
    out = str(section_page.summaries_html(edition, [hostile]))
    assert "<b>" not in out and "a&lt;b&gt;&amp;&#34;c" in out


def test_statistics_table(edition, register, mentions) -> None:
    stats = statistics.section_statistics(
        edition, mentions=mentions, keyness=terms.keyness(edition)
    )
    out = str(section_page.statistics_table(edition, stats, register))
    assert len(re.findall(r"<tr><td>", out)) == len(edition.sections)
    assert '<a href="../text.html#p1">1. Opening (untitled)</a>' in out
    names = {a.id: a.name for a in register}
    assert html.escape(names[stats["top_actors"].iloc[0][0]]) in out
    assert "(\u00b61\u2013" in out
