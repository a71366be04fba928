"""The public API is chosen, importable and documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import analysis

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", analysis.__all__)
def test_public_name_resolves_and_is_documented(name: str) -> None:
    value = getattr(analysis, name)
    module = importlib.import_module(f"analysis.{analysis._API[name]}")
    assert name in module.__all__, f"{name} is not in the __all__ of {module.__name__}"
    doc = inspect.getdoc(value)
    assert doc and doc.strip().split("\n")[0].endswith((".", ":")), name


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_lists_and_documents_its_public_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert inspect.getdoc(module), f"{module_name} has no docstring"
    if module_name == "analysis.site.figures":
        return
    assert hasattr(module, "__all__"), f"{module_name} has no __all__"
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        analysis.nothing  # noqa: B018
