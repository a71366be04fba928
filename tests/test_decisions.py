"""Reading the decisions file: every fault of shape, with the line at fault, in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sources import DECISIONS, expect_error, line_of, mutate

from analysis import paths
from analysis.errors import DecisionsError
from analysis.text.decisions import load_decisions, parse_decisions

PATH = "seeds/decisions.yaml"
WORK = DECISIONS[DECISIONS.index("work:\n") : DECISIONS.index("edition:\n")]
RULES = DECISIONS[DECISIONS.index("rules:\n") : DECISIONS.index("sections:\n")]
SIC = "  - type: sic\n    lines: [445]\n"
P2 = "{id: p2, spans: [[30, 35]]}"
SHA = "b36a35814e04a679d891a02032bfae376167b9dd770211a88321072bcf6ca40b"


def test_the_decisions_read_whole() -> None:
    d = load_decisions(paths.DECISIONS)
    assert d.siglum == "W"
    assert Path(d.witness_path) == paths.SEEDS / "000_2cf028e75483853e.txt"
    assert d.sections[0].id == "opening"
    assert [p.id for s in d.sections for p in s.paragraphs][:3] == ["p1", "p2", "p3"]
    assert d.sections[0].paragraphs[0].spans == ((1, 20), (22, 29))
    assert all(e.note and "  " not in e.note for e in d.apparatus)
    assert d.work["year"] == 2015 and d.edition["version"] == "0.1.0"
    assert set(d.rules) == {"line_join", "spelling"}


# Each case: (old snippet of the real file, its replacement, a snippet of the changed file on
# the line the error names, the pattern of the message). One case per class of fault.
CASES = {
    # --- YAML that PyYAML would read leniently ---------------------------------------------
    "duplicate key": (
        f"  sha256: {SHA}\n",
        f"  sha256: {SHA}\n  path: other.txt\n",
        "path: other.txt",
        r"key 'path' is given twice \(first at line 10\)$",
    ),
    "unknown key, near one": (
        "\nrules:\n",
        "\nrulez:\n",
        "rulez:",
        r": unknown key 'rulez' \(did you mean 'rules'\?\)$",
    ),
    "unknown key, none near": (
        SIC,
        SIC + "    gloss: x\n",
        "gloss: x",
        r"apparatus\[37\]: unknown key 'gloss' \(keys: type, lines, note, section, ",
    ),
    "alias": ("  place: New York", "  place: *town", "place: *town", r"aliases .* not allowed"),
    "anchor": ("  place: New York", "  place: &town New York", "&town", r"anchors \(&town\)"),
    "explicit tag": (
        "  year: 2015",
        "  year: !!str 2015",
        "!!str",
        r"explicit tags .* not allowed",
    ),
    "second document": (
        '      and instability", taken as one idea.\n',
        '      and instability", taken as one idea.\n---\nwitness: {}\n',
        "---\nwitness",
        r"more than one YAML document",
    ),
    "deep nesting": (
        "  year: 2015",
        "  year: " + "[" * 40 + "]" * 40,
        "  year: [[",
        r"lists and mappings nest deeper than 32$",
    ),
    "too many values": (
        "  year: 2015",
        "  year: [" + "0, " * 100_001 + "]",
        "  year: [0",
        r"the file holds more than 100000 values$",
    ),
    "key not text": ("  year: 2015", "  ? [year]\n  : 2015", "? [year]", r"a key must be text"),
    "syntax": (P2, "{id: p2, spans: [[30, 35]]", "{id: p3,", r"not valid YAML: "),
    # --- types of fields ------------------------------------------------------------------
    "work as text": (
        WORK,
        "work: The Chapo Conundrum\n\n",
        "work: The",
        r"work: must be a mapping, not text$",
    ),
    "rules as a list": (
        RULES,
        "rules: [one, two]\n\n",
        "rules: [",
        r"rules: must be a mapping, not a list$",
    ),
    "list for text": (
        SIC,
        "  - type: [sic]\n    lines: [445]\n",
        "type: [sic]",
        r"apparatus\[37\]\.type: must be text, not a list$",
    ),
    "text for a number": (
        P2,
        "{id: p2, spans: [[30, last]]}",
        "{id: p2,",
        r"paragraph p2\.spans\[0\]\[1\]: must be a whole number, not text$",
    ),
    "true/false for a number": (
        P2,
        "{id: p2, spans: [[30, yes]]}",
        "{id: p2,",
        r"must be a whole number, not true/false$",
    ),
    "fraction for a number": (
        P2,
        "{id: p2, spans: [[30, 35.5]]}",
        "{id: p2,",
        r"not a number with a fraction$",
    ),
    "date for a number": (
        "  year: 2015",
        "  year: 2015-10-01",
        "year: 2015-10-01",
        r"work\.year: must be a whole number, not a date$",
    ),
    "null for text": (
        "  place: New York",
        "  place: null",
        "place: null",
        r"work\.place: must be text, not null$",
    ),
    "neither option": (
        "  date: October 2015",
        "  date: [October]",
        "date: [October]",
        r"work\.date: must be text or a whole number, not a list$",
    ),
    "empty text": ("  place: New York", "  place: ''", "place: ''", r"work\.place: is empty$"),
    "not one of the choices": (
        SIC,
        "  - type: gloss\n    lines: [445]\n",
        "type: gloss",
        r"apparatus\[37\]\.type: 'gloss' is not one of transposition, join, division, "
        r"heading, normalisation, emendation, sic$",
    ),
    "not of the pattern": (
        f"  sha256: {SHA}",
        "  sha256: abc",
        "sha256: abc",
        r"witness\.sha256: 'abc' must be 64 hexadecimal digits$",
    ),
    "too many items": (
        P2,
        "{id: p2, spans: [[30, 31, 35]]}",
        "{id: p2,",
        r"paragraph p2\.spans\[0\]: must have 2 item\(s\), not 3$",
    ),
    "too few items": (
        P2,
        "{id: p2, spans: []}",
        "{id: p2,",
        r"paragraph p2\.spans: must have at least 1 item\(s\), not 0$",
    ),
    "missing field": (P2, "{id: p2}", "{id: p2}", r"paragraph p2: has no 'spans'$"),
    "id of the wrong type": (
        P2,
        "{id: [p2], spans: [[30, 35]]}",
        "{id: [p2]",
        r"section opening\.paragraphs\[1\]\.id: must be text, not a list$",
    ),
    # --- rules that tie fields together ---------------------------------------------------
    "heading lines without a heading": (
        "    heading: null\n    heading_lines: []",
        "    heading: null\n    heading_lines: [5]",
        "- id: opening",
        r"section opening: a heading needs heading_lines, and only a heading$",
    ),
    "lines of a type": (
        "  - type: join\n    lines: [20, 22]\n",
        "  - type: join\n    lines: [20]\n",
        "  - type: join\n    lines: [20]\n",
        r"apparatus entry join 20: a join names 2 line\(s\)$",
    ),
    "field of a type": (
        '    reading: "represents"\n',
        "",
        "- type: sic\n    lines: [445]",
        r"apparatus entry sic 445: a sic needs 'reading'$",
    ),
    "id used twice": (
        "{id: p3, spans: [[36, 51]]}",
        "{id: p2, spans: [[36, 51]]}",
        "{id: p2, spans: [[36",
        r"id 'p2' is used twice \(first at line \d+\)$",
    ),
    # --- the witness path -----------------------------------------------------------------
    "absolute witness path": (
        "  path: 000_2cf028e75483853e.txt",
        "  path: /etc/passwd",
        "path: /etc/passwd",
        r"witness\.path: '/etc/passwd' must be a path inside the folder of the decisions file",
    ),
    "witness path climbing out": (
        "  path: 000_2cf028e75483853e.txt",
        "  path: ../seeds/000_2cf028e75483853e.txt",
        "path: ../",
        r"witness\.path: '\.\./seeds/000_2cf028e75483853e\.txt' must be a path inside",
    ),
    # --- values echoed in a message stay one printable line --------------------------------
    "newline and escape in an echoed value": (
        SIC,
        '  - type: "gl\\noss\\u001b[2J\\u202e"\n    lines: [445]\n',
        'type: "gl',
        r"'gl\\noss\\x1b\[2J\\u202e' is not one of",
    ),
}


@pytest.mark.parametrize(("old", "new", "at", "pattern"), CASES.values(), ids=CASES.keys())
def test_each_fault_of_shape(old: str, new: str, at: str, pattern: str) -> None:
    text = mutate(DECISIONS, old, new)
    expect_error(
        DecisionsError,
        lambda: parse_decisions(text, path=PATH),
        path=PATH,
        line=line_of(text, at),
        pattern=pattern,
    )


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("", r":1: has no 'witness'$"),
        ("- a list\n", r":1: must be a mapping, not a list$"),
        ("just text\n", r":1: must be a mapping, not text$"),
    ],
    ids=["empty", "a list", "text"],
)
def test_a_file_that_is_not_a_mapping(text: str, pattern: str) -> None:
    expect_error(
        DecisionsError, lambda: parse_decisions(text, path=PATH), path=PATH, line=1, pattern=pattern
    )
