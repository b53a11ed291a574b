"""`ingest` on one invented sentence per construction and language: the ways a policy names
its controller (a role sentence, a residence condition, provider or contract wording, joint
controllers, "everyone else", an exception) in English, German, French, Spanish, Italian, Dutch,
Portuguese, Swedish, Norwegian, Danish, Finnish, Polish, Japanese, Chinese and Korean — a
conformance suite for styles, written from how policies phrase these, never copied from one.
Each case: the sentence, and the (locations, exceptions, controller) rules it must give."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules

CASES: list[tuple[str, list[Rule]]] = [
    ('The controller of your personal data is Quill Media Ltd, 1 Main St, London.',
     [(('*',), (), 'Quill Media Ltd')]),
    ('Quill Media Ltd ("we") is responsible for your personal data.',
     [(('*',), (), 'Quill Media Ltd')]),
    ('If you are located in the United Kingdom, Quill UK Ltd is the controller. '
     'Otherwise, Quill Inc. is the controller.',
     [(('*',), ('GB',), 'Quill Inc.'),
      (('GB',), (), 'Quill UK Ltd')]),
    ('Users in Canada are served by Quill Canada Inc.; all other users by Quill Inc.',
     [(('*',), ('CA',), 'Quill Inc.'),
      (('CA',), (), 'Quill Canada Inc.')]),
    ('For residents of Brazil, the data controller is Quill Brasil Ltda.',
     [(('BR',), (), 'Quill Brasil Ltda.')]),
    ('Quill Europe B.V. is the data controller for users in the European Union.',
     [(('EU',), (), 'Quill Europe B.V.')]),
    ('Your data is controlled by Quill GmbH if you live in Germany or Austria.',
     [(('DE', 'AT'), (), 'Quill GmbH')]),
    ('Quill Inc. and Quill Labs Ltd are joint controllers of your data.',
     [(('*',), (), 'Quill Inc.'),
      (('*',), (), 'Quill Labs Ltd')]),
    ('This website is operated by Quill Studio SRL, Via Roma 1, Milano.',
     [(('*',), (), 'Quill Studio SRL')]),
    ('Verantwortlich für die Datenverarbeitung ist die Quill GmbH, Hauptstr. 1, 10115 '
     'Berlin.',
     [(('*',), (), 'Quill GmbH')]),
    ('Wenn Sie in Österreich wohnen, ist die Quill Austria GmbH Verantwortliche.',
     [(('AT',), (), 'Quill Austria GmbH')]),
    ('Für Nutzer in der Schweiz ist die Quill AG verantwortlich.',
     [(('CH',), (), 'Quill AG')]),
    ('Die Quill GmbH und die Quill Media AG sind gemeinsam Verantwortliche.',
     [(('*',), (), 'Quill GmbH'),
      (('*',), (), 'Quill Media AG')]),
    ('Le responsable du traitement est la société Quill SAS, 1 rue de Paris, 75001 '
     'Paris.',
     [(('*',), (), 'Quill SAS')]),
    ('Si vous résidez en Belgique, le responsable du traitement est Quill Belgium SA.',
     [(('BE',), (), 'Quill Belgium SA')]),
    ('Pour les utilisateurs situés au Canada, Quill Canada Inc. est responsable du '
     'traitement.',
     [(('CA',), (), 'Quill Canada Inc.')]),
    ('Quill SAS et Quill Media SARL sont responsables conjoints du traitement.',
     [(('*',), (), 'Quill Media SARL'),
      (('*',), (), 'Quill SAS')]),
    ('El responsable del tratamiento es Quill Ibérica, S.L., con domicilio en Calle '
     'Mayor 1, Madrid.',
     [(('*',), (), 'Quill Ibérica S.L.')]),
    ('Si resides en México, el responsable es Quill México, S.A. de C.V.',
     [(('MX',), (), 'Quill México S.A. de C.V.')]),
    ('Para los usuarios en Argentina, el responsable del tratamiento es Quill '
     'Argentina S.R.L.',
     [(('AR',), (), 'Quill Argentina S.R.L.')]),
    ('Il titolare del trattamento è Quill Italia S.r.l., con sede in Via Roma 1, '
     'Milano.',
     [(('*',), (), 'Quill Italia S.r.l.')]),
    ('Se risiedi in Svizzera, il titolare del trattamento è Quill Suisse SA.',
     [(('CH',), (), 'Quill Suisse SA')]),
    ('De verwerkingsverantwoordelijke is Quill Nederland B.V., Damrak 1, Amsterdam.',
     [(('*',), (), 'Quill Nederland B.V.')]),
    ('Als je in België woont, is Quill Belgium NV de verwerkingsverantwoordelijke.',
     [(('BE',), (), 'Quill Belgium NV')]),
    ('O controlador dos seus dados pessoais é a Quill Brasil Ltda., com sede em São '
     'Paulo.',
     [(('*',), (), 'Quill Brasil Ltda.')]),
    ('Se você reside em Portugal, o responsável pelo tratamento é a Quill Portugal, '
     'Lda.',
     [(('PT',), (), 'Quill Portugal Lda.')]),
    ('Personuppgiftsansvarig är Quill Sverige AB, Storgatan 1, Stockholm.',
     [(('*',), (), 'Quill Sverige AB')]),
    ('Dataansvarlig er Quill Norge AS, Karl Johans gate 1, Oslo.',
     [(('*',), (), 'Quill Norge AS')]),
    ('Dataansvarlig er Quill Danmark ApS, Strøget 1, København.',
     [(('*',), (), 'Quill Danmark ApS')]),
    ('Rekisterinpitäjä on Quill Finland Oy, Mannerheimintie 1, Helsinki.',
     [(('*',), (), 'Quill Finland Oy')]),
    ('Administratorem Twoich danych osobowych jest Quill Polska Sp. z o.o. z siedzibą '
     'w Warszawie.',
     [(('*',), (), 'Quill Polska Sp. z o.o.')]),
    ('本サービスにおける個人情報の取扱事業者は、クイル株式会社です。',
     [(('*',), (), 'クイル株式会社')]),
    ('如果您居住在中国大陆,本服务由北京奎尔科技有限公司提供。',
     [(('CN',), (), '北京奎尔科技有限公司')]),
    ('개인정보처리자는 주식회사 퀼입니다.',
     [(('*',), (), '주식회사 퀼')]),
    ('Quill Travel Limited, a company registered in Ireland, is the controller for all '
     'users.',
     [(('*',), (), 'Quill Travel Limited')]),
    ('We are Quill Travel Limited, registered in England and Wales (company number '
     '01234567).',
     [(('*',), (), 'Quill Travel Limited')]),
    ('If you reside in the EEA or Switzerland, your data controller is Quill Europe '
     'Limited, based in Dublin, Ireland.',
     [(('EEA', 'CH'), (), 'Quill Europe Limited')]),
    ('Residents of the United States: Quill Inc. is the controller.',
     [(('US',), (), 'Quill Inc.')]),
    ('If you live outside the United States, Quill International Ltd is your '
     'controller.',
     [(('*',), ('US',), 'Quill International Ltd')]),
    ('Quill Inc. is the controller, except for users in the EEA, for whom Quill '
     'Ireland Ltd is the controller.',
     [(('*',), ('EEA',), 'Quill Inc.'),
      (('EEA',), (), 'Quill Ireland Ltd')]),
    ('The services are provided to you by Quill Pte. Ltd. if you are in Singapore.',
     [(('SG',), (), 'Quill Pte. Ltd.')]),
    ('Quill Japan K.K. is responsible for the personal data of users in Japan.',
     [(('JP',), (), 'Quill Japan K.K.')]),
    ('Datenschutzrechtlich Verantwortlicher ist die Quill Deutschland GmbH, vertreten '
     'durch den Geschäftsführer Max Muster.',
     [(('*',), (), 'Quill Deutschland GmbH')]),
    ('Wenn Sie außerhalb der EU wohnen, ist die Quill Inc. Verantwortlicher.',
     [(('*',), ('EU',), 'Quill Inc.')]),
    ('Les données sont traitées par Quill France SAS, responsable du traitement.',
     [(('*',), (), 'Quill France SAS')]),
    ("Si vous résidez hors de l'Union européenne, le responsable du traitement est "
     'Quill Inc.',
     [(('*',), ('EU',), 'Quill Inc.')]),
    ('Si usted reside fuera del Espacio Económico Europeo, el responsable es Quill Inc.',
     [(('*',), ('EEA',), 'Quill Inc.')]),
    ('Quill Italia S.p.A., in qualità di titolare del trattamento, tratta i tuoi dati.',
     [(('*',), (), 'Quill Italia S.p.A.')]),
    ('Voor gebruikers in Nederland is Quill Nederland B.V. verantwoordelijk voor de '
     'verwerking.',
     [(('NL',), (), 'Quill Nederland B.V.')]),
    ('A Quill Portugal, Unipessoal Lda é a responsável pelo tratamento dos seus dados.',
     [(('*',), (), 'Quill Portugal, Unipessoal Lda')]),
    ('Om du bor i Sverige är Quill Sverige AB personuppgiftsansvarig.',
     [(('SE',), (), 'Quill Sverige AB')]),
    ('Hvis du bor i Danmark, er Quill Danmark ApS dataansvarlig.',
     [(('DK',), (), 'Quill Danmark ApS')]),
    ('Jeśli mieszkasz w Polsce, administratorem danych jest Quill Polska Sp. z o.o.',
     [(('PL',), (), 'Quill Polska Sp. z o.o.')]),
    ('日本にお住まいの場合、個人情報取扱事業者はクイル株式会社です。',
     [(('JP',), (), 'クイル株式会社')]),
    ('한국에 거주하는 경우 개인정보처리자는 주식회사 퀼코리아입니다.',
     [(('KR',), (), '주식회사 퀼코리아')]),
    ('This privacy policy explains how Quillify collects and uses your personal data. '
     'Quillify is the controller of your personal data.',
     [(('*',), (), 'Quillify')]),
    ('Quillify ("we", "us") respects your privacy. We are the data controller.',
     [(('*',), (), 'Quillify')]),
    ('The data controller is Jane Doe, sole trader, 1 High Street, Leeds.',
     [(('*',), (), 'Jane Doe')]),
    ('Verantwortlich im Sinne der DSGVO ist Max Mustermann, Musterstraße 1, 12345 '
     'Musterstadt.',
     [(('*',), (), 'Max Mustermann')]),
    ("Il titolare del trattamento è l'Associazione Amici di Quill, Via Verdi 2, Torino.",
     [(('*',), (), 'Associazione Amici di Quill')]),
    ('Verantwortlicher ist der Quill-Verein e.V., Am Markt 3, Leipzig.',
     [(('*',), (), 'Quill-Verein e.V.')]),
    ('The controller is the University of Quill, Quill Road, Oxford.',
     [(('*',), (), 'University of Quill')]),
    ('El responsable del tratamiento es el Ayuntamiento de Quillota, Plaza Mayor 1.',
     [(('*',), (), 'Ayuntamiento de Quillota')]),
    ('De verwerkingsverantwoordelijke is Stichting Quill, Dorpsstraat 1, Utrecht.',
     [(('*',), (), 'Stichting Quill')]),
    ('Quill.io is operated by Quill Technologies Inc.',
     [(('*',), (), 'Quill Technologies Inc.')]),
    ('Quill Inc. is the data controller. Our Data Protection Officer is Jane Roe of '
     'Quill DPO Services Ltd.',
     [(('*',), (), 'Quill Inc.')]),
    ('Quill Inc., a Delaware corporation with offices in New York, is the controller.',
     [(('*',), (), 'Quill Inc.')]),
    ('For the purposes of the GDPR, the controller is Quill Ireland Limited, with its '
     'registered office at 1 Quay, Dublin, Ireland.',
     [(('*',), (), 'Quill Ireland Limited')]),
    ('Quill Ltd is a subsidiary of Quill Holdings plc. Quill Ltd is the controller of '
     'your data.',
     [(('*',), (), 'Quill Ltd')]),
    ('Quill Inc. is the controller. Our representative in the EU is Quill Rep Ltd, '
     'Dublin, Ireland.',
     [(('*',), (), 'Quill Inc.')]),
    ('Verantwortlicher ist die Quill Inc., 1 Main St, New York, USA. Unser Vertreter '
     'in der EU ist die Quill Vertretung GmbH, Berlin.',
     [(('*',), (), 'Quill Inc.')]),
    ("Le responsable du traitement est Quill Inc. Notre représentant dans l'Union "
     'européenne est Quill Rep SAS, Paris, France.',
     [(('*',), (), 'Quill Inc.')]),
    ('El responsable del tratamiento es Quill Inc. Nuestro representante en la UE es '
     'Quill Rep S.L., Madrid, España.',
     [(('*',), (), 'Quill Inc.')]),
    ("Il titolare del trattamento è Quill Inc. Il nostro rappresentante nell'UE è "
     'Quill Rep S.r.l., Milano, Italia.',
     [(('*',), (), 'Quill Inc.')]),
    ('Quill GmbH mit Sitz in Berlin, Deutschland, ist Verantwortlicher.',
     [(('*',), (), 'Quill GmbH')]),
    ('Quill B.V., gevestigd in Amsterdam, Nederland, is de '
     'verwerkingsverantwoordelijke.',
     [(('*',), (), 'Quill B.V.')]),
    ('Quill S.p.A., con sede legale in Milano, Italia, è il titolare del trattamento.',
     [(('*',), (), 'Quill S.p.A.')]),
    ('Quill SAS, société immatriculée en France, est le responsable du traitement.',
     [(('*',), (), 'Quill SAS')]),
    ('Quill Ltd is the controller. We may transfer your data to the United States and '
     'India.',
     [(('*',), (), 'Quill Ltd')]),
    ('Quill Ltd is the controller. Your data is stored on servers in Germany.',
     [(('*',), (), 'Quill Ltd')]),
    ('Quill GmbH ist Verantwortlicher. Ihre Daten werden in die USA übermittelt.',
     [(('*',), (), 'Quill GmbH')]),
    ('Quill SAS est responsable du traitement. Vos données peuvent être transférées '
     'vers les États-Unis.',
     [(('*',), (), 'Quill SAS')]),
    ('Quill Ltd, a company incorporated in England and Wales, is the data controller.',
     [(('*',), (), 'Quill Ltd')]),
    ('Our Data Protection Officer is Quill Privacy GmbH. The controller is Quill AG.',
     [(('*',), (), 'Quill AG')]),
    ('Quill Inc. is the controller. We use Quill Hosting LLC as our processor in '
     'Canada.',
     [(('*',), (), 'Quill Inc.')]),
    ('Quill Inc. is the controller. Quill Inc. is a wholly owned subsidiary of Quill '
     'Group plc, a UK company.',
     [(('*',), (), 'Quill Inc.')]),
    ('Quill Ltd (company number 123456, registered office: 1 Fleet St, London, United '
     'Kingdom) is the controller.',
     [(('*',), (), 'Quill Ltd')]),
    ('Administratorem danych jest Quill Sp. z o.o. z siedzibą w Warszawie, Polska.',
     [(('*',), (), 'Quill Sp. z o.o.')]),
    ('Personuppgiftsansvarig är Quill AB med säte i Stockholm, Sverige.',
     [(('*',), (), 'Quill AB')]),
    ('Wenn Sie in der Schweiz wohnen, ist die Quill AG Verantwortliche für Ihre Daten. '
     'Für alle anderen Nutzer ist die Quill GmbH verantwortlich.',
     [(('*',), ('CH',), 'Quill GmbH'),
      (('CH',), (), 'Quill AG')]),
    ('Nutzer mit Wohnsitz in Österreich: Verantwortlicher ist die Quill Austria GmbH.',
     [(('AT',), (), 'Quill Austria GmbH')]),
    ('Le responsable du traitement est Quill SAS pour les utilisateurs résidant en '
     'France, et Quill Inc. pour les utilisateurs résidant dans tous les autres pays.',
     [(('*',), ('FR',), 'Quill Inc.'),
      (('FR',), (), 'Quill SAS')]),
    ('Si vous résidez au Québec, votre responsable est Quill Canada Inc.',
     [(('CA-QC',), (), 'Quill Canada Inc.')]),
    ('Si vives en España, el responsable del tratamiento es Quill España, S.L.; si '
     'vives en cualquier otro país, es Quill Inc.',
     [(('*',), ('ES',), 'Quill Inc.'),
      (('ES',), (), 'Quill España S.L.')]),
    ('Per gli utenti residenti in Italia il titolare del trattamento è Quill Italia '
     'S.r.l.; per tutti gli altri utenti è Quill Ltd.',
     [(('*',), ('IT',), 'Quill Ltd'),
      (('IT',), (), 'Quill Italia S.r.l.')]),
    ('Als je in Nederland woont, is Quill Nederland B.V. verantwoordelijk voor de '
     'verwerking; woon je elders, dan is dat Quill Inc.',
     [(('*',), ('NL',), 'Quill Inc.'),
      (('NL',), (), 'Quill Nederland B.V.')]),
    ('Se você mora no Brasil, o controlador é a Quill Brasil Ltda. Para usuários fora '
     'do Brasil, o controlador é a Quill Inc.',
     [(('*',), ('BR',), 'Quill Inc.'),
      (('BR',), (), 'Quill Brasil Ltda.')]),
    ('Om du bor i EES är Quill Europe AB personuppgiftsansvarig. Om du bor utanför EES '
     'är Quill Inc. personuppgiftsansvarig.',
     [(('*',), ('EEA',), 'Quill Inc.'),
      (('EEA',), (), 'Quill Europe AB')]),
    ('Die Quill GmbH und die Quill Media AG (gemeinsam „wir“) sind gemeinsam für die '
     'Verarbeitung Verantwortliche.',
     [(('*',), (), 'Quill GmbH'),
      (('*',), (), 'Quill Media AG')]),
    ('Quill Ireland Limited è il titolare del trattamento per gli utenti nello Spazio '
     'economico europeo.',
     [(('EEA',), (), 'Quill Ireland Limited')]),
    ('Quill Ireland Limited es el responsable del tratamiento de los datos de los '
     'usuarios del Espacio Económico Europeo y Suiza.',
     [(('EEA', 'CH'), (), 'Quill Ireland Limited')]),
    ('株式会社クイル(以下「当社」といいます。)は、お客様の個人情報を適切に取り扱います。',
     [(('*',), (), '株式会社クイル')]),
    ('クイル株式会社（以下「当社」）は、個人情報の保護に関する法律を遵守し、個人情報を適切に管理します。',
     [(('*',), (), 'クイル株式会社')]),
    ('当社(クイル合同会社)は、利用者の個人情報を次のとおり取り扱います。',
     [(('*',), (), 'クイル合同会社')]),
    ('本隐私政策适用于北京奎尔科技有限公司（以下简称“我们”）提供的产品和服务。我们重视您的个人信息保护。',
     [(('*',), (), '北京奎尔科技有限公司')]),
    ('奎尔网络科技（上海）有限公司（以下简称“奎尔”或“我们”）深知个人信息对您的重要性。',
     [(('*',), (), '奎尔网络科技（上海）有限公司')]),
    ('本政策由台北奎爾股份有限公司（下稱「本公司」）訂定，說明本公司如何蒐集、處理及利用您的個人資料。',
     [(('*',), (), '台北奎爾股份有限公司')]),
    ("주식회사 퀼(이하 '회사')은 개인정보 보호법에 따라 이용자의 개인정보를 보호합니다.",
     [(('*',), (), '주식회사 퀼')]),
    ('㈜퀼코리아(이하 "회사"라 함)는 이용자의 개인정보를 중요시합니다.',
     [(('*',), (), '㈜퀼코리아')]),
    ('Quill Japan株式会社（以下「当社」）は、個人情報を適切に取り扱います。',
     [(('*',), (), 'Quill Japan株式会社')]),
    ("Quill Korea Ltd.(이하 '회사')는 개인정보를 보호합니다.",
     [(('*',), (), 'Quill Korea Ltd.')]),
    ('# Datenschutzerklärung der Quill GmbH\n\nWir freuen uns über Ihr Interesse an '
     'unserer Website. Der Schutz Ihrer personenbezogenen Daten ist uns wichtig.\n',
     [(('*',), (), 'Quill GmbH')]),
    ('# Privacy Policy\n\nLast updated: 1 March 2024\n\nAt Quill Labs Ltd, we take '
     'your privacy seriously. This policy explains how we collect and use your '
     'personal data.\n',
     [(('*',), (), 'Quill Labs Ltd')]),
    ('# Politique de confidentialité\n\nLa présente politique décrit la manière dont '
     'Quill SAS traite vos données personnelles lorsque vous utilisez notre site.\n',
     [(('*',), (), 'Quill SAS')]),
    ("# Informativa privacy\n\nAi sensi dell'art. 13 del Regolamento UE 2016/679, "
     'Quill S.r.l. informa che i dati personali degli utenti sono trattati come '
     'segue.\n',
     [(('*',), (), 'Quill S.r.l.')]),
    ('# Política de privacidad\n\nEn Quill Soluciones, S.L. nos tomamos muy en serio '
     'la protección de sus datos personales.\n',
     [(('*',), (), 'Quill Soluciones S.L.')]),
    ('# Privacyverklaring\n\nQuill B.V. hecht veel waarde aan de bescherming van uw '
     'persoonsgegevens. In deze privacyverklaring leggen wij uit hoe wij uw gegevens '
     'verwerken.\n',
     [(('*',), (), 'Quill B.V.')]),
    ('# Política de Privacidade\n\nA Quill Tecnologia Ltda. respeita a sua privacidade '
     'e trata os seus dados pessoais de acordo com a LGPD.\n',
     [(('*',), (), 'Quill Tecnologia Ltda.')]),
    ('# Integritetspolicy\n\nQuill AB värnar om din personliga integritet. Denna '
     'policy förklarar hur vi behandlar dina personuppgifter.\n',
     [(('*',), (), 'Quill AB')]),
    ('# Tietosuojaseloste\n\nQuill Oy käsittelee henkilötietojasi tämän '
     'tietosuojaselosteen mukaisesti.\n',
     [(('*',), (), 'Quill Oy')]),
    ('# Privatlivspolitik\n\nQuill ApS behandler dine personoplysninger i '
     'overensstemmelse med denne privatlivspolitik.\n',
     [(('*',), (), 'Quill ApS')]),
    ('# Polityka prywatności\n\nQuill Sp. z o.o. przetwarza Twoje dane osobowe zgodnie '
     'z RODO.\n',
     [(('*',), (), 'Quill Sp. z o.o.')]),
    ('For EEA users, the controller is Quill Ireland Limited.',
     [(('EEA',), (), 'Quill Ireland Limited')]),
    ('UK users: the controller is Quill UK Ltd.',
     [(('GB',), (), 'Quill UK Ltd')]),
    ('If you are a US resident, Quill Inc. is your controller.',
     [(('US',), (), 'Quill Inc.')]),
    ('Quill Ireland Limited is the controller for users located in the European '
     'Economic Area (EEA), the United Kingdom and Switzerland.',
     [(('EEA', 'GB', 'CH'), (), 'Quill Ireland Limited')]),
    ('Quill Inc. is the controller for users in the United States and Canada; Quill BV '
     'is the controller for users in Europe.',
     [(('EEA',), (), 'Quill BV'),
      (('US', 'CA'), (), 'Quill Inc.')]),
    ('Canadian users contract with Quill Canada Inc.',
     [(('CA',), (), 'Quill Canada Inc.')]),
    ('German customers contract with Quill Deutschland GmbH.',
     [(('DE',), (), 'Quill Deutschland GmbH')]),
    ('如果您居住在中国大陆以外的地区，您的个人信息控制者为奎尔国际有限公司。',
     [(('*',), ('CN',), '奎尔国际有限公司')]),
    ('한국 외 지역에 거주하는 이용자의 경우 Quill Global Ltd.가 개인정보처리자입니다.',
     [(('*',), ('KR',), 'Quill Global Ltd.')]),
    ('The controller for users in Australia is Quill Australia Pty Ltd; for users in '
     'New Zealand it is Quill NZ Limited.',
     [(('AU',), (), 'Quill Australia Pty Ltd'),
      (('NZ',), (), 'Quill NZ Limited')]),
]

#: constructions not read yet, kept here so that reading them shows
NOT_YET = {
    "Jeśli mieszkasz w Polsce, administratorem danych jest Quill Polska Sp. z o.o.":
        "Polish place names inflected (locative 'w Polsce'): CLDR gives only the nominative",
    "Canadian users contract with Quill Canada Inc.":
        "demonyms ('Canadian users'): no well-kept library ships them in the languages read",
    "German customers contract with Quill Deutschland GmbH.":
        "demonyms ('German customers'): no well-kept library ships them in the languages read",
}


@pytest.mark.parametrize(("text", "want"), [
    pytest.param(t, w, id=t[:40], marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[t])]
                 if t in NOT_YET else []) for t, w in CASES])
def test_a_style_of_naming_the_controller(kb, text: str, want: list[Rule]) -> None:
    assert explicit_rules(kb, "# Privacy\n\n" + text + "\n") == set(want)
