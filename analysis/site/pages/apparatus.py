"""The apparatus: every intervention, located in the reading text and in the witness.

The ``{edition-apparatus}`` directive lists first the rules applied
throughout the text, then every apparatus entry in the order of its number,
which is the order of the reading text: under the heading of each section of
the text, then the normalisations, which apply throughout. Each entry gives
its id (an anchor), its kind, the witness lines it concerns, the paragraphs or heading
of the reading text it touches, the lemma of an emendation or a reading kept
*sic*, and the editor's note. All of it reaches the page as docutils text
nodes.
"""

from __future__ import annotations

from docutils import nodes

from analysis.site.cache import current_edition
from analysis.site.pages.base import TYPE_LABELS, _Page, _slug

__all__ = ["EditionApparatus"]

#: The title of the group of the untitled opening, and of the rules applied throughout.
_OPENING = "The opening"
_RULES = "Normalisations"


class EditionApparatus(_Page):
    """The apparatus: every intervention, located in the text and in the witness."""

    def make(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        paragraphs = {p.id: p for p in edition.paragraphs}
        sections = {s.id: s for s in edition.sections}
        out: list[nodes.Node] = []
        rules = nodes.bullet_list()
        for name, rule in edition.decisions.rules.items():
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.strong("", name.replace("_", " ").capitalize() + ". ")
            para += nodes.Text(rule)
            item += para
            rules += item
        out.append(rules)
        # an entry stands under the section where its mark stands (a heading's at its heading)
        placed = {
            e.id: paragraphs[e.anchor[0]].section_id if e.anchor else e.section_id
            for e in edition.apparatus
            if e.type != "normalisation"
        }
        groups = [
            (s.heading or _OPENING, [e for e in edition.apparatus if placed.get(e.id) == s.id])
            for s in edition.sections
        ]
        groups.append((_RULES, [e for e in edition.apparatus if e.type == "normalisation"]))
        for title, members in groups:
            if not members:
                continue
            group = nodes.section(ids=[_slug(title)], names=[_slug(title)])
            group += nodes.title("", title)
            entries = nodes.definition_list(classes=["apparatus"])
            for e in members:
                item = nodes.definition_list_item()
                term = nodes.term(ids=[e.id])
                term += self.link(e.id, "apparatus", e.id, classes=["app-id"])
                term += nodes.Text(f" {TYPE_LABELS[e.type]} \u00b7 W ")
                term.extend(
                    self.witness_links(e.lines if e.type != "transposition" else e.witness_lines)
                )
                if e.paragraph_ids:
                    term += nodes.Text(" \u00b7 ")
                    for i, pid in enumerate(e.paragraph_ids):
                        if i:
                            term += nodes.Text(", ")
                        anchor = pid
                        if e.anchor and e.anchor[0] == pid and e.sentence_ids:
                            anchor = next(
                                (s for s in e.sentence_ids if s.startswith(f"{pid}.")), pid
                            )
                        term += self.link(
                            f"\u00b6\u00a0{paragraphs[pid].n}",
                            "text",
                            anchor,
                            title=f"Reading text at {anchor}",
                        )
                elif e.section_id in sections and sections[e.section_id].heading:
                    term += nodes.Text(" \u00b7 ")
                    term += self.link(sections[e.section_id].heading or "", "text", e.section_id)
                item += term
                definition = nodes.definition()
                if e.type == "emendation":
                    lemma = nodes.paragraph(classes=["lemma"])
                    lemma += nodes.Text(f"{e.reading} ] {e.witness} ")
                    lemma += nodes.emphasis("", edition.decisions.siglum)
                    definition += lemma
                elif e.type == "sic":
                    lemma = nodes.paragraph(classes=["lemma"])
                    lemma += nodes.Text(f"{e.reading} ")
                    lemma += nodes.emphasis("", "sic")
                    definition += lemma
                definition += nodes.paragraph("", e.note)
                item += definition
                entries += item
            group += entries
            out.append(group)
        return out
