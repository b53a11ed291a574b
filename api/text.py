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


def render_resolution(d: dict[str, Any]) -> str:
    c, loc = d["controller"], d["location"]
    what = d["service"]["name"] if d["service"] else f"{d['organisation']['name']} (all services)"
    lines = [
        f"{c['name']} ({c['country']}) is the data controller",
        f"  for {what}",
        f"  for a user in {loc['name']} ({loc['code']}) on {d['at']}",
        "",
        "Why:",
        _wrap(d["explanation"]),
    ]
    p = d.get("policy")
    if p:
        seen = f"archived copies {p['first_seen'] or '?'} to {p['last_seen'] or '?'}"
        lines.append(_wrap(f"Policy: {p['document']} ({p['version'] or p['title']}), in force "
                           f"{p['from'] or '…'} to {p['to'] or 'now'}; {seen} [{p['status']}]"))
    if loc["chain"]:
        lines.append("")
        lines.append("Location:")
        lines += [_wrap(f"- {step['step']}") for step in loc["chain"]]
    lines.append("")
    lines.append("Sources:")
    for s in d["sources"]:
        head = s["document"] + (f", section {s['section']}" if s["section"] else "")
        lines.append(_wrap(f"- {head} <{s['url']}>"))
        if s["quote"]:
            lines.append(_wrap(f"“{s['quote']}”", "      "))
    if d["caveats"]:
        lines.append("")
        lines.append("Caveats:")
        lines += [_wrap(f"- {c}") for c in d["caveats"]]
    if d.get("transfers"):
        lines.append("")
        lines.append("Where the data goes:")
        for leg in d["transfers"]:
            who = leg["recipient"]["name"] if leg.get("recipient") else "controller"
            lines.append(_wrap(f"- {leg['from']} → {leg['to'] or '?'} ({who}): {leg['status']}"))
            if leg.get("gap"):
                lines.append(_wrap(leg["gap"], "      "))
    if d["alternatives"]:
        lines.append("")
        lines.append("Alternatives:")
        for alt in d["alternatives"]:
            lines.append(_wrap(f"- {alt['controller']['name']} (rule {alt['rule']}): "
                               f"{alt['reason']}"))
    return "\n".join(lines)


def render_transfer(d: dict[str, Any]) -> str:
    regime = d["regime"]["name"] if d["regime"] else "no regime encoded"
    lines = [
        f"{d['from']['name']} ({d['from']['code']}) → {d['to']['name']} ({d['to']['code']}) "
        f"on {d['at']}: {d['status']}",
        f"  regime: {regime}",
        "",
        _wrap(d["explanation"]),
    ]
    for title, key in (("Mechanisms", "mechanisms"), ("Derogations", "derogations"),
                       ("Out of scope", "out_of_scope"), ("Targeted rules", "restrictions")):
        if d.get(key):
            lines += ["", f"{title}:"]
            for m in d[key]:
                span = f"{m.get('valid_from') or '…'} to {m.get('valid_to') or 'now'}"
                name = m.get("name") or m.get("instrument") or m.get("id")
                lines.append(_wrap(f"- {name} [{m['kind']}; {span}] — {m['source']['url']}"))
                if m.get("scope"):
                    lines.append(_wrap(f"scope: {m['scope']}", "      "))
    if d["caveats"]:
        lines += ["", "Caveats:"] + [_wrap(f"- {c}") for c in d["caveats"]]
    if d.get("policy_claims"):
        lines += ["", "What the policy claims:"]
        lines += [_wrap(f"- {c['name']} (section {c['source']['section']})")
                  for c in d["policy_claims"]]
    return "\n".join(lines)


def render_changes(rows: list[dict[str, Any]], before: str, after: str) -> str:
    if not rows:
        return f"Nothing changed between {before} and {after}."
    lines = [f"{len(rows)} change(s) between {before} and {after}:"]
    for r in rows:
        where = f"{r['location']} [{r['service'] or 'all services'}]"
        if r["what"] == "controller":
            lines.append(f"- {where}: controller {r['before']} → {r['after']}")
            for when, src in (r.get("sources") or {}).items():
                if src:
                    lines.append(_wrap(f"{when}: {src['document']} ({src['version'] or '?'}), "
                                       f"section {src['section']} <{src['url']}>", "    "))
                    lines.append(_wrap(f"“{src['quote']}”", "      "))
        else:
            lines.append(f"- {where}: {r['from']} → {r['to'] or '?'} {r['before']} → "
                         f"{r['after']}")
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
