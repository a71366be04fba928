"""The data dictionary: every export file, and every column or field in it, described.

:data:`DATA_DICTIONARY` says what each file of :mod:`analysis.export.files` holds and
what each of its columns (CSV), fields (JSON) or elements (XML) means; the
site's data page renders it (:mod:`analysis.site.downloads`), and the tests check
that it names exactly the columns the files have, so the two cannot drift.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from analysis.measures.comentions import ALPHA, MIN_COUNT
from analysis.text.edition import Edition

__all__ = [
    "DATA_DICTIONARY",
    "SECTION_COLUMN",
    "ExportFile",
    "Field",
    "data_dictionary",
    "json_fields",
]


class Field(NamedTuple):
    """A column of a CSV file, a field of a JSON file or an element of an XML file.

    JSON fields are written ``a.b`` (field ``b`` of object ``a``), ``a[]`` (the
    items of list ``a``) and ``a.*`` (any key of ``a``); XML elements by their
    path of local names (``TEI/text/body``).
    """

    name: str
    type: str
    description: str


class ExportFile(NamedTuple):
    """An export file: its name, what it holds, and its columns or fields."""

    name: str
    description: str
    fields: tuple[Field, ...]


#: In :data:`DATA_DICTIONARY`, the column that stands for one column per section.
SECTION_COLUMN = "<section>"

_IDS = "string (ids joined by ;)"
_SENTENCE_ID = "id of a sentence of the reading text (p12.3: paragraph 12, sentence 3)"


def _f(name: str, type_: str, description: str) -> Field:
    return Field(name, type_, description)


_EDITION_FIELDS = (
    _f("work", "object", "bibliographic record of the essay"),
    _f("work.author", "string", "author of the essay"),
    _f("work.title", "string", "title of the essay"),
    _f("work.publisher", "string", "publisher"),
    _f("work.place", "string", "place of publication"),
    _f("work.date", "string", "date of publication as printed"),
    _f("work.year", "integer", "year of publication"),
    _f("work.url", "string", "address of the original publication"),
    _f("edition", "object", "record of this edition"),
    _f("edition.title", "string", "title of the edition"),
    _f("edition.editors", "string", "editors"),
    _f("edition.version", "string", "version of the edition"),
    _f("edition.date", "string", "date of the version (YYYY-MM-DD)"),
    _f("witness", "object", "the witness W the text is established from"),
    _f("witness.siglum", "string", "siglum of the witness"),
    _f("witness.path", "string", "file name of the witness"),
    _f("witness.sha256", "string", "SHA-256 of the witness file, hexadecimal"),
    _f("witness.lines", "integer", "number of lines of the witness"),
    _f("witness.description", "string", "what the witness is and how it was made"),
    _f("rules", "object", "editorial rules applied throughout, by name"),
    _f("rules.*", "string", "the rule, in words"),
    _f("sections", "array", "sections of the essay in reading order"),
    _f("sections[].id", "string", "section id"),
    _f("sections[].n", "integer", "section number, from 1"),
    _f("sections[].heading", "string or null", "heading; null for the untitled opening"),
    _f("sections[].heading_lines", "array of integers", "witness lines of the heading"),
    _f("sections[].paragraphs", "array", "paragraphs of the section in reading order"),
    _f("sections[].paragraphs[].id", "string", "paragraph id (p12)"),
    _f("sections[].paragraphs[].n", "integer", "paragraph number, from 1 through the text"),
    _f(
        "sections[].paragraphs[].spans",
        "array of [integer, integer]",
        "runs of witness lines [first, last] that make the paragraph, in reading order",
    ),
    _f("sections[].paragraphs[].text", "string", "the paragraph in the reading text"),
    _f("sections[].paragraphs[].sentences", "array", "sentences of the paragraph"),
    _f("sections[].paragraphs[].sentences[].id", "string", _SENTENCE_ID),
    _f("sections[].paragraphs[].sentences[].n", "integer", "sentence number in its paragraph"),
    _f("sections[].paragraphs[].sentences[].text", "string", "the sentence"),
    _f(
        "sections[].paragraphs[].sentences[].start",
        "integer",
        "offset of the sentence's first character in the paragraph text, from 0",
    ),
    _f(
        "sections[].paragraphs[].sentences[].end",
        "integer",
        "offset just after the sentence's last character in the paragraph text",
    ),
    _f(
        "sections[].paragraphs[].sentences[].lines",
        "array of integers",
        "witness lines the sentence comes from",
    ),
    _f("apparatus", "array", "the apparatus: every editorial intervention"),
    _f("apparatus[].id", "string", "entry id: a and its number (a6)"),
    _f(
        "apparatus[].n",
        "integer",
        "entry number, in the order a reader meets the marks of the reading text "
        "(headings at their heading), then the normalisations",
    ),
    _f(
        "apparatus[].type",
        "string",
        "transposition, join, division, heading, normalisation, emendation or sic",
    ),
    _f(
        "apparatus[].lines",
        "array of integers",
        "witness lines of the entry; for a transposition the first and last line of the block",
    ),
    _f("apparatus[].witness_lines", "array of integers", "every witness line the entry concerns"),
    _f("apparatus[].paragraphs", "array of strings", "ids of the paragraphs concerned"),
    _f("apparatus[].sentences", "array of strings", "ids of the sentences concerned"),
    _f("apparatus[].section", "string or null", "id of the section concerned"),
    _f("apparatus[].anchor", "object or null", "where the entry's mark stands in the text"),
    _f("apparatus[].anchor.paragraph", "string", "paragraph id of the mark"),
    _f("apparatus[].anchor.offset", "integer", "character offset of the mark in the paragraph"),
    _f("apparatus[].lemma", "string or null", "reading of the text (emendation, sic)"),
    _f("apparatus[].witness_reading", "string or null", "reading of the witness (emendation)"),
    _f("apparatus[].rule", "string or null", "rule applied (normalisation)"),
    _f("apparatus[].note", "string", "the editor's note: what was done and why"),
)

_T = "TEI/"
_TEI_FIELDS = (
    _f("TEI", "element", "the document, in the TEI namespace"),
    _f(_T + "teiHeader", "element", "the header: the edition, its source and its rules"),
    _f(_T + "teiHeader/fileDesc", "element", "the file description"),
    _f(_T + "teiHeader/fileDesc/titleStmt", "element", "titles and responsibility"),
    _f(_T + "teiHeader/fileDesc/titleStmt/title", "text", "title of the edition"),
    _f(_T + "teiHeader/fileDesc/titleStmt/author", "text", "author of the essay"),
    _f(_T + "teiHeader/fileDesc/titleStmt/editor", "text", "editors of the edition"),
    _f(_T + "teiHeader/fileDesc/editionStmt", "element", "the version of the edition"),
    _f(_T + "teiHeader/fileDesc/editionStmt/edition", "text", "@n: the version"),
    _f(
        _T + "teiHeader/fileDesc/editionStmt/edition/date",
        "text",
        "date of the version; @when: the same as YYYY-MM-DD",
    ),
    _f(_T + "teiHeader/fileDesc/publicationStmt", "element", "how the edition is published"),
    _f(_T + "teiHeader/fileDesc/publicationStmt/p", "text", "title and editors"),
    _f(_T + "teiHeader/fileDesc/sourceDesc", "element", "the source: the essay and the witness"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl", "element", "bibliographic record of the essay"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl/author", "text", "author"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl/title", "text", "title"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl/publisher", "text", "publisher"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl/pubPlace", "text", "place of publication"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/bibl/date", "text", "date of publication"),
    _f(_T + "teiHeader/fileDesc/sourceDesc/listWit", "element", "the witnesses"),
    _f(
        _T + "teiHeader/fileDesc/sourceDesc/listWit/witness",
        "text",
        "the witness W: description, file, lines and SHA-256; @xml:id: its siglum",
    ),
    _f(_T + "teiHeader/encodingDesc", "element", "how the text was encoded"),
    _f(_T + "teiHeader/encodingDesc/editorialDecl", "element", "the editorial rules"),
    _f(_T + "teiHeader/encodingDesc/editorialDecl/p", "text", "a rule; @n: its name"),
    _f(_T + "standOff", "element", "the register of actors"),
    _f(_T + "standOff/listPerson", "element", "persons and groups"),
    _f(_T + "standOff/listPerson/person", "element", "a person; @xml:id: the actor id"),
    _f(
        _T + "standOff/listPerson/person/persName",
        "text",
        'standard name; with @type="form", a form searched for in the text',
    ),
    _f(_T + "standOff/listPerson/person/note", "text", "one-line identification"),
    _f(_T + "standOff/listPerson/personGrp", "element", "a group; @xml:id: the actor id"),
    _f(
        _T + "standOff/listPerson/personGrp/name",
        "text",
        'standard name; with @type="form", a form searched for in the text',
    ),
    _f(_T + "standOff/listPerson/personGrp/note", "text", "one-line identification"),
    _f(_T + "standOff/listOrg", "element", "organisations"),
    _f(_T + "standOff/listOrg/org", "element", "an organisation; @xml:id: the actor id"),
    _f(
        _T + "standOff/listOrg/org/orgName",
        "text",
        'standard name; with @type="form", a form searched for in the text',
    ),
    _f(_T + "standOff/listOrg/org/note", "text", "one-line identification"),
    _f(_T + "standOff/listPlace", "element", "places"),
    _f(_T + "standOff/listPlace/place", "element", "a place; @xml:id: the actor id"),
    _f(
        _T + "standOff/listPlace/place/placeName",
        "text",
        'standard name; with @type="form", a form searched for in the text',
    ),
    _f(_T + "standOff/listPlace/place/note", "text", "one-line identification"),
    _f(_T + "standOff/interpGrp", "element", "the editor's reference summaries; @type: claim"),
    _f(
        _T + "standOff/interpGrp/interp",
        "text",
        "the reason a sentence states its section's claim; @xml:id: claim-<sentence id>; "
        "@inst: the sentence",
    ),
    _f(_T + "text", "element", "the text"),
    _f(_T + "text/body", "element", "the reading text"),
    _f(
        _T + "text/body/div",
        "element",
        'a section; @xml:id: section id, @type="section", @n: number',
    ),
    _f(_T + "text/body/div/head", "text", "the section's heading"),
    _f(
        _T + "text/body/div/p",
        "mixed",
        "a paragraph, its text exactly the paragraph of the reading text; @xml:id: "
        "paragraph id, @n: number",
    ),
    _f(
        _T + "text/body/div/p/s",
        "mixed",
        "a sentence; @xml:id: sentence id, @n: number, @ana: its claim (interp), if any",
    ),
    _f(
        _T + "text/body/div/p/lb",
        "empty",
        'where a line of W begins, between sentences; @ed="#W", @n: the line',
    ),
    _f(
        _T + "text/body/div/p/s/lb",
        "empty",
        'where a line of W begins, in a sentence; @ed="#W", @n: the line',
    ),
    _f(
        _T + "text/body/div/p/s/name",
        "mixed",
        "a mention of an actor; @ref: # and the actor id, @type: the actor's type",
    ),
    _f(
        _T + "text/body/div/p/s/name/lb",
        "empty",
        'where a line of W begins, in a mention; @ed="#W", @n: the line',
    ),
    _f(_T + "text/back", "element", "matter after the text"),
    _f(_T + "text/back/div", "element", 'the apparatus; @type="apparatus"'),
    _f(_T + "text/back/div/listApp", "element", "the apparatus entries"),
    _f(
        _T + "text/back/div/listApp/app",
        "element",
        "an entry; @xml:id: entry id, @type, @n, @loc: witness lines (first and last of a "
        "transposition), @corresp: the sentences, paragraphs or section concerned",
    ),
    _f(_T + "text/back/div/listApp/app/lem", "text", "reading of the text (emendation, sic)"),
    _f(
        _T + "text/back/div/listApp/app/rdg",
        "text",
        'reading of the witness (emendation); @wit="#W"',
    ),
    _f(
        _T + "text/back/div/listApp/app/note",
        "text",
        "the editor's note; @type: the rule applied (normalisation)",
    ),
)

_APPARATUS_FIELDS = (
    _f("id", "string", "entry id: a and its number (a6)"),
    _f(
        "n",
        "integer",
        "entry number, in the order a reader meets the marks of the reading text "
        "(headings at their heading), then the normalisations",
    ),
    _f(
        "type", "string", "transposition, join, division, heading, normalisation, emendation or sic"
    ),
    _f(
        "witness_lines",
        "string",
        "witness lines: first-last for a transposition, else line numbers joined by ;",
    ),
    _f("paragraphs", _IDS, "paragraphs concerned"),
    _f("sentences", _IDS, "sentences concerned"),
    _f("section", "string", "section concerned (empty if none)"),
    _f("lemma", "string", "reading of the text (emendation, sic; else empty)"),
    _f("witness_reading", "string", "reading of the witness (emendation; else empty)"),
    _f("rule", "string", "rule applied (normalisation; else empty)"),
    _f("note", "string", "the editor's note"),
)

_TERMS_FIELDS = (
    _f("term", "string", "the term: a lemma, or a multiword term (multiword.csv)"),
    _f("count", "integer", "occurrences of the term in the reading text"),
    _f("per_1000", "float", "occurrences per 1,000 tokens of the reading text"),
    _f(SECTION_COLUMN, "integer", "occurrences in the section (one column per section id)"),
)

_KEYNESS_FIELDS = (
    _f("section", "string", "section id"),
    _f("term", "string", "the term (as in terms.csv)"),
    _f("count_section", "integer", "occurrences in the section"),
    _f("count_rest", "integer", "occurrences in the rest of the text"),
    _f("per_1000_section", "float", "occurrences per 1,000 tokens of the section"),
    _f("per_1000_rest", "float", "occurrences per 1,000 tokens of the rest"),
    _f("g2", "float", "log-likelihood G2 of section against rest (keyness)"),
    _f("effect", "float", "effect size: Log Ratio, the binary log of the ratio of rates"),
)

_ENGLISH_FIELDS = (
    _f("term", "string", "the term (as in terms.csv)"),
    _f("count", "integer", "occurrences in the reading text"),
    _f("per_million_text", "float", "occurrences per million tokens of the reading text"),
    _f(
        "per_million_english",
        "float",
        "frequency per million words of English (wordfreq), summed over the essay's forms",
    ),
    _f("score", "float", "Kilgarriff's simple-maths ratio (text + k) / (English + k), k = 100"),
    _f("log_ratio", "float", "binary log of the ratio of the two rates (empty if unknown)"),
)

_LEMMAS_FIELDS = (
    _f("lemma", "string", "the lemma (simplemma) under which the form is counted"),
    _f("form", "string", "a folded form of the reading text"),
    _f("count", "integer", "occurrences of the form"),
    _f("forms", "integer", "forms of the text counted under the lemma"),
)

_MULTIWORD_FIELDS = (
    _f("term", "string", "the term the run of tokens counts as"),
    _f("tokens", "string", "the folded tokens matched, separated by spaces"),
    _f("source", "string", "register (a form of an actor) or collocation (a bound pair)"),
)

_TFIDF_FIELDS = (
    _f("section", "string", "section id (the sections are the documents)"),
    _f("term", "string", "the term (as in terms.csv)"),
    _f("count", "integer", "occurrences in the section"),
    _f("tf", "float", "count / word tokens of the section"),
    _f("idf", "float", "smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1"),
    _f("tfidf", "float", "tf * idf"),
)

_ACTORS_FIELDS = (
    _f("id", "string", "actor id in the register"),
    _f("name", "string", "standard name"),
    _f("type", "string", "person, organisation, government, group or place"),
    _f("aliases", "string (forms joined by ;)", "the literal forms searched for in the text"),
    _f(
        "patterns",
        "string (JSON list)",
        "regular expressions for forms read in context (metonyms, the noun U.S.)",
    ),
    _f("description", "string", "one-line identification"),
    _f("mentions", "integer", "mentions in the reading text (rows of mentions.csv)"),
    _f("sentences", "integer", "distinct sentences with a mention"),
    _f("paragraphs", "integer", "distinct paragraphs with a mention"),
    _f("first_mention", "string", "first sentence with a mention (empty if none)"),
)

_MENTIONS_FIELDS = (
    _f("actor_id", "string", "actor id (actors.csv)"),
    _f("sentence_id", "string", _SENTENCE_ID),
    _f("paragraph_id", "string", "paragraph id"),
    _f("section_id", "string", "section id"),
    _f("surface", "string", "the form as it stands in the text, possessive included"),
    _f("form", "string", "the register's alias or pattern that found it (actors.csv)"),
    _f("start", "integer", "offset of the mention's first character in the paragraph text"),
    _f("end", "integer", "offset just after its last character"),
)

_COMENTIONS_FIELDS = (
    _f("actor_a", "string", "first actor of the pair (alphabetically smaller id)"),
    _f("actor_b", "string", "second actor of the pair"),
    _f("window", "string", "sentence or paragraph: the unit within which both are mentioned"),
    _f("count", "integer", "windows that mention both actors"),
    _f("count_a", "integer", "windows that mention actor_a"),
    _f("count_b", "integer", "windows that mention actor_b"),
    _f("n_windows", "integer", "all windows of the reading text"),
    _f("pmi", "float", "pointwise mutual information over windows, binary log"),
    _f("dice", "float", "Dice coefficient 2 count / (count_a + count_b)"),
    _f("g2", "float", "log-likelihood G2 of the 2x2 table of windows"),
    _f("expected", "float", "windows with both if the two were named independently"),
    _f("p_value", "float", "p-value of g2 (chi-squared, one degree of freedom)"),
    _f(
        "associated",
        "boolean",
        f"count above expected, in at least {MIN_COUNT} windows, and p_value below {ALPHA}",
    ),
    _f("evidence", _IDS, "sentences that show the pair, in reading order"),
)

_NETWORK_FIELDS = (
    _f("window", "string", "sentence or paragraph: the co-mention window of the graph"),
    _f("edges", "string", "all (every co-mentioned pair) or associated (pairs that pass the test)"),
    _f("actor_id", "string", "actor id (every actor of the register is a node)"),
    _f("degree", "integer", "number of actors it is co-mentioned with"),
    _f("weighted_degree", "float", "sum of the co-mention counts of its pairs"),
    _f("betweenness", "float", "normalised betweenness centrality, 0 to 1"),
)

_SUMMARIES_FIELDS = (
    _f("method", "string", "the method of the summaries: the one that agrees best"),
    _f("description", "string", "what the method does, in one line"),
    _f("methods_compared", "array", "every method compared with the editor's reference"),
    _f("methods_compared[].method", "string", "textrank, lexrank, centroid or position"),
    _f(
        "methods_compared[].recall",
        "number",
        "mean over sections of the share of reference sentences among its top sentences",
    ),
    _f(
        "methods_compared[].average_precision",
        "number",
        "mean over sections of the average precision of its ranking",
    ),
    _f("sections", "array", "sections in reading order"),
    _f("sections[].id", "string", "section id"),
    _f("sections[].n", "integer", "section number (1 for the untitled opening)"),
    _f("sections[].heading", "string or null", "heading; null for the untitled opening"),
    _f(
        "sections[].sentences",
        "array",
        "the summary: the section's top-ranked sentences by the method, in text order",
    ),
    _f("sections[].sentences[].id", "string", _SENTENCE_ID),
    _f("sections[].sentences[].text", "string", "the sentence, verbatim"),
    _f(
        "sections[].sentences[].score",
        "number",
        "the method's score of the sentence, 6 decimal places",
    ),
    _f("sections[].sentences[].rank", "integer", "rank in the section, 1 = first"),
    _f(
        "sections[].reference",
        "array",
        "the editor's reference: the sentences that state the section's claim",
    ),
    _f("sections[].reference[].id", "string", _SENTENCE_ID),
    _f("sections[].reference[].text", "string", "the sentence, verbatim"),
    _f("sections[].reference[].reason", "string", "why the editor chose it"),
    _f("sections[].agreement", "object or null", "summary against reference"),
    _f("sections[].agreement.found", "integer", "reference sentences in the summary"),
    _f("sections[].agreement.reference", "integer", "reference sentences"),
    _f("sections[].statistics", "object", "size of the section and its leading actors and terms"),
    _f("sections[].statistics.words", "integer", "word tokens (the denominator of the rates)"),
    _f("sections[].statistics.sentences", "integer", "sentences"),
    _f("sections[].statistics.paragraphs", "integer", "paragraphs"),
    _f("sections[].statistics.first_paragraph", "integer", "number of its first paragraph"),
    _f("sections[].statistics.last_paragraph", "integer", "number of its last paragraph"),
    _f(
        "sections[].statistics.top_actors",
        "array of strings",
        "ids of the most mentioned actors, by descending mentions, then id",
    ),
    _f(
        "sections[].statistics.top_terms",
        "array of strings",
        "the terms with the highest G2 in keyness.csv, by descending G2, then term",
    ),
)

#: Every export file: what it holds and its columns (CSV) or fields (JSON). In
#: ``terms.csv``, :data:`SECTION_COLUMN` stands for one column per section;
#: :func:`data_dictionary` expands it.
DATA_DICTIONARY: dict[str, ExportFile] = {
    f.name: f
    for f in (
        ExportFile(
            "edition.json",
            "The edition: witness record, rules, sections, paragraphs, sentences and apparatus.",
            _EDITION_FIELDS,
        ),
        ExportFile(
            "edition.xml",
            "The edition in TEI P5 XML: header, register of actors, "
            "sections, paragraphs and sentences with the line beginnings of W and the "
            "mentions of actors, apparatus.",
            _TEI_FIELDS,
        ),
        ExportFile("apparatus.csv", "One row per apparatus entry.", _APPARATUS_FIELDS),
        ExportFile(
            "terms.csv",
            "One row per term: frequency in the text and in each "
            "section; sorted by descending count, then term.",
            _TERMS_FIELDS,
        ),
        ExportFile(
            "keyness.csv",
            "Key terms of each section against the rest of the text; "
            "sorted by section, descending G2, term.",
            _KEYNESS_FIELDS,
        ),
        ExportFile(
            "english.csv",
            "Terms that set the essay apart from English at large (wordfreq); "
            "sorted by descending score, then term.",
            _ENGLISH_FIELDS,
        ),
        ExportFile(
            "tfidf.csv",
            "TF-IDF of each term in each section; sorted by section, descending tf-idf, term.",
            _TFIDF_FIELDS,
        ),
        ExportFile(
            "lemmas.csv",
            "Every form the lemmatizer counts under another term (or with "
            "other forms); sorted by lemma, then form.",
            _LEMMAS_FIELDS,
        ),
        ExportFile(
            "multiword.csv",
            "Runs of tokens counted as one term; sorted by term, tokens.",
            _MULTIWORD_FIELDS,
        ),
        ExportFile(
            "actors.csv",
            "One row per actor of the register with its mention counts; "
            "sorted by descending mentions, then name.",
            _ACTORS_FIELDS,
        ),
        ExportFile(
            "mentions.csv", "One row per mention of an actor, in reading order.", _MENTIONS_FIELDS
        ),
        ExportFile(
            "comentions.csv",
            "One row per pair of actors mentioned together, for the "
            "sentence window, then the paragraph window; sorted by descending count.",
            _COMENTIONS_FIELDS,
        ),
        ExportFile(
            "network.csv",
            "Centrality of each actor in the co-mention graph of each "
            "window (edges weighted by count).",
            _NETWORK_FIELDS,
        ),
        ExportFile(
            "summaries.json",
            "Per section: an extractive summary, the editor's reference and "
            "their agreement, and statistics; the methods compared.",
            _SUMMARIES_FIELDS,
        ),
    )
}


def data_dictionary(edition: Edition) -> dict[str, ExportFile]:
    """Return :data:`DATA_DICTIONARY` with the per-section columns of ``terms.csv`` spelled out."""
    out = {}
    for name, spec in DATA_DICTIONARY.items():
        fields: list[Field] = []
        for field in spec.fields:
            if field.name == SECTION_COLUMN:
                fields.extend(
                    Field(
                        s.id,
                        field.type,
                        "occurrences in "
                        + (
                            f"section {s.n}, {s.heading}"
                            if s.heading
                            else "the untitled opening section"
                        ),
                    )
                    for s in edition.sections
                )
            else:
                fields.append(field)
        out[name] = spec._replace(fields=tuple(fields))
    return out


def json_fields(
    data: Any, *, maps: frozenset[str] = frozenset({"rules"}), prefix: str = ""
) -> list[str]:
    """List the field paths of JSON ``data`` as the data dictionary names them.

    ``a.b`` is key ``b`` of object ``a``; ``a[]`` stands for the items of list
    ``a``; the keys of an object in ``maps`` are written ``*``. Each path is
    listed once, in order of first appearance.

    >>> json_fields({"a": [{"b": 1}, {"b": 2, "c": None}], "rules": {"x": "y"}})
    ['a', 'a[].b', 'a[].c', 'rules', 'rules.*']
    """
    seen: dict[str, None] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                child = f"{path}.*" if path in maps else (f"{path}.{key}" if path else key)
                seen.setdefault(child, None)
                walk(item, child)
        elif isinstance(value, list):
            for item in value:
                walk(item, f"{path}[]")

    walk(data, prefix)
    return list(seen)
