"""`ingest` on controllers given by where the user lives or is based: "the Orbit entity
established in the country where you reside", with the entities listed by country in a table
elsewhere in the policy (even one headed as a contact list); "If you reside in Canada, contact us
at X"; "X controls your data if you're based in the UK" (a condition, not X's seat). Invented
pages; the referring sentence alone names no entity, so it gives no rule for everyone."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules

TABLE = ("## Contact\n\n| Country | Contact information |\n| --- | --- |\n"
         "| Canada | Orbit Canada Co.  <br>1 Bay Street, Toronto |\n"
         "| United Kingdom | Orbit UK Ltd  <br>5 Fleet Place, London |\n"
         "| Ireland | Orbit Payments Europe Limited  <br>1 Dock Road, Dublin 2, Co. Dublin |\n\n")
WANT = {(("CA",), (), "Orbit Canada Co."), (("GB",), (), "Orbit UK Ltd"),
        (("IE",), (), "Orbit Payments Europe Limited")}


@pytest.mark.parametrize("sentence", [
    "The data controller of your personal data is the Orbit entity established in the country "
    "or jurisdiction where you reside, listed under Contact.",
    "Le responsable du traitement est l’entité Orbit établie dans le pays où vous résidez.",
    "Verantwortlich ist die Orbit-Gesellschaft in dem Land, in dem Sie wohnen.",
    "El responsable del tratamiento es la entidad de Orbit establecida en el país donde reside.",
])
def test_the_entity_of_the_users_country_is_read_from_the_table(kb, sentence: str) -> None:
    page = "# Privacy Policy\n\n" + TABLE + "## Data controller\n\n" + sentence + "\n"
    assert explicit_rules(kb, page) == WANT


def test_a_contact_table_alone_names_no_controller(kb) -> None:
    page = "# Privacy Policy\n\n" + TABLE + "## Security\n\nWe protect your data.\n"
    assert explicit_rules(kb, page) == set()


@pytest.mark.parametrize(("text", "want"), [
    ("If you reside in Canada, contact us at Orbit Canada Ltd, 1 Bay Street, Toronto. If you "
     "reside in the United States, contact us at Orbit, Inc., 1 Main St, Austin.",
     {(("CA",), (), "Orbit Canada Ltd"), (("US",), (), "Orbit, Inc.")}),
    ("If you reside in Canada and have a question about your rights, contact our Data "
     "Protection Officer at dpo@orbit.example.", set()),
    ("If you reside in Canada, contact us at privacy@orbit.example. Orbit Canada Ltd hosts "
     "our servers.", set()),
])
def test_the_company_users_somewhere_contact_as_us(kb, text: str, want: set[Rule]) -> None:
    assert explicit_rules(kb, "# Privacy Policy\n\n" + text + "\n") == want


def test_where_the_user_is_based_is_a_condition_not_a_seat(kb) -> None:
    text = ("The company you deal with depends on where you are based:\n\n"
            "* Orbit UK Limited (UK) controls your data if you’re based in the United Kingdom.\n"
            "* Orbit Europe UAB (Lithuania) controls your data if you are based in the EEA.\n")
    assert explicit_rules(kb, "# Privacy Policy\n\n" + text) == {
        (("GB",), (), "Orbit UK Limited"), (("EEA",), (), "Orbit Europe UAB")}


@pytest.mark.parametrize("text", [
    "Il titolare del trattamento dei dati è Orbis Trade OÜ, con sede legale in Tallinn, di diritto "
    "estone e iscritta al Registro degli Imprenditori della Repubblica di Estonia.",
    "Le responsable du traitement est Orbis SAS, inscrite au RCS de Paris, France.",
])
def test_a_companys_register_is_no_place_of_its_users(kb, text: str) -> None:
    rules = explicit_rules(kb, "# Privacy\n\n" + text + "\n")
    assert {loc for r in rules for loc in r[0]} == {"*"}
