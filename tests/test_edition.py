"""The established text: structure, the proof that nothing is lost, sentences, apparatus."""

from __future__ import annotations

import re
from collections import Counter

from analysis.text.edition import Edition

# --- the established text ---------------------------------------------------------------


def test_structure(edition: Edition) -> None:
    assert [s.heading for s in edition.sections] == [
        None,
        "Takes Two to Tango",
        "Who Actually Governs Mexico?",
        "The Revolving Door of the Mexican Justice System",
        "The Flight of El Chapo",
        "What Can the United States Do Now?",
    ]
    assert [p.n for p in edition.paragraphs] == list(range(1, len(edition.paragraphs) + 1))
    assert [p.id for p in edition.paragraphs] == [f"p{p.n}" for p in edition.paragraphs]


def test_every_non_blank_line_lands_in_exactly_one_place(edition: Edition) -> None:
    w = edition.witness
    uses: dict[int, int] = {}
    for s in edition.sections:
        for k in s.heading_lines:
            uses[k] = uses.get(k, 0) + 1
        for p in s.paragraphs:
            for k in p.lines:
                uses[k] = uses.get(k, 0) + 1
    non_blank = {k for k in range(1, len(w.lines) + 1) if w.line(k).strip()}
    assert set(uses) == non_blank
    assert set(uses.values()) == {1}
    assert set(edition.line_places()) == non_blank


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_reading_text_holds_every_word_of_the_witness_in_order(edition: Edition) -> None:
    """Witness text in the decided order equals the reading text, but for the emendations."""
    w = edition.witness
    emendations = [e for e in edition.apparatus if e.type == "emendation"]
    assert emendations, "the decisions record the emendation of line 247"
    for p in edition.paragraphs:
        from_witness = _squeeze("".join(w.line(k) for k in p.lines))
        for e in emendations:
            if e.lines[0] in p.lines:
                from_witness = from_witness.replace(_squeeze(e.witness), _squeeze(e.reading), 1)
        assert _squeeze(p.text) == from_witness, p.id
    for s in edition.sections:
        if s.heading is not None:
            assert s.heading == " ".join(w.line(k).strip() for k in s.heading_lines)


def test_no_word_is_lost_or_added(edition: Edition) -> None:
    """The multiset of words is the witness's, less the emended full stop."""
    w = edition.witness
    witness_words = sorted(
        word
        for k in range(1, len(w.lines) + 1)
        if edition.line_places().get(k, ("", ""))[0] == "paragraph"
        for word in w.line(k).split()
    )
    reading_words = sorted(
        word for p in edition.paragraphs for word in p.text.replace("\u2014", "\u2014 ").split()
    )
    witness_words_split = sorted(
        x for word in witness_words for x in word.replace("\u2014", "\u2014 ").split()
    )
    lost = Counter(witness_words_split) - Counter(reading_words)
    added = Counter(reading_words) - Counter(witness_words_split)
    assert lost == Counter({"States.": 1})
    assert added == Counter({"States": 1})


def test_line_247_is_emended_and_cut_sentences_are_whole(edition: Edition) -> None:
    p14 = edition.paragraph("p14")
    assert "the United States would prevail upon Mexico" in p14.text
    assert "States. would" not in p14.text
    assert "the idea that mere hours after escaping" in edition.paragraph("p1").text
    assert (
        "until he became, in the estimation of the U.S. Treasury Department"
        in edition.paragraph("p5").text
    )
    assert "“our insatiable demand for illegal drugs.”" in edition.paragraph("p28").text


def test_em_dash_line_ends_join_without_space(edition: Edition) -> None:
    assert "United States—where the gun laws" in edition.paragraph("p7").text
    assert not re.search(r"— |\s{2}", " ".join(p.text for p in edition.paragraphs))


def test_sentences_are_cited_and_tied_to_lines(edition: Edition) -> None:
    for p in edition.paragraphs:
        assert [s.id for s in p.sentences] == [
            f"{p.id}.{k}" for k in range(1, len(p.sentences) + 1)
        ]
        assert " ".join(s.text for s in p.sentences) == p.text
        for s in p.sentences:
            assert set(s.lines) <= set(p.lines)
    texts = [s.text for s in edition.sentences]
    assert any(t.endswith("2:00 A.M.") for t in texts)
    assert any(t.startswith("As soon as U.S. officials") for t in texts)
    assert any(t.startswith("For the U.S. Drug Enforcement Administration (DEA)") for t in texts)
    joined = [s for s in edition.sentences if "until he became, in the estimation" in s.text]
    assert len(joined) == 1 and (118, 53) in zip(joined[0].lines, joined[0].lines[1:], strict=False)


def test_apparatus_is_located_both_ways(edition: Edition) -> None:
    places = edition.line_places()
    for e in edition.apparatus:
        assert e.note
        if e.type in ("join", "division", "emendation", "sic", "transposition"):
            assert e.paragraph_ids and e.anchor is not None
            assert e.anchor[0] in e.paragraph_ids
        for k in e.lines:
            kind, owner = places.get(k, ("blank", ""))
            if kind == "paragraph":
                assert owner in e.paragraph_ids
    emendation = next(e for e in edition.apparatus if e.type == "emendation")
    p = edition.paragraph(emendation.anchor[0])
    assert p.text[emendation.anchor[1] :].startswith(emendation.reading)


# --- the apparatus, numbered in reading order ---------------------------------------------


def test_apparatus_is_numbered_in_the_order_a_reader_meets_it(edition: Edition) -> None:
    """a1 is the first mark of the reading text; headings at their heading; rules last."""
    assert [e.id for e in edition.apparatus] == [f"a{n}" for n in range(1, 39)]
    assert [e.n for e in edition.apparatus] == list(range(1, 39))
    number = {p.id: p.n for p in edition.paragraphs}
    marked = [e for e in edition.apparatus if e.type not in ("heading", "normalisation")]
    places = [(number[e.anchor[0]], e.anchor[1]) for e in marked]
    assert places == sorted(places)
    for heading in (e for e in edition.apparatus if e.type == "heading"):
        first = next(s for s in edition.sections if s.id == heading.section_id).paragraphs[0].n
        pairs = zip(marked, places, strict=True)
        assert all((e.n < heading.n) == (p < first) for e, (p, _) in pairs)
    rules = [e.n for e in edition.apparatus if e.type == "normalisation"]
    assert min(rules) > max(e.n for e in edition.apparatus if e.type != "normalisation")
    # Paragraph 1 by hand: the sic "a mile long tunnel" (line 7), then the join at 20/22.
    p1 = [(e.id, e.type, e.lines) for e in marked if e.anchor[0] == "p1"]
    assert p1 == [("a1", "sic", (7,)), ("a2", "join", (20, 22))]
