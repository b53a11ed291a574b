"""The held-out sets of real policy excerpts are what the protocol says (docs/ingest.md): each a
set of real, sourced excerpts from organisations no earlier set used, in several languages, with
labels that name only what the excerpt says. The extractor is not run here: held-out sets are
scored once by ``bench/ingest_eval.py`` and never tuned on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REAL = Path(__file__).parent / "policies" / "real"


def _load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(
        (REAL / name).read_text(encoding="utf-8"))["policies"]
    return items


EARLIER = _load("expected.yaml")
ROUND3 = _load("round3.yaml")


def test_round3_is_big_enough_new_and_in_several_languages() -> None:
    assert len(ROUND3) >= 25 and {i["split"] for i in ROUND3} == {"round3"}
    assert len({i["org"] for i in ROUND3}) >= 25
    assert len({i["lang"] for i in ROUND3}) >= 6
    earlier = {i["org"].casefold() for i in EARLIER}
    assert not {i["org"].casefold() for i in ROUND3} & earlier
    assert not {i["file"] for i in ROUND3} & {i["file"] for i in EARLIER}


@pytest.mark.parametrize("item", ROUND3, ids=[i["file"] for i in ROUND3])
def test_each_round3_excerpt_is_sourced_and_its_labels_are_in_its_text(item: dict[str, Any]
                                                                       ) -> None:
    path = REAL / item["file"]
    text = path.read_text(encoding="utf-8")
    head = text[:400]
    assert "source: http" in head and ("archived:" in head or "retrieved:" in head)
    assert len(path.read_bytes()) < 3600
    flat = " ".join(text.split())
    for rule in item["rules"]:
        assert " ".join(str(rule["controller"]).split()) in flat, rule
        assert rule.get("locations"), rule
    for other in item.get("not_controllers", ()):
        assert " ".join(str(other["name"]).split()) in flat, other
