"""Fixtures that serve the built site and drive headless Chromium through it.

The site in ``_build/html`` is served over HTTP on 127.0.0.1 (a free port, a
thread of this process) and opened in Debian's Chromium, driven by Playwright;
Playwright's own browser downloads are never used. Every visit records console
errors, uncaught exceptions, failed local requests and any request that leaves
the local server (such requests are also aborted).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
#: The browser: $CHROMIUM, which the Makefile sets and exports (`make test`),
#: else the ``chromium`` on the PATH.
CHROMIUM = Path(os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Chromium flags; headless mode is Playwright's launch option."""

_LOCAL_SCHEMES = ("data:", "blob:", "about:")
_DUPLICATE_IDS_JS = """() => {
  const seen = new Set(), twice = new Set();
  for (const el of document.querySelectorAll("[id]")) {
    (seen.has(el.id) ? twice : seen).add(el.id);
  }
  return [...twice].sort();
}"""


def _pages(site: Path) -> list[str]:
    """Return the HTML pages of the built site, as sorted paths relative to it.

    Theme fragments in ``_static`` and copied sources are not pages.
    """
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] not in {"_static", "_sources", "_images"}
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Give a test asking for ``site_page`` one case per page of the built site.

    An unbuilt site still gives one case, which fails in ``site_dir`` saying
    what to do, so that nothing is skipped silently.
    """
    if "site_page" in metafunc.fixturenames:
        pages = _pages(SITE) if SITE.is_dir() else []
        metafunc.parametrize("site_page", pages or ["index.html"])


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; fails, with what to do, when it has not been built."""
    if not (SITE / "index.html").is_file():
        pytest.fail(
            f"{SITE / 'index.html'} does not exist: build the site with `make site` "
            "(`make test` builds it before testing)",
            pytrace=False,
        )
    return SITE


@pytest.fixture(scope="session")
def site_pages(site_dir: Path) -> list[str]:
    """The HTML pages of the built site, as sorted paths relative to it."""
    return _pages(site_dir)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the site served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver."""
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Debian Chromium; each launch gets a fresh temporary profile."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium "
            "(`apt-get install chromium`) or set CHROMIUM to its path",
            pytrace=False,
        )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class Visit:
    """One page opened in the browser, with what went wrong while loading it.

    ``console_errors`` also lists uncaught exceptions and element ids used
    twice (a figure drawn into the wrong element, a broken anchor).
    """

    page: Page
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """Every problem seen, one line each."""
        return (
            [f"console: {text}" for text in self.console_errors]
            + [f"external request: {url}" for url in self.external_requests]
            + [f"failed request: {text}" for text in self.failed_requests]
        )


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Callable[[str], Visit]]:
    """Open a path of the site in a fresh browser context and record problems.

    ``visit("analyses/terms.html")`` returns a :class:`Visit` once the page has
    loaded and the network is idle.
    """
    context = browser.new_context()
    context.set_default_timeout(30_000)

    def is_local(url: str) -> bool:
        return url.startswith(f"{server}/") or url.startswith(_LOCAL_SCHEMES)

    def open_page(path: str) -> Visit:
        page = context.new_page()
        record = Visit(page)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                where = message.location.get("url", "")
                record.console_errors.append(f"{message.text} [{where}]")

        def on_route(route: Route) -> None:
            if is_local(route.request.url):
                route.continue_()
            else:
                record.external_requests.append(route.request.url)
                route.abort()

        def on_failed(request: Request) -> None:
            if is_local(request.url):
                record.failed_requests.append(f"{request.url} ({request.failure})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
        page.on("requestfailed", on_failed)
        page.on(
            "response",
            lambda response: (
                record.failed_requests.append(f"{response.url} (HTTP {response.status})")
                if response.status >= 400 and is_local(response.url)
                else None
            ),
        )
        page.route("**/*", on_route)
        page.goto(f"{server}/{path}", wait_until="networkidle")
        duplicates = page.evaluate(_DUPLICATE_IDS_JS)
        record.console_errors.extend(f"id used twice in the page: {i}" for i in duplicates)
        return record

    try:
        yield open_page
    finally:
        context.close()
