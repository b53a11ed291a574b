"""The words policies use, in the languages ``ingest`` reads: role words for a controller, the
provider wording that names one without the word, joint controllers, representatives and data
protection officers, the local names of the EEA and the EU, and CJK company forms.

English, German, French, Spanish, Italian, Dutch and Portuguese role words; Japanese, Korean and
Chinese terms for the entity handling personal information. Each list is a regular expression
fragment; :mod:`.clauses` and :mod:`.entities` compose them. Country names in every language
come from CLDR (``babel``) in :mod:`.places`, not from here.
"""

from __future__ import annotations

import re

__all__ = ["ADDRESS", "CJK_CHARS", "CJK_FORMS", "CJK_WE", "COLLECTIVE", "DEPENDING", "EEA_NAMES",
           "EU_NAMES", "FORMER", "GROUP_TERM", "JOINT", "OPERATES", "OR_AFFILIATE", "PARENT",
           "PARENT_AFTER", "PRONOUNS", "PROVIDER_AFTER", "PROVIDER_BEFORE", "REFERRAL", "REFER_TO",
           "REPRESENTATIVE", "ROLE", "ROLE_HEADING", "ROLE_LABEL", "SERVING", "STATED",
           "UNDEFINED_GROUP", "VERB", "WE_ARE", "WHO_WE_ARE"]

#: Japanese kana, CJK ideographs and Hangul, as a character class's body
CJK_CHARS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: A controller's role, as a noun phrase (case-insensitive).
ROLE = (r"(?:data\s+)?controllers?\b|\bpersonal\s+information\s+(?:handler|processor)s?\b"
        r"|responsables?\s+(?:conjoints?\s+)?(?:du|de|des)\s+(?:ce\s+|ces\s+)?traitements?"
        r"|co-?responsables?\s+(?:du|de)\s+(?:ce\s+)?traitement"
        r"|\bverantwortlich\s+im\s+Sinne\s+d(?:er|es)\b"
        r"|\b(?:el|le)\s+responsable(?=\s+(?:es|est)\s)|\bil\s+titolare(?=\s+è\s)"
        r"|\bverantwortlich(?=\s+(?:ist|sind)\s)|(?<!nicht\s)\bverantwortlich(?=\s*(?:[.;?]|$))"
        r"|(?:für\s+die\s+(?:Daten)?verarbeitung\s+)?verantwortliche[rn]?\b(?!\s+für\s+die\s+"
        r"Inhalte)|\bverantwortlich\s+für\s+die\s+(?:Daten)?verarbeitung|\bverantwortliche\s+stelle"
        r"|verwerkingsverantwoordelijken?\b|verantwoordelijke?\s+voor\s+de\s+verwerking"
        r"|\bverantwoordelijk\s+voor\s+(?:deze|de|het)\s+(?:website|site|webshop|app)\b"
        r"|\bverantwoordelijk\s+voor\s+(?:uw|je|jouw)\s+(?:persoons)?gegevens\b"
        r"|responsables?\s+del\s+tratamiento|corresponsables?\s+del\s+tratamiento"
        r"|\b(?:organismo|entidad)\s+responsable\b"
        r"|titolar[ei]\s+del\s+trattamento|contitolari\s+del\s+trattamento"
        r"|responsáve(?:l|is)\s+pel[oa]\s+tratamento|\bcontrolador(?:a|es|as)?\b|entidade\s+responsável\s+pel[ao]\s+"
        r"(?:recolha|tratamento)"
        r"|個人情報取扱事業者|개인정보\s?처리자|个人信息处理者|個人資料之?蒐集者|個人資料之?控管者|个人信息的处理者"
        r"|控管者|データ管理者|(?<![保護責任])管理者(?=[」』”\"]?(?:として|となり|です|は))"
        r"|个人信息控制者|数据控制者|(?:데이터\s?|개인정보의\s?)?컨트롤러|(?:データ)?コントローラー?"
        # the GDPR's word in Swedish, Danish, Norwegian, Polish, Czech, Finnish, Hungarian, Romanian
        r"|personuppgiftsansvarig[ae]?\b|behandlingsansvarig[ae]?\b|\bdataansvarlige?\b"
        r"|\bbehandlingsansvarlige?\b"
        r"|\b(?:[Ww]spół)?[Aa]dministrator(?:em|ami|zy)?\s+(?:Twoich\s+|Pani\s+|Pana\s+)?danych"
        r"(?:\s+osobowych)?|\badministratorem(?=\s+(?:[^;\n]{0,100}?\s)?"
        r"(?:jest|są)\b)|\bsprávce(?:m)?\s+"
        r"(?:osobních\s+)?údajů|\brekisterinpitäjä\w*|\badatkezelő\w*|\boperator(?:ul)?\s+de\s+"
        r"date\b|\bveri\s+sorumlusu\b")
#: A heading or lead-in that names the controller in the lines under it.
ROLE_HEADING = (ROLE + r"|\bcontroller\b|verantwortlich(?:e|er|en)?\b|titolare\b"
                r"|responsable\s+(?:du|de|del)\s+trat|qui\s+est\s+responsable"
                r"|who\s+is\s+(?:\w+ly\s+)?responsible|wer\s+ist\s+verantwortlich"
                r"|\b(?:company|entity|organi[sz]ation)\s+responsible\s+for\s+(?:your|the)\s+"
                r"(?:personal\s+)?(?:data|information)\b")
#: A role as a label before the name: "Responsable: Ejemplo S.L., …", "Verantwortlicher: …",
#: a table's first cell "Responsable" (case-insensitive; anchored at the start).
ROLE_LABEL = (r"^\s*(?:(?:the\s+)?(?:data\s+)?controller|responsible\s+(?:party|entity|body)|"
              r"responsable(?:\s+del?\s+tratamiento|\s+d[eu]\s+traitement)?|titular(?:\s+del\s+"
              r"tratamiento)?|titolare(?:\s+del\s+trattamento)?|(?:datenschutzrechtlich\s+)?"
              r"verantwortliche?r?(?:\s+stelle)?|verantwortlich|responsável(?:\s+pelo\s+"
              r"tratamento)?|verwerkingsverantwoordelijke|verantwoordelijke|rekisterinpitäjä|"
              r"správce(?:\s+osobních\s+údajů)?|adatkezelő|operator(?:ul)?\s+de\s+date|"
              r"veri\s+sorumlusu|personuppgiftsansvarig|dataansvarlig|behandlingsansvarlig|"
              r"administrator\s+danych(?:\s+osobowych)?)\s*(?::|$)")
#: a company serving the issuer: "hosted by", "our service provider", "on our behalf"
SERVING = (r"\b(?:(?:sub-?)?processors?|(?:service|payment)\s+providers?|"
           r"host(?:ing|ed|s)|gehostet|"
           r"prestataires?|hébergé\w*|servidores|alojad[oa]s|operador(?:a)?|Hoster\w*|"
           r"adatfeldolgoz\w*|tárhely\w*|zpracovatel\w*|käsittelijä\w*|"
           r"împuternicit\w*|veri\s+işleyen|przetwarzając\w*|"
           r"consent\w*|Einwilligung\w*|consentimiento|consenso|samtycke\w*|"
           r"cookies?|Cookie\w+|(?-i:adverti[sz]ing)|"
           r"Zahlungsdienstleister\w*|proveedor(?:es)?\s+de\s+pagos?|"
           r"on\s+our\s+behalf|im\s+Auftrag|pour\s+(?:notre|son)\s+compte|sous-traitants?|"
           r"Auftragsverarbeit\w*|encargad[oa]|verwerkers?|per\s+conto)\b")
#: "If you are visiting from the UK, please refer to X Ltd": the company of those users
REFER_TO = (r"\bif\s+you\s+(?:are|reside|live)\b[^.;]{0,60}?,\s*please\s+(?:refer\s+to|see|"
            r"visit|consult)\s+(?:the\s+(?:privacy\s+)?(?:policy|notice|statement)\s+of\s+)?$")
#: "is", "are", "acts as" and their equivalents before a role.
VERB = (r"(?:is|are|acts?\s+as|will\s+be|was|were|remains?|becomes?|shall\s+be|has\s+been|"
        r"serves?\s+as|process(?:es)?[^.;]{0,40}?\bas|est|sont|agit|agissent|ist|sind|fungiert|es|son|actúa|è|sono|agisce|"
        r"is|zijn|zal|treedt|é|são|atua|är|er|jest|je|ricopre|riveste|asume|ostenta)")
#: Provider wording that names the entity AFTER it ("is operated by X").
PROVIDER_AFTER = (r"\b(?:(?:owned\s+and\s+)?operated|provided(?:\s+and\s+controlled)?|offered|"
                  r"run|(?<=is\s)owned)\s+(?:to\s+you\s+)?(?:directly\s+|solely\s+|exclusively\s+)?by\b|\b(?:you\s+are|are|is)\s+"
                  r"contracting\s+with\b"
                  r"|\bcontracting\s+(?:entity|party)\s+is\b|\b(?:entity|company)\s+(?:that|which)\s+"
                  r"provides\s+(?:the\s+|our\s+)?(?:Services?|Platform)\b[^.;]{0,60}?\bis\b|\bwill\s+be\s+provided\s+to\s+you"
                  r"\s+by\b|\ba\s+service\s+provided\s+by\b|\bexploitée?s?\s+par\b"
                  r"|\bfournis?\s+par\b|\bbetrieben\s+von\b|\bbereitgestellt\s+von\b"
                  r"|\b(?:wird|werden)\s+von(?=\s+(?:der|dem|den)\s+[^.;]{2,80}?\s(?:betrieben|"
                  r"bereitgestellt|angeboten)\b)"  # "wird von der X GmbH betrieben"
                  r"|\bsous\s+la\s+responsabilité\s+d[e']"
                  # "… komen onder de verantwoordelijkheid van X", "under the responsibility of X"
                  r"|\b(?:under|within)\s+the\s+responsibility\s+of\b|\bverantwoordelijkheid\s+"
                  r"van\b|\bunter\s+der\s+Verantwortung\s+(?:der|des|von)\b|\bbajo\s+la\s+"
                  r"responsabilidad\s+de\b|\bsotto\s+la\s+responsabilità\s+d[i']|\bsob\s+a\s+"
                  r"responsabilidade\s+d[aeo]\b"
                  r"|\b(?:published|managed)\s+by\b|\b(?:are|is)\s+served\s+by\b"
                  r"|\bédité(?:e|s|es)?\s+par\b"
                  r"|\bherausgegeben\s+von\b|\b(?:gestit|pubblicat)[oaie]\s+da\b"
                  r"|\b(?:gestionad|operad|publicad|explotad|gerid)[oa]s?\s+por\b|\b(?:es|son)\s+propiedad\s+de\b"
                  r"|\b(?:gerid|operad|mantid|administrad|explorad)[oa]s?\s+pel[oa]\b"
                  r"|\b(?:beheerd|uitgegeven|geëxploiteerd)\s+door\b"
                  # "you enter into a contract with X", in the other languages read
                  r"|\b(?:ga(?:at)?|sluit)\s+(?:je|u)\s+een\s+(?:overeenkomst|contract)\s+(?:aan\s+|af\s+)?"
                  r"met\b|\bschließen\s+Sie\s+(?:einen|den)\s+Vertrag\s+mit\b|\bIhr\s+"
                  r"Vertragspartner\s+ist\b|\bvous\s+(?:contractez|concluez\s+un\s+contrat)\s+avec\b|"
                  r"\bvotre\s+contrat\s+est\s+conclu\s+avec\b|\b(?:contratas|contrata\s+usted)\s+con\b|"
                  r"\b(?:celebras|celebra)\s+un\s+contrato\s+con\b|\bstipuli\s+un\s+contratto\s+con\b|"
                  r"\bil\s+tuo\s+contratto\s+è\s+con\b|\b(?:você\s+)?(?:celebra|firma)\s+um\s+contrato\s+"
                  r"com\b|\bseu\s+contrato\s+é\s+com\b|\byour\s+contract\s+is\s+with\b|\byou\s+(?:enter"
                  r"|are\s+entering)\s+into\s+(?:an?\s+)?(?:contract|agreement)\s+with\b")
#: Operator wording with the site as object: "X exploite le site", "(die) X … exploiteert",
#: "X betreibt diese Website", "X gestisce il sito"
OPERATES = (r"exploite(?:nt)?\s+(?:le|la|les|l['’]|ce|cette)\s*(?:site|application|plateforme)|"
            r"exploiteert\b|betreibt\s+(?:die|diese)\s+(?:Website|Webseite|App|Plattform)|"
            r"gestisce\s+(?:il|questo)\s+sito")
#: Provider wording that names the entity BEFORE it ("X provides the Services to you").
PROVIDER_BEFORE = (r"^\s*,?\s*(?:\([^)]*\)\s*)?,?\s*(?:provides?\s+(?:the|our|its)\s+(?:Services?|"
                   r"Platform|products?)\s+to\s+you|determines?\s+the\s+purposes\s+and\s+"
                   r"(?:the\s+)?means|" + OPERATES + r"|operates?\s+the\s+(?:Platform|Site|"
                   r"website|Services?)|is\s+the\s+operator\s+of|(?:is\s+|ist\s+|est\s+)?(?:as|als|en\s+tant\s+qu['’]"
                   r"|in\s+qualità\s+di|como|na\s+qualidade\s+de|acting\s+as|der|the)\s+"
                   r"(?:the\s+|der\s+|l['’]|le\s+|il\s+|el\s+|o\s+)?(?:operator|Betreiber(?:in)?|"
                   r"exploitant|gestore|operador|beheerder)\s+(?:of|der|des|de|du|della|del|do|da|"
                   r"van|dieser|dieses|von)\b)")
#: "Depending on your location, either X or Y …" in the languages read: a clause that assigns
#: a company per place even without a role word
DEPENDING = (r"\bdepend(?:s|ing)\s+on\s+(?:your\s+(?:location|country|region|residence)|where\s+"
             r"you)|\bselon\s+votre\s+(?:pays|lieu\s+de\s+résidence|localisation)|\bje\s+nach\s+"
             r"(?:Ihrem\s+)?(?:Wohnort|Standort|Land)|\ben\s+función\s+de\s+(?:tu|su)\s+(?:ubicación"
             r"|país|residencia)|\ba\s+seconda\s+del\s+(?:paese|luogo)|\bafhankelijk\s+van\s+"
             r"(?:waar\s+je|uw\s+land|je\s+land)|\bdependendo\s+d[ao]\s+(?:sua\s+)?(?:localização|"
             r"país)|\bdépend\w*\s+d[eu]\s+[^.;]{0,80}?\bvotre\s+(?:localisation|pays|lieu\s+de\s+"
             r"résidence)|\b(?:company|entity|affiliate)\s+(?:that\s+provides|providing|operating)\s+"
             r"(?:the\s+|our\s+)?(?:services?|apps?)\s+in\s+your\s+(?:country|region)")
#: Joint controllers.
JOINT = (r"\bjoint(?:ly)?\s+(?:data\s+)?(?:controllers?|responsible)\b|\bjoint\s+data\s+controller"
         r"|\bresponsables?\s+(?:de\s+traitement\s*|du\s+traitement\s*)?[»”\"]?\s*conjoints?\b"
         r"|\b(?:joint|gemeinsam\w*)\s+[«“„\"]\s*(?:data\s+)?(?:controllers?|Verantwortliche)"
         r"|\bco-?responsables?\b|\bsamen\s+verantwoordelijk|\bgemeinsam(?:e|en)?\s+"
         r"(?:für\s+die\s+Verarbeitung\s+)?Verantwortliche|\bcorresponsables?\b|\bcorresponsáve(?:l|is)\b|\bcontitolari\b"
         r"|\bconjuntamente\s+responsáveis\b|\btogether\s+with\b[^.;]{0,40}\bcontroller"
         r"|\bconjointement\s+responsables\b|\bgemeinsam\s+verantwortlich\b"
         r"|\bcontrolador(?:a|e)s?\s+conjunt[oa]s\b|\bco-?controlador"
         r"|\bgemensamt\s+personuppgiftsansvariga\b|\bgemensamma\s+personuppgiftsansvariga\b"
         r"|\bfælles\s+dataansvarlige\b|\bfelles\s+behandlingsansvarlige\b"
         r"|\b[Ww]spóładministrator\w*|共同管理者|共同个人信息处理者|共同控管者|共同管理|"
         r"공동\s?개인정보\s?처리자|공동으로\s?처리")
#: Representatives (Art. 27) and data protection officers, in every language read.
REPRESENTATIVE = (r"\brepresentatives?\b|\bArt(?:icle|\.)?\s*27\b|\bdata\s+protection\s+officer\b|"
                  r"\bDPO\b(?!@)|\breprésentants?\b|\bdélégué\s+à\s+la\s+protection|\bVertret(?:er|ung)"
                  r"\b|\bDatenschutzbeauftragte[rn]?\b|\bvertegenwoordig(?:er|d)\b|\bfunctionaris\s+"
                  r"(?:voor\s+(?:de\s+)?)?gegevensbescherming\b|\brepresentante\b|\bdelegado\s+de\s+"
                  r"protección|\brappresentante\b|\bresponsabile\s+della\s+protezione|\bencarregado"
                  r"\b|\bresponsável\s+pela\s+proteção\s+d[oe]s?\s+dados\b|\bauthori[sz]ed\s+"
                  r"representative\b|\b(?:RPD|DPD|DSB)\b(?!@)|\bgegevensbeschermingsfunctionaris\b|\bdélégué(?:e|s)?\s+"
                  r"(?:à\s+la\s+)?protection\b|\bencarregad[oa]\b|\bprivacy\s+officer\b|代表取締役|代表者|개인정보\s?보호\s?책임자|法定代表人"
                  r"|代理人|대리인|\bInspektor\w*\s+Ochrony\s+Danych|\bdataskyddsombud\w*"
                  r"|\b(?:data\s+)?privacy[- ]manager\b"
                  r"|\bdatabeskyttelsesrådgiver\w*|\bpersonvernombud\w*")
#: "Who we are" in the languages read: the companies listed under it are the controllers
WHO_WE_ARE = (r"\bwho\s+we\s+are\b|\bwer\s+(?:sind\s+wir|wir\s+sind)\b|\bqui\s+sommes[- ]nous\b|"
              r"\bchi\s+siamo\b|\bqui[eé]nes\s+somos\b|\bwie\s+(?:zijn\s+wij|wij\s+zijn)\b|"
              r"\bquem\s+somos\b")
#: "We are the controller" in the languages read ("Nous sommes le Responsable de Traitement",
#: "siamo il “Titolare” del Trattamento", "Wir sind Verantwortlicher", "Somos o responsável").
WE_ARE = (r"\b(?:we\s+(?:are|act\s+as|will\s+be|remain|shall\s+be)\b[^.;]{0,40}\bcontroller|"
          r"(?:nous\s+sommes|nous\s+agissons\s+en\s+tant\s+que|wir\s+sind|sind\s+wir|siamo|"
          r"somos|wij\s+zijn|zijn\s+wij|agimos\s+como)\s+(?:\w+\s+){0,2}?[«“\"„‘']?\s*(?:"
          + ROLE + r"|titolare\b)"  # the whole role: not "Wir sind verantwortlich für …"
          r"|(?:当社|弊社|本公司|我们|我們|회사|당사)[^。.]{0,120}?(?:" + ROLE +
          r"))")  # "当社は、…「管理者」です": "we" in Japanese, Chinese, Korean
#: Before a former name ("(formerly Outbrain Inc.)"), anchored at the name.
FORMER = (r"\b(?:(?:formerly|previously)(?:\s+(?:known\s+as|named|called))?|under\s+change\s+of\s+"
          r"name\s+from|anciennement(?:\s+(?:dénommée?|appelée?))?|ehemals|vormals|früher|voorheen|"
          r"antes\s+denominada|anteriormente(?:\s+denominada)?|già|precedentemente(?:\s+"
          r"denominata)?)\s*:?\s*$")
#: a group's definition: "“Vodafone Group” means Vodafone Group Plc and any company …"
GROUP_TERM = (r"\W*[“\"„«]\s*[^”\"“«»]{0,40}\b(?:Group|Gruppe|groupe|gruppo|grupo|groep)\s*"
              r"[”\"“»]\s*(?:means|refers\s+to|bezeichnet|bedeutet|désigne|indica|significa|"
              r"betekent)")
#: Before a parent company ("la società madre Decisis Services SA", "a subsidiary of …"),
#: anchored at the name.
PARENT = (r"\b(?:parent\s+(?:company|entity|undertaking)|ultimate\s+parent|société\s+mère|"
          r"maison\s+mère|Muttergesellschaft|Konzernmutter|società\s+madre|capogruppo|"
          r"casa\s+madre|sociedad\s+matriz|moedermaatschappij|empresa[- ]mãe|sociedade[- ]mãe|"
          r"sociedade\s+controladora)\b(?![^.;:()]{0,60}?\b(?:of|de|du|des|von|der|van|di|della|"
          r"da|do)\s+(?:the\s+|la\s+|l['’]\s*)?$)[^.;:()]{0,60}$|"
          r"\b(?:(?:wholly[- ]owned\s+)?subsidiar(?:y|ies)(?:\s+(?:or|and)\s+affiliated?\s*"
          r"(?:entity|entities|compan(?:y|ies))?)?\s+of|affiliated?\s+(?:entity|company)\s+of|"
          # "X Ltd is owned by Y", never "This website is owned by Y": the site's owner
          r"(?<!site\sis\s)(?<!\bapp\sis\s)(?<!tform\sis\s)(?<!rvice\sis\s)(?<!\bshop\sis\s)"
          r"(?<!ortal\sis\s)owned\s+by|"
          r"filiale\s+(?:à\s+100\s*%\s+)?d[eu]|Tochtergesellschaft\s+(?:der|von)|"
          r"dochteronderneming\s+van|controllata\s+da|subsidiária\s+da?|filial\s+de|"
          # the head of a group: "a group of companies consisting of X and its affiliates"
          r"(?:group|gruppo|groupe|Gruppe|grupo|groep)\s+(?:of\s+companies\s+|di\s+(?:aziende|società)\s+"
          r"|de\s+sociétés\s+|von\s+Unternehmen\s+|de\s+empresas\s+|van\s+bedrijven\s+)?(?:consisting"
          r"\s+of|composed\s+of|made\s+up\s+of|headed\s+by|led\s+by|composto\s+da|guidato\s+da|"
          r"composé\s+de|bestehend\s+aus|compuesto\s+por|formado\s+por|bestaande\s+uit)|"
          # Italian law's word for the parent's control: "direzione e coordinamento di X S.p.A."
          r"direzione\s+e\s+coordinamento\s+(?:di|da\s+parte\s+di|della|del))\s*"
          r"(?:the\s+)?$|" + GROUP_TERM + r"\s+$")
#: "X Ltd (formerly …), with registered offices at …, or its affiliate, Y Inc.": named with X
OR_AFFILIATE = (r"\b(?:or|and|ou|et|oder|und|o|y|e|en)\s+(?:its|their|ses|leurs|seine|ihre|sus|"
                r"suoi|sua|zijn|haar)\s+(?:affiliates?|affiliated\s+company|filiales?|"
                r"Tochtergesellschaft\w*|dochteronderneming|afiliad[ao]s?|affiliat[ae])\s*,?\s*$")
#: A name followed by its being the parent: "Harbor Holdings, Inc. is the parent company of …"
PARENT_AFTER = (r"^\s*,?\s*(?:is|est|ist|es|è|é|is)\s+(?:the\s+|la\s+|le\s+|die\s+|de\s+|el\s+|"
                r"il\s+|a\s+)?(?:ultimate\s+)?(?:parent\b|société\s+mère|Muttergesellschaft|"
                r"moedermaatschappij|sociedad\s+matriz|società\s+madre|capogruppo|empresa[- ]mãe)")
#: A short name given to several companies at once ("(collectively “SurveyMonkey”)").
COLLECTIVE = (r"\b(?:collectively|together|jointly|collectivement|ensemble|gemeinsam|zusammen|"
              r"insgesamt|colectivamente|conjuntamente|collettivamente|congiuntamente|"
              r"gezamenlijk|samen|coletivamente)\b")
#: "we" and "us" in the languages read, as a policy defines them for its issuer.
PRONOUNS = frozenset({"we", "us", "our", "ours", "wir", "uns", "nous", "wij", "ons", "nosotros",
                      "nós", "noi", "nos", "vi", "oss", "vår", "meidän", "nas", "nasz"})
#: The EEA and the EU in the languages read (their abbreviations too).
EEA_NAMES = (r"\b(?:l['’]\s*|the\s+)?(?:European\s+Economic\s+Area|Espace\s+[ée]conomique\s+"
             r"europ[ée]en|Europäische[nm]?\s+Wirtschaftsraum[es]?|Europese\s+Economische\s+Ruimte|"
             r"Espacio\s+Econ[óo]mico\s+Europeo|Spazio\s+[Ee]conomico\s+[Ee]uropeo|Espaço\s+"
             r"Econ[óôo]mico\s+Europeu|Europeiska\s+ekonomiska\s+samarbetsområdet|[Dd]et\s+[Ee]uropæiske\s+"
             r"[Øø]konomiske\s+[Ss]amarbejdsområde|[Dd]et\s+[Ee]uropeiske\s+[Øø]konomiske\s+"
             r"[Ss]amarbeidsområde[t]?|Euroopan\s+talousalue\w*|Europejski\w*\s+Obszar\w*\s+"
             r"Gospodarcz\w*)\b|\b(?:EEE|EWR|EER|SEE|EØS|EES|EOG)\b|\bE\.\s?E\.\s?A\.")
EU_NAMES = (r"\b(?:Union\s+européenne|Europäische[nm]?\s+Union|Europese\s+Unie|Unión\s+Europea|"
            r"Unione\s+[Ee]uropea|União\s+Europeia|Europeiska\s+unionen|[Dd]en\s+[Ee]uropæiske\s+"
            r"[Uu]nion|[Dd]en\s+[Ee]uropeiske\s+[Uu]nion|Euroopan\s+unioni\w*|Uni[ai]\s+"
            r"Europejsk\w*)\b|\bUE\b(?!-|\s*\)\s*(?:n\.?\s*[º°o]?\s*)?\d{2,4}/\d)|\bE\.\s?U\.(?!\w)")
#: CJK company forms: (pattern, form, candidate countries).
CJK_FORMS: list[tuple[str, str, tuple[str, ...]]] = [
    # not "…とランタン株式会社との契約": a particle after the form ends a name written before it
    # … and a particle or copula after the name ends it: "株式会社Xが", "株式会社Xです"
    (r"(?:株式会社|合同会社|有限会社)(?![とのはがをにでも])(?:(?!です|が|は|を|と(?=株式会社|合同会社|"
     r"有限会社|[A-Z])|に(?:お|て|よ|つ)|で(?:す|は|の))[^\s(（)、。「」『』【】,，:：|]){1,30}",
     "株式会社", ("JP",)),
    # a non-profit's form before its name: 一般社団法人…, 公益財団法人…, 学校法人…, 社会福祉法人…
    (r"(?:一般社団法人|公益社団法人|一般財団法人|公益財団法人|学校法人|医療法人(?:社団|財団)?|"
     r"社会福祉法人|特定非営利活動法人|NPO法人)(?![とのはがをにでも])"
     r"[^\s(（)、。「」『』,，:：|とはがをにで]{1,30}", "一般社団法人", ("JP",)),
    # a Latin name of several words before the form: "SOPEXA JAPON株式会社"
    (r"(?<![A-Za-z0-9&.'-])(?:[A-Z][A-Za-z0-9&.'-]*\s){0,4}[A-Z][A-Za-z0-9&.'-]*"
     r"(?:株式会社|合同会社)",
     "株式会社", ("JP",)),
    (r"(?<![^\s、。「」(（|:：とはがをにで【])[^\s、。「」『』【】(（)|:：とはがをにで]{1,30}?(?:株式会社|"
     r"合同会社)", "株式会社", ("JP",)),
    # a Chinese name starts after a verb or particle (是, 由, 为, 了, 被 …), never with it
    # … with a bracketed place inside: 君岭健康管理咨询(上海)有限公司
    (r"[^\s于由是为的与和及了被把对即為與於對：:，,。、（(“”「」]{2,30}?(?:[(（][^()（）\s、。，,]{1,8}[)）])?"
     r"[^\s于由是为的与和及了被把对即為與於對：:，,。、（(“”「」]{0,20}?有限(?:责任)?公司",
     "有限公司",
     ("CN", "HK", "TW")),
    # a partnership of lawyers, accountants or tax advisers: 四川蓝光律师事务所
    (r"[^\s于由是为的与和及了被把对即為與於對：:，,。、（(“”「」]{2,30}?(?:律师|會計師|会计师|律師|"
     r"税务师)事务所", "律师事务所", ("CN", "HK", "TW")),
    (r"(?:㈜|\(주\)|주식회사\s?|유한회사\s)[가-힣A-Za-z0-9]{1,20}?(?=[은는이가을를의]?\s*[(（]|입니다|이며|"
     r"이고|\s|$|[,.])", "주식회사", ("KR",)),
    # the form after the name; a word ending in a particle is no name ("앱은 유한회사 …")
    (r"[가-힣A-Za-z0-9]{0,19}[가-힣A-Za-z0-9](?<![은는을를의와과])\s?(?:유한회사|주식회사)",
     "유한회사", ("KR",)),
    # the abbreviated form after the name: "위카모빌리티(주)는 …"
    (r"[가-힣A-Za-z0-9]{1,19}[가-힣A-Za-z0-9](?<![은는을를의와과])(?:\(주\)|㈜)", "주식회사",
     ("KR",)),
    # a public corporation or agency: 제주관광공사, 국민연금공단 (the form ends the name)
    (r"(?<![가-힣])[가-힣]{2,20}?(?:공사|공단)(?=[은는이가을를의과와]|에서|\s|$|[,.(（])", "공사",
     ("KR",)),
    # a foundation or an incorporated association: 재단법인 …, 사단법인 …
    (r"(?:재단법인|사단법인|사회복지법인|학교법인|의료법인|\(재\)|\(사\))\s?[가-힣A-Za-z0-9]{2,20}?"
     r"(?=(?:[은는이가을를의]|입니다|이며|이고)?(?:\s*[(（]|\s|$|[,.]))", "재단법인", ("KR",)),
]
#: The self-definition a CJK policy opens with: (以下「当社」…), (이하 “회사”), (以下简称“我们”),
#: also after a comma inside the bracket (“…有限公司，以下亦称“我们”）”).
CJK_WE = re.compile(r"[(（，,]\s*(?:以下|이하)[^)）]{0,20}?"
                    r"(?:当社|弊社|本公司|我们|회사|당사|재단|법인)"
                    r"|[(（]\s*[「“\"]?(?:当社|弊社|本公司|我们|회사|당사)"
                    r"[」”\"]?\s*[)）]")  # "株式会社X(「当社」)"
#: a quoted group of places the text never defines ("in the “Covered Region”")
UNDEFINED_GROUP = (
    r"\b(?:in|from|within|inside|outside|dans|hors|aus|im|in\s+der|nel|nella|en|no|na)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|l['’]|der\s+|den\s+|el\s+|los\s+|il\s+|os\s+|a\s+|o\s+)?"
    r"[“\"«„‘]\s*[A-ZÀ-Ý][^”\"»“’]{0,30}\b(?:Regions?|Countries|Area|Territor\w*|Zones?|"
    r"Jurisdictions?|Länder|Staaten|Gebiet\w*|Pays|Régions?|Zona|Paesi|Regione|Regioni|Países|"
    r"Región|Regiões|Landen|Regio)\b[^”\"»“’]{0,20}[”\"»“’]")
#: What follows a name when it states the company's seat: "(Ireland)", ", registered in …"
STATED = (r"^\s*(?:,\s*)?(?:\(|,?\s*(?:a\s+)?(?:company\s+|corporation\s+|"
          r"entity\s+)?(?:registered|incorporated|established|organi[sz]ed|located|"
          r"based|headquartered|domiciled|with\s+(?:its\s+)?(?:registered\s+)?"
          r"(?:offices?|seat|address)|having\s+its|at\b|of\s+\d|which\s+is\s+(?:based|"
          r"located|headquartered|registered|incorporated)|dont\s+le\s+siège|"
          r"situé|sise?\b|mit\s+(?:eingetragenem\s+)?Sitz|con\s+sede|com\s+sede|"
          r"gevestigd|ansässig|domicili|con\s+domicilio|(?:une\s+)?société\s+(?:\w+\s+){0,3}?"
          r"(?:immatriculée|enregistrée|constituée|établie)|immatricul|enregistrée|"
          r"registrad[ao]|constituid[ao]|inscrit[ao]|eingetragen|registriert|ingeschreven|"
          r"iscritt[ao]|registrat[ao]|matriculad[ao])|,\s*\d|"
          # an address set on lines of its own: "Kaistraße 6 40221 Düsseldorf"
          r"\s+(?:[A-ZÄÖÜ][\w.'’-]*\s+){1,4}\d+[a-z]?\s*,?\s*(?:[A-Z]{1,2}\s*[-–]\s*)?"
          r"\d{4,5}\s)")
#: ", Calle Mayor 5, 28013 Madrid, " before a country: capitalised words, numbers, commas
ADDRESS = (r",\s*(?:(?:[A-ZÀ-Ý\d][\w.'’/-]*|the|de|del|della|di|am|an|der|of|das|dos|"
           r"da|do|du|des|la|le|l['’]\w+|van|het|den|el|los|rue|avenue|boulevard|chemin|allée|"
           r"quai|via|viale|piazza|corso|calle|avenida|plaza|paseo|rua|praça|cedex)"
           r"[\s,]*){0,12}")  # "…, Rua das Flores 10, São Paulo, Brasil"
#: Where the user lives, as the condition of a clause ("if you reside in", "unless you are a
#: European Resident", "wenn Sie Ihren Wohnsitz in … haben", "caso resida fora", "hvis du bor"):
#: the company named with it is the one those users deal with, even without a role word.
RESIDES = (r"\b(?:if|unless|when|where)\s+(?:you|the\s+(?:user|customer|member|client))\s+"
           r"(?:(?:are|is|were)\s+(?:an?\s+)?(?:[A-Z]\w+\s+)?(?:resident|located|based|established|"
           r"domiciled|living|situated)|resides?|lives?|(?:are|is)\s+(?:in|outside)\b)|\bif\s+your\s+(?:primary\s+|principal\s+|habitual\s+)?(?:residence|"
           r"country\s+of\s+residence|place\s+of\s+residence)\b|\bfor\s+(?:all\s+)?(?:users|"
           r"customers|members|residents)\s+(?:who\s+(?:are|reside|live)\s+)?(?:located|residing|"
           r"resident|living|based)\b|\b(?:wenn|falls|sofern)\s+Sie\s+(?:Ihren\s+(?:gewöhnlichen\s+)?"
           r"(?:Wohnsitz|Aufenthalt)|ein\s+(?:Bewohner|Einwohner)|(?:in|außerhalb)\s+[^.;]{0,60}?"
           r"(?:wohnen|leben|ansässig))|\bsi\s+vous\s+(?:résidez|êtes\s+(?:un\s+)?(?:situé|établi|"
           r"résident|domicilié|basé)|vivez|habitez)|\bsi\s+(?:usted\s+)?(?:resides?|vives?|"
           r"(?:eres|es)\s+residente|(?:estás|está)\s+(?:ubicad|establecid|radicad))|\b(?:caso|se)\s+"
           r"(?:você\s+)?(?:resida|reside|viva|mora|more|estiver\s+(?:localizad|sediad))|\bse\s+"
           r"(?:l['’]utente\s+)?(?:risiedi|risiede|vivi|(?:sei|è)\s+(?:residente|situat|stabilit))|"
           r"\b(?:als|indien)\s+(?:je|u)\s+(?:woont|verblijft|gevestigd\s+bent)|\b(?:hvis|om)\s+du\s+"
           r"(?:bor|är\s+bosatt|er\s+bosatt|befinner\s+(?:dig|deg)|befinder\s+dig)\b|"
           r"\b(?:jeśli|jeżeli|gdy)\s+(?:mieszkasz|przebywasz|masz\s+miejsce\s+zamieszkania)\b|"
           r"\bjos\s+(?:asut|oleskelet|sijaitset)\b|\bif\s+it\s+is\s+not\s+in\b|\bif\s+you['’]re\s+(?:located|based|resident|"
           r"living|in|outside)\b")
#: A third party's service named next to provider wording ("the payment system, which is
#: operated by Stripe, Inc."): not the policy's own controller.
THIRD_PARTY = (r"\b(?:payment\s+(?:system|method|provider|service|processor)s?|"
               r"social\s+network|third[- ]"
               r"part(?:y|ies)|plug-?ins?|cookies?|pixels?|analytics|"
               # advertising in lower case ("advertising … is managed by X"), never "X Advertising"
               r"(?-i:adverti[sz]ing|ads|publicité|pubblicità|publicidad|publicidade|advertenties)|"
               # a tool or a vendor the site uses: hosting, a consent platform, a booking engine,
               # payments ("Our hosting is provided by X", "I pagamenti sono gestiti da X")
               r"hosting|hosted|servers?|consent\s+(?:platform|management|tool)|booking\s+engine|"
               r"newsletter|CDN|gehost|Hosting|hébergé\w*|alojad\w+|ospitat\w+|"
               r"consentement|bandeau|consentimiento|consenso|Einwilligung\w*|samtycke\w*|"
               r"Cookie\w*|"
               r"(?-i:[Pp]ayments(?=\s+(?:are|is|will))|payments?|Zahlungen|paiements|pagamenti|pagos|"
               r"pagamentos))\b")  # never a company's name: "Stripe Payments Australia Pty. Ltd."
#: The controller named by where the user lives, not by name: "the PayPal entity established in
#: the country or jurisdiction where you reside", "l'entité … établie dans le pays où vous
#: résidez", "die Gesellschaft in dem Land, in dem Sie wohnen" — the table of entities by country
#: elsewhere in the policy says which.
REFERRAL = (r"\b(?:entity|company|affiliate|subsidiary|entité|société|filiale|Gesellschaft|"
            r"Konzerngesellschaft|entidad|sociedad|filial|società|entità|entiteit|vennootschap|"
            r"entidade|sociedade)\b[^.;]{0,40}?\b(?:established|located|based|incorporated|"
            r"registered|operating|établie?|située?|ansässig\w*|niedergelassen\w*|establecid[ao]|"
            r"ubicad[ao]|stabilit[ao]|situat[ao]|gevestigd|estabelecid[ao]|sediad[ao]|in|im|en|"
            r"nel|em|dans)\s+(?:in\s+|en\s+|dans\s+|nel\s+|em\s+|in\s+dem\s+)?(?:the|your|le|"
            r"votre|dem|Ihrem|el|su|tu|il|tuo|suo|het|uw|o|seu)\s+(?:country|jurisdiction|pays|"
            r"Land|país|paese|land)\b[^.;]{0,60}?(?:where\s+you|in\s+which\s+you|of\s+(?:your\s+)?"
            r"residence|où\s+vous|in\s+dem\s+Sie|donde|en\s+el\s+que|in\s+cui|waar\s+u|onde|"
            r"de\s+(?:votre|su|tu)\s+résidence|de\s+residencia)"
            # "the Talvo company in your country", "la société X de votre pays"
            r"|\b(?:entity|company|affiliate|entité|société|Gesellschaft|entidad|sociedad|società|"
            r"entiteit|entidade)\b[^.;]{0,30}?\b(?:in|of|for|de|dans|in\s+Ihrem|en\s+su|nel\s+tuo|"
            r"in\s+uw|no\s+seu|do\s+seu)\s+(?:your\s+|votre\s+|tu\s+|su\s+|uw\s+)?(?:country|"
            r"region|jurisdiction|pays|Land|país|paese|land|região)\b"
)

