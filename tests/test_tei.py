"""The TEI version of the edition: well-formed, lossless, and its pointers resolve."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pandas as pd
import pytest

from analysis.export.tei import TEI_NS, XML_ID, tei_text
from analysis.text.edition import Edition
from analysis.text.register import Register

T = f"{{{TEI_NS}}}"


@pytest.fixture(scope="module")
def tei(edition: Edition, register: Register, mentions: pd.DataFrame) -> ET.Element:
    """The parsed ``edition.xml`` (parsing it is the well-formedness check)."""
    text = tei_text(edition, register, mentions)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns=')
    return ET.fromstring(text.encode("utf-8"))


def test_every_paragraph_is_there_with_its_exact_text(tei: ET.Element, edition: Edition) -> None:
    paragraphs = tei.findall(f".//{T}body/{T}div/{T}p")
    assert [p.get(XML_ID) for p in paragraphs] == [p.id for p in edition.paragraphs]
    for element, paragraph in zip(paragraphs, edition.paragraphs, strict=True):
        assert "".join(element.itertext()) == paragraph.text, paragraph.id
        assert element.get("n") == str(paragraph.n)


def test_every_sentence_is_there_with_its_exact_text(tei: ET.Element, edition: Edition) -> None:
    sentences = tei.findall(f".//{T}s")
    assert [s.get(XML_ID) for s in sentences] == [s.id for s in edition.sentences]
    for element, sentence in zip(sentences, edition.sentences, strict=True):
        assert "".join(element.itertext()) == sentence.text, sentence.id


def test_sections_and_headings(tei: ET.Element, edition: Edition) -> None:
    divs = tei.findall(f"{T}text/{T}body/{T}div")
    assert [d.get(XML_ID) for d in divs] == [s.id for s in edition.sections]
    for div, section in zip(divs, edition.sections, strict=True):
        head = div.find(f"{T}head")
        assert (head.text if head is not None else None) == section.heading


def test_every_line_of_every_paragraph_begins_with_a_line_break(
    tei: ET.Element, edition: Edition
) -> None:
    found = [(lb.get("ed"), int(lb.get("n", "0"))) for lb in tei.iter(f"{T}lb")]
    expected = [("#W", line) for p in edition.paragraphs for line in p.lines]
    assert found == expected


def test_every_mention_is_a_name(tei: ET.Element, mentions: pd.DataFrame) -> None:
    names = list(tei.iter(f"{T}name"))
    names = [n for n in names if n.get("ref")]
    assert len(names) == len(mentions)
    assert [n.get("ref") for n in names] == [f"#{a}" for a in mentions["actor_id"]]
    assert ["".join(n.itertext()) for n in names] == mentions["surface"].tolist()


def test_ids_are_unique_and_every_pointer_resolves(
    tei: ET.Element, register: Register, edition: Edition
) -> None:
    ids = Counter(e.get(XML_ID) for e in tei.iter() if e.get(XML_ID))
    assert [i for i, n in ids.items() if n > 1] == []
    assert {a.id for a in register} <= set(ids)
    pointers = [
        p
        for e in tei.iter()
        for attr in ("ref", "corresp", "wit", "ed")
        for p in (e.get(attr) or "").split()
    ]
    assert pointers
    assert {p.removeprefix("#") for p in pointers} <= set(ids)
    apps = tei.findall(f".//{T}listApp/{T}app")
    assert [a.get(XML_ID) for a in apps] == [e.id for e in edition.apparatus]


def test_the_emendation_gives_lemma_and_witness_reading(tei: ET.Element, edition: Edition) -> None:
    entry = next(e for e in edition.apparatus if e.type == "emendation")
    app = next(a for a in tei.iter(f"{T}app") if a.get(XML_ID) == entry.id)
    assert app.findtext(f"{T}lem") == entry.reading
    assert app.findtext(f"{T}rdg") == entry.witness
    assert app.find(f"{T}rdg").get("wit") == "#W"


def test_the_header_records_the_witness(tei: ET.Element, edition: Edition) -> None:
    witness = tei.find(f".//{T}listWit/{T}witness")
    assert witness is not None and witness.get(XML_ID) == edition.decisions.siglum
    assert edition.witness.sha256 in (witness.text or "")


def test_governments_are_typed_organisations_with_the_forms_found(tei: ET.Element) -> None:
    orgs = {o.get(XML_ID): o for o in tei.iter(f"{T}org")}
    government = orgs["us-government"]
    assert government.get("type") == "government"
    assert orgs["sinaloa-cartel"].get("type") == "organisation"
    forms = [n.text for n in government.findall(f"{T}orgName[@type='form']")]
    # the literal aliases, then what the pattern found: the metonym, not the regular expression
    assert forms[-1] == "Washington" and not any("(?" in f for f in forms)
    place = next(p for p in tei.iter(f"{T}place") if p.get(XML_ID) == "washington")
    assert [n.text for n in place.findall(f"{T}placeName[@type='form']")] == ["Washington"]
