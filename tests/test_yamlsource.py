"""The strict YAML reader: values that know their line, and the faults no real schema reaches."""

from __future__ import annotations

import pytest
from sources import expect_error

from analysis.errors import EditionError
from analysis.text.yamlsource import (
    LineDict,
    LineList,
    LineStr,
    ListOf,
    MapOf,
    Number,
    Record,
    Text,
    Whole,
    line_of,
    parse_source,
)

SCHEMA = Record(
    required={"items": ListOf(Whole(), min_items=1, max_items=2)},
    optional={"names": MapOf(Text()), "n": Whole(nullable=True), "x": Number()},
)


def parse(text: str) -> object:
    return parse_source(text, schema=SCHEMA, path="f.yaml", error=EditionError)


def test_values_know_their_line() -> None:
    data = parse("# a comment\nitems:\n  - 1\n  - 2\nnames:\n  a: one\nn: null\nx: 0.5\n")
    assert isinstance(data, LineDict) and data.line == 2
    assert isinstance(data["items"], LineList) and data["items"].line == 3
    assert data["items"] == [1, 2] and data["n"] is None and data["x"] == 0.5
    assert parse("items: [1]\nx: 3\n")["x"] == 3
    assert isinstance(data["names"]["a"], LineStr) and line_of(data["names"]["a"]) == 6
    assert line_of(1) is None


CASES = {
    "a range of items": ("items: [1, 2, 3]\n", 1, r"items: must have 1 to 2 items, not 3$"),
    "a value of a free mapping": (
        "items: [1]\nnames:\n  a: [x]\n",
        3,
        r"names\.a: must be text, not a list$",
    ),
    "a value of another type": (
        "items: [=]\n",
        1,
        r"items\[0\]: must be a whole number, not a value of another type$",
    ),
    "a mapping for a number": (
        "items: [{a: 1}]\n",
        1,
        r"items\[0\]: must be a whole number, not a mapping$",
    ),
    "text for a number": ("items: [1]\nx: half\n", 2, r"x: must be a number, not text$"),
    "null at the root": ("~\n", 1, r"f\.yaml:1: must be a mapping, not null$"),
}


@pytest.mark.parametrize(("text", "line", "pattern"), CASES.values(), ids=CASES.keys())
def test_faults_of_the_reader(text: str, line: int, pattern: str) -> None:
    expect_error(EditionError, lambda: parse(text), path="f.yaml", line=line, pattern=pattern)
