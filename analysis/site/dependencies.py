"""What each page of the site depends on: the modules it runs and the seed files it reads.

Sphinx reads a page again when one of the files noted as its dependencies is
newer than the page's last reading (``env.note_dependency``); the extension
(:mod:`analysis.site.extension`) notes, for every page:

* the modules of the package the page runs: for a page of directives and
  roles, the modules that define the ones it uses (:func:`used_names`); for a
  notebook page, the modules its code cells import (:func:`notebook_imports`);
  each with every module of the package it imports in turn, at any depth
  (:func:`module_closure`, read statically from the sources);
* the seed files it reads: those a directive or role asks
  :mod:`analysis.site.cache` for while the page is read (recorded there), and,
  for a notebook, whose kernel runs apart from Sphinx, the decisions, their
  witness and the register.

So a change in ``seeds/`` or ``analysis/`` reads (and, for notebooks,
executes) again exactly the pages that run or read what changed, and a build
with nothing changed reads nothing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from analysis import paths

__all__ = ["module_closure", "module_imports", "notebook_imports", "used_names"]

#: A code cell of a MyST notebook page.
_CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.M | re.S)
#: A directive or a role of a MyST page: ``{name}`` at the start of a fence or before a backtick.
_USED = re.compile(r"(?:^[`:]{3,}\{([\w-]+)\}|\{([\w-]+)\}`)", re.M)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(paths.PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_imports(source: str, *, package: str = "") -> set[str]:
    """The modules of ``analysis`` that Python ``source`` imports, at any depth.

    ``from analysis.x import name`` counts as ``analysis.x`` and, when
    ``analysis.x.name`` is a module, as that module too; ``package`` is the
    package of ``source``, for relative imports.

    >>> sorted(module_imports("from analysis.measures import terms\\nimport os"))
    ['analysis.measures', 'analysis.measures.terms']
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    modules = _modules()
    return {m for m in found if m in modules}


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    """Every module of the package, by name."""
    return {_module_name(p): p for p in sorted(paths.PACKAGE.rglob("*.py"))}


@lru_cache(maxsize=1)
def _graph() -> dict[str, frozenset[str]]:
    """For every module of the package, the modules of the package it imports."""
    graph = {}
    for name, path in _modules().items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = module_imports(path.read_text(encoding="utf-8"), package=package)
        # A module's parent packages run before it.
        parents = {".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 1)}
        graph[name] = frozenset((imported | parents) - {name})
    return graph


def module_closure(names: Iterable[str]) -> tuple[Path, ...]:
    """The files of the modules ``names`` and of every module of the package they import.

    >>> [p.name for p in module_closure(["analysis.paths"])]
    ['__init__.py', 'paths.py']
    """
    graph, modules = _graph(), _modules()
    seen: set[str] = set()
    todo = [n for n in names if n in graph]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name] - seen)
    return tuple(sorted(modules[n] for n in seen))


def notebook_imports(page: str) -> set[str]:
    """The modules of ``analysis`` that the code cells of a MyST notebook page import.

    >>> page = "```{code-cell} ipython3\\n:tags: [x]\\n\\nfrom analysis.site import cache\\n```\\n"
    >>> sorted(notebook_imports(page))
    ['analysis.site', 'analysis.site.cache']
    """
    found: set[str] = set()
    for cell in _CODE_CELL.findall(page):
        found |= module_imports(_cell_code(cell))
    return found


def _cell_code(cell: str) -> str:
    """The Python of a code cell: without its options (``:key:`` lines or a ``---`` block)
    and magics (``%``, ``!``), which are not Python."""
    lines = cell.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), 0)
        lines = lines[end + 1 :]
    while lines and lines[0].startswith(":"):
        lines = lines[1:]
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def used_names(page: str, known: Mapping[str, object]) -> set[str]:
    """The names of ``known`` (directives and roles) that a MyST page uses.

    >>> sorted(used_names("```{edition-text}\\n```\\nWe count {edition-count}`paragraphs`.",
    ...                   {"edition-text": 1, "edition-count": 2, "method-value": 3}))
    ['edition-count', 'edition-text']
    """
    return {n for pair in _USED.findall(page) for n in pair if n in known}
