"""`ingest` on company addresses written after a name, as rounds 18 and 19's real excerpts showed
once scored: a street after "di"/"of" (Italian, English), a US state and ZIP code before "USA",
a Spanish "CP" postal code with its province in brackets, an Italian branch "operante in Italia"
— never where users live — and two controllers joined by "e" across the first one's address.
Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import loose, loose_rules

EVERYONE = [
    ("Il titolare del trattamento dei tuoi dati personali è Biglietti Nord Inc. di 1209 Orange "
     "Street, Corporation Trust Center, Wilmington, DE 19801, USA e Biglietti Sud GmbH di Rue Du "
     "Commerce 4, 1204 Ginevra, Svizzera.", ["Biglietti Nord Inc.", "Biglietti Sud GmbH"]),
    ("Responsable del tratamiento OLIVAR SERVICIOS, S.L. (OLIVAR ENERGÍA) Calle Colón, 60, "
     "planta 5, CP 46004 Valencia (Valencia) España.", ["OLIVAR SERVICIOS, S.L."]),
    ("SEZIONE 1: Identità e dati di contatto del titolare del trattamento\nVITA SICURA S.A., "
     "Compagnia Assicurativa operante in Italia in regime di stabilimento, con sede secondaria in "
     "via Roma 3, Milano.", ["VITA SICURA S.A."]),
]


@pytest.mark.parametrize(("page", "names"), EVERYONE, ids=[n[0] for _p, n in EVERYONE])
def test_an_address_after_the_name_is_no_users_place(kb, page: str, names: list[str]) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], n)
                                                                   for n in names])


def test_a_street_before_corporation_is_no_company() -> None:
    from xborder.graph.ingest.names import find_mentions

    text = "Acme Inc. di 1209 Orange Street, Corporation Trust Center, Wilmington, DE 19801, USA"
    assert [m.name for m in find_mentions(text)] == ["Acme Inc."]


def test_a_role_before_a_dash_is_no_part_of_the_name(kb) -> None:
    """"Die schwedische Muttergesellschaft – H & M … AB": the parent's role, then its name."""
    from xborder.graph.ingest import ingest

    page = ("# Datenschutz\n\nDie schwedische Muttergesellschaft – Nordlys Handel AB "
            "(nachfolgend „Nordlys“) – ist für die Verarbeitung verantwortlich.\n")
    assert [e.name for e in ingest(page, name="p.md", kb=kb).entities] == ["Nordlys Handel AB"]

