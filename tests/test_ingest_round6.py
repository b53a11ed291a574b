"""`ingest` on the constructions round 6 reads, each as an invented example (never a copy of a
real excerpt): section numbers and one-letter words that are no places, seats written in
brackets after a name, "we" defined before the name it stands for, and others added below."""

from __future__ import annotations

from typing import Any

from xborder.graph.ingest import ingest


def _rules(kb, text: str, **kw: Any) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb, **kw)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules
            if not r.default}


def test_a_roman_section_number_or_a_one_letter_word_is_no_place(kb):
    text = ("Datenschutzerklärung\n\nI. Allgemeines\nDie Beispiel Werkzeug GmbH (im Folgenden "
            "„Wir“) als Betreiber der Website nimmt den Schutz personenbezogener Daten ernst und "
            "verarbeitet personenbezogene Daten vertraulich.\n")
    assert _rules(kb, text) == {(("*",), (), "Beispiel Werkzeug GmbH")}
    p = ingest("Datenschutz hat für uns bei B&I GmbH einen hohen Stellenwert.\n",
               name="p.md", kb=kb)
    assert [e.country for e in p.entities if e.name == "B&I GmbH"] == [None]


def test_a_seat_in_brackets_after_the_name_is_no_user_place(kb):
    text = ("The company responsible for handling your personal data is examplevpn S.A. "
            "(Harbour Tower, 12th Street, Suite 4, Floor 9, Panama City, Republic of Panama).\n")
    assert _rules(kb, text) == {(("*",), (), "examplevpn S.A.")}


def test_registered_offices_in_the_plural_are_the_seat(kb):
    text = ("Paperly is operated and controlled by Paperly Works Ltd, with registered offices "
            "at 4 Sample Street, London, United Kingdom, AB1 2CD.\n")
    assert _rules(kb, text) == {(("*",), (), "Paperly Works Ltd")}
