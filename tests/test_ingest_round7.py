"""`ingest` on the constructions rounds 6 and 7 taught in general, each as an invented example
(never a copy of a real excerpt): a clause whose only cue is where the user lives ("If you live
in …, your contract is with X"), in the languages read, and an enumerator before a name."""

from __future__ import annotations

from typing import Any

from xborder.graph.ingest import ingest
from xborder.graph.ingest.names import find_mentions


def _rules(kb, text: str, **kw: Any) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb, **kw)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules
            if not r.default}


def test_where_you_live_names_the_company_you_deal_with(kb):
    text = ("Welcome to Quillmark.\n\nIf you live in Canada, your agreement is with Quillmark "
            "Canada Inc. If you live outside Canada, your agreement is with Quillmark Labs Ltd, "
            "a company registered in Ireland.\n")
    assert _rules(kb, text) == {(("CA",), (), "Quillmark Canada Inc."),
                                (("*",), ("CA",), "Quillmark Labs Ltd")}


def test_the_company_before_a_residence_condition_after_a_comma(kb):
    text = ("These terms are an agreement with Beispiel Rad GmbH, Hafenstraße 3, 20457 Hamburg, "
            "Deutschland, wenn Sie Ihren Wohnsitz in Österreich haben.\n")
    assert _rules(kb, text) == {(("AT",), (), "Beispiel Rad GmbH")}


def test_residence_conditions_in_other_languages(kb):
    pt = "Caso resida no Brasil, o seu contrato é com a Exemplo Nuvem Ltda.\n"
    assert _rules(kb, pt) == {(("BR",), (), "Exemplo Nuvem Ltda.")}
    fr = "Si vous résidez en Belgique, vous contractez avec Exemple Vélo SRL.\n"
    assert _rules(kb, fr) == {(("BE",), (), "Exemple Vélo SRL")}


def test_a_residence_condition_naming_no_known_place_is_never_everyone(kb):
    text = ("Our terms are with Quillmark Labs Ltd if you are a Covered Resident, as defined "
            "in our terms.\n")
    assert _rules(kb, text) == set()


def test_a_residence_condition_about_rights_names_no_controller(kb):
    text = ("If you live in California, you may ask Quillmark Labs Ltd to delete your data "
            "under your rights as a consumer.\n")
    # no rule for California; the only company the page names is proposed for every user
    # (at 0.5, noted), as on any page naming one company: a right is no split of the users
    assert _rules(kb, text) == {(("*",), (), "Quillmark Labs Ltd")}


def test_an_enumerator_before_a_name_is_no_part_of_it():
    names = [m.name for m in find_mentions("with (1) Quillmark Canada Inc. and (b) Quillmark "
                                           "Labs Ltd, or ii) Beispiel Rad GmbH")]
    assert names == ["Quillmark Canada Inc.", "Quillmark Labs Ltd", "Beispiel Rad GmbH"]


def test_north_america_is_the_united_states_canada_and_mexico(kb):
    text = ("Wenn Sie Ihren Wohnsitz in Nordamerika haben, ist Beispiel Rad Inc. Ihr "
            "Vertragspartner. Wenn Sie Ihren Wohnsitz außerhalb von Nordamerika haben, ist "
            "Beispiel Rad Limited Ihr Vertragspartner.\n")
    assert _rules(kb, text) == {(("CA", "MX", "US"), (), "Beispiel Rad Inc."),
                                (("*",), ("CA", "MX", "US"), "Beispiel Rad Limited")}


def test_a_defined_group_of_residents_read_in_the_singular_and_unless_as_except(kb):
    text = ("“Quillmark” refers to Quillmark Labs Inc., unless you are a Nordic Resident; or "
            "to Quillmark Nordic AB, if you are a Nordic Resident. “Nordic Residents” means "
            "residents of Sweden, Norway or Denmark.\n")
    assert _rules(kb, text) == {(("*",), ("DK", "NO", "SE"), "Quillmark Labs Inc."),
                                (("DK", "NO", "SE"), (), "Quillmark Nordic AB")}


def test_list_items_each_naming_a_company_for_the_users_located_somewhere(kb):
    text = ("“Quillmark”, “we” means:\n\n"
            "- Quillmark Oy, Esimerkkikatu 1, 00100 Helsinki, Finland, if the User is located in "
            "Finland or Estonia.\n"
            "- Quillmark Polska sp. z o.o., Przykładowa 5, 00-001 Warsaw, Poland, if the User is "
            "located in Poland.\n")
    assert _rules(kb, text) == {(("FI", "EE"), (), "Quillmark Oy"),
                                (("PL",), (), "Quillmark Polska sp. z o.o.")}


def test_a_pipe_table_without_its_leading_pipe_under_a_cue_in_a_list_item(kb):
    text = ("1. Who are we?\n"
            "2. We are Quillmark. The local Quillmark company below is your controller:\n\n"
            "Country | Company name | Registered address |\n"
            "Estonia | Quillmark Eesti OÜ | Näidis 1, Tallinn, Estonia |\n"
            "Latvia | Quillmark Latvija SIA | Paraugs 2, Riga, Latvia |\n")
    rules = _rules(kb, text)
    assert (("EE",), (), "Quillmark Eesti OÜ") in rules
    assert all(r[0] != ("LV",) or r[2] != "Quillmark Eesti OÜ" for r in rules)


def test_unless_otherwise_stated_does_not_cut_the_clause(kb):
    text = ("If you reside in Austria or Germany (collectively “DACH” unless otherwise stated), "
            "any reference to “we” means “Beispiel Rad GmbH”.\n")
    assert _rules(kb, text) == {(("AT", "DE"), (), "Beispiel Rad GmbH")}


def test_two_companies_named_together_in_one_clause_are_both_proposed(kb):
    text = ("Which company provides the services depends on your country:\n\n"
            "- If your Country of Residence is Canada, your entity is Quillmark Canada Inc. or "
            "Quillmark Services Inc.\n"
            "- If your Country of Residence is Japan, your entity is Quillmark Japan K.K.\n")
    rules = _rules(kb, text)
    assert (("CA",), (), "Quillmark Canada Inc.") in rules
    assert (("CA",), (), "Quillmark Services Inc.") in rules


def test_a_bare_residence_condition_gives_its_places_to_the_clause_after_it(kb):
    text = ("If you are located in Sweden or Norway then, where we act as a data controller, "
            "Quillmark Nordic AB is the data controller of your information.\n")
    assert _rules(kb, text) == {(("SE", "NO"), (), "Quillmark Nordic AB")}


def test_residing_in_other_countries_is_everyone_else(kb):
    text = ("Se l'utente risiede in Italia, la controparte è Esempio Rete S.r.l. Se l'utente "
            "risiede in altri Paesi, la controparte è Esempio Global Ltd.\n")
    rules = _rules(kb, text)
    assert (("IT",), (), "Esempio Rete S.r.l.") in rules
    assert (("*",), ("IT",), "Esempio Global Ltd") in rules
