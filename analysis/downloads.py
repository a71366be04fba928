"""Offer the export files on the website, describe them, and quote the methods' parameters.

A Sphinx extension (listed in ``_config.yml``) for the pages *About the data*:

* at the end of an HTML build, the files of :func:`analysis.export.export_files`
  are written into the site, in ``_downloads/data/`` (:data:`DATA_DIR`), with
  a ``SHA256SUMS`` file that ``sha256sum -c`` checks, so the data can be had
  from the site itself, offline;
* ``{edition-downloads}`` lists them with a link, what each holds, its size in
  bytes and its SHA-256, computed from the very texts that are written;
* ``{edition-data-dictionary}`` renders :data:`analysis.dictionary.DATA_DICTIONARY`:
  every file, every column, its type and meaning;
* the bibliography style ``edition`` (for sphinxcontrib-bibtex) labels the
  references in the author-year form of the citations ("Kiss and Strunk
  2006"), sorted by author and year;
* the role ``{method-value}`` quotes a parameter of the analyses (a threshold,
  a default, the size of the stopword list) or a count of the text, read from
  the code and the data by :func:`method_values`, so that the methods page
  never types a number by hand.

Pages that use these depend on ``seeds/`` and on the package's modules, so
Sphinx reads them again whenever the inputs or the code that computes the
files change.
"""

from __future__ import annotations

import hashlib
import inspect
from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

from . import measures, network, paths, terms, tokens
from .cache import current_edition, current_register, input_files
from .comentions import WINDOWS
from .dictionary import DATA_DICTIONARY, data_dictionary
from .directives import edition_counts
from .edition import Edition
from .export import FLOAT_DIGITS, Sources, export_files, write_files
from .pages import terms as term_page
from .register import Register
from .sentences import ABBREVIATIONS

__all__ = [
    "BIBLIOGRAPHY_STYLE",
    "CHECKSUMS",
    "DATA_DIR",
    "AuthorYearStyle",
    "checksums_text",
    "method_values",
    "setup",
    "site_files",
]

#: Folder of the export files in the built site, relative to its root.
DATA_DIR = "_downloads/data"

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
    return export_files(current_edition(decisions), current_register(actors))


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


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _default(function: Callable[..., Any], name: str) -> Any:
    """The default value of parameter ``name`` of ``function``."""
    return inspect.signature(function).parameters[name].default


def _summaries_defaults() -> dict[str, str]:
    try:
        from . import summaries
    except ImportError:  # the module is optional for the rest of the site
        return {}
    return {
        "textrank-k": str(_default(summaries.summarize, "k")),
        "textrank-damping": str(_default(summaries.rank_sentences, "damping")),
    }


def method_values(edition: Edition, register: Register) -> dict[str, str]:
    """Return the values the methods page quotes, by name, as they will be printed.

    Parameters come from the defaults of the functions that use them, counts
    from the edition and the register; :func:`analysis.directives.edition_counts`
    is included.
    """
    src = Sources(edition, register)
    totals = terms.token_totals(edition)
    values: dict[str, Any] = {
        **edition_counts(edition),
        "stopwords": len(tokens.STOPWORDS),
        "sklearn-stopwords": len(ENGLISH_STOP_WORDS),
        "clitic-forms": len(tokens.CLITICS),
        "abbreviations": ", ".join(f"{a}." for a in ABBREVIATIONS),
        "word-tokens": f"{int(totals['tokens'].sum()):,}",
        "term-tokens": f"{int(totals['terms'].sum()):,}",
        "term-groups": f"{len(terms.term_frequencies(edition)):,}",
        "g2-critical-05": measures.G2_CRITICAL_05,
        "g2-critical-01": measures.G2_CRITICAL_01,
        "keyness-min-count": _default(terms.keyness, "min_count"),
        "keyness-min-g2": _default(terms.keyness, "min_g2"),
        "log-ratio-correction": _default(measures.log_ratio, "correction"),
        "collocation-min-freq": _default(terms.collocations, "min_freq"),
        "kwic-width": _default(terms.kwic, "width"),
        "kwic-page-width": _default(term_page.kwic_chooser, "width"),
        "actors": len(register),
        "mentions": len(src.mentions),
        "comention-windows": " and ".join(WINDOWS),
        "sentence-pairs": len(src.comentions["sentence"]),
        "paragraph-pairs": len(src.comentions["paragraph"]),
        "layout-seed": network.LAYOUT_SEED,
        "layout-iterations": _default(network.layout, "iterations"),
        "float-digits": FLOAT_DIGITS,
        "export-files": len(DATA_DICTIONARY),
        **_summaries_defaults(),
    }
    return {name: str(value) for name, value in values.items()}


def _config_sources(config: Any) -> tuple[str, str]:
    """The decisions file and register of the build: ``edition_decisions``, ``edition_register``."""
    return str(config.edition_decisions), str(config.edition_register)


def _sources(env: Any) -> tuple[str, str]:
    """The decisions file and register of the build, noted as dependencies of the document."""
    decisions, actors = _config_sources(env.config)
    for path in input_files(decisions, actors):
        env.note_dependency(str(path))
    return decisions, actors


class _DataDirective(SphinxDirective):
    """Shared helpers: the inputs from the configuration, dependencies, links to the files."""

    has_content = False

    def sources(self) -> tuple[str, str]:
        return _sources(self.env)

    def file_uri(self, name: str) -> str:
        builder = self.env.app.builder
        return relative_uri(builder.get_target_uri(self.env.docname), f"{DATA_DIR}/{name}")


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
        files = site_files(*self.sources())
        listing = nodes.definition_list(classes=["edition-downloads"])
        for name, text in files.items():
            item = nodes.definition_list_item()
            term = nodes.term(ids=[f"download-{name.replace('.', '-')}"])
            link = nodes.reference("", "", refuri=self.file_uri(name), classes=["download"])
            link += nodes.literal("", name)
            term += link
            term += nodes.Text(f" \u00b7 {len(text.encode('utf-8')):,} bytes")
            item += term
            definition = nodes.definition()
            about = nodes.paragraph()
            about += nodes.Text(DATA_DICTIONARY[name].description + " ")
            what = _ITEMS[Path(name).suffix]
            about += nodes.reference("", f"Its {what}.", refuri=f"#{_anchor(name)}", internal=True)
            definition += about
            checksum = nodes.paragraph(classes=["checksum"])
            checksum += nodes.Text("SHA-256 ")
            checksum += nodes.literal("", _sha256(text), classes=["sha256"])
            definition += checksum
            item += definition
            listing += item
        note = nodes.paragraph()
        note += nodes.Text("The same checksums in one file, for ")
        note += nodes.literal("", f"sha256sum -c {CHECKSUMS}")
        note += nodes.Text(": ")
        link = nodes.reference("", "", refuri=self.file_uri(CHECKSUMS), classes=["download"])
        link += nodes.literal("", CHECKSUMS)
        note += link
        note += nodes.Text(".")
        return [listing, note]


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


class MethodValue(SphinxRole):
    """Inline role ``{method-value}`keyness-min-count```: a value read from the code or data."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        decisions, actors = _sources(self.env)
        values = method_values(current_edition(decisions), current_register(actors))
        if self.text not in values:
            msg = self.inliner.reporter.error(
                f"method-value: unknown value '{self.text}' (one of {', '.join(values)})",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline("", values[self.text], classes=["computed"])], []


def _author_year(entry: Any) -> str:
    """The author-year label of a bibliography entry: "Dunning 1993", "Bird et al. 2009"."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(n.render_as("text") for n in p.rich_last_names) for p in persons]
    if len(names) > 2:
        who = f"{names[0]} et al."
    else:
        who = " and ".join(names) or entry.fields.get("title", entry.key)
    return f"{who} {entry.fields.get('year', '')}".strip()


class _AuthorYearLabels(BaseLabelStyle):
    """Labels in the author-year form of the citations, made unique by a letter if needed."""

    def format_labels(self, sorted_entries: Any) -> Any:
        labels = [_author_year(e) for e in sorted_entries]
        total, seen = Counter(labels), Counter[str]()
        for label in labels:
            seen[label] += 1
            yield label if total[label] == 1 else f"{label}{chr(ord('a') + seen[label] - 1)}"


class AuthorYearStyle(PlainStyle):
    """The bibliography's pybtex style: ``plain``, labelled "Author Year" like the citations.

    Entries are sorted by author, year and title, as in ``plain``.
    """

    default_label_style = _AuthorYearLabels


#: Name of :class:`AuthorYearStyle` for ``bibtex_default_style`` in ``_config.yml``.
BIBLIOGRAPHY_STYLE = "edition"
register_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLE, AuthorYearStyle)


def _write_files(app: Any, exception: BaseException | None) -> None:
    """At the end of an HTML build, write the export files and their checksums into the site."""
    if exception is not None or app.builder.format != "html":
        return
    files = dict(site_files(*_config_sources(app.config)))
    files[CHECKSUMS] = checksums_text(files)
    folder = Path(app.outdir) / DATA_DIR
    write_files(folder, files)
    _logger.info("edition data: %d files written to %s", len(files), folder)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: the directives, the role and the writing of the files."""
    app.setup_extension("analysis.directives")  # its config values edition_decisions/_register
    app.add_directive("edition-downloads", EditionDownloads)
    app.add_directive("edition-data-dictionary", EditionDataDictionary)
    app.add_role("method-value", MethodValue())
    app.connect("build-finished", _write_files)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
