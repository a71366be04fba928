"""The editor's reference summaries (analysis/text/claims.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.errors import ClaimsError
from analysis.text.claims import load_claims, parse_claims
from analysis.text.edition import Edition

GOOD = """sections:
  - section: takes-two-to-tango
    sentences:
      - id: p7.1
        reason: Guns.
      - id: p5.1
        reason: The thesis.
  - section: opening
    sentences:
      - id: p3.1
        reason: Indifference.
"""


def test_claims_come_out_in_edition_and_reading_order(edition: Edition) -> None:
    claims = parse_claims(GOOD, edition, path="s.yaml")
    assert [c.section_id for c in claims] == ["opening", "takes-two-to-tango"]
    assert [c.id for c in claims[1].sentences] == ["p5.1", "p7.1"]
    assert claims[1].sentences[0].reason == "The thesis."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("p7.1", "p3.2"), "s.yaml:4: sentence 'p3.2' is not in section"),
        (GOOD.replace("p7.1", "p5.1"), "s.yaml:6: sentence 'p5.1' is listed twice"),
        (GOOD.replace("section: opening", "section: nowhere"), "s.yaml:8: unknown section"),
        (
            GOOD.replace("section: opening", "section: takes-two-to-tango"),
            "s.yaml:8: section 'takes-two-to-tango' is listed twice",
        ),
        (GOOD.replace("        reason: Guns.\n", ""), "s.yaml:4: sentence p7.1: has no 'reason'"),
        ("sections: [", "s.yaml:2: not valid YAML"),
        ("- a\n", "s.yaml:1: must be a mapping, not a list"),
        (
            "sections:\n  - section: opening\n    sentences: []\n",
            "s.yaml:3: sections[0].sentences: must have at least 1 item(s), not 0",
        ),
        (GOOD.replace("reason: Guns.", "reason: Guns.\n        extra: x"), "s.yaml:6: "),
    ],
)
def test_bad_claims_are_one_line_errors(edition: Edition, text: str, message: str) -> None:
    with pytest.raises(ClaimsError) as caught:
        parse_claims(text, edition, path="s.yaml")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_the_editors_reference_has_every_section_with_a_reason(edition: Edition) -> None:
    claims = load_claims(edition)
    assert [c.section_id for c in claims] == [s.id for s in edition.sections]
    assert all(2 <= len(c.sentences) <= 3 for c in claims)
    assert all(len(s.reason) > 20 for c in claims for s in c.sentences)


def test_cli_bad_summaries_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "summaries.yaml"
    bad.write_text(GOOD.replace("p7.1", "p99.1"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--summaries", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {bad}:4: sentence 'p99.1' is not in section 'takes-two-to-tango'"
    assert not out.exists() or not any(out.iterdir())
