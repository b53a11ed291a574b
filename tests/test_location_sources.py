"""The name tables are read from babel without changing what babel gives the rest of the process.

Building the CLDR table reads every locale's own names (not the ones it inherits). Read through
``babel.localedata.load(…, merge_inherited=False)`` that data was cached under the locale's name,
so in a process that had just built the tables (a fresh cache directory: a fresh machine) every
later ``babel.Locale("nb")`` lacked the names Norwegian Bokmål inherits from "no" — and
``xborder ingest`` did not read "Storbritannia eller Sveits" as GB and CH, while a warm cache did.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_SCRIPT = """
from xborder.graph.locations.sources import _cldr
table = _cldr()
from babel import Locale
print(table["storbritannia"].get("GB", 0) > 0, Locale("nb").territories.get("GB"),
      Locale("nb").territories.get("CH"))
"""

_INGEST = """
from xborder.graph.ingest import ingest
text = ("Hvis du bor i EØS, Storbritannia eller Sveits, er disse vilkårene en avtale mellom deg og "
        "Example International Limited. Hvis du bor noe annet sted, er disse vilkårene en avtale "
        "mellom deg og Example LLC. Example International Limited er behandlingsansvarlig.")
rules = ingest(text, name="x.md").rules
print(sorted(c for r in rules if r.controller.name == "Example International Limited"
             for c in r.locations))
"""


def _run(script: str, cache: Path) -> str:
    env = {"XBORDER_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=600, check=True)
    return done.stdout.strip()


def test_building_the_cldr_table_leaves_babels_locales_whole(tmp_path: Path) -> None:
    assert _run(_SCRIPT, tmp_path) == "True Storbritannia Sveits"


def test_ingest_reads_the_same_places_on_a_cold_cache_as_on_a_warm_one(tmp_path: Path) -> None:
    cold = _run(_INGEST, tmp_path)
    assert cold == _run(_INGEST, tmp_path)  # the second run reads the tables back from disk
    assert cold == "['CH', 'EEA', 'GB']"
