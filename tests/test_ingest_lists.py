"""`ingest` on companies listed one paragraph each under a plural lead-in ("les entités
suivantes sont responsables :"), each paragraph a bold name, a dash and an address — a bold
start is a new paragraph, not the rest of the address above it, and a bold name before a dash is
no heading. Invented pages in three languages."""

from __future__ import annotations

import pytest

from tests.ingest_support import explicit_rules

PAGES = [
    ("## Qui est responsable de vos données ?\n\nConformément au RGPD, les entités Orbis "
     "suivantes sont responsables :\n\n**orbis AG** - Hauptstr. 1, 91074 Herzogenaurach, "
     "Allemagne\n\n**Orbis Marketing GmbH** - Hauptstr. 1, 91074 Herzogenaurach, Allemagne\n\n"
     "**orbis France S.a.r.l.** – 1 Allée des Orcades, Strasbourg, 67000, France\n"),
    ("## Who is responsible?\n\nThe following companies are joint controllers:\n\n"
     "**orbis AG** - Hauptstr. 1, 91074 Herzogenaurach, Germany\n\n**Orbis Marketing GmbH** - "
     "Hauptstr. 1, 91074 Herzogenaurach, Germany\n\n**orbis France S.a.r.l.** – 1 Allée des "
     "Orcades, Strasbourg, France\n"),
]


@pytest.mark.parametrize("page", PAGES, ids=["fr", "en"])
def test_every_company_listed_under_a_plural_lead(kb, page: str) -> None:
    assert explicit_rules(kb, "# Politique\n\n" + page) == {
        (("*",), (), "orbis AG"), (("*",), (), "Orbis Marketing GmbH"),
        (("*",), (), "orbis France S.a.r.l.")}


def test_one_company_under_a_singular_lead(kb) -> None:
    page = ("## Verantwortlicher\n\nVerantwortlich ist:\n\n**Orbis Marketing GmbH** - Hauptstr. 1,"
            " 91074 Herzogenaurach\n\nUnser Hoster ist die Nimbus Cloud GmbH.\n")
    assert explicit_rules(kb, "# Datenschutz\n\n" + page) == {
        (("*",), (), "Orbis Marketing GmbH")}


def test_a_sites_front_matter_is_no_part_of_the_policy(kb) -> None:
    page = ("---\ntitle: Privacy\ncompany: Tranquera Hosting LLC\n---\n\n# Privacy\n\n"
            "Orbis Media GmbH ist Verantwortlicher für die Verarbeitung Ihrer Daten.\n")
    assert explicit_rules(kb, page) == {(("*",), (), "Orbis Media GmbH")}
