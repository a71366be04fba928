"""The bibliographic record of the essay and of the edition, and how to cite a paragraph.

The ``{edition-record}`` directive, on the title page, lists the author,
title and publication of the essay, the witness (its file, number of lines
and SHA-256) and the edition (title, editors, version, date), all read from
the decisions, and gives an example citation of a paragraph with its
address in the reading text.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from analysis.site.cache import current_edition
from analysis.site.pages.base import DOCS, _Page

__all__ = ["EditionRecord"]


class EditionRecord(_Page):
    """The bibliographic record of the essay and of the edition, and how to cite."""

    def make(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        work, ed = edition.decisions.work, edition.decisions.edition
        fields = nodes.field_list(classes=["edition-record"])
        rows = [
            ("Author", str(work.get("author", ""))),
            ("Title", str(work.get("title", ""))),
            (
                "Published",
                f"{work.get('publisher', '')}, {work.get('place', '')}, {work.get('date', '')}",
            ),
            (
                "Witness",
                f"{edition.decisions.siglum}: {Path(edition.witness.path).name}, "
                f"{len(edition.witness.lines)} lines, SHA-256 {edition.witness.sha256}",
            ),
            (
                "Edition",
                f"{ed.get('title', '')}, edited by {ed.get('editors', '')}, "
                f"version {ed.get('version', '')}, {ed.get('date', '')}",
            ),
        ]
        for name, value in rows:
            field = nodes.field()
            field += nodes.field_name("", name)
            body = nodes.field_body()
            body += nodes.paragraph("", value)
            field += body
            fields += field
        example = edition.paragraphs[min(11, len(edition.paragraphs)) - 1]
        cite = nodes.paragraph(classes=["citation-example"])
        cite += nodes.Text(
            f"{work.get('author')}, \u201c{work.get('title')},\u201d {work.get('publisher')}, "
            f"{work.get('year')}; {ed.get('title')}, ed. {ed.get('editors')}, version "
            f"{ed.get('version')} ({ed.get('date')}), \u00b6 {example.n}, "
        )
        anchor_uri = self.uri("text", example.id)
        cite += nodes.reference("", f"{DOCS['text']}.html#{example.id}", refuri=anchor_uri)
        cite += nodes.Text(".")
        return [fields, cite]
