"""Evaluation of `xborder ingest` (an evaluation, not a unit test): prints side by side what the
extractor proposes and what a person labelled.

1. The synthetic policies of ``tests/policies`` against ``tests/policies/expected.yaml``:
   precision and recall of (location set → controller) pairs (exceptions count as ``-XX``, the
   issuer default as ``default``), entity countries, recipient and safeguard kinds.
2. The seed, Huawei's 2016 policy, if ``../shared/seed/huawei-privacy-policy-2016.md`` (or
   ``/work/shared/seed/…``) exists — the project does not ship that text: the proposal against the
   hand-written ``graph/kb/huawei.yaml`` (rules with their locations, services and section;
   safeguards and recipients by kind and section).

Run from the repository root or from ``bench/``:  ``python bench/ingest_eval.py [-v]``.
Exit status 0 even when numbers are low: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from xborder import KnowledgeBase
from xborder.graph.ingest import ingest
from xborder.graph.ingest.entities import name_key

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "tests" / "policies"
SEEDS = [ROOT.parent / "shared" / "seed" / "huawei-privacy-policy-2016.md",
         Path("/work/shared/seed/huawei-privacy-policy-2016.md")]

Pair = tuple[frozenset[str], str]


def expected_pair(rule: dict[str, Any]) -> Pair:
    where = {"default"} if rule.get("default") else {str(c) for c in rule.get("locations", [])}
    where |= {f"-{c}" for c in rule.get("except", [])}
    return frozenset(where), name_key(str(rule["controller"]))


def score(found: Iterable[Pair], wanted: Iterable[Pair]) -> tuple[int, int, int]:
    f, w = set(found), set(wanted)
    return len(f & w), len(f - w), len(w - f)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def show(pair: Pair) -> str:
    return f"{{{', '.join(sorted(pair[0]))}}} → {pair[1]}"


def evaluate_set(kb: KnowledgeBase, verbose: bool) -> dict[str, Any]:
    spec = yaml.safe_load((POLICIES / "expected.yaml").read_text(encoding="utf-8"))
    totals = {"pairs": [0, 0, 0], "recipients": [0, 0, 0], "safeguards": [0, 0, 0],
              "pairs, held out": [0, 0, 0]}
    countries = [0, 0]
    rows = []
    for item in spec["policies"]:
        path = POLICIES / item["file"]
        p = ingest(path.read_text(encoding="utf-8"), name=path.name, kb=kb)
        found = {(r.pair()[0], name_key(r.controller.name)) for r in p.rules}
        wanted = {expected_pair(r) for r in item["rules"]}
        tp, fp, fn = score(found, wanted)
        if item.get("held_out"):
            totals["pairs, held out"] = [x + y for x, y in zip(totals["pairs, held out"],
                                                               (tp, fp, fn), strict=True)]
        for key, (a, b, c) in (("pairs", (tp, fp, fn)),
                               ("recipients", score({r.kind for r in p.recipients},
                                                    item.get("recipients", []))),
                               ("safeguards", score({s.kind for s in p.safeguards},
                                                    item.get("safeguards", [])))):
            totals[key] = [x + y for x, y in zip(totals[key], (a, b, c), strict=True)]
        by_name = {name_key(e.name): e.country for e in p.entities}
        for entity in item.get("entities", []):
            countries[1] += 1
            countries[0] += by_name.get(name_key(entity["name"]), "?") == entity["country"]
        rows.append((item["file"], tp, fp, fn))
        if verbose:
            for pair in sorted(found - wanted, key=show):
                print(f"  {item['file']}: extra   {show(pair)}")
            for pair in sorted(wanted - found, key=show):
                print(f"  {item['file']}: missed  {show(pair)}")
    return {"rows": rows, "totals": totals, "countries": countries}


def evaluate_seed(kb: KnowledgeBase, path: Path) -> list[tuple[str, bool, str]]:
    """(what, matched, detail) for each hand-written fact of the seed."""
    p = ingest(path.read_text(encoding="utf-8"), org="huawei",
               url="http://consumer.huawei.com/en/privacy-policy/index.htm", kb=kb)
    org = kb.model.organisations["huawei"]
    entities = kb.model.entities
    checks = []
    for rule in org.rules:
        controller = name_key(entities[rule.controller].name)
        cands = [r for r in p.rules if name_key(r.controller.name) == controller
                 and r.default == rule.default]
        want = set(rule.locations) | {f"-{c}" for c in rule.excepts}
        match = next((r for r in cands if (set(r.locations) | {f"-{c}" for c in r.excepts})
                      == want), None)
        ok = match is not None and {s.id for s in match.services} == set(rule.services) and \
            match.evidence.section == rule.citation.section
        detail = (f"{sorted(want) if not rule.default else 'default'} → "
                  f"{entities[rule.controller].name}, services {sorted(rule.services)}, "
                  f"section {rule.citation.section}")
        if match is not None and not ok:
            detail += (f" (proposed: services {[s.id for s in match.services]}, section "
                       f"{match.evidence.section})")
        checks.append((f"rule {rule.id}", ok, detail))
    extra = [r for r in p.rules if not any(
        name_key(entities[k.controller].name) == name_key(r.controller.name) for k in org.rules)]
    checks.append(("no extra rules", not extra, ", ".join(r.id for r in extra) or "none"))
    korea = [r for r in p.rules for x in r.readings if x.text == "Korea"]
    checks.append(("Korea read as KR, flagged", bool(korea) and korea[0].readings and any(
        x.code == "KR" and "KP" in x.also and x.confidence < 0.5 for x in korea[0].readings),
        "KR with KP as the other reading, low confidence"))
    for claim in org.safeguards:
        hit = [s for s in p.safeguards if s.authoring_kind == claim.kind
               and s.evidence.section == claim.citation.section]
        checks.append((f"safeguard {claim.kind}", bool(hit), f"section {claim.citation.section}"))
    for rec in org.recipients:
        hit = [r for r in p.recipients if r.kind == rec.kind
               and r.evidence.section == rec.citation.section]
        checks.append((f"recipient {rec.kind}", bool(hit), f"section {rec.citation.section}"))
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load()
    started = time.perf_counter()
    result = evaluate_set(kb, args.verbose)
    took = time.perf_counter() - started
    print(f"Evaluation set: {len(result['rows'])} synthetic policies "
          f"({POLICIES.relative_to(ROOT)})")
    print(f"{'policy':28} {'tp':>3} {'fp':>3} {'fn':>3}")
    for name, tp, fp, fn in result["rows"]:
        print(f"{name:28} {tp:3} {fp:3} {fn:3}")
    for key, (tp, fp, fn) in result["totals"].items():
        print(f"{key:>15}: precision {ratio(tp, tp + fp):.2f}  recall {ratio(tp, tp + fn):.2f}  "
              f"(tp {tp}, fp {fp}, fn {fn})")
    right, total = result["countries"]
    print(f"entity countries: {right}/{total} right ({ratio(right, total):.2f}); "
          f"{took:.2f} s for the set")
    seed = next((s for s in SEEDS if s.exists()), None)
    if seed is None:
        print("\nSeed: skipped (../shared/seed/huawei-privacy-policy-2016.md is not here; the "
              "project does not ship that text)")
        return 0
    print(f"\nSeed: {seed} against graph/kb/huawei.yaml")
    checks = evaluate_seed(kb, seed)
    for what, ok, detail in checks:
        print(f"  {'ok  ' if ok else 'MISS'} {what:28} {detail}")
    print(f"  {sum(ok for _, ok, _ in checks)}/{len(checks)} hand-written facts reproduced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
