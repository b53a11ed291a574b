"""Transfer maps: an organisation's data flows on a date, as an interactive pyvis network.

Built from the transfer register (:mod:`xborder.graph.register`): user jurisdictions are
grouped — the EEA, the places the policy lists, everyone else (places that share the same flows
share a node) — then the controllers, then the recipients, in three fixed columns (no physics:
the same question always draws the same picture). Each leg is coloured by its status, with the
mechanism and the source on hover. Between two dates, the legs whose status changed are
highlighted. The HTML carries its own JavaScript (pyvis ``cdn_resources="in_line"`` with a
template of ours): it works offline and loads nothing from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from xborder.graph.dates import parse_date
from xborder.graph.places import group_status
from xborder.graph.register import RegisterRow, transfer_register

if TYPE_CHECKING:
    from xborder.graph.kb import KnowledgeBase

__all__ = ["STATUS_STYLE", "MapEdge", "MapModel", "build_map", "map_html", "render_map"]

STATIC = Path(__file__).with_name("static")
STATUS_STYLE: dict[str, tuple[str, str]] = {  # colour, legend text
    "same-area": ("#1b7f3b", "Same area: no transfer restriction"),
    "adequacy": ("#1f5fbf", "Adequacy decision"),
    "safeguards-required": ("#c45a00", "Safeguards required (SCCs, BCRs …)"),
    "no-general-restriction": ("#7b3fa0", "No general restriction"),
    "unknown": ("#7a7a7a", "Unknown: no rules encoded, or place not named"),
}
CHANGE_COLOUR = "#d0104c"
COLUMN_X = (0, 520, 1000)
_MAX_LISTED = 60


@dataclass
class MapEdge:
    src: str
    dst: str
    status: str
    rows: list[RegisterRow] = field(default_factory=list)
    change: str | None = None  # changed | new | removed
    before: set[str] = field(default_factory=set)


@dataclass
class MapModel:
    title: str
    subtitle: str
    at: dt.date
    before: dt.date | None
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], MapEdge] = field(default_factory=dict)

    def node(self, node_id: str, label: str, kind: str, column: int, order: tuple[Any, ...],
             title: str) -> None:
        if node_id not in self.nodes:
            self.nodes[node_id] = {"label": label, "kind": kind, "column": column,
                                   "order": order, "title": title}

    def edge(self, src: str, dst: str, status: str) -> MapEdge:
        key = (src, dst, status)
        if key not in self.edges:
            self.edges[key] = MapEdge(src, dst, status)
        return self.edges[key]


def _codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:_MAX_LISTED])
    return shown + (f" … and {len(codes) - _MAX_LISTED} more" if len(codes) > _MAX_LISTED else "")


def _wrap_codes(codes: list[str], per_line: int = 6) -> str:
    return "\n".join(" · ".join(codes[i:i + per_line]) for i in range(0, len(codes), per_line))


def _listed(kb: KnowledgeBase, org: str, services: set[str | None], at: dt.date) -> set[str]:
    out: set[str] = set()
    for rule in kb.organisation(org).rules:
        if rule.interval.contains(at) and (not rule.services or rule.services & services):
            out |= {c for c in rule.locations
                    if c != "*" and kb.model.jurisdictions.get(c, None) is not None
                    and kb.model.jurisdictions[c].kind != "group"}
    return out


def _user_nodes(kb: KnowledgeBase, model: MapModel, rows: list[RegisterRow], org: str,
                earlier: dict[tuple[str | None, ...], tuple[str, str]]) -> dict[str, str]:
    """Place every user location on a node; returns location → node id. Places share a node
    when their flows (and, for a "what changed" map, their earlier flows) are the same."""
    at = model.at
    names = {c: j.name for c, j in kb.model.jurisdictions.items()}
    by_loc: dict[str, list[RegisterRow]] = defaultdict(list)
    for r in rows:
        if r.location is not None:
            by_loc[r.location].append(r)
    signature = {loc: tuple(sorted((r.service_id or "", r.controller_id, r.status,
                                    *earlier.get(r.key, ("", ""))) for r in rs))
                 for loc, rs in by_loc.items()}
    has_eea = "EEA" in kb.model.jurisdictions
    eea = {c for c in by_loc if has_eea and group_status(kb.model, c, "EEA", at).member}
    listed = _listed(kb, org, {r.service_id for r in rows}, at)
    single = set(by_loc) if len(by_loc) <= 3 else set()
    counts: dict[tuple[Any, ...], int] = defaultdict(int)
    for c in eea - single:
        counts[signature[c]] += 1
    main = max(counts, key=lambda s: (counts[s], s)) if counts else None
    groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    placed: dict[str, str] = {}
    for c in sorted(by_loc):
        if c in single or (c in eea and signature[c] != main):
            placed[c] = f"place:{c}"
            rank = 1 if c in eea else 3
            note = " — EEA" if c in eea else (" — listed in the policy" if c in listed else "")
            model.node(placed[c], f"{names.get(c, c)} ({c})", "user", 0, (rank, c),
                       f"{names.get(c, c)} ({c}){note}")
        elif c in eea:
            groups[("eea",)].append(c)
        else:
            groups[("listed" if c in listed else "other", signature[c])].append(c)
    other_big = sum(1 for k, v in groups.items() if k[0] == "other" and len(v) > 8)

    def to_whom(members: list[str]) -> str:
        """The controllers (and services) a group's places go to: the group's clear name."""
        services = {r.service_id for r in rows}
        parts = sorted({(r.controller if len(services) < 2 or not r.service
                         else f"{r.controller} ({r.service})") for r in by_loc[members[0]]})
        return "; ".join(parts[:3]) + (" …" if len(parts) > 3 else "")
    for i, (key, members) in enumerate(sorted(groups.items(), key=lambda kv: (
            kv[0][0] != "eea", kv[0][0] == "other", -len(kv[1]), kv[1][0]))):
        if key[0] == "eea":
            node_id, rank = "group:EEA", 0
            label = f"EEA ({len(members)})"
            title = f"EEA: {len(members)} places in the European Economic Area on {at}"
        elif key[0] == "listed":
            node_id, rank = f"group:listed:{i}", 2
            label = (f"Listed in the policy → {to_whom(members)} ({len(members)})\n"
                     f"{_wrap_codes(members)}")
            title = f"Places the policy names, controlled by {to_whom(members)}: {len(members)}"
        else:
            node_id, rank = f"group:other:{i}", 4
            many = len(members) > 8
            label = (f"Everywhere else ({len(members)})" if many
                     else f"Elsewhere ({len(members)})\n{_wrap_codes(members)}")
            if many and other_big > 1:
                label += f"\n→ {to_whom(members)}"
            title = f"Places neither in the EEA nor named by the policy: {len(members)}"
        if len(members) == 1:
            node_id, label = f"place:{members[0]}", f"{names.get(members[0], members[0])} " \
                f"({members[0]})"
        model.node(node_id, label, "user-group", 0, (rank, -len(members), members[0]),
                   f"{title}\n{_codes(members)}")
        for c in members:
            placed[c] = node_id
    return placed


def _recipient_node(model: MapModel, r: RegisterRow) -> str:
    if r.to_code:
        node_id = f"recipient:{r.recipient_id}@{r.to_code}"
        model.node(node_id, f"{r.recipient}\n{r.to_name} ({r.to_code})", "recipient", 2,
                   (0, r.to_code, r.recipient), f"{r.recipient} in {r.to_name} ({r.to_code})\n"
                   f"Policy § {r.citation.get('section')}: “{r.citation.get('quote')}”")
        return node_id
    node_id = "recipients:unplaced"
    model.node(node_id, "Recipients the policy\ndoes not place", "recipient", 2, (1,),
               "Recipients the policy names without saying where they are")
    line = f"• {r.recipient} (§ {r.citation.get('section')})"
    if line not in model.nodes[node_id]["title"]:
        model.nodes[node_id]["title"] += "\n" + line
    return node_id


def _controller_node(model: MapModel, r: RegisterRow) -> str:
    node_id = f"entity:{r.controller_id}"
    model.node(node_id, f"{r.controller}\ncontroller · {r.controller_country}", "controller", 1,
               (r.controller_country, r.controller),
               f"{r.controller} ({r.controller_country}), data controller")
    return node_id


def _add_rows(model: MapModel, rows: list[RegisterRow], placed: dict[str, str],
              change: str | None = None,
              status_before: dict[tuple[Any, ...], str] | None = None) -> None:
    for r in rows:
        ctrl = _controller_node(model, r)
        src, dst = ((placed[r.location], ctrl) if r.location is not None
                    else (ctrl, _recipient_node(model, r)))
        edge = model.edge(src, dst, r.status)
        edge.rows.append(r)
        if change:
            edge.change = change
        if status_before is not None:
            before = status_before.get((r.key, r.controller_id))
            if before is None:
                edge.change = edge.change or "new"
            elif before != r.status:
                edge.change = "changed"
                edge.before.add(before)


def build_map(kb: KnowledgeBase, at: str | dt.date | None = None, org: str | None = None,
              service: str | None = None, location: str | None = None,
              before: str | dt.date | None = None) -> MapModel:
    """The grouped map of the organisation's flows on ``at`` (with ``before``: what changed)."""
    day = parse_date(at)
    organisation = kb.organisation(org)
    locations = [location] if location else None
    rows = transfer_register(kb, day, organisation.id, service, locations)
    where = f" · users in {rows[0].from_name} ({rows[0].from_code})" if location else ""
    what = f" · {rows[0].service}" if service else " · all services"
    model = MapModel(f"{organisation.name}: data flows on {day}", what[3:] + where, day, None)
    old_rows: list[RegisterRow] = []
    old_status: dict[tuple[Any, ...], str] = {}
    old_user: dict[tuple[str | None, ...], tuple[str, str]] = {}
    if before is not None:
        model.before = parse_date(before)
        model.title = f"{organisation.name}: what changed from {model.before} to {day}"
        old_rows = transfer_register(kb, model.before, organisation.id, service, locations)
        old_user = {r.key: (r.controller_id, r.status) for r in old_rows if r.location}
        old_status = {(r.key, r.controller_id): r.status for r in old_rows}
    placed = _user_nodes(kb, model, rows, organisation.id, old_user)
    _add_rows(model, rows, placed, status_before=old_status if before is not None else None)
    if before is not None:
        now = {(r.key, r.controller_id) for r in rows}
        gone = [r for r in old_rows if (r.key, r.controller_id) not in now
                and (r.location is None or r.location in placed)]
        _add_rows(model, gone, placed, change="removed")
    return model


def _mechanism_lines(rows: list[RegisterRow]) -> list[str]:
    seen: dict[str, None] = {}
    for r in rows:
        for m in r.mechanisms:
            span = f"{m['valid_from'] or '…'} → {m['valid_to'] or '…'}"
            scope = f", {m['scope']}" if m.get("scope") and m["scope"] != "all" else ""
            src = m.get("source")
            ref = f", {'CELEX ' if src and not src.startswith('http') else ''}{src}" if src \
                else ""
            seen[f"{m['kind']}: {m['instrument'] or m['name']} ({span}{scope}{ref})"] = None
    return list(seen)


def edge_title(model: MapModel, e: MapEdge) -> str:
    a, b = model.nodes[e.src]["label"].split("\n")[0], model.nodes[e.dst]["label"].split("\n")[0]
    rows = e.rows
    lines = [f"{a} → {b}", f"Status: {e.status} — {STATUS_STYLE[e.status][1]}"]
    if e.change == "changed":
        lines.append(f"CHANGED: was {', '.join(sorted(e.before))} on {model.before}")
    elif e.change == "new":
        lines.append(f"NEW since {model.before}")
    elif e.change == "removed":
        lines.append(f"REMOVED: this leg existed on {model.before}, not on {model.at}")
    services = sorted({r.service for r in rows if r.service})
    if services:
        lines.append("Services: " + "; ".join(services))
    users = sorted({r.location for r in rows if r.location})
    if users:
        lines.append(f"Users in {len(users)} place(s): {_codes(users)}")
    recipients = sorted({r.recipient for r in rows if r.recipient})
    if recipients:
        lines.append("Recipients: " + "; ".join(recipients))
    regimes = sorted({r.regime for r in rows if r.regime})
    if regimes:
        lines.append("Exporting regime: " + ", ".join(regimes))
    mech = _mechanism_lines(rows)
    if mech:
        lines.append("Mechanisms:")
        lines += [f"  • {m}" for m in mech[:8]]
    lines += [f"Why: {x}" for x in dict.fromkeys(r.explanation for r in rows)][:3]
    for c in dict.fromkeys((r.citation.get("section"), r.citation.get("quote")) for r in rows):
        lines.append(f"Source: policy § {c[0]}: “{c[1]}”")
    for gap in dict.fromkeys(r.gap for r in rows if r.gap):
        lines.append(f"Gap: {gap}")
    legal = list(dict.fromkeys(s for r in rows for s in r.legal_sources))
    if legal:
        lines.append("Legal sources: " + "; ".join(legal[:6]))
    return "\n".join(lines)


def _positions(model: MapModel) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for column in range(3):
        ids = sorted((n for n, d in model.nodes.items() if d["column"] == column),
                     key=lambda n: model.nodes[n]["order"])
        heights = [44 + 18 * model.nodes[n]["label"].count("\n") for n in ids]
        y = -(sum(heights) + 26 * max(len(ids) - 1, 0)) // 2
        for n, h in zip(ids, heights, strict=True):
            out[n] = (COLUMN_X[column], y + h // 2)
            y += h + 26
    return out


def render_map(model: MapModel, *, embed: bool = False, height: str = "640px") -> str:
    """The map as one self-contained HTML document (pyvis network, our template)."""
    import pyvis.network

    net = pyvis.network.Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    node_style = {"user": ("#e8f0fb", "#3b5b8c"), "user-group": ("#dce8f8", "#3b5b8c"),
                  "controller": ("#1d2b44", "#1d2b44"), "recipient": ("#f4efe6", "#8a6d3b")}
    pos = _positions(model)
    for node_id, d in model.nodes.items():
        bg, border = node_style[d["kind"]]
        changed = any(e.change and node_id in (e.src, e.dst) for e in model.edges.values())
        net.add_node(node_id, label=d["label"], title=d["title"], shape="box",
                     x=pos[node_id][0], y=pos[node_id][1], physics=False,
                     color={"background": bg, "border": CHANGE_COLOUR if changed else border},
                     borderWidth=3 if changed else 1,
                     font={"color": "#ffffff" if d["kind"] == "controller" else "#1b1b1b"})
    parallel: dict[tuple[str, str], int] = defaultdict(int)
    table = []
    for e in sorted(model.edges.values(), key=lambda e: (e.src, e.dst, e.status)):
        colour = STATUS_STYLE[e.status][0]
        k = parallel[(e.src, e.dst)]
        parallel[(e.src, e.dst)] += 1
        smooth = ({"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.45}
                  if k == 0 else {"type": "curvedCW" if k % 2 else "curvedCCW",
                                  "roundness": 0.12 * ((k + 1) // 2)})
        width = 1.5 + min(len(e.rows), 40) ** 0.5 / 2
        label = {"changed": f"was {'/'.join(sorted(e.before))}", "new": "new",
                 "removed": "removed"}.get(e.change or "", "")
        title = edge_title(model, e)
        net.add_edge(e.src, e.dst, title=title, label=label, smooth=smooth,
                     color={"color": colour, "highlight": colour, "hover": colour,
                            "opacity": 0.45 if e.change == "removed" else
                            0.3 if model.before and not e.change else 1.0},
                     width=width + (3 if e.change in ("changed", "new") else 0),
                     dashes=e.status == "unknown" or e.change == "removed",
                     shadow={"enabled": bool(e.change), "color": CHANGE_COLOUR, "size": 6,
                             "x": 0, "y": 0},
                     status=e.status, change=e.change or "")
        table.append({"from": model.nodes[e.src]["label"].replace("\n", " "),
                      "to": model.nodes[e.dst]["label"].replace("\n", " "),
                      "status": e.status, "change": e.change or "", "title": title})
    net.set_options(json.dumps({
        "physics": {"enabled": False}, "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": True,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 12, "color": CHANGE_COLOUR, "strokeWidth": 3,
                           "align": "middle"}},
        "nodes": {"margin": 10, "widthConstraint": {"maximum": 300},
                  "font": {"face": "system-ui, sans-serif", "size": 15, "multi": False}},
    }))
    nodes, edges, _, height_, width_, options = net.get_network_data()
    env = Environment(loader=FileSystemLoader(str(STATIC)),
                      autoescape=select_autoescape(default=True))
    lib = Path(pyvis.network.__file__).parent / "lib" / "vis-9.1.2"
    return env.get_template("map.html.j2").render(
        nodes=nodes, edges=edges, options=Markup(options), height=height_, width=width_,
        vis_js=Markup(_safe_inline((lib / "vis-network.min.js").read_text("utf-8"))),
        vis_css=Markup(_safe_inline((lib / "vis-network.css").read_text("utf-8"))),
        title=model.title, subtitle=model.subtitle, embed=embed, table=table,
        legend=[(s, c, t) for s, (c, t) in STATUS_STYLE.items()], diff=model.before is not None,
        change_colour=CHANGE_COLOUR)


def _safe_inline(text: str) -> str:
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def map_html(kb: KnowledgeBase, at: str | dt.date | None = None, org: str | None = None,
             service: str | None = None, location: str | None = None,
             before: str | dt.date | None = None, *, embed: bool = False) -> str:
    """Build and render in one call (what the CLI, the API and the notebooks use)."""
    return render_map(build_map(kb, at, org, service, location, before), embed=embed,
                      height="480px" if embed else "640px")
