"""The analysis pages rerun as notebooks in JupyterLab (`make lab`), offline and unchanged.

One JupyterLab server, configured as `make lab` configures it
(lab/jupyter_lab_config.py), runs on 127.0.0.1 with a token and a free port.
In one tab of headless Chromium, each analysis page in turn is opened as a
double click would open it (so with its default viewer: the first by its
address, the others by the file browser's open command); all its cells are
run, then it is saved and closed. Every figure must draw (plotly's JupyterLab extension, an
SVG per figure), every number the prose cites must be shown with its value
right after its prose (in the output of the cell that follows the prose),
no page error may be logged, nothing may be fetched from outside, and book/
must be byte-identical afterwards.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jupytext
import pytest
from myst_nb.core.variables import format_plain_text
from playwright.sync_api import Browser, ConsoleMessage, Page, Route

from analysis.site.cache import current_claims, current_edition, current_register
from analysis.site.pages.methods import method_values

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
ANALYSES = sorted((BOOK / "analyses").glob("*.md"))
CONFIG = ROOT / "lab" / "jupyter_lab_config.py"
#: A glue role of the prose and the name it pastes: {glue:text}`name:spec`, {glue}`name`.
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`")
GLUE_RECORD = "application/papermill.record/"
START_TIMEOUT = 60.0
RUN_TIMEOUT_MS = 180_000

#: Every code cell has run once the prompts all show a number (none ``[*]`` or blank).
_ALL_RUN_JS = """(n) => {
  const prompts = [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
  return prompts.length === n && prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
}"""
_KERNEL_IDLE_JS = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
    && panel.sessionContext.session.kernel;
  return Boolean(kernel) && kernel.status === 'idle';
}"""
_RUN_ALL_JS = "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
#: Saves through the contents API (jupytext writes the page), then stops the kernel.
_SAVE_AND_CLOSE_JS = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.context.save();
  if (panel.model.dirty) { throw new Error('still unsaved after saving'); }
  await panel.sessionContext.shutdown();
  panel.dispose();
}"""
_DRAWN_JS = """() => [...document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea .js-plotly-plot')]
  .filter(plot => plot.querySelector('svg.main-svg')).length"""
#: What the notebook holds once run: each Markdown cell's source with the text of the
#: cell after it as shown, and every value glue stored (its MIME bundle), by name.
_PROSE_JS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.widgets;
  const prose = [];
  const glued = {};
  cells.forEach((cell, i) => {
    if (cell.model.type === 'markdown') {
      const next = cells[i + 1];
      const area = next && next.node.querySelector('.jp-OutputArea');
      prose.push({source: cell.model.sharedModel.getSource(),
                  shown: area ? area.textContent : ''});
    } else if (cell.model.type === 'code') {
      for (const output of cell.model.outputs.toJSON()) {
        const name = output.metadata && output.metadata.scrapbook
          && output.metadata.scrapbook.name;
        if (name) { glued[name] = output.data; }
      }
    }
  });
  return {prose, glued};
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (caches aside), by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: its base URL and token."""

    url: str
    token: str


@pytest.fixture(scope="module")
def book_before() -> Iterator[dict[str, bytes]]:
    """book/ as it was before JupyterLab touched it.

    Saving a page rewrites it: once the test is over, every page whose bytes
    are unchanged gets its modification time back, so that the next
    incremental build does not read it (and run it) again for nothing.
    """
    times = {path: path.stat() for path in BOOK.rglob("*.md")}
    before = _snapshot(BOOK)
    yield before
    for path, stat in times.items():
        if path.is_file() and path.read_bytes() == before.get(path.relative_to(BOOK).as_posix()):
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.fixture(scope="module")
def lab(book_before: dict[str, bytes]) -> Iterator[Lab]:
    """JupyterLab from this Python's environment, stopped (kernels and all) at the end."""
    token, port = secrets.token_hex(16), _free_port()
    with tempfile.TemporaryDirectory(prefix="edition-lab-") as tmp:
        env = {
            **os.environ,
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "JUPYTER_CONFIG_DIR": str(Path(tmp) / "config"),
            "JUPYTER_RUNTIME_DIR": str(Path(tmp) / "runtime"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            f"--config={CONFIG}",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            "--ServerApp.open_browser=False",
            f"--LabApp.user_settings_dir={Path(tmp) / 'settings'}",
            f"--LabApp.workspaces_dir={Path(tmp) / 'workspaces'}",
            "--LabApp.expose_app_in_browser=True",
        ]
        log = Path(tmp) / "lab.log"
        with log.open("wb") as out:
            server = subprocess.Popen(command, cwd=tmp, env=env, stdout=out, stderr=out)
            url = f"http://127.0.0.1:{port}"
            try:
                _wait_until_up(server, url, token, log)
                yield Lab(url, token)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()


def _wait_until_up(server: subprocess.Popen[bytes], url: str, token: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    request = urllib.request.Request(
        f"{url}/api/status", headers={"Authorization": f"token {token}"}
    )
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not start in {START_TIMEOUT:.0f} s:\n{log.read_text()}")


@dataclass
class LabTab:
    """The tab JupyterLab runs in, and what it logged: errors, requests sent outside."""

    page: Page
    errors: list[str]
    outside: list[str]


@pytest.fixture(scope="module")
def lab_page(browser: Browser, lab: Lab) -> Iterator[LabTab]:
    """One tab of headless Chromium for JupyterLab, recording errors and outside requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    tab = LabTab(context.new_page(), [], [])

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text}")

    def on_route(route: Route) -> None:
        if route.request.url.startswith((lab.url, "data:", "blob:", "about:")):
            route.continue_()
        else:
            tab.outside.append(route.request.url)
            route.abort()

    tab.page.on("console", on_console)
    tab.page.on("pageerror", lambda error: tab.errors.append(f"uncaught: {error}"))
    tab.page.route("**/*", on_route)
    try:
        yield tab
    finally:
        context.close()


@dataclass
class Rerun:
    """What one page showed once all its cells had run and it was saved."""

    figures: int
    drawn: int
    prose: list[dict[str, str]]
    glued: dict[str, dict[str, str]]
    errors: list[str]
    outside: list[str]


def _open(tab: LabTab, lab: Lab, path: Path, *, first: bool) -> None:
    """Open ``path`` in JupyterLab with its default viewer, as a double click does.

    The first page is opened by its address (in a fresh workspace), the others
    with the file browser's own open command, in the same JupyterLab.
    """
    relative = path.relative_to(ROOT).as_posix()
    if first:
        tab.page.goto(f"{lab.url}/lab/workspaces/rerun/tree/{relative}?reset&token={lab.token}")
    else:
        tab.page.evaluate(
            "p => { window.jupyterapp.commands.execute('docmanager:open', {path: p}); }", relative
        )
    tab.page.wait_for_function(
        "p => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.context"
        " && window.jupyterapp.shell.currentWidget.context.path === p",
        arg=relative,
    )
    # The default viewer of a MyST page is jupytext's notebook, not the text editor.
    tab.page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")


def _rerun(tab: LabTab, lab: Lab, path: Path, *, first: bool) -> Rerun:
    """Open ``path``, run all its cells, read what it shows, then save and close it."""
    code_cells = [c for c in jupytext.read(path).cells if c.cell_type == "code"]
    figures = sum(1 for c in code_cells if "figure" in c.metadata.get("mystnb", {}))
    errors, outside = len(tab.errors), len(tab.outside)
    page = tab.page
    _open(tab, lab, path, first=first)
    page.wait_for_function(_KERNEL_IDLE_JS)
    page.evaluate(_RUN_ALL_JS)
    page.wait_for_function(_ALL_RUN_JS, arg=len(code_cells), timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(f"() => ({_DRAWN_JS})() >= {figures}")
    drawn = page.evaluate(_DRAWN_JS)
    shown = page.evaluate(_PROSE_JS)
    tab.errors.extend(
        f"{kind} output: {text}"
        for kind in ("error", "stderr")
        for text in page.locator(
            f".jp-NotebookPanel:not(.lm-mod-hidden) "
            f".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.{kind}']"
        ).all_inner_texts()
    )
    page.evaluate(_SAVE_AND_CLOSE_JS)
    return Rerun(
        figures,
        drawn,
        shown["prose"],
        shown["glued"],
        tab.errors[errors:],
        tab.outside[outside:],
    )


@pytest.fixture(scope="module")
def reruns(lab_page: LabTab, lab: Lab) -> dict[str, Rerun]:
    """Every analysis page rerun in the one JupyterLab, by page name.

    The pages are opened one after another in one tab (one JupyterLab
    front end, as a user has), each with its own kernel, which is stopped
    when the page is closed.
    """
    return {path.stem: _rerun(lab_page, lab, path, first=i == 0) for i, path in enumerate(ANALYSES)}


@pytest.mark.parametrize("page", [p.stem for p in ANALYSES])
def test_every_figure_draws(reruns: dict[str, Rerun], page: str) -> None:
    rerun = reruns[page]
    assert rerun.figures > 0
    assert rerun.drawn == rerun.figures


@pytest.mark.parametrize("page", [p.stem for p in ANALYSES])
def test_no_error_and_nothing_fetched(reruns: dict[str, Rerun], page: str) -> None:
    assert reruns[page].errors == []
    assert reruns[page].outside == []


def _words(text: str) -> str:
    """Text as a reader sees it: whitespace as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def _expected(role: str, content: str, rerun: Rerun, captions: dict[str, str]) -> str:
    """What the reader should see for a role: the value glue stored, formatted as the site does."""
    if role.startswith("glue"):
        # myst-nb's own reading: the name, then the format spec after the last colon.
        name, *spec = content.rsplit(":", 1) if role == "glue:text" else [content]
        stored = rerun.glued[name]
        if role == "glue:text":
            return format_plain_text(stored[GLUE_RECORD + "text/plain"], spec[0] if spec else "s")
        if GLUE_RECORD + "text/html" in stored:
            return html.unescape(re.sub(r"<[^>]+>", "", stored[GLUE_RECORD + "text/html"]))
        return stored[GLUE_RECORD + "text/plain"]
    if role == "method-value":
        edition, register = current_edition(), current_register()
        return method_values(edition, register, claims=current_claims(), names=[content])[content]
    if role == "numref":
        return captions[content]
    return content


@pytest.mark.parametrize("page", [p.stem for p in ANALYSES])
def test_every_number_of_the_prose_is_shown_after_its_sentence(
    reruns: dict[str, Rerun], page: str
) -> None:
    """Each role of each prose cell shows its value in the output of the cell after it.

    The value is the one glue stored in the running notebook (formatted by the
    role's spec, as myst-nb formats it on the site), the methods page's value,
    or the first sentence of the caption of the figure a ``{numref}`` names;
    the values come in the prose's order, each right after the words that
    precede its role.
    """
    rerun = reruns[page]
    captions = {
        cell.metadata["mystnb"]["figure"]["name"]: re.split(
            r"(?<=\.)\s", cell.metadata["mystnb"]["figure"]["caption"]
        )[0].removesuffix(".")
        for cell in jupytext.read(BOOK / "analyses" / f"{page}.md").cells
        if "figure" in cell.metadata.get("mystnb", {})
    }
    cited = [cell for cell in rerun.prose if ROLE.search(cell["source"])]
    assert cited
    for cell in cited:
        shown, position, before = _words(cell["shown"]), 0, 0
        assert shown, f"nothing shown after: {cell['source'][:80]}"
        for match in ROLE.finditer(cell["source"]):
            value = _words(_expected(match["role"], match["content"], rerun, captions))
            found = shown.find(value, position)
            assert found >= 0, f"{match[0]} = {value!r} not shown after {shown[position:][:80]!r}"
            # The words before the role, as Markdown renders them, come right before it.
            words = re.sub(r"\]\([^)]*\)|[*_\[\]]", "", cell["source"][before : match.start()])
            lead = _words(re.sub(r"^.*?(\w+\W*)$", r"\1", words, flags=re.S)) if words else ""
            if match["role"] != "numref" and re.search(r"\w", lead):
                assert shown[:found].rstrip().endswith(lead.rstrip()), (match[0], lead)
            position, before = found + len(value), match.end()


def test_book_is_unchanged(reruns: dict[str, Rerun], book_before: dict[str, bytes]) -> None:
    """Opening, running and saving every analysis page leaves book/ byte-identical."""
    assert len(reruns) == len(ANALYSES)
    after = _snapshot(BOOK)
    assert sorted(after) == sorted(book_before)
    assert [name for name in after if after[name] != book_before[name]] == []
