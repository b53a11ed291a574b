"""`ingest` on the invented pages of ``tests/styles/`` (east: Japanese, Chinese, Korean, Polish
and Nordic; west: German, French, Spanish, Italian, Portuguese, Dutch, English) — a conformance
suite of constructions, each page with the rules a careful reader takes from it. A page marked
``not_yet`` is a construction the tool does not read yet: a strict xfail, so reading it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ingest_support import loose, loose_rules

STYLES = Path(__file__).parent / "styles"


def _probes() -> list[Any]:
    params = []
    for path in sorted(STYLES.glob("*.yaml")):
        for probe in yaml.safe_load(path.read_text(encoding="utf-8"))["probes"]:
            marks = [pytest.mark.xfail(strict=True, reason=probe["not_yet"])] \
                if probe.get("not_yet") else []
            params.append(pytest.param(probe, id=f"{path.stem}-{probe['id']}", marks=marks))
    return params


@pytest.mark.parametrize("probe", _probes())
def test_an_invented_page(kb, probe: dict[str, Any]) -> None:
    want = loose((r["locations"], r.get("except", []), r["controller"]) for r in probe["rules"])
    assert loose_rules(kb, probe["page"]) == want


def test_the_suites_are_in_many_languages_and_mostly_read() -> None:
    probes = [p.values[0] for p in _probes()]
    assert len({p["lang"] for p in probes}) >= 14
    assert sum(bool(p.get("not_yet")) for p in probes) <= len(probes) * 3 // 20  # 15 %
