"""Legal forms: the company forms ``ingest`` recognises and the countries each is used in.

Most follow the name ("Acme GmbH", "WebGroup Czech Republic, a.s.", "orka Partnerschaft mbB");
French forms may also come first ("SAS HAPPN"). The Japanese, Korean and Chinese forms, found by
their punctuation rather than capitals, are in :mod:`.lexicon` (``CJK_FORMS``).
"""

from __future__ import annotations

import re

import pycountry

__all__ = ["AUTHORITIES", "LEGAL_FORMS", "PREFIX_FORMS", "PUBLIC_HEADS", "written_short"]

#: Ireland's counties (ISO 3166-2:IE, from pycountry): "Co. Dublin" in an address is no "Co."
_COUNTIES = "|".join(sorted({re.escape(s.name) for s in pycountry.subdivisions
                             if s.country_code == "IE"}))

_EU_SE = ("DE", "FR", "LU", "NL", "AT", "IE")
#: (pattern, canonical form, candidate countries, continental: no comma before the form)
LEGAL_FORMS: list[tuple[str, str, tuple[str, ...], bool]] = [
    # a Turkish company before the English forms it starts with: "… Ticaret Ltd. Şti."
    (r"(?:Ltd\.?|Limited)\s+Şti\.?|A\.Ş\.", "Ltd. Şti.", ("TR",), True),
    (r"Co\.,?\s*Ltd\.?|Company\s+Limited|Co\.\s*Limited", "Co., Ltd.",
     ("CN", "HK", "TW", "JP", "KR", "TH", "VN"), False),
    (r"Private\s+Limited|Pvt\.?\s*Ltd\.?", "Private Limited", ("IN",), False),
    (r"Pte\.?\s*Ltd\.?", "Pte. Ltd.", ("SG",), False),
    (r"Pty\.?\s*Ltd\.?", "Pty Ltd", ("AU", "ZA"), False),
    (r"Sdn\.?\s*Bhd\.?", "Sdn. Bhd.", ("MY",), False),
    (r"Unlimited\s+Company", "Unlimited Company", ("IE",), False),
    (r"Designated\s+Activity\s+Company|DAC", "DAC", ("IE",), False),
    (r"PTE\.?\s*LTD\.?", "Pte. Ltd.", ("SG",), False),
    (r"Limited|Ltd\.?|LIMITED|LTD\.?", "Limited", ("GB", "IE", "HK"), False),
    (r"UC", "UC", ("IE",), False),
    (r"(?:Sociedade\s+)?Unipessoal,?\s+(?:Lda|LDA)\.?", "Unipessoal Lda.", ("PT",), False),
    (r"(?:Sociedad\s+(?:An[oó]nima\s+)?)?Unipersonal", "Unipersonal", ("ES",), False),
    (r"PLC|[Pp]lc|p\.l\.c\.", "plc", ("GB", "IE", "FI"), False),
    (r"LLP", "LLP", ("GB", "US"), False),
    (r"(?:AG|SE)\s*&\s*Co\.?\s*KG(?:aA)?", "AG & Co. KG", ("DE", "AT"), True),
    (r"GmbH\s*&\s*Co\.?\s*KG|gemeinnützige\s+GmbH|gGmbH|GmbH|mbH", "GmbH", ("DE", "AT", "CH"),
     True),
    (r"Ges\.\s?m\.\s?b\.\s?H\.|GesmbH", "GmbH", ("AT",), True),
    (r"(?:PartG\s+)?mbB|PartG", "PartG mbB", ("DE",), True),
    (r"KGaA|OHG|GbR|e\.\s?V\.|eG", "KGaA, OHG, GbR, e.V., eG", ("DE", "AT"), True),
    (r"AG", "AG", ("DE", "CH", "AT"), True),
    (r"KG", "KG", ("DE", "AT"), True),
    (r"UG(?:\s*\(haftungsbeschränkt\))?", "UG", ("DE",), True),
    (r"S\.A\.P\.I\.\s*(?:de|DE)\s*C\.V\.", "S.A.P.I. de C.V.", ("MX",), True),
    (r"S\.A\.\s*(?:de|DE)\s*C\.V\.", "S.A. de C.V.", ("MX",), True),
    (r"S\.\s?C\.(?!\s*A\.)(?=[\s,;)]|$)", "S.C.", ("MX",), True),  # "…, S.C.,": sociedad civil
    (r"S\.\s?(?:de|DE)\s+R\.L\.(?:\s+(?:de|DE)\s+C\.V\.?)?", "S. de R.L.", ("MX",), True),
    # a Belgian company's form in both languages: "… NV/SA", "… SA/NV"
    (r"N\.?V\.?\s?/\s?S\.?A\.?|S\.?A\.?\s?/\s?N\.?V\.?", "NV/SA", ("BE",), True),
    (r"S\.A\.S\.?U?|SASU?", "SAS", ("FR",), True),
    (r"[Ss]ociété\s+par\s+actions\s+simplifiées?(?:\s+unipersonnelle)?", "SAS (written out)",
     ("FR",), True),
    (r"[Ss]ociété\s+(?:privée\s+)?à\s+responsabilité\s+limitée", "SARL (written out)", ("FR",),
     True),
    (r"[Ss]ociété\s+anonyme", "S.A. (written out)", ("FR", "BE", "LU", "CH"), True),
    # a French sole trader before its owner's name: "TRACEO VOYAGE EI Béatrice BUCHIN"
    (r"EIRL|EI(?=\s+[A-ZÉ][a-zéèï]+(?:-[A-ZÉ][a-zéèï]+)?\s+[A-Z]{2,})", "EI", ("FR",), True),
    # a French association: "le CFRT (Comité …), Association loi 1901"
    (r"[Aa]ssociation\s+(?:régie\s+par\s+la\s+)?loi\s+(?:du\s+1er\s+juillet\s+)?1901",
     "Association loi 1901 (written out)", ("FR",), True),
    (r"Gesellschaft\s+mit\s+beschränkter\s+Haftung", "GmbH (written out)", ("DE", "AT", "CH"),
     True),
    (r"società\s+(?:a\s+responsabilità\s+limitata|per\s+azioni)", "S.r.l. (written out)",
     ("IT",), True),
    (r"sociedad\s+(?:limitada|an[oó]nima)", "S.L. (written out)", ("ES",), True),
    (r"sociedade\s+an[oô]nima|sociedade\s+por\s+quotas", "S.A. (written out)", ("PT", "BR"),
     True),
    (r"(?:besloten|naamloze)\s+vennootschap", "B.V. (written out)", ("NL", "BE"), True),
    (r"limited\s+liability\s+company|public\s+limited\s+company", "LLC (written out)",
     ("US", "GB", "IE"), False),
    (r"S\.à\s?r\.l\.(?:\s+et\s+Cie,?\s+S\.C\.A\.)?|Sàrl", "S.à r.l.", ("LU", "CH"),
     True),
    (r"EURL|SNC|SCOP", "EURL, SNC, SCOP", ("FR",), True),
    (r"BVBA|SPRL|CVBA", "BV (Belgium)", ("BE",), True),
    (r"SIA", "SIA", ("LV",), True),
    (r"EOOD|EAD|OOD", "EOOD", ("BG",), True),
    (r"CLG", "CLG", ("IE",), False),
    (r"S\.a\.r\.l\.\s+et\s+Cie,?\s+S\.C\.A\.", "S.à r.l.", ("LU",), True),  # unaccented
    (r"S\.A\.R\.L\.?|S\.a\.r\.l\.|SARL", "SARL", ("FR", "LU"), True),
    (r"S\.C\.A\.|SCA", "S.C.A.", ("LU", "BE", "FR"), True),  # "… S.à r.l. et Cie, S.C.A."
    (r"SL,\s*S\.L\.|S\.L\.U?\.?|SLU?|s\.l\.(?:u\.)?|S\.L(?!\.)", "S.L.", ("ES",), True),
    (r"M\.E\.P\.E\.|Μ\.Ε\.Π\.Ε\.|I\.K\.E\.|Ι\.Κ\.Ε\.", "M.E.P.E.", ("GR",), True),
    (r"E\.P\.E\.|EPE", "E.P.E.", ("ES", "GR"), True),
    (r"S\.p\.A\.|S\.P\.A\.|SpA|Spa", "S.p.A.", ("IT",), True),
    (r"S(?:oc)?\.\s?[Cc]ons\.\s?(?:[Aa]\s?)?[Rr]\.\s?[Ll]\.?|S\.\s?c\.\s?r\.\s?l\.|SCARL",
     "S. cons. a r.l.", ("IT",), True),
    (r"S\.\s?c\.\s?a\.?\s?r\.\s?l\.?|S\.C\.A\.R\.L\.?|[Ss]carl|S\.c\.p\.A\.|S\.n\.c\.|S\.a\.s\.",
     "S.c.a r.l., S.c.p.A., S.n.c., S.a.s.", ("IT",), True),
    (r"[Ss]\.r\.l\.s\.|S\.R\.L\.S\.|SRLS|[Ss]rls", "S.r.l.s.", ("IT",), True),
    (r"(?:[Ss]\.r\.l\.|S\.R\.L\.|Srl|SRL|srl)(?:\s+SB\b)?", "S.r.l.", ("IT", "RO", "BE", "AR"),
     True),  # "… S.R.L. SB": a società benefit keeps the letters in its name
    (r"[Ss]ociet[àa]\s+[Cc]ooperativa(?:\s+[Ss]ociale)?|[Ss]oc\.\s?[Cc]oop\.", "Soc. Coop.",
     ("IT",), True),
    (r"[Ss]ociedad\s+[Cc]ooperativa|S\.\s?Coop\.", "S. Coop.", ("ES",), True),
    (r"Sagl|SAGL|S\.A\.G\.L\.", "Sagl", ("CH",), True),
    (r"S\.A\.U\.?|SAU", "S.A.U.", ("ES",), True),
    (r"S\.A\.C\.|S\.A\.A\.|E\.I\.R\.L\.|S\.R\.L\.\s?\(Perú\)", "S.A.C.", ("PE",), True),
    (r"S\.A\.?|SA", "S.A.", ("FR", "ES", "LU", "BE", "CH", "PL", "PT", "AR", "BR"), True),
    (r"Ltda\.?|LTDA\.?|S/A", "Ltda.", ("BR",), True),
    (r"e\.\s?K\.", "e.K.", ("DE",), True),
    (r"A?ISBL|ASBL|[Vv][Zz][Ww]", "ASBL", ("BE",), True),
    (r"OOO", "OOO", ("RU",), True),
    (r"Lda\.?|LDA\.?", "Lda.", ("PT",), True),
    (r"CRL", "CRL", ("PT",), True),
    (r"OÜ", "OÜ", ("EE",), True),
    (r"UAB", "UAB", ("LT",), True),
    (r"B\.V\.|BV|(?<=[a-z] )bv(?!\.)", "B.V.", ("NL",), True),  # "X Nederland bv"
    (r"V\.O\.F\.|VOF|vof(?!\w)", "V.O.F.", ("NL", "BE"), True),  # a general partnership
    # a registered association in Finland and Czechia; Greek and Turkish companies
    (r"r\.y\.|(?<=\w )ry(?![\w.])", "ry", ("FI",), True),
    (r"z\.\s?s\.", "z.s.", ("CZ",), True),
    (r"Α\.Ε\.|ΑΕ(?![\w.])|Ε\.Π\.Ε\.|Ι\.Κ\.Ε\.", "Α.Ε.", ("GR", "CY"), True),
    (r"N\.V\.|NV", "N.V.", ("NL", "BE"), True),
    (r"Aktiebolag|AB(?:\s*\(publ\))?", "AB", ("SE",), True),
    (r"ApS|Aps", "ApS", ("DK",), True),
    (r"A/S", "A/S", ("DK", "NO"), True),
    (r"ASA|AS", "AS", ("NO",), True),
    (r"Oyj|Oy", "Oy", ("FI",), True),
    (r"Ab", "Oy … Ab", ("FI",), True),  # the Swedish half of "Oy Frank Ab": only after "Oy …"
    (r"[Ss]p\.\s*z\s*o\.\s*o\.", "Sp. z o.o.", ("PL",), True),
    (r"spółka\s+(?:komandytowa(?:-akcyjna)?|jawna|akcyjna|partnerska|z\s+ograniczoną\s+"
     r"odpowiedzialnością)|[Ss]p\.\s?k\.|[Ss]p\.\s?j\.", "sp.k.", ("PL",), True),
    (r"(?:spol\.\s*s\s*)?s\.\s?r\.\s?o\.", "s.r.o.", ("CZ", "SK"), True),
    (r"a\.\s?s\.", "a.s.", ("CZ", "SK"), False),
    (r"d\.o\.o\.|d\.d\.", "d.o.o.", ("HR", "SI", "RS", "BA", "ME"), True),
    (r"Zrt\.|Nyrt\.", "Zrt.", ("HU",), True),
    (r"Kft\.?", "Kft.", ("HU",), True),
    (r"A\.Ş\.", "A.Ş.", ("TR",), True),
    (r"K\.K\.|KK|Kabushiki\s+Kaisha|G\.K\.|GK|Godo\s+Kaisha", "K.K.", ("JP",), True),
    (r"Berhad|Bhd\.?", "Berhad", ("MY",), True),
    (r"Tbk\.?", "Tbk", ("ID",), True),
    (r"Ltée|Limitée", "Ltée", ("CA",), False),
    (r"EIRELI", "EIRELI", ("BR",), True),
    (r"P?JSC", "JSC", ("RU", "KZ", "UA", "AE"), True),
    (r"Inc\.?|Incorporated", "Inc.", ("US",), False),
    (r"N\.A\.(?=\s*(?:$|[,;:)(]|\s[a-z(]))", "N.A.", ("US",), False),  # a national bank
    (r"PBC|L\.P\.|LLLP|PLLC|P\.C\.(?!\w)", "PBC, L.P.", ("US",), False),
    (r"SCIO(?!\w)", "SCIO", ("GB",), False),  # a Scottish charitable incorporated organisation
    (r"Co\.(?!\s+(?:" + _COUNTIES + r")\b)", "Co.", ("US", "GB", "CA"), False),  # not "Co. Dublin"
    (r"Corp\.?|Corporation", "Corporation", ("US",), False),
    # "The New York Times Company", "Ford Motor Company": a name of two words or more before it
    (r"Company(?!\s+(?:\([^()]{1,30}\)\s+)?(?:Limited|Ltd|No\b|Number|[Rr]eg))", "Company",
     ("US",), False),  # not "Hiscox Insurance Company (Guernsey) Limited"
    (r"L\.L\.C\.|LLC", "LLC", ("US",), False),
    (r"ULC", "ULC", ("CA",), False),
    (r"SE", "SE", _EU_SE, True),
]

#: Forms written before the name ("la SAS HAPPN"): (pattern, canonical form, countries)
PREFIX_FORMS: list[tuple[str, str, tuple[str, ...]]] = [
    (r"SASU|SAS|SARL|EURL", "SAS", ("FR",)),
    (r"i?vzw|VZW|a?i?sbl|ASBL", "ASBL", ("BE",)),  # "de vzw Koninklijke Federatie van …"
    # foundations and associations carry the word in their name: "Stichting Open Data"
    (r"Stichting|Vereniging", "Stichting", ("NL", "BE")),
    (r"Stiftung|Verein", "Stiftung", ("DE", "AT", "CH")),
    (r"Fondation|Association", "Fondation", ("FR", "BE", "CH", "LU")),
    (r"Fondazione|Associazione", "Fondazione", ("IT",)),
    (r"Fundación|Asociación|FUNDACIÓN|Fundació(?:\s+Privada)?|FUNDACIÓ(?:\s+PRIVADA)?|Associació",
     "Fundación", ("ES",)),
    (r"Fundação|Associação", "Fundação", ("PT", "BR")),
]

#: Heads of a public body's name, written before it ("Stadt Duisburg", "Comune di Sacrofano",
#: "Ayuntamiento de Albolote"): (pattern, kind, candidate countries). A body has no legal form,
#: so its head is what marks the words after it as a name.
PUBLIC_HEADS: list[tuple[str, str, tuple[str, ...]]] = [
    (r"Stadt|Gemeinde|Marktgemeinde|Landkreis|Kreisstadt|Landeshauptstadt|Stadtgemeinde",
     "municipality (de)", ("DE", "AT", "CH")),
    (r"Kanton", "canton (de)", ("CH",)),
    (r"[Gg]emeente|Provincie", "municipality (nl)", ("NL", "BE")),  # "De gemeente Leerdam"
    (r"Comune\s+di|Provincia\s+(?:autonoma\s+)?di|Regione|Città\s+(?:metropolitana\s+)?di",
     "municipality (it)", ("IT",)),
    (r"Ayuntamiento\s+de|Diputación\s+(?:Provincial\s+)?de|Ajuntament\s+d[e'’]|Concello\s+de",
     "municipality (es)", ("ES",)),
    (r"Câmara\s+Municipal\s+d[eoa]s?|Município\s+d[eoa]s?|Prefeitura\s+(?:Municipal\s+)?d[eoa]",
     "municipality (pt)", ("PT", "BR")),
    (r"Ville\s+d[e'’]|Commune\s+d[e'’]|Mairie\s+d[e'’]|Métropole\s+d[e'’]",
     "municipality (fr)", ("FR", "BE", "LU", "CH")),
    (r"Region", "region", ("DK", "SE", "DE", "AT")),
    # Czech and Polish municipalities: "Obecní úřad Librantice", "Urząd Gminy Kobylnica"
    (r"(?:Obecní|Městský|Místní)\s+úřad|Magistrát\s+města|Obec|Město", "municipality (cs)",
     ("CZ",)),
    (r"Urząd\s+(?:Miasta(?:\s+i\s+Gminy)?|Gminy|Miejski)|Gmina(?:\s+Miejska)?", "municipality (pl)",
     ("PL",)),
    # a state school: "Istituto Comprensivo di …", "ISTITUTO D’ISTRUZIONE SUPERIORE …"
    (r"(?i:istituto\s+(?:comprensivo|d['’]istruzione\s+superiore|tecnico|professionale)"
     r"(?:\s+statale)?(?:\s+(?:di|d['’]))?)", "school (it)", ("IT",)),
    (r"(?:Technische\s+|Freie\s+)?Universität|(?:Fach)?[Hh]ochschule", "university (de)",
     ("DE", "AT", "CH")),
    (r"Università\s+(?:degli\s+Studi\s+)?di|Université\s+d[eu']|Universidad\s+de|Universidade\s+"
     r"d[eoa]|Universiteit\s+van", "university", ("IT", "FR", "ES", "PT", "BR", "NL", "BE")),
]

_TOPIC = (r"[A-ZÀ-Ý][\w'’-]*(?:(?:,\s*|\s+(?:und|and|et|e|y|en)\s+)(?:(?:de\s+la|de\s+l['’]|des|du|"
          r"de|della|dell['’]|of|for|the)\s*)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:aux|au)\s+[a-zà-ÿ]+)?){0,3}")
#: Government departments and agencies, whose whole name marks them ("Bundespräsidialamt",
#: "Bundesministerium für Bildung und Forschung", "Ministère de la Culture", "Ministry of
#: Justice"): (pattern, kind, candidate countries)
AUTHORITIES: list[tuple[str, str, tuple[str, ...]]] = [
    (r"(?:Bundes|Landes|Staats)[a-zäöüß]*(?:ministerium|amt|anstalt|agentur|behörde|kanzlei|"
     r"verwaltung|zentrale|institut|bank)(?:\s+für\s+" + _TOPIC + r")?", "authority (de)",
     ("DE", "AT", "CH")),
    (r"(?:Staats|Landes)?[Mm]inisterium\s+(?:für|des|der)\s+" + _TOPIC, "authority (de)",
     ("DE", "AT")),
    (r"Ministère\s+(?:de\s+la|de\s+l['’]|des|du|de)\s*" + _TOPIC, "authority (fr)",
     ("FR", "BE", "LU")),
    (r"Minister(?:o|io)\s+(?:della|dello|dell['’]|delle|degli|dei|del|de\s+la|de\s+las|de\s+los|"
     r"de)\s*" + _TOPIC, "authority (it, es)", ("IT", "ES")),
    (r"Ministerie\s+van\s+" + _TOPIC, "authority (nl)", ("NL", "BE")),
    (r"(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?" + _TOPIC, "authority (en)",
     ("GB", "IE", "US")),
]

#: The abbreviation of a written-out form, by its words: a policy names "ETAM LINGERIE, Société
#: anonyme" in one place and "Etam Lingerie SA" in another — one company.
_WRITTEN_SHORT = [(re.compile(p, re.I), short) for p, short in (
    (r"actions\s+simplifiée", "SAS"), (r"responsabilit[àa]\s+limitée", "SARL"),
    (r"société\s+anonyme|sociedad\s+an[oó]nima|sociedade\s+an[oô]nima", "SA"),
    (r"beschränkter\s+Haftung", "GmbH"), (r"responsabilità\s+limitata", "Srl"),
    (r"per\s+azioni", "SpA"), (r"sociedad\s+limitada", "SL"), (r"por\s+quotas", "Lda"),
    (r"besloten", "BV"), (r"naamloze", "NV"), (r"limited\s+liability\s+company", "LLC"),
    (r"public\s+limited\s+company", "plc"))]


def written_short(written: str) -> str | None:
    """The abbreviation of the written-out form at the end of a name as written, or None."""
    return next((short for pattern, short in _WRITTEN_SHORT if pattern.search(written)), None)

