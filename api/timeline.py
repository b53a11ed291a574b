"""A timeline picture per country pair (SVG, no network): one row per pair, one bar per step of
:func:`xborder.graph.report.pair_timeline`, coloured by status, labelled with its basis, each
bar's tooltip naming the instrument, the dates and what ended it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from xml.sax.saxutils import escape

from xborder.api.maps import STATUS_STYLE

__all__ = ["timeline_svg"]

LEFT, RIGHT, ROW, TOP = 90, 980, 46, 34


def _short(basis: str) -> str:
    for word in ("Safe Harbor", "Privacy Shield", "Data Privacy Framework", "2023/1795"):
        if word in basis:
            return {"2023/1795": "DPF", "Data Privacy Framework": "DPF"}.get(word, word)
    if basis.startswith("nothing"):
        return "no adequacy"
    number = re.search(r"\d{4}/\d+", basis)
    return number.group(0) if number else basis.split(" (")[0][:28]


def timeline_svg(timelines: dict[str, list[dict[str, Any]]], start: str = "1998-01-01",
                 end: str | None = None) -> str:
    """``{"DE→US": steps, …}`` as one SVG."""
    d0 = dt.date.fromisoformat(start)
    d9 = dt.date.fromisoformat(end) if end else dt.date.today()
    span = (d9 - d0).days or 1

    def x(day: str | None) -> float:
        when = dt.date.fromisoformat(day) if day else d9
        when = min(max(when, d0), d9)
        return LEFT + (RIGHT - LEFT) * (when - d0).days / span

    height = TOP + ROW * len(timelines) + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 {height}" role="img" '
           'aria-label="What allowed transfers over time" font-family="system-ui, sans-serif" '
           'font-size="11">', "<title>What allowed transfers over time</title>"]
    for year in range(d0.year + (d0.month > 1), d9.year + 1, 2):
        xx = x(f"{year}-01-01")
        out.append(f'<line x1="{xx:.1f}" y1="{TOP - 6}" x2="{xx:.1f}" '
                   f'y2="{TOP + ROW * len(timelines)}" stroke="#ddd"/>'
                   f'<text x="{xx:.1f}" y="{TOP - 10}" text-anchor="middle">{year}</text>')
    for i, (pair, steps) in enumerate(timelines.items()):
        y = TOP + ROW * i
        out.append(f'<text x="8" y="{y + 22}" font-weight="600" font-size="13">'
                   f"{escape(pair)}</text>")
        for s in steps:
            if s["to"] and dt.date.fromisoformat(s["to"]) < d0:
                continue
            a, b = x(s["from"]), x(s["to"])
            colour = STATUS_STYLE.get(s["status"], ("#999", ""))[0]
            tip = f"{s['from']} → {s['to'] or 'now'}: {s['status']} — {s['basis']}"
            if s.get("ended_by"):
                tip += f"; ended by {s['ended_by']['name']} ({s['ended_by']['date']})"
            if s.get("law"):
                tip += f"; law: {s['law']}"
            out.append(f'<rect class="step" data-status="{s["status"]}" x="{a:.1f}" y="{y + 6}" '
                       f'width="{max(b - a, 1):.1f}" height="26" fill="{colour}" '
                       f'stroke="#fff"><title>{escape(tip)}</title></rect>')
            label = _short(s["basis"])
            if b - a > 6.2 * len(label) + 8:
                out.append(f'<text x="{(a + b) / 2:.1f}" y="{y + 23}" fill="#fff" '
                           f'text-anchor="middle">{escape(label)}</text>')
    y = TOP + ROW * len(timelines) + 20
    for j, (status, (colour, _)) in enumerate(STATUS_STYLE.items()):
        xx = 8 + 196 * j
        out.append(f'<rect x="{xx}" y="{y}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{xx + 16}" y="{y + 10}">{escape(status)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
