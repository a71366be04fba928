"""The Sphinx directives: a small site built from a hostile witness shows it literally."""

from __future__ import annotations

import pytest
from sites import build_site, write_seeds

from analysis.measures.statistics import edition_counts
from analysis.site.pages.base import line_ranges

HOSTILE = (
    ' <script>alert("W")</script> & *not emphasis* {edition-count}`x` <b>bold</b>\n'
    "second line \u2014 with \u201cquotes\u201d & [link](http://example.com)\n"
    "\n"
    "## Not a heading & <i>nor markup</i>"
)


DECISIONS = """
witness: {siglum: W, path: w.txt, sha256: {sha}}
work: {author: A <Author>, title: "T & <T>", publisher: P, place: X, date: 2015, year: 2015}
edition: {title: E, editors: Ed, version: 0.0.1, date: "2026-01-01"}
rules: {line_join: "joined <with> spaces"}
sections:
  - id: opening
    heading: null
    heading_lines: []
    paragraphs:
      - {id: p1, spans: [[1, 2]]}
      - {id: p2, spans: [[4, 4]]}
apparatus:
  - type: normalisation
    rule: stray-leading-space
    lines: [1]
    note: "A space & a <tag> dropped."
  - type: sic
    lines: [4]
    reading: "## Not a heading"
    note: "Kept *as is*."
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("site")
    decisions = write_seeds(root / "seeds", witness=HOSTILE, decisions=DECISIONS)
    out, _ = build_site(
        root,
        pages={
            "index": "Test\n====\n\nLines: :edition-count:`witness-lines`.\n\n"
            ".. edition-record::\n\n.. edition-text::\n\n.. edition-witness::\n\n"
            ".. edition-apparatus::\n"
        },
        decisions=decisions,
    )
    return (out / "index.html").read_text(encoding="utf-8")


def test_witness_text_is_escaped_everywhere(site: str) -> None:
    assert '<script>alert("W")</script>' not in site
    assert "&lt;script&gt;alert(" in site
    assert "<b>bold</b>" not in site and "&lt;b&gt;bold&lt;/b&gt;" in site
    assert "<i>nor markup</i>" not in site
    assert "*not emphasis*" in site
    assert "{edition-count}`x`" in site
    assert "[link](http://example.com)" in site
    assert 'href="http://example.com"' not in site


def test_register_and_apparatus_text_is_escaped(site: str) -> None:
    assert "A &lt;Author&gt;" in site
    assert "A space &amp; a &lt;tag&gt; dropped." in site
    assert "<tag>" not in site


def test_anchors_for_paragraphs_sentences_lines_and_entries(site: str) -> None:
    for anchor in ('id="p1"', 'id="p1.1"', 'id="p2"', 'id="w1"', 'id="w4"', 'id="a2"'):
        assert anchor in site, anchor
    assert "Lines: " in site and ">4<" in site


def test_line_ranges_and_counts(edition) -> None:
    assert line_ranges([5, 6, 7, 1, 2, 9]) == [(5, 7), (1, 2), (9, 9)]
    counts = edition_counts(edition)
    assert counts["paragraphs"] == len(edition.paragraphs)
    assert counts["apparatus"] == sum(
        counts[f"apparatus-{t}"]
        for t in (
            "transposition",
            "join",
            "division",
            "heading",
            "normalisation",
            "emendation",
            "sic",
        )
    )
    assert counts["lines-stray-leading-space"] == 14
    assert counts["witness-text-lines"] == sum(1 for line in edition.witness.lines if line.strip())


def test_text_keeps_every_paragraph(site: str) -> None:
    text = site.split('id="p2"', 1)[1]
    assert "## Not a heading" in text


def test_citations_give_the_absolute_address_from_the_base_url(site: str) -> None:
    """The record's example and the text's cite record use html_baseurl, escaped."""
    assert ">https://example.org/edition/text.html#p2</a>" in site
    record = site.split('id="edition-citation"', 1)[1].split(">", 1)[0]
    assert 'data-url="https://example.org/edition/text.html"' in record
    assert "A &lt;Author&gt;, \u201cT &amp; &lt;T&gt;,\u201d P, 2015; E, ed. Ed" in record


def test_apparatus_notes_follow_their_paragraph_for_print(site: str) -> None:
    """A paragraph with an apparatus mark is followed by its notes (shown in print)."""
    notes = site.split('class="print-notes', 1)[1].split("</div>", 1)[0]
    assert "a1 (sic): Kept *as is*." in notes


def test_apparatus_lists_its_entries_in_number_order(site: str) -> None:
    """The sic, marked in the text, is a1 under the opening, though the file gives the
    normalisation first; the normalisation is a2, under the rules applied throughout."""
    apparatus = site.split('id="the-opening"', 1)[1]
    opening, rules = apparatus.split('id="normalisations"', 1)
    assert 'id="a1"' in opening and "## Not a heading" in opening
    assert 'id="a2"' in rules and "A space &amp; a &lt;tag&gt; dropped." in rules
