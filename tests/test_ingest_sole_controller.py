"""`ingest` on policies with one controller for everyone that earlier readings left to the flagged
default: a "we" defined after the name ("… ‘wij’ …, wordt daarmee X bedoeld"), a lead ending in
"is" with the name on the next line, a role clause whose "ist die:" comes after a long law name,
a DPO "of" the controller, a transfer notice for users abroad, a cookie title far before the
owner's name, a supervisory authority's country. Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import explicit_rules, loose, loose_rules

EVERYONE = [
    # the Dutch / German "we" after the name
    ("Hartelijk dank voor uw bezoek.\n\nWaar in deze verklaring sprake is van 'wij', 'we' of "
     "'ons', wordt daarmee Kaasmakerij Veld B.V. bedoeld.\n\nWij verwerken uw persoonsgegevens "
     "zorgvuldig.\n\nOnze functionaris gegevensbescherming:\n\nPrivaCheck GmbH\n\nHauptstraße 2",
     "Kaasmakerij Veld B.V."),
    ("Willkommen.\n\nWenn in dieser Erklärung von „wir“ oder „uns“ die Rede ist, ist damit "
     "Bergwerk Lahn GmbH gemeint.\n\nWir verarbeiten Ihre Daten sorgfältig.\n\nUnser "
     "Datenschutzbeauftragter:\n\nPrivaCheck GmbH\n\nHauptstraße 2", "Bergwerk Lahn GmbH"),
    # a lead ending in "is", the name on its own line, a DPO company under its own lead
    ("A. Naam en contactgegevens van de verwerkingsverantwoordelijke De verantwoordelijke voor de "
     "verwerking van persoonsgegevens is\n\nTulpenhof AG\n\nBloemstraat 1\n\n1234 AB Lisse\n\n"
     "Onze functionaris gegevensbescherming is te bereiken op het volgende adres:\n\n"
     "PrivaCheck GmbH\n\nHauptstraße 2", "Tulpenhof AG"),
    # "ist die:" long after the role word; "the DPO of X" names X's DPO, not X as one; the
    # supervisory authority's country is its own
    ("Verantwortlicher im Sinne der Datenschutz-Grundverordnung (DS-GVO) und anderer nationaler "
     "Datenschutzgesetze sowie sonstiger datenschutzrechtlicher Bestimmungen ist die: Lindenholz "
     "Möbel GmbH Ringstraße 7 63843 Niedernberg info@example.com Der Datenschutzbeauftragte von "
     "Lindenholz GmbH ist: Herr Max Muster Weg 5 47608 Geldern Die zuständige Aufsichtsbehörde "
     "in Deutschland ist: Landesamt für Datenschutz", "Lindenholz Möbel GmbH"),
    # a transfer notice to users abroad is no split of users by place
    ("Welcome to the website of Harrow Instruments Corporation.\n\nWe collect your name when you "
     "write to us.\n\n## Foreign visitors\n\nIf you are located outside of the United States, "
     "please note that this Site is hosted on our servers in the United States.",
     "Harrow Instruments Corporation"),
    # a cookie title long before the owner's name is no cookie vendor
    ("Legge sulla Privacy & Politica sui Cookie Gentile Utente, si informa che la presente "
     "privacy policy ha lo scopo di descrivere le modalità di gestione del sito web www.esempio.it "
     "(di seguito il “Portale”) di proprietà della società Bottega Rossi s.r.l. - via Roma 1, "
     "Roma, in riferimento al trattamento dei dati personali degli utenti.",
     "Bottega Rossi s.r.l."),
]


@pytest.mark.parametrize(("page", "name"), EVERYONE, ids=[n for _p, n in EVERYONE])
def test_one_controller_for_everyone(kb, page: str, name: str) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + page + "\n") == {(("*",), (), name)}


def test_a_dpo_company_is_still_no_controller(kb) -> None:
    page = ("# Datenschutz\n\nVerantwortlich ist die Muster AG, Hauptstraße 1, Berlin.\n\n"
            "Unser Datenschutzbeauftragter ist die DataGuard Beratung GmbH, München.\n")
    assert explicit_rules(kb, page) == {(("*",), (), "Muster AG")}


def test_a_hosting_company_near_the_name_still_blocks(kb) -> None:
    """The service words next to the only company (its host) keep it from being proposed."""
    page = ("# Privacy\n\nThis website is hosted by Cloudnest Hosting Ltd. on servers in "
            "Ireland.\n\nWe use cookies.\n")
    assert explicit_rules(kb, page) == set()


@pytest.mark.parametrize(("page", "name"), [
    # a heading run into the name: the role word ends the heading, the name comes after it
    ("Aviso de Privacidad\n\nIdentidad y Domicilio del Responsable NUBE AZUL S.A.P.I. DE C.V., con "
     "domicilio en Avenida Reforma 1, es responsable del tratamiento de sus datos personales.",
     "NUBE AZUL S.A.P.I. DE C.V."),
    # a Spanish sole-shareholder company's form without its last full stop
    ("Politique de confidentialité\n\nVOLAR LÍNEAS AÉREAS, S.A.U, (ci-après VOLAR) est le "
     "responsable du traitement de vos données.", "VOLAR LÍNEAS AÉREAS, S.A.U."),
])
def test_the_name_as_written(kb, page: str, name: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], name)])


@pytest.mark.parametrize(("page", "name"), [
    # the place at the end of the controller's registration and address is its seat
    ("For the purpose of these Acts, the Data Controller is KESTREL TUTORS LIMITED with "
     "registered number 511203, THE ENTERPRISE CENTRE, TAYLOR’S LANE, DUBLIN 8, Ireland.",
     "KESTREL TUTORS LIMITED"),
    ("Informazioni sul trattamento dei dati personali effettuato da Ortofrutta Rossi S.r.l., in "
     "qualità di Titolare del trattamento, con sede legale e amministrativa in Via del Cristo 9/a "
     "- 36061 - Bassano del Grappa - VI (Italia).", "Ortofrutta Rossi S.r.l."),
    # the law's name in capitals is the law's, not the users' place
    ("Informativa ai sensi degli artt. 13 e 14 del REGOLAMENTO UE 2016/679 relativo alla tutela "
     "dei dati personali. Il Titolare del trattamento è Associazione Amici del Lago APS, con "
     "sede in Como.", "Associazione Amici del Lago APS"),
])
def test_a_seat_or_a_law_is_no_user_place(kb, page: str, name: str) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + page + "\n") == {(("*",), (), name)}


@pytest.mark.parametrize(("page", "name"), [
    ("사회복지법인 한빛복지재단(이하 “재단”)은 「개인정보 보호법」 제30조에 따라 "
     "정보주체의 개인정보를 보호하고 이와 관련한 고충을 처리하기 위하여 "
     "다음과 같이 개인정보 처리방침을 수립·공개합니다.",
     "사회복지법인 한빛복지재단"),
    ("公益財団法人みどり文化財団（以下「当財団」といいます。）は、"
     "個人情報の保護に関する法律を遵守し、個人情報を適切に取り扱います。",
     "公益財団法人みどり文化財団"),
])
def test_a_cjk_non_profit_form(kb, page: str, name: str) -> None:
    """The form of a social-welfare, school or public-interest corporation before its name."""
    assert explicit_rules(kb, "# Privacy\n\n" + page + "\n") == {(("*",), (), name)}


def test_we_for_everyone_the_clauses_do_not_place(kb) -> None:
    """The company the policy defines as "we", when its clauses name another controller only
    for some places: everyone else, those places excepted (0.55, noted)."""
    page = ("# Privacy Policy\n\nBrightloop, Inc. and its subsidiaries (“we”, “our” or “us”) "
            "run an advertising platform.\n\nIf you are located in the European Economic Area, "
            "Brightloop Limited is the data controller of your information.\n")
    assert explicit_rules(kb, page) == {(("EEA",), (), "Brightloop Limited"),
                                        (("*",), ("EEA",), "Brightloop, Inc.")}


def test_no_we_no_everyone_else(kb) -> None:
    """Without a "we" definition the issuer stays the flagged default for everyone else."""
    page = ("# Privacy Policy\n\nBrightloop, Inc. runs an advertising platform.\n\nIf you are "
            "located in the European Economic Area, Brightloop Limited is the data controller "
            "of your information.\n")
    assert explicit_rules(kb, page) == {(("EEA",), (), "Brightloop Limited")}
