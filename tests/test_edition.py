"""Establishing the text: validation of the decisions, and the proof that nothing is lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from analysis import paths
from analysis.decisions import parse_decisions
from analysis.edition import Edition, build_edition
from analysis.errors import DecisionsError
from analysis.witness import load_witness

DECISIONS_TEXT = paths.DECISIONS.read_text(encoding="utf-8")
PATH = str(paths.DECISIONS)


@pytest.fixture(scope="module")
def witness():
    return load_witness(paths.SEEDS / "000_2cf028e75483853e.txt")


def build(witness, text: str) -> Edition:
    return build_edition(witness, parse_decisions(text, path=PATH))


def line_of(text: str, snippet: str) -> int:
    """1-based line of the file on which ``snippet`` stands."""
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def mutate(old: str, new: str) -> str:
    assert DECISIONS_TEXT.count(old) == 1, old
    return DECISIONS_TEXT.replace(old, new)


def expect_error(witness, text: str, line: int | None, pattern: str) -> None:
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    message = str(err.value)
    where = f"{PATH}:{line}: " if line is not None else f"{PATH}: "
    assert message.startswith(where), message
    assert re.search(pattern, message), message
    assert "\n" not in message


# --- the validation errors, one by one ----------------------------------------------------


def test_span_out_of_range(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 600]]}")
    expect_error(witness, text, line_of(text, "{id: p2,"),
                 r"paragraph p2: span \[30, 600\] is out of range "
                 r"\(the witness has lines 1 to 542\)")


def test_span_running_backwards(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[35, 30]]}")
    expect_error(witness, text, line_of(text, "{id: p2,"), r"span \[35, 30\] runs backwards")


def test_overlapping_spans(witness) -> None:
    text = mutate("{id: p3, spans: [[36, 51]]}", "{id: p3, spans: [[33, 51]]}")
    expect_error(witness, text, line_of(text, "{id: p3,"),
                 r"paragraph p3: span \[33, 51\] overlaps span \[30, 35\] of paragraph p2")


def test_witness_line_used_twice(witness) -> None:
    text = mutate("{id: p9, spans: [[141, 147]]}", "{id: p9, spans: [[139, 139], [141, 147]]}")
    expect_error(witness, text, line_of(text, "{id: p9,"),
                 r"witness line 139 is used twice: by the heading of section "
                 r"who-actually-governs-mexico and by paragraph p9")


def test_non_blank_line_not_used(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 34]]}")
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    assert str(err.value).startswith(f"{PATH}: witness line 35 ")
    assert "is not used by any heading or paragraph" in str(err.value)


def test_span_taking_in_a_blank_line(witness) -> None:
    text = mutate("{id: p1, spans: [[1, 20], [22, 29]]}", "{id: p1, spans: [[1, 29]]}")
    expect_error(witness, text, line_of(text, "{id: p1,"),
                 r"takes in blank witness line 21; split the span")


def test_unknown_section(witness) -> None:
    text = mutate("section: the-flight-of-el-chapo", "section: the-escape")
    expect_error(witness, text, line_of(text, "section: the-escape") - 3,
                 r"apparatus entry a20: unknown section 'the-escape'")


def test_empty_paragraph(witness) -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: []}")
    with pytest.raises(DecisionsError) as err:
        build(witness, text)
    assert str(err.value) == (f"{PATH}:{line_of(text, '{id: p2,')}: paragraph p2 is empty: "
                              "it has no spans of witness lines")


def test_join_without_entry(witness) -> None:
    text = mutate("    type: join\n    lines: [118, 53]\n", "    type: sic\n    lines: [118]\n"
                  "    reading: \"until he became,\"\n")
    expect_error(witness, text, line_of(text, "{id: p5,"),
                 r"paragraph p5 joins witness lines 118 and 53 but no join entry says why")


def test_division_without_entry(witness) -> None:
    text = mutate("    type: division\n    lines: [29, 30]\n",
                  "    type: sic\n    lines: [29]\n    reading: \"drop.)\"\n")
    expect_error(witness, text, line_of(text, "{id: p2,"),
                 r"paragraph p2 begins at witness line 30, right after line 29")


def test_transposition_without_entry(witness) -> None:
    text = mutate("    type: transposition\n    lines: [413, 423]\n",
                  "    type: sic\n    lines: [413]\n    reading: \"Mexican\"\n")
    expect_error(witness, text, line_of(text, "{id: p21,"),
                 r"paragraph p21 puts witness line 425 after line 411, which W does not")


def test_transposition_that_moves_nothing(witness) -> None:
    text = mutate("    type: sic\n    lines: [445]\n",
                  "    type: transposition\n    lines: [30, 35]\n")
    expect_error(witness, text, line_of(text, "lines: [30, 35]") - 2,
                 r"lines 30-35 keep their place in the order of W")


def test_normalisation_must_list_every_line(witness) -> None:
    text = mutate("lines: [1, 40, 119,", "lines: [40, 119,")
    expect_error(witness, text, line_of(text, "rule: stray-leading-space") - 2,
                 r"\(stray-leading-space\) does not list line 1, where the rule applies")


def test_emendation_must_match_the_witness(witness) -> None:
    text = mutate('witness: "the United States. would prevail"',
                  'witness: "the United States, would prevail"')
    expect_error(witness, text, line_of(text, "type: emendation") - 1,
                 r"'the United States, would prevail' does not occur exactly once in witness "
                 r"line 247")


def test_duplicate_id(witness) -> None:
    text = mutate("{id: p3, spans: [[36, 51]]}", "{id: p2, spans: [[36, 51]]}")
    with pytest.raises(DecisionsError, match=r"id 'p2' is used twice"):
        build(witness, text)


def test_unknown_apparatus_type() -> None:
    text = mutate("    type: sic\n    lines: [445]\n", "    type: gloss\n    lines: [445]\n")
    with pytest.raises(DecisionsError, match=r"unknown type 'gloss'"):
        parse_decisions(text, path=PATH)


def test_yaml_syntax_error_names_the_line() -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 35]]")
    with pytest.raises(DecisionsError, match=rf"^{re.escape(PATH)}:\d+: "):
        parse_decisions(text, path=PATH)


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
    witness_words = sorted(word for k in range(1, len(w.lines) + 1)
                           if edition.line_places().get(k, ("", ""))[0] == "paragraph"
                           for word in w.line(k).split())
    reading_words = sorted(word for p in edition.paragraphs
                           for word in p.text.replace("\u2014", "\u2014 ").split())
    witness_words_split = sorted(x for word in witness_words
                                 for x in word.replace("\u2014", "\u2014 ").split())
    lost = Counter(witness_words_split) - Counter(reading_words)
    added = Counter(reading_words) - Counter(witness_words_split)
    assert lost == Counter({"States.": 1})
    assert added == Counter({"States": 1})


def test_line_247_is_emended_and_cut_sentences_are_whole(edition: Edition) -> None:
    p14 = edition.paragraph("p14")
    assert "the United States would prevail upon Mexico" in p14.text
    assert "States. would" not in p14.text
    assert "the idea that mere hours after escaping" in edition.paragraph("p1").text
    assert "until he became, in the estimation of the U.S. Treasury Department" in \
        edition.paragraph("p5").text
    assert "“our insatiable demand for illegal drugs.”" in edition.paragraph("p28").text


def test_em_dash_line_ends_join_without_space(edition: Edition) -> None:
    assert "United States—where the gun laws" in edition.paragraph("p7").text
    assert not re.search(r"— |\s{2}", " ".join(p.text for p in edition.paragraphs))


def test_sentences_are_cited_and_tied_to_lines(edition: Edition) -> None:
    for p in edition.paragraphs:
        assert [s.id for s in p.sentences] == [f"{p.id}.{k}" for k in
                                              range(1, len(p.sentences) + 1)]
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
    assert p.text[emendation.anchor[1]:].startswith(emendation.reading)
