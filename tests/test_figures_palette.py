"""The figures' colours: one light and one dark value each, looked up without ambiguity."""

from __future__ import annotations

import re

from analysis.site.figures import palette

SHADES = [
    palette.BLUE,
    palette.RED,
    palette.GREY,
    palette.OLIVE,
    palette.FAINT,
    *palette.OKABE_ITO.values(),
    *palette.DARK2,
    palette.EDGE,
    palette.NEGATIVE_EDGE,
    *(shade for _, shade in palette.HEAT),
]
COLOUR = re.compile(r"#[0-9a-f]{6}|rgba\(\d+, \d+, \d+, [\d.]+\)")


def test_every_light_colour_has_one_dark_value() -> None:
    """No light value stands for two colours, so the dark theme's swap is unambiguous."""
    assert len(palette.DARK) == len(SHADES)
    for shade in SHADES:
        assert COLOUR.fullmatch(shade.light) and COLOUR.fullmatch(shade.dark), shade
        assert palette.DARK[shade.light.replace(" ", "")] == shade.dark


def test_heat_scale_runs_from_zero_to_one_in_both_themes() -> None:
    """The heatmaps' scale spans 0 to 1, growing darker (light theme) or lighter (dark)."""
    stops = [at for at, _ in palette.HEAT]
    assert stops[0] == 0.0 and stops[-1] == 1.0 and stops == sorted(stops)
    assert palette.HEAT[0][1].dark != palette.HEAT[-1][1].dark
