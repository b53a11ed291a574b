"""Controllers named without a legal form: a name that stands in a role clause's controller slot.

A clause that names no entity with a legal form may still name its controller by a bare name:

* after the role — "le responsable du traitement est Comuto Pro", "die Dienste von Telegram
  bereitgestellt";
* before it — "Mistral AI is the data controller", "Criteo acts as a sole data controller",
  "Freja eID Group est le responsable du traitement" (any verb and role word read);
* with "as" — "As a Data Controller, FLASHGAP undertakes …", "processed by SAS HAPPN, in its
  capacity as data controller", "performed by Freja eID Group in its capacity as data
  controller", "En tant que responsable du traitement de vos données, la société Exemple, …";
* in an identity block's name field under a role lead: "Denominazione: ATTIC APS".

A bare name is one to four capitalised words (camel case too: "eID"), never a pronoun, a place,
a generic word ("the Creator is the controller", "Users", "Company") or a word after a
determiner ("that Creator"), never cut from a longer capitalised run. The caller reads it as a
short name the policy defines when it is one ("SurveyMonkey is the controller" for the companies
named "collectively “SurveyMonkey”"), else as a new entity, at lower confidence.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.lexicon import REPRESENTATIVE, ROLE, ROLE_LABEL, VERB
from xborder.graph.ingest.names import LEADING
from xborder.graph.ingest.places import PlaceFinder

__all__ = ["address_name", "field_name", "joint_partner", "owner_name", "slot_name",
           "usable_name"]

#: a capital letter, Latin-1 and the Central European ones ("Łuczak", "Šimek")
_CAP = "[A-ZÀ-ÞŁŚŻŹĆŃŠŽČŘĎŤŇĽŐŰ]"
_BARE_WORD = (r"(?:" + _CAP + r"[\w&.’'-]*\w\+?|[a-z]{1,3}[A-Z][\w&.’'-]*|"  # "Canal+", "eID",
              r"(?:Dr|Prof|Mag|Ing|Dott|Avv|Arch|Geom|Rag)\.(?=[ \t]+[A-Z]))")  # "Dr. Anna X"
_BARE = r"(?<![\w.’'-])(" + _BARE_WORD + r"(?:\s+" + _BARE_WORD + r"){0,3})"
#: a bare name with a connector inside ("Kamer van Koophandel", "Institut für Lernforschung")
_LINKED = (r"(?<![\w.’'-])(" + _BARE_WORD + r"(?:\s+(?:(?:van|von|of|de|di|du|des|der|für|del|"
           r"della|do|da|dos|voor)\s+)?" + _BARE_WORD + r"){0,4})")
#: an apposition between the name and its verb: ", gevestigd aan …,", ", fournisseur de … " (in
#: lower case unless it closes with a comma, as an address does)
_APPOSITION = (r"(?-i:,\s+[a-zà-ÿ][^;.:()A-ZÀ-Þ]{2,120}?|,\s+[a-zà-ÿ](?:[^;.:()]|\.(?=\w)){2,220}?"
               r"\s?,)?")  # a full stop inside an address's e-mail ("info@x.com ,") ends nothing
#: a name on one line, with a title ("Praxis Dr. Anna Schmidt") or "&" ("Zahnarztpraxis
#: Kohlstetter & Kollegen") inside
_NAME = (r"(" + _CAP + r"[\w&.’'-]*[A-Za-z0-9]\+?(?:[ \t]+(?:(?:Dr|Prof|Mag|Ing|Dipl)\.|"
         r"[&–-](?=[ \t]" + _CAP + r")|" + _CAP + r"[\w&.’'-]*\w\+?)){0,4})")  # "X - Photography"
_ARTICLE = r"(?:the|a|an|le|la|l['’]|der|die|il|el|de|het|o|un|une|ein|eine|una|um|uma|een)"
_QUALITY = (r"(?:sole|only|independent|responsible|principal|main|designated|appointed|"
            r"relevant|seul|unique|alleinige\w*|einzige\w*|únic[oa]|unic[oa]|enige|data)")
_AS = (r"(?:as|als|come|como|en\s+tant\s+que|in\s+(?:its|their)\s+capacity\s+as|en\s+(?:(?:sa|leur)"
       r"\s+)?qualité\s+de|in\s+qualità\s+di|en\s+calidad\s+de|na\s+qualidade\s+de|acting\s+as)")
#: the role first, the name after: "le responsable … est Comuto Pro"
_AFTER_ROLE = re.compile(r"(?i:" + ROLE + r"|\b(?:data\s+)?controller\b|\bresponsible\s+for\s+"
                         r"(?:the\s+)?(?:data\s+)?processing\b)(?:[^.;:]|(?:https?://|www\.)"
                         r"[^\s;]+){0,120}?\b"  # "Administratorem strony https://… jest X"
                         r"(?:est|ist|is|es|è|é|är|er|jest|je)(?:\s+|:[ \t]+)"
                         r"(?:la\s+société\s+|die\s+|the\s+company\s+|la\s+sociedad\s+|"
                         r"la\s+società\s+|l['’]association\s+|l['’]associazione\s+|"
                         r"la\s+asociación\s+|(?:(?:la|el|il|lo|le|o|a|het)\s+){1,2}(?=[A-ZÀ-Þ])|"
                         r"the\s+(?=(?:University|College|Institute|"
                         r"Foundation|Trust|Society|Association)\b))?" + _LINKED +
                         r"(?![\w&’'-]|\.\w|\s+[A-Z])|\bvon\s+" + _NAME +
                         r"\s+(?:bereitgestellt|betrieben|angeboten)\b|"
                         r"\b(?:wird|werden)\s+von\s+(?:der|dem|den)\s+" +
                         _NAME + r"\s+(?:bereitgestellt|betrieben|angeboten)\b")
#: "El responsable … es:" / "Dipl. Betriebswirt (FH) Erika Muster" / street: a person or a bare
#: name on the line after the lead; titles up to the last bracket are dropped
_ROLE_IS_LINE = re.compile(r"(?i:" + ROLE + r")(?:[^.;]|\b(?:Art|Abs|Nr|lit)\.){0,160}?\b"
                           r"(?i:est|ist|is|es|è|é|sono|sont|sind|son|zijn|são|are)"
                           r"(?:\s+[\w’']+){0,3}?\s*:"  # "… sono le seguenti società:"
                           r"[ \t]*\n(?:[^\n]*\)[ \t]*)?" + _NAME + r"(?=[ \t]*\n|\s+\S*\d|"
                           r",\s+[^\n]{0,20}\d|"
                           r"\s+[A-ZÄÖÜ][\w-]*?(?:str\.|(?:straße|strasse|weg|allee|platz|gasse)\b))")
#: "Data controller: Mistral AI, 15 rue …"; a role as a line's label: "Responsable: Talleres
#: Pérez" over "NIF: …", "Titolare: Ristorante Da Mario"
_COLON_ROLE = re.compile(r"(?:(?i:\b(?:" + ROLE + r"))|(?im:" + ROLE_LABEL.removesuffix(
    r"\s*(?::|$)") + r"))[ \t]*:[ \t]*\n?[ \t]*" + _NAME + r"(?=[ \t]*(?:,|\n|$|\(|\d))")
#: the name first: "Mistral AI is the data controller", "… is responsible for processing …",
#: a bracket between ("Insamlingsstiftelsen X (org.nr …) är personuppgiftsansvarig")
_BEFORE_ROLE = re.compile(_LINKED + r"(?:\s*\([^()]{1,80}\))?" + _APPOSITION + r"\s+(?i:" + VERB +
                          r")\s+(?i:" + _AS +
                          r"\s+)?(?i:" + _ARTICLE + r"\s+)?[\"“„«]?\s?(?i:" + _QUALITY +
                          r"\s+){0,2}(?i:" + ROLE + r"|responsible\s+for\s+(?:the\s+)?"
                          r"(?:processing|(?:your\s+)?(?:personal\s+)?(?:data|information)))")
#: the name first, then in what capacity: "Clínica X domiciliado en …, en su calidad de
#: responsable del tratamiento, informa …", "X, in its capacity as data controller, …"
_IN_CAPACITY = re.compile(_LINKED.replace(r"\s+", r"[ \t]+") + r"(?:\s*\([^()]{1,80}\))?"
                          r"(?-i:,?\s+[a-zà-ÿ][^;.:()]{2,160}?)?"
                          r",?\s+(?i:en\s+su\s+(?:condición|calidad)\s+de|in\s+(?:its|their)\s+"
                          r"capacity\s+as|en\s+(?:sa|leur)\s+qualité\s+de|in\s+qualità\s+di|"
                          r"na\s+(?:sua\s+)?qualidade\s+de|in\s+(?:seiner|ihrer)\s+Eigenschaft\s+"
                          r"als)\s+(?i:" + _ARTICLE + r"\s+)?(?i:" + _QUALITY + r"\s+){0,2}(?i:" +
                          ROLE + r"|responsable)")
#: "As X, we are the data controller", "Als Fysiotherapie X zijn wij verantwoordelijk voor de
#: verwerking …", "En tant que X, nous sommes responsables du traitement"
_AS_NAME_WE = re.compile(r"(?:^|(?<=[.!?:\n])\s*)(?i:as|als|en\s+tant\s+que|come|como|"
                         r"enquanto)\s+" + _LINKED + r",?\s+(?i:(?:we|wij|wir|nous|noi|nosotros|"
                         r"nós)\s+(?:are|zijn|sind|sommes|siamo|somos)|(?:zijn|sind|sommes|siamo|"
                         r"somos)\s+(?:wij|wir|nous|noi|nosotros|nós))\s+(?i:" + _ARTICLE +
                         r"\s+)?(?i:" + _QUALITY + r"\s+){0,2}(?i:" + ROLE +
                         r"|responsables?\b|verantwoordelijk\b|responsible\b)")
#: "As a Data Controller, FLASHGAP undertakes …"
_AS_ROLE = re.compile(r"(?i:\b" + _AS + r"\s+(?:" + _ARTICLE + r"\s+)?(?:" + _QUALITY +
                      r"\s+){0,2}(?:" + ROLE + r"))(?:\s+[^,.;:]{1,60}?)?,\s+(?i:(?:la\s+société|"
                      r"la\s+società|la\s+sociedad|die\s+Firma|the\s+company)\s+)?" + _BARE +
                      r"(?:\s+[a-zà-ÿ]|,)")
#: a name in a field of an identity block under a role lead: "Denominazione: ATTIC APS",
#: "Naam: AS GRAPHICS", "Razón social: …", "Company name: …"
_FIELD = re.compile(r"^\s*(?:[•*·–-]\s*)?(?i:denominazione(?:\s+sociale)?|ragione\s+sociale|"
                    r"raz[oó]n\s+social|raison\s+sociale|dénomination(?:\s+sociale)?|"
                    r"company\s+name|name|naam|bedrijfsnaam|firma|firmenname|nome|nombre|"
                    r"denominação(?:\s+social)?|razão\s+social|identi(?:dad|dade|té|ty)|titular|"
                    r"entidad|entidade|organi[sz]ation|empresa|unternehmen)\s*:\s*" + _LINKED +
                    r"[ \t]*(?=,|\n|$)")
#: "processed by SAS HAPPN, in its capacity as data controller"
_BY_AS_ROLE = re.compile(r"(?i:\b(?:processed|performed|carried\s+out|operated|provided|"
                         r"collected|traité\w*|collecté\w*|verarbeitet|trattat\w|tratad\w|verwerkt)"
                         r"\s+(?:by|par|von|da|por|door))\s+(?:l['’])?(" + _BARE_WORD + r"(?:\s+" +
                         _BARE_WORD + r"){0,3}),?\s+(?i:" + _AS +
                         r"\s+(?:" + _ARTICLE + r"\s+)?(?:" + _QUALITY + r"\s+){0,2}(?:" + ROLE +
                         r"))")
#: provider wording: "The Service is operated by Mistral AI, 15 rue …", "édité par Exemple"
_BY_PROVIDER = re.compile(r"(?i:\b(?:(?:is|are)\s+(?:owned\s+and\s+)?(?:operated|provided|"
                          r"published|managed|offered|run|owned)\s+by|(?:es|son)\s+propiedad\s+de|"
                          r"(?:gerid|operad|mantid|administrad|explorad)[oa]s?\s+pel[oa]|exploitée?s?\s+par|éditée?s?\s+par|fournie?s?\s+par|"
                          r"betrieben\s+von|bereitgestellt\s+von|herausgegeben\s+von|"
                          r"(?:gestit|pubblicat)[oaie]\s+da|(?:gestionad|operad|publicad)[oa]s?\s+por|"
                          r"(?:beheerd|geëxploiteerd|uitgegeven)\s+door|"
                          r"verantwoordelijkheid\s+van|under\s+the\s+responsibility\s+of|"
                          r"sous\s+la\s+responsabilité\s+de))\s+" +
                          _BARE +
                          r"(?=\s*(?:[,.(]|$)|\s+(?:in|at|with|and|located|based|registered|which|"
                          r"who|a|an|une?|eine?|una?|uma?|een)\s)")
_REP = re.compile(r"(?:['’]s)?\s*(?:(?:EU|UK|local|Swiss|designated)\s+)?(?:" + REPRESENTATIVE +
                  r")", re.I)
_NOT_NAMES = frozenset({"The", "We", "Our", "Nous", "Wir", "Sie", "You", "Vous", "Il", "Elle",
                        "Data", "Personal", "This", "Diese", "Ce", "Cette", "Le", "La", "Der",
                        "Die", "El", "Het", "De", "Ihr", "Uw", "Votre", "Your", "They", "It",
                        "Ils", "Elles", "Er", "Es", "Zij", "Wij", "Ella", "Ele", "Ela", "Lei",
                        "Lui", "Noi", "Voi", "Nosotros", "Usted", "Jij", "U", "Du", "Tu", "I",
                        # question words: "Qui est responsable du traitement ?"
                        "Who", "Which", "What", "Qui", "Quel", "Quelle", "Wer", "Welche",
                        "Welcher", "Chi", "Quale", "Quién", "Quien", "Cuál", "Quem", "Qual",
                        "Wie", "Welke", "Vem", "Vilken", "Hvem", "Hvilken", "Kto", "Kim"})
_GENERIC = frozenset({"controller", "controllers", "data", "processor", "processors", "user",
                      "users", "customer", "customers", "company", "companies", "provider",
                      "providers", "operator", "partner", "partners", "merchant", "merchants",
                      "advertiser", "advertisers", "publisher", "publishers", "client", "clients",
                      "employer", "organisation", "organization", "entity", "entities",
                      "service", "services", "website", "site", "app", "application", "platform",
                      "creator", "creators", "member", "members", "group", "business",
                      "businesses", "customer's", "creator's", "party", "parties", "affiliate",
                      "affiliates", "subsidiary", "subsidiaries", "responsible", "account",
                      "administrator", "organiser", "organizer", "seller", "sellers", "host",
                      "hosts", "developer", "developers", "owner", "owners", "policy", "privacy",
                      "gdpr", "regulation", "law", "article", "section", "terms", "notice"})
_DETERMINER = re.compile(r"(?:^|\s)(?:the|an|that|this|these|those|your|our|their|its|each|"
                         r"such|any|every|un|une|ce|cette|chaque|votre|notre|ein|eine|jeder|jede|"
                         r"dieser|diese|ihr|unser|ogni|questo|questa|cada|este|esta|een|elke|deze|"
                         r"dit|uw|onze|um|uma|seu|sua)\s*$", re.I)
_ARTICLES = frozenset({"a", "o", "os", "as", "la", "le", "les", "il", "lo", "gli", "el", "los",
                       "las", "der", "die", "das", "de", "het", "the"})
#: generic words in the other languages read: "Le Client est le responsable …" names no company
_GENERIC_LOCAL = frozenset({"client", "clients", "kunde", "kunden", "cliente", "clientes", "klant",
                            "klanten", "utilisateur", "utilisateurs", "nutzer", "utente", "utenti",
                            "usuario", "usuarios", "gebruiker", "gebruikers", "utilizador",
                            "société", "gesellschaft", "società", "sociedad", "empresa",
                            "unternehmen", "bedrijf", "éditeur", "anbieter", "betreiber",
                            "plateforme", "plattform", "piattaforma", "plataforma", "dienst",
                            "servizio", "servicio", "serviço", "partenaire", "annonceur",
                            "werbetreibende", "editore", "fornitore", "proveedor", "fornecedor",
                            "leverancier", "organisateur", "veranstalter", "employeur",
                            "arbeitgeber", "titolare", "responsable", "verantwortliche",
                            "application", "applicazione", "aplicación", "aplicação", "site",
                            "organisme", "organismo", "établissement", "entité", "entidad",
                            # a foundation or an association named by its kind alone
                            "stichting", "vereniging", "stiftung", "verein", "fondation",
                            "association", "fondazione", "associazione", "fundación", "asociación",
                            "fundação", "associação", "foundation",
                            # a parish named by its kind alone: "Församlingen är …"
                            "församlingen", "församling", "paroisse", "parrocchia", "parroquia",
                            "pfarrei", "parish", "kyrkan"})


def slot_name(text: str, a: int, b: int, finder: PlaceFinder) -> tuple[str, int] | None:
    """The bare name in the controller's slot of ``text[a:b]``, and where it starts."""
    for pattern, free in ((_AFTER_ROLE, False), (_ROLE_IS_LINE, False), (_COLON_ROLE, False),
                          (_BY_AS_ROLE, False),
                          (_AS_ROLE, False), (_BEFORE_ROLE, True), (_IN_CAPACITY, True),
                          (_AS_NAME_WE, False),
                          (_BY_PROVIDER, False)):
        for m in pattern.finditer(text, a, b):
            group = next(i for i, g in enumerate(m.groups(), 1) if g)
            name, start = m[group], m.start(group)
            if "\n" in name:  # "Verantwoordelijke\nStichting X is de …": the heading is no part
                cut = name.rindex("\n") + 1
                name, start = name[cut:], start + cut
            if (elided := re.match(r"[LlDd]['’]", name)) is not None:
                name, start = name[elided.end():], start + elided.end()  # "L’Organisme"
            first, lead = name.split()[0], start  # the article, if any, is read before the name
            if first.casefold() in _ARTICLES and len(name.split()) > (3 if first == "The" else 1):
                cut = name.index(name.split()[1], len(first))  # "La Mistral AI è …", "The
                name, start = name[cut:], start + cut  # University of X is …" (not "The Hospice")
            if pattern is _ROLE_IS_LINE and any(w.casefold() in _UNIT_WORDS for w in name.split()):
                continue  # "… ist:" / "Privacy Team": a desk, not the controller
            if _usable(text, name, start, finder, free, lead) and \
                    not _REP.match(text[m.end():m.end() + 40]) and \
                    not _REP.search(text[max(a, m.start() - 60):start]):
                return name, start  # not "X acts as the controller's representative",
                # nor "the controller … its representative is X", nor "the DPO of the
                # controller is: X"
    return None


#: the other joint controller, without a form, right after or before the one named
_AND = r"(?:and|und|et|e|y|en|och|og|oraz|i|ed)"
_PARTNER_AFTER = re.compile(r"\s*,?\s+" + _AND + r"\s+(?:the\s+|die\s+|der\s+|la\s+|le\s+|l['’]|"
                            r"el\s+|a\s+|o\s+|de\s+|het\s+)?" + _LINKED +
                            r"(?=\s*[,(]|\s+(?:are|sind|sont|son|sono|zijn|são|är|er|są|als|as|come|"
                            r"como|comme|jointly|"
                            r"gemeinsam)\b|\s*\.(?:\s|$)|\s*$)")
_PARTNER_BEFORE = re.compile(_LINKED + r"\s+" + _AND + r"\s+(?:the\s+|die\s+|der\s+|la\s+|le\s+|"
                             r"el\s+|a\s+|o\s+)?$")


def joint_partner(text: str, start: int, end: int, finder: PlaceFinder) -> tuple[str, int] | None:
    """A second joint controller named without a legal form beside one named with it ("Bluefin
    Events Ltd and Harbour Arts Trust are joint controllers"), and where it starts; or None."""
    after = _PARTNER_AFTER.match(text, end)
    before = _PARTNER_BEFORE.search(text, max(0, start - 80), start)
    for m in (after, before):
        if m is not None and _usable(text, m[1], m.start(1), finder, False):
            return m[1], m.start(1)
    return None


#: a company's word, capitalised after an article, that starts its name ("la Sociedad Suiza de
#: Radiodifusión SRG SSR"; in lower case it leads one: "la société Exemple")
_COMPANY_WORDS = frozenset({"Sociedad", "Società", "Société", "Sociedade", "Empresa"})


def _usable(text: str, name: str, start: int, finder: PlaceFinder, free: bool,
            lead: int | None = None) -> bool:
    words = name.split()
    places = finder.find(name)
    company_word = words[0] in _COMPANY_WORDS and len(words) > 2 and \
        re.search(r"\b(?:la|el|il|a|o|the|die|der)\s+$", text[max(0, start - 6):start], re.I)
    if words[0] in _NOT_NAMES or words[0].capitalize() in _NOT_NAMES or \
            (words[0].casefold() in LEADING and not company_word) or \
            any(p.start == 0 for p in places):
        return False  # a pronoun, a lead word, a place ("Ireland is …"); "DMS France" may be one
    if all(w.casefold().strip(".’'") in _GENERIC | _GENERIC_LOCAL for w in words):
        return False
    if free:
        at = start if lead is None else lead  # before the article cut from the name
        before = text[max(0, at - 30):at]
        last = before.split()[-1] if before.split() else ""
        if _DETERMINER.search(before) or (before.endswith(" ") and last.casefold() not in
                                          _ARTICLES and re.fullmatch(r"[A-Z][\w&'’-]*", last)):
            return False  # "that Creator is …"; a name cut from a longer capitalised run
        if re.search(r"\b(?:on|of|at|in|for|with|from|by|via|auf|bei|sur|chez|di|op|van)\s+$",
                     before, re.I):
            return False  # "Sellers on Bazaro are independent controllers": a phrase's end
    return True


def usable_name(text: str, name: str, start: int, finder: PlaceFinder) -> bool:
    """Can ``name`` at ``text[start:]``, written without a legal form, be a company's name —
    not a pronoun, a lead word, a place or generic words?"""
    return bool(name.split()) and _usable(text, name, start, finder, False)


_ADDRESS_NAME = re.compile(r"^(?:>\s*)?" + _LINKED + r"(\s*[-–,]\s*[A-ZÀ-Þ][\w' -]{1,30})?"
                           r"(?:[ \t]*\n(?=[^\n]*\d)|,\s+(?=[^\n]{0,24}\d))")  # "X, P.Iva 0904…"


def address_name(text: str, finder: PlaceFinder) -> tuple[str, int] | None:
    """A bare name on the first line of an address block under a role heading ("Nmotor -
    Guimarães" / "Estrada nacional 105 …"): the name, or None when the line is a place, a
    generic word or a pronoun."""
    m = _ADDRESS_NAME.match(text)
    if m is None or not _usable(text, m[1], m.start(1), finder, False) or \
            any(w.casefold() in _UNIT_WORDS for w in m[1].split()) or re.search(r"\d{4}", m[1]):
        return None  # "Privacy Team", "Legal Department": a desk; "CIF B-62689203": a number
    tail = m[2] or ""
    if re.match(r"\s+[-–]\s+", tail) and not finder.names_a_town(tail):
        return m[1] + tail.rstrip(), m.start(1)  # "Mario Gerth - Photography", not "… - Porto"
    return m[1], m.start(1)


def field_name(text: str, finder: PlaceFinder) -> tuple[str, int] | None:
    """A bare name in the name field of an identity block ("Denominazione: ATTIC APS") under a
    role lead: the name and where it starts, or None."""
    m = _FIELD.match(text)
    if m is None:
        return None
    name = m[1].split("\n")[0].rstrip()  # the field's own line: not "X\nCIF/NIF: …"
    if not _usable(text, name, m.start(1), finder, False) or \
            any(w.casefold() in _UNIT_WORDS for w in name.split()):
        return None
    return name, m.start(1)


#: the policy's own words for whose it is: "This is a privacy policy for X.", "Datenschutzerklärung
#: des X", "Politique de confidentialité de X", "… moeten worden beschouwd als een verwijzing naar
#: X", "Privacy Policy – X" as a title
_OWNER = re.compile(
    r"(?i:\b(?:privacy|data\s+protection)\s+(?:policy|notice|statement)\s+(?:of|for)|"
    r"\bdatenschutz(?:erklärung|hinweise|richtlinie|informationen?)\s+(?:des|der|von)|"
    r"\bpolitique\s+de\s+(?:confidentialité|protection\s+des\s+données(?:\s+personnelles)?)\s+"
    r"(?:de\s+la|du|de|d['’])|\binformativa\s+(?:sulla\s+)?privacy\s+(?:di|del|della|dell['’])|"
    r"\bpolítica\s+de\s+privacidade?\s+(?:de\s+la|del?|da|do)|\bprivacy(?:verklaring|beleid)\s+van"
    r"(?:\s+de|\s+het)?|\bals\s+(?:een\s+)?verwijzing\s+naar|\bas\s+(?:a\s+)?references?\s+to|"
    r"^\W*privacy\s+(?:policy|notice)\s*[–—-]|"
    # the processing carried out by it: "operações de tratamento … realizadas pela LVC LOG"
    r"\b(?:tratamento|processing|traitements?|Verarbeitung|trattamento|verwerking)\b[^.;:]{0,60}?\b"
    r"(?:realizad[oa]s?|efetuad[oa]s?|carried\s+out|performed|effectué\w*|réalisé\w*|"
    r"durchgeführt|effettuat\w|uitgevoerd)\s+(?:pel[oa]|by|par|von\s+der|von|da|dal|por|door)|"
    # a sole trader's owner: "geführt von der Inhaberin Ursula Danes", "Inhaber: Max Muster"
    # the site's owner: "Deze webshop is eigendom van X", "di proprietà della società X"
    r"\b(?:is\s+eigendom\s+van|is\s+owned\s+by|est\s+la\s+propriété\s+de|di\s+proprietà\s+"
    r"(?:della\s+società\s+|di\s+)?|ist\s+Eigentum\s+(?:der|von)|es\s+propiedad\s+de)\s+|"
    r"\b(?:Inhaber(?:in)?|Geschäftsinhaber(?:in)?|owner|propriétaire|proprietari[oa]|eigenaar)"
    r"\s*:?)\s*" + _LINKED + r"(?=\s*(?:[.,;:(]|$))")


#: a bare name at a sentence's start, then how it is registered: "X, pessoa jurídica de direito
#: privado, inscrita no CNPJ …", "A CDL Cuiabá (razão social), inscrita …", "…, VIVOPTIM
#: SOLUTIONS, ci-après dénommée « l’Organisme », …", "X, with its registered office at …"
_REGISTERED = re.compile(
    r"(?:(?:^|\n|[.!?]\s+|,\s+)(?:(?:A|O|La|Le|L['’]|Die|Der|The|El|Il)\s+)?|"
    r"\s(?:A|O|La|Le|L['’]|Die|Der|The|El|Il)\s+)"  # a capital article after a title run in
    r"((?:[A-ZÀ-Þ][\w&.’'-]*[\wÀ-ÿ])(?:[ \t]+(?:[A-ZÀ-Þ][\w&.’'-]*[\wÀ-ÿ]|DE|DA|DO|DOS|DAS|DI|"
    r"DU|DES|de|da|do|dos|das|di|du|des|van|von|der|[–&]))*?(?:[ \t]+[A-ZÀ-Þ][\w&.’'-]*[\wÀ-ÿ])?)"
    r"\s*(?:\([^()]{1,30}\))?\s*,\s*(?=(?i:pessoa\s+jurídica|inscrit[ao]\s+no\s+CNPJ|"
    r"sociedade\s+(?:empresária|limitada|anónima)|ci-après\s+(?:dénommée?|désignée?)|"
    r"(?:a\s+company\s+)?registered\s+(?:in|under|with|at)|with\s+(?:its\s+)?registered\s+"
    r"office|hereinafter|con\s+sede\s+(?:legale\s+)?in|mit\s+Sitz\s+in|gevestigd\s+(?:te|in|"
    r"aan|op)|z\s+siedzibą|en\s+adelante|di\s+seguito|immatricul[ée]+\s+au|inscrite?\s+au\s+"
    r"(?:RCS|registre)|eingetragen\s+(?:im|beim)\s+(?:Handels|Vereins)register))")


#: the owner's whole name in quotes: "é propriedade do “Grupo de Etnologia e Arqueologia da X”"
_OWNER_QUOTED = re.compile(r"\b(?i:é\s+propriedade|è\s+di\s+proprietà|es\s+propiedad|"
                           r"is\s+(?:the\s+)?property|est\s+la\s+propriété|ist\s+Eigentum|is\s+eigendom)\s+"
                           r"(?i:d[oae]s?|de\s+la|del|della|of|van|von|der)\s+[“\"«„]((?:" + _CAP +
                           r")[^”\"»“\n]{2,80})[”\"»“]")


def owner_name(text: str, finder: PlaceFinder) -> tuple[str, int] | None:
    """The bare name a policy gives as its own ("This is a privacy policy for X.", "X, pessoa
    jurídica …, inscrita no CNPJ"), or None."""
    for m in [*_OWNER.finditer(text), *_OWNER_QUOTED.finditer(text),
              *_REGISTERED.finditer(text)]:
        name, start = m[1], m.start(1)
        first = name.split()[0]
        if first.casefold() in _ARTICLES and len(name.split()) > 1:
            cut = name.index(name.split()[1], len(first))
            name, start = name[cut:], start + cut
        if _usable(text, name, start, finder, False) and \
                not any(w.casefold() in _UNIT_WORDS for w in name.split()):
            return name, start
    return None


_UNIT_WORDS = frozenset({"team", "office", "department", "desk", "support", "legal", "compliance",
                         "officer", "contact", "contacts", "address", "headquarters", "mail",
                         "email", "e-mail", "phone", "telephone", "kontakt", "anschrift", "adresse",
                         "abteilung", "équipe", "service", "servizio", "ufficio", "equipo",
                         "departamento", "afdeling", "morada", "contacto", "contatto", "privacy",
                         "datenschutz", "protection", "dpo"})
