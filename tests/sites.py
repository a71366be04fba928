"""Small Sphinx sites built with the edition's extension, for the tests of pages.

:func:`write_seeds` writes a witness, its decisions (with the witness's
SHA-256 filled in) and a register into a folder; :func:`build_site` builds
pages of reStructuredText with :mod:`analysis.site.extension` and returns the
output folder and the warnings. Every test that needs a site builds it here.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace


def write_seeds(folder: Path, *, witness: str, decisions: str, register: str = "") -> Path:
    """Write ``w.txt``, ``decisions.yaml`` and (if given) ``actors.yaml``; return the decisions.

    ``decisions`` is a template whose ``{sha}`` is replaced by the witness's SHA-256.
    """
    folder.mkdir(parents=True, exist_ok=True)
    data = witness.encode("utf-8")
    (folder / "w.txt").write_bytes(data)
    path = folder / "decisions.yaml"
    path.write_text(decisions.replace("{sha}", hashlib.sha256(data).hexdigest()), encoding="utf-8")
    if register:
        (folder / "actors.yaml").write_text(register, encoding="utf-8")
    return path


def build_site(
    root: Path,
    *,
    pages: dict[str, str],
    decisions: Path | None = None,
    register: Path | None = None,
    warningiserror: bool = True,
) -> tuple[Path, str]:
    """Build ``pages`` (reStructuredText, by document name) under ``root``; return (out, warnings).

    ``decisions`` and ``register`` are the build's inputs (``seeds/`` when not given).
    """
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    conf = [
        "extensions = ['analysis.site.extension']",
        # The base of the absolute addresses the record and the reading text give.
        "html_baseurl = 'https://example.org/edition/'",
        # A Sphinx app built earlier in this process may have left its nodes,
        # directives and roles registered.
        "suppress_warnings = ['app.add_node', 'app.add_directive', 'app.add_role']",
        "root_doc = 'index'",
    ]
    if decisions is not None:
        conf.append(f"edition_decisions = {str(decisions)!r}")
    if register is not None:
        conf.append(f"edition_register = {str(register)!r}")
    (src / "conf.py").write_text("\n".join(conf) + "\n", encoding="utf-8")
    for name, text in pages.items():
        (src / f"{name}.rst").parent.mkdir(parents=True, exist_ok=True)
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():  # leave docutils' registries as they were
        app = Sphinx(
            str(src),
            str(src),
            str(root / "out"),
            str(root / "doctrees"),
            "html",
            status=None,
            warning=warnings,
            freshenv=True,
            warningiserror=warningiserror,
        )
        app.build()
    return Path(app.outdir), warnings.getvalue()
