"""Institutions named without a legal form, by the kind of body their name holds: "Musée des
Civilisations de l’Europe et de la Méditerranée", "Koninklijke Maatschappij voor Dierkunde van
Antwerpen", "The Parochial Church Council of St Luke", "Caisse Nationale d’Assurance Maladie",
"Svenska kyrkan Hässelby", "Muzeum Narodowe w Krakowie".

A museum, a library, a hospital, a school, a society or a church has no legal form to mark its
name; the word for what it is marks it instead, anywhere in a run of capitalised words and the
connectors between them ("of", "de la", "voor", "w"). A head word alone is no name ("the Museum",
"our Library"): the run needs one more capitalised word that is not generic ("Customer Service
Centre" names a desk, not a body). Never a supervisory authority, a court or a union of states
("Information Commissioner's Office", "European Union"): those are found, and kept from the
controller's role, by :mod:`.distractors`. Public bodies named by a head before them ("Stadt
Duisburg", "Comune di …") are :mod:`.names`' own.

A German body's name goes on over "in" ("Evangelische Landeskirche in Württemberg"); "and the"
starts a second name ("… Foundation Europe and the … Foundation US"); an elided article is no
part of it ("L’Association …"); a body after a law's name issued the law ("Datenschutzgesetz der
Evangelischen Kirche in Deutschland") and is not read. A name with a legal form in the same
sentence is the stronger reading: none is read beside one.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.mention import Mention
from xborder.graph.ingest.namewords import COMMON, LEADING

__all__ = ["institution_mentions"]

#: the words for a kind of institution, by language group, and the countries that write them
_HEADS: list[tuple[str, tuple[str, ...]]] = [
    ("museum gallery library zoo aquarium theatre theater opera orchestra hospital clinic "
     "infirmary hospice trust council university college school academy institute institution "
     "society association federation union club foundation charity church parish diocese "
     "cathedral chamber centre center party organisation organization bank", ("GB", "IE", "US")),
    ("museum bibliothek galerie tierpark theater oper orchester krankenhaus klinik klinikum "
     "spital universität hochschule schule gymnasium akademie institut verband bund "
     "vereinigung kirche pfarrei kirchengemeinde bistum erzbistum kammer zentrum partei "
     "rundfunk organisation", ("DE", "AT", "CH")),
    ("musée bibliothèque médiathèque galerie théâtre opéra orchestre hôpital clinique centre "
     "institut université école lycée collège académie fédération union syndicat club église "
     "paroisse diocèse chambre agence parti mutuelle caisse conservatoire organisation",
     ("FR", "BE", "CH")),
    ("museo biblioteca galería teatro orquesta hospital clínica centro instituto universidad "
     "escuela colegio academia asociación federación unión sindicato club fundación iglesia "
     "parroquia diócesis cámara partido mutua consorcio servicio organización", ("ES",)),
    ("museo biblioteca galleria teatro orchestra ospedale clinica centro istituto università "
     "scuola liceo accademia associazione federazione unione sindacato circolo fondazione "
     "chiesa parrocchia diocesi camera agenzia partito azienda ente consorzio organizzazione",
     ("IT",)),
    ("museu biblioteca teatro hospital clínica centro instituto universidade escola colégio "
     "academia associação federação união sindicato clube fundação igreja paróquia câmara "
     "partido misericórdia organização", ("PT", "BR")),
    ("museum bibliotheek dierentuin theater schouwburg orkest ziekenhuis kliniek centrum "
     "instituut universiteit hogeschool school academie vereniging federatie bond kerk parochie "
     "kamer maatschappij partij genootschap organisatie", ("NL", "BE")),
    ("museet bibliotek biblioteket teater teatern sjukhus sygehus universitet högskola skola "
     "skole förening forening förbund forbund förbundet kyrka kyrkan kirke stiftelse stiftelsen "
     "selskab sällskap parti partiet", ("SE", "DK", "NO")),
    ("muzeum biblioteka teatr szpital klinika centrum instytut uniwersytet politechnika szkoła "
     "akademia stowarzyszenie fundacja związek towarzystwo parafia kościół izba partia",
     ("PL",)),
    ("knihovna divadlo nemocnice univerzita škola akademie spolek nadace sdružení svaz komora "
     "agentura", ("CZ",)),
]
_HEAD: dict[str, tuple[str, ...]] = {}
for _words, _countries in _HEADS:
    for _word in _words.split():
        _HEAD[_word] = tuple(dict.fromkeys(_HEAD.get(_word, ()) + _countries))
#: heads a German, Dutch or Nordic compound ends with ("Stadtbibliothek", "Coeliakievereniging")
_COMPOUND = re.compile(r"(?:museum|bibliothek|bibliotheek|bibliotek|theater|klinik|klinikum|"
                       r"krankenhaus|ziekenhuis|schule|hochschule|akademie|verband|vereniging|"
                       r"kammer|kirche|zentrum|centrum|förening|forening|förbund|forbund|"
                       r"kyrkan|gemeinde)\Z")
#: words in a run that is not one: authorities, courts, unions of states, registers, agents
#: and streets ("Information Commissioner's Office", "Kamer van Koophandel", "Church Road")
_NOT_BODY = re.compile(r"^(?:commissioner\w*|authority|autorit[éàa]|autoridad\w*|autoriteit|"
                       r"\w*behörde|garante|board|supervisor\w*|ombudsm[ae]n|court|"
                       r"tribunal\w*|gericht\w*|police|polizei|commission\w*|comisi[oó]n|"
                       r"commissie|kommission|protection|datenschutz\w*|european|europ[ée]enne|"
                       r"europea|europeia|europese|europäische\w*|corporation|commerce|comercio|"
                       r"commercio|koophandel|handelskammer|road|street|lane|avenue|way|close|"
                       r"square|drive|rue|calle|via|viale|avenida|rua|piazza|plaza|platz|third\S*|polic(?:y|ies)|"
                       r"notice|statement|terms|logo)\Z", re.I)
#: capitalised words that name no body by themselves ("Customer Service Centre", "Centro
#: Clínico", "National Museum"): the run needs a word besides these and its head
_GENERIC = frozenset({"customer", "service", "services", "support", "help", "contact",
                      "security", "information", "data", "privacy", "cookie", "cookies", "logo",
                      "clínico", "clinico", "clinical", "medical", "médical", "médico", "medico",
                      "dental", "general", "central", "national", "nacional", "nazionale",
                      "regional", "local", "public", "private", "international", "municipal",
                      "main", "head", "new", "royal", "our", "your"})
#: a word that ends a body's name: the kind of public body written after it
_STOP = frozenset({"établissement", "etablissement"})
#: a word after a run that says the name goes on into a legal form not read as one ("Institut
#: für … Gesellschaft m.b.H."): no institution's name, the company's is not found
_GOES_ON = frozenset({"gesellschaft", "registrierte", "genossenschaft", "i.p", "i.p."})
#: a possessive or demonstrative before the run: a common noun ("our Organisation and Web site")
_OWNED = re.compile(r"\b(?:our|your|their|its|this|that|these|notre|votre|leur|cette|unser\w*|"
                    r"ihr\w*|diese[rsmn]?|nostr[oaie]|vostr[oaie]|quest[oaie]|nuestr[oa]s?|"
                    r"vuestr[oa]s?|est[ea]|noss[oa]s?|dest[ea]|onze|ons|deze|dit|vår\w*|"
                    r"din|ditt|nasz\w*)\s+\Z", re.I)
#: a law before the name: the body that issued it ("Datenschutzgesetz der Evangelischen Kirche
#: in Deutschland"), not the policy's
_LAW = re.compile(r"(?i:gesetz\w*|verordnung|ordnung|regulation|règlement|reglamento|regolamento|"
                  r"law|loi|ley|legge|lei|wet)\b[^.;:\n]{0,40}\Z")
#: a register before the name: the body is where a company is registered, not a controller
_REGISTER = re.compile(r"(?:regist\w*|inscri\w*|ingeschreven|eingetragen|immatricul\w*|"
                       r"iscritt\w*|numéro|number|nummer)\b[^.;\n]{0,40}$", re.I)
#: connectors inside a body's name
_LINK = frozenset({"of", "for", "the", "and", "&", "de", "du", "des", "la", "le", "les", "d",
                   "et", "der", "die", "für", "am", "an", "im", "zu", "zur", "zum", "und",
                   "van", "voor", "het", "en", "di", "del", "della", "dello", "dei", "delle",
                   "degli", "e", "y", "do", "da", "dos", "das", "i", "och", "og", "för", "w",
                   "we", "v", "ve", "na", "with"})
#: a document's own words before a name in its title ("Privacyverklaring Handboogvereniging …")
_DOCUMENT = re.compile(r"(?:privacy\w*|polic(?:y|ies)|\w*verklaring|datenschutz\w*|\w*erklärung|"
                       r"politique|informativa|política|integritets\w*|cookie\w*)\Z", re.I)
#: a conjunction and an article between two names: "X Europe and the X US" are two bodies
_AND = frozenset({"and", "und", "et", "e", "y", "en", "och", "og", "i"})
_ARTICLE = frozenset({"the", "die", "der", "das", "la", "le", "les", "il", "lo", "el", "los",
                      "het", "o", "os", "as"})
_TOKEN = re.compile(r"&|[^\W\d_](?:[\w’'.-]*[\w’'])?")
_ELISION = re.compile(r"^(?:[ldLD]|dell|all|nell|dall)['’](?=\w)")
_MAX = 14


def _bare(token: str) -> str:
    return _ELISION.sub("", token)


def _capital(token: str) -> bool:
    word = _bare(token)
    return word[:1].isupper() and word.casefold() not in COMMON


def _head(token: str) -> tuple[str, ...] | None:
    """The countries of a head word (or of a compound ending with one), else None."""
    word = _bare(token).casefold()
    if word in _HEAD:
        return _HEAD[word]
    last = word.rsplit("-", 1)[-1]
    if last != word and last in _HEAD:
        return _HEAD[last]  # "Goethe-Institut"
    compound = _COMPOUND.search(word)
    if compound is not None and compound.start() >= 3:
        return _HEAD.get(compound[0], ("DE", "AT", "CH", "NL", "BE", "SE", "DK"))
    return None


def _tokens(text: str) -> list[list[tuple[str, int]]]:
    """The runs of words of ``text`` with only spaces between them (a line break, a comma or a
    bracket ends a run)."""
    runs: list[list[tuple[str, int]]] = []
    end = -1
    for m in _TOKEN.finditer(text):
        if end >= 0 and runs and re.fullmatch(r"[ \t]+", text[end:m.start()]):
            runs[-1].append((m[0], m.start()))
        else:
            runs.append([(m[0], m.start())])
        end = m.end()
    return runs


def _body(run: list[tuple[str, int]], h: int) -> tuple[int, int] | None:
    """The first and last word (exclusive) of the body's name around its head word ``h``."""
    i, caps = h, run[h][0].isupper()
    while i > 0 and ((_capital(run[i - 1][0]) and (run[i - 1][0].isupper() == caps or
                                                  len(run[i - 1][0]) < 2)) or
                     (run[i - 1][0].casefold() in _LINK and i - 1 > 0 and
                      _capital(run[i - 2][0]))) and h - i < _MAX:
        i -= 1
    while i < h and (run[i][0].casefold() in _LINK | LEADING or _DOCUMENT.match(run[i][0])):
        i += 1
    j, german = h + 1, "DE" in (_head(run[h][0]) or ())  # "Landeskirche in Württemberg"
    while j < len(run) and j - i < _MAX:
        word = run[j][0]
        if _bare(word).casefold() in _GOES_ON:
            return None
        if _bare(word).casefold() in _STOP:
            break
        if _capital(word) or (_head(word) is not None and word[:1].isupper()) or \
                (_ELISION.match(word) and run[j - 1][0].casefold() in _LINK):
            j += 1  # "… des Suisses de l'étranger": an elided word after a connector
        elif word.casefold() in _LINK or (word in ("in", "im") and german):
            k = j
            while k < len(run) and (run[k][0].casefold() in _LINK or
                                    (run[k][0] in ("in", "im") and german)):
                k += 1
            links = [w.casefold() for w, _s in run[j:k]]
            if links[:1] and links[0] in _AND and ((links[1:] and links[1] in _ARTICLE and
                                                   len(links) == 2) or
                                                   (k < len(run) and run[k][0] == run[i][0])):
                break  # "… Foundation Europe and the … Foundation US": a second name
            if k < len(run) and (_capital(run[k][0]) or _ELISION.match(run[k][0])) and k - j <= 3:
                j = k + 1
            else:
                break
        else:
            break
    words = [w for w, _s in run[i:j]]
    named = [w for k, (w, _s) in enumerate(run[i:j], i)
             if _capital(w) and k != h and _bare(w).casefold().strip("’'") not in _GENERIC]
    if any(_NOT_BODY.match(_bare(w)) and w[:1].isupper() for w in words) or not named:
        return None
    return i, j


def institution_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    """The institutions of ``text`` named by a head word (see the module), in a text that names
    no company with a legal form (the stronger reading of who it is)."""
    found: list[Mention] = []
    if taken:
        return found  # a name with a legal form in the same sentence is the stronger reading
    for run in _tokens(text):
        for h, (word, _start) in enumerate(run):
            if word[:1].islower() and word not in ("kyrkan", "kerk"):
                continue
            if (countries := _head(word)) is None:
                continue
            if (span := _body(run, h)) is None:
                continue
            i, j = span
            start, last = run[i][1], run[j - 1]
            end = last[1] + len(last[0])
            if any(x.start < end and start < x.end for x in taken + found) or \
                    re.search(r"(?:[A-Z]\w*(?:,|\s+[–-])\s*|[“«„\"][^”»“\"\n]{0,60}|‘[^’\n]{0,60})\Z",
                              text[:start]) or \
                    _REGISTER.search(text[:start]) or _OWNED.search(text[:start]) or \
                    _LAW.search(text[:start]):
                continue  # "The Services, Industrial, … Union", "IBS – Institut …"; inside quotes
                # ("trading as ‘Museum of …’", "do “Grupo de Amigos do Museu …”"), read as
                # a quoted name elsewhere; a register ("inscrite à la Chambre …")
            if (article := re.match(r"(?i:l['’])(?=[A-ZÀ-Þ])", text[start:end])) is not None:
                start += article.end()  # "L’Association …": the article is no part of it
            name = text[start:end].rstrip(".’'")
            found.append(Mention(name, name, start, start + len(name), "institution",
                                 countries, name))
    return found
