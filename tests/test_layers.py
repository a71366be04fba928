"""The sub-packages of ``analysis`` follow the flow: imports run one way only.

Every ``import`` of every module of the package is read from its source (all
of them, at any depth, in functions too): a module of a stage may import its
own stage and the stages before it, never a later one. The stages, first to
last: ``text`` -> ``measures`` -> ``export`` -> ``site``; ``paths`` and
``errors`` come before all of them, and ``__main__`` (the command line) after.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).parent

#: Stage of each top-level part of the package, first to last.
STAGES = {
    "paths": 0,
    "errors": 0,
    "__init__": 0,
    "text": 1,
    "measures": 2,
    "export": 3,
    "site": 4,
    "__main__": 5,
}


def _part(module: str) -> str:
    """The top-level part of ``analysis.<part>...`` (``analysis`` itself is ``__init__``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module of ``analysis`` that ``path`` imports, with the line of the import."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("analysis")]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import; use analysis.<stage>"
            if node.module and node.module.split(".")[0] == "analysis":
                if node.module == "analysis":
                    found += [
                        (node.lineno, f"analysis.{a.name}" if a.name in STAGES else "analysis")
                        for a in node.names
                    ]
                else:
                    found.append((node.lineno, node.module))
    return found


def violations(path: Path, own: str) -> list[str]:
    """The imports of ``path``, a module of part ``own``, that reach a later stage."""
    bad = []
    for line, module in _imports(path):
        target = _part(module)
        if target not in STAGES:
            bad.append(f"{path}:{line}: unknown part of analysis: {module}")
        elif STAGES[target] > STAGES[own]:
            bad.append(f"{path}:{line}: {own} imports {module}, a later stage")
    return bad


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path) -> None:
    own = _part("analysis." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert violations(path, own) == []


def test_every_part_of_the_package_has_a_stage() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    parts -= {"__pycache__", "py.typed"}
    assert parts == set(STAGES)


def test_a_backward_import_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        "import analysis.export.files\n"
        "from analysis.text.edition import Edition\n"
        "def f():\n    from analysis.site import cache\n"
    )
    assert violations(module, "measures") == [
        f"{module}:1: measures imports analysis.export.files, a later stage",
        f"{module}:4: measures imports analysis.site, a later stage",
    ]
    assert violations(module, "site") == []
