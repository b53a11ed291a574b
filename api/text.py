"""Human-readable renderings of core results, for the terminal."""

from __future__ import annotations

import sys
import textwrap
import time
from typing import Any

__all__ = ["Progress", "render_changes", "render_resolution", "render_transfer"]


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_long_words=False, break_on_hyphens=False)


class _Notes:
    """Text said once: repeated paragraphs (the gap, a caveat) become numbered notes."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def ref(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)
        return f"[note {self.texts.index(text) + 1}]"

    def lines(self) -> list[str]:
        if not self.texts:
            return []
        return ["", "Notes:"] + [_wrap(f"[{i}] {t}") for i, t in enumerate(self.texts, 1)]


def _instrument_line(m: dict[str, Any], indent: str = "      ") -> list[str]:
    celex = f"CELEX {m['celex']} " if m.get("celex") else ""
    out = [_wrap(f"{m['name']} [{m['kind']}; {m['window']}; {m['confidence']}] {celex}"
                 f"<{m['url']}>", indent)]
    if m.get("scope"):
        out.append(_wrap(f"scope: {m['scope']}", indent + "  "))
    if m.get("note"):
        out.append(_wrap(m["note"], indent + "  "))
    return out


def _leg_lines(leg: dict[str, Any], basis: dict[str, Any] | None, notes: _Notes) -> list[str]:
    who = leg["recipient"]["name"] if leg.get("recipient") else "controller"
    out = [_wrap(f"- {leg['from']} → {leg['to'] or '?'} ({who}): {leg['status']}")]
    if basis is None:
        return out
    out.append(_wrap(basis["plain"], "      "))
    for a in basis["adequacy"]:
        out += _instrument_line(a)
    if basis["safeguards"]:
        kinds = "; ".join(f"{g['label']} ({len(g['instruments'])})" for g in basis["safeguards"])
        out.append(_wrap(f"safeguards available: {kinds}", "      "))
    if basis.get("ended"):
        e = basis["ended"]
        out.append(_wrap(f"why: {e['text']} <{e['ended_by']['url']}>", "      "))
    refs = [notes.ref(c) for c in basis["caveats"]]
    if leg.get("gap"):
        refs.append(notes.ref(leg["gap"]))
    if basis.get("confidence"):
        out.append(_wrap(f"confidence: {basis['confidence']}"
                         + (f"; see {', '.join(refs)}" if refs else ""), "      "))
    elif refs:
        out.append(_wrap(f"see {', '.join(refs)}", "      "))
    return out


def render_resolution(d: dict[str, Any], bases: list[dict[str, Any] | None] | None = None,
                      services: list[dict[str, Any]] | None = None) -> str:
    """``xborder resolve``; ``bases`` (from :func:`xborder.graph.basis.leg_bases`) names what
    each leg rests on; ``services`` (from ``per_service``) heads an answer asked without a
    service whose controller depends on the service."""
    c, loc = d["controller"], d["location"]
    what = d["service"]["name"] if d["service"] else f"{d['organisation']['name']} (all services)"
    distinct = {s["controller"]["id"] for s in services or [] if s.get("controller")}
    lines: list[str] = []
    if not d["service"] and services and len(distinct) > 1:
        lines += [f"The controller depends on the service, for a user in {loc['name']} "
                  f"({loc['code']}) on {d['at']}:"]
        for s in services:
            ctrl = s.get("controller")
            lines.append(_wrap(f"- {s['service']['name']}: " + (
                f"{ctrl['name']} ({ctrl['country']})" if ctrl else s.get("problem", "?"))))
        lines += ["", f"Without a service, the policy's default rule names {c['name']} "
                      f"({c['country']}); give --service for one service's full answer.", ""]
    else:
        lines += [f"{c['name']} ({c['country']}) is the data controller", f"  for {what}",
                  f"  for a user in {loc['name']} ({loc['code']}) on {d['at']}", ""]
    lines += ["Why:", _wrap(d["explanation"])]
    p = d.get("policy")
    if p:
        seen = f"archived copies {p['first_seen'] or '?'} to {p['last_seen'] or '?'}"
        lines.append(_wrap(f"Policy: {p['document']} ({p['version'] or p['title']}), in force "
                           f"{p['from'] or '…'} to {p['to'] or 'now'}; {seen} [{p['status']}]"))
    if loc["chain"]:
        lines += ["", "Location:"] + [_wrap(f"- {step['step']}") for step in loc["chain"]]
    lines += ["", "Sources:"]
    for s in d["sources"]:
        head = s["document"] + (f", section {s['section']}" if s["section"] else "")
        lines.append(_wrap(f"- {head} <{s['url']}>"))
        if s["quote"]:
            lines.append(_wrap(f"“{s['quote']}”", "      "))
    if d["caveats"]:
        lines += ["", "Caveats:"] + [_wrap(f"- {c}") for c in d["caveats"]]
    notes = _Notes()
    legs = d.get("transfers") or []
    if legs:
        lines += ["", "Where the data goes:"]
        unplaced = [leg for leg in legs if not leg.get("to")]
        for i, leg in enumerate(legs):
            if leg.get("to"):
                lines += _leg_lines(leg, bases[i] if bases else None, notes)
        if unplaced:
            names = "; ".join(leg["recipient"]["name"] for leg in unplaced if leg.get("recipient"))
            gap = unplaced[0].get("gap")
            lines.append(_wrap(f"- {unplaced[0]['from']} → ? ({len(unplaced)} recipients the "
                               f"policy does not place: {names}): unknown"
                               + (f"; see {notes.ref(gap)}" if gap else "")))
    if d["alternatives"]:
        lines += ["", "Alternatives:"]
        for alt in d["alternatives"]:
            lines.append(_wrap(f"- {alt['controller']['name']} (rule {alt['rule']}): "
                               f"{alt['reason']}"))
    return "\n".join(lines + notes.lines())


def render_transfer(d: dict[str, Any], basis: dict[str, Any] | None = None,
                    show_all: bool = False) -> str:
    """``xborder transfers``: the status, the plain line, why it changed, what it rests on;
    safeguards grouped by kind and derogations counted unless ``show_all``."""
    regime = d["regime"]["name"] if d["regime"] else "no regime encoded"
    lines = [
        f"{d['from']['name']} ({d['from']['code']}) → {d['to']['name']} ({d['to']['code']}) "
        f"on {d['at']}: {d['status']}",
        f"  regime: {regime}" + (f"; law: {d['regime']['law']['name']}"
                                 if d["regime"] and d["regime"].get("law") else ""),
    ]
    auth = (d.get("regime") or {}).get("authority")
    if auth:
        lines.append(_wrap(f"authority: {auth['name']} <{auth['url']}>"))
    if basis is not None:
        lines += ["", _wrap(basis["plain"], "")]
        if basis.get("ended"):
            e = basis["ended"]
            lines += ["", "Why it changed:", _wrap(f"{e['text']}."),
                      _wrap(f"source: {e['ended_by']['source']['title']} <{e['ended_by']['url']}>",
                            "    ")]
    lines += ["", _wrap(d["explanation"])]
    adequacy = [m for m in d.get("mechanisms") or [] if m["kind"] in
                ("adequacy", "not-a-transfer", "designation", "equivalence")]
    if adequacy:
        lines += ["", "Adequacy:"]
        for m in adequacy:
            lines += _wrap_mechanism(m)
    if basis is not None and basis["safeguards"]:
        lines += ["", "Safeguards (any one, for regular transfers):"]
        for g in basis["safeguards"]:
            if show_all:
                lines.append(_wrap(f"- {g['label']}:"))
                for m in g["instruments"]:
                    lines += _instrument_line(m, "    ")
            else:
                names = "; ".join(m["name"].split(" (")[0] for m in g["instruments"])
                lines.append(_wrap(f"- {g['label']} ({len(g['instruments'])}): {names}"))
        if basis["duties"]:
            lines += ["", "Duties that follow:"]
            for duty in basis["duties"]:
                lines.append(_wrap(f"- for {' and '.join(duty['applies_to'])}, from "
                                   f"{duty['valid_from']}: {duty['text']}"))
                lines.append(_wrap(f"source: {duty['source']['title']} <{duty['source']['url']}>"
                                   f" [{duty['source']['confidence']}]", "      "))
    elif basis is None:
        for m in d.get("mechanisms") or []:
            if m not in adequacy:
                lines += _wrap_mechanism(m)
    for title, key in (("Derogations (occasional transfers only)", "derogations"),
                       ("Out of scope", "out_of_scope"), ("Targeted rules", "restrictions")):
        items = d.get(key) or []
        if not items:
            continue
        if show_all or key == "restrictions":
            lines += ["", f"{title}:"]
            for m in items:
                lines += _wrap_mechanism(m)
        else:
            lines += ["", f"{title}: {len(items)} (--all lists them)"]
    if d["caveats"]:
        lines += ["", "Caveats:"] + [_wrap(f"- {c}") for c in d["caveats"]]
    cov = d.get("coverage")
    if cov and cov.get("confidence"):
        lines += ["", f"Rests on {len(cov['instruments'])} instrument(s) of {cov['law'] or '?'}; "
                      f"weakest source confidence: {cov['confidence']}"]
    if d.get("policy_claims"):
        lines += ["", "What the policy claims:"]
        lines += [_wrap(f"- {c['name']} (section {c['source']['section']})")
                  for c in d["policy_claims"]]
    return "\n".join(lines)


def _wrap_mechanism(m: dict[str, Any]) -> list[str]:
    span = f"{m.get('valid_from') or '…'} to {m.get('valid_to') or 'now'}"
    name = m.get("name") or m.get("instrument") or m.get("id")
    conf = f"; {m['confidence']}" if m.get("confidence") else ""
    out = [_wrap(f"- {name} [{m['kind']}; {span}{conf}] — {m['source']['url']}")]
    if m.get("scope"):
        out.append(_wrap(f"scope: {m['scope']}", "      "))
    return out


def _named(v: Any) -> str:
    if isinstance(v, dict):
        return f"{v['name']}" + (f" ({v['country']})" if v.get("country") else "")
    return "nothing" if v is None else str(v)


def _places(codes: list[str], limit: int = 12) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f" … +{len(codes) - limit}" if len(codes) > limit else "")


def render_changes(report: dict[str, Any]) -> str:
    """``xborder changes``: one block per (flow, before → after, cause), entities named."""
    before, after = report["before"], report["after"]
    who = report["organisation"]["name"] + (f", {report['service']['name']}"
                                            if report.get("service") else "")
    groups = report["groups"]
    if not groups:
        return f"{who}: nothing changed between {before} and {after}."
    lines = [f"{who}: {len(groups)} change(s) between {before} and {after} "
             f"({report['rows']} location×leg rows):"]
    for g in groups:
        flow = g.get("flow")
        where = f"users in {g['count']} place(s): {_places(g['locations'])}"
        if g["what"] == "controller":
            head = f"controller {_named(g['before'])} → {_named(g['after'])}"
        elif flow:
            kind = "law, same status" if g["what"] == "law" else "transfer"
            head = (f"{flow['from']['name']} → {(flow['to'] or {}).get('name', '?')} "
                    f"({flow['from']['code']} → {(flow['to'] or {}).get('code', '?')}, {kind}): "
                    f"{_named(g['before'])} → {_named(g['after'])}")
        else:
            head = f"{g['what']}: {_named(g['before'])} → {_named(g['after'])}"
        lines.append(_wrap(f"- {head}", ""))
        cause = g["cause"]
        lines.append(_wrap(f"cause: {cause['text']}"
                           + (f" <{cause['url']}>" if cause.get("url") else ""), "    "))
        for when, src in zip(("before", "after"), cause.get("quotes") or [], strict=False):
            if not src:
                continue
            lines.append(_wrap(f"{when}: {src['document']} ({src.get('version') or '?'}), "
                               f"section {src['section']} <{src['url']}>", "    "))
            if src.get("quote"):
                lines.append(_wrap(f"“{src['quote']}”", "      "))
        lines.append(_wrap(f"{where}" + (f"; {'; '.join(g['services'])}"
                                         if g["services"] and not report.get("service") else ""),
                           "    "))
    return "\n".join(lines)


class Progress:
    """Stage lines on stderr, each with the time the previous stage took, for long commands."""

    def __init__(self) -> None:
        self._clock = time.perf_counter
        self._start = self._clock()
        self._open = False

    def __call__(self, what: str) -> None:
        self.done()
        print(f"xborder: {what} …", end="", file=sys.stderr, flush=True)
        self._open = True
        self._start = self._clock()

    def done(self) -> None:
        if self._open:
            print(f" {self._clock() - self._start:.1f} s", file=sys.stderr, flush=True)
            self._open = False


def render_coverage(rows: list[dict[str, Any]]) -> str:
    """``xborder coverage``: one block per regime."""
    out: list[str] = []
    for r in rows:
        period = r["period"]
        out.append(f"{r['id']}: {r['name']} ({period['from'] or '…'} → {period['to'] or 'today'})")
        if r["authority"]:
            out.append(f"  authority: {r['authority']['name']} <{r['authority']['url']}>")
        for law in r["laws"]:
            v = law["valid"]
            kind = "restricts transfers" if law["general_restriction"] else "no general restriction"
            out.append(f"  law: {law['name']} ({v['from'] or '…'} → {v['to'] or 'today'}; {kind})")
        mechanisms = ", ".join(f"{k} {n}" for k, n in r["mechanisms"].items()) or "none"
        confidence = ", ".join(f"{k} {n}" for k, n in r["confidence"].items()) or "-"
        out.append(f"  encoded: {r['adequacy_entries']} adequacy entries; mechanisms: "
                   f"{mechanisms}; {r['restrictions']} targeted rules "
                   f"(confidence of these entries: {confidence})")
        for gap in r["not_encoded"]:
            v = gap["valid"]
            out.append(f"  not encoded ({v['from'] or '…'} → {v['to'] or 'today'}): "
                       f"{gap['missing']}")
        if r["eea_efta_unconfirmed"]:
            out.append(f"  EEA EFTA incorporation not confirmed for: "
                       f"{', '.join(r['eea_efta_unconfirmed'])}")
        out.append("")
    return "\n".join(out).rstrip()
