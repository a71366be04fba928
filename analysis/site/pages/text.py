"""The reading text: sections, numbered paragraphs, apparatus marks and marked mentions.

The ``{edition-text}`` directive shows every paragraph of the edition with
its number, its witness lines and the marks of the apparatus entries anchored
in it; every sentence carries its id as an anchor, and every mention of an
actor of the register links to the actor's entry, with the standard name,
type and identification as its tooltip. :func:`text_pieces` cuts a stretch
of the text at the apparatus marks and around the mentions, so that both are
marked without losing or repeating a character.

The text of the witness reaches the page as docutils text nodes, never as
Markdown or HTML source. The paragraph's witness lines, shown in a
``<details>``, and the record that the "cite" buttons of ``edition.js`` read
(``#edition-citation``: the citation up to the paragraph and the absolute
address of the page) are the fragments written as raw HTML, escaped with
:func:`analysis.site.markup.escape`. The notes of the apparatus follow each
paragraph for print (``.print-notes``, hidden on screen, where the marks'
tooltips give them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from docutils import nodes

from analysis.site import markup
from analysis.site.cache import current_actors, current_edition
from analysis.site.pages.base import DOCS, TYPE_LABELS, _Page
from analysis.site.pages.record import citation_prefix, page_url
from analysis.text.edition import ApparatusEntry, Edition, Paragraph, Sentence
from analysis.text.register import Actor

__all__ = ["EditionText", "Piece", "actor_title", "text_pieces"]


@dataclass(frozen=True)
class Piece:
    """A stretch ``[start, end)`` of a text, or a point mark placed at ``start``.

    A text piece has ``mark`` None and carries in ``span`` the payload of the
    span (a mention) that covers it, or None. A mark piece has ``start ==
    end`` and its payload in ``mark``.
    """

    start: int
    end: int
    span: Any = None
    mark: Any = None


def text_pieces(
    start: int,
    end: int,
    *,
    points: Iterable[tuple[int, Any]] = (),
    spans: Iterable[tuple[int, int, Any]] = (),
) -> list[Piece]:
    """Cut ``[start, end)`` at every point and span boundary, in text order.

    ``points`` are ``(offset, payload)`` marks inside ``[start, end]`` (others
    are ignored), kept in the given order where they share an offset and
    placed before the text that begins there. ``spans`` are ``(a, b,
    payload)``; a span reaching outside ``[start, end)`` is clipped to it, so
    a mention that crossed a sentence boundary would be split in two, and a
    mark inside a span splits it around the mark. Spans must not overlap.

    >>> pieces = text_pieces(0, 10, points=[(4, "a1")], spans=[(2, 6, "x")])
    >>> [(p.start, p.end, p.span or p.mark or "") for p in pieces]
    [(0, 2, ''), (2, 4, 'x'), (4, 4, 'a1'), (4, 6, 'x'), (6, 10, '')]
    """
    marks = [(o, m) for o, m in points if start <= o <= end]
    clipped = sorted(
        ((max(a, start), min(b, end), s) for a, b, s in spans if a < end and b > start and a < b),
        key=lambda t: (t[0], t[1]),
    )
    for (_, b1, _), (a2, _, _) in pairwise(clipped):
        if a2 < b1:
            raise ValueError(f"spans overlap at offset {a2}")
    cuts = sorted({start, end} | {o for o, _ in marks} | {x for a, b, _ in clipped for x in (a, b)})
    out: list[Piece] = []
    for k, cut in enumerate(cuts):
        out.extend(Piece(cut, cut, mark=m) for o, m in marks if o == cut)
        if k + 1 < len(cuts):
            following = cuts[k + 1]
            cover = next((s for a, b, s in clipped if a <= cut and following <= b), None)
            out.append(Piece(cut, following, span=cover))
    return out


def actor_title(actor: Actor) -> str:
    """The tooltip of a marked mention: standard name, type and identification."""
    return f"{actor.name} \u2014 {actor.type} \u2014 {actor.description}"


class EditionText(_Page):
    """The reading text: sections, numbered paragraphs, apparatus marks, witness lines."""

    def make(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        register, mentions = current_actors(
            self.config.edition_decisions, self.config.edition_register
        )
        actors = {a.id: a for a in register}
        self.mentions: dict[str, list[tuple[int, int, Actor]]] = {}
        for actor_id, pid, start, end in zip(
            mentions["actor_id"],
            mentions["paragraph_id"],
            mentions["start"],
            mentions["end"],
            strict=True,
        ):
            self.mentions.setdefault(pid, []).append((int(start), int(end), actors[actor_id]))
        anchored: dict[str, list[ApparatusEntry]] = {}
        for e in edition.apparatus:
            # A normalisation is a rule applied throughout; the witness page marks its lines.
            if e.anchor and e.type != "normalisation":
                anchored.setdefault(e.anchor[0], []).append(e)
        headings = {e.section_id: e for e in edition.apparatus if e.type == "heading"}
        record = (
            '<div id="edition-citation" hidden '
            f'data-prefix="{markup.escape(citation_prefix(edition))}" '
            f'data-url="{markup.escape(page_url(self.config.html_baseurl, DOCS["text"]))}"></div>'
        )
        out: list[nodes.Node] = [nodes.raw("", record, format="html")]
        for section in edition.sections:
            body: list[nodes.Node] = []
            for p in section.paragraphs:
                body.extend(self.paragraph(edition, p, anchored.get(p.id, [])))
            if section.heading is None:
                out.extend(body)
                continue
            node = nodes.section(ids=[section.id], names=[section.id])
            node += nodes.title("", section.heading)
            entry = headings.get(section.id)
            if entry is not None:
                note = nodes.paragraph(classes=["heading-source"])
                note += nodes.Text("W line " if len(entry.lines) == 1 else "W lines ")
                note.extend(self.witness_links(entry.lines))
                note += nodes.Text(" \u00b7 ")
                note += self.entry_mark(entry)
                node += note
            node.extend(body)
            out.append(node)
        return out

    def paragraph(
        self, edition: Edition, p: Paragraph, entries: list[ApparatusEntry]
    ) -> list[nodes.Node]:
        """A paragraph: its margin, its numbered text, its witness lines and its printed notes."""
        in_order = sorted(entries, key=lambda e: (e.anchor[1], e.n))
        para = nodes.paragraph(ids=[p.id], classes=["edition-paragraph"])
        para += self.link(
            f"\u00b6\u00a0{p.n}",
            "text",
            p.id,
            classes=["para-number"],
            title=f"Paragraph {p.n}: link to cite",
        )
        para += nodes.Text(" ")
        marks_at = [(e.anchor[1], e) for e in in_order]
        cursor = 0
        for s in p.sentences:
            if s.start > cursor:
                para += nodes.Text(p.text[cursor : s.start])
            para += self.sentence(p, s, marks_at)
            cursor = s.end
        out = [self.margin(p, in_order), para, self.witness_details(edition, p)]
        if entries:
            notes = nodes.container(classes=["print-notes"])
            for e in in_order:
                notes += nodes.paragraph("", f"{e.id} ({TYPE_LABELS[e.type]}): {e.note}")
            out.append(notes)
        return out

    def margin(self, p: Paragraph, entries: list[ApparatusEntry]) -> nodes.sidebar:
        """The margin of a paragraph: its number, its witness lines, its apparatus marks."""
        margin = nodes.sidebar(classes=["margin", "paragraph-margin"])
        margin += nodes.title("", "")
        info = nodes.paragraph()
        info += nodes.Text(f"\u00b6 {p.n} \u00b7 W ")
        info.extend(self.witness_links(p.lines))
        margin += info
        if entries:
            marks = nodes.paragraph(classes=["app-marks"])
            for i, e in enumerate(entries):
                if i:
                    marks += nodes.Text(" ")
                marks += self.entry_mark(e)
                marks += nodes.Text(f"\u00a0{TYPE_LABELS[e.type]}")
            margin += marks
        return margin

    def sentence(
        self, p: Paragraph, s: Sentence, marks_at: list[tuple[int, ApparatusEntry]]
    ) -> nodes.inline:
        """A sentence of ``p``, with its apparatus marks and its mentions of actors linked."""
        sentence = nodes.inline(ids=[s.id], classes=["sentence"])
        # Marks are points, mentions spans; a span reaching past the sentence
        # (none does: find_mentions checks) or around a mark is cut in pieces.
        points = [
            (offset, e)
            for offset, e in marks_at
            if s.start <= offset < s.end or (offset == s.end == len(p.text))
        ]
        for piece in text_pieces(s.start, s.end, points=points, spans=self.mentions.get(p.id, [])):
            if piece.mark is not None:
                sentence += self.entry_mark(piece.mark)
            elif piece.span is not None:
                sentence += self.link(
                    p.text[piece.start : piece.end],
                    "register",
                    f"actor-{piece.span.id}",
                    classes=["actor"],
                    title=actor_title(piece.span),
                )
            else:
                sentence += nodes.Text(p.text[piece.start : piece.end])
        return sentence

    def witness_details(self, edition: Edition, p: Paragraph) -> nodes.raw:
        """The witness lines behind a paragraph, each linked to its place in the witness."""
        witness = "\n".join(
            f'<span class="wl"><a href="{markup.escape(self.uri("witness", f"w{k}"))}">{k}</a> '
            f"{markup.escape(edition.witness.line(k))}</span>"
            for k in p.lines
        )
        return nodes.raw(
            "",
            f'<details class="witness-lines"><summary>Witness lines of \u00b6 {p.n}</summary>'
            f'<pre class="witness-pre">{witness}</pre></details>',
            format="html",
        )
