"""`ingest` on the constructions rounds 6 and 8 taught in general, each as an invented example
(never a copy of a real excerpt): controllers named without a sentence on processing — the
company a policy calls "we", the only company it names, a company named by the role itself —,
public bodies named by their whole name, names in an identity block's fields, names with an
address or an e-mail between them and their role, and legal forms read across a sentence's
full stops, a bilingual form and Japanese text."""

from __future__ import annotations

from typing import Any

from xborder.graph.ingest import ingest
from xborder.graph.ingest.names import find_mentions


def _rules(kb, text: str, **kw: Any) -> set[tuple[tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb, **kw)
    return {(tuple(r.locations), r.controller.name) for r in p.rules if not r.default}


def _names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text)]


def test_the_company_the_policy_calls_we_is_proposed_for_everyone(kb):
    text = ("# Privacy\n\nLantern Maps Inc. (\"Lantern\", \"we\" or \"us\") respects the "
            "privacy of the people who use its maps.\n\nContact us at privacy@lantern.example.\n")
    p = ingest(text, name="policy.md", kb=kb)
    rule = next(r for r in p.rules if not r.default)
    assert (rule.locations, rule.controller.name) == (["*"], "Lantern Maps Inc.")
    assert rule.confidence == 0.5 and any("calls \"we\"" in n for n in rule.notes)


def test_the_only_company_a_policy_names_is_proposed_with_a_note(kb):
    text = ("# Who we are\n\nWe are Brindle Walks plc, 4 Mill Lane, Bristol BS1 4AA. We provide "
            "this website to dog walkers.\n")
    assert _rules(kb, text) == {(("*",), "Brindle Walks plc")}


def test_no_company_is_proposed_for_everyone_when_the_policy_splits_users_by_residence(kb):
    text = ("# Privacy\n\nLantern Maps Inc. (\"we\") respects your privacy. If you are a "
            "Qualifying Resident, other terms apply.\n")
    assert _rules(kb, text) == set()


def test_a_hosting_company_is_never_proposed_as_the_only_company(kb):
    text = "# Privacy\n\nThis site is hosted by Rackline Hosting Ltd on our behalf.\n"
    assert _rules(kb, text) == set()


def test_a_company_named_by_the_role_itself_is_the_controller(kb):
    text = ("Aviso de privacidad\n\nCafetal Norte, S.A. DE C.V. (en adelante, el “Responsable”), "
            "con domicilio en Avenida Uno 5, Monterrey, le informa sobre sus datos.\n")
    assert _rules(kb, text) == {(("*",), "Cafetal Norte S.A. DE C.V.")}


def test_a_public_body_is_named_by_its_whole_name(kb):
    assert _names("Verantwortlich ist das Bundesmusterschutzamt, Postfach 1, Bonn.") == \
        ["Bundesmusterschutzamt"]
    assert _names("le Ministère de la Mer et de l’Accès aux ports, 3 rue X") == \
        ["Ministère de la Mer et de l’Accès aux ports"]
    assert _names("il Ministero della Cultura, con sede") == ["Ministero della Cultura"]
    assert _names("des Bundesmusterschutzamtes") == []  # inflected: another word's genitive
    text = ("Datenschutzerklärung\n\n1. Verantwortlicher\n\nVerantwortlich für die Verarbeitung "
            "von personenbezogenen Daten ist das\n\nBundesmusterschutzamt\nMusterweg 1\n"
            "10115 Berlin\n")
    assert _rules(kb, text) == {(("*",), "Bundesmusterschutzamt")}


def test_the_name_field_of_an_identity_block_under_a_role_lead(kb):
    text = ("Informativa\n\n1. Titolare del trattamento\n\nIl titolare del trattamento è:\n\n"
            "- Denominazione: ORTO VIVO APS\n- Codice Fiscale: 00000000000\n"
            "- Sede legale: Via Roma 1, Trieste\n")
    assert _rules(kb, text) == {(("*",), "ORTO VIVO APS")}


def test_the_role_before_a_company_introduced_as_la_societe(kb):
    text = ("En tant que responsable du traitement des données vous concernant, la société "
            "Cinéplume, située au 2 rue Haute à Lyon, vous informe sur ses traitements.\n")
    assert _rules(kb, text) == {(("*",), "Cinéplume")}


def test_an_address_with_an_e_mail_between_a_name_and_its_quoted_role(kb):
    text = ("Marta Ruiz Peral, con domicilio en Calle Mayor 3, 28013, Madrid, y correo "
            "electrónico hola@taller.example , es el “controlador de datos” de su información.\n")
    assert _rules(kb, text) == {(("*",), "Marta Ruiz Peral")}


def test_legal_forms_across_full_stops_a_bilingual_form_and_japanese_text():
    assert _names("Cafetal Norte, S.A. DE C.V. (en adelante, el “Responsable”)") == \
        ["Cafetal Norte S.A. DE C.V."]
    assert _names("Ardenne Rail NV/SA, dont le siège est à Bruxelles") == ["Ardenne Rail NV/SA"]
    japanese = "本ポリシーはお客様とNorthwind Maps Ireland Limited(Northwind)との契約です。"
    assert _names(japanese) == ["Northwind Maps Ireland Limited"]
    assert _names("We’re Lantern Maps, Inc. and this is our policy") == ["Lantern Maps, Inc."]
    assert _names("2. ¿CUÁNDO SE ME APLICA ESTA POLÍTICA?") == []
    assert _names("Allianz-like Muster SE is the controller") == ["Allianz-like Muster SE"]


def test_everyone_else_excepts_the_places_the_other_rules_name(kb):
    text = ("Welcome to Orbitly, operated by Orbit Europe Limited for users located in the "
            "European Union, and operated by Orbit Labs, Inc. for all other users.\n")
    p = ingest(text, name="policy.md", kb=kb)
    rules = {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules}
    assert rules == {(("EU",), (), "Orbit Europe Limited"), (("*",), ("EU",), "Orbit Labs, Inc.")}
    rest = next(r for r in p.rules if r.excepts)
    assert any("everyone else" in n for n in rest.notes)


def test_a_rule_for_all_users_beside_a_regional_one_keeps_no_exceptions(kb):
    text = ("# Privacy\n\nOrbit Labs, Inc. is the controller for all users. For users in the EEA, "
            "Orbit Europe Limited is also a joint controller.\n")
    p = ingest(text, name="policy.md", kb=kb)
    assert (["*"], "Orbit Labs, Inc.") in [(r.locations, r.controller.name) for r in p.rules]
    assert all(not r.excepts for r in p.rules)


def test_the_places_of_the_law_a_clause_is_read_under_are_not_the_users(kb):
    text = ("**Data Controller:** For the purposes of EU and UK data protection legislation, "
            "Lantern Maps, LLC is the controller of your personal information.\n")
    assert _rules(kb, text) == {(("*",), "Lantern Maps, LLC")}
    de = ("Verantwortlicher im Sinne der EU-Datenschutzgrundverordnung sowie sonstiger in den "
          "Mitgliedstaaten der Europäischen Union geltenden Datenschutzgesetze ist der "
          "Musterverein Bonn e. V., Hauptstraße 1, 53111 Bonn.\n")
    assert _rules(kb, de) == {(("*",), "Musterverein Bonn e. V.")}


def test_an_exception_of_people_is_no_exception_of_places(kb):
    text = ("For individuals (excluding job applicants) resident in China, the controller of their "
            "personal information is Lantern Maps (Shanghai) Co., Ltd.\n")
    p = ingest(text, name="policy.md", kb=kb)
    assert {(tuple(r.locations), tuple(r.excepts)) for r in p.rules if not r.default} == \
        {(("CN",), ())}


def test_a_postal_code_town_and_country_end_an_address(kb):
    text = ("In unserer Datenschutzerklärung erläutern wir (die Musterputz GmbH, Hofgasse 3 / "
            "Stiege 2, 1230 Wien Österreich) als Betreiber der Plattform, welche Daten wir "
            "verarbeiten.\n")
    assert _rules(kb, text) == {(("*",), "Musterputz GmbH")}
    text = ("Lantern Games Ireland Limited is the data controller for your personal information, a "
            "registered company located at Harbour Retail Park, Co. Cork, Cork, Ireland.\n")
    assert _rules(kb, text) == {(("*",), "Lantern Games Ireland Limited")}


def test_a_company_acting_for_a_local_subsidiary_further_on_is_a_processor(kb):
    text = ("Lorsque vous achetez nos articles, Lantern Retail Ltd ou notre prestataire de "
            "services tiers Appelcentre EOOD, dont le siège social est situé à Sofia, Bulgarie, "
            "gère notre service client et échange avec vous pour le compte de la filiale locale "
            "auprès de laquelle vous avez effectué vos achats, qui est le responsable de "
            "traitement.\n")
    assert "Lantern Retail Ltd" not in {c for _l, c in _rules(kb, text)}
    assert _names("est : Lantern Ticino S.A.G.L., Via Roma 5") == ["Lantern Ticino S.A.G.L."]


def test_joint_controllers_with_the_role_in_quotes(kb):
    text = ("Pour la France, Lantern France SARL (société enregistrée en France) et Lantern Europe "
            "B.V. (société enregistrée aux Pays-Bas) sont les « responsables du traitement » "
            "conjoints des données recueillies lorsque vous utilisez le Service.\n")
    assert _rules(kb, text) == {(("FR",), "Lantern France SARL"),
                                (("FR",), "Lantern Europe B.V.")}


def test_a_title_line_names_the_edition_in_a_local_abbreviation(kb):
    text = ("Datenschutzerklärung (EWR)\n\nZuletzt aktualisiert: 1. März 2024\n\n"
            "Datenschutzrechtlich verantwortlich für deine Daten ist die Lantern Europe GmbH "
            "(„Lantern“, „wir“).\n")
    assert _rules(kb, text) == {(("EEA",), "Lantern Europe GmbH")}
    other = ("If you are visiting from the UK, please refer to Lantern UK Ltd\n\nWe, Lantern "
             "Europe GmbH, are the controller of your data.\n")
    assert (("GB",), "Lantern Europe GmbH") not in _rules(kb, other)


def test_the_name_a_policy_gives_as_its_own_when_it_names_no_company(kb):
    text = ("## About Us\n\nThis is a privacy policy for Harbour Rowing Club of Leith.\n\nWe "
            "collect your e-mail address when you join.\n")
    assert _rules(kb, text) == {(("*",), "Harbour Rowing Club of Leith")}
    nl = ("Privacybeleid\n\nBij Dansschool de Sprong gaan we zorgvuldig om met jouw privacy. Alle "
          "verwijzingen naar \"wij\" of \"ons\" moeten worden beschouwd als een verwijzing naar "
          "Dansschool de Sprong.\n")
    assert _rules(kb, nl) == {(("*",), "Dansschool de Sprong")}
    named = ("This is a privacy policy for Harbour Rowing Club. Harbour Rowing Ltd is the data "
             "controller.\n")
    assert _rules(kb, named) == {(("*",), "Harbour Rowing Ltd")}  # a company named: that one


def test_a_japanese_kk_without_dots_and_a_polish_street_abbreviation():
    assert _names("If you live in Japan, your entity is Lantern KK.") == ["Lantern KK"]
    text = "Lantern Polska sp. z o.o., ul. Mokotowska 5, 00-640 Warsaw, Poland, if the User is"
    p = ingest(text + " located in Poland.\n", name="policy.md")
    assert {(tuple(r.locations), r.controller.name) for r in p.rules if not r.default} == \
        {(("PL",), "Lantern Polska sp. z o.o.")}


def _pairs(kb, text: str) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules
            if not r.default}


def test_residence_conditions_in_japanese_chinese_and_korean(kb):
    ja = ("プライバシーポリシー\n\nお客様が日本にお住まいの場合、"
          "本ポリシーはお客様とランタン株式会社との契約となります。"
          "お客様が日本以外にお住まいの場合、"
          "本ポリシーはお客様とLantern Global Limitedとの契約となります。\n")
    assert _pairs(kb, ja) == {(("JP",), (), "ランタン株式会社"),
                              (("*",), ("JP",), "Lantern Global Limited")}
    zh = "隐私政策\n\n如果您居住在中国大陆以外的地区，您的数据由Lantern Global Limited处理。\n"
    assert _pairs(kb, zh) == {(("*",), ("CN",), "Lantern Global Limited")}
    ko = ("개인정보 처리방침\n\n유럽경제지역에 거주하는 경우 "
          "Lantern Europe B.V.가 귀하의 정보를 처리합니다.\n")
    assert _pairs(kb, ko) == {(("EEA",), (), "Lantern Europe B.V.")}


def test_places_and_residence_in_nordic_and_polish_wording(kb):
    sv = ("Om du bor i Storbritannien är Lantern UK Ltd personuppgiftsansvarig. Om du bor i "
          "Europeiska ekonomiska samarbetsområdet är Lantern Europe AB personuppgiftsansvarig.\n")
    assert _pairs(kb, sv) == {(("GB",), (), "Lantern UK Ltd"), (("EEA",), (), "Lantern Europe AB")}
    pl = "Jeśli mieszkasz w Niemczech, administratorem danych jest Lantern Polska sp. z o.o.\n"
    assert ("Lantern Polska sp. z o.o.") in {c for _l, _e, c in _pairs(kb, pl)}


def test_we_defined_in_swedish_names_the_controller(kb):
    text = ("Integritetspolicy\n\nLantern Norden AB (”Lantern”, ”vi”, ”oss”) respekterar din "
            "integritet och behandlar dina personuppgifter varsamt.\n")
    assert _pairs(kb, text) == {(("*",), (), "Lantern Norden AB")}


def test_a_sole_trader_and_the_company_carrying_out_the_processing(kb):
    de = ("Datenschutz\n\nBetreiber der Internetseite ist der Reiterhof „Sonnenwiese“, geführt von "
          "der Inhaberin Greta Lindqvist.\n")
    assert _pairs(kb, de) == {(("*",), (), "Greta Lindqvist")}
    pt = ("Apresentação\n\nEsta Política trata das operações de tratamento de dados pessoais "
          "realizadas pela LUMEN LOG.\n")
    assert _pairs(kb, pt) == {(("*",), (), "LUMEN LOG")}


def test_a_plural_role_lead_and_a_name_before_its_vat_number(kb):
    text = ("Contitolari del trattamento sono le seguenti società:\nMarta Bellini, P.Iva "
            "01234567890 – Via Roma 1, 20100 Milano\n")
    assert ("Marta Bellini") in {c for _l, _e, c in _pairs(kb, text)}


def test_a_bracket_restating_an_exception_list_stays_in_it(kb):
    de = ("Lantern, Inc. ist Verantwortlicher, falls Sie außerhalb des Europäischen "
          "Wirtschaftsraums (EWR) ansässig sind.\n")
    assert _pairs(kb, de) == {(("*",), ("EEA",), "Lantern, Inc.")}
    pt = ("Caso resida fora dos Estados Unidos da América, Canadá e México (“América do Norte”), "
          "o seu contrato é com a Lantern Global Limited.\n")
    assert _pairs(kb, pt) == {(("*",), ("US", "CA", "MX"), "Lantern Global Limited")}


def test_a_policy_that_widens_the_eea_in_passing(kb):
    text = ("If You reside in a country that is part of the European Economic Area, United "
            "Kingdom, or Switzerland (collectively referred to as “EEA” unless otherwise stated), "
            "any reference to “we” refers to “Lantern SA”. If You reside in a country outside of "
            "the EEA, any reference to “we” refers to “Lantern Inc.”.\n")
    assert (("*",), ("CH", "EEA", "GB"), "Lantern Inc.") in _pairs(kb, text)


def test_if_it_is_not_in_a_place_is_everyone_else(kb):
    text = ("If your primary residence is in the United States of America, your agreement is with "
            "Lantern Games, Inc. If it is not in the United States of America, your agreement is "
            "with Lantern Games Europe GmbH.\n")
    assert _pairs(kb, text) == {(("US",), (), "Lantern Games, Inc."),
                                (("*",), ("US",), "Lantern Games Europe GmbH")}


def test_companies_listed_with_their_users_places_in_brackets(kb):
    text = ("Integritetspolicy\n\nLantern UK Limited, registered address: 1 High Street, London, "
            "England (för Storbritannien)\nLantern Europe B.V., registered address: Hofplein 2, "
            "Rotterdam, Nederländerna (för Tyskland)\n(häri kallad ”Lantern”, ”vi” eller ”oss”) "
            "har åtagit sig att skydda din integritet.\n")
    assert {(("GB",), (), "Lantern UK Limited"), (("DE",), (), "Lantern Europe B.V.")} <= \
        _pairs(kb, text)
    assert not any(where == ("NL",) for where, _e, _c in _pairs(kb, text))  # the address's


def test_a_street_ends_a_foundations_name():
    assert _names("de Stichting Vrienden van het Museum Kerkstraat 1, Utrecht") == \
        ["Stichting Vrienden van het Museum"]
