"""The bibliographic record of the essay and of the edition, and how to cite a paragraph.

The ``{edition-record}`` directive, on the title page, lists the author,
title and publication of the essay, the witness (its file, number of lines
and SHA-256) and the edition (title, editors, version, date), all read from
the decisions, and gives an example citation of a paragraph with its
absolute address in the reading text. :func:`citation_prefix` and
:func:`page_url` make the citations of this page and of the "cite" buttons of
the reading text (``edition.js``), from the record and from the base URL of
the site (``html.baseurl`` in ``_config.yml``, Sphinx's ``html_baseurl``).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from analysis.site.cache import current_edition
from analysis.site.pages.base import DOCS, _Page
from analysis.text.edition import Edition

__all__ = ["EditionRecord", "citation_prefix", "page_url"]


def citation_prefix(edition: Edition) -> str:
    """The citation of the essay and the edition, up to the paragraph it cites."""
    work, ed = edition.decisions.work, edition.decisions.edition
    return (
        f"{work.get('author')}, \u201c{work.get('title')},\u201d {work.get('publisher')}, "
        f"{work.get('year')}; {ed.get('title')}, ed. {ed.get('editors')}, version "
        f"{ed.get('version')} ({ed.get('date')}), "
    )


def page_url(base: str, docname: str) -> str:
    """The absolute address of a page of the site published at ``base``.

    >>> page_url("https://example.org/edition/", "text")
    'https://example.org/edition/text.html'
    """
    if not base:
        raise ValueError("html_baseurl is empty: set html.baseurl in _config.yml")
    return f"{base.rstrip('/')}/{docname}.html"


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
            para = nodes.paragraph("", value)
            if name == "Published" and work.get("url"):
                url = str(work["url"])
                para += nodes.Text("; the original publication: ")
                para += nodes.reference("", url, refuri=url)
            body += para
            field += body
            fields += field
        example = edition.paragraphs[min(11, len(edition.paragraphs)) - 1]
        cite = nodes.paragraph(classes=["citation-example"])
        cite += nodes.Text(f"{citation_prefix(edition)}\u00b6 {example.n}, ")
        address = f"{page_url(self.config.html_baseurl, DOCS['text'])}#{example.id}"
        cite += nodes.reference("", address, refuri=address)
        cite += nodes.Text(".")
        return [fields, cite]
