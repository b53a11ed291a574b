"""`ingest` on controllers named without a legal form, one invented page per construction and
language: a role as a line's label ("Responsable: Talleres Pérez"), a name under a lead on the
next line, the policy's "we" written out ("We are …", "Wir, die …", "“we” means …"), owner and
operator wording ("is owned by", "es propiedad de", "é gerido pela", "wird von der … betrieben"),
a role sentence in Swedish and Polish, and names with a brand's plus ("Canal+"). Written from how
small organisations' policies phrase these, never copied from one. Each case: the page, and the
(locations, exceptions, controller) rules it must give — or none, for the distractors."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules

EVERYONE: tuple[tuple[str, ...], tuple[str, ...]] = (("*",), ())

CASES: list[tuple[str, list[Rule]]] = [
    # a role as the label of a line, the name without a form
    ("Responsable: Talleres Pérez\nNIF: B12345678\nDirección: Calle Mayor 1, Zaragoza",
     [(*EVERYONE, "Talleres Pérez")]),
    ("Titolare: Ristorante Da Mario\nIndirizzo: Via Roma 1, Napoli",
     [(*EVERYONE, "Ristorante Da Mario")]),
    ("Verantwortlicher:\nStadtwerke Musterstadt\nHauptstraße 1\n12345 Musterstadt",
     [(*EVERYONE, "Stadtwerke Musterstadt")]),
    ("Verantwortliche Stelle im Sinne der Datenschutzgesetze ist:\n\nPraxis Dr. Anna Schmidt\n"
     "Marktplatz 3\n80331 München", [(*EVERYONE, "Praxis Dr. Anna Schmidt")]),
    ("Responsible for data processing on this website is: John Smith, 1 Main St, Springfield.",
     [(*EVERYONE, "John Smith")]),
    # the role sentence in Swedish and Polish
    ("Personuppgiftsansvarig är Föreningen Exempel, org.nr 802000-0000.",
     [(*EVERYONE, "Föreningen Exempel")]),
    ("Administratorem Twoich danych osobowych jest Fundacja Przykład z siedzibą w Warszawie.",
     [(*EVERYONE, "Fundacja Przykład")]),
    # the policy's "we", written out
    ("We are Bluebird Analytics, a company registered in England.",
     [(*EVERYONE, "Bluebird Analytics")]),
    ("Who we are: Bluebird Analytics, 4 Queen St, London.", [(*EVERYONE, "Bluebird Analytics")]),
    ("Wir, die Bäckerei Müller, nehmen den Schutz Ihrer Daten ernst.",
     [(*EVERYONE, "Bäckerei Müller")]),
    ('In this policy, "we" means Greenleaf Bakery.', [(*EVERYONE, "Greenleaf Bakery")]),
    ('This Privacy Policy describes how Acme Rockets ("Acme", "we") handles your data.',
     [(*EVERYONE, "Acme Rockets")]),
    # owner and operator wording
    ("This site is run by Greenleaf Bakery.", [(*EVERYONE, "Greenleaf Bakery")]),
    ("This website is owned by Greenleaf Bakery.", [(*EVERYONE, "Greenleaf Bakery")]),
    ("Este sitio web es propiedad de Panadería La Espiga.",
     [(*EVERYONE, "Panadería La Espiga")]),
    ("Este website pertence e é gerido pela Atelier Luz, com sede em Braga.",
     [(*EVERYONE, "Atelier Luz")]),
    ("Diese Website wird von der Bäckerei Müller betrieben.", [(*EVERYONE, "Bäckerei Müller")]),
    ("Diese Website wird von der Müller Backwaren GmbH betrieben.",
     [(*EVERYONE, "Müller Backwaren GmbH")]),
    # a brand's plus in the name
    ("This website is owned and operated by Canal+ Studio Ltd.",
     [(*EVERYONE, "Canal+ Studio Ltd")]),
    ("Este website pertence e é gerido pela DattaPrivacy+, Unipessoal LDA, com sede em Guimarães.",
     [(*EVERYONE, "DattaPrivacy+, Unipessoal LDA")]),
    ("Les données sont traitées par Santéo, en qualité de responsable de traitement, et par les "
     "professionnels de santé.", [(*EVERYONE, "Santéo")]),
    ("Insamlingsstiftelsen Vattenhjälp (org.nr 802400-0000) är personuppgiftsansvarig för "
     "behandlingen av dina personuppgifter.", [(*EVERYONE, "Insamlingsstiftelsen Vattenhjälp")]),
    ('A Cooperativa Exemplo de Eletricidade ("COOPEX") é a controladora dos seus dados pessoais.',
     [(*EVERYONE, "Cooperativa Exemplo de Eletricidade")]),
    ("마이샵(이하 '회사')은 이용자의 개인정보를 중요시하며, 개인정보 보호법을 준수합니다.",
     [(*EVERYONE, "마이샵")]),
    # distractors: no controller from these
    ("We are committed to protecting your privacy.", []),
    ("Vem är personuppgiftsansvarig? Det framgår av avtalet med din arbetsgivare.", []),
    ("Der Datenschutzbeauftragte des Verantwortlichen ist: DataCo GmbH\nDachauer Str. 1\n"
     "80335 München", []),
    ('This Privacy Policy describes how Serverless Forge ("we") works. Serverless Forge is the '
     "registered trade name of a sole proprietorship.", []),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[t[:40] for t, _w in CASES])
def test_a_controller_named_without_a_legal_form(kb, text: str, want: list[Rule]) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + text + "\n") == set(want)
