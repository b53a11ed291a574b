"""Places in a clause that are not where its users are.

A clause that names a controller often names other places too: the company's address or seat
("sis Gordon House, …, Irlande", "with its registered office at …, Ireland"), its country of
incorporation ("a company registered in Delaware", "an Irish company"), where data is sent or kept
("… and stores your data in the United States"), a quoted short name ("(“TikTok Ireland”)"), and
the law the clause is read under ("For the purposes of EU and UK data protection legislation, X
is the controller", "Verantwortlicher im Sinne der … in den Mitgliedstaaten der Europäischen
Union geltenden Datenschutzgesetze", "Règlement … de l’UE"). :func:`not_user_places` gives their
spans, which the place finder then skips.

And companies in a clause that are not its controller: a processor named as one before its name
(:data:`SERVES`: "our payment provider, X Ltd", "委托X") or after it (:data:`ON_BEHALF`: "… acts
on our behalf", "como operadora").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xborder.graph.ingest.places import PlaceFinder

__all__ = ["ON_BEHALF", "ON_BEHALF_FAR", "SERVES", "not_user_places"]

_DEFINED = re.compile(r"\(\s*(?:hereinafter\s+|ci-après\s+|im\s+Folgenden\s+|hierna\s+)?"
                      r"[^()]{0,30}?[\"“„«‘'][^()]{1,80}\)")
_SEAT = re.compile(r"\b(?:sise?|situé(?:e|s|es)?\s+(?:au|à|en)|located\s+at|"
                   # a company's branch: "…, Compagnia Assicurativa operante in Italia in regime
                   # di stabilimento"; its street after the name: "StubHub Inc. di 1209 Orange …"
                   r"operante\s+in|(?<=[.\w] )(?:di|of|de)\s+(?=\d{1,5}[a-z]?\s+[A-Z])|"
                   # "… with registered number 511203, …, DUBLIN 8, Ireland", "organisationsnummer"
                   r"(?:with\s+)?(?:registered|registration|company)\s+(?:number|no\.?)|"
                   # a register's or regulator's name: "registered with the Central Bank of …"
                   r"(?:registered|regulated|authori[sz]ed|licensed)\s+(?:with|by)|"
                   r"organisationsnummer|con\s+sede\s+legale\s+e\s+\w+\s+in|(?:y\s+|con\s+)?"
                   r"domicilio(?:\s+social)?\s+en|domiciliad[oa]\s+en|com\s+domicílio\s+em|"
                   r"(?:with|having)\s+"
                   r"(?:its\s+|our\s+)?(?:offices?|headquarters|head\s+office)\s+in|(?:with|having)\s+"
                   r"(?:its\s+)?(?:registered\s+)?(?:offices?|address|seat)(?:\s+at)?|registered\s+"
                   r"office\s+(?:at|is)|dont\s+le\s+siège(?:\s+social)?\s+est\s+situé|siège\s+"
                   r"social\s*:?|mit\s+(?:eingetragenem\s+)?Sitz\s+in|con\s+sede(?:\s+legale)?\s+"
                   r"in|com\s+sede\s+em|gevestigd\s+(?:te|in|aan)|(?:(?:registered|organi[sz]ed|"
                   r"incorporated|established)\s+and\s+)?existing\s+under\s+the\s+laws?\s+of|"
                   r"(?:organi[sz]ed|incorporated|established)\s+under\s+the\s+laws?\s+of|"
                   # the same in the other languages read: "existente bajo las leyes del Reino …"
                   r"(?:bajo|conforme\s+a|según)\s+las\s+leyes\s+del?|(?:selon|en\s+vertu\s+d)\w*"
                   r"\s+(?:les\s+|des\s+)?lois\s+d|(?:secondo|ai\s+sensi\s+del)\w*\s+(?:le\s+)?"
                   r"leggi\s+d|nach\s+(?:dem\s+)?Recht\s+(?:von|der|des)|onder\s+(?:de\s+)?"
                   r"wetten\s+van|(?:sob|segundo)\s+as\s+leis\s+d|"
                   r"(?:a\s+company\s+)?(?<!you['’]re\s)(?<!you\sare\s)(?:registered|"
                   r"incorporated|established|headquartered|based)\s+in|an?\s+[A-Z]\w+\s+"
                   r"(?:company|corporation)|une\s+société\s+\w+|which\s+is\s+(?:based|located)"
                   r"\s+in|(?:enregistrée|immatriculée|constituée|établie)\s+(?:en|au|aux|à|dans)|"
                   r"(?:registrad|constituid|inscrit)[ao]\s+en|(?:registrat|costituit)[ao]\s+in|"
                   r"(?:eingetragen|registriert|ansässig)\s+in|(?:ingeschreven|opgericht)\s+in|"
                   r"(?:registrad|constituíd)[ao]\s+(?:em|no|na|nos)|z\s+siedzibą\s+w|"
                   # "iscritta al Registro … della Repubblica di Estonia", "di diritto estone"
                   r"iscritt[ao]\s+(?:al|nel|presso)\s+(?:[Rr]egistro|[Rr]\.?\s?[Ii]\.?)|"
                   r"inscrit[ea]?\s+au\s+(?:registre|RCS)|eingetragen\s+im\s+\w*register|"
                   r"zarejestrowan[aeyi]+\s+w|med\s+(?:säte|hjemsted|sete)\s+i|"
                   r"registrer(?:at|et|t)\s+i)\b", re.I)
#: "… BV in the Netherlands," right after a company's name: where it is
_IN_COUNTRY = re.compile(r"\s+in\s+((?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?=\s*[,.;]|"
                         r"\s+and\s+(?:its|their)\b)")
#: the seat's relative clause: "… Wix.com Ltd. in Israel, which the European Commission …"
_WHICH = re.compile(r",\s*(?:which|a\s+country)\b[^;]*")
#: a place as a company's adjective: "its EU Representatives and its other EEA Affiliates"
_OF_COMPANIES = re.compile(r"\b(?:EU|EEA|UK|US|European)\s+(?:[Rr]epresentatives?|[Aa]ffiliates|"
                           r"[Ss]ubsidiaries|[Gg]roup\s+companies)\b")
#: a law's name with its union in it: "Règlement général sur la protection des données de l’UE"
_LAW = re.compile(r"\b(?i:Règlement|Regulation|Verordnung|Reglamento|Regolamento|Verordening|"
                  r"Regulamento)\b(?:[^.;()]{0,70}?\b(?:UE|EU)\b|\s*\((?:EU|UE)\)\s*(?:No\.?\s*)?"
                  r"\d{4}/?\d+(?:\s*\([^()]{0,60}\))?)"  # "REGOLAMENTO UE", "Regulation (EU) …"
                  r"|\b(?:EU|UE)[-\s]?(?:Datenschutz-?[Gg]rundverordnung|DSGVO|GDPR|RGPD|AVG)\b"
                  # a regulation's number: "EU/2016/679", "(UE) n. 2016/679"
                  r"|\(?\b(?:EU|UE)\b\)?\s*/?\s*(?:No\.?\s*|Nr\.?\s*|n\.?\s*)?\d{4}/\d+")
#: the law a clause is read under: "For the purposes of EU and UK data protection legislation",
#: "im Sinne der EU-DSGVO sowie sonstiger in den Mitgliedstaaten der EU geltenden Gesetze" — up to
#: the last law word before the clause's verb
_LAW_WORD = (r"(?:law|laws|legislation|regulations?|GDPR|rules|Act|\w*[Gg]esetz\w*|"
             r"\w*[Dd]atenschutz\w*|DSGVO|\w*[Vv]erordnung|lois?|législation|règlement|RGPD|"
             r"leye?s?|legislación|normativa|legge|leggi|wet|wetgeving|AVG|lei|legislação|LGPD)")
_UNDER_LAW = re.compile(r"\b(?:for\s+the\s+purposes?\s+of|within\s+the\s+meaning\s+of|"
                        r"as\s+defined\s+(?:in|by|under)|pursuant\s+to|im\s+Sinne|au\s+sens|"
                        r"ai\s+sensi|a\s+(?:los\s+)?efectos|in\s+de\s+zin|nos\s+termos|"
                        r"para\s+(?:os\s+)?efeitos)\b(?:(?!\b(?:is|are|est|ist|es|è|é|sont|sind|"
                        r"zijn|son|sono|são)\b)[^.;:]){0,200}\b" + _LAW_WORD + r"\b", re.I)
_USERS = re.compile(r"\b(?:if|for|users?|when|where|who|residents?|live|reside|résid\w*|"
                    r"utilisateurs|wenn|Nutzer|si|usuarios|utenti|gebruikers)\b", re.I)


#: where data goes, not where users are: "transferred to", "stored in", "hosted in" …
_DESTINATION = re.compile(r"\b(?:transferr?(?:ed|ing|s)?|sen[dt]s?|stor(?:ed|es?|ing)|"
                          r"host(?:ed|s)?|kept|transférée?s?|stockée?s?|hébergée?s?|übermittelt|übertragen|"
                          r"gespeichert|gehostet|transferid[oa]s?|almacenad[oa]s?|alojad[oa]s?|"
                          r"trasferit[io]|conservat[io]|ospitat[io]|doorgegeven|opgeslagen|"
                          r"armazenad[oa]s?)\b(?:\s+[\w’']+){0,4}?\s+(?:to|in|on|into|vers|en|au|"
                          r"aux|dans|nach|in|a|para|em|naar|verso)\s+(?=(?:the\s+|l['’]|la\s+|le\s+|"
                          r"les\s+|die\s+|den\s+|de\s+|el\s+|los\s+|os\s+|gli\s+|i\s+)?[A-ZÀ-Ý])",
                          re.I)


#: a postal code, its town and the country after them: the end of an address
_POSTCODE = re.compile(r"\b(?:(?:[A-Z]{1,2}\s?-\s?|C\.?P\.?\s|CAP\s)?\d{4,5}(?:-\d{3})?\s*"
                       r"(?:[-–]\s*)?[A-ZÀ-Ý][\w'’-]+(?:[ -](?:am|an|im|bei|sur|en|de|del)?\s?"
                       r"[A-ZÀ-Ý][\w'’-]+){0,2}(?:\s*\([\w ]{1,20}\))?(?:,|\s+[-–])?\s+"
                       r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?"  # "10123 Torino (To) – Italy"
                       r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?,?\s+(?:USA|U\.S\.A\.|United\s+States))")
#: (also "CP 46004 Valencia (Valencia) España" and a US state's "DE 19801, USA")
#: a street's name and number before a postcode: "… rue de Miromesnil 75008 Paris"
_STREET_BEFORE = re.compile(r"\b(?:\d+[a-z]?(?:-\d+)?\s+)?(?:rue|avenue|boulevard|bd|place|quai|"
                            r"chemin|allée|via|viale|piazza|corso|calle|avenida|plaza|paseo|rua|"
                            r"praça|street|road|lane|ul\.|al\.)\s[^,;\n]{2,40}?(?:\s\d+[a-z]?)?"
                            r"\s*$", re.I)


#: a supervisory authority: the places after it are its own ("the competent supervisory
#: authority in Germany is …"), not where users are
_AUTHORITY = re.compile(r"\b(?:supervisory\s+authorit(?:y|ies)|"
                        r"data\s+protection\s+authorit(?:y|ies)|"
                        r"Aufsichtsbehörde\w*|Datenschutzbehörde\w*|autorités?\s+de\s+contrôle|"
                        r"autorità\s+di\s+controllo|autoridad(?:es)?\s+de\s+control|"
                        r"toezichthoudende\s+autoriteit|toezichthouder|autoridade\s+de\s+controlo|"
                        r"tilsynsmyndighed\w*|tillsynsmyndighet\w*|organ\w*\s+nadzorcz\w*)", re.I)


def not_user_places(piece: str, finder: PlaceFinder, names: Sequence[tuple[int, int]] = ()
                    ) -> list[tuple[int, int]]:
    """Spans of a clause whose places are not where users are: a quoted short name
    ("(“TikTok Ireland”)"), an address or seat ("sis Gordon House, …, Irlande", "with its
    registered office at …, Ireland"), a country of incorporation ("a company registered in
    Delaware", "an Irish company", "which is based in the USA"), a postal code's town and country
    ("…, 1230 Wien Österreich"), where data is sent or kept ("… and stores your data in the United
    States"), the law the clause is read under, and the country right after the one company the
    clause ``names`` ("ETS Global BV in the Netherlands, its EU Representatives …")."""
    spans = [(m.start(), m.end()) for m in _DEFINED.finditer(piece)]
    spans += [(m.start(), m.end()) for m in _OF_COMPANIES.finditer(piece)]
    if len(names) == 1 and (m := _IN_COUNTRY.match(piece, names[0][1])) and \
            finder.find(m[1]):
        which = _WHICH.match(piece, m.end())  # "…, which the Commission considers …"
        spans.append((m.start(), which.end() if which else m.end()))
    spans += [(m.start(), m.end()) for m in _LAW.finditer(piece)]  # "… du Règlement … de l’UE"
    spans += [(m.start(), m.end()) for m in _UNDER_LAW.finditer(piece)]  # "for the purposes of
    # EU and UK data protection legislation, X is the controller": the law's places
    for m in _SEAT.finditer(piece):
        if m[0].casefold().startswith("situ") and re.search(
                r"\b(?:utilisateurs|personnes|clients|membres|vous\s+êtes)\s*$",
                piece[max(0, m.start() - 30):m.start()], re.I):
            continue  # "les utilisateurs situés au Canada": where users are
        tail = piece[m.end():m.end() + 160]
        stop = re.search(r";|(?<!\bCo)(?<!\bSt)(?<!\bNo)(?<!\bNr)(?<!\b[AaUu]l)(?<!\bstr)(?<!\bAv)"
                         r"(?<!\bAvda)(?<!\bpl)\.\s|\s(?:is|are|est|ist|es|è|sont)\s",
                         tail)  # "… Retail Park, Co. Cork, Ireland.", "in al. Karkonoska 59, …"
        tail = tail[:stop.start()] if stop else tail
        places = [p for p in finder.find(tail) if p.code not in ("EEA", "EU")]
        seat = [p for p in places if not _USERS.search(tail[:p.start])]
        if places and not seat:
            continue  # "…, if you live in Ireland": where users are, not the seat
        end = m.end() + (seat[-1].end if seat else len(tail.split(",")[0]))  # the address's end
        spans.append((m.start(), end))
    for m in _POSTCODE.finditer(piece):  # "…, 1230 Wien Österreich", "6855 – Stabio, Suisse"
        if re.search(r"(?:^|[,(\n]|\d[a-z]?(?:\s+[-–])?)\s*$",
                     piece[max(0, m.start() - 12):m.start()]) or _STREET_BEFORE.search(
                         piece[max(0, m.start() - 60):m.start()]):
            spans.append((m.start(), m.end()))  # after a comma, a house number or a street
            # ("… BV 69-71 rue de Miromesnil 75008 Paris France"), not a year
    for m in _AUTHORITY.finditer(piece):  # "Die zuständige Aufsichtsbehörde in Deutschland"
        stop = re.search(r"[;.:]\s|\s(?:is|ist|est|es|è|é)\s", piece[m.end():m.end() + 120])
        spans.append((m.start(), m.end() + (stop.start() if stop else 120)))
    for m in _DESTINATION.finditer(piece):  # "… and stores your data in the United States"
        tail = piece[m.end():m.end() + 120]
        stop = re.search(r"[;.]|,\s*(?:and|but|if|while|where)\b|\s(?:for|if|when|where)\s",
                         tail)
        spans.append((m.start(), m.end() + (stop.start() if stop else len(tail))))
    return spans


#: a processor named as one: "our service provider Matomo GmbH", "X acts as our processor", …
SERVES = re.compile(r"\b(?:(?:service|analytics|hosting|cloud|payment)\s+providers?|processors?|"
                     r"sub-?processors?|vendors?|sous-traitants?|prestataires?(?:\s+de\s+(?:services|"
                     r"paiement|hébergement))?|"
                     r"Auftragsverarbeiter\w*|Dienstleister\w*|encargad[oa]s?(?:\s+del\s+tratamiento)?|"
                     r"proveedor(?:es)?|fornitor[ei]|responsabil[ei]\s+del\s+trattamento|verwerkers?|"
                     r"subcontratantes?|operadores?|servidores|servers|Server[n]?|Hoster\w*|"
                     r"adatfeldolgoz\w*|tárhely\w*|zpracovatel\w*|käsittelijä\w*|"
                     r"împuternicit\w*)\b[^.;,]{0,20},?\s*$"
                     r"|(?:委托|委託|委任)\s*$", re.I)  # "… our payment provider, X Ltd", "委托X"
ON_BEHALF = re.compile(r"^[^.;]{0,60}?\b(?:on\s+(?:our\s+)?behalf\s+of|on\s+our\s+behalf|acts?\s+"
                        r"(?:only\s+|solely\s+|merely\s+)?as\s+(?:our|a|the)\s+(?:data\s+)?processor|pour\s+(?:le\s+)?compte\s+d|en\s+tant\s+que"
                        r"\s+sous-traitant|im\s+Auftrag|als\s+Auftragsverarbeiter|por\s+cuenta\s+de|como\s+"
                        r"encargad[oa]|per\s+conto\s+d|in\s+qualità\s+di\s+responsabile\s+del|namens|"
                        r"als\s+verwerker|em\s+nome\s+d|como\s+subcontratante|como\s+operador(?:a)?\b)"
                        r"(?![^.;]{0,40}\b(?:group|groep|groupe|Gruppe|gruppo|grupo)\b)", re.I)
#: ("como operadora": a processor under Brazil's LGPD; never on behalf of its own group)
#: the same, further on, with no controller's word between: "X ou notre prestataire Y, …, gère
#: notre service client … pour le compte de la filiale locale, qui est … le responsable"
ON_BEHALF_FAR = re.compile(ON_BEHALF.pattern.replace(
    r"^[^.;]{0,60}?", r"^(?:(?!controll|responsable|verantwortlich|titolare|responsável|"
    r"verantwoordelijke)[^.;]){0,260}?", 1), re.I)
