"""Tests for analysis.site.numbers: glued values, remembered and listed for Jupyter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from analysis.site import markup, numbers


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts as a fresh kernel would, with nothing glued."""
    monkeypatch.setattr(numbers, "_glued", {})
    yield


def test_glue_remembers_values_in_order() -> None:
    numbers.glue("b-count", 12, display=False)
    numbers.glue("a-rate", 1.5, display=False)
    numbers.glue("b-count", 13, display=False)
    assert numbers.glued() == {"b-count": 13, "a-rate": 1.5}
    assert list(numbers.glued()) == ["b-count", "a-rate"]


def test_table_lists_name_and_shown_value() -> None:
    numbers.glue("terms-tokens", 5120, display=False)
    numbers.glue("top-actor", markup.link("Guzmán", "../register.html#a1"), display=False)
    numbers.glue("top-term", "<cartel>", display=False)
    html = str(numbers.table())
    assert "<td>terms-tokens</td><td>5120</td>" in html
    assert '<td>top-actor</td><td><a href="../register.html#a1">Guzmán</a></td>' in html
    # plain text as {glue:text} pastes it (no quotes), escaped
    assert "<td>top-term</td><td>&lt;cartel&gt;</td>" in html
