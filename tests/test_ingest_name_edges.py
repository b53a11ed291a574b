"""`ingest` on the styles round 15's real excerpts showed (scored once, then tuned on): a name's
edges — a lower-case name on its own line, a bracket that opens before it, Japanese lenticular
brackets, a Latin name glued to 株式会社, the owner after "Inh." — and a controller named "under
the responsibility of", beside bait: advertising "managed by" a vendor, a Spanish "domicilio en",
the GDPR's number in brackets. Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import explicit_rules, loose, loose_rules

EVERYONE = [
    ("Name und Anschrift des Verantwortlichen für die Datenverarbeitung:\nblaue welle GmbH\n"
     "Max Muster\nHafenstraße 9\n20457 Hamburg", "blaue welle GmbH"),
    ("Nous gérons vos données depuis la France (Sonora SA, 24 rue de Calais 75009 Paris), et "
     "nous pouvons les partager avec des prestataires du monde entier.", "Sonora SA"),
    ("【KAZEYA株式会社】(以下「当社」)は、当社が提供するECサイトにおけるお客様の個人情報を、"
     "個人情報保護法に従い、以下のとおり取り扱います。", "KAZEYA株式会社"),
    ("(2) Verantwortlicher gem. Art. 4 Abs. 7 DS-GVO ist die Löwen-Apotheke am Markt Inh. Eva "
     "Berger e. K., Marktplatz 1, 04109 Leipzig.", "Löwen-Apotheke am Markt Inh. Eva Berger e. K."),
    ("Der Verantwortliche im Sinne der Datenschutz-Grundverordnung (DSGVO) ist die:\n"
     "Tierarztpraxis Brandt & Kollegen\nInhaber: Jan Brandt\nLindenstraße 5, 71088 Holzgerlingen",
     "Tierarztpraxis Brandt & Kollegen"),
    ("Chat Veilig respecteert de privacy van alle gebruikers.\n\nDe door jou verstrekte "
     "gegevens komen onder de verantwoordelijkheid van Pixelwerk (KvK 12345678) handelend onder "
     "Chat Veilig te vallen.", "Pixelwerk"),
    # a person in the role's slot, before a host named later in the same run of lines
    ("Verantwortliche Stelle\nVerantwortlich für die Datenverarbeitung auf dieser Website ist:\n"
     "Ida Sommer\nAllee 16\n10435 Berlin\nHosting\nUnsere Website wird bei Webnest S.A. "
     "gehostet.", "Ida Sommer"),
    # public bodies: a Dutch municipality in lower case, an Italian state school
    ("Privacyverklaring gemeente Waalmeer\n\nDe gemeente Waalmeer, Dorpsplein 1, 4141 DA te "
     "Waalmeer, gaat zorgvuldig en vertrouwelijk om met uw persoonsgegevens.", "gemeente Waalmeer"),
    ("Titolare del trattamento dei dati è l’ISTITUTO COMPRENSIVO DI MONTE D’ORO (CN) Piazza "
     "Umberto I, n°25, in persona del Dirigente Scolastico pro tempore.\n\nL’Istituto "
     "Comprensivo di Monte d’Oro tratta i dati degli alunni.",
     "ISTITUTO COMPRENSIVO DI MONTE D’ORO"),
    # bait: an advertising vendor "managed by", a law's number in brackets, a Spanish address
    ("This Privacy Notice applies to all personal information processed by Ledgerly Media LLC "
     "(“Ledgerly”, “we”, “us”). Partial advertising on our website is managed by Adwave LLC.",
     "Ledgerly Media LLC"),
    ("Le informamos que el titular de este sitio web y responsable del tratamiento de sus datos "
     "es Tomás Ruiz Gil, con NIF 73200457J y domicilio en Fraga (22520, España), Avda. Hondos, "
     "2.", "Tomás Ruiz Gil"),
]


@pytest.mark.parametrize(("page", "name"), EVERYONE, ids=[n for _p, n in EVERYONE])
def test_one_controller_for_everyone(kb, page: str, name: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], name)])


def test_a_capitalised_advertising_company_is_still_a_company(kb) -> None:
    """Lower-case "advertising" marks a vendor's sentence; "… Advertising Co., Ltd." is a name."""
    page = ("# Privacy\n\nFor users in China, the data controller is Hangzhou Lantern Advertising "
            "Co., Ltd.\n")
    assert explicit_rules(kb, page) == {(("CN",), (), "Hangzhou Lantern Advertising Co., Ltd.")}
