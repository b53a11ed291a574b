"""`ingest` on layouts of naming the controller, invented: tables, "place: company" lists,
address blocks under a role heading, a condition paragraph over the company's paragraph,
representatives and transfers beside the controller. Each: the page and the rules it must give."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules

#: layouts: tables, "place: company" lists, address blocks under a role heading, a condition
#: paragraph over the company's paragraph, representatives and transfers beside the controller
LAYOUTS: list[tuple[str, list[Rule]]] = [
    ('## Who is the controller?\n\n| Country | Controller |\n| --- | --- |\n| United '
     'Kingdom | Quill UK Ltd |\n| Germany | Quill Deutschland GmbH |\n| All other '
     'countries | Quill Inc. |\n',
     [(('*',), ('GB', 'DE'), 'Quill Inc.'),
      (('DE',), (), 'Quill Deutschland GmbH'),
      (('GB',), (), 'Quill UK Ltd')]),
    ('## Controller\n\nThe controller depends on where you live:\n\n- EEA: Quill '
     'Ireland Limited\n- United States: Quill Inc.\n',
     [(('EEA',), (), 'Quill Ireland Limited'),
      (('US',), (), 'Quill Inc.')]),
    ('## Who we are\n\nThe company responsible for your data depends on your country:\n'
     '\n- Quill Canada Inc. for customers in Canada\n- Quill Europe Limited for '
     'everyone else\n',
     [(('*',), ('CA',), 'Quill Europe Limited'),
      (('CA',), (), 'Quill Canada Inc.')]),
    ('## Verantwortlicher\n\nQuill GmbH\nHauptstraße 1\n10115 Berlin\nDeutschland\n\n'
     'E-Mail: info@quill.example\n',
     [(('*',), (), 'Quill GmbH')]),
    ('## Responsable du traitement\n\nQuill SAS\n1 rue de la Paix\n75002 Paris\n'
     'France\n',
     [(('*',), (), 'Quill SAS')]),
    ('## Titolare del trattamento\n\nQuill S.r.l., Via Roma 1, 20121 Milano, Italia, '
     'P.IVA 01234567890\n',
     [(('*',), (), 'Quill S.r.l.')]),
    ('## 1. Controller\n\nFor users in the EEA and the UK:\n\nQuill Europe B.V., '
     'Herengracht 1, Amsterdam, the Netherlands\n\nFor users in the rest of the '
     'world:\n\nQuill Inc., 1 Market St, San Francisco, USA\n',
     [(('*',), ('EEA', 'GB'), 'Quill Inc.'),
      (('EEA', 'GB'), (), 'Quill Europe B.V.')]),
    ('If you are a resident of the EEA, the UK or Switzerland ("European Users"), '
     'Quill Europe Ltd is the controller. For all other users, Quill Inc. is the '
     'controller.',
     [(('*',), ('EEA', 'GB', 'CH'), 'Quill Inc.'),
      (('EEA', 'GB', 'CH'), (), 'Quill Europe Ltd')]),
    ('Quill Inc. ("Quill") provides the Services. If you live in the EEA, Quill '
     'Ireland Limited is responsible for your information.',
     [(('EEA',), (), 'Quill Ireland Limited')]),
    ('Our EU representative is Quill Rep GmbH, Berlin. The controller is Quill Inc., 1 '
     'Main St, New York, USA.',
     [(('*',), (), 'Quill Inc.')]),
    ('We transfer data to the United States. The controller is Quill Ltd, London.',
     [(('*',), (), 'Quill Ltd')]),
]


@pytest.mark.parametrize(("text", "want"), LAYOUTS, ids=[t[:40] for t, _w in LAYOUTS])
def test_a_layout_of_naming_the_controller(kb, text: str, want: list[Rule]) -> None:
    assert explicit_rules(kb, "# Privacy Policy\n\n" + text + "\n") == set(want)
