"""The Sphinx extension that puts the edition on the website's pages.

Listed in ``_config.yml``, it registers the directives of the edition's pages
(defined in :mod:`analysis.site.pages`), which pages call, and nothing else, to
show the reading text (with the mentions of actors marked), the witness, the
apparatus, the register of actors and the bibliographic record::

    ```{edition-text}
    ```

and the role ``{edition-count}`` that quotes a number computed from the
edition (:func:`analysis.measures.statistics.edition_counts`), so that no page
types one by hand. It also
declares the configuration values ``edition_decisions`` and
``edition_register`` (the inputs of the build, ``seeds/`` by default) and
serves the site's stylesheet and script from ``analysis/static``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from analysis import paths
from analysis.measures.statistics import edition_counts
from analysis.site.cache import current_edition
from analysis.site.pages.apparatus import EditionApparatus
from analysis.site.pages.record import EditionRecord
from analysis.site.pages.register import EditionRegister
from analysis.site.pages.text import EditionText
from analysis.site.pages.witness import EditionWitness

__all__ = ["EditionCount", "add_directives"]


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


def _literal(directive: type[SphinxDirective]) -> type[SphinxDirective]:
    """``directive`` with its output exempt from smart quotes.

    Text from the witness and the register is shown as it stands: Sphinx would
    otherwise curl its straight quotes and turn ``--`` and ``...`` into dashes
    and an ellipsis. Sphinx skips every node inside one whose
    ``support_smartquotes`` is False.
    """

    class Literal(directive):  # type: ignore[valid-type,misc]
        def run(self) -> list[nodes.Node]:
            result = super().run()
            for node in result:
                if isinstance(node, nodes.Element):
                    node["support_smartquotes"] = False
            return result

    Literal.__name__ = Literal.__qualname__ = directive.__name__
    return Literal


def add_directives(app: Any) -> None:
    """Register the edition's directives, the ``edition-count`` role, stylesheet and script."""
    directives: dict[str, type[SphinxDirective]] = {
        "edition-text": EditionText,
        "edition-witness": EditionWitness,
        "edition-apparatus": EditionApparatus,
        "edition-record": EditionRecord,
        "edition-register": EditionRegister,
    }
    for name, directive in directives.items():
        app.add_directive(name, _literal(directive))
    app.add_role("edition-count", EditionCount())
    app.add_config_value("edition_decisions", str(paths.DECISIONS), "env")
    app.add_config_value("edition_register", str(paths.ACTORS), "env")
    app.connect("builder-inited", _add_static)
    app.add_css_file("edition.css")
    app.add_js_file("edition.js")
