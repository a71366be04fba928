"""The README documents every make target, and names no target that is missing."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _phony_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    assert phony, "the Makefile declares no .PHONY targets"
    return set(phony[1].split())


def test_every_make_target_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(t for t in _phony_targets() if f"make {t}" not in readme)
    assert missing == []


def test_the_readme_names_only_real_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`make (\w+)", readme)) | set(
        re.findall(r"^make (\w+)", readme, re.MULTILINE)
    )
    assert named <= _phony_targets()
