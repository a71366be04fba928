"""The numbers a page's prose cites: glued for the site, shown beside their sentences in Jupyter.

On the site, myst-nb pastes each glued value where the prose has its
``{glue:text}`` (or ``{glue}``) role, and Sphinx resolves ``{numref}`` and the
edition's roles. JupyterLab renders none of these roles: the Markdown of a
page opened as a notebook shows the role and the name, not the number. So a
page's glue cell glues through :func:`glue`, which also remembers the value,
and every Markdown cell whose prose has a role is followed by a cell (removed
from the site) that calls :func:`prose`: its output in Jupyter is that prose,
read from the page's source, with every role replaced by its value::

    numbers.prose("analyses/terms.md", 1)

:func:`readable` is the replacement itself, a pure function of the prose and
the values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import jupytext
from IPython.core.formatters import format_display_data
from IPython.display import Markdown
from myst_nb import glue as _myst_glue
from myst_nb.core.variables import format_plain_text

from analysis import paths
from analysis.measures.statistics import edition_counts
from analysis.site.cache import current_claims, current_edition, current_register

__all__ = ["ROLE", "UnknownName", "glue", "glued", "prose", "readable"]

#: A MyST role of the prose: ``{glue:text}`terms-tokens:,d```, ``{numref}`fig-x```.
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`")
#: Roles that paste a glued value, and how: as plain text, as its display, as Markdown.
_GLUE_ROLES = {
    "glue:text": "text",
    "glue": "any",
    "glue:": "any",
    "glue:any": "any",
    "glue:md": "md",
}
#: A role's content of the form ``title <target>``.
_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
#: The end of a sentence (or the start of the text): a role after it opens a sentence.
_SENTENCE_END = re.compile(r"(^|[.!?][\"\u201d\u2019')\]]*)$")
#: A heading without roles: the notebook shows it already, above the prose.
_HEADING = re.compile(r"^#{1,6}\s[^\n`]*$", re.M)
#: Characters that Markdown (and JupyterLab's $-math) would read as markup.
_MARKUP = re.compile(r"([\\`*_\[\]<>&$|~#])")

_glued: dict[str, Any] = {}


class UnknownName(LookupError):
    """A role of the prose names a value there is none of, on ``line`` of the prose."""

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


def glue(name: str, value: Any, *, display: bool = False) -> None:
    """Glue ``value`` as ``name`` for the site (:func:`myst_nb.glue`) and remember it."""
    _myst_glue(name, value, display=display)
    _glued[name] = value


def glued() -> dict[str, Any]:
    """Return the values glued so far in this kernel, by name, in the order glued."""
    return dict(_glued)


def _plain(text: str) -> str:
    """``text`` as Markdown that shows it as it stands."""
    return _MARKUP.sub(r"\\\1", text)


def _pasted(kind: str, content: str, value: Any) -> str:
    """What myst-nb pastes for a glue role, as Markdown: formatted text, HTML or Markdown."""
    bundle, _ = format_display_data(value)
    if kind == "text":
        parts = content.rsplit(":", 1)
        return _plain(format_plain_text(bundle["text/plain"], parts[1] if parts[1:] else "s"))
    if kind == "md":
        return bundle.get("text/markdown", _plain(bundle["text/plain"]))
    return bundle["text/html"] if "text/html" in bundle else _plain(bundle["text/plain"])


def _glue_name(kind: str, content: str) -> str:
    """The glued name a glue role pastes (its content less the format spec)."""
    return content.rsplit(":", 1)[0] if kind in ("text", "md") and ":" in content else content


def readable(
    markdown: str,
    *,
    glued: Mapping[str, Any],
    values: Mapping[str, Mapping[str, str]] | None = None,
    figures: Mapping[str, str] | None = None,
) -> str:
    """Return ``markdown`` with each MyST role replaced by readable Markdown.

    A glue role becomes the glued value as the site pastes it (``{glue:text}``
    formatted by its spec, ``{glue}`` as its HTML); a role named in ``values``
    (``method-value``, ``edition-count``) becomes its value by name;
    ``{numref}`` becomes the caption of the figure it names (in ``figures``,
    by name); any other role becomes its title, or its content. A name
    missing from ``glued`` or ``values`` raises :class:`UnknownName`.

    >>> readable("{glue:text}`n:,d` words, {numref}`fig-a`.",
    ...          glued={"n": 5120}, figures={"fig-a": "The words"})
    '5,120 words, the figure “The words”.'
    """
    values, figures = values or {}, figures or {}

    def replace(match: re.Match[str]) -> str:
        role, content = match["role"], match["content"]
        line = markdown.count("\n", 0, match.start()) + 1
        titled = _TITLED.match(content)
        if role in _GLUE_ROLES:
            kind = _GLUE_ROLES[role]
            name = _glue_name(kind, content)
            if name not in glued:
                known = ", ".join(glued) or "nothing yet: run the page's first cell"
                raise UnknownName(f"{match[0]}: '{name}' is not glued (glued: {known})", line=line)
            return _pasted(kind, content, glued[name])
        if role in values:
            if content not in values[role]:
                raise UnknownName(f"{match[0]}: unknown {role} '{content}'", line=line)
            return _plain(values[role][content])
        target = titled["target"] if titled else content
        if role == "numref" and target in figures:
            opens = _SENTENCE_END.search(match.string[: match.start()].rstrip())
            return f"{'The' if opens else 'the'} figure “{_plain(figures[target])}”"
        return _plain(titled["title"] if titled and titled["title"] else content)

    return ROLE.sub(replace, markdown)


def _first_sentence(caption: str) -> str:
    """The first sentence of a caption, without its full stop."""
    return re.split(r"(?<=\.)\s", caption.strip(), maxsplit=1)[0].removesuffix(".")


def prose(page: str, n: int) -> Markdown:
    """Show the ``n``-th prose cell with roles of ``book/<page>`` with each role's value.

    The prose is read from the page's source (so an edit shows once saved),
    less its headings (the notebook shows them above it);
    the glued values are those :func:`glue` remembers in this kernel, the
    ``{method-value}`` and ``{edition-count}`` values are computed as the
    site's roles compute them. The cell that calls this must follow that prose
    cell directly: otherwise, and for an unknown name, a :class:`LookupError`
    names the page and the prose's line.
    """
    path = paths.BOOK / page
    notebook = jupytext.read(path)
    cells = notebook.cells
    cited = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and ROLE.search(c.source)]
    if not 1 <= n <= len(cited):
        raise LookupError(f"{path}: no prose cell {n} with roles (it has {len(cited)})")
    index = cited[n - 1]
    source = cells[index].source
    line = path.read_text(encoding="utf-8").split(source, 1)[0].count("\n") + 1
    after = cells[index + 1].source if index + 1 < len(cells) else ""
    if not re.search(rf"\bprose\(\s*['\"]{re.escape(page)}['\"]\s*,\s*{n}\s*\)", after):
        raise LookupError(f"{path}:{line}: prose cell {n} is not followed by prose({page!r}, {n})")
    figures = {
        cell.metadata["mystnb"]["figure"]["name"]: _first_sentence(
            cell.metadata["mystnb"]["figure"].get("caption", "")
        )
        for cell in cells
        if "name" in cell.metadata.get("mystnb", {}).get("figure", {})
    }
    try:
        values = _values(source)
        shown = readable(_HEADING.sub("", source), glued=_glued, values=values, figures=figures)
        return Markdown(shown.strip())
    except UnknownName as error:
        raise UnknownName(f"{path}:{line + error.line - 1}: {error}", line=error.line) from None
    except LookupError as error:
        raise LookupError(f"{path}:{line}: {error}") from None


def _values(source: str) -> dict[str, dict[str, str]]:
    """The values of the edition's roles that ``source`` cites, computed as the site does."""
    wanted: dict[str, list[str]] = {}
    for match in ROLE.finditer(source):
        wanted.setdefault(match["role"], []).append(match["content"])
    found: dict[str, dict[str, str]] = {}
    if "edition-count" in wanted:
        counts = edition_counts(current_edition())
        found["edition-count"] = {name: str(value) for name, value in counts.items()}
    if "method-value" in wanted:
        # The methods page's module loads Sphinx and pybtex: only for a page that needs it.
        from analysis.site.pages.methods import method_values

        found["method-value"] = method_values(
            current_edition(),
            current_register(),
            claims=current_claims(),
            names=wanted["method-value"],
        )
    return found
