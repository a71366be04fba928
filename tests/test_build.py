"""The site build: pages are executed through a cache, and new inputs re-execute them.

This builds a copy of the project twice more (slow: a few minutes on two cores),
with the project's virtual environment, so it runs after the site is built by
``make test`` and needs the ``.venv`` that ``make`` set up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
CLEARING = "clearing _build/.jupyter_cache"
MARKER = "HSBC Holdings (build check)"


def _make_site(repo: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        ["make", "-o", ".venv/.installed", "site"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the tracked files of the project, sharing its virtual environment."""
    if not (ROOT / ".venv" / ".installed").is_file():
        pytest.fail("no .venv: run `make test`, which sets it up", pytrace=False)
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    copy = tmp_path_factory.mktemp("build") / "repo"
    for name in filter(None, files):
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


def test_cache_is_reused_then_cleared_when_the_data_change(repo: Path) -> None:
    first = _make_site(repo)
    page = repo / "_build" / "html" / "analyses" / "actors.html"
    assert MARKER not in page.read_text(encoding="utf-8")

    assert "actors.md: Executing notebook" in first

    again = _make_site(repo)
    assert CLEARING not in again, "nothing changed, yet the cache was cleared"
    assert "actors.md: Using cached notebook" in again
    assert "Executing notebook" not in again

    register = repo / "seeds" / "actors.yaml"
    text = register.read_text(encoding="utf-8")
    assert text.count("    name: HSBC\n") == 1
    register.write_text(text.replace("    name: HSBC\n", f"    name: {MARKER}\n"), encoding="utf-8")
    changed = _make_site(repo)
    assert CLEARING in changed
    assert "actors.md: Executing notebook" in changed
    assert MARKER in page.read_text(encoding="utf-8"), "the actors page was not executed again"
