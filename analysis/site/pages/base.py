"""The base of the directives that make the edition's pages: inputs, places, labels, links.

The pages of the reading text, the witness, the apparatus, the register and
the record link to one another; :class:`_Page` gives their directives the
address of an anchor on any of these pages (:data:`DOCS`), links to witness
lines and marks for apparatus entries. The pages and the ``edition-count``
role name the kinds of apparatus entry by :data:`TYPE_LABELS`. Directives
and roles that compute from the whole package find the inputs of the build
with :func:`build_inputs`; the extension makes each page depend on the files
they read (:mod:`analysis.site.dependencies`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from analysis.text.edition import ApparatusEntry

__all__ = ["DOCS", "TYPE_LABELS", "build_inputs", "line_ranges"]

#: Where each part of the edition lives on the site (Sphinx document names).
DOCS = {"text": "text", "witness": "witness", "apparatus": "apparatus", "register": "register"}

TYPE_LABELS = {
    "transposition": "transposition",
    "join": "join",
    "division": "paragraph division",
    "heading": "heading placement",
    "normalisation": "normalisation",
    "emendation": "emendation",
    "sic": "sic",
}


def build_inputs(config: Any) -> tuple[str, str]:
    """The decisions file and register of the build: ``edition_decisions``, ``edition_register``."""
    return str(config.edition_decisions), str(config.edition_register)


def line_ranges(lines: Iterable[int]) -> list[tuple[int, int]]:
    """Group witness line numbers into runs of consecutive lines, in the given order.

    >>> line_ranges([1, 2, 3, 22, 23, 53])
    [(1, 3), (22, 23), (53, 53)]
    """
    runs: list[tuple[int, int]] = []
    for k in lines:
        if runs and k == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def _range_label(a: int, b: int) -> str:
    return f"{a}" if a == b else f"{a}\u2013{b}"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


class _Page(SphinxDirective):
    """Shared helpers: links between the edition's pages; output exempt from smart quotes.

    A page directive defines :meth:`make`. Text from the witness and the
    register is shown as it stands: Sphinx would otherwise curl its straight
    quotes and turn ``--`` and ``...`` into dashes and an ellipsis, so
    :meth:`run` marks every node :meth:`make` returns with
    ``support_smartquotes = False``, which Sphinx honours for all it contains.
    """

    has_content = False

    def make(self) -> list[nodes.Node]:
        """The nodes of the directive."""
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        result = self.make()
        for node in result:
            if isinstance(node, nodes.Element):
                node["support_smartquotes"] = False
        return result

    def uri(self, part: str, anchor: str = "") -> str:
        doc = DOCS[part]
        base = (
            ""
            if doc == self.env.docname
            else self.env.app.builder.get_relative_uri(self.env.docname, doc)
        )
        return f"{base}#{anchor}" if anchor else base

    def link(
        self, text: str, part: str, anchor: str, *, title: str = "", classes: Iterable[str] = ()
    ) -> nodes.reference:
        ref = nodes.reference(
            "", text, refuri=self.uri(part, anchor), internal=True, classes=list(classes)
        )
        if title:
            ref["reftitle"] = title
        return ref

    def witness_links(self, lines: Iterable[int]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for i, (a, b) in enumerate(line_ranges(lines)):
            if i:
                out.append(nodes.Text(", "))
            out.append(
                self.link(
                    _range_label(a, b),
                    "witness",
                    f"w{a}",
                    title=f"Witness W, line {_range_label(a, b)}",
                )
            )
        return out

    def entry_mark(self, entry: ApparatusEntry) -> nodes.reference:
        return self.link(
            entry.id,
            "apparatus",
            entry.id,
            classes=["app-mark"],
            title=f"{TYPE_LABELS[entry.type]}: {entry.note}",
        )
