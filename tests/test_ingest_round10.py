"""`ingest` on the styles rounds 16 and 17's real excerpts showed once scored (round 10 of the
work on issue 13): a role sentence ending "ist:" before a DPO's paragraph, a question as the role's
heading ("Wer ist … verantwortlich?"), a DPO's label line under the address block, a web address
as a company's name ("shopfix.de GmbH"), a French association by its 1901 law, a Chinese law
firm, a name field ("Identidad: X") under a numbered role heading, a name "in its capacity as"
controller, "As X, we are the controller", a quality before the role ("the designated Data
Controller") — beside bait: the EU named by the law a clause is read under. Invented pages."""

from __future__ import annotations

import pytest

from tests.ingest_support import loose, loose_rules

EVERYONE = [
    # "ist:" then the name on the next line, a DPO's paragraph after the address
    ("1. Verantwortlicher; Datenschutzbeauftragter:\nVerantwortlicher für die Verarbeitung Ihrer "
     "Daten im Sinne der gesetzlichen Bestimmungen ist:\nKreiswerke Lindau GmbH\nSeeweg 4\n88131 "
     "Lindau\nUnser Datenschutzbeauftragter steht Ihnen für Fragen gerne zur Verfügung. Sie "
     "erreichen unseren Datenschutzbeauftragten unter:\nKreiswerke Lindau GmbH\n"
     "Datenschutzbeauftragter\nSeeweg 4", "Kreiswerke Lindau GmbH"),
    # a question as the heading; a DPO's label line closes the address block
    ("Wer ist für die Verarbeitung Ihrer personenbezogenen Daten verantwortlich?\nMobil Rent "
     "Leasing GmbH (MRL)\nTorstraße 2\n34117 Kassel\nTelefon: 0561 123 45\nKontaktdaten unseres "
     "Datenschutzbeauftragten\nUnseren Datenschutzbeauftragten Herrn Lenz (DSB Nord GbR) erreichen "
     "Sie per Post.", "Mobil Rent Leasing GmbH"),
    # a web address as the company's name
    ("Verantwortlicher im Sinne der DSGVO ist:\n\nshopfix.de GmbH\nAm Markt 3\n44787 Bochum",
     "shopfix.de GmbH"),
    ("Administratorem serwisu paczkoteka.pl jest paczkoteka.pl S.A., ul. Polna 3, 00-001 "
     "Warszawa.", "paczkoteka.pl S.A."),
    # a French association named by its law
    ("Le responsable des traitements de données personnelles est le CLAP (Cercle Lyonnais des "
     "Amis de la Photographie), Association loi 1901, dont le siège est situé 3 rue Neuve, 69001 "
     "Lyon.", "CLAP (Cercle Lyonnais des Amis de la Photographie)"),
    # a Chinese law firm: its form is 律师事务所
    ("浙江明镜律师事务所(注册地址:浙江省杭州市西湖区文三路1号,以下简称“我们”)系法律咨询平台的运营者。",
     "浙江明镜律师事务所"),
    # a name field under a numbered role heading, in one unit with the fields after it
    ("1. Responsable del tratamiento\nIdentidad: Escuela de Vela Brisa\nCIF/NIF: B12345678\n"
     "Dirección: Paseo del Mar 7, Cádiz\n2. Datos que recogemos\n- Datos de contacto.",
     "Escuela de Vela Brisa"),
    # the name first, then its capacity
    ("Óptica Miramar domiciliada en Carrera 5 # 10-20, Cali, Colombia, en su calidad de "
     "responsable del tratamiento de datos personales, informa a sus clientes la presente "
     "política.", "Óptica Miramar"),
    ("Harbour Arts Trust, in its capacity as data controller, processes the data of its "
     "members.", "Harbour Arts Trust"),
    # "As X, we are the controller"
    ("Als Tandartspraktijk De Brug zijn wij verantwoordelijk voor de verwerking van uw "
     "persoonsgegevens.", "Tandartspraktijk De Brug"),
    ("As Northfield Rowing Club, we are the data controller of the personal data of our members.",
     "Northfield Rowing Club"),
    # a quality between the article and the role
    ("Ashby Parish Council is the designated Data Controller for all personal data collected "
     "through its services.", "Ashby Parish Council"),
    # a role sentence in Polish with contact fields after the name ("Tel.:", "email:")
    ("Administratorem danych osobowych Użytkowników Serwisu jest: Anna Nowak Doradztwo, ul. "
     "Polna 3/2, 00-001 Warszawa, NIP: 123 456 78 Tel.: 500100200, email: biuro@example.pl",
     "Anna Nowak Doradztwo"),
    ("Norrsken Resor är behandlingsansvariga för verksamhetens behandling av "
     "personuppgifterna.", "Norrsken Resor"),
    # a bare name as a paragraph of its own over the address's, after a lead ending "ist"
    ("Verantwortlich für die Verarbeitung Ihrer Daten im Rahmen dieser Internetseite ist\n\n"
     "Lena Kraus - Fotografie\n\nMühlweg 21\n\n07607 Eisenberg", "Lena Kraus - Fotografie"),
    # … where the part after the dash is a town: the name without it
    ("El responsable del tratamiento es:\n\nTalleres Ribeiro - Guimarães\n\nRua Nova 105, "
     "4800 Guimarães", "Talleres Ribeiro"),
    # a role heading on the line above the sentence naming the controller
    ("Verantwoordelijke\nStichting Zeewind is de verwerkingsverantwoordelijke in de zin van de "
     "AVG.", "Stichting Zeewind"),
    # "il Sito da X S.p.A.": the site is no part of the name
    ("L’informativa riguarda i servizi resi attraverso il Sito da Editoriale Lumen S.p.A., con "
     "sede legale in Via Roma 1, 10129 Torino (di seguito il “Titolare”).",
     "Editoriale Lumen S.p.A."),
    # the GDPR's "controller" transliterated in Korean; the Chinese standard's 个人信息控制者
    ("Lumo Rentals Limited(등록된 사무실 주소: Dublin 14, Ireland)가 플랫폼의 소유자 및 "
     "운영자이므로, 본 개인정보 보호 알림에 설명된 개인정보의 컨트롤러가 됩니다.",
     "Lumo Rentals Limited"),
    ("本政策中的个人信息控制者为杭州云杉科技有限公司。", "杭州云杉科技有限公司"),
    # a Mexican sociedad civil
    ("Despacho Rivera Luna, S.C., con domicilio en Avenida Juárez 10, Guadalajara, Jalisco (el "
     "“Responsable”), decide sobre el tratamiento de los datos personales.",
     "Despacho Rivera Luna, S.C."),
    # a bare name registered with a trade register, the only one the policy names
    ("Le Camping Les Pins, immatriculé au RCS Dax sous le n°839154821 attache une grande "
     "importance à la protection de vos données personnelles.\n\nNous collectons vos données "
     "lorsque vous réservez un séjour.", "Camping Les Pins"),
    # a subsection's number on a line of its own, a colon later in the sentence under it
    ("1.\nIntroduction\n1.1\nWho are we\nThis is the Privacy Policy of Bellfield Gallery Ltd "
     "(trading as: ‘The Bellfield’), registered company number 12345678 (“we”, “our”, “us”).\n"
     "When we collect, store and process your Personal Data in accordance with this Privacy "
     "Policy, we are the Controller for the purpose of the Data Protection Laws.",
     "Bellfield Gallery Ltd"),
    # a name field with an Italian title, under the role's heading and a contact sentence
    ("Titolare del Trattamento dei dati\n\nIn caso di domande relative alla presente politica "
     "è possibile contattarci utilizzando le informazioni riportate di seguito.\n\nNome: Dott. "
     "Marco Pinna\n\nIndirizzo: via Roma, 2A", "Dott. Marco Pinna"),
    # the owner's whole name in quotes, the only name the policy gives
    ("A Aplicação “Museu” é propriedade do “Grupo de Amigos do Museu de Óbidos”, associação "
     "cultural, sem fins lucrativos, com sede em Óbidos.\n\nO Grupo procederá à recolha e "
     "processamento dos dados dos utilizadores.", "Grupo de Amigos do Museu de Óbidos"),
    # Czech and Polish municipalities, named by their head
    ("Správcem osobních údajů je Obecní úřad Horní Lhota, Horní Lhota 80, 503 46.",
     "Obecní úřad Horní Lhota"),
    ("Administratorem Pani/Pana danych osobowych jest Urząd Gminy Kobylnica, ul. Główna 20, "
     "76-251 Kobylnica.", "Urząd Gminy Kobylnica"),
    # the role as a lead label over an address block with an e-mail line, a DPO's block after
    ("Name und Anschrift des Verantwortlichen für die Datenverarbeitung:\nrasch werk GmbH\nJan "
     "Roth\nTalstr. 9\n58256 Ennepetal\nE-Mail: jan@example.de\n\nDer "
     "Datenschutzbeauftragte des Verantwortlichen ist:\n\nSchutzwerk GmbH & Co. KG\n"
     "Luegallee 1\n40545 Düsseldorf", "rasch werk GmbH"),
    # an article before a bare name in the role's slot
    ("El responsable del tratamiento es la Academia Delta, con domicilio en Calle Mayor 1, "
     "Madrid.", "Academia Delta"),
    # a company's word after an article starts a name of five words; "organismo responsable"
    ("El organismo responsable (parte responsable) es la Sociedad Andina de Radiodifusión RTA "
     "TV, con la dirección postal Calle Sol 1, Lima.", "Sociedad Andina de Radiodifusión RTA TV"),
    # a French sole trader's trade name, its form, then its owner
    ("Le responsable du traitement est ATELIER NORD  EI Claire MARTIN, SIRET 992 197 566, dont "
     "le siège est 3 rue Haute 71450 Blanzy.", "ATELIER NORD EI"),
    # bait: an Italian address whose country follows a dash; a street after "via"
    ("Il Titolare del trattamento è Viaggi Aurora S.r.l.\nPosta: c/o Viaggi Aurora via Carlo "
     "Alberto 34 – 10123 Torino (To) – Italy", "Viaggi Aurora S.r.l."),
    # bait: the EU named by the law the role sentence is read under
    ("Verantwortlich für die Verarbeitung Ihrer Daten unter Geltung der EU-Datenschutz"
     "grundverordnung (Verordnung (EU) 2016/679) ist die:\n\nfunkwelle.de GmbH\nHafenkamp 5\n"
     "22303 Hamburg", "funkwelle.de GmbH"),
]


@pytest.mark.parametrize(("page", "name"), EVERYONE, ids=[n for _p, n in EVERYONE])
def test_one_controller_for_everyone(kb, page: str, name: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == loose([(["*"], [], name)])


NOT_A_NAME = [
    # a role word's capacity after a generic word, a user, a defined short name that is a kind
    "As a user, we are responsible for keeping your password safe.",
    "L’Organisme, en sa qualité de responsable de traitement, s’engage à traiter vos données.",
    # a parish named by its kind alone
    "Församlingen är personuppgiftsansvarig för behandlingen av dina personuppgifter.",
    # a tax number on the line after a lead that names nobody
    "El responsable del tratamiento de los datos es\n\nCIF B-12345678\n\nC/Mayor, 1-3\n\n"
    "Cerdanyola del Vallès (08290, Barcelona), España.",
]


@pytest.mark.parametrize("page", NOT_A_NAME)
def test_no_controller_is_read_from_a_generic_word(kb, page: str) -> None:
    assert loose_rules(kb, "# Privacy\n\n" + page + "\n") == set()


def test_each_company_gets_the_place_that_closes_its_part_of_the_sentence(kb) -> None:
    """"… proposés par la société X, …, 75017 Paris pour la France et Y S.R.L., … pour l’Italie"
    (an invented page)."""
    page = ("# Politique\n\nLe Site et l’Application (ci-après « nos Services ») sont proposés "
            "par la société VELIB EXPRESS, société par actions simplifiées, immatriculée au RCS de "
            "Paris dont le siège social est situé 8 rue Bayen, 75017 Paris pour la France et "
            "VELIB EXPRESS ITALIA S.R.L., domiciliée à Milan (Italie), Via Spezia 1 CAP 20142 "
            "pour l’Italie (ci-après « Velib » ou « Nous »).\n")
    assert loose_rules(kb, page) == loose([(["FR"], [], "VELIB EXPRESS"),
                                           (["IT"], [], "VELIB EXPRESS ITALIA S.R.L.")])


def test_a_company_with_a_place_beside_one_without_gets_no_split(kb) -> None:
    """Only one of two companies has a place after it: no per-place rule is read from that."""
    page = ("# Privacy\n\nOur services are provided by Lumen Apps Ltd, 1 High Street, London, "
            "and hosted by Cloudrise GmbH for Germany.\n")
    assert all(rule[0] != ("DE",) for rule in loose_rules(kb, page))


def test_items_under_a_lead_that_named_its_controller_name_none(kb) -> None:
    """"X est responsable du traitement des données … notamment :" / "– des données des
    personnes accédant aux musées de la Ville de Y …": the items list data, not controllers."""
    page = ("# Données personnelles\n\nMusées de Lune est responsable du traitement des données "
            "personnelles collectées dans le cadre de ses activités notamment :\n\n- des données "
            "concernant les personnes accédant aux musées de la Ville de Lyon pour diverses "
            "raisons ;\n- des données concernant ses agents.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Musées de Lune")])


def test_we_in_japanese_names_the_latin_places_between_japanese_words(kb) -> None:
    """"株式会社X(「当社」)" defines "we" without 以下; "当社は、EEAまたはUKのお客さま…「管理者」
    です" names the EEA and the UK written in Latin letters between Japanese words."""
    page = ("# プライバシーポリシー\n\n株式会社ミナトホテルズ(「当社」)はお客さまの個人情報を大切に"
            "します。\n\n当社は、EEAまたはUKのお客さまから取得した個人情報の取り扱いに関して、"
            "GDPRにおける「管理者」です。\n")
    assert loose_rules(kb, page) == loose([(["EEA", "GB"], [], "株式会社ミナトホテルズ")])


def test_the_companies_a_policy_calls_we_listed_after_the_controller_sentence(kb) -> None:
    """"This makes the relevant X company a "data controller". In this notice we use "we" … are
    to:" / one company an item, one with a bracketed place before its form."""
    page = ("# Privacy notice\n\nWe need to collect and process data about you. This makes the "
            "relevant Harbour company a \"data controller\". In this notice we use \"we\" or "
            "\"us\" or \"Harbour\" are to:\n\n- Harbour Insurance Company (Jersey) Limited, "
            "company number 34576, registered address: 1 Pier Road, St Helier, Jersey.\n- "
            "Harbour Underwriting Ltd, company number 06272775, registered address 2 Mill Lane, "
            "London.\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Harbour Insurance Company (Jersey) "
                                                         "Limited"),
                                           (["*"], [], "Harbour Underwriting Ltd")])


@pytest.mark.parametrize("clause", [
    "Google, in its capacity as independent data controller, processes the data its cookies "
    "collect.",
    "Google is an independent data controller of the data collected by its cookies."])
def test_an_independent_controller_beside_the_policys_we_is_a_third_party(kb, clause: str
                                                                        ) -> None:
    page = (f"# Privacy\n\nAcme Widgets Ltd (\"we\") operates this site.\n\nWe use Google "
            f"Analytics on our website. {clause}\n")
    assert loose_rules(kb, page) == loose([(["*"], [], "Acme Widgets Ltd")])


def test_a_web_address_name_drops_its_www() -> None:
    from xborder.graph.ingest.names import find_mentions

    assert [m.name for m in find_mentions("Betreiber ist die www.shopfix.de GmbH.")] == [
        "shopfix.de GmbH"]

