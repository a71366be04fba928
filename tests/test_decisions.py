"""Reading the decisions file: the shape of its entries, with the line at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import paths
from analysis.errors import DecisionsError
from analysis.text.decisions import load_decisions, parse_decisions

TEXT = paths.DECISIONS.read_text(encoding="utf-8")
PATH = "seeds/decisions.yaml"


def mutate(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def test_the_decisions_read_whole() -> None:
    d = load_decisions(paths.DECISIONS)
    assert d.siglum == "W"
    assert Path(d.witness_path) == paths.SEEDS / "000_2cf028e75483853e.txt"
    assert d.sections[0].id == "opening"
    assert [p.id for s in d.sections for p in s.paragraphs][:3] == ["p1", "p2", "p3"]
    assert d.sections[0].paragraphs[0].spans == ((1, 20), (22, 29))
    assert all(e.note and "  " not in e.note for e in d.apparatus)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DecisionsError, match=r"decisions\.yaml: decisions file not found$"):
        load_decisions(tmp_path / "decisions.yaml")


def test_yaml_syntax_error_names_the_line() -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 35]]")
    with pytest.raises(DecisionsError, match=rf"^{PATH}:\d+: "):
        parse_decisions(text, path=PATH)


def test_unknown_apparatus_type_names_its_entry() -> None:
    text = mutate("    type: sic\n    lines: [445]\n", "    type: gloss\n    lines: [445]\n")
    with pytest.raises(DecisionsError) as err:
        parse_decisions(text, path=PATH)
    assert str(err.value).startswith(f"{PATH}:{line_of(text, 'type: gloss') - 1}: ")
    assert "unknown type 'gloss'" in str(err.value)


def test_duplicate_id() -> None:
    text = mutate("{id: p3, spans: [[36, 51]]}", "{id: p2, spans: [[36, 51]]}")
    with pytest.raises(DecisionsError, match=r"id 'p2' is used twice \(first at line \d+\)"):
        parse_decisions(text, path=PATH)


def test_span_must_be_a_pair() -> None:
    text = mutate("{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 31, 35]]}")
    with pytest.raises(DecisionsError, match=r"paragraph p2: span \[30, 31, 35\] must be"):
        parse_decisions(text, path=PATH)


def test_a_join_names_two_lines() -> None:
    text = mutate("    type: join\n    lines: [20, 22]\n", "    type: join\n    lines: [20]\n")
    with pytest.raises(DecisionsError, match=r"a join names 2 line\(s\)"):
        parse_decisions(text, path=PATH)


def test_an_entry_needs_its_reason() -> None:
    text = mutate(
        '      Kept as W has it: the verb is singular after the compound subject "war\n'
        '      and instability", taken as one idea.\n',
        "      \n",
    )
    with pytest.raises(DecisionsError, match=r"gives no reason in its note"):
        parse_decisions(text, path=PATH)
