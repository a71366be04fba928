"""The edition as a TEI P5 XML document (``edition.xml``), made with the standard library.

The document holds what ``edition.json`` holds, in the vocabulary of the Text
Encoding Initiative, so that tools for editions can read it:

* ``teiHeader``: the essay (``sourceDesc/bibl``), the witness *W* with its
  file and SHA-256 (``listWit/witness``), the edition and its editorial rules
  (``editorialDecl``);
* ``standOff``: the register of actors (``listPerson``, ``listOrg``,
  ``listPlace``), each with its id, standard name and description;
* ``text/body``: one ``div`` per section (with its ``head``), one ``p`` per
  paragraph, one ``s`` per sentence, with the ids of the edition (``p12``,
  ``p12.3``); ``lb ed="#W" n="k"`` marks where line *k* of the witness begins,
  and ``name ref="#actor"`` every mention of an actor;
* ``text/back``: the apparatus, one ``app`` per entry, pointing at the
  paragraphs and sentences it concerns.

The text content of each ``p`` is exactly the paragraph of the reading text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.text.edition import ApparatusEntry, Edition, Paragraph
from analysis.text.register import Register

__all__ = ["TEI_NS", "XML_ID", "element_paths", "tei_document", "tei_text"]

#: The TEI namespace.
TEI_NS = "http://www.tei-c.org/ns/1.0"
#: The qualified name of ``xml:id``.
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Where each type of actor is listed in ``standOff``, and as what.
_LISTS = {
    "person": ("listPerson", "person", "persName"),
    "group": ("listPerson", "personGrp", "name"),
    "organisation": ("listOrg", "org", "orgName"),
    "government": ("listOrg", "org", "orgName"),
    "place": ("listPlace", "place", "placeName"),
}
#: Elements that hold only other elements: the indentation goes into these and no further.
_BLOCKS = frozenset(
    {
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "editionStmt",
        "publicationStmt",
        "sourceDesc",
        "listWit",
        "encodingDesc",
        "editorialDecl",
        "standOff",
        "listPerson",
        "listOrg",
        "listPlace",
        "person",
        "personGrp",
        "org",
        "place",
        "text",
        "body",
        "back",
        "div",
        "listApp",
        "app",
        "bibl",
    }
)


def _el(
    parent: ET.Element | None, tag: str, text: str | None = None, **attributes: str
) -> ET.Element:
    """A TEI element ``tag`` under ``parent`` (``xml_id`` gives ``xml:id``)."""
    attrs = {(XML_ID if k == "xml_id" else k): v for k, v in attributes.items()}
    qualified = f"{{{TEI_NS}}}{tag}"
    element = (
        ET.Element(qualified, attrs) if parent is None else ET.SubElement(parent, qualified, attrs)
    )
    if text is not None:
        element.text = text
    return element


def _header(tei: ET.Element, edition: Edition) -> None:
    d = edition.decisions
    work, ed = d.work, d.edition
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", str(ed.get("title", "")))
    _el(title_stmt, "author", str(work.get("author", "")))
    _el(title_stmt, "editor", str(ed.get("editors", "")))
    edition_stmt = _el(file_desc, "editionStmt")
    version = _el(
        edition_stmt, "edition", f"Version {ed.get('version', '')}, ", n=str(ed.get("version", ""))
    )
    _el(version, "date", str(ed.get("date", "")), when=str(ed.get("date", "")))
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "p", f"{ed.get('title', '')}, edited by {ed.get('editors', '')}.")
    source = _el(file_desc, "sourceDesc")
    bibl = _el(source, "bibl")
    for tag, key in (
        ("author", "author"),
        ("title", "title"),
        ("publisher", "publisher"),
        ("pubPlace", "place"),
        ("date", "date"),
    ):
        _el(bibl, tag, str(work.get(key, "")))
    witnesses = _el(source, "listWit")
    _el(
        witnesses,
        "witness",
        f"{d.witness_description} File {Path(edition.witness.path).name}, "
        f"{len(edition.witness.lines)} lines, SHA-256 {edition.witness.sha256}.",
        xml_id=d.siglum,
    )
    encoding = _el(header, "encodingDesc")
    rules = _el(encoding, "editorialDecl")
    for name, rule in d.rules.items():
        _el(rules, "p", rule, n=name)


def _forms(register: Register, mentions: pd.DataFrame) -> dict[str, list[str]]:
    """Each actor's forms as they stand in the text: its aliases, then what its patterns found.

    A pattern is not a form; the surfaces it matched (without a possessive),
    in reading order, are.
    """
    forms = {a.id: list(a.aliases) for a in register}
    patterns = {(a.id, p) for a in register for p in a.patterns}
    for actor_id, form, surface in zip(
        mentions["actor_id"], mentions["form"], mentions["surface"], strict=True
    ):
        found = re.sub(r"[\u2019']s$", "", surface)
        if (actor_id, form) in patterns and found not in forms[actor_id]:
            forms[actor_id].append(found)
    return forms


def _stand_off(tei: ET.Element, register: Register, mentions: pd.DataFrame) -> None:
    stand_off = _el(tei, "standOff")
    lists: dict[str, ET.Element] = {}
    for list_tag in dict.fromkeys(tag for tag, _, _ in _LISTS.values()):
        if any(_LISTS[a.type][0] == list_tag for a in register):
            lists[list_tag] = _el(stand_off, list_tag)
    forms = _forms(register, mentions)
    for actor in register:
        list_tag, tag, name_tag = _LISTS[actor.type]
        typed = {"type": actor.type} if tag == "org" else {}
        entry = _el(lists[list_tag], tag, xml_id=actor.id, **typed)
        _el(entry, name_tag, actor.name)
        for form in forms[actor.id]:
            _el(entry, name_tag, form, type="form")
        _el(entry, "note", actor.description)


def _append_text(parent: ET.Element, text: str) -> None:
    """Add ``text`` at the current end of ``parent``'s content (its text or last child's tail)."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _paragraph(
    div: ET.Element,
    p: Paragraph,
    mentions: Iterable[dict[str, Any]],
    types: dict[str, str],
    siglum: str,
) -> None:
    """``p`` with its sentences, witness line beginnings and mentions, in mixed content."""
    element = _el(div, "p", xml_id=p.id, n=str(p.n))
    # Spans open in order of start, outer ones first; a point goes where it falls.
    spans = [(s.start, s.end, 0, "s", {"xml_id": s.id, "n": str(s.n)}) for s in p.sentences]
    spans += [
        (
            m["start"],
            m["end"],
            1,
            "name",
            {"ref": f"#{m['actor_id']}", "type": types[m["actor_id"]]},
        )
        for m in mentions
    ]
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    points = {start: line for line, start, _ in p.line_offsets}
    stack: list[tuple[ET.Element, int]] = [(element, len(p.text))]
    opening = iter(spans)
    upcoming = next(opening, None)
    cursor = 0
    for offset in sorted({0, len(p.text), *points, *(s[0] for s in spans), *(s[1] for s in spans)}):
        _append_text(stack[-1][0], p.text[cursor:offset])
        cursor = offset
        while len(stack) > 1 and stack[-1][1] == offset:
            stack.pop()
        if offset in points:
            _el(stack[-1][0], "lb", ed=f"#{siglum}", n=str(points[offset]))
        while upcoming is not None and upcoming[0] == offset:
            start, end, _, tag, attributes = upcoming
            if end > stack[-1][1]:
                raise ValueError(f"{tag} {start}-{end} of {p.id} crosses a sentence boundary")
            stack.append((_el(stack[-1][0], tag, **attributes), end))
            upcoming = next(opening, None)


def _app(listing: ET.Element, entry: ApparatusEntry, siglum: str) -> None:
    targets = " ".join(f"#{t}" for t in (entry.sentence_ids or entry.paragraph_ids))
    if not targets and entry.section_id:
        targets = f"#{entry.section_id}"
    attributes = {
        "xml_id": entry.id,
        "type": entry.type,
        "n": str(entry.n),
        "loc": " ".join(str(k) for k in entry.lines),
    }
    if targets:
        attributes["corresp"] = targets
    app = _el(listing, "app", **attributes)
    if entry.reading is not None:
        _el(app, "lem", entry.reading)
    if entry.witness is not None:
        _el(app, "rdg", entry.witness, wit=f"#{siglum}")
    note = _el(app, "note", entry.note)
    if entry.rule:
        note.set("type", entry.rule)


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the block elements only, so that no whitespace is added to the text."""
    if element.tag.removeprefix(f"{{{TEI_NS}}}") not in _BLOCKS or not len(element):
        return
    if element.text and element.text.strip():
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def tei_document(edition: Edition, register: Register, mentions: pd.DataFrame) -> ET.Element:
    """Return the edition as a TEI element tree.

    ``mentions`` is the table of :func:`analysis.measures.mentions.find_mentions`; each
    row becomes a ``name`` element in its sentence.
    """
    siglum = edition.decisions.siglum
    tei = _el(None, "TEI")
    _header(tei, edition)
    _stand_off(tei, register, mentions)
    text = _el(tei, "text")
    body = _el(text, "body")
    types = {a.id: a.type for a in register}
    by_paragraph: dict[str, list[dict[str, Any]]] = {}
    for row in mentions.to_dict("records"):
        by_paragraph.setdefault(row["paragraph_id"], []).append(row)
    for section in edition.sections:
        div = _el(body, "div", xml_id=section.id, type="section", n=str(section.n))
        if section.heading:
            _el(div, "head", section.heading)
        for p in section.paragraphs:
            _paragraph(div, p, by_paragraph.get(p.id, []), types, siglum)
    back = _el(text, "back")
    apparatus = _el(back, "div", type="apparatus")
    listing = _el(apparatus, "listApp")
    for entry in edition.apparatus:
        _app(listing, entry, siglum)
    _indent(tei)
    return tei


def tei_text(edition: Edition, register: Register, mentions: pd.DataFrame) -> str:
    """Return ``edition.xml``: the TEI document as UTF-8 XML text with a declaration."""
    ET.register_namespace("", TEI_NS)
    body = ET.tostring(tei_document(edition, register, mentions), encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def element_paths(root: ET.Element) -> list[str]:
    """List the paths of the elements under ``root``, as the data dictionary names them.

    A path is the chain of local names from the root (``TEI/text/body``); each
    is listed once, in order of first appearance.

    >>> element_paths(ET.fromstring('<a xmlns="x"><b><c/></b><b/><d/></a>'))
    ['a', 'a/b', 'a/b/c', 'a/d']
    """
    seen: dict[str, None] = {}

    def walk(element: ET.Element, parent: str) -> None:
        path = (
            f"{parent}/{element.tag.rpartition('}')[2]}"
            if parent
            else element.tag.rpartition("}")[2]
        )
        seen.setdefault(path, None)
        for child in element:
            walk(child, path)

    walk(root, "")
    return list(seen)
