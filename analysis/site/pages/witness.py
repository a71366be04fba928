"""The witness as received: every line numbered and linked to where it went.

The ``{edition-witness}`` directive shows each line of the witness *W* with
its number (an anchor, ``w12``), its text exactly as received (a stray
leading space is kept and marked), a link to the paragraph or heading of the
reading text that it became, and the marks of the apparatus entries that
concern it. The text reaches the page as docutils text nodes only.
"""

from __future__ import annotations

from docutils import nodes

from analysis.site.cache import current_edition
from analysis.site.pages.base import _Page
from analysis.text.edition import ApparatusEntry

__all__ = ["EditionWitness"]


class EditionWitness(_Page):
    """The witness as received: every line numbered, linked to where it went."""

    def make(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        places = edition.line_places()
        paragraphs = {p.id: p for p in edition.paragraphs}
        sections = {s.id: s for s in edition.sections}
        by_line: dict[int, list[ApparatusEntry]] = {}
        for e in edition.apparatus:
            for k in e.witness_lines:
                by_line.setdefault(k, []).append(e)
        box = nodes.container(classes=["witness"])
        for k, text in enumerate(edition.witness.lines, start=1):
            line = nodes.paragraph(ids=[f"w{k}"], classes=["wline"])
            line += self.link(str(k), "witness", f"w{k}", classes=["wnum"], title=f"W line {k}")
            body = nodes.inline(classes=["wtext"])
            stripped = text.lstrip()
            if text.strip() and stripped != text:
                body += nodes.inline("", text[: len(text) - len(stripped)], classes=["stray-space"])
            body += nodes.Text(stripped if text.strip() else text)
            line += body
            place = places.get(k)
            if place is not None:
                kind, owner = place
                if kind == "paragraph":
                    line += self.link(
                        f"\u2192\u00a0\u00b6\u00a0{paragraphs[owner].n}",
                        "text",
                        owner,
                        classes=["wdest"],
                        title=f"Reading text, paragraph {paragraphs[owner].n}",
                    )
                else:
                    line += self.link(
                        "\u2192\u00a0heading",
                        "text",
                        owner,
                        classes=["wdest"],
                        title=f"Heading: {sections[owner].heading}",
                    )
            for e in by_line.get(k, []):
                line += nodes.Text(" ")
                line += self.entry_mark(e)
            box += line
        return [box]
