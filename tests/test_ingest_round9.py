"""`ingest` on the constructions round 7 (tuning on rounds 9 and 10) taught in general, each as
an invented example (never a copy of a real excerpt): legal forms written in lower case or
without their last full stop, Mexican, Greek and Luxembourg forms, "Company" as the end of a
name, companies listed a paragraph each under "which company … depends on where …", the company
a policy means by "we" when it says so in words, a parent named as "subsidiary or affiliated
entity of", and Latin or traditional-Chinese names before a CJK form."""

from __future__ import annotations

from typing import Any

from xborder.graph.ingest import ingest
from xborder.graph.ingest.evaluate import canon
from xborder.graph.ingest.names import find_mentions


def _rules(kb, text: str, **kw: Any) -> set[tuple[tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb, **kw)
    return {(tuple(r.locations), r.controller.name) for r in p.rules if not r.default}


def _full(kb, text: str) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    p = ingest(text, name="policy.md", kb=kb)
    return {(tuple(r.locations), tuple(r.excepts), r.controller.name) for r in p.rules
            if not r.default}


def _names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text)]


def test_legal_forms_in_lower_case_and_without_their_last_full_stop():
    text = ("Partners: Ramble Spain s.l., Ramble Milano s.r.l., VERDE FRANCE, S.A.R.L and "
            "Toucan Pagos, S.A.P.I. de C.V. and Olive Travel Services M.E.P.E. and Quill "
            "(Europe) S.à r.l. et Cie, S.C.A. are named here.")
    assert _names(text) == ["Ramble Spain s.l.", "Ramble Milano s.r.l.", "VERDE FRANCE S.A.R.L",
                            "Toucan Pagos S.A.P.I. de C.V.", "Olive Travel Services M.E.P.E.",
                            "Quill (Europe) S.à r.l. et Cie, S.C.A."]


def test_company_ends_a_name_of_two_words_or_more_but_is_no_name_alone():
    assert _names("The Harbor Daily Times Company publishes this site.") == \
        ["Harbor Daily Times Company"]
    assert _names("Our Parent Company and each Group Company may process data.") == []
    assert _names("Brindle Walks Limited. Company No: 0123456.") == ["Brindle Walks Limited"]


def test_a_leading_the_does_not_make_another_company():
    assert canon("The Harbor Company Limited") == canon("Harbor Company Ltd")


def test_companies_listed_a_paragraph_each_by_where_the_customer_is(kb):
    text = ("# About us\n\nWhich of our companies you contract with depends on where your shop "
            "is located:\n\nIn Great Britain – Ramble Limited: 2 Mill Lane, London\n\n"
            "In Spain – Ramble Spain s.l.: Calle Mayor 3, Madrid, Spain\n\n"
            "In Greece - Olive Travel Services M.E.P.E.: Odos 4, Athens\n")
    assert _rules(kb, text) == {(("GB",), "Ramble Limited"), (("ES",), "Ramble Spain s.l."),
                                (("GR",), "Olive Travel Services M.E.P.E.")}


def test_a_representative_listed_a_line_per_place_is_no_controller(kb):
    text = ("# Privacy\n\nQuill Apps Inc. is the controller of your data.\n\nWe have appointed "
            "Veramark as our representative in the EEA and the UK. Alternatively:\n\n"
            "* For users in the EEA: write to Veramark Ireland Ltd, 1 Quay St, Cork.\n"
            "* For users in the UK: write to Veramark UK Ltd., 2 Strand, London.\n")
    assert _rules(kb, text) == {(("*",), "Quill Apps Inc.")}


def test_the_company_a_policy_means_by_we_when_it_says_so_in_words(kb):
    text = ("# Privacy\n\nWhen we talk about Parcelo, we mean Parcelo Sweden AB (org no. "
            "556000-0000). If you apply for a job, it refers instead to Parcelo AB.\n\n"
            "Parcelo processes your personal data as a data controller.\n")
    assert _rules(kb, text) == {(("*",), "Parcelo Sweden AB")}
    text = ("# Contact\n\nBrindle Media Company is referred to in this Privacy Policy as "
            "“Brindle,” “we” or “our.” Some Brindle Services are run by Brindle Labs, Inc.\n")
    p = ingest(text, name="policy.md", kb=kb)
    assert next(e for e in p.entities if e.name == "Brindle Media Company").we


def test_the_company_named_after_subsidiary_or_affiliated_entity_of_is_a_parent(kb):
    text = ("# Privacy\n\nThe controller is the subsidiary or affiliated entity of Harbor "
            "Holdings, Inc. that collects your data.\n")
    p = ingest(text, name="policy.md", kb=kb)
    assert "parent" in next(e for e in p.entities if e.name == "Harbor Holdings, Inc.").roles


def test_latin_and_traditional_chinese_names_before_a_cjk_form():
    assert _names("本サイトはBRINDLE WALKS JAPAN株式会社が運営します。") == \
        ["BRINDLE WALKS JAPAN株式會社".replace("會", "会")]
    assert _names("為本協議之目的,“拾光”是指廣州拾光網絡科技有限公司和/或其關聯公司") == \
        ["廣州拾光網絡科技有限公司"]


def test_the_dpo_of_the_controller_is_no_controller_and_the_controller_keeps_its_name(kb):
    text = ("# Datenschutz\n\nVerantwortliche Stelle ist die: Brindle Reisen GmbH, Hafenweg 2, "
            "20457 Hamburg, Deutschland Unser Datenschutzbeauftragter ist erreichbar unter "
            "dsb@brindle.example.\n\nDer Datenschutzbeauftragte des Verantwortlichen ist: "
            "Quillcheck GmbH, Ringstr. 5, 80331 München.\n")
    assert _rules(kb, text) == {(("*",), "Brindle Reisen GmbH")}


def test_a_seat_in_polish_is_no_user_location(kb):
    text = ("# Polityka prywatności\n\nAdministratorem danych osobowych jest Brindle Games "
            "Limited zarejestrowany w Dublinie, Irlandia.\n")
    assert _rules(kb, text) == {(("*",), "Brindle Games Limited")}


def test_the_entity_that_provides_the_services_in_a_country_is_its_controller(kb):
    text = ("# Privacy\n\nStripe-like Payments Inc. and its affiliates (\"we\") provide payment "
            "services.\n\n## Australian residents\n\nThe entity that provides the Services in "
            "Australia is Quillpay Australia Pty Ltd, 1 George St, Sydney.\n")
    assert (("AU",), "Quillpay Australia Pty Ltd") in _rules(kb, text)


def test_several_japanese_residence_conditions_in_one_sentence_and_the_other_countries(kb):
    text = ("# 利用規約\n\n貴殿がアメリカ合衆国、カナダに居住している場合、本契約は貴殿とQuill "
            "Games Inc.の間で締結されます。貴殿がその他の国に居住している場合、本契約は貴殿と"
            "Quill Games Sàrlの間で締結されます。\n\n「Quill」とは、お客様が米国在住の場合は"
            "Quill Games Inc.を指し、日本在住の場合は、クイル株式会社を指します。\n")
    got = _full(kb, text)
    assert (("US", "CA"), (), "Quill Games Inc.") in got
    assert (("*",), ("US", "CA", "JP"), "Quill Games Sàrl") in got
    assert (("JP",), (), "クイル株式会社") in got


def test_a_chinese_condition_listing_several_places_names_them_all():
    from xborder.graph.ingest.cjkplaces import cjk_name
    assert cjk_name("美国、加拿大或日本") == ("US", "CA", "JP")
    assert cjk_name("中国大陆以外") == ("CN",)


def test_both_companies_of_the_sentence_before_are_joint_controllers(kb):
    text = ("# Política de privacidade\n\nQuill Mobilidade, S.L. e Quill Brasil Transportes "
            "LTDA. Ambas tratamos os seus dados pessoais como corresponsáveis do tratamento.\n")
    assert _rules(kb, text) == {(("*",), "Quill Mobilidade S.L."),
                                (("*",), "Quill Brasil Transportes LTDA.")}
    text = ("# Privacy\n\nQuill Ltd, a subsidiary of Quill Holdings Inc. Both of them are joint "
            "controllers.\n")
    assert (("*",), "Quill Holdings Inc.") not in _rules(kb, text)


def test_contract_wording_in_dutch_and_outside_x_but_not_in_y(kb):
    text = ("# Gebruiksvoorwaarden\n\nAls u een gebruiker bent die zich buiten de Verenigde "
            "Staten maar niet in Australië bevindt, gaat u een contract aan met Quill Ireland, "
            "Ltd., 1 Quay Street, Dublin 2, Ierland. Als u in Australië bent gevestigd, dan sluit "
            "u een contract met Quill Australia Pty Ltd, 1 George Street, Sydney.\n")
    got = _full(kb, text)
    assert got == {(("*",), ("US", "AU"), "Quill Ireland, Ltd."),
                   (("AU",), (), "Quill Australia Pty Ltd")}


def test_if_you_live_anywhere_else_is_everyone_but_the_other_rules_places(kb):
    for text in ("# Vilkår\n\nHvis du bor i EØS, er disse vilkårene en avtale mellom deg og Quill "
                 "International Limited, et irsk selskap. Hvis du bor noe annet sted, er disse "
                 "vilkårene en avtale mellom deg og Quill LLC, 1 Main Street, Austin, USA.\n",
                 "# Terms\n\nIf you live in the EEA, these terms are an agreement between you "
                 "and Quill International Limited. If you live anywhere else, these terms are an "
                 "agreement between you and Quill LLC, 1 Main Street, Austin, USA.\n"):
        got = _full(kb, text)
        assert got == {(("EEA",), (), "Quill International Limited"),
                       (("*",), ("EEA",), "Quill LLC")}


def test_a_company_named_only_in_the_title_is_proposed_with_its_forms_countries(kb):
    text = ("# Datenschutzerklärung der Quill Reisen GmbH\n\nWir freuen uns über Ihr Interesse an "
            "unserer Website. Der Schutz Ihrer Daten ist uns wichtig.\n")
    p = ingest(text, name="policy.md", kb=kb)
    rule = next(r for r in p.rules if not r.default)
    assert (rule.locations, rule.controller.name, rule.evidence.quote) == \
        (["*"], "Quill Reisen GmbH", "Datenschutzerklärung der Quill Reisen GmbH")
    assert rule.controller.candidates == ("DE", "AT", "CH") and rule.confidence == 0.5
    text = text.replace("Wir freuen", "Wenn Sie in der Schweiz wohnen, gelten andere Regeln. Wir "
                        "freuen")
    assert all(r.default for r in ingest(text, name="policy.md", kb=kb).rules)


def test_forms_round_11_showed_missing():
    text = ("Partners: Quill-Optik AG & Co KG, Quill Direct Versicherungs-AG, Quill Perú S.A.C., "
            "Quill Legal Nowak Kowalski spółka komandytowa and Quill Dados, Unipessoal LDA here.")
    assert _names(text) == ["Quill-Optik AG & Co KG", "Quill Direct Versicherungs-AG",
                            "Quill Perú S.A.C.", "Quill Legal Nowak Kowalski spółka komandytowa",
                            "Quill Dados, Unipessoal LDA"]
    assert _names("På Quill Böcker AB bryr vi oss om din integritet.") == ["Quill Böcker AB"]
    assert _names("El responsable es la FUNDACIÓ PRIVADA QUILL LLIBRES con domicilio en X.") == \
        ["FUNDACIÓ PRIVADA QUILL LLIBRES"]
    assert _names("Verantwortlich ist die Universität Quillstadt, Ring 1.") == \
        ["Universität Quillstadt"]
