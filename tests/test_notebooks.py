"""The pages of book/ open as notebooks without being rewritten, and read as notebooks.

JupyterLab (``make lab``) opens the MyST pages through jupytext and saves them
back through it. A page that is not already in the form jupytext writes, with
the project's configuration (``[tool.jupytext]`` in pyproject.toml), or whose
kernel is not named as the project's kernel names itself, would be rewritten
by a mere open and save. The analysis pages also follow the house style for
cells: setup and glue cells are removed from the site, every other cell shows
its code behind a toggle.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jupytext
import pytest
from jupytext.config import find_jupytext_configuration_file, load_jupytext_configuration_file

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(
    path
    for path in BOOK.rglob("*.md")
    if path.read_text(encoding="utf-8").startswith("---\njupytext:")
)
ANALYSES = sorted((BOOK / "analyses").glob("*.md"))
MYST = {"extension": ".md", "format_name": "myst"}


def _ids(paths: list[Path]) -> list[str]:
    return [path.relative_to(BOOK).as_posix() for path in paths]


def test_the_analysis_pages_are_notebooks() -> None:
    assert ANALYSES
    assert set(ANALYSES) <= set(NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_jupytext_writes_the_page_back_unchanged(path: Path) -> None:
    """Read and written again as JupyterLab's jupytext would, a page is byte-identical."""
    config_file = find_jupytext_configuration_file(str(path.parent))
    assert config_file == str(ROOT / "pyproject.toml")
    config = load_jupytext_configuration_file(config_file)
    text = path.read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt=MYST, config=config)
    fmt = dict(MYST)
    config.set_default_format_options(fmt)
    assert jupytext.writes(notebook, fmt=fmt, config=config) == text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_the_page_names_the_project_kernel(path: Path) -> None:
    """JupyterLab writes the running kernel's spec into the page: it must be the same."""
    kernel = json.loads(
        (Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json").read_text(
            encoding="utf-8"
        )
    )
    spec = jupytext.read(path).metadata["kernelspec"]
    assert spec == {"name": "python3", "display_name": kernel["display_name"], "language": "python"}


@pytest.mark.parametrize("path", ANALYSES, ids=_ids(ANALYSES))
def test_analysis_cells_show_their_code_behind_a_toggle(path: Path) -> None:
    """Only setup and glue cells are removed; the others hide their input, not remove it."""
    cells = [c for c in jupytext.read(path).cells if c.cell_type == "code"]
    removed = [c for c in cells if "remove-cell" in c.metadata.get("tags", [])]
    shown = [c for c in cells if c not in removed]
    assert removed and shown
    for cell in removed:
        assert re.search(r"^(glue\(|from |import )", cell.source, re.MULTILINE), cell.source
    for cell in shown:
        tags = cell.metadata.get("tags", [])
        assert "hide-input" in tags and "remove-input" not in tags, cell.source[:80]
        assert "glue(" not in cell.source


@pytest.mark.parametrize("path", ANALYSES, ids=_ids(ANALYSES))
def test_glue_cells_list_their_numbers_in_jupyter(path: Path) -> None:
    """Every cell that glues ends by showing the glued numbers (analysis.site.numbers)."""
    cells = [c for c in jupytext.read(path).cells if c.cell_type == "code"]
    gluing = [c for c in cells if "glue(" in c.source]
    assert gluing
    for cell in gluing:
        assert "from myst_nb import glue" not in cell.source
        assert cell.source.rstrip().endswith("numbers.table()")
