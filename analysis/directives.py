"""The Sphinx extension that puts the edition on the website's pages.

Listed in ``_config.yml``, it registers the directives of the edition's pages
(defined in :mod:`analysis.pages`), which pages call, and nothing else, to
show the reading text (with the mentions of actors marked), the witness, the
apparatus, the register of actors and the bibliographic record::

    ```{edition-text}
    ```

and the role ``{edition-count}`` that quotes a number computed from the
edition (:func:`edition_counts`), so that no page types one by hand. It also
declares the configuration values ``edition_decisions`` and
``edition_register`` (the inputs of the build, ``seeds/`` by default) and
serves the site's stylesheet and script from ``analysis/static``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from . import paths
from .cache import current_edition
from .edition import Edition
from .pages.apparatus import EditionApparatus
from .pages.base import TYPE_LABELS
from .pages.record import EditionRecord
from .pages.register import EditionRegister
from .pages.text import EditionText
from .pages.witness import EditionWitness

__all__ = ["EditionCount", "edition_counts", "setup"]


def edition_counts(edition: Edition) -> dict[str, int]:
    """Numbers about the edition that pages quote (through the ``edition-count`` role)."""
    counts = {
        "witness-lines": len(edition.witness.lines),
        "witness-text-lines": len(edition.line_places()),
        "sections": len(edition.sections),
        "headed-sections": sum(1 for s in edition.sections if s.heading),
        "paragraphs": len(edition.paragraphs),
        "sentences": len(edition.sentences),
        "apparatus": len(edition.apparatus),
        "blocks": sum(
            1
            for k in range(1, len(edition.witness.lines) + 1)
            if not edition.witness.is_blank(k) and (k == 1 or edition.witness.is_blank(k - 1))
        ),
    }
    for kind in TYPE_LABELS:
        counts[f"apparatus-{kind}"] = sum(1 for e in edition.apparatus if e.type == kind)
    for e in edition.apparatus:
        if e.type == "normalisation" and e.rule:
            counts[f"lines-{e.rule}"] = len(e.lines)
    return counts


class EditionCount(SphinxRole):
    """Inline role ``{edition-count}`paragraphs``: a number computed from the edition."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        counts = edition_counts(current_edition(self.config.edition_decisions))
        if self.text not in counts:
            msg = self.inliner.reporter.error(
                f"edition-count: unknown count '{self.text}' (one of {', '.join(counts)})",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline("", str(counts[self.text]), classes=["computed"])], []


def _add_static(app: Any) -> None:
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: register the directives, the role and the stylesheet."""
    directives: dict[str, Callable[..., Any]] = {
        "edition-text": EditionText,
        "edition-witness": EditionWitness,
        "edition-apparatus": EditionApparatus,
        "edition-record": EditionRecord,
        "edition-register": EditionRegister,
    }
    for name, directive in directives.items():
        app.add_directive(name, directive)
    app.add_role("edition-count", EditionCount())
    app.add_config_value("edition_decisions", str(paths.DECISIONS), "env")
    app.add_config_value("edition_register", str(paths.ACTORS), "env")
    app.connect("builder-inited", _add_static)
    app.add_css_file("edition.css")
    app.add_js_file("edition.js")
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
