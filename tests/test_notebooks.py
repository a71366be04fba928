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

from analysis.site.numbers import ROLE

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
        assert re.search(r"^(glue\(|from |import |numbers\.prose\()", cell.source, re.M), (
            cell.source
        )
    for cell in shown:
        tags = cell.metadata.get("tags", [])
        assert "hide-input" in tags and "remove-input" not in tags, cell.source[:80]
        assert "glue(" not in cell.source


@pytest.mark.parametrize("path", ANALYSES, ids=_ids(ANALYSES))
def test_glue_cells_glue_through_numbers(path: Path) -> None:
    """Every cell that glues remembers the values for Jupyter (analysis.site.numbers.glue)."""
    cells = [c for c in jupytext.read(path).cells if c.cell_type == "code"]
    gluing = [c for c in cells if "glue(" in c.source]
    assert gluing
    for cell in gluing:
        assert "from myst_nb import glue" not in cell.source
        assert "from analysis.site.numbers import glue" in cell.source


@pytest.mark.parametrize("path", ANALYSES, ids=_ids(ANALYSES))
def test_every_prose_with_roles_is_shown_readable_after_it(path: Path) -> None:
    """Each Markdown cell with a role is followed by a removed cell showing it readable.

    That cell ends with ``numbers.prose(page, n)``, n counting the prose cells with
    roles; no other cell calls it.
    """
    cells = jupytext.read(path).cells
    page = path.relative_to(BOOK).as_posix()
    cited = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and ROLE.search(c.source)]
    assert cited
    for n, index in enumerate(cited, start=1):
        after = cells[index + 1]
        assert after.cell_type == "code", cells[index].source[:80]
        assert "remove-cell" in after.metadata.get("tags", []), after.source[:80]
        assert after.source.rstrip().endswith(f'numbers.prose("{page}", {n})'), after.source[-80:]
    calls = [c for c in cells if "numbers.prose(" in c.source]
    assert len(calls) == len(cited)
