"""Export of the edition: shape, determinism, and the command line."""

from __future__ import annotations

import csv
import json
import multiprocessing
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis import paths
from analysis.__main__ import main
from analysis.errors import ExportError
from analysis.export.dictionary import DATA_DICTIONARY, data_dictionary, json_fields
from analysis.export.files import APPARATUS_COLUMNS, FILES, export_edition, write_files
from analysis.export.tei import element_paths
from analysis.measures.comentions import WINDOWS, comentions
from analysis.measures.terms import term_frequencies
from analysis.measures.units import TermUnits
from analysis.text.edition import Edition
from analysis.text.register import Register


@pytest.fixture(scope="module")
def exported(edition: Edition, register: Register, tmp_path_factory) -> Path:
    """A folder with one export of the edition (do not modify)."""
    out = tmp_path_factory.mktemp("export")
    export_edition(edition, out, register=register)
    return out


def _csv(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, keep_default_na=False, dtype=str)


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
        "join",
        "division",
        "transposition",
        "heading",
        "normalisation",
        "emendation",
        "sic",
    }


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
    assert names == list(FILES)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert not [p for p in first.iterdir() if p.name.startswith(".")], "temporary files left"


def test_export_is_deterministic_across_processes(exported: Path, tmp_path: Path) -> None:
    # A fresh interpreter has another hash seed: no output may depend on set or dict order.
    subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=paths.ROOT,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (exported / name).read_bytes(), name


def test_every_file_is_written_with_its_documented_columns(
    edition: Edition, exported: Path
) -> None:
    dictionary = data_dictionary(edition)
    assert sorted(p.name for p in exported.iterdir()) == sorted(FILES) == sorted(dictionary)
    for name, spec in dictionary.items():
        documented = [f.name for f in spec.fields]
        if name.endswith(".csv"):
            with (exported / name).open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))
            assert header == documented, name
        elif name.endswith(".json"):
            data = json.loads((exported / name).read_text(encoding="utf-8"))
            assert json_fields(data) == documented, name
        else:
            root = ET.fromstring((exported / name).read_bytes())
            assert sorted(element_paths(root)) == sorted(documented), name


def test_every_column_is_described(edition: Edition) -> None:
    for spec in data_dictionary(edition).values():
        assert spec.description.strip()
        names = [f.name for f in spec.fields]
        assert len(names) == len(set(names)), spec.name
        for field in spec.fields:
            assert field.type.strip() and field.description.strip(), (spec.name, field.name)
    assert set(DATA_DICTIONARY) == set(FILES)


def test_files_are_utf8_with_newline_line_ends(exported: Path) -> None:
    for name in FILES:
        data = (exported / name).read_bytes()
        text = data.decode("utf-8")
        assert "\r" not in text and text.endswith("\n"), name


def test_floats_have_six_significant_digits(exported: Path) -> None:
    for name in ("terms.csv", "keyness.csv", "english.csv", "tfidf.csv", "comentions.csv"):
        frame = pd.read_csv(exported / name)
        for column in frame.select_dtypes("float").columns:
            for value in frame[column].dropna():
                assert float(f"{value:.6g}") == value, (name, column, value)


def test_terms_agree_with_the_package(edition: Edition, units: TermUnits, exported: Path) -> None:
    frame = pd.read_csv(exported / "terms.csv", keep_default_na=False)
    expected = term_frequencies(edition, units)
    assert frame["term"].tolist() == expected["term"].tolist()
    assert frame["count"].tolist() == expected["count"].tolist()
    sections = [s.id for s in edition.sections]
    assert (frame[sections].sum(axis=1) == frame["count"]).all()
    assert frame["per_1000"].tolist() == pytest.approx(expected["per_1000"].tolist(), rel=1e-5)


def test_actor_counts_agree_with_mentions(
    exported: Path, register: Register, mentions: pd.DataFrame
) -> None:
    actors, found = _csv(exported, "actors.csv"), _csv(exported, "mentions.csv")
    assert sorted(actors["id"]) == sorted(a.id for a in register)
    assert actors["mentions"].astype(int).sum() == len(found) == len(mentions)
    by_actor = found["actor_id"].value_counts()
    for actor_id, count in zip(actors["id"], actors["mentions"].astype(int), strict=True):
        assert by_actor.get(actor_id, 0) == count, actor_id
    assert set(found["actor_id"]) <= set(actors["id"])


def test_comentions_cover_both_windows_with_evidence(
    edition: Edition, exported: Path, mentions: pd.DataFrame
) -> None:
    table = _csv(exported, "comentions.csv")
    assert sorted(set(table["window"])) == sorted(WINDOWS)
    by_sentence = mentions.groupby("sentence_id")["actor_id"].agg(set).to_dict()
    sentences = {s.id for s in edition.sentences}
    for window in WINDOWS:
        rows = table[table["window"] == window]
        expected = comentions(mentions, window=window, edition=edition)
        assert len(rows) == len(expected), window
        assert rows["count"].astype(int).tolist() == expected["count"].tolist()
        assert (
            rows["n_windows"].astype(int)
            == (len(sentences) if window == "sentence" else len(edition.paragraphs))
        ).all()
    for row in table[table["window"] == "sentence"].itertuples():
        evidence = row.evidence.split(";")
        assert len(evidence) == int(row.count)
        for sid in evidence:
            assert {row.actor_a, row.actor_b} <= by_sentence[sid]


def test_summaries_quote_sentences_of_their_section(edition: Edition, exported: Path) -> None:
    data = json.loads((exported / "summaries.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["sections"]] == [s.id for s in edition.sections]
    sentences = {t.id: t for t in edition.sentences}
    section_of = {p.id: p.section_id for p in edition.paragraphs}
    order = [t.id for t in edition.sentences]
    for section in data["sections"]:
        quoted = [t["id"] for t in section["sentences"]]
        assert quoted and quoted == sorted(quoted, key=order.index), section["id"]
        for t in section["sentences"]:
            assert t["text"] == sentences[t["id"]].text
            assert section_of[sentences[t["id"]].paragraph_id] == section["id"]
    assert sum(s["statistics"]["sentences"] for s in data["sections"]) == len(order)
    assert sum(s["statistics"]["paragraphs"] for s in data["sections"]) == len(edition.paragraphs)


def test_cli_exports(tmp_path: Path, capsys) -> None:
    assert main(["export", "--out", str(tmp_path / "out")]) == 0
    for name in FILES:
        assert (tmp_path / "out" / name).exists(), name
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / "out" / n) for n in FILES]


def test_cli_bad_register_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - id: Not A Slug\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {bad}:")
    assert not out.exists()


def test_cli_a_form_of_two_actors_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "actors.yaml"
    text = paths.ACTORS.read_text(encoding="utf-8")
    assert "'(?<!Department of Justice in )Washington'" in text
    bad.write_text(text.replace("(?<!Department of Justice in )Washington", "Washington"), "utf-8")
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {bad}: 'Washington' in sentence p14.2 is a form of both us-government and "
        "washington; give it one actor\n"
    )
    assert not out.exists()


def test_cli_bad_decisions_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "decisions.yaml"
    text = paths.DECISIONS.read_text(encoding="utf-8").replace(
        "{id: p2, spans: [[30, 35]]}", "{id: p2, spans: [[30, 999]]}"
    )
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "000_2cf028e75483853e.txt").write_bytes(
        (paths.SEEDS / "000_2cf028e75483853e.txt").read_bytes()
    )
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
        (paths.SEEDS / "000_2cf028e75483853e.txt").read_bytes() + b"\nadded line"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "export",
            "--out",
            str(tmp_path / "out"),
            "--decisions",
            str(decisions),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=paths.ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "SHA-256" in result.stderr and "000_2cf028e75483853e.txt" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_failing_table_writes_no_file(
    edition: Edition, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object) -> str:
        raise ValueError("a table could not be computed")

    last = list(FILES)[-1]
    monkeypatch.setitem(FILES, last, fail)
    with pytest.raises(ValueError, match="could not be computed"):
        export_edition(edition, tmp_path / "out", register=register)
    assert not (tmp_path / "out").exists()


# --- the set of files: all or nothing, one run's set only ----------------------------------

SET_NAMES = [f"file{k:02d}.txt" for k in range(12)]


def _export_many(out: str, token: str, times: int, barrier: Any) -> None:
    for k in range(times):
        barrier.wait()  # both processes write each round at once
        write_files(out, {name: f"{token} {k} {name}\n" for name in SET_NAMES})


def test_concurrent_exports_leave_one_complete_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    # Written file by file, two such runs end with files of both (5 trials in 5, by hand).
    runs = [context.Process(target=_export_many, args=(str(out), t, 40, barrier)) for t in "AB"]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=120)
        assert run.exitcode == 0
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert sorted(texts) == SET_NAMES
    runs_seen = {
        text.split(" ")[:2] == texts[SET_NAMES[0]].split(" ")[:2] for text in texts.values()
    }
    assert runs_seen == {True}, texts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two renames"])
def test_a_new_set_replaces_the_earlier_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr("analysis.export.files._exchange", lambda a, b: False)
    out = tmp_path / "out"
    write_files(out, {"a.txt": "1\n", "b.txt": "1\n"})
    write_files(out, {"a.txt": "2\n", "b.txt": "2\n"})
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {
        "a.txt": "2\n",
        "b.txt": "2\n",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failed_write_leaves_the_earlier_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_files(out, {name: "earlier\n" for name in SET_NAMES})
    original = Path.write_text

    def write_text(self: Path, text: str, *args: object, **kwargs: object) -> int:
        if self.name == SET_NAMES[-1]:
            raise OSError(28, "No space left on device", str(self))
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    with pytest.raises(OSError, match="No space left"):
        write_files(out, {name: "later\n" for name in SET_NAMES})
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {
        name: "earlier\n" for name in SET_NAMES
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_empty_output_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^: the output folder must be named, not empty$"):
        write_files("", {"a.txt": "x\n"})


GOLDEN = Path(__file__).parent / "golden" / "export"


def test_golden_apparatus_in_reading_order(exported: Path, dataframe_regression) -> None:
    """apparatus.csv, edition.json and the TEI give the entries a1, a2, ... in one order."""
    table = _csv(exported, "apparatus.csv")
    ids = [f"a{n}" for n in range(1, len(table) + 1)]
    assert table["id"].tolist() == ids
    data = json.loads((exported / "edition.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["apparatus"]] == ids
    tei = ET.parse(exported / "edition.xml").getroot()
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    assert [e.get(xml_id) for e in tei.iter("{http://www.tei-c.org/ns/1.0}app")] == ids
    columns = ["id", "n", "type", "witness_lines", "paragraphs", "sentences", "section"]
    dataframe_regression.check(table[columns], fullpath=GOLDEN / "apparatus.csv")
