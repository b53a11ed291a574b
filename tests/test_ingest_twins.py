"""One company under two names in one policy, invented pages: a form written out in one place
and abbreviated in another ("ETAM-like LINGERIE, Société anonyme" / "… SA"), a native-script
name beside its Latin one, "We, X e.V., …" as the definition of "we", and an article before a
written-out form that names nothing ("… es una sociedad anónima")."""

from __future__ import annotations

import pytest

from xborder.graph.ingest import ingest

PAGES: list[tuple[str, str, list[str]]] = [
    # (page, the one controller proposed for everyone, the entities named)
    ("La présente charte détaille la politique de Lumen Lingerie SA (ci-après « nous »).\n\n"
     "Le responsable du traitement est :\n\n*   LUMEN LINGERIE, Société anonyme, ayant son siège "
     "social à Clichy.", "Lumen Lingerie SA", ["Lumen Lingerie SA"]),
    ("Le responsable du traitement est LUMEN LINGERIE, Société anonyme, ayant son siège social "
     "à Clichy.\n\nLumen Lingerie SA vous informe de vos droits.", "Lumen Lingerie SA",
     ["Lumen Lingerie SA"]),
    ("El responsable del tratamiento es Talleres Norte, sociedad limitada, con domicilio en "
     "Bilbao. Talleres Norte SL no cede sus datos.", "Talleres Norte SL", ["Talleres Norte SL"]),
    ("在本声明中,「我们」是指北辰数码管理有限公司 Beichen Digital Management Company Limited,"
     "负责处理您的个人资料。", "北辰数码管理有限公司", ["北辰数码管理有限公司"]),
    ("本ポリシーにおいて「当社」とは、株式会社ミナト（Minato Inc.）をいいます。"
     "当社は個人情報取扱事業者です。",
     "株式会社ミナト", ["株式会社ミナト"]),
    ("Wir, Freundeskreis Musik Nord e.V., Hafenstraße 5, 20359 Hamburg, nehmen den Schutz "
     "Ihrer personenbezogenen Daten sehr ernst. Freundeskreis Musik Nord e.V. verarbeitet Ihre "
     "personenbezogenen Daten nur für die Vereinsarbeit.", "Freundeskreis Musik Nord e.V.",
     ["Freundeskreis Musik Nord e.V."]),
    ("La empresa ALMACENES DEL SUR S.A. es una sociedad anónima de capital privado. Si visitas "
     "nuestra web, ALMACENES DEL SUR S.A. trata tus datos personales.", "ALMACENES DEL SUR S.A.",
     ["ALMACENES DEL SUR S.A."]),
]


@pytest.mark.parametrize(("page", "controller", "named"), PAGES, ids=[p[:30] for p, *_ in PAGES])
def test_one_company_under_two_names_is_one_entity(kb, page: str, controller: str,
                                                    named: list[str]) -> None:
    proposals = ingest("# Privacy\n\n" + page + "\n", name="policy.md", kb=kb)
    assert [e.name for e in proposals.entities] == named
    assert {(tuple(r.locations), r.controller.name) for r in proposals.rules
            if not r.default} == {(("*",), controller)}


def test_two_companies_listed_side_by_side_stay_two(kb) -> None:
    page = ("当社グループの株式会社ミナト、Minato Europe B.V. は、それぞれ個人情報取扱事業者です。")
    proposals = ingest("# プライバシーポリシー\n\n" + page + "\n", name="policy.md", kb=kb)
    assert {e.name for e in proposals.entities} == {"株式会社ミナト", "Minato Europe B.V."}


@pytest.mark.parametrize(("line", "name"), [
    ("La Maison Bleue SAS\n\nSociété par actions simplifiée au capital de 1 000 euros.",
     "La Maison Bleue SAS"),
    ("Contact : la Maison Bleue SAS, 1 rue de Lille, Roubaix.", "Maison Bleue SAS"),
])
def test_a_brands_article_is_kept_only_on_a_line_of_its_own(line: str, name: str) -> None:
    from xborder.graph.ingest.names import find_mentions

    assert [m.name for m in find_mentions(line)] == [name]


def test_a_short_name_between_commas_and_its_misspelling_name_the_company(kb) -> None:
    page = ("Hacemos de su conocimiento que TORNEX EQUIPOS & SERVICIOS, S.A. de C.V., en adelante "
            "TORNEX, con domicilio en Monterrey.\n\nPor lo tanto, TORNX es el Responsable del "
            "tratamiento de sus Datos Personales.")
    proposals = ingest("# Aviso de privacidad\n\n" + page + "\n", name="policy.md", kb=kb)
    assert [(r.locations, r.controller.name) for r in proposals.rules if not r.default] == \
        [(["*"], "TORNEX EQUIPOS & SERVICIOS S.A. de C.V.")]


@pytest.mark.parametrize(("text", "name"), [
    ("Administratorem danych jest KPMA LEGAL Nowak Zieliński spółka komandytowa z siedzibą w "
     "Krakowie.", "KPMA LEGAL Nowak Zieliński spółka komandytowa"),
    ("COMPANY INFORMATION Heron Bank N.V., Amsterdam", "Heron Bank N.V."),
])
def test_capitals_before_a_name_are_a_heading_only_at_the_start_of_a_line(text: str,
                                                                          name: str) -> None:
    from xborder.graph.ingest.names import find_mentions

    assert [m.name for m in find_mentions(text)] == [name]


def test_the_last_of_a_list_of_places_is_no_part_of_the_name_after_it(kb) -> None:
    page = ("Ihr Ansprechpartner je Land: Spanien, Portugal Beispiel Ibérica, S.A., Calle Mayor 2, "
            "Madrid; Portugal Telecom Beispiel S.A. ist unser Dienstleister.")
    names = [e.name for e in ingest("# Datenschutz\n\n" + page + "\n", name="p.md", kb=kb).entities]
    assert names == ["Beispiel Ibérica S.A.", "Portugal Telecom Beispiel S.A."]


@pytest.mark.parametrize("written", ["Acme \\& Sons Ltd", "Acme &amp; Sons Ltd", "Acme & Sons Ltd",
                                     "**Acme & Sons Ltd**", "[Acme & Sons Ltd](https://a.example)"])
def test_a_name_is_read_through_markdown_escapes_and_html_entities(kb, written: str) -> None:
    page = f"# Privacy Policy\n\nThe data controller is {written}, 1 Main St, London.\n"
    rules = ingest(page, name="policy.md", kb=kb).rules
    assert [(r.locations, r.controller.name) for r in rules if not r.default] == \
        [(["*"], "Acme & Sons Ltd")]
