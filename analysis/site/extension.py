"""The Sphinx extension of the edition's website (the one ``_config.yml`` lists).

It registers, in one place, everything the pages need from the package: the
directives of the edition's pages (:mod:`analysis.site.pages`) and of the data
page (:mod:`analysis.site.downloads`), the roles ``edition-count``
(:mod:`analysis.site.roles`) and ``method-value`` (with the bibliography
style of :mod:`analysis.site.pages.methods`), the configuration values
``edition_decisions`` and ``edition_register`` (the inputs of the build,
``seeds/`` by default), the site's stylesheet and script
(``analysis/site/static``), the writing of the export files into the site, and
plotly.js for the pages with figures (:func:`analysis.site.display.add_plotly`),
and the accent-folding search index (:func:`analysis.site.search.add_search`).

It also makes every page depend on what it runs and reads
(:mod:`analysis.site.dependencies`), so that an incremental build reads, and
executes, again exactly the pages whose modules or seed files changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes

from analysis import __version__, paths
from analysis.site import cache
from analysis.site.deferred import defer_panels, panels_script
from analysis.site.dependencies import module_closure, notebook_imports, used_names
from analysis.site.display import add_plotly
from analysis.site.downloads import (
    EditionDataDictionary,
    EditionDownloads,
    EditionInputs,
    inputs_digest,
    no_source_download,
    write_site_files,
)
from analysis.site.pages.apparatus import EditionApparatus
from analysis.site.pages.methods import MethodValue
from analysis.site.pages.record import EditionRecord
from analysis.site.pages.register import EditionRegister
from analysis.site.pages.text import EditionText
from analysis.site.pages.witness import EditionWitness
from analysis.site.roles import EditionCount
from analysis.site.search import add_search

__all__ = ["DIRECTIVES", "ROLES", "STATIC", "setup"]

#: The directives of the edition, by name.
DIRECTIVES: dict[str, type] = {
    "edition-text": EditionText,
    "edition-witness": EditionWitness,
    "edition-apparatus": EditionApparatus,
    "edition-record": EditionRecord,
    "edition-register": EditionRegister,
    "edition-downloads": EditionDownloads,
    "edition-data-dictionary": EditionDataDictionary,
    "edition-inputs": EditionInputs,
}

#: The roles of the edition, by name.
ROLES: dict[str, type] = {"edition-count": EditionCount, "method-value": MethodValue}

#: The site's own stylesheet and script.
STATIC = Path(__file__).parent / "static"

#: The code cell of a notebook page (MyST), by which a page is known to be one.
_NOTEBOOK_CELL = "```{code-cell}"

#: The module that reads the register.
_REGISTER_READER = paths.PACKAGE / "text" / "register.py"
#: The module that reads the editor's reference summaries.
_CLAIMS_READER = paths.PACKAGE / "text" / "claims.py"


def _note_page_inputs(app: Any, docname: str, source: list[str]) -> None:
    """Before a page is read: note the modules it runs; begin recording the seeds it reads."""
    env, page = app.env, source[0]
    used = used_names(page, {**DIRECTIVES, **ROLES})
    modules = {{**DIRECTIVES, **ROLES}[name].__module__ for name in used}
    if _NOTEBOOK_CELL in page:
        modules |= notebook_imports(page)
    closure = module_closure(modules)
    for module in closure:
        env.note_dependency(str(module))
    if _NOTEBOOK_CELL in page:
        # The kernel runs apart from Sphinx, so its reads cannot be recorded: a
        # notebook reads the decisions and their witness, the register when
        # the modules it runs include the register's reader, and the reference
        # summaries beside the decisions when they include their reader.
        edition = cache.current_edition(app.config.edition_decisions)
        seeds = [app.config.edition_decisions, edition.witness.path]
        if _REGISTER_READER in closure:
            seeds.append(app.config.edition_register)
        claims = Path(app.config.edition_decisions).with_name(paths.SUMMARIES.name)
        if _CLAIMS_READER in closure and claims.exists():
            seeds.append(claims)
        for seed in seeds:
            env.note_dependency(str(Path(seed).resolve()))
    cache.record_reads()


def _note_page_reads(app: Any, doctree: nodes.document) -> None:
    """After a page is read: note the seed files its directives and roles asked for."""
    for seed in sorted(cache.recorded_reads()):
        app.env.note_dependency(str(seed))


def _defer_panels(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Move the deferred panels of a page into script files of their own (``_static/deferred``)."""
    body = context.get("body", "")
    if "data-deferred=" not in body:
        return
    stem = pagename.replace("/", "--")
    src = context["pathto"](f"_static/deferred/{stem}", 1) + "-{slug}.js"
    context["body"], found = defer_panels(body, src)
    folder = Path(app.outdir) / "_static" / "deferred"
    folder.mkdir(parents=True, exist_ok=True)
    for slug, panels in found.items():
        (folder / f"{stem}-{slug}.js").write_text(panels_script(slug, panels), encoding="utf-8")


def _static_changed(app: Any, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Build again when the site's static files changed, so that Sphinx copies them.

    Sphinx copies static files only in a build that writes a page; when a
    stylesheet or script changed and no page did, the root page is read again.
    """
    digest = inputs_digest(tuple(sorted(STATIC.iterdir())))
    if getattr(env, "edition_static", None) == digest:
        return []
    env.edition_static = digest
    return [app.config.root_doc]


def _add_static(app: Any) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: register the edition's directives, roles, files and plotly.js."""
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    for name, role in ROLES.items():
        app.add_role(name, role())
    app.add_config_value("edition_decisions", str(paths.DECISIONS), "env")
    app.add_config_value("edition_register", str(paths.ACTORS), "env")
    app.connect("builder-inited", _add_static)
    app.add_css_file("edition.css")
    app.add_js_file("edition.js")
    app.connect("source-read", _note_page_inputs)
    app.connect("doctree-read", _note_page_reads)
    app.connect("env-get-outdated", _static_changed)
    app.connect("html-page-context", _defer_panels)
    app.connect("build-finished", write_site_files)
    app.connect("config-inited", no_source_download)
    add_plotly(app)
    add_search(app)
    return {"version": __version__, "parallel_read_safe": False, "parallel_write_safe": True}
