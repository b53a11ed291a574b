"""`ingest` on institutions a policy names without a legal form but with their initials in
brackets, as round 18's real excerpts showed once scored: the name whose capitalised words the
initials spell, in the policy's own voice, used again by its initials later — beside bait: a
law, an authority, a representative, initials that spell nothing of the name. Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import loose, loose_rules

OWN = [
    ("Services Commercial Industrial and Technical Union (SCITU) is committed to protecting all "
     "your personal information.\n\nSCITU represents over 100,000 workers. We are a data "
     "controller for the information you give us.", "Services Commercial Industrial and "
     "Technical Union"),
    ("In deze privacyverklaring lees je hoe wij, de Nationale Bibliotheekdienst Nederland "
     "(‘NBN’), omgaan met persoonsgegevens.\n\nDe NBN is verwerkingsverantwoordelijke voor de "
     "online diensten.",
     "Nationale Bibliotheekdienst Nederland"),
    ("This website is owned by the Royal Society of Harpists of Leeds (“RSHLe”), 1 Park Row, "
     "Leeds.\n\nRSHLe is a registered charity. We are a Data Controller.",
     "Royal Society of Harpists of Leeds"),
]


@pytest.mark.parametrize(("page", "name"), OWN, ids=[n for _p, n in OWN])
def test_initials_defined_in_the_policys_own_voice_name_it(kb, page: str, name: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], name)])


BAIT = [
    # a law, an authority, a representative, initials of something else
    "We process your personal data under the Algemene Verordening Gegevensbescherming (AVG). "
    "The AVG gives you rights.",
    "You may complain to the Information Commissioner’s Office (ICO) about our use of your "
    "personal data. The ICO is the UK's regulator.",
    "Our representative in the EU is the European Data Protection Office (EDPO). Write to the "
    "EDPO about your personal data.",
]


@pytest.mark.parametrize("page", BAIT)
def test_no_institution_is_read_from_other_initials(kb, page: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == set()


def test_initials_of_something_else_are_no_name_of_the_club(kb) -> None:
    """The club names itself as "we" (read by its head word, :mod:`.institutions`); "GREEN"
    spells nothing of its name and is never proposed."""
    page = ("# Privacy\n\nWe, the Garden Club of Hull (“GREEN”), protect your personal data. "
            "GREEN meets monthly.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Garden Club of Hull")])
