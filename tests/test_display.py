"""Tests for analysis.site.display: deterministic, self-contained figure HTML."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.site import display
from analysis.site.figures import palette


@pytest.fixture
def fig() -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b"], y=[2, 1]))


@pytest.fixture(autouse=True)
def _fresh_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a fresh page would, with no id used yet."""
    monkeypatch.setattr(display, "_used_ids", set())


def test_figure_id_slugs_the_name() -> None:
    assert display.figure_id("Terms: top 20") == "plotly-terms-top-20"
    assert display.figure_id("co-mentions") == "plotly-co-mentions"


def test_figure_id_rejects_a_name_without_letters() -> None:
    with pytest.raises(ValueError, match="no letter or digit"):
        display.figure_id(" -- ")


@given(st.text().filter(lambda s: re.search(r"[a-z0-9]", s.lower())))
def test_figure_id_is_a_valid_html_id(name: str) -> None:
    assert re.fullmatch(r"plotly-[a-z0-9]+(-[a-z0-9]+)*", display.figure_id(name))


def test_name_figure_keeps_other_meta(fig: go.Figure) -> None:
    fig.update_layout(meta={"source": "witness"})
    display.name_figure(fig, "terms")
    assert fig.layout.meta == {"source": "witness", "name": "terms"}


def test_name_figure_refuses_non_dict_meta(fig: go.Figure) -> None:
    fig.update_layout(meta=["used", "by", "templates"])
    with pytest.raises(ValueError, match="meta"):
        display.name_figure(fig, "terms")


def test_figure_html_is_deterministic_and_self_contained(fig: go.Figure) -> None:
    display.name_figure(fig, "terms-top")
    html = display.figure_html(fig)
    assert html == display.figure_html(fig)
    assert 'id="plotly-terms-top"' in html
    assert 'class="plotly-graph-div"' in html
    assert "<script src" not in html
    assert "https://" not in html
    assert '"displaylogo": false' in html


def test_unnamed_figure_is_named_by_its_content(fig: go.Figure) -> None:
    same = go.Figure(go.Bar(x=["a", "b"], y=[2, 1]))
    other = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    assert display.figure_html(fig) == display.figure_html(same)
    ids = {re.search(r'id="([^"]+)"', display.figure_html(f))[1] for f in (fig, other)}
    assert len(ids) == 2


def test_renderer_emits_html_with_unique_ids(fig: go.Figure) -> None:
    display.name_figure(fig, "terms")
    renderer = display.EditionRenderer()
    first = renderer.to_mimebundle(fig.to_plotly_json())
    second = renderer.to_mimebundle(fig.to_plotly_json())
    assert sorted(first) == sorted(["text/html", display.PLOTLY_MIME])
    assert 'id="plotly-terms"' in first["text/html"]
    assert 'id="plotly-terms-2"' in second["text/html"]


def test_renderer_emits_plotly_json_for_jupyter(fig: go.Figure) -> None:
    """Jupyter draws the plotly MIME type: the figure's data, its layout, the site's config."""
    display.name_figure(fig, "terms-top")
    fig_dict = fig.to_plotly_json()
    bundle = display.EditionRenderer().to_mimebundle(fig_dict)
    plotly_json = bundle[display.PLOTLY_MIME]
    assert json.loads(json.dumps(plotly_json)) == plotly_json
    assert plotly_json["data"][0]["y"] == [2, 1]
    assert plotly_json["layout"]["meta"] == {"name": "terms-top"}
    assert plotly_json["config"]["displaylogo"] is False
    assert plotly_json["config"]["toImageButtonOptions"] == {"filename": "terms-top"}
    assert "config" not in fig_dict  # the caller's dict is left as it was


def test_activate_makes_the_renderer_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pio.renderers, "default", pio.renderers.default)
    display.activate()
    assert pio.renderers.default == display.RENDERER_NAME
    assert isinstance(pio.renderers[display.RENDERER_NAME], display.EditionRenderer)


def test_plotly_js_ships_with_plotly() -> None:
    path = display.plotly_js_path()
    assert path.name == display.PLOTLY_JS
    assert path.stat().st_size > 1_000_000


def _app() -> SimpleNamespace:
    added: list[str] = []
    return SimpleNamespace(
        added=added,
        add_js_file=added.append,
        config=SimpleNamespace(html_static_path=["_static"]),
    )


def test_extension_loads_plotly_only_on_figure_pages() -> None:
    app = _app()
    display._add_script(app, "index", "page.html", {"body": "<p>text</p>"}, doctree=object())
    display._add_script(app, "search", "search.html", {"body": ""}, doctree=None)
    assert app.added == []
    figure_page = {"body": '<div id="fig-x" class="plotly-graph-div"></div>'}
    display._add_script(app, "analyses/terms", "page.html", figure_page, doctree=object())
    assert app.added == [display.PLOTLY_JS, display.TEMPLATES_JS]


def test_templates_js_gives_plotlys_light_and_dark_templates() -> None:
    """The script of the themes' templates holds plotly's own, the dark one on clear paper."""
    text = display.templates_js()
    first = text.splitlines()[0]
    prefix = "window.EDITION_PLOTLY_TEMPLATES = "
    assert text.endswith(";\n") and first.startswith(prefix) and first.endswith(";")
    templates = json.loads(first[len(prefix) : -1])
    assert sorted(templates) == ["dark", "light"]
    white = pio.templates["plotly_white"].to_plotly_json()["layout"]
    assert templates["light"]["layout"]["font"] == white["font"]
    dark = templates["dark"]["layout"]
    assert dark["paper_bgcolor"] == dark["plot_bgcolor"] == "rgba(0,0,0,0)"
    assert dark["font"] == pio.templates["plotly_dark"].to_plotly_json()["layout"]["font"]
    assert text == display.templates_js()


def test_templates_js_gives_the_dark_value_of_each_data_colour() -> None:
    """The second line maps each light data colour of the figures to its dark value."""
    lines = display.templates_js().splitlines()
    prefix = "window.EDITION_PLOTLY_COLOURS = "
    assert len(lines) == 2 and lines[1].startswith(prefix) and lines[1].endswith(";")
    colours = json.loads(lines[1][len(prefix) : -1])
    assert colours == palette.DARK
    assert colours[palette.RED.light] == palette.RED.dark != palette.RED.light
    assert colours["rgba(60,60,60,0.7)"] == palette.EDGE.dark


def test_extension_serves_plotly_js_as_static_file() -> None:
    app = _app()
    display._add_static_file(app)
    assert app.config.html_static_path == ["_static", str(display.plotly_js_path())]


def test_site_mime_render_drops_plotly_json_for_the_site() -> None:
    """myst-nb, through the entry point, renders the plotly type to nothing and never picks it."""
    from myst_nb.core.render import get_mime_priority, load_mime_renders

    assert display.SiteMimeRender in load_mime_renders()
    plotly_data = SimpleNamespace(mime_type=display.PLOTLY_MIME)
    html_data = SimpleNamespace(mime_type="text/html")
    assert display.SiteMimeRender.handle_mime(None, plotly_data, False) == []
    assert display.SiteMimeRender.handle_mime(None, html_data, False) is None
    priority = get_mime_priority("html", [])
    assert display.PLOTLY_MIME not in priority
    assert "text/html" in priority
