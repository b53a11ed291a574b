"""The geographic world map: an SVG with no outside reference, countries coloured by
controller or by the user's leg status, flows as arcs with tooltips; CLI and HTTP faces."""

from __future__ import annotations

import re

from xborder.api.cli import main
from xborder.api.maps import STATUS_STYLE
from xborder.api.world import country_shapes, world_svg

ORG = "huawei"


def _fill(svg: str, code: str) -> str:
    m = re.search(rf'data-code="{code}" data-fill="(#[0-9a-f]+)"', svg)
    assert m, code
    return m.group(1)


def test_geometry_covers_the_countries():
    shapes = country_shapes()
    assert len(shapes) > 180 and {"DE", "CN", "US", "FR", "BR", "JP"} <= set(shapes)


def test_countries_coloured_by_controller_and_flows_drawn(kb):
    svg = world_svg(kb, ORG, "2020-07-17", "cloud")
    assert svg.startswith("<svg") and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert _fill(svg, "DE") == _fill(svg, "FR") != _fill(svg, "CN")
    assert "Aspiegel Limited (IE)" in svg and 'class="flow"' in svg
    assert "<title>DE → US: safeguards-required" in svg or "<title>IE → US:" in svg


def test_one_users_place_colours_the_destinations_by_status(kb):
    svg = world_svg(kb, ORG, "2017-06-01", "cloud", "RE")
    assert _fill(svg, "US") == STATUS_STYLE["adequacy"][0]
    assert _fill(svg, "CN") == STATUS_STYLE["safeguards-required"][0]


def test_cli_map_world_writes_svg(tmp_path, capsys):
    out = tmp_path / "world.svg"
    assert main(["map", "--world", "--org", ORG, "--at", "2020-07-17", "--service", "cloud",
                 "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("<svg")
