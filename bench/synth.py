"""Synthetic, well-formed knowledge bases for scale tests and benchmarks.

:func:`generate` writes ``n`` organisation files in the authoring format (``docs/authoring.md``),
one organisation per file, over the real jurisdictions (ISO 3166-1 codes from pycountry and the
EU/EEA groups of the shipped knowledge base). The builder reads them like any analyst's file, so
every check of :func:`xborder.graph.build.build_graph` and the SHACL shapes applies. Each
organisation has legal entities in several countries, ``services`` services, one policy document
and controller rules of every kind the resolver ranks: by service and group (EEA), by listed
countries with exceptions, worldwide for one service, dated hand-overs from one controller to
another, and the issuer default. Output is deterministic for a given ``seed``.

    python bench/synth.py 1000 /tmp/synth-1000     # then: xborder --kb graph/kb \
                                                    #   --kb /tmp/synth-1000 validate

A benchmark and test helper, not part of the package: the benches import it from this folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry
import yaml

__all__ = ["generate", "organisation", "synthetic_dirs"]

# Countries an EU establishment is placed in, and where groups keep their headquarters.
EEA_SEATS = ("DE", "FR", "IE", "NL", "LU", "BE", "ES", "IT", "SE", "AT", "PL", "FI", "DK")
HOME_SEATS = ("US", "CN", "JP", "KR", "IN", "BR", "CA", "AU", "SG", "CH", "GB", "IL", "ZA", "MX")
SIDE_SEATS = ("US", "SG", "BR", "JP", "AU", "CA", "AE", "HK", "TW", "NZ", "GB", "CH")
GROUPS = ("EEA", "EU")
FIRST_POLICY = dt.date(2012, 1, 1)
POLICY_SPAN_DAYS = 9 * 365


def _codes() -> list[str]:
    return sorted(c.alpha_2 for c in pycountry.countries)


def _source(doc: str, section: str, quote: str) -> dict[str, str]:
    return {"document": doc, "section": section, "quote": quote}


def organisation(i: int, rng: random.Random, services: int = 3,
                 codes: Sequence[str] | None = None) -> dict[str, Any]:
    """The authoring mapping of synthetic organisation number ``i``."""
    codes = list(codes) if codes is not None else _codes()
    oid = f"synth-{i:05d}"
    name = f"Synthetic Group {i:05d}"
    home = rng.choice(HOME_SEATS)
    eu_seat = rng.choice(EEA_SEATS)
    side = rng.choice([c for c in SIDE_SEATS if c != home])
    hq, eu, reg, eu2 = (f"{oid}-hq", f"{oid}-eu", f"{oid}-regional", f"{oid}-eu-2")
    entities = [
        {"id": hq, "name": f"{name} Holdings Ltd.", "country": home,
         "relations": [{"kind": "parent", "of": eu}, {"kind": "parent", "of": reg}]},
        {"id": eu, "name": f"{name} Europe B.V.", "country": eu_seat,
         "relations": [{"kind": "subsidiary", "of": hq}]},
        {"id": reg, "name": f"{name} International Pte. Ltd.", "country": side,
         "relations": [{"kind": "affiliate", "of": eu}]},
        {"id": eu2, "name": f"{name} Ireland Limited", "country": "IE",
         "relations": [{"kind": "subsidiary", "of": hq}]},
    ]
    svc_ids = [f"svc-{k}" for k in range(1, services + 1)]
    svcs = [{"id": s, "name": f"{name} Service {k}", "aliases": [f"service {k}"],
             "domains": [f"{oid}.example/{s}"]} for k, s in enumerate(svc_ids, 1)]
    start = FIRST_POLICY + dt.timedelta(days=rng.randrange(POLICY_SPAN_DAYS))
    doc = f"{oid}-policy"
    documents = [{"id": doc, "title": f"{name} Privacy Policy",
                  "url": f"https://{oid}.example/privacy", "version": f"v{rng.randint(1, 9)}",
                  "from": start.isoformat(), "issuer": hq}]
    scoped = sorted(rng.sample(svc_ids, rng.randint(1, len(svc_ids))))
    eea_extra = sorted(rng.sample(["CH", "GB", "AD", "MC", "SM", "VA", "GI"], rng.randint(0, 3)))
    listed = sorted(rng.sample([c for c in codes if c not in EEA_SEATS], rng.randint(5, 20)))
    rules: list[dict[str, Any]] = []
    quote = f"Personal data of users in the listed places is controlled by {name} Europe B.V."
    eu_rule: dict[str, Any] = {
        "id": "eu", "controller": eu, "services": scoped,
        "locations": [rng.choice(GROUPS), *eea_extra], "from": start.isoformat(),
        "source": _source(doc, "10.1", quote)}
    rules.append(eu_rule)
    if rng.random() < 0.5:  # a dated hand-over to another EU controller
        handover = start + dt.timedelta(days=rng.randrange(200, 2000))
        eu_rule["to"] = (handover - dt.timedelta(days=1)).isoformat()
        successor = {k: v for k, v in eu_rule.items() if k != "to"}
        successor.update(id="eu-2", controller=eu2, source=_source(
            doc, "10.1a", quote.replace("Europe B.V.", "Ireland Limited")))
        successor["from"] = handover.isoformat()
        rules.append(successor)
    rules.append({"id": "regional", "controller": reg, "locations": listed,
                  "except": [listed[0]],
                  "source": _source(doc, "10.2", f"Users in the listed countries are served "
                                                 f"by {name} International Pte. Ltd.")})
    if rng.random() < 0.3:
        rules.append({"id": "worldwide", "controller": reg, "services": [svc_ids[-1]],
                      "locations": ["*"],
                      "source": _source(doc, "10.3", f"{name} Service {len(svc_ids)} is "
                                                     "provided worldwide by the regional "
                                                     "entity.")})
    rules.append({"id": "default", "controller": hq, "default": True,
                  "source": _source(doc, "1", f"{name} Holdings Ltd. issues this policy.")})
    recipients = [{"id": "affiliates", "kind": "affiliate", "name": f"{name} affiliates",
                   "entities": [hq, eu, reg], "locations": sorted({home, eu_seat, side}),
                   "location_basis": "the countries of the named entities",
                   "source": _source(doc, "3", "We share data with our affiliates.")}]
    safeguards = [{"id": "scc", "kind": "scc", "name": "Standard contractual clauses",
                   "source": _source(doc, "8", "We use standard contractual clauses.")}]
    return {"organisation": {"id": oid, "name": name, "aliases": [f"SG{i:05d}"]},
            "entities": entities, "services": svcs, "documents": documents, "rules": rules,
            "recipients": recipients, "safeguards": safeguards}


def generate(n: int, out_dir: Path, *, services: int = 3, seed: int = 7) -> list[Path]:
    """Write ``n`` synthetic organisation files under ``out_dir``; return their paths."""
    if n < 0 or services < 1:
        raise ValueError("n must be >= 0 and services >= 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    codes = _codes()
    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    paths = []
    for i in range(1, n + 1):
        path = out_dir / f"synth-{i:05d}.yaml"
        text = yaml.dump(organisation(i, rng, services, codes), Dumper=dumper,
                         sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def synthetic_dirs(n: int, out_dir: Path, *, services: int = 3,
                   seed: int = 7) -> list[Path]:
    """The folders to build a synthetic knowledge base from: the shipped jurisdictions and
    transfer law (without the shipped organisations) plus ``n`` synthetic organisations."""
    from xborder.graph.build import DEFAULT_KB_DIR

    generate(n, out_dir, services=services, seed=seed)
    law = [p for p in sorted(DEFAULT_KB_DIR.rglob("*.yaml"))
           if "organisation" not in yaml.safe_load(p.read_text(encoding="utf-8"))]
    return [*law, Path(out_dir)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/synth.py",
                                     description="write a synthetic knowledge base")
    parser.add_argument("n", type=int, help="number of organisations")
    parser.add_argument("out", type=Path, help="folder to write the YAML files into")
    parser.add_argument("--services", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out, services=args.services, seed=args.seed)
    print(f"wrote {len(paths)} organisation files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
