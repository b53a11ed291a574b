"""`ingest` on policies that name no company at all: the brand of the site they are for, as the
text writes it — spelt by the URL's host ("www.hillwalkers.co.uk" → "Hillwalkers",
"green-lodge.com" → "Camping Green Lodge"), the domain itself after "die Firma", or the title's
name said twice in the text — names the issuer, which stays the flagged default (a brand is no
legal entity), instead of a placeholder. Invented pages."""

from __future__ import annotations

import pytest

from xborder.graph.ingest import ingest

CASES = [
    ("https://www.hillwalkers.co.uk/privacy",
     "# Privacy\n\nThis policy explains how Hillwalkers uses the information you give when you "
     "register on the forum.\n", "Hillwalkers"),
    ("https://green-lodge.com/charte",
     "# Charte des données personnelles\n\nLe Camping Green Lodge attache une grande importance "
     "à la protection de vos données personnelles.\n", "Camping Green Lodge"),
    ("https://www.apo-nord.de/datenschutz",
     "# Datenschutz\n\nDie verantwortliche Stelle im Sinne der DSGVO ist die Firma apo-nord.de, "
     "Hafenstraße 1, 20457 Hamburg.\n", "apo-nord.de"),
    (None,
     "# POLÍTICA DE PRIVACIDAD – GIMNASIO LAS PALMAS\n\nEn Gimnasio Las Palmas nos comprometemos "
     "a proteger tu privacidad.\n\nGimnasio Las Palmas solo usa tus datos para gestionar tu "
     "inscripción.\n", "Gimnasio Las Palmas"),
]


@pytest.mark.parametrize(("url", "page", "name"), CASES, ids=[c[2] for c in CASES])
def test_the_brand_of_the_site(kb, url: str | None, page: str, name: str) -> None:
    p = ingest(page, name="policy.md", url=url, kb=kb)
    assert [r for r in p.rules if not r.default] == []
    default = next(r for r in p.rules if r.default)
    assert default.controller.name == name and default.confidence <= 0.5
    assert "brand" in default.controller.country_basis
    assert any(name in n and "not said" in n for n in p.notes)


@pytest.mark.parametrize("page", [
    # the title's part is no name; said once; a site's host spelt by no capitalised words
    "# Skip to main content | Privacy\n\nWe use your data to run the shop.\n",
    "# Privacy – Gimnasio Sol\n\nEn Gimnasio Sol nos comprometemos a proteger tu privacidad.\n",
])
def test_no_brand(kb, page: str) -> None:
    p = ingest(page, name="policy.md", url="https://example-shop.com/privacy", kb=kb)
    assert [r for r in p.rules if not r.default] == []
    assert not any("brand" in n for n in p.notes)


def test_a_named_company_comes_before_the_brand(kb) -> None:
    page = ("# Privacy\n\nHillwalkers is run by Ridge Media Ltd, the data controller.\n")
    p = ingest(page, name="policy.md", url="https://www.hillwalkers.co.uk/privacy", kb=kb)
    assert [(r.locations, r.controller.name) for r in p.rules if not r.default] == \
        [(["*"], "Ridge Media Ltd")]
