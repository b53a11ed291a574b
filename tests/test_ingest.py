"""The parts of `ingest`: markup → units with offsets, places, legal entities, clauses, dates,
and the authoring file. Each policy snippet here is written for the test; the assertions are the
facts it states."""

from __future__ import annotations

import datetime as dt

import pytest

from xborder import XborderInputError
from xborder.graph.ingest import ingest
from xborder.graph.ingest.clauses import parse_day
from xborder.graph.ingest.emit import authoring, check, to_yaml, write_atomic
from xborder.graph.ingest.entities import find_mentions, place_entity
from xborder.graph.ingest.places import PlaceFinder
from xborder.graph.ingest.text import detect_format, read_document


@pytest.fixture(scope="module")
def finder(kb) -> PlaceFinder:
    return PlaceFinder(kb.locations, [a.text for a in kb.model.aliases])


# -- text ------------------------------------------------------------------------------------------

def test_markdown_offsets_point_into_the_input():
    source = "# Policy\n\n**2\\. Who we are** Acme **GmbH** is the controller. See [our site](x).\n"
    doc = read_document(source, "markdown")
    assert doc.title == "Policy"
    unit = next(u for u in doc.units if u.kind == "sentence")
    assert unit.text == "Acme GmbH is the controller."
    assert unit.section.number == "2" and unit.section.title == "Who we are"
    assert source[unit.start:unit.end] == "Acme **GmbH** is the controller."


def test_html_character_references_keep_offsets_exact():
    source = "<h2>Controllers</h2><p>M&uuml;ller &amp; S&ouml;hne GmbH is the controller.</p>"
    unit = next(u for u in read_document(source, "html").units if u.kind == "sentence")
    assert unit.text == "Müller & Söhne GmbH is the controller."
    assert source[unit.start:unit.end] == "M&uuml;ller &amp; S&ouml;hne GmbH is the controller."
    assert unit.section.title == "Controllers"


def test_sentences_do_not_split_inside_legal_forms_or_initialisms():
    doc = read_document("Acme Asia Pte. Ltd. and Acme U.S. Inc. are controllers. We share data.",
                        "text")
    assert [u.text for u in doc.units] == [
        "Acme Asia Pte. Ltd. and Acme U.S. Inc. are controllers.", "We share data."]


def test_lists_carry_their_lead_and_tables_their_header():
    doc = read_document("The controller depends on where you live:\n\n- Japan: Kumo KK\n\n"
                        "| Country | Controller |\n|---|---|\n| Chile | Kumo SpA |\n", "markdown")
    item = next(u for u in doc.units if u.kind == "item")
    row = next(u for u in doc.units if u.kind == "row")
    assert item.lead.startswith("The controller depends")
    assert row.cells == ("Chile", "Kumo SpA") and row.header == ("Country", "Controller")


@pytest.mark.parametrize("text,name,fmt", [
    ("<html><body><p>x</p></body></html>", None, "html"), ("# T\n\ntext", None, "markdown"),
    ("plain words", None, "text"), ("anything", "policy.htm", "html"),
    ("anything", "p.md", "markdown")])
def test_format_detection(text, name, fmt):
    assert detect_format(text, name) == fmt


# -- places ----------------------------------------------------------------------------------------

def test_a_list_of_places_splits_into_codes(finder):
    scope = finder.scope("who reside in a member state of the European Economic Area (EEA) or "
                         "Switzerland, Albania, Bosnia, Macedonia, Vatican, USA, Canada")
    assert scope.codes == ["EEA", "CH", "AL", "BA", "MK", "VA", "US", "CA"]
    assert {p.code for p in scope.places if p.reading} == {"BA", "MK", "VA"}


def test_an_ambiguous_name_is_read_with_low_confidence_and_the_other_candidate(finder):
    (korea,) = finder.find("users in Korea")
    assert (korea.code, korea.also) == ("KR", ("KP",)) and korea.confidence < 0.5
    assert "ambiguous" in (korea.reading or "")


def test_exceptions_and_outside(finder):
    scope = finder.scope("users outside the EEA, except those in Switzerland or the UK, and")
    assert scope.codes == ["*"] and scope.except_codes == ["EEA", "CH", "GB"]
    scope = finder.scope("Users in the EEA (excluding Liechtenstein) and the U.S.")
    assert scope.codes == ["EEA", "US"] and scope.except_codes == ["LI"]


@pytest.mark.parametrize("text", ["everyone else", "all other countries", "the rest of the world",
                                  "users anywhere else", "Any other country"])
def test_everyone_else(finder, text):
    assert finder.scope(text).codes == ["*"]


def test_codes_and_pronouns_are_not_places(finder):
    found = finder.find("Tell us about IT. We will contact US users in IN, and Georgia.")
    assert [p.code for p in found] == ["US", "GE"]


# -- entities --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name,country", [
    ("controlled by Huawei Technologies Deutschland, GmbH.",
     "Huawei Technologies Deutschland GmbH", "DE"),
    ("is Huawei Device USA, Inc.", "Huawei Device USA, Inc.", "US"),
    ("Nordlicht GmbH, a company registered in Austria, is", "Nordlicht GmbH", "AT"),
    ("Orbis Europe Limited (Ireland)", "Orbis Europe Limited", "IE"),
    ("Acme B.V. is", "Acme B.V.", "NL"),
    ("Acme Brasil Ltda. is", "Acme Brasil Ltda.", "BR"),
    ("Acme Holdings Unlimited Company is", "Acme Holdings Unlimited Company", "IE"),
    ("Brightly Labs S.L., Calle Mayor 5, 28013 Madrid, Spain, is", "Brightly Labs S.L.", "ES"),
])
def test_legal_forms_and_stated_countries(finder, text, name, country):
    (m,) = find_mentions(text)
    assert m.name == name
    assert place_entity(text, m, finder)[0] == country


@pytest.mark.parametrize("text", ["Acme GmbH is the controller.", "Acme S.A. is the controller.",
                                  "Acme Ltd is the controller."])
def test_a_form_used_in_several_countries_gives_candidates_not_a_guess(finder, text):
    (m,) = find_mentions(text)
    country, how, _ = place_entity(text, m, finder)
    assert country is None and len(m.candidates) > 1 and "used in" in how


def test_two_entities_joined_by_and_stay_two():
    names = [m.name for m in find_mentions("Helio Fitness Ltd and Helio Studios Limited are")]
    assert names == ["Helio Fitness Ltd", "Helio Studios Limited"]


# -- clauses ---------------------------------------------------------------------------------------

def _rules(kb, text: str) -> list[tuple[str, list[str], list[str]]]:
    p = ingest(text, kb=kb, fmt="markdown")
    return [(r.controller.name, r.locations, r.excepts) for r in p.rules if not r.default]


def test_if_you_live_in_clauses_and_everyone_else(kb):
    assert _rules(kb, "If you live in the EEA, Acme Ireland Limited is the controller; otherwise "
                      "the controller is Acme Inc.") == [
        ("Acme Ireland Limited", ["EEA"], []), ("Acme Inc.", ["*"], ["EEA"])]  # "otherwise":
    # everyone but the EEA


def test_representative_and_contact_address_are_not_controllers(kb):
    text = ("Acme Inc. is the controller of your data. Our representative under Article 27 GDPR "
            "is EU Rep GmbH, Berlin, Germany. Questions? Contact the controller, Acme Inc., or "
            "write to Acme Contact Services Ltd, 1 High Street, London, United Kingdom.")
    assert _rules(kb, text) == [("Acme Inc.", ["*"], [])]
    entities = {e.name: e for e in ingest(text, kb=kb).entities}
    assert "representative" in entities["EU Rep GmbH"].roles
    assert entities["EU Rep GmbH"].country == "DE"


def test_ownership_and_processors_are_not_data_control(kb):
    text = ("Acme Ltd is controlled by Acme Holdings Corp. Cloudy GmbH acts as our processor. "
            "Acme Ltd (Ireland) is the data controller.")
    assert _rules(kb, text) == [("Acme Ltd", ["*"], [])]


def test_places_come_from_the_heading_when_the_sentence_names_none(kb):
    text = "## Users in Japan\n\nKumo Kabushiki Kaisha is the controller of your data.\n"
    assert _rules(kb, text) == [("Kumo Kabushiki Kaisha", ["JP"], [])]


def test_no_everyone_else_rule_makes_the_issuer_the_proposed_default(kb):
    p = ingest('Acme SAS ("we") is the controller for users in France.', kb=kb)
    default = next(r for r in p.rules if r.default)
    assert default.controller.name == "Acme SAS" and default.confidence <= 0.5


@pytest.mark.parametrize("text,day", [
    ("25 May 2018", (dt.date(2018, 5, 25), "day")),
    ("May 25, 2018", (dt.date(2018, 5, 25), "day")),
    ("September 2016", (dt.date(2016, 9, 1), "month")),
    ("2021-01-01", (dt.date(2021, 1, 1), "day")),
    ("1st of January 2021", (dt.date(2021, 1, 1), "day")), ("no date", None)])
def test_dates(text, day):
    assert parse_day(text) == day


# -- input errors and output -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_input_is_an_input_error(kb, text):
    with pytest.raises(XborderInputError):
        ingest(text, kb=kb)


def test_the_authoring_file_is_complete_and_validates_with_the_shapes(kb):
    p = ingest("Zeta S.A. (\"we\") is the controller. Last updated: 2 March 2020.", kb=kb,
               org="Zeta Analytics", url="https://zeta.example/privacy")
    data = authoring(p)
    assert set(data) == {"organisation", "entities", "services", "documents", "rules",
                         "recipients", "safeguards"}
    assert data["documents"][0]["url"] == "https://zeta.example/privacy"
    assert data["documents"][0]["from"] == dt.date(2020, 3, 2)
    assert data["entities"][0]["country"] == "FR" and "check" in data["entities"][0]["note"]
    check(to_yaml(p), shapes=True)


def test_an_organisation_the_knowledge_base_has_loads_beside_it(kb):
    p = ingest("Huawei Device Co., Ltd. is the controller.", kb=kb, org="huawei")
    assert p.organisation["id"] == "huawei-proposed"
    assert p.entities[0].country == "CN" and p.entities[0].known
    check(to_yaml(p), shapes=False)


def test_write_atomic_leaves_no_half_written_file(tmp_path):
    target = tmp_path / "out.yaml"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
