"""Proposed decisions: the edition's format, accepted by the export; the reorder command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from analysis.__main__ import main
from analysis.errors import DecisionsError, WitnessError
from analysis.text.decisions import parse_decisions
from analysis.text.edition import Edition, build_edition
from analysis.text.proposal import (
    decisions_mapping,
    decisions_yaml,
    propose,
    propose_lines,
    witness_reference,
)
from analysis.text.witness import parse_witness


def _decided(lines: list[str], tmp_path: Path) -> tuple[Edition, dict]:
    """Propose decisions for ``lines`` and build the edition they describe."""
    data = "\n".join(lines).encode()
    witness = parse_witness(data, path=str(tmp_path / "w.txt"))
    mapping = decisions_mapping(propose(witness), witness=witness, witness_path="w.txt")
    text = decisions_yaml(mapping)
    decisions = parse_decisions(text, path=str(tmp_path / "d.yaml"))
    return build_edition(witness, decisions), yaml.safe_load(text)


def test_the_proposal_for_the_witness_is_a_valid_edition(edition: Edition, tmp_path) -> None:
    proposed, mapping = _decided(list(edition.witness.lines), tmp_path)
    assert mapping["witness"]["sha256"] == edition.witness.sha256
    headings = [s.heading_lines for s in proposed.sections if s.heading_lines]
    assert headings == [s.heading_lines for s in edition.sections if s.heading_lines]
    types = {e.type for e in proposed.apparatus}
    assert {"join", "transposition", "division", "heading", "normalisation"} <= types
    for entry in mapping["apparatus"]:
        if entry["type"] in ("join", "transposition"):
            assert isinstance(entry["score"], float) and "score" in entry["note"]
    # the same words, each line once
    assert sorted(proposed.line_places()) == sorted(edition.line_places())


def test_a_witness_without_a_cut_sentence(tmp_path) -> None:
    lines = [
        "The first paragraph ends here.",
        "",
        "A Heading Stands Here",
        "",
        "The second paragraph follows the heading.",
        "It has two lines.",
    ]
    proposed, mapping = _decided(lines, tmp_path)
    assert [e["type"] for e in mapping["apparatus"]] == ["heading"]
    assert [s.heading for s in proposed.sections] == [None, "A Heading Stands Here"]
    assert [p.spans for p in proposed.paragraphs] == [((1, 1),), ((5, 6),)]


def test_a_witness_of_one_block(tmp_path) -> None:
    proposed, mapping = _decided([" One block,", "one sentence."], tmp_path)
    assert [p.text for p in proposed.paragraphs] == ["One block, one sentence."]
    assert [(e["type"], e["lines"]) for e in mapping["apparatus"]] == [("normalisation", [1])]


@pytest.mark.parametrize(
    "lines", [["Only A Title"], ["The text ends here.", "", "A Closing Title"]]
)
def test_a_heading_with_nothing_after_it_stays_text(lines: list[str], tmp_path) -> None:
    proposed, mapping = _decided(lines, tmp_path)
    assert [s.heading for s in proposed.sections] == [None]
    assert "heading" not in {e["type"] for e in mapping["apparatus"]}
    assert proposed.paragraphs[-1].text == lines[-1]


def test_a_witness_of_blank_lines_only_is_refused() -> None:
    with pytest.raises(WitnessError, match="holds no text"):
        propose_lines(["", "  ", ""], path="blank.txt")


def test_the_witness_must_stand_in_the_folder_of_the_decisions(tmp_path) -> None:
    assert witness_reference(tmp_path / "a" / "w.txt", tmp_path / "d.yaml") == "a/w.txt"
    with pytest.raises(DecisionsError, match="not inside the folder"):
        witness_reference(tmp_path / "w.txt", tmp_path / "sub" / "d.yaml")


@pytest.fixture
def folder(edition: Edition, tmp_path: Path) -> Path:
    shutil.copy(edition.witness.path, tmp_path / "w.txt")
    return tmp_path


def test_cli_reorder_writes_decisions_the_export_accepts(folder: Path, capsys) -> None:
    out = folder / "proposed.yaml"
    assert main(["reorder", str(folder / "w.txt"), "--out", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert main(["reorder", str(folder / "w.txt"), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == first  # deterministic
    assert main(["export", "--out", str(folder / "data"), "--decisions", str(out)]) == 0
    assert (folder / "data" / "edition.json").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "witness not found"),
        ("blank.txt", b"\n \n\n", "holds no text"),
        (
            "latin1.txt",
            "one\ntwo caf\u00e9\n".encode("latin-1"),
            ":2: the witness is not valid UTF-8",
        ),
    ],
)
def test_cli_reorder_bad_witness_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys, name: str, content: bytes | None, message: str
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    out = tmp_path / "d.yaml"
    assert main(["reorder", str(tmp_path / name), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and name in err
    assert not out.exists()


def test_cli_reorder_refuses_a_witness_outside_the_folder(folder: Path, capsys) -> None:
    out = folder / "sub" / "d.yaml"
    out.parent.mkdir()
    assert main(["reorder", str(folder / "w.txt"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not inside the folder" in err
    assert not out.exists()
