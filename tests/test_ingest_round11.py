"""`ingest` on four general faults found while reading the scored rounds 3–20 in round 11: a
regulator's country read as where users are ("registered with the Central Bank of Ireland"), a
site's owner taken for a parent ("This website is owned by X"), a company the policy calls its
processor proposed as the controller ("met X als verwerker"), and an association's name cut
before its last word at the end of a sentence. Invented pages."""

from __future__ import annotations

from tests.ingest_support import loose, loose_rules
from xborder.graph.ingest import ingest


def test_a_regulators_country_is_no_user_place(kb) -> None:
    page = ("# Privacy\n\nHarbour Savings Limited is the data controller and is registered with "
            "the Central Bank of Ireland.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Harbour Savings Limited")])


def test_the_owner_of_the_website_is_no_parent(kb) -> None:
    page = ("# Privacy\n\nThis website is owned by Thornby Rowing Ltd, 4 Quay Street, Thornby. We "
            "are the data controller for your personal data.\n")
    entity, = ingest(page, name="policy.md", kb=kb).entities
    assert entity.name == "Thornby Rowing Ltd" and "parent" not in entity.roles


def test_a_company_called_the_processor_is_never_proposed_as_controller(kb) -> None:
    page = ("# Privacyverklaring\n\nHet onderhoud aan de webshop wordt uitgevoerd door Kleinweb "
            "Studio B.V.\n\nDe eigenaar van de webshop is de verwerkingsverantwoordelijke, met "
            "Kleinweb Studio B.V. als verwerker.\n")
    proposals = ingest(page, name="policy.md", kb=kb)
    assert all(r.controller.name != "Kleinweb Studio B.V." for r in proposals.rules)
    assert loose_rules(kb, page) == set()


def test_an_associations_name_ends_at_the_full_stop_not_before_its_last_word(kb) -> None:
    page = ("# Privacy\n\nA entidade responsável pelo tratamento é a Associação Cultural dos "
            "Amigos de Vilar.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Associação Cultural dos Amigos de "
                                                      "Vilar")])


# read from round 21 once scored: forms without their last full stop, a company's law of
# incorporation in Spanish
def test_a_form_written_without_its_last_full_stop_is_a_form(kb) -> None:
    page = ("# Política de privacidad\n\nEsta Política se aplica al tratamiento de datos "
            "personales por parte de Nubeclara Hosting S.L, una empresa registrada y existente "
            "bajo las leyes del Reino de España, que es el responsable del tratamiento.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Nubeclara Hosting S.L")])


def test_a_dutch_form_without_its_last_full_stop_is_a_form(kb) -> None:
    page = ("# Integritetspolicy\n\nPersonuppgiftsansvarig är Nordljus Technology Netherlands "
            "B.V, Amsterdam.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Nordljus Technology Netherlands B.V")])



# read from round 21 once scored: a table of companies by country under "the company providing
# the service in your country", its merged first cells, more rows than six
TABLE = """# Privacy Notice

## Who processes your personal data?

Your personal data are processed by the company providing the service in your country:

App | Country | Company | Address |
Rideo | Finland Norway | Rideo Nordic B.V. | Kade 1, 1011 AA Amsterdam, Netherlands |
Ghana Zambia | Rideo Africa B.V. | Kade 1, 1011 AA Amsterdam, Netherlands | |
Angola | Rideo Angola B.V. | Kade 1, 1011 AA Amsterdam, Netherlands | |
Azerbaijan | Rideo Caspian B.V. | Kade 1, 1011 AA Amsterdam, Netherlands | |
Peru | Rideo Andes B.V. | Kade 1, 1011 AA Amsterdam, Netherlands | |
Chile | Rideo Sur B.V. | Kade 1, 1011 AA Amsterdam, Netherlands | |
Israel | Rideo Israel Ltd. | 1 Begin Road, Tel Aviv, Israel | |
Bites | Serbia | Bites Balkan d.o.o. | Knez Mihailova 1, Belgrade, Serbia |
"""


def test_a_table_of_companies_by_country_with_merged_cells_is_read_row_by_row(kb) -> None:
    rules = {(tuple(sorted(r.locations)), r.controller.name, tuple(s.name for s in r.services))
             for r in ingest(TABLE, name="policy.md", kb=kb).rules if not r.default}
    assert rules == {(("FI", "NO"), "Rideo Nordic B.V.", ("Rideo",)),
                     (("GH", "ZM"), "Rideo Africa B.V.", ("Rideo",)),
                     (("AO",), "Rideo Angola B.V.", ("Rideo",)),
                     (("AZ",), "Rideo Caspian B.V.", ("Rideo",)),
                     (("PE",), "Rideo Andes B.V.", ("Rideo",)),
                     (("CL",), "Rideo Sur B.V.", ("Rideo",)),
                     (("IL",), "Rideo Israel Ltd", ("Rideo",)),
                     (("RS",), "Bites Balkan d.o.o.", ("Bites",))}


def test_an_article_between_two_capitalised_words_is_part_of_the_name(kb) -> None:
    page = ("# Privacy\n\nHire a Bike, LLC (“HAB”) is the data controller for your personal "
            "data.\n\nMaking the Grade Tutoring Limited processes nothing else.\n")
    names = {e.name for e in ingest(page, name="policy.md", kb=kb).entities}
    assert names == {"Hire a Bike, LLC", "Making the Grade Tutoring Limited"}


# read from round 22 once scored: a company's street right before its postcode, a Polish street
# abbreviation inside a seat, a Dutch role sentence about "your data"
def test_a_street_before_a_postcode_is_the_companys_address(kb) -> None:
    page = ("# Politique de confidentialité\n\nLe responsable du traitement des données "
            "personnelles est Assurix BV 12-14 rue de la Pompe 75016 Paris France.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Assurix BV")])


def test_a_street_abbreviation_does_not_end_the_companys_seat(kb) -> None:
    page = ("# Informativa\n\n  1. Il Titolare del trattamento - Zbiorka.pl sp. z o.o., società a "
            "responsabilità limitata con sede legale in al. Lipowa 5, 50-001 Wrocław, Polonia, "
            "con numero di identificazione fiscale (NIP) 8990000000, e iscritta al Registro delle "
            "Imprese.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Zbiorka.pl sp. z o.o.")])


def test_responsible_for_your_data_names_the_controller_in_dutch(kb) -> None:
    page = ("# Privacy Statement\n\nVerantwoordelijk voor uw gegevens is Omega Krediet Holding "
            "N.V. (OKH). OKH is een 100% dochter van Omega Bank N.V.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Omega Krediet Holding N.V.")])


def test_a_controller_that_depends_on_where_you_are_is_not_read_as_everyones(kb) -> None:
    """The policy says the controller depends on the user's location and points to a list it
    does not include: no company is proposed for everyone (only the flagged default)."""
    page = ("# Politique\n\nL’entité Acme responsable du traitement de vos données personnelles "
            "dépend de la façon dont vous interagissez avec Acme et de votre localisation "
            "géographique.\n\nVous pouvez contacter notre délégué à la protection des données "
            ":\n\nAcme Retail B.V.\n\nColosseum 1, Hilversum\n")
    assert loose_rules(kb, page) == set()
