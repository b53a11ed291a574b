"""`ingest` on institutions a policy names without a legal form, marked by the word for what
they are ("Museum", "Bibliothèque", "Vereniging", "kyrkan"), as the scored rounds 18–21 showed
(a museum, a parish council, a health fund, a professional body, a regional church): the whole
run of capitalised words and connectors around the head word — beside bait: an authority, a
register, a street, a desk, a union of states, a common noun, a quoted trading name, a law's
issuer. Invented pages. The first version (scored blind on round 21: −1 controller, +4 false)
cut names at their edges; the edges read since are pinned here too."""

from __future__ import annotations

import pytest

from tests.ingest_support import loose, loose_rules
from xborder.graph.ingest.institutions import institution_mentions

NAMED = [
    ("The Parish Council of St Mary with St Anne Little Thornby is the data controller for the "
     "personal data we hold.", "Parish Council of St Mary with St Anne Little Thornby"),
    ("Le responsable du traitement est le Musée des Arts de la Mer et de la Navigation, 3 quai "
     "Nord, Brest.", "Musée des Arts de la Mer et de la Navigation"),
    ("Verantwortlich für die Datenverarbeitung ist das Stadtmuseum Unterbach, Marktplatz 2, "
     "Unterbach.", "Stadtmuseum Unterbach"),
    ("Titolare del trattamento è la Biblioteca Civica di Valdoro, con sede in Piazza Grande 1.",
     "Biblioteca Civica di Valdoro"),
    ("El responsable del tratamiento es el Museo de Historia de Villaluz, calle Mayor 4.",
     "Museo de Historia de Villaluz"),
    ("De verwerkingsverantwoordelijke is Historische Vereniging Oud Lemsterland, Kerkstraat 5, "
     "Lemmer.", "Historische Vereniging Oud Lemsterland"),
    ("Svenska kyrkan Ekbacka är personuppgiftsansvarig för behandlingen av dina "
     "personuppgifter.", "Svenska kyrkan Ekbacka"),
    ("Administratorem danych osobowych jest Muzeum Regionalne w Zielonej Dolinie.",
     "Muzeum Regionalne w Zielonej Dolinie"),
    ("A entidade responsável pelo tratamento é a Associação Cultural dos Amigos de Vilar.",
     "Associação Cultural dos Amigos de Vilar"),
    ("The Chartered Society of Harbour Pilots is the controller of the personal data described "
     "in this policy.", "Chartered Society of Harbour Pilots"),
    # read from round 21 once scored: a German body "in" its region, an elided article
    ("Verantwortlich für die Verarbeitung ist die Evangelische Landeskirche in Nordmark, "
     "Kirchplatz 1, Nordstadt.", "Evangelische Landeskirche in Nordmark"),
    ("Le responsable du traitement est L’Association des Amis du Port de Brest, 2 quai Nord.",
     "Association des Amis du Port de Brest"),
]


@pytest.mark.parametrize(("page", "name"), NAMED, ids=[n for _p, n in NAMED])
def test_an_institution_named_by_its_kind_is_read_as_the_controller(kb, page: str,
                                                                     name: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], name)])


def test_the_initials_after_an_unquoted_name_are_its_short_name(kb) -> None:
    page = ("# Privacy\n\nHarbour Pilots Professional and Technical Union (HPPTU) protects your "
            "personal information.\n\nHPPTU is a data controller under the GDPR.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Harbour Pilots Professional and "
                                                      "Technical Union")])


def test_two_bodies_joined_by_and_the_are_two(kb) -> None:
    page = ("# Privacy\n\nThe Harbour Pilots Foundation Europe and the Harbour Pilots Foundation "
            "US are joint controllers for users in the EEA.\n")
    assert loose_rules(kb, page) == loose([(["EEA"], [], "Harbour Pilots Foundation Europe"),
                                           (["EEA"], [], "Harbour Pilots Foundation US")])


def test_a_bare_title_name_and_the_same_name_with_a_form_are_one_company(kb) -> None:
    page = ("# Clínica Sorriso do Vale\n\nNós, da Clínica Sorriso do Vale LTDA., somos a "
            "controladora dos seus dados pessoais.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Clínica Sorriso do Vale LTDA.")])


NOT_BODIES = [
    "You may complain to the Information Commissioner's Office about our use of your data.",
    "Contact our Customer Service Centre if you have questions.",
    "We are registered with the Kamer van Koophandel under number 123.",
    "Our offices are at 4 Church Road, Thornby.",
    "Data may be transferred outside the European Union.",
    "Information about our Organisation and Web site.",
    "This is the Privacy Policy of Harbour Ltd (trading as ‘Museum of Knots’).",
    "IBS – Institut für Prüftechnik Gesellschaft m.b.H. is listed below.",
    "Read our Third-Party Privacy Policies.",
    "Es gilt das Kirchengesetz über den Datenschutz der Evangelischen Kirche in Nordmark.",
]


@pytest.mark.parametrize("text", NOT_BODIES)
def test_no_institution_is_read_from_authorities_registers_streets_or_desks(text: str) -> None:
    assert [m.name for m in institution_mentions(text, []) if m.form == "institution"] == []


BAIT = [
    "You may complain to the Information Commissioner's Office. We are the data controller.",
    "Het onderhoud wordt verzorgd door ons. Wij zijn ingeschreven bij de Kamer van Koophandel.",
    "Nous transférons des données hors de l’Union Européenne.",
]


@pytest.mark.parametrize("page", BAIT)
def test_no_institution_is_proposed_as_controller_from_bait(kb, page: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == set()
