"""Export of the edition: shape, determinism, and the command line."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from analysis import paths
from analysis.__main__ import main
from analysis.edition import Edition
from analysis.export import APPARATUS_COLUMNS, export_edition


def test_edition_json_shape(edition: Edition, tmp_path: Path) -> None:
    export_edition(edition, tmp_path)
    data = json.loads((tmp_path / "edition.json").read_text(encoding="utf-8"))
    assert data["witness"]["path"] == "000_2cf028e75483853e.txt"
    assert data["witness"]["sha256"] == edition.witness.sha256
    sections = data["sections"]
    assert sections[0]["heading"] is None and sections[0]["heading_lines"] == []
    assert sections[3]["heading_lines"] == [223, 224]
    paragraphs = [p for s in sections for p in s["paragraphs"]]
    assert [p["n"] for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert paragraphs[0]["spans"] == [[1, 20], [22, 29]]
    assert {"id", "n", "spans", "text"} <= set(paragraphs[0])
    for p, q in zip(paragraphs, edition.paragraphs, strict=True):
        assert p["text"] == q.text and p["id"] == q.id
    assert len(data["apparatus"]) == len(edition.apparatus)
    assert {a["type"] for a in data["apparatus"]} == {
        "join", "division", "transposition", "heading", "normalisation", "emendation", "sic"}


def test_apparatus_csv(edition: Edition, tmp_path: Path) -> None:
    export_edition(edition, tmp_path)
    with (tmp_path / "apparatus.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == APPARATUS_COLUMNS
    assert len(rows) == len(edition.apparatus)
    emendation = next(r for r in rows if r["type"] == "emendation")
    assert emendation["witness_lines"] == "247"
    assert emendation["witness_reading"] == "the United States. would prevail"
    assert emendation["lemma"] == "the United States would prevail"
    assert emendation["paragraphs"] == "p14"


def test_export_is_deterministic(edition: Edition, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    names = [p.name for p in export_edition(edition, first)]
    export_edition(edition, second)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert not [p for p in first.iterdir() if p.name.startswith(".")], "temporary files left"


def test_cli_exports(tmp_path: Path, capsys) -> None:
    assert main(["export", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "edition.json").exists()
    assert (tmp_path / "out" / "apparatus.csv").exists()


def test_cli_bad_decisions_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "decisions.yaml"
    text = paths.DECISIONS.read_text(encoding="utf-8").replace(
        "{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 999]]}")
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "000_2cf028e75483853e.txt").write_bytes(
        (paths.SEEDS / "000_2cf028e75483853e.txt").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    (out / "edition.json").write_text("previous export\n", encoding="utf-8")
    assert main(["export", "--out", str(out), "--decisions", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"error: {bad}:") and "span [30, 999] is out of range" in err
    assert sorted(p.name for p in out.iterdir()) == ["edition.json"]
    assert (out / "edition.json").read_text(encoding="utf-8") == "previous export\n"


def test_cli_changed_witness_exits_non_zero(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(paths.DECISIONS.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "000_2cf028e75483853e.txt").write_bytes(
        (paths.SEEDS / "000_2cf028e75483853e.txt").read_bytes() + b"\nadded line")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--out", str(tmp_path / "out"),
         "--decisions", str(decisions)],
        capture_output=True, text=True, check=False, cwd=paths.ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "SHA-256" in result.stderr and "000_2cf028e75483853e.txt" in result.stderr
    assert not (tmp_path / "out").exists()
