"""`ingest` on sentences that give two controllers, and on lists that end with "all others":
invented pages, each with the (locations, exceptions, controller) rules it must give."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules
from xborder.graph.ingest import ingest

CASES: list[tuple[str, set[Rule]]] = [
    ("Acme Ltd is a controller and Acme Pay Ltd is a separate controller for payment data.",
     {(("*",), (), "Acme Ltd"), (("*",), (), "Acme Pay Ltd")}),
    ("Acme Ltd is the controller for account data and Acme Pay Ltd is the controller for "
     "payment data.", {(("*",), (), "Acme Ltd"), (("*",), (), "Acme Pay Ltd")}),
    ("Acme GmbH ist Verantwortlicher und Acme Pay GmbH ist Verantwortliche für Zahlungen.",
     {(("*",), (), "Acme GmbH"), (("*",), (), "Acme Pay GmbH")}),
    ("Orbis Holdings Limited is de beheerder en verantwoordelijk voor deze website.",
     {(("*",), (), "Orbis Holdings Limited")}),
    ("Orbis Holdings Limited is verantwoordelijk voor deze website.\n\n## Contactgegevens\n\n"
     "Volledige naam van de rechtspersoon: Orbis Belgium BVBA\n\nTitel van de data "
     "privacy-manager: Managing Director Benelux", {(("*",), (), "Orbis Holdings Limited")}),
    ("Acme Ltd and Acme Pay Ltd are joint controllers.",
     {(("*",), (), "Acme Ltd"), (("*",), (), "Acme Pay Ltd")}),
    ("The data controller depends on your location. UK users: Acme UK Ltd. US users: Acme Inc. "
     "All others: Acme Global Pte. Ltd.",
     {(("GB",), (), "Acme UK Ltd"), (("US",), (), "Acme Inc."),
      (("*",), ("GB", "US"), "Acme Global Pte. Ltd.")}),
    ("The data controller depends on your location. UK users: Acme UK Ltd. Anyone else: Acme "
     "Global Pte. Ltd.",
     {(("GB",), (), "Acme UK Ltd"), (("*",), ("GB",), "Acme Global Pte. Ltd.")}),
    ("Exemple SAS, dont le siège est en Belgique, est responsable du traitement pour les "
     "utilisateurs en France.", {(("FR",), (), "Exemple SAS")}),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[t[:40] for t, _w in CASES])
def test_two_controllers_and_all_others(kb, text: str, want: set[Rule]) -> None:
    assert explicit_rules(kb, "# Privacy Policy\n\n" + text + "\n") == want


@pytest.mark.parametrize("text", [
    "Dussola non è una singola azienda, ma un gruppo di aziende composto da Dussola Stiftung & "
    "Co. KGaA e dalle sue affiliate. I dati sono trattati da Dussola Servizi Srl, Via Roma 4, "
    "Bergamo.",
    "Orbis is a group of companies headed by Orbis Holding AG. Your data are processed by Orbis "
    "Services GmbH, Hauptstr. 1, Berlin.",
])
def test_the_head_of_a_group_is_no_controller(kb, text: str) -> None:
    proposals = ingest("# Privacy\n\n" + text + "\n", name="policy.md", kb=kb)
    heads = [e for e in proposals.entities if "Stiftung" in e.name or "Holding" in e.name]
    assert heads and all("parent" in e.roles for e in heads)
    assert not [r for r in proposals.rules if r.controller in heads]
