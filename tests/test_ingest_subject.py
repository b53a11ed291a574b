"""`ingest` on policies that name no controller but speak as a name: the subject of an opening
sentence on personal data, written again later ("Kestrel respects the privacy of …", "Winkelo
hecht veel waarde aan …", "BOUTIKA recueille des données …"). Invented pages; the name is the
controller at 0.5, noted, or the company with a form that starts with it."""

from __future__ import annotations

import pytest

from tests.ingest_support import explicit_rules

PAGES = [
    ("Kestrel respects the privacy of its visitors and customers.\n\nKestrel uses your data only "
     "to run the shop.\n\n## Contact\n\nWrite to our data protection officer:\n\nKestrel "
     "Corporation\nAtt. Data Protection Officer\nP.O. Box 1, Bellevue, WA 98009\n\nOur EU "
     "representative is Repco Services GmbH, Berlin.", "Kestrel Corporation"),
    ("Via onze webwinkel worden persoonsgegevens verwerkt. Winkelo hecht veel waarde aan een "
     "zorgvuldige omgang met persoonsgegevens.\n\nWinkelo bewaart uw gegevens niet langer dan "
     "nodig.", "Winkelo"),
    ("Lors de la création de votre compte, BOUTIKA recueille des données à caractère personnel. "
     "BOUTIKA ne les vend jamais.", "BOUTIKA"),
    ("The Open Lore Foundation is the nonprofit organization that operates free knowledge "
     "websites.\n\nThis Policy explains how the Open Lore Foundation collects your data.",
     "Open Lore Foundation"),
]


@pytest.mark.parametrize(("page", "name"), PAGES, ids=[p[1] for p in PAGES])
def test_the_name_a_policy_speaks_as(kb, page: str, name: str) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + page + "\n") == {(("*",), (), name)}


@pytest.mark.parametrize("page", [
    "Kestrel respects the privacy of its visitors.",  # said once: no name the policy speaks as
    "We respect your privacy. We use your data only to run the shop.",
])
def test_no_name_no_rule(kb, page: str) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + page + "\n") == set()
