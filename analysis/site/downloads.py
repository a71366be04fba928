"""Offer the export files on the website and describe them.

What the pages *About the data* need (registered by :mod:`analysis.site.extension`):

* at the end of an HTML build, the files of :func:`analysis.export.files.export_files`
  are written into the site, in ``_downloads/data/`` (:data:`DATA_DIR`), with
  a ``SHA256SUMS`` file that ``sha256sum -c`` checks, so the data can be had
  from the site itself, offline (:func:`write_site_files`; only when their
  inputs changed);
* ``{edition-downloads}`` lists them with a link, what each holds, its size in
  bytes and its SHA-256, computed from the very texts that are written;
* ``{edition-data-dictionary}`` renders
  :data:`analysis.export.dictionary.DATA_DICTIONARY`: every file, every
  column, its type and meaning;
* the inputs of the edition (the witness, the decisions, the register and the
  reference summaries beside the decisions) are
  copied byte for byte into ``_downloads/inputs/`` (:data:`INPUTS_DIR`), with
  their own ``SHA256SUMS``, and ``{edition-inputs}`` lists them the same way,
  so that the export can be made again from the site's files;
* the theme's page menu offers no download of a page's source, which holds a
  directive rather than the page's text (:func:`no_source_download`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from analysis import paths
from analysis.export.dictionary import DATA_DICTIONARY, data_dictionary
from analysis.export.files import export_files, write_files
from analysis.site.cache import current_claims, current_edition, current_register, input_files
from analysis.site.pages.base import build_inputs
from analysis.text.claims import summaries_beside
from analysis.text.decisions import load_decisions

__all__ = [
    "CHECKSUMS",
    "DATA_DIR",
    "INPUTS_DIR",
    "EditionDataDictionary",
    "EditionDownloads",
    "EditionInputs",
    "checksums_text",
    "input_files_of",
    "inputs_digest",
    "no_source_download",
    "site_files",
    "write_site_files",
]

#: Folder of the export files in the built site, relative to its root.
DATA_DIR = "_downloads/data"

#: Folder of the edition's inputs (witness, decisions, register) in the built site.
INPUTS_DIR = "_downloads/inputs"

#: What each input of the edition is, by its role.
_INPUT_ROLES = {
    "witness": "The witness W, byte for byte as received; never edited.",
    "decisions": "The editors' decisions: sections, paragraphs as spans of witness lines, "
    "and the apparatus, every entry with its reason.",
    "register": "The register of actors: standard names, types, the forms in the text, "
    "identifications.",
    "summaries": "The editor's reference summaries of the sections, beside the decisions: "
    "what the summary methods are scored against.",
}

#: Name of the checksum file written beside them (``sha256sum -c SHA256SUMS``).
CHECKSUMS = "SHA256SUMS"

_logger = logging.getLogger(__name__)

#: What the data dictionary lists for a file, by suffix.
_ITEMS = {".csv": "columns", ".json": "fields", ".xml": "elements"}


def _stamp(files: tuple[Path, ...]) -> tuple[tuple[str, int], ...]:
    return tuple((str(f), f.stat().st_mtime_ns) for f in files)


@lru_cache(maxsize=2)
def _cached_files(
    decisions: str, actors: str, stamp: tuple[tuple[str, int], ...]
) -> dict[str, str]:
    edition = current_edition(decisions)
    return export_files(edition, current_register(actors), current_claims(decisions))


def site_files(
    decisions: str | Path = paths.DECISIONS, actors: str | Path = paths.ACTORS
) -> dict[str, str]:
    """The export files, by name, computed once per change of their inputs."""
    return _cached_files(str(decisions), str(actors), _stamp(input_files(decisions, actors)))


def checksums_text(files: Mapping[str, str]) -> str:
    """The content of ``SHA256SUMS``: one ``<sha256>  <name>`` line per file.

    >>> checksums_text({"a.csv": "x\\n"})
    '73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac  a.csv\\n'
    """
    return "".join(f"{_sha256(text)}  {name}\n" for name, text in files.items())


def _sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def input_files_of(decisions: str | Path, actors: str | Path) -> dict[str, tuple[str, bytes]]:
    """The inputs of the edition by file name: ``(role, bytes)``, witness first.

    The reference summaries are an input where they stand beside the decisions
    (:func:`analysis.text.claims.summaries_beside`, where the export reads them).
    """
    files = [
        ("witness", Path(load_decisions(decisions).witness_path)),
        ("decisions", Path(decisions)),
        ("register", Path(actors)),
    ]
    summaries = summaries_beside(decisions)
    if summaries.is_file():
        files.append(("summaries", summaries))
    return {path.name: (role, path.read_bytes()) for role, path in files}


class _DataDirective(SphinxDirective):
    """Shared helpers: the inputs from the configuration, dependencies, links to the files."""

    has_content = False

    def sources(self) -> tuple[str, str]:
        return build_inputs(self.config)

    def file_uri(self, name: str, folder: str = DATA_DIR) -> str:
        builder = self.env.app.builder
        return relative_uri(builder.get_target_uri(self.env.docname), f"{folder}/{name}")

    def listing(
        self,
        files: list[tuple[str, str, bytes, nodes.paragraph]],
        *,
        folder: str,
        lead: list[nodes.Node],
    ) -> list[nodes.Node]:
        """A list of files to download, then a link to their ``SHA256SUMS``.

        Each of ``files`` is ``(name, term id, bytes, what it is)``; its entry
        gives a link, the size in bytes, what it is and its SHA-256. ``lead``
        opens the sentence that links to the checksum file.
        """
        listing = nodes.definition_list(classes=["edition-downloads"])
        for name, term_id, data, about in files:
            term = nodes.term(ids=[term_id])
            link = nodes.reference("", "", refuri=self.file_uri(name, folder), classes=["download"])
            link += nodes.literal("", name)
            term += link
            term += nodes.Text(f" \u00b7 {len(data):,} bytes")
            definition = nodes.definition()
            definition += about
            checksum = nodes.paragraph(classes=["checksum"])
            checksum += nodes.Text("SHA-256 ")
            checksum += nodes.literal("", _sha256(data), classes=["sha256"])
            definition += checksum
            item = nodes.definition_list_item()
            item += term
            item += definition
            listing += item
        note = nodes.paragraph()
        note.extend(lead)
        link = nodes.reference(
            "", "", refuri=self.file_uri(CHECKSUMS, folder), classes=["download"]
        )
        link += nodes.literal("", CHECKSUMS)
        note += link
        note += nodes.Text(".")
        return [listing, note]


def _table(
    widths: list[int], header: list[str], rows: list[list[nodes.Node | str]], classes: list[str]
) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(widths))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [header]), (body, rows)):
        for cells_of_row in cells:
            row = nodes.row()
            for cell in cells_of_row:
                entry = nodes.entry()
                para = nodes.paragraph()
                para += nodes.Text(cell) if isinstance(cell, str) else cell
                entry += para
                row += entry
            target += row
    return table


def _anchor(name: str) -> str:
    return "file-" + name.replace(".", "-")


class EditionDownloads(_DataDirective):
    """The export files: for each, a link, its size, what it holds and its SHA-256."""

    def run(self) -> list[nodes.Node]:
        files = []
        for name, text in site_files(*self.sources()).items():
            about = nodes.paragraph()
            about += nodes.Text(DATA_DICTIONARY[name].description + " ")
            what = _ITEMS[Path(name).suffix]
            about += nodes.reference("", f"Its {what}.", refuri=f"#{_anchor(name)}", internal=True)
            term_id = f"download-{name.replace('.', '-')}"
            files.append((name, term_id, text.encode("utf-8"), about))
        lead = [
            nodes.Text("The same checksums in one file, for "),
            nodes.literal("", f"sha256sum -c {CHECKSUMS}"),
            nodes.Text(": "),
        ]
        return self.listing(files, folder=DATA_DIR, lead=lead)


class EditionInputs(_DataDirective):
    """The inputs of the edition: for each, a link, what it is, its size and its SHA-256."""

    def run(self) -> list[nodes.Node]:
        files = [
            (name, f"input-{role}", data, nodes.paragraph("", _INPUT_ROLES[role]))
            for name, (role, data) in input_files_of(*self.sources()).items()
        ]
        lead = [nodes.Text("Their checksums in one file: ")]
        return self.listing(files, folder=INPUTS_DIR, lead=lead)


class EditionDataDictionary(_DataDirective):
    """The data dictionary: for every export file, its columns or fields, types and meanings."""

    def run(self) -> list[nodes.Node]:
        decisions, _ = self.sources()
        out: list[nodes.Node] = []
        for name, spec in data_dictionary(current_edition(decisions)).items():
            title = nodes.rubric("", "", ids=[_anchor(name)], classes=["data-file"])
            link = nodes.reference("", "", refuri=self.file_uri(name), classes=["download"])
            link += nodes.literal("", name)
            title += link
            out.append(title)
            out.append(nodes.paragraph("", spec.description))
            what = _ITEMS[Path(spec.name).suffix].capitalize()[:-1]
            rows: list[list[nodes.Node | str]] = [
                [nodes.literal("", f.name), f.type, f.description] for f in spec.fields
            ]
            out.append(_table([30, 20, 50], [what, "Type", "Meaning"], rows, ["data-dictionary"]))
        return out


def inputs_digest(files: tuple[Path, ...]) -> str:
    """The SHA-256 of the names and contents of ``files``: what the export files are made of."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f}\0{f.stat().st_size}\0".encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def write_site_files(app: Any, exception: BaseException | None) -> None:
    """At the end of an HTML build, write the export files and their checksums into the site.

    The files are computed and written only when their inputs changed since
    they were last written (the digest of :func:`inputs_digest` is kept in the
    build's doctree folder) or when one of them is missing from the site.
    """
    if exception is not None or app.builder.format != "html":
        return
    decisions, actors = build_inputs(app.config)
    inputs = input_files_of(decisions, actors)
    folder = Path(app.outdir) / INPUTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_, data) in inputs.items():
        (folder / name).write_bytes(data)
    sums = "".join(f"{_sha256(data)}  {name}\n" for name, (_, data) in inputs.items())
    (folder / CHECKSUMS).write_text(sums, encoding="utf-8")
    folder = Path(app.outdir) / DATA_DIR
    stamp = Path(app.doctreedir) / "edition-data.sha256"
    digest = inputs_digest(input_files(decisions, actors))
    sums = folder / CHECKSUMS
    if stamp.is_file() and stamp.read_text() == digest and sums.is_file():
        names = [line.split("  ", 1)[1] for line in sums.read_text().splitlines()]
        if all((folder / n).is_file() for n in names):
            _logger.info("edition data: unchanged in %s", folder)
            return
    files = dict(site_files(decisions, actors))
    files[CHECKSUMS] = checksums_text(files)
    write_files(folder, files)
    stamp.write_text(digest)
    _logger.info("edition data: %d files written to %s", len(files), folder)


def no_source_download(app: Any, config: Any) -> None:
    """Leave the page's source out of the book theme's download menu (it holds no essay text)."""
    if config.html_theme == "sphinx_book_theme":
        config.html_theme_options = {**config.html_theme_options, "use_download_button": False}
