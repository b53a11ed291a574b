"""`ingest` on the held-out sets of earlier rounds, now seen (``round3.yaml`` … ``round24.yaml``:
each was scored once, at the end of the round it measured, and became tuning data in the next).
As a whole, with thresholds a little under what the tool scores on them today, so a change that
loses what those rounds taught fails here; the false-rule kinds the issue lists never appear.
A held-out set joins here only after its one scoring (``bench/ingest_eval.py --roundN``); the
next one must be frozen before any tuning on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from xborder.graph.ingest import ingest
from xborder.graph.ingest.evaluate import score_excerpt, source_url, total

REAL = Path(__file__).parent / "policies" / "real"
SEEN_ROUNDS = ("round3", "round4", "round5", "round6", "round7", "round8", "round9", "round10",
               "round11", "round12", "round13", "round14", "round15", "round16",
               "round17", "round18", "round19", "round20", "round21", "round22", "round23",
               "round24")

# (controllers P, R; pairs P, R; false rules at most): floors a little under the scores at the end
# of round 6's first tuning (round3 0.98/0.94, 0.96/0.92; round4 1.00/0.92, 1.00/0.93 with one
# parent proposed for 110; round5 0.97/0.87, 0.98/0.89)
FLOORS = {"round3": (0.95, 0.90, 0.93, 0.88, 0), "round4": (0.97, 0.88, 0.96, 0.88, 1),
          "round5": (0.94, 0.83, 0.94, 0.85, 0),
          # rounds 6-8, tuned on in round 7 (6 0.89/0.76, 0.89/0.76; 7 0.97/0.73, 0.95/0.66 with an
          # address place (217) and a company name's place (232); 8 0.90/0.71, 0.82/0.62)
          # raised after round 8 (6 0.94/0.81, 0.94/0.81; 7 0.99/0.80, 0.97/0.73; 8 0.91/0.86,
          # 0.90/0.81)
          "round6": (0.90, 0.77, 0.90, 0.77, 0), "round7": (0.95, 0.76, 0.93, 0.69, 2),
          "round8": (0.88, 0.82, 0.86, 0.77, 0),
          # rounds 9-11, tuned on in round 7 (9 0.90/0.67, 0.75/0.56, a DPO's and an address's
          # place; 10 1.00/0.88, 0.80/0.11, four address places in 304; 11 0.88/0.67, 0.84/0.64,
          # a parent and a representative)
          # raised after round 8 (9 0.94/0.74, 0.79/0.63; 11 1.00/0.88, 0.97/0.86, a representative)
          "round9": (0.90, 0.70, 0.75, 0.58, 2), "round10": (0.95, 0.80, 0.75, 0.09, 4),
          "round11": (0.95, 0.84, 0.92, 0.80, 1),
          # round 12, scored once at the end of round 8 and not tuned on (0.87/0.71, 0.81/0.64;
          # six false rules: two address or operating-country places, a parent, a subsidiary, a
          # privacy manager's company, a company named only in front matter)
          "round12": (0.90, 0.80, 0.90, 0.78, 2),  # raised after round 9 (0.94/0.84, 0.94/0.82)
          # round 13, frozen after round 12 was scored and scored once at the end of round 8,
          # not tuned on (0.88/0.54, 0.77/0.48; four false rules: two address places, a privacy
          # team's postal company, a trading name)
          "round13": (0.85, 0.58, 0.78, 0.55, 4),  # (tuned on after its scoring: 0.90/0.63)
          # round 14, frozen after round 13 was scored and scored once at the end of round 8,
          # not tuned on (0.93/0.57, 0.86/0.51; one address place)
          "round14": (0.93, 0.69, 0.88, 0.66, 0),  # raised after round 9 (0.97/0.73, 0.92/0.70)
          # round 15, frozen after round 14 was scored and scored once in round 9 (0.74/0.55,
          # 0.64/0.50, three false rules: a host, an advertising vendor, a DPO's company; the
          # session-start tool 0.77/0.55, 0.66/0.50, the same three), then tuned on (0.97/0.79,
          # 0.89/0.76, one)
          "round15": (0.90, 0.72, 0.82, 0.70, 2),
          # round 16, frozen after round 15 was scored and scored once at the end of round 9, not
          # tuned on (0.79/0.55, 0.68/0.41; a parent municipality; the session-start tool
          # 0.81/0.55, 0.70/0.41, the same false rule)
          "round16": (0.90, 0.78, 0.87, 0.68, 1),  # raised after round 10 (0.94/0.82, 0.92/0.72)
          # round 17, frozen after round 16 was scored and scored once at the very end of round 9,
          # not tuned on (0.68/0.47, 0.64/0.44; a publisher-host proposed; the session-start tool
          # 0.71/0.47, 0.67/0.44, the same false rule)
          "round17": (0.83, 0.71, 0.83, 0.71, 1),  # raised after round 10 (0.87/0.75, 0.87/0.75)
          # rounds 18 and 19, frozen in round 10 (18 after round 17 was scored, 19 while 18
          # waited) and scored once at its end, not tuned on (18: 0.83/0.52, 0.47/0.31, five
          # false rules: four company addresses and a parent; 19: 0.87/0.68, 0.75/0.59, a law of
          # incorporation's place; the session-start tool 0.83/0.52, 0.50/0.31, the same five,
          # and 0.87/0.65, 0.74/0.56, the same one)
          # round 18 tuned on after its scoring (0.94/0.62, 0.62/0.43, two false rules)
          "round18": (0.87, 0.58, 0.57, 0.40, 2), "round19": (0.84, 0.65, 0.72, 0.56, 1),
          # round 20, frozen after rounds 18 and 19 were scored and after round 10's tuning on
          # them, scored once at the very end of round 10, not tuned on (0.86/0.68, 0.81/0.58;
          # four false rules: a parent, a processor, a controller's address, an affiliate; the
          # session-start tool the same)
          "round20": (0.83, 0.65, 0.78, 0.55, 4),
          # round 21, frozen in round 11 while the institution reading was built on rounds 3-20,
          # scored once at its end, not tuned on (0.82/0.47, 0.71/0.35; three false rules: a
          # processor, an entity's place, an affiliate named inside "we"; the session-start tool
          # the same; the institution reading, scored with it, 0.71/0.45 — withdrawn, then
          # brought back with the edges round 21 showed); tuned on after its scoring (0.82/0.67,
          # 0.78/0.69; five false rules, two of them a table's rows for its second app, which
          # the tool proposes for that app and the labels call "controller only for" it)
          "round21": (0.79, 0.63, 0.74, 0.65, 5),
          # round 22, frozen after round 11's tuning on round 21 and scored once at its end, not
          # tuned on (0.87/0.74, 0.71/0.63; four false rules: a company address, a registered
          # office, a DPO's address, a main establishment; the session-start tool 0.87/0.72,
          # 0.69/0.60, the same four)
          "round22": (0.84, 0.71, 0.68, 0.60, 4),
          # round 23, frozen after round 22 was scored, scored once in round 12 before any tuning
          # on it: 36 items 0.76/0.63, 0.54/0.40, nine false rules; the 33 of organisations no
          # earlier set used 0.79/0.68, 0.59/0.48, five (a company's seat, a parent, three group
          # companies); the session-start tool the same. Tuned on after its scoring (0.91/0.82,
          # 0.79/0.64; three Sky group companies)
          "round23": (0.88, 0.78, 0.75, 0.60, 3),
          # round 24, frozen while round 23 was scored (26 of its 36 kept: ten of organisations
          # earlier sets used were dropped before scoring, a supplement of ten frozen after),
          # scored once at the end of round 12 (0.86/0.47, 0.70/0.34, one false rule: a brand's
          # owner; the tool at its freeze 0.89/0.47, 0.72/0.34; the session-start tool 0.89/0.47,
          # 0.69/0.32, the same one), then tuned on (0.92/0.50, 0.76/0.36)
          "round24": (0.89, 0.47, 0.72, 0.33, 1)}


def _items(part: str) -> list[dict[str, Any]]:
    spec = yaml.safe_load((REAL / f"{part}.yaml").read_text(encoding="utf-8"))
    return [i for i in spec["policies"] if i["split"] == part]


@pytest.mark.parametrize("part", SEEN_ROUNDS)
def test_a_seen_round_keeps_what_it_taught(kb, part: str) -> None:
    scored = []
    for item in _items(part):
        text = (REAL / item["file"]).read_text(encoding="utf-8")
        scored.append(score_excerpt(item, ingest(text, name=item["file"], url=source_url(text),
                                                 kb=kb)))
    controllers, pairs, false_rules = total(scored)
    c_p, c_r, p_p, p_r, wrong = FLOORS[part]
    assert controllers.precision >= c_p and controllers.recall >= c_r, controllers
    assert pairs.precision >= p_p and pairs.recall >= p_r, pairs
    assert len(false_rules) <= wrong, false_rules
