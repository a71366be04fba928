"""Sphinx directives that put the edition on the website's pages.

Pages call these, and nothing else, to show the reading text (with the
mentions of actors marked), the witness, the apparatus, the register of actors
and the bibliographic record::

    ```{edition-text}
    ```

The text of the witness reaches the page as docutils text nodes, never as
Markdown or HTML source, so a quotation mark, ``<``, ``&`` or a Markdown
construct in the essay shows literally and the Sphinx search indexes it. The
few fragments written as raw HTML (the ``<details>`` that show a paragraph's
witness lines) are escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import paths
from .actor_pages import TYPE_PLURALS, RegisterEntry, register_groups, text_pieces
from .actors import find_mentions
from .comentions import comentions
from .edition import ApparatusEntry, Edition, Paragraph, load_edition
from .register import Actor, Register, load_register

__all__ = ["DOCS", "current_actors", "edition_counts", "setup"]

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
_GROUPS = (
    ("Order and structure", ("transposition", "join", "division", "heading")),
    ("Normalisations", ("normalisation",)),
    ("Emendations and readings kept", ("emendation", "sic")),
)


@lru_cache(maxsize=4)
def _cached_edition(decisions: str, stamp: tuple[int, ...]) -> Edition:
    return load_edition(decisions)


def current_edition(decisions: str | Path = paths.DECISIONS) -> Edition:
    """The edition of ``decisions``, built once per change of the files beside it."""
    files = sorted(Path(decisions).parent.glob("*"))
    return _cached_edition(str(decisions), tuple(f.stat().st_mtime_ns for f in files))


@lru_cache(maxsize=4)
def _cached_actors(
    decisions: str, register: str, stamp: tuple[int, ...]
) -> tuple[Register, pd.DataFrame]:
    actors = load_register(register)
    return actors, find_mentions(current_edition(decisions), actors)


def current_actors(
    decisions: str | Path = paths.DECISIONS, register: str | Path = paths.ACTORS
) -> tuple[Register, pd.DataFrame]:
    """The register and its mentions in the edition of ``decisions``.

    Built once per change of the files beside either; the mentions are
    :func:`analysis.actors.find_mentions`, and callers must not modify them.
    """
    files = sorted({*Path(decisions).parent.glob("*"), *Path(register).parent.glob("*")})
    return _cached_actors(str(decisions), str(register), tuple(f.stat().st_mtime_ns for f in files))


def actor_title(actor: Actor) -> str:
    """The tooltip of a marked mention: standard name, type and identification."""
    return f"{actor.name} \u2014 {actor.type} \u2014 {actor.description}"


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


class _Page(SphinxDirective):
    """Shared helpers: links between the edition's pages."""

    has_content = False

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


class EditionText(_Page):
    """The reading text: sections, numbered paragraphs, apparatus marks, witness lines."""

    def run(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        self.env.note_dependency(self.config.edition_register)
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
        out: list[nodes.Node] = []
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
                note += nodes.Text("W line ")
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
        margin = nodes.sidebar(classes=["margin", "paragraph-margin"])
        margin += nodes.title("", "")
        info = nodes.paragraph()
        info += nodes.Text(f"\u00b6 {p.n} \u00b7 W ")
        info.extend(self.witness_links(p.lines))
        margin += info
        if entries:
            marks = nodes.paragraph(classes=["app-marks"])
            for i, e in enumerate(sorted(entries, key=lambda e: (e.anchor[1], e.n))):
                if i:
                    marks += nodes.Text(" ")
                marks += self.entry_mark(e)
                marks += nodes.Text(f"\u00a0{TYPE_LABELS[e.type]}")
            margin += marks
        para = nodes.paragraph(ids=[p.id], classes=["edition-paragraph"])
        para += self.link(
            f"\u00b6\u00a0{p.n}",
            "text",
            p.id,
            classes=["para-number"],
            title=f"Paragraph {p.n}: link to cite",
        )
        para += nodes.Text(" ")
        marks_at = sorted((e.anchor[1], e.n, e) for e in entries)
        cursor = 0
        for s in p.sentences:
            if s.start > cursor:
                para += nodes.Text(p.text[cursor : s.start])
            sentence = nodes.inline(ids=[s.id], classes=["sentence"])
            # Marks are points, mentions spans; a span reaching past the sentence
            # (none does: find_mentions checks) or around a mark is cut in pieces.
            points = [
                (offset, e)
                for offset, _, e in marks_at
                if s.start <= offset < s.end or (offset == s.end == len(p.text))
            ]
            for piece in text_pieces(
                s.start, s.end, points=points, spans=self.mentions.get(p.id, [])
            ):
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
            para += sentence
            cursor = s.end
        witness = "\n".join(
            f'<span class="wl"><a href="{html.escape(self.uri("witness", f"w{k}"))}">{k}</a> '
            f"{html.escape(edition.witness.line(k))}</span>"
            for k in p.lines
        )
        details = nodes.raw(
            "",
            f'<details class="witness-lines"><summary>Witness lines of \u00b6 {p.n}</summary>'
            f'<pre class="witness-pre">{witness}</pre></details>',
            format="html",
        )
        return [margin, para, details]


class EditionWitness(_Page):
    """The witness as received: every line numbered, linked to where it went."""

    def run(self) -> list[nodes.Node]:
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


class EditionApparatus(_Page):
    """The apparatus: every intervention, located in the text and in the witness."""

    def run(self) -> list[nodes.Node]:
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
        for title, kinds in _GROUPS:
            group = nodes.section(ids=[_slug(title)], names=[_slug(title)])
            group += nodes.title("", title)
            entries = nodes.definition_list(classes=["apparatus"])
            for e in (e for e in edition.apparatus if e.type in kinds):
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


class EditionRegister(_Page):
    """The register of actors: by type, each with its forms, mentions and co-mentions."""

    def run(self) -> list[nodes.Node]:
        edition = current_edition(self.config.edition_decisions)
        self.env.note_dependency(self.config.edition_register)
        register, mentions = current_actors(
            self.config.edition_decisions, self.config.edition_register
        )
        pairs = comentions(mentions, window="sentence", edition=edition)
        groups = register_groups(register, mentions, pairs)
        summary = nodes.paragraph(classes=["register-summary"])
        kinds = ", ".join(
            f"{len(entries)} {kind if len(entries) == 1 else TYPE_PLURALS[kind].lower()}"
            for kind, entries in groups
        )
        summary += nodes.Text(
            f"{len(register)} actors ({kinds}), named {len(mentions)} times in "
            f"{mentions['sentence_id'].nunique()} of the {len(edition.sentences)} sentences "
            f"of the reading text; {len(pairs)} pairs of them are named in the same sentence."
        )
        contents = nodes.paragraph(classes=["register-contents"])
        for i, (kind, entries) in enumerate(groups):
            if i:
                contents += nodes.Text(" \u00b7 ")
            contents += self.link(
                f"{TYPE_PLURALS[kind]} ({len(entries)})", "register", _slug(TYPE_PLURALS[kind])
            )
        out: list[nodes.Node] = [summary, contents]
        for kind, entries in groups:
            slug = _slug(TYPE_PLURALS[kind])
            group = nodes.section(ids=[slug], names=[slug])
            group += nodes.title("", TYPE_PLURALS[kind])
            for entry in entries:
                group += self.entry(entry)
            out.append(group)
        return out

    def entry(self, entry: RegisterEntry) -> nodes.section:
        actor = entry.actor
        anchor = f"actor-{actor.id}"
        node = nodes.section(ids=[anchor], names=[anchor], classes=["register-entry"])
        node += nodes.title("", actor.name)
        sentences = len(entry.mentions)
        head = nodes.paragraph(classes=["register-meta"])
        head += nodes.Text(
            f"{actor.type} \u00b7 {entry.count} "
            f"mention{'s' if entry.count != 1 else ''} in {sentences} "
            f"sentence{'s' if sentences != 1 else ''}"
        )
        node += head
        node += nodes.paragraph("", actor.description, classes=["register-description"])
        forms = nodes.paragraph(classes=["register-forms"])
        forms += nodes.strong("", "Forms in the text: ")
        for i, (form, n) in enumerate(entry.forms):
            if i:
                forms += nodes.Text("; ")
            forms += nodes.inline("", form, classes=["register-form"])
            forms += nodes.Text(f" ({n})")
        node += forms
        located = nodes.paragraph(classes=["register-mentions"])
        located += nodes.strong("", "Mentions: ")
        for i, (sentence_id, n) in enumerate(entry.mentions):
            if i:
                located += nodes.Text(", ")
            located += self.link(
                sentence_id, "text", sentence_id, title=f"Reading text, sentence {sentence_id}"
            )
            if n > 1:
                located += nodes.Text(f"\u00a0(\u00d7{n})")
        node += located
        partners = nodes.paragraph(classes=["register-comentions"])
        partners += nodes.strong("", "Named in the same sentence as: ")
        if not entry.comentioned:
            partners += nodes.Text("no other actor.")
        for i, (other, n) in enumerate(entry.comentioned):
            if i:
                partners += nodes.Text(", ")
            partners += self.link(
                other.name,
                "register",
                f"actor-{other.id}",
                title=f"{other.name}: {n} sentence{'s' if n != 1 else ''} with both",
            )
            partners += nodes.Text(f"\u00a0({n})")
        node += partners
        return node


class EditionRecord(_Page):
    """The bibliographic record of the essay and of the edition, and how to cite."""

    def run(self) -> list[nodes.Node]:
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


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


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
