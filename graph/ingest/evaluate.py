"""Scoring ``ingest`` against hand labels: the real policy excerpts of ``tests/policies/real``.

Used by ``bench/ingest_eval.py`` and ``tests/test_ingest_real.py``. For each excerpt the labels
(``expected.yaml``) give the (locations → controller) rules a reader takes from it, the names that
must never be proposed as controllers, the places that are not where users are (addresses,
countries of incorporation, transfer destinations) and the policy-defined groups. Counted:

* **controllers** — the set of entities proposed as controller by an explicit rule;
* **pairs** — (location, controller) for every location of every explicit rule, ``-XX`` for an
  exception, ``*`` for every user / everyone else;
* **false rules** — a not-controller proposed as controller (a representative, a DPO, a parent
  …), a distractor place read as a user location, a policy-defined group read as everyone.

The implied default (the issuer, when no clause covers everyone) is a flagged guess: it is not
counted in the pairs or controllers, but is counted when it names a not-controller. Names are
compared without case, punctuation or spacing, and with "Limited"/"Ltd", "Incorporated"/"Inc",
"Corporation"/"Corp" as one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from xborder.graph.ingest.entities import entity_key

if TYPE_CHECKING:
    from xborder.graph.ingest.model import Proposals

__all__ = ["Score", "Scored", "canon", "load_real", "score_excerpt", "source_url", "total"]

def canon(name: str) -> str:
    """A company name compared as one: case, punctuation and the long/short legal form ignored."""
    return entity_key(name)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scored:
    """One excerpt's result."""

    file: str
    lang: str
    split: str
    controllers: Score
    pairs: Score
    false_rules: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    size: int = 0


def load_real(folder: Path) -> list[dict[str, Any]]:
    spec = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = spec["policies"]
    return items


def _score(found: set[Any], wanted: set[Any]) -> Score:
    return Score(len(found & wanted), len(found - wanted), len(wanted - found))


def _wanted(item: dict[str, Any]) -> tuple[set[str], set[tuple[str, str]], dict[str, str]]:
    controllers: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    names: dict[str, str] = {}
    for rule in item["rules"]:
        key = canon(str(rule["controller"]))
        names[key] = str(rule["controller"])
        controllers.add(key)
        pairs |= {(str(c), key) for c in rule.get("locations", [])}
        pairs |= {(f"-{c}", key) for c in rule.get("except", [])}
    return controllers, pairs, names


def score_excerpt(item: dict[str, Any], proposals: Proposals, seconds: float = 0.0,
                  size: int = 0) -> Scored:
    want_c, want_p, names = _wanted(item)
    explicit = [r for r in proposals.rules if not r.default]
    found_c = {canon(r.controller.name) for r in explicit}
    found_p = {(c, canon(r.controller.name)) for r in explicit for c in r.locations}
    found_p |= {(f"-{c}", canon(r.controller.name)) for r in explicit for c in r.excepts}
    result = Scored(item["file"], item["lang"], item["split"], _score(found_c, want_c),
                    _score(found_p, want_p), seconds=seconds, size=size)
    shown = {canon(r.controller.name): r.controller.name for r in proposals.rules}
    result.extra = sorted(f"{loc} → {shown[c]}" for loc, c in found_p - want_p)
    result.missed = sorted(f"{loc} → {names[c]}" for loc, c in want_p - found_p)
    nots = {canon(str(n["name"])): str(n["kind"]) for n in item.get("not_controllers", [])}
    for rule in proposals.rules:
        kind = nots.get(canon(rule.controller.name))
        if kind is not None:
            result.false_rules.append(f"{kind} proposed as controller ({rule.controller.name})")
    places = {str(p["code"]): str(p["kind"]) for p in item.get("distractor_places", [])}
    for loc, c in sorted(found_p - want_p):
        if loc.lstrip("-") in places:
            result.false_rules.append(f"{places[loc.lstrip('-')]} place read as a user location "
                                      f"({loc} → {shown[c]})")
    if item.get("groups"):
        everyone_ok = {c for loc, c in want_p if loc == "*"}
        for rule in explicit:
            key = canon(rule.controller.name)
            if rule.locations == ["*"] and not rule.excepts and key not in everyone_ok:
                result.false_rules.append(f"policy-defined group read as everyone "
                                          f"(* → {rule.controller.name})")
    return result


def source_url(text: str) -> str | None:
    """The URL an excerpt's header comment gives as its source (passed to ``ingest`` as
    ``url``, as ``xborder ingest --url`` would be)."""
    m = re.search(r"<!--\s*source:\s*(\S+)", text[:600])
    return m[1] if m else None


def run(folder: Path, items: Iterable[dict[str, Any]], ingest_one: Any) -> list[Scored]:
    """Ingest and score each excerpt; ``ingest_one(text, name, url)`` returns its Proposals."""
    scored = []
    for item in items:
        text = (folder / item["file"]).read_text(encoding="utf-8")
        started = time.perf_counter()
        proposals = ingest_one(text, item["file"], source_url(text))
        took = time.perf_counter() - started
        scored.append(score_excerpt(item, proposals, took, len(text.encode("utf-8"))))
    return scored


def total(scored: Iterable[Scored]) -> tuple[Score, Score, list[str]]:
    controllers, pairs, false_rules = Score(), Score(), []
    for s in scored:
        controllers.add(s.controllers)
        pairs.add(s.pairs)
        false_rules += [f"{s.file}: {f}" for f in s.false_rules]
    return controllers, pairs, false_rules
