"""`ingest` on the constructions round 6 reads, each as an invented example (never a copy of a
real excerpt): section numbers and one-letter words that are no places, seats written in
brackets after a name, "we" defined before the name it stands for, and others added below."""

from __future__ import annotations

from typing import Any

from xborder.graph.ingest import ingest


def _rules(kb, text: str, **kw: Any) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb, **kw)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules
            if not r.default}


def test_a_roman_section_number_or_a_one_letter_word_is_no_place(kb):
    text = ("Datenschutzerklärung\n\nI. Allgemeines\nDie Beispiel Werkzeug GmbH (im Folgenden "
            "„Wir“) als Betreiber der Website nimmt den Schutz personenbezogener Daten ernst und "
            "verarbeitet personenbezogene Daten vertraulich.\n")
    assert _rules(kb, text) == {(("*",), (), "Beispiel Werkzeug GmbH")}
    p = ingest("Datenschutz hat für uns bei B&I GmbH einen hohen Stellenwert.\n",
               name="p.md", kb=kb)
    assert [e.country for e in p.entities if e.name == "B&I GmbH"] == [None]


def test_a_seat_in_brackets_after_the_name_is_no_user_place(kb):
    text = ("The company responsible for handling your personal data is examplevpn S.A. "
            "(Harbour Tower, 12th Street, Suite 4, Floor 9, Panama City, Republic of Panama).\n")
    assert _rules(kb, text) == {(("*",), (), "examplevpn S.A.")}


def test_registered_offices_in_the_plural_are_the_seat(kb):
    text = ("Paperly is operated and controlled by Paperly Works Ltd, with registered offices "
            "at 4 Sample Street, London, United Kingdom, AB1 2CD.\n")
    assert _rules(kb, text) == {(("*",), (), "Paperly Works Ltd")}


def test_we_defined_before_the_name_it_stands_for(kb):
    text = ("All references in this policy to \"Pebble\", \"we\", \"us\" or \"our\" refer to "
            "Pebble Apps LLC, its parents and its subsidiaries such as Pebble Canada Inc. This "
            "Policy explains how Pebble Apps LLC processes your Personal Information.\n")
    p = ingest(text, name="p.md", kb=kb)
    we = [e for e in p.entities if e.we]
    assert [e.name for e in we] == ["Pebble Apps LLC"] and "Pebble" in we[0].aliases
    assert _rules(kb, text) == {(("*",), (), "Pebble Apps LLC")}


def test_nous_designent_before_the_name_and_nous_sommes_le_responsable(kb):
    text = ("« Galet », « nous » ou « notre » désignent le groupe qui comprend Galet Conseil "
            "SARL, dont le siège social est situé 1 rue Exemple, 75001 Paris.\n\n"
            "Nous sommes le Responsable de Traitement des données collectées sur le site.\n")
    assert _rules(kb, text) == {(("*",), (), "Galet Conseil SARL")}


def test_noi_cioe_the_town_council_siamo_il_titolare(kb):
    text = ("Per la normativa sul trattamento dei dati personali:\n\n"
            "- Noi, cioè Comune di Borgoesempio, proprietario di questo sito, siamo il "
            "“Titolare” del Trattamento;\n- Lei è “l’Interessato”.\n")
    assert _rules(kb, text) == {(("*",), (), "Comune di Borgoesempio")}


def test_a_chinese_brand_defined_as_the_company_and_as_we(kb):
    text = ("欢迎您使用我们的产品！示例公司（本隐私政策中指北京示例网络科技有限公司，"
            "以下亦称“我们”）非常重视您的个人信息保护。\n")
    p = ingest(text, name="p.md", kb=kb)
    assert [e.name for e in p.entities] == ["北京示例网络科技有限公司"]
    assert _rules(kb, text) == {(("*",), (), "北京示例网络科技有限公司")}


def test_a_role_lead_with_abbreviated_article_numbers(kb):
    text = ("1. Name und Anschrift des Verantwortlichen\nVerantwortlicher gemäß Art. 4 Abs. 7 "
            "DSGVO ist:\nB&K GmbH\nMusterstraße 3\n12345 Musterstadt\n2. Datenerfassung\n")
    assert _rules(kb, text) == {(("*",), (), "B&K GmbH")}


def test_who_is_officially_responsible_heading_then_the_name(kb):
    text = ("### 2. Who is officially responsible for processing the data?\n\n"
            "**Example Hosting GmbH**  \nSample Street 25  \n12345 Sampletown  \nGermany  \n\n"
            "You can find more information about our company in our legal notice.\n")
    assert _rules(kb, text) == {(("*",), (), "Example Hosting GmbH")}


def test_a_dpo_label_on_a_later_line_heads_only_the_lines_after_it(kb):
    text = ("Titolare del Trattamento dei Dati\nComune di Borgoprova\nPiazza Grande, 1, 00010\n"
            "Email: comune@example.it\nResponsabile della Protezione dei Dati\nESEMPIO SRL\n"
            "Sede legale in Via Roma 3 - 00055 Città (RM)\n")
    assert _rules(kb, text) == {(("*",), (), "Comune di Borgoprova")}


def test_a_cooperative_and_a_benefit_company_keep_their_whole_form(kb):
    text = ("Data controller is Casaverde Network Società Cooperativa, with its registered "
            "offices in Bologna, via Esempio 1-3.\n")
    assert _rules(kb, text) == {(("*",), (), "Casaverde Network Società Cooperativa")}
    text = ("Los datos son tratados por ESEMPIO S.R.L. SB, sociedad constituida de conformidad "
            "con la legislación italiana, como responsable del tratamiento.\n")
    assert {r[2] for r in _rules(kb, text)} == {"ESEMPIO S.R.L. SB"}


def test_a_name_written_without_its_form_is_the_entity_with_it(kb):
    text = ("EXEMPLE DUPONT SARL (ci-après « nous ») exploite le site internet www.exemple.fr.\n\n"
            "La présente politique s’applique aux plateformes exploitées par Exemple Dupont.\n")
    p = ingest(text, name="p.md", kb=kb)
    assert [e.name for e in p.entities] == ["EXEMPLE DUPONT SARL"]
    assert _rules(kb, text) == {(("*",), (), "EXEMPLE DUPONT SARL")}


def test_a_written_out_form_with_a_capital_and_published_by(kb):
    text = ("Le Site et l’Application sont édités par la Société ZENBIEN, Société par actions "
            "simplifiée au capital de 1.000 euros (ci-après « ZENBIEN »), dont le siège social est "
            "situé 1 rue Exemple, 59000 Lille, France.\n")
    p = ingest(text, name="p.md", kb=kb)
    assert [(e.name, e.country) for e in p.entities] == [("ZENBIEN", "FR")]
    assert _rules(kb, text) == {(("*",), (), "ZENBIEN")}


def test_operating_the_site_on_behalf_of_its_own_group_is_no_processor(kb):
    text = ("Welkom op de website die Voorbeeld Muziek (Benelux) B.V., (\"Voorbeeld\", \"wij\") "
            "exploiteert namens alle leden van de Voorbeeld groep van bedrijven.\n")
    assert _rules(kb, text) == {(("*",), (), "Voorbeeld Muziek (Benelux) B.V.")}


def test_offered_directly_by_names_the_provider(kb):
    text = ("This Privacy Statement describes the personal data we collect to provide products "
            "and services offered directly by Sample Meetings, Inc. (“Sample”).\n")
    assert _rules(kb, text) == {(("*",), (), "Sample Meetings, Inc.")}


def test_a_long_role_phrase_before_es_and_the_address_with_contact_details(kb):
    text = ("1.2 El responsable del tratamiento de los datos en este sitio web en virtud del "
            "Reglamento General de Protección de Datos (RGPD) es Ejemplo Maschinen GmbH, "
            "Musterweg 1, 12345 Musterstadt, Deutschland, Tel.: +49 000 000, E-Mail: a@b.de.\n")
    assert _rules(kb, text) == {(("*",), (), "Ejemplo Maschinen GmbH")}


def test_an_eu_representative_in_the_first_heading_is_no_regional_edition(kb):
    text = ("**3.3. Data Controller; EU Representative; Data Protection Officers**:\n\n"
            "(a) in this case, your data controller is Sample Dating Corp., a company with its "
            "registered address at 1 Main Street, Las Vegas, NV 89108, United States of America;\n")
    assert _rules(kb, text) == {(("*",), (), "Sample Dating Corp.")}


def test_joint_controllers_one_named_by_its_short_name(kb):
    text = ("Chez Example Holdings, Inc. dba Trotti et ses sociétés affiliées (collectivement "
            "« Trotti », « nous »), nous collectons vos données.\n\n"
            "Lorsque Trotti utilise un pixel, Trotti et Meta Ireland sont responsables conjoints "
            "du traitement.\n")
    names = {r[2] for r in _rules(kb, text)}
    assert names == {"Example Holdings, Inc.", "Meta Ireland"}


def test_a_country_table_under_a_blank_header_with_continued_rows_and_a_rest_bucket(kb):
    text = ("Le responsable du traitement dépend de votre pays.\n\n"
            "|     |     |     |     |\n| --- | --- | --- | --- |\n"
            "| **VOTRE PAYS DE RÉSIDENCE** | **VOTRE ACTIVITÉ** | **VOTRE RESPONSABLE DU "
            "TRAITEMENT** | **ADRESSE POSTALE** |\n"
            "| **EEE** | Paiements. | Exemple Paiements Luxembourg SA | 2 Rue Exemple, "
            "Luxembourg, Luxembourg |\n"
            "| […] | | | |\n"
            "|     | Toute autre activité. | Exemple Ireland UC | 1 Quay, Dublin 1, Irlande |\n"
            "| **États-Unis** | Toute activité. | Exemple, Inc. | 1 Main Street, San Francisco, "
            "États-Unis |\n"
            "| **Tous les pays non énumérés ci-dessus, à l'exception de la Chine** | Toute "
            "activité. | Exemple Ireland UC | 1 Quay, Dublin 1, Irlande |\n")
    assert _rules(kb, text) == {
        (("EEA",), (), "Exemple Paiements Luxembourg SA"), (("EEA",), (), "Exemple Ireland UC"),
        (("US",), (), "Exemple, Inc."), (("*",), ("EEA", "US", "CN"), "Exemple Ireland UC")}


def test_a_provider_table_far_from_any_controller_sentence(kb):
    text = ("Intro about us.\n\nMore text.\n\nEven more.\n\nOne more.\n\nAnd another.\n\n"
            "Still more.\n\nLast.\n\nOUTSIDE EU\n\n"
            "| Where You Reside | Services Provided | Your Service Provider | Contact Address |\n"
            "| --- | --- | --- | --- |\n"
            "| United Kingdom (and select non-EEA countries in Europe) | E-Money | Sample "
            "Payments Ltd | 1 Lime Street, London, United Kingdom |\n"
            "| Anywhere but the USA, UK, certain APAC regions, EEA | Assets | Sample Islands "
            "Limited | Park Place, Hamilton, Bermuda |\n")
    assert _rules(kb, text) == {(("GB",), (), "Sample Payments Ltd"),
                                (("*",), ("US", "GB", "EEA"), "Sample Islands Limited")}


def test_a_korean_public_corporation_that_processes_personal_data(kb):
    text = "• 한라관광공사는 다음의 목적을 위하여 개인정보를 처리합니다.\n"
    assert _rules(kb, text) == {(("*",), (), "한라관광공사")}


def test_the_company_named_after_c_o_is_the_address_not_the_controller(kb):
    text = ("Name und Anschrift des Verantwortlichen\nVerantwortlich ist:\nVerein Beispiel\n"
            "c/o Muster Rechtsanwaltsgesellschaft mbH\nHolbeinstraße 2\n04229 Leipzig\n")
    assert "Muster Rechtsanwaltsgesellschaft mbH" not in {r[2] for r in _rules(kb, text)}


def test_a_lower_case_brand_with_its_country_and_bv_after_the_role_and_a_colon(kb):
    text = ("Deze verklaring regelt de verwerking van je persoonsgegevens door de "
            "verantwoordelijke voor de verwerking: fotoprint Nederland bv, Beursstraat 1, "
            "7551 HP Hengelo, Nederland.\n")
    assert _rules(kb, text) == {(("*",), (), "fotoprint Nederland bv")}


def test_plc_and_a_joint_controller_named_without_a_form_before_its_short_name(kb):
    text = ("**Controller**\n\nSocialbook Ireland (“Socialbook”) and Rail-Group Plc act as joint "
            "controllers with regard to the fan pages, under the General Data Protection "
            "Regulation (“GDPR”).\n")
    p = ingest(text, name="p.md", kb=kb)
    assert [e.name for e in p.entities if e.name.endswith("Plc")] == ["Rail-Group Plc"]
    assert _rules(kb, text) == {(("*",), (), "Socialbook Ireland"), (("*",), (), "Rail-Group Plc")}


def test_the_eu_of_within_the_meaning_of_its_laws_is_no_user_place(kb):
    text = ("I. Verantwortlichkeit\n\nVerantwortliche im Sinne der DSGVO und anderer nationaler "
            "Gesetze der Mitgliedsstaaten der Europäischen Union ist:\n\nErika Beispiel\n"
            "Bergstrasse 5\n8212 Neuhausen\nSchweiz\n")
    assert _rules(kb, text) == {(("*",), (), "Erika Beispiel")}


def test_a_sole_trader_after_es_colon_with_titles_before_the_name(kb):
    text = ("1.2 El responsable del tratamiento de datos en nuestro sitio web, en el sentido del "
            "RGPD, es:\nDipl. Betriebswirt (FH) Kaufmann (IHK) Hans Beispiel\nMusterstr. 7\n"
            "81373 München\n")
    assert _rules(kb, text) == {(("*",), (), "Hans Beispiel")}


def test_collected_by_an_elided_acronym_as_the_controller(kb):
    text = ("* **Responsable du traitement :** les données personnelles sont collectées par "
            "l’HP-EX, en tant que responsable de traitement au sens du RGPD.\n")
    assert _rules(kb, text) == {(("*",), (), "HP-EX")}


def test_a_chinese_name_with_a_bracketed_place_inside(kb):
    text = ("本政策仅适用于示例健康管理咨询(上海)有限公司(以下简称“我们”)向用户提供的服务。"
            "我们如何收集和使用您的个人信息。\n")
    p = ingest(text, name="p.md", kb=kb)
    assert [e.name for e in p.entities] == ["示例健康管理咨询(上海)有限公司"]
    assert _rules(kb, text) == {(("*",), (), "示例健康管理咨询(上海)有限公司")}


def test_the_eu_in_a_regulation_s_name_is_no_user_place(kb):
    text = ("Exemple Air DAC est le « responsable du traitement » de toutes les données "
            "personnelles collectées aux fins du Règlement général sur la protection des données "
            "de l’UE (RGPD).\n")
    assert _rules(kb, text) == {(("*",), (), "Exemple Air DAC")}


def test_a_dutch_name_with_en_inside_and_said_twice_after_its_form(kb):
    p = ingest("Hiermee bedoelen we Voorbeeld Advies en Bemiddeling N.V. Voorbeeld Advies en "
               "Bemiddeling N.V. heeft ook andere handelsnamen.\n", name="p.md", kb=kb)
    assert [e.name for e in p.entities] == ["Voorbeeld Advies en Bemiddeling N.V."]


def test_the_only_company_named_in_an_opening_sentence_on_processing_personal_data(kb):
    text = ("Your privacy is of great importance to NACHT B.V. (hereinafter: NACHT). During the "
            "processing of your personal data via the NACHT app, NACHT works in accordance with "
            "the GDPR.\n\n### Contact details\n\nNACHT B.V.  \nKade 7  \n1013AA Amsterdam\n")
    assert _rules(kb, text) == {(("*",), (), "NACHT B.V.")}


def test_a_sole_hosting_company_is_not_read_as_the_issuer_s_controller(kb):
    text = ("This website is hosted by Example Hosting GmbH, which processes personal data on our "
            "behalf.\n")
    assert _rules(kb, text) == set()


def test_the_role_on_its_own_line_after_the_name_s_paragraph(kb):
    text = ("La società Esempio Tech S.r.l. in persona dell’amministratore unico, con sede in Via "
            "Roma 1, Napoli (NA), indirizzo pec: esempio@pec.it,\n\n"
            "NELLA QUALITÀ DI TITOLARE DEL TRATTAMENTO\n\nInforma\n\n"
            "che il trattamento dei dati personali degli utenti avverrà come descritto.\n")
    assert _rules(kb, text) == {(("*",), (), "Esempio Tech S.r.l.")}


def test_a_list_of_group_companies_by_country_far_from_a_cue_gives_no_rules(kb):
    text = ("Intro.\n\nMore.\n\nEven more.\n\nOne more.\n\nAnother.\n\nStill more.\n\nLast.\n\n"
            "Our offices around the world:\n\n| Country | Company | Address |\n"
            "| --- | --- | --- |\n"
            "| Germany | Sample Deutschland GmbH | Musterweg 1, Berlin |\n"
            "| France | Sample France SAS | 1 rue Exemple, Paris |\n")
    assert _rules(kb, text) == set()


def test_we_are_responsible_for_something_else_is_no_controller_claim(kb):
    text = ("Die Beispiel Verlag GmbH (im Folgenden „wir“) betreibt diese Website.\n\n"
            "Wir sind verantwortlich für die Inhalte dieser Seiten.\n")
    rules = ingest(text, name="p.md", kb=kb).rules
    assert all("Inhalte" not in r.evidence.quote for r in rules if not r.default)


def test_a_bracket_of_users_places_after_the_name_is_not_a_seat(kb):
    text = ("Your data controller is Sample Europe Limited (if you live in the United Kingdom or "
            "Ireland).\n")
    assert _rules(kb, text) == {(("GB", "IE"), (), "Sample Europe Limited")}


def test_an_inverted_dutch_clause_with_als_verwerkingsverantwoordelijke(kb):
    text = ("In overeenstemming met de AVG kwalificeren Voorbeeld International B.V. en de "
            "entiteit met wie u in contact bent (hierna: wij, ons) als "
            "verwerkingsverantwoordelijke.\n")
    assert _rules(kb, text) == {(("*",), (), "Voorbeeld International B.V.")}


def test_or_its_affiliate_after_an_address_names_both(kb):
    text = ("Paperly is operated and controlled by Paperly Works Ltd (formerly Papyrus Ltd), with "
            "registered offices at 4 Sample Street, London, United Kingdom, AB1 2CD or its "
            "affiliate, Paperly Research Inc. in the case of sales resources.\n")
    assert {r[2] for r in _rules(kb, text)} == {"Paperly Works Ltd", "Paperly Research Inc."}


def test_all_data_subjects_is_everyone_even_under_a_regional_heading(kb):
    text = ("### 6. NOTICE TO EU AND UK RESIDENTS\n\nSample Networks, Inc. is a data controller "
            "for the personal information collected from all categories of data subjects listed "
            "above.\n")
    assert _rules(kb, text) == {(("*",), (), "Sample Networks, Inc.")}


def test_if_you_are_visiting_from_a_country_please_refer_to_a_company(kb):
    text = ("If you are visiting from the UK, please refer to [Sample Rides UK Ltd]"
            "(https://example.com/uk/).\n\nWe, Sample Rides GmbH (\"Sample\"), protect your "
            "personal data.\n")
    assert (("GB",), (), "Sample Rides UK Ltd") in _rules(kb, text)


def test_a_trading_name_stands_for_its_company(kb):
    text = ("Lumo is the trading name of Lumo Energy Supply Limited, a company registered in "
            "Ireland.\n\nLumo is the data controller of your personal data.\n")
    assert _rules(kb, text) == {(("*",), (), "Lumo Energy Supply Limited")}
    p = ingest("a) La compañía: Será Ejemplo Pagos S.A.S., identificada con el NIT 1.\n",
               name="p.md", kb=kb)
    assert [e.name for e in p.entities] == ["Ejemplo Pagos S.A.S."]


def test_a_one_column_table_of_paragraphs_with_short_names_and_et_avec(kb):
    text = ("| ### A. Responsables du traitement |\n| --- |\n"
            "| Exemple Technologies Inc. (« ETI ») est responsable du traitement des données dans "
            "le monde, sauf dans les cas suivants :<br><br>* ETI et Exemple Pagos Mexico, S.A. de "
            "C.V., sont responsables du traitement des données des utilisateurs au Mexique.<br><br>"
            "* ETI et Exemple B.V. sont conjointement responsables du traitement, avec Exemple "
            "Payments BV, des données des utilisateurs dans l'EEE, et avec Exemple Payments UK "
            "Ltd. pour les utilisateurs au Royaume-Uni. |\n")
    rules = _rules(kb, text)
    assert {(("*",), (), "Exemple Technologies Inc."), (("MX",), (), "Exemple Technologies Inc."),
            (("GB",), (), "Exemple Payments UK Ltd.")} <= rules
    assert (("EEA",), (), "Exemple Payments BV") in rules or \
        (("EEA",), (), "Exemple Payments BV") in {(r[0][:1], r[1], r[2]) for r in rules}
    assert not any(r[2] == "Exemple Payments UK Ltd." and "EEA" in r[0] for r in rules)


def test_a_one_column_controller_table_with_a_short_address_stays_a_row(kb):
    text = "| Data controller |\n| --- |\n| Sample Tools Ltd<br><br>1 Main Street, London |\n"
    assert {r[2] for r in _rules(kb, text)} == {"Sample Tools Ltd"}


def test_a_desk_on_the_line_after_the_role_lead_is_no_controller(kb):
    text = ("1.2 El responsable del tratamiento de datos en nuestro sitio web es:\nPrivacy Team\n"
            "Calle Ejemplo 7\n28001 Madrid\n")
    assert _rules(kb, text) == set()


def test_a_lower_case_bv_after_common_words_is_no_company():
    from xborder.graph.ingest.names import find_mentions
    assert find_mentions("Denk aan bv cookies en andere technieken.") == []
