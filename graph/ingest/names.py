"""Company names in a sentence: the run of capitalised words before a legal form, and a bare
name (no legal form) where a role clause puts its controller (at the end of this module).

"Huawei Device Co., Ltd.", "Huawei Technologies Deutschland, GmbH", "WebGroup Czech Republic,
a.s.". Besides capitalised words a name may hold connectors ("of", "&", "de", "dos"), a word in
camel case ("eHarmony UK Ltd.", "qu'emTransit B.V." without its elision), a dash ("Mútua dos
Pescadores – Mútua de Seguros, CRL"), a form followed by more of the name ("Iberia Líneas Aéreas
de España S.A. Operadora, Sociedad Unipersonal"), and one lower-case word that is not a common
word of the languages read ("orka Partnerschaft mbB", "advanti AG"). A written-out form after an
apposition names the word before it ("FLASHGAP, a French société par actions simplifiée"); a
French form may come first ("SAS HAPPN"). Japanese, Korean and Chinese names are found by their
form and punctuation (株式会社…, …有限公司, ㈜…, … 유한회사).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xborder.graph.ingest.legalforms import LEGAL_FORMS, PREFIX_FORMS
from xborder.graph.ingest.lexicon import CJK_FORMS, REPRESENTATIVE, ROLE, VERB
from xborder.graph.ingest.places import PlaceFinder

__all__ = ["Mention", "entity_key", "find_mentions", "name_key", "slot_name"]

FORM = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?P<f{i}>{p})" for i, (p, *_rest)
                                              in enumerate(LEGAL_FORMS)) + r")(?![\w/])")
_PREFIX = [(re.compile(r"(?<![\w.])(" + p + r")\s+((?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*){0,3})"
                       r"(?![\w.])"), form, countries) for p, form, countries in PREFIX_FORMS]
_WORD = re.compile(r"[\w&][\w&'’.\-]*|&")
CONNECT = frozenset({"of", "and", "&", "de", "du", "des", "der", "für", "la", "le", "y", "e",
                     "for", "dos", "das", "do", "da", "del", "della", "di", "van", "von", "den"})
LEADING = frozenset({"the", "this", "that", "these", "our", "your", "if", "for", "in", "by",
                     "when", "where", "please", "however", "both", "each", "dear", "copyright",
                     "all", "any", "from", "with", "under", "and", "or", "as", "to", "at", "on",
                     "contact", "controller", "data", "personal", "users", "via", "is",
                     "until", "since", "before", "after", "effective", "currently", "otherwise",
                     "while", "whereas", "but", "then", "also", "namely", "i.e.", "e.g.",
                     # the same words in the other languages read
                     "für", "o", "a", "le", "la", "les", "l", "die", "der", "das", "den", "dem",
                     "el", "il", "lo", "los", "las", "het", "een", "une", "un", "ein", "eine",
                     "entidad:", "entity:", "société", "sociedad", "società", "firma", "empresa",
                     "sauf", "si", "wenn", "als", "bei", "pour", "par", "por", "per", "door",
                     "von", "vom", "zur", "et", "und", "en", "y", "e", "ou", "oder", "of",
                     # role words in front of a name
                     "verantwortlich", "verantwortliche", "verantwortlicher", "titolare",
                     "responsable", "responsabile", "verwerkingsverantwoordelijke"})
#: Common lower-case words that never start a company name, in the languages read
_COMMON = LEADING | CONNECT | frozenset({
    "an", "its", "their", "his", "her", "company", "group", "entity", "named", "called",
    "trading", "are", "was", "were", "be", "been", "which", "who", "whose", "not", "only",
    "einer", "eines", "einem", "jeder", "jede", "jedes", "dieser", "diese", "dieses", "unserer",
    "unsere", "unser", "ihrer", "ihre", "seiner", "seine", "jeweilige", "jeweiligen",
    "genannte", "genannten", "zuständige", "zuständigen", "sowie", "bzw", "auf", "aus",
    "mit", "nach", "über", "unter", "zu", "zum", "namens", "ist", "sind", "gesellschaft",
    "au", "aux", "chez", "avec", "notre", "nos", "votre", "vos", "sa", "son", "ses", "leur",
    "cette", "ce", "filiale", "groupe", "est", "sont", "dont", "qui", "que",
    "dalla", "dal", "alla", "al", "nella", "nel", "con", "su", "sua", "suo", "nostra",
    "nostro", "gruppo", "è", "sono", "che", "dai", "dagli", "degli",
    "nuestra", "nuestro", "grupo", "es", "bij", "met", "onze", "ons", "zijn", "haar",
    "vennootschap", "groep",
    "na", "no", "pela", "pelo", "com", "seu", "nossa", "nosso", "sociedade", "é", "são",
    # question words, adverbs and prepositions
    "how", "what", "when", "why", "through", "about", "into", "upon", "within", "without",
    "between", "against", "towards", "behalf", "thus", "here", "there", "hoe", "wat", "wie",
    "waar", "wanneer", "voor", "naar", "om", "op", "uit", "over", "dat", "deze", "dit", "ook",
    "niet", "wordt", "worden", "heeft", "hebben", "wer", "wo", "dass", "durch", "seit",
    "auch", "nicht", "wird", "werden", "hat", "haben", "comment", "quand", "où", "sur", "dans",
    "aussi", "pas", "été", "lors", "come", "quando", "dove", "anche", "non", "presso",
    "tramite", "cómo", "cuando", "donde", "para", "también", "mediante", "como", "onde",
    "através", "bem", "und", "oder"})
#: One generic word is not a whole name: "orka Partnerschaft mbB" reads the word before it
_GENERIC_ONE = frozenset({"Partnerschaft", "Gesellschaft", "Group", "Gruppe", "Groupe", "Gruppo",
                          "Grupo", "Groep", "Holding", "Holdings", "Company", "Partners",
                          "Services", "Consulting", "Solutions", "Technologies", "Systems",
                          "Media", "Labs", "Software", "Digital", "International", "Studio",
                          "Studios", "Verlag", "Beratung", "Management", "Ventures"})
_CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")
_ELISION = re.compile(r"^(?:[ldjnsc]|qu|lorsqu|puisqu|dell|all|nell|dall|sull)['’](?=\w)")
_APPOSITION = re.compile(r"(?<=[\w.)]),\s*(?:a|an|une?|una?|uma?|eine?|een)\s+(?:[A-Za-zÀ-ÿ]+\s+)?"
                         r"[“\"«„]?\s*$")
_GAP_OK = ("", "-", "–", "(", ")", "®", "™")


@dataclass(frozen=True)
class Mention:
    name: str  # the name with its legal form, as a register would write it
    written: str  # as the policy writes it
    start: int
    end: int
    form: str
    candidates: tuple[str, ...]
    base: str = ""  # the name without its legal form

    @property
    def key(self) -> str:
        return entity_key(self.name)


_LONG_FORMS = [(re.compile(r"\blimited\b", re.I), "ltd"),
               (re.compile(r"\bincorporated\b", re.I), "inc"),
               (re.compile(r"\bcorporation\b", re.I), "corp")]


def entity_key(name: str) -> str:
    """Two names of one company: as :func:`name_key`, and "Limited"/"Ltd", "Incorporated"/
    "Inc", "Corporation"/"Corp" as one."""
    for pattern, short in _LONG_FORMS:
        name = pattern.sub(short, name)
    return name_key(name)


def name_key(name: str) -> str:
    """Names compared without case, punctuation or spacing ("Co., Ltd." = "Co Ltd")."""
    return re.sub(r"[\W_]+", "", name.casefold())


def _capital(token: str) -> bool:
    return token[0].isupper() or token[0].isdigit() or bool(_CAMEL.match(token))


def _lower_name_word(token: str) -> bool:
    """A lower-case word that can start a company name ("orka", "advanti"): not a common word,
    not a participle or an adverb."""
    return bool(re.fullmatch(r"[a-z][a-z0-9]{2,}", token)) and token not in _COMMON and \
        not re.search(r"(?:ed|ing|ly|s)$", token)


def _name_start(head: str, words_end: int) -> int | None:
    """Where the name ending at ``head[:words_end]`` starts (None: no name)."""
    words = list(_WORD.finditer(head[:words_end]))
    start: int | None = None
    for w in reversed(words):
        gap = head[w.end():start if start is not None else words_end]
        if gap.strip() not in _GAP_OK or "\n" in gap:
            break
        token, at = w[0], w.start()
        if FORM.fullmatch(token) and start is not None:
            if not (gap == " " and head[start:start + 1].isupper() and token[0].isupper()):
                break  # another entity's legal form: "X Ltd and Y Limited"
        elif start is not None and token.endswith(".") and \
                not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.|St\.", token):
            break  # the end of the sentence before
        elision = _ELISION.match(token)
        if elision:
            token, at = token[elision.end():], at + elision.end()
        if _capital(token) or (token in CONNECT and start):
            start = at
            if elision:
                break
        elif _lower_name_word(token) and (
                start is None or head[start:words_end].split() in ([g] for g in _GENERIC_ONE)):
            start = at  # "advanti AG", "orka Partnerschaft mbB"
            break
        else:
            break
    return start


def find_mentions(text: str) -> list[Mention]:
    """The company names of ``text``, in order."""
    mentions: list[Mention] = []
    for m in FORM.finditer(text):
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        _pattern, form, candidates, continental = LEGAL_FORMS[index]
        head = text[:m.start()]
        written_out = form.endswith("(written out)")
        apposition = _APPOSITION.search(head) if written_out else None
        sep = re.search(r",?\s*$", head)
        if apposition is not None:
            words_end = apposition.start()
        elif sep is None or not sep[0] or "\n" in sep[0]:
            continue
        else:
            words_end = sep.start()
        start = _name_start(head, words_end)
        if start is None:
            continue
        if written_out and re.search(r"\b(?:a|an|une?|una?|uma?|eine?|een)\s+$", head[:start],
                                     re.I) and apposition is None:
            continue  # "a French société par actions simplifiée": a description, not a name
        name_words = head[start:words_end].split()
        popped = False
        while name_words and (name_words[0].casefold() in LEADING or
                              name_words[0] in CONNECT):
            if name_words[0] == "The" and (popped or head[:start].strip()[-1:].isalpha()):
                break  # "… how The Meet Group, Inc. uses …": part of the name
            name_words.pop(0)
            popped = True
        while name_words and name_words[-1] in CONNECT:
            name_words.pop()
        if name_words and name_words[0] in ("UK", "EU", "EEA", "US", "USA") and \
                re.search(r"\b(?:in|for|from|the)\s*$", head[:start]):
            name_words.pop(0)
        line_before = head[:start].rsplit("\n", 1)[-1]
        shouting = len(name_words) >= 3 and all(w.isupper() for w in name_words) and \
            not re.search(r"[a-z]", line_before)  # an all-capital heading, not a name in prose
        if not name_words or (len(name_words) == 1 and len(name_words[0]) < 2) or shouting:
            continue
        base = " ".join(name_words)
        if apposition is not None and FORM.search(name_words[-1]):
            continue  # "Acme SAS, une société par actions simplifiée": named already
        first = head.index(name_words[0], start, words_end)
        written, form_text = text[first:m.end()], m[0].strip()
        if form_text == "Ltd." and not text[m.end():].strip():
            written, form_text = written[:-1], "Ltd"  # the full stop ends the sentence
        joiner = " " if continental or sep is None or "," not in sep[0] else ", "
        name = base if written_out else base + joiner + form_text
        mentions.append(Mention(name, written, first, m.end(), form, candidates, base))
    mentions += _prefixed(text, mentions)
    mentions = [m for m in mentions if not any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
        for o in mentions)]  # "… S.A." inside "… S.A. Operadora, Sociedad Unipersonal"
    return sorted(mentions, key=lambda x: x.start) + cjk_mentions(text, mentions)


def _prefixed(text: str, taken: list[Mention]) -> list[Mention]:
    """Names after a French form ("la SAS HAPPN"), unless the form ends a name before it."""
    found = []
    for pattern, form, countries in _PREFIX:
        for m in pattern.finditer(text):
            before = text[:m.start()].rstrip()
            words = before.split()
            if words and _capital(words[-1]) and not before.endswith((".", ":", ",", "(")):
                continue  # "Meetic SAS Paris": the form of the name before
            if any(x.start < m.end() and m.start() < x.end for x in taken):
                continue
            found.append(Mention(m[0], m[0], m.start(), m.end(), form, countries, m[2]))
    return found


_CJK = [(re.compile(p), form, countries) for p, form, countries in CJK_FORMS]


def cjk_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    """Company names written with a Japanese, Korean or Chinese form (株式会社…, …有限公司,
    ㈜…, … 유한회사): no capitals, no spaces, so found by the form and the punctuation."""
    if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af㈜]", text):
        return []
    found: list[Mention] = []
    for pattern, form, countries in _CJK:
        for m in pattern.finditer(text):
            name = m[0].strip()
            start = m.start() + (len(m[0]) - len(m[0].lstrip()))
            end = start + len(name)
            if len(name) < 3 or any(x.start < end and start < x.end for x in taken + found):
                continue
            found.append(Mention(name, name, start, end, form, countries, name))
    return sorted(found, key=lambda x: x.start)


# -- names without a legal form, in a controller's slot -------------------------------------------
# Controllers named without a legal form: a name that stands in a role clause's controller slot.
#
# A clause that names no entity with a legal form may still name its controller by a bare name:
#
# * after the role — "le responsable du traitement est Comuto Pro", "die Dienste von Telegram
#   bereitgestellt";
# * before it — "Mistral AI is the data controller", "Criteo acts as a sole data controller",
#   "Freja eID Group est le responsable du traitement" (any verb and role word read);
# * with "as" — "As a Data Controller, FLASHGAP undertakes …", "processed by SAS HAPPN, in its
#   capacity as data controller", "performed by Freja eID Group in its capacity as data
#   controller".
#
# A bare name is one to four capitalised words (camel case too: "eID"), never a pronoun, a place,
# a generic word ("the Creator is the controller", "Users", "Company") or a word after a
# determiner ("that Creator"), never cut from a longer capitalised run. The caller reads it as a
# short name the policy defines when it is one ("SurveyMonkey is the controller" for the companies
# named "collectively “SurveyMonkey”"), else as a new entity, at lower confidence.

_BARE_WORD = r"(?:[A-Z][\w&.’'-]*[A-Za-z0-9]|[a-z]{1,3}[A-Z][\w&.’'-]*)"
_BARE = r"(?<![\w.’'-])(" + _BARE_WORD + r"(?:\s+" + _BARE_WORD + r"){0,3})"
_NAME = r"([A-Z][\w&.’'-]*[A-Za-z0-9](?:\s+[A-Z][\w&.’'-]*[A-Za-z0-9]){0,4})"
_ARTICLE = r"(?:the|a|an|le|la|l['’]|der|die|il|el|de|het|o|un|une|ein|eine|una|um|uma|een)"
_QUALITY = (r"(?:sole|only|independent|responsible|principal|main|seul|unique|alleinige\w*|"
            r"einzige\w*|únic[oa]|unic[oa]|enige|data)")
_AS = (r"(?:as|als|come|como|en\s+tant\s+que|in\s+(?:its|their)\s+capacity\s+as|en\s+(?:sa|leur)"
       r"\s+qualité\s+de|in\s+qualità\s+di|en\s+calidad\s+de|na\s+qualidade\s+de|acting\s+as)")
#: the role first, the name after: "le responsable … est Comuto Pro"
_AFTER_ROLE = re.compile(r"(?:" + ROLE + r"|(?i:\b(?:data\s+)?controller\b))[^.;:]{0,120}?\b"
                         r"(?:est|ist|is|es|è|é)\s+"
                         r"(?:la\s+société\s+|die\s+|the\s+company\s+|la\s+sociedad\s+|"
                         r"la\s+società\s+)?" + _NAME + r"|\bvon\s+" + _NAME +
                         r"\s+(?:bereitgestellt|betrieben|angeboten)\b")
#: "Data controller: Mistral AI, 15 rue …"
_COLON_ROLE = re.compile(r"(?i:\b(?:" + ROLE + r"))\s*:\s*" + _NAME + r"(?=\s*(?:,|$|\(|\d))")
#: the name first: "Mistral AI is the data controller", "… is responsible for processing …"
_BEFORE_ROLE = re.compile(_BARE + r"\s+(?i:" + VERB + r")\s+(?i:" + _AS + r"\s+)?(?i:" + _ARTICLE +
                          r"\s+)?(?i:" + _QUALITY + r"\s+){0,2}(?i:" + ROLE + r"|responsible\s+"
                          r"for\s+(?:the\s+)?(?:processing|(?:your\s+)?(?:personal\s+)?(?:data|"
                          r"information)))")
#: "As a Data Controller, FLASHGAP undertakes …"
_AS_ROLE = re.compile(r"(?i:\b" + _AS + r"\s+(?:" + _ARTICLE + r"\s+)?(?:" + _QUALITY +
                      r"\s+){0,2}(?:" + ROLE + r")),\s+" + _BARE + r"\s+[a-zà-ÿ]")
#: "processed by SAS HAPPN, in its capacity as data controller"
_BY_AS_ROLE = re.compile(r"(?i:\b(?:processed|performed|carried\s+out|operated|provided|"
                         r"collected|traité\w*|verarbeitet|trattat\w|tratad\w|verwerkt)\s+"
                         r"(?:by|par|von|da|por|door))\s+" + _BARE + r",?\s+(?i:" + _AS +
                         r"\s+(?:" + _ARTICLE + r"\s+)?(?:" + _QUALITY + r"\s+){0,2}(?:" + ROLE +
                         r"))")
#: provider wording: "The Service is operated by Mistral AI, 15 rue …", "édité par Exemple"
_BY_PROVIDER = re.compile(r"(?i:\b(?:(?:is|are)\s+(?:owned\s+and\s+)?(?:operated|provided|"
                          r"published|managed|offered)\s+by|exploitée?s?\s+par|éditée?s?\s+par|fournie?s?\s+par|"
                          r"betrieben\s+von|bereitgestellt\s+von|herausgegeben\s+von|"
                          r"(?:gestit|pubblicat)[oaie]\s+da|(?:gestionad|operad|publicad)[oa]s?\s+por|"
                          r"(?:beheerd|geëxploiteerd|uitgegeven)\s+door))\s+" + _BARE +
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
                        "Wie", "Welke"})
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
                       "las", "der", "die", "das", "de", "het"})
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
                            "application", "applicazione", "aplicación", "aplicação", "site"})


def slot_name(text: str, a: int, b: int, finder: PlaceFinder) -> tuple[str, int] | None:
    """The bare name in the controller's slot of ``text[a:b]``, and where it starts."""
    for pattern, free in ((_AFTER_ROLE, False), (_COLON_ROLE, False), (_BY_AS_ROLE, False),
                          (_AS_ROLE, False), (_BEFORE_ROLE, True), (_BY_PROVIDER, False)):
        for m in pattern.finditer(text, a, b):
            group = next(i for i, g in enumerate(m.groups(), 1) if g)
            name, start = m[group], m.start(group)
            first = name.split()[0]
            if first.casefold() in _ARTICLES and len(name.split()) > 1:
                cut = name.index(name.split()[1], len(first))  # "La Mistral AI è …"
                name, start = name[cut:], start + cut
            if _usable(text, name, start, finder, free) and \
                    not _REP.match(text[m.end():m.end() + 40]) and \
                    not _REP.search(text[m.start():start]):
                return name, start  # not "X acts as the controller's representative",
                # nor "the controller … its representative is X"
    return None


def _usable(text: str, name: str, start: int, finder: PlaceFinder, free: bool) -> bool:
    words = name.split()
    if words[0] in _NOT_NAMES or words[0].casefold() in LEADING or finder.find(name):
        return False
    if all(w.casefold().strip(".’'") in _GENERIC | _GENERIC_LOCAL for w in words):
        return False
    if free:
        before = text[max(0, start - 30):start]
        last = before.split()[-1] if before.split() else ""
        if _DETERMINER.search(before) or (before.endswith(" ") and last.casefold() not in
                                          _ARTICLES and re.fullmatch(r"[A-Z][\w&'’-]*", last)):
            return False  # "that Creator is …"; a name cut from a longer capitalised run
    return True
