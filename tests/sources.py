"""The real source files of `seeds/` as text, and the one way tests change them (:func:`mutate`).

Tests of bad input change one snippet of ``seeds/decisions.yaml`` or
``seeds/actors.yaml`` and check the error with :func:`expect_error`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

from analysis import paths

DECISIONS = paths.DECISIONS.read_text(encoding="utf-8")
ACTORS = paths.ACTORS.read_text(encoding="utf-8")


def mutate(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    """The 1-based line of ``text`` on which the one occurrence of ``snippet`` stands."""
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def assert_one_line(message: str) -> None:
    """``message`` is one line with no control, format or separator character."""
    bad = [c for c in message if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"}]
    assert not bad, (message, bad)


def expect_error(
    error: type[Exception], call: Callable[[], Any], *, path: str, line: int | None, pattern: str
) -> str:
    """Run ``call``; it must raise ``error`` as one line ``path:line: ...`` matching ``pattern``."""
    with pytest.raises(error) as err:
        call()
    message = str(err.value)
    where = f"{path}:{line}: " if line is not None else f"{path}: "
    assert message.startswith(where), message
    assert re.search(pattern, message), message
    assert_one_line(message)
    return message
