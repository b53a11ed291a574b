"""Company names in a sentence: the run of capitalised words before a legal form, and a bare
name (no legal form) where a role clause puts its controller (at the end of this module).

"Huawei Device Co., Ltd.", "Huawei Technologies Deutschland, GmbH", "WebGroup Czech Republic,
a.s.". Besides capitalised words a name may hold connectors ("of", "&", "de", "dos"), a word in
camel case ("eHarmony UK Ltd.", "qu'emTransit B.V." without its elision), a dash ("Mútua dos
Pescadores – Mútua de Seguros, CRL"), a form followed by more of the name ("Iberia Líneas Aéreas
de España S.A. Operadora, Sociedad Unipersonal"), and one lower-case word that is not a common
word of the languages read ("orka Partnerschaft mbB", "advanti AG"). A written-out form after an
apposition names the word before it ("FLASHGAP, a French société par actions simplifiée"); a
French form may come first ("SAS HAPPN"), as may a foundation's or association's word ("Stichting
…", "Fondation de …", "vzw …", 재단법인 …), and a public body is named by its head ("Stadt
Duisburg", "Comune di …", "Ayuntamiento de …"; an honorific such as "Excelentísimo" dropped) or
by its whole name ("Bundespräsidialamt", "Ministère de la Culture"). A capitalised preposition
("Bij", "Chez", "Presso") never starts a name; an elided article may be inside one ("per l’").
Japanese, Korean and Chinese names are found by their form and punctuation (:mod:`.cjknames`:
株式会社…, …有限公司, ㈜…, …(주), … 유한회사). A name never crosses the break after a line of its
own, never includes a document's title ("Privacy Policy of …") and never runs on over a legal
form into the next sentence ("… GmbH Die …"). Bare names in a controller's slot: :mod:`.slots`.
"""

from __future__ import annotations

import html
import re

from xborder.graph.ingest.cjknames import cjk_mentions
from xborder.graph.ingest.institutions import institution_mentions
from xborder.graph.ingest.legalforms import AUTHORITIES, LEGAL_FORMS, PREFIX_FORMS, PUBLIC_HEADS
from xborder.graph.ingest.lexicon import CJK_CHARS
from xborder.graph.ingest.localnames import local_name
from xborder.graph.ingest.mention import Mention, entity_key, name_key
from xborder.graph.ingest.namewords import COMMON, CONNECT, GENERIC_ONE, LEADING, OPENERS

__all__ = ["CONNECT", "LEADING", "Mention", "entity_key", "find_mentions", "name_key"]

_CJK_CHAR = CJK_CHARS


def _undotted(pattern: str) -> str:
    """A form's pattern that also matches it written without its last full stop ("SiteGround
    Spain S.L,", "Xiaomi Technology Netherlands B.V,"): each top-level alternative ending with
    an escaped full stop, again without it and never before another one."""
    alternatives, depth, start, k = [], 0, 0, 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            alternatives.append(pattern[start:k])
            start = k + 1
        k += 1
    alternatives.append(pattern[start:])
    bare = [a[:-2] + r"(?!\.)" for a in alternatives
            if a.endswith(r"\.") and not a.endswith(r"\\.") and "\\." in a[:-2]]
    return "|".join([pattern, *bare])


#: a legal form; Japanese or Chinese text may follow it directly ("… Limitedとの契約")
FORM = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?P<f{i}>{_undotted(p)})" for i, (p, *_rest)
                                              in enumerate(LEGAL_FORMS)) +
                  r")(?!(?![" + _CJK_CHAR + r"])[\w/])")
#: connectors after a prefixed form's word: "vzw Federatie van het …", "Associação … dos …"
_PREFIX_LINK = (r"(?:(?:van|voor|het|de|du|des|der|di|del|della|delle|dei|degli|la|do|da|dos|das)"
                r"\s+){0,2}")
_PREFIX = [(re.compile(r"(?<![\w.])(" + p + r")\s+(" + _PREFIX_LINK + r"(?:[A-Z][\w&'’-]*)(?:\s+" +
                       _PREFIX_LINK +
                       r"[A-Z][\w&'’-]*){0,5})(?![\w]|\.\w)"), form, countries)
           for p, form, countries in PREFIX_FORMS]
#: a word of a name; a Latin name written up against Japanese, Chinese or Korean text
#: ("…お客様とAdobe Systems … Limited") starts at its first Latin letter
_WORD = re.compile(r"&amp;|\\&|(?:(?![" + _CJK_CHAR + r"])[\w&])(?:(?![" + _CJK_CHAR +
                   r"])[\w&'’.\-])*(?:\+(?![\w+]))?|&")  # "Canal+"; "\&", "&amp;" as "&"

#: Words of a document's title or heading ("Privacy Policy of …", "Datenschutzhinweis für Apps
#: der …", "Informativa privacy di …"): a name starts after them, never includes them
_DOCUMENT_WORD = re.compile(
    r"(?:privacy|policy|policies|notice|statement|terms|conditions|cookies?|apps?|website|sito|"
    r"sitio|portale?|"
    r"datenschutz\w+|\w*hinweise?|\w*erklärung|nutzungsbedingungen|impressum|politique|"
    r"confidentialité|mentions|informativa|condizioni|política|privacidad|privacidade|aviso|"
    r"términos|termos|privacyverklaring|privacybeleid|voorwaarden|cookiebeleid)", re.I)
_FORM_TAIL = re.compile(r"(?:" + FORM.pattern + r")\Z")


def _after_caps(words: list[str]) -> list[str]:
    """A run of two or more all-capital words at the start of a line, before a name in mixed
    case, is a heading set on the same line ("COMPANY INFORMATION Heron Bank N.V."); one
    capital word may be the name's ("ING Bank N.V."), and so may a run of short acronyms."""
    caps = 0
    while caps < len(words) and words[caps].isupper() and len(words[caps]) >= 2 and \
            words[caps].isalpha():
        caps += 1
    rest = words[caps:]
    if all(len(w) <= 3 and w.casefold() not in COMMON for w in words[:caps]):
        return words  # acronyms, no heading: "SZ DJI Technology Co., Ltd."
    if caps >= 2 and rest and re.search(r"[a-z]", rest[0]) and not FORM.fullmatch(rest[0]):
        return rest
    return words


def _after_heading(words: list[str]) -> list[str]:
    """The words of a name after the last document word and the article or preposition after
    it: "Privacy Policy di L.G." → "L.G.", "Datenschutzhinweis für Apps der Koelnmesse" →
    "Koelnmesse" (a document word not followed by one stays: "Datenschutz Partner GmbH")."""
    last = max((i for i, w in enumerate(words[:-1]) if _DOCUMENT_WORD.fullmatch(w.strip(",.:;"))
                and (words[i + 1].casefold() in LEADING or words[i + 1] in CONNECT)), default=-1)
    role = max((i for i in range(1, len(words) - 1) if _role_word(words, i)),
               default=-1)  # "Identidad y Domicilio del Responsable GIVU": a heading's role
    last = max(last, role)
    if last < 0:
        return words
    rest = words[last + 1:]
    while rest and (rest[0].casefold() in LEADING or rest[0] in CONNECT):
        rest.pop(0)
    return rest


#: a role word that ends a heading run into the name after it (never the name's first word)
_ROLE_WORDS = frozenset({"Responsable", "RESPONSABLE", "Controller", "CONTROLLER", "Titolare",
                         "TITOLARE", "Titular", "TITULAR", "Verantwortlicher", "Verantwortliche",
                         "Responsável", "Verwerkingsverantwoordelijke"})
_PROCESSING = frozenset({"trattamento", "tratamiento", "traitement", "tratamento", "verarbeitung",
                         "processing", "verwerking"})


def _role_word(words: list[str], i: int) -> bool:
    """``words[i]`` ends a role phrase: "Responsable", or "Titolare del Trattamento"."""
    word = words[i].strip(",.:;")
    return word in _ROLE_WORDS or (i >= 2 and word.casefold() in _PROCESSING and
                                   words[i - 2].strip(",.:;") in _ROLE_WORDS and
                                   words[i - 1].casefold() in LEADING | CONNECT)


_CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")
_STREET_COMMA = re.compile(r"\b(?:Street|Road|Avenue|Lane|Drive|Boulevard|Square|Place)\b,")
_DOMAIN = re.compile(r"[a-zß-ÿ][a-z0-9ß-ÿ-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")  # "immobilie.nrw GmbH"
#: a web address read as a place in running text, not a name's first word ("visit quill.com")
_AT_SITE = re.compile(r"(?:\b(?:visit|at|on|via|auf|unter|sur|su|op|en|em)\s+|www\.)$", re.I)
_INNER_ELISION = re.compile(r"\b[A-Z][\w-]*\s+(?:(per|de|di|da|du|pour|sur|su)\s+)?$")
_ELISION = re.compile(r"^(?:[ldjnsc]|qu|lorsqu|puisqu|dell|all|nell|dall|sull)['’](?=\w)")
_APPOSITION = re.compile(r"(?<=[\w.)]),\s*(?:a|an|une?|una?|uma?|eine?|een)\s+(?:[A-Za-zÀ-ÿ]+\s+)?"
                         r"[“\"«„]?\s*$")
_AND_WORDS = frozenset({"und", "and", "et", "en", "e", "y", "oder", "or", "ou", "o"})
_GAP_OK = ("", "-", "–", "(", ")", "®", "™")


def _capital(token: str) -> bool:
    return token[0].isupper() or token[0].isdigit() or bool(_CAMEL.match(token))


def _lower_name_word(token: str) -> bool:
    """A lower-case word that can start a company name ("orka", "advanti", a web address as in
    "epaka.pl S.A."): not a common word, not a participle or an adverb."""
    return bool(_DOMAIN.fullmatch(token)) or (
        bool(re.fullmatch(r"[a-z][a-z0-9]{2,}", token)) and token not in COMMON and
        not re.search(r"(?:ed|ing|ly|[^aiou]s)$", token))  # "adidas AG", not "offers GmbH"


def _form_ends(head: str, start: int, end: int) -> bool:
    """Does a legal form of several words end at ``head[end]``, after ``head[start]`` ("… S.A.
    DE C.V." before "and Y M.E.P.E.")?"""
    found = _FORM_TAIL.search(head, max(0, start - 24), end)
    return found is not None and found.start() < start


def _name_start(head: str, words_end: int) -> int | None:
    """Where the name ending at ``head[:words_end]`` starts (None: no name)."""
    line_start = head.rfind("\n", 0, words_end) + 1  # only the name's own line is read
    line = _LOWER_LINE.fullmatch(head, line_start, words_end)
    if line is not None and not set(line[1].split()) & (COMMON | _ARTICLE_WORDS | LEADING):
        return line.start(1)  # "digitally induced GmbH" as a line of its own, under a lead
    words = list(_WORD.finditer(head[:words_end]))
    start: int | None = None
    for k, w in reversed(list(enumerate(words))):
        gap = head[w.end():start if start is not None else words_end]
        if gap.strip() not in _GAP_OK or "\n" in gap:
            break
        token, at = w[0], w.start()
        if head[at - 1:at] in ("@", "/"):
            break  # an e-mail address or a web address before the name, not part of it
        # "Hiscox Insurance Company (Guernsey) Limited": "Company" inside the name
        inside = token == "Company" and re.fullmatch(r"\s*\([^()]{1,30}\)\s*",
                                                     head[w.end():words_end])
        if start is not None and not inside and (FORM.fullmatch(token) or
                                                 _form_ends(head, w.start(), w.end())):
            if not (gap == " " and head[start:start + 1].isupper() and token[0].isupper()) or \
                    head[start:].split(None, 1)[0] in OPENERS or \
                    head[:at].rstrip().endswith(head[start:words_end].rstrip()):  # "X N.V. X N.V."
                break  # another entity's legal form: "X Ltd and Y Limited", "X GmbH Die Y GmbH"
        elif start is not None and token.endswith(".") and \
                not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.|St\.|Inh\.", token):
            break  # the end of the sentence before
        elision = _ELISION.match(token)
        by = _INNER_ELISION.search(head[:at]) if elision else None
        inner = by is not None and (by[1] is not None or token[:1] in "dD")
        if elision:  # "Autostrade per l’Italia S.p.A.", "Caisse d’Epargne": inside the name
            token, at = token[elision.end():], at + (0 if inner else elision.end())
        split_compound = token in _AND_WORDS and start is not None and \
            head[:w.start()].rstrip().endswith("-")  # "Therapie- und Gesundheitsforschung"
        sandwiched = token in ("a", "an", "the") and start is not None and k > 0 and \
            _capital(words[k - 1][0]) and head[words[k - 1].end():at] == " "  # "Rent a Car"
        bridge = token in ("per", "pour", "sur", "su") and _ELISION.match(head[start or 0:])
        if _capital(token) or ((token in CONNECT or split_compound or sandwiched or bridge)
                               and start):
            start = at
            if elision and not inner:
                break
        elif _lower_name_word(token) and (
                start is None or (_DOMAIN.fullmatch(token) and not _AT_SITE.search(head[:at]))
                or head[start:words_end].split() in ([g] for g in GENERIC_ONE) or
                (len(head[start:words_end].split()) == 1 and local_name(head[start:words_end]))):
            start = at + (4 if token.startswith("www.") else 0)  # "advanti AG", "orka
            # Partnerschaft mbB", "smartphoto Nederland bv", "(www.)shopfix.de GmbH"
            break
        else:
            break
    return start


#: a line of one to three lower-case words before a legal form: a name written in lower case
_LOWER_LINE = re.compile(r"[ \t]*([a-z][a-z0-9-]+(?:[ \t][a-z][a-z0-9-]+){0,2})[ \t]*")

#: a number or an enumerator before a name ("2.", "(1)", "ii)"): no part of it
_ENUMERATOR = r"[\d.]+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)"


_CAPITAL_ARTICLES = frozenset({"La", "Le", "Les", "El", "Il", "Lo", "Het", "De"})
_ARTICLE_WORDS = frozenset({"a", "an", "un", "une", "una", "uno", "um", "uma", "ein", "eine",
                           "een", "the", "la", "le", "el", "il", "die", "der", "de", "het"})


def _unescaped(name: str) -> str:
    """A name as a register writes it: no Markdown escape ("FNAC DARTY \\& SERVICES") and no
    HTML entity ("Acme &amp; Sons Ltd") left in it."""
    return html.unescape(re.sub(r"\\([&*_`\\.\-+!#()\[\]])", r"\1", name))


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
        hyphen = continental and bool(re.search(r"[A-Za-zÀ-ÿ]{3}-$", head))  # "Versicherungs-AG"
        if apposition is not None:
            words_end = apposition.start()
        elif hyphen:
            words_end, sep = len(head) - 1, None
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
        name_words = _after_heading(head[start:words_end].split())
        if written_out and all(w.casefold() in _ARTICLE_WORDS for w in name_words):
            continue  # "… es una sociedad anónima": an article, no name
        if not re.search(r"\w", head[:start].rsplit("\n", 1)[-1]):
            name_words = _after_caps(name_words)  # mid-sentence: "jest DPPA LEGAL Grzonek …"
        popped = False
        alone = not re.search(r"\w", head[:start].rsplit("\n", 1)[-1]) and \
            not re.search(r"\w", text[m.end():].split("\n", 1)[0])  # the name is the line
        while name_words and (name_words[0].casefold() in LEADING or name_words[0] in CONNECT
                              or re.fullmatch(_ENUMERATOR, name_words[0])):
            if name_words[0] == "The" and (popped or head[:start].strip()[-1:].isalpha()):
                break  # "… how The Meet Group, Inc. uses …": part of the name
            if alone and not popped and name_words[0] in _CAPITAL_ARTICLES and len(name_words) > 1:
                break  # a line of its own "La Redoute SAS": the brand's article
            name_words.pop(0)
            popped = True
        while name_words and name_words[0].endswith(")") and "(" not in name_words[0]:
            name_words.pop(0)  # "(för Storbritannien) Lantern B.V.": the bracket before it
        opens = [k for k, w in enumerate(name_words) if w.startswith("(") and
                 (rest := " ".join(name_words[k:])).count("(") > rest.count(")")]
        if opens:  # "We (Hawk Apps Ltd) are …", "depuis la France (Deezer SA, …": it opens
            name_words = name_words[opens[-1]:]
            name_words[0] = name_words[0][1:]
            name_words = [w for w in name_words if w]
        while name_words and name_words[-1] in CONNECT:
            name_words.pop()
        if name_words and name_words[0] in ("UK", "EU", "EEA", "US", "USA") and \
                re.search(r"\b(?:in|for|from|the)\s*$", head[:start]):
            name_words.pop(0)
        line_before = head[:start].rsplit("\n", 1)[-1]
        line_after = text[m.end():].split("\n", 1)[0]
        shouting = len(name_words) >= 3 and all(w.isupper() for w in name_words) and \
            not re.search(r"[a-z]", line_before) and not re.search(r"\w", line_after)
        # an all-capital heading line, not a name in prose or a name before its address
        if not name_words or (len(name_words) == 1 and len(name_words[0]) < 2) or shouting:
            continue
        if m[0].strip() == "SE" and name_words[-1].isupper() and \
                not re.search(r"[a-z]", line_before + line_after):
            continue  # "¿CUÁNDO SE ME APLICA …?": a heading's pronoun, not a European company
        if form == "Company" and (len(name_words) < 2 or name_words[-1].endswith(".") or
                                  FORM.fullmatch(name_words[-1])):
            continue  # "Parent Company", "Group Company": a kind of company, no name
        base = " ".join(name_words)
        if (form == "Oy … Ab" and not re.match(r"Oyj?\s", base) and not re.search(r"\sOyj?$", base)
                ) or (m[0] == "bv" and not re.search(r"[A-Z]", base)):
            continue  # "Ab" only in a Finnish "Oy … Ab"; "bv" only after a name ("aan bv …")
        if apposition is not None and FORM.search(name_words[-1]):
            continue  # "Acme SAS, une société par actions simplifiée": named already
        first = head.index(name_words[0], start, words_end)
        written, form_text = text[first:m.end()], m[0].strip()
        if _STREET_COMMA.search(written):
            continue  # "1209 Orange Street, Corporation Trust Center": an address
        if form_text == "Ltd." and not text[m.end():].strip():
            written, form_text = written[:-1], "Ltd"  # the full stop ends the sentence
        joiner = "-" if hyphen else " " if continental or sep is None or "," not in sep[0] \
            else ", "
        name = base if written_out else base + joiner + form_text
        name, base = _unescaped(name), _unescaped(base)
        mentions.append(Mention(name, written, first, m.end(), form, candidates, base))
    mentions += _prefixed(text, mentions)
    mentions += _public(text, mentions)
    mentions += institution_mentions(text, mentions)
    mentions = [m for m in mentions if not any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
        for o in mentions)]  # "… S.A." inside "… S.A. Operadora, Sociedad Unipersonal"
    return sorted(mentions, key=lambda x: x.start) + cjk_mentions(text, mentions)


#: a street's name ending a name run: "…straat", "…straße", "…weg", "…laan", "…plein"
_STREET = re.compile(r"\s[A-ZÄÖÜ][\w'’-]*(?:straat|straße|strasse|str\.|weg|laan|plein|gracht|kade|"
                     r"singel|dijk|gasse|allee|platz|ring)\b", re.I)


def _prefixed(text: str, taken: list[Mention]) -> list[Mention]:
    """Names after a French form ("la SAS HAPPN"), unless the form ends a name before it."""
    found = []
    for pattern, form, countries in _PREFIX:
        for m in pattern.finditer(text):
            before = text[:m.start()].rstrip()
            words = before.split()
            if words and _capital(words[-1]) and not before.endswith((".", ":", ",", "(")) and \
                    words[-1].casefold() not in LEADING | CONNECT:
                continue  # "Meetic SAS Paris": the form of the name before
            if any(x.start < m.end() and m.start() < x.end for x in taken):
                continue
            end, tail = m.end(), m[2]
            street = _STREET.search(m[0])  # "Stichting X Messchaertstraat 1": the address starts
            if street is not None and street.start() > len(m[1]):
                end = m.start() + street.start()
                tail = m[2][:street.start() - (m.start(2) - m.start())].rstrip()
            whole = text[m.start():end].rstrip()
            # an association is registered under its name alone ("Federatie …", not "vzw …")
            name = tail if form == "ASBL" else whole
            found.append(Mention(name, whole, m.start(), m.start() + len(whole), form, countries,
                                 tail))
    return found


_HONORIFIC = r"(?:(?:Excelentísim[oa]|Excm[oa]\.|Ilustre|Iltre\.|Ilustrísim[oa])\s+)?"
_BODY_WORD = r"[A-ZÀ-Ý][\w'’.-]*"
_BODY_LINK = r"(?:am|an|der|im|bei|de|del|la|di|aan|den|sur|en|d['’])"
_BODY_TAIL = (r"\s+" + _BODY_WORD + r"(?:(?:[ \-](?:" + _BODY_LINK + r"[ \-])?|[ \-][dD]['’])" +
              _BODY_WORD + r"){0,3})")  # "… di Diano d’Alba"
_PUBLIC = [(re.compile(r"(?<![\w.])" + _HONORIFIC + r"(?P<name>(?:" + p + r")" + _BODY_TAIL),
            kind, cc) for p, kind, cc in PUBLIC_HEADS] + \
    [(re.compile(r"(?<![\w.-])(?P<name>" + p + r")(?![\w-])"), kind, cc)
     for p, kind, cc in AUTHORITIES]
_PLACE_BEFORE = re.compile(r"\b(?:in|im|aus|nella|nel|in\s+der|en\s+la|en\s+el|à|dans\s+la|na|"
                           r"no|in\s+de|in\s+het)\s*$", re.I)


def _public(text: str, taken: list[Mention]) -> list[Mention]:
    """Public bodies named by their head ("Stadt Duisburg", "Comune di Sacrofano", "Excelentísimo
    Ayuntamiento de Albolote" → "Ayuntamiento de Albolote"): never a place where users are ("in
    der Stadt Wien"), never inside another name, never a group ("European Region")."""
    found: list[Mention] = []
    for pattern, kind, countries in _PUBLIC:
        for m in pattern.finditer(text):
            name = re.sub(r"[.,]+$", "", m["name"])
            start = m.start("name")
            before = text[:m.start()]
            word = before.split()[-1] if before.split() and before[-1:] == " " else ""
            if _PLACE_BEFORE.search(before) or (word and _capital(word) and
                                                word.casefold() not in LEADING | CONNECT):
                continue  # "in der Stadt Wien", "European Region"
            if name.split()[-1] in CONNECT or (len(name.split()) < 2 and
                                               not kind.startswith("authority")) or \
                    re.match(r"Region\s+(?:Europ|EU\b|EEA\b|EWR\b)", name):
                continue
            if any(x.start < start + len(name) and start < x.end for x in taken + found):
                continue
            found.append(Mention(name, name, start, start + len(name), kind, countries, name))
    return found
