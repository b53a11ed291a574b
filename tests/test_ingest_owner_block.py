"""`ingest` on the owner block of generated policies: the heading joining owner and controller,
the owner's name on the next line (a bare name, a site, a person; an address after a comma),
then the owner's contact e-mail. And a bare name followed by how it is registered ("X, pessoa
jurídica …, inscrita no CNPJ", "…, ci-après dénommée …"). Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import explicit_rules

BLOCKS = [
    ("Owner and Data Controller\n\nLakeside Jazz Weekend, Ballina, Co. Mayo\n\nOwner contact "
     "email: hello@example.org", "Lakeside Jazz Weekend"),
    ("Titolare del Trattamento dei Dati\n\nBottega del Gelato di Anna Neri, Via Roma 3, Lucca\n\n"
     "Indirizzo email del Titolare: info@example.it", "Bottega del Gelato di Anna Neri"),
    ("Titular y Responsable del tratamiento de los Datos\nViajaFacil.co\nCorreo electrónico de "
     "contacto del Titular: hola@example.co", "ViajaFacil.co"),
    ("Propriétaire et Responsable du traitement\n\nAtelier Mirabelle, 4 rue des Lilas, Nancy\n\n"
     "Adresse e-mail du Propriétaire : bonjour@example.fr", "Atelier Mirabelle"),
    ("Anbieter und Verantwortlicher\n\nHofladen Sonnenwiese GmbH, Feldweg 2, Kassel\n\n"
     "E-Mail-Adresse des Anbieters: hallo@example.de", "Hofladen Sonnenwiese GmbH"),
    # Polish, the name behind a "Firma:" label
    ("WŁAŚCICIEL I ADMINISTRATOR DANYCH\n\nFirma: PixelLas Jan Kowal\n\nE-mail kontaktowy "
     "właściciela: kontakt@example.pl", "PixelLas Jan Kowal"),
]


@pytest.mark.parametrize(("block", "name"), BLOCKS, ids=[n for _b, n in BLOCKS])
def test_the_owner_block_names_the_controller(kb, block: str, name: str) -> None:
    page = ("# Privacy Policy of example\n\nThis Application collects some Personal Data from "
            f"its Users.\n\n{block}\n\n## Types of Data collected\n\nCookies and Usage Data.\n")
    assert explicit_rules(kb, page) == {(("*",), (), name)}


def test_no_contact_line_no_owner(kb) -> None:
    """Without the contact line the block is not the generator's: the line is not read."""
    page = ("# Privacy\n\nOwner and Data Controller\n\nSee our imprint, linked below.\n\n"
            "## Types of Data collected\n\nCookies.\n")
    assert explicit_rules(kb, page) == set()


def test_a_clause_naming_the_controller_comes_first(kb) -> None:
    page = ("# Privacy\n\nThe data controller is Brightfield Studios Ltd.\n\nOwner and Data "
            "Controller\n\nBrightfield, London\n\nOwner contact email: a@example.com\n")
    assert explicit_rules(kb, page) == {(("*",), (), "Brightfield Studios Ltd")}


REGISTERED = [
    # a bare name at a sentence's start, then how it is registered
    ("Política de Privacidade\n\nCOOPERATIVA REGIONAL DE ENERGIA – LUZNORTE, pessoa jurídica de "
     "direito privado, inscrita no CNPJ sob o nº 00.000.000/0001-00, com sede na Rua A, 1.",
     "COOPERATIVA REGIONAL DE ENERGIA – LUZNORTE"),
    ("Aviso de Privacidade\n\nA CDL Campinas (razão social), inscrita no CNPJ/MF sob o n° 1234, é "
     "uma pessoa jurídica de direito privado.", "CDL Campinas"),
    # the title's last word run into the sentence: "… – CLINORTE A CLINORTE, pessoa jurídica …"
    ("Política de Privacidade e Proteção de Dados Pessoais – CLINORTE\nA CLINORTE, pessoa jurídica "
     "de direito privado inscrita no CNPJ sob o nº 01.577.179/0001-07, com sede em Brasília.",
     "CLINORTE"),
    ("Politique de confidentialité\n\nPour informer les utilisateurs du portail, SANTÉ PLUS "
     "SERVICES, ci-après dénommée « l’Organisme », a défini la présente politique.",
     "SANTÉ PLUS SERVICES"),
    ("Privacyverklaring\n\nDeze webshop is eigendom van Bloemerij Dekker, gevestigd op Dorpsweg 2 "
     "in Midwolde.", "Bloemerij Dekker"),
    # Polish: "Administratorem strony <URL> jest X z siedzibą w …", a name with "Ł"
    ("Polityka prywatności\n\nAdministratorem strony internetowej https://www.przyklad.pl jest "
     "Pracownia Zielona Łucja Nowak z siedzibą w Gliwicach, NIP: 123.",
     "Pracownia Zielona Łucja Nowak"),
]


@pytest.mark.parametrize(("page", "name"), REGISTERED, ids=[n for _p, n in REGISTERED])
def test_a_bare_name_with_its_registration(kb, page: str, name: str) -> None:
    assert explicit_rules(kb, page + "\n") == {(("*",), (), name)}


def test_a_registered_name_beside_a_company_with_a_form_is_not_read(kb) -> None:
    """The registration reading is for policies that name no company with a legal form."""
    page = ("# Privacy\n\nThe data controller is Northwind Trading Ltd.\n\nBlue Harbour, "
            "registered in Ireland, hosts our website.\n")
    assert explicit_rules(kb, page) == {(("*",), (), "Northwind Trading Ltd")}
