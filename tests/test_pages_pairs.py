"""The evidence of each pair of actors: quoted exactly, naming both, sorted by count."""

from __future__ import annotations

import html
import re

from analysis.site.pages.pairs import pair_evidence


def test_pair_evidence_quotes_sentences_exactly(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    sentences = {s.id: s.text for s in edition.sentences}
    quoted = re.findall(r'<a href="\.\./text\.html#(p\d+\.\d+)">\1</a> <q>(.*?)</q>', text)
    assert quoted
    for sid, inner in quoted:
        assert html.unescape(re.sub(r"</?mark>", "", inner)) == sentences[sid]
    keys = re.findall(r'<option value="([^"]+)"', text)
    assert len(keys) == len(tables["paragraph"]) == len(set(keys))
    assert keys[0] == "mexico--united-states"


def test_pair_evidence_sentences_name_both_actors(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    panels = re.findall(r'data-key="([^"]+)">(.*?)</div>', text)
    by_sentence = mentions.groupby("sentence_id")["actor_id"].agg(set).to_dict()
    for key, panel in panels:
        a, b = key.split("--")
        sentence_part = panel.split("In the paragraph:")[0]
        for sid in re.findall(r'text\.html#(p\d+\.\d+)"', sentence_part):
            assert {a, b} <= by_sentence[sid], (key, sid)
        paragraph_part = panel.split("In the paragraph:")[1]
        for sid in re.findall(r'text\.html#(p\d+\.\d+)"', paragraph_part):
            assert by_sentence[sid] & {a, b}, (key, sid)


def test_pairs_are_sorted_by_count_then_name(edition, actors, mentions, tables) -> None:
    text = pair_evidence(edition, actors, mentions, tables).text
    labels = re.findall(r"<option [^>]*>([^<]*)</option>", text)
    counts = [
        tuple(int(n) for n in re.findall(r"(\d+) (?:sentence|paragraph)s?\b", label))
        for label in labels
    ]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1]))
    # A count of one takes the singular, any other the plural.
    assert not re.search(r"\b1 (?:sentence|paragraph)s\b", text)
    assert re.search(r"\b1 (?:sentence|paragraph)\b", text)
