"""The numbers a page's prose cites: glued for the site, shown in Jupyter.

On the site, myst-nb pastes each glued value where the prose has its
``{glue:text}`` (or ``{glue}``) role. JupyterLab does not render these roles:
the Markdown of a page opened as a notebook shows the role and the name, not
the number. A page's glue cell therefore glues through :func:`glue`, which
also remembers the value, and ends with :func:`table`: in Jupyter the cell's
output lists every name with the value the site shows for it (the cell is
removed from the site, output and all)::

    from analysis.site import numbers
    numbers.glue("terms-tokens", 5120, display=False)
    numbers.table()
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.core.formatters import format_display_data
from myst_nb import glue as _myst_glue
from myst_nb.core.variables import format_plain_text

from analysis.site.markup import Html, data_table

__all__ = ["glue", "glued", "table"]

_glued: dict[str, Any] = {}


def glue(name: str, value: Any, *, display: bool = False) -> None:
    """Glue ``value`` as ``name`` for the site (:func:`myst_nb.glue`) and remember it."""
    _myst_glue(name, value, display=display)
    _glued[name] = value


def glued() -> dict[str, Any]:
    """Return the values glued so far in this kernel, by name, in the order glued."""
    return dict(_glued)


def _shown(value: Any) -> Html | str:
    """The value as the site pastes it: its HTML if it has one, else its plain text."""
    bundle, _ = format_display_data(value)
    if "text/html" in bundle:
        return Html(bundle["text/html"])
    return format_plain_text(bundle["text/plain"], "")


def table(*, caption: str = "The numbers of this page's prose, by glue name") -> Html:
    """An HTML table of the values glued so far: name, then the value the site shows."""
    rows = [{"name": name, "value": _shown(value)} for name, value in _glued.items()]
    return data_table(
        pd.DataFrame(rows, columns=["name", "value"]),
        name="glued-numbers",
        caption=caption,
        cells={"value": lambda shown: shown},
    )
