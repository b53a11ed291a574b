"""What a name stands for in a clause: the short names a policy gives an entity, whether it is
the one the policy calls "we", and whether it is a representative's rather than a controller.

After the name, in brackets: "Huawei Device Co., Ltd. ("Huawei", "we", "us")", "株式会社…(以下
「当社」)", "…有限公司，以下亦称“我们”". Before the name, as a definition the policy opens with:
"All references to “Acme”, “we” or “us” refer to Acme LLC", "« Acme », « nous » désignent Acme
SAS", "„Wir“ bezeichnet die Acme GmbH", "When we talk about Acme, we mean Acme Sweden AB"; or as
an apposition to the pronoun: "Noi, cioè Comune di …", "We, i.e. Acme Ltd", "Wir, die Acme
GmbH". After the name, in words: "Acme Company is referred to in this Policy as “Acme”, “we”".
A name without a legal form defined as "we" ("Quillify (“we”, “us”) …") is found by
:func:`bare_we`.

Never a controller: a name nearer a representative's or DPO's word than a controller's word
("our EU representative X Ltd"); a DPO's label that starts a later line of an address block heads
the lines after it, not the name above; a company named after "c/o" is whose address it is.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.lexicon import CJK_WE, PRONOUNS, REPRESENTATIVE, ROLE
from xborder.graph.ingest.names import Mention

__all__ = ["CONTROL_WORD", "QUOTED", "acronym_name", "bare_we", "defined_before", "definitions",
           "representative"]

_REPRESENTATIVE = re.compile(REPRESENTATIVE, re.I)
CONTROL_WORD = re.compile(r"\bcontroll(?:er|ed)|\bresponsible\b|" + ROLE, re.I)
QUOTED = re.compile(r"[\"“‘'„«]([^\"”’'“»]{1,40})[\"”’'“»]")
#: "X is the trading name of Y", "X is een handelsnaam van Y", "X est le nom commercial de Y"
_TRADING = re.compile(r"(?<![\w-])([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,2})\s+(?:is|ist|est|es|è|"
                      r"é)\s+(?:a|the|een|de|ein|der|le|un|el|il|o)\s+(?:trading|brand|business|"
                      r"handels|Handels|Marken)?\s*(?:name|naam|namen|nom\s+commercial|marque|nombre"
                      r"\s+comercial|marchio|nome\s+comercial)\s+(?:of|van|der|de|du|di|da)\s+$")
_HEREINAFTER = re.compile(r"(?:hereinafter|hereafter|ci-après|im\s+Folgenden|nachfolgend|di\s+"
                          r"seguito|en\s+adelante|hierna|doravante)\s*(?::|referred\s+to\s+as|"
                          r"dénommée?|genannt)?\s*([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,2})$")
#: a short name defined between commas, without brackets or quotes
_COMMA_HEREINAFTER = re.compile(r",\s*(?:hereinafter|hereafter|ci-après|im\s+Folgenden|nachfolgend|"
                                r"di\s+seguito|en\s+adelante|hierna|doravante)\s*(?:referred\s+to\s+"
                                r"as\s+|dénommée?\s+|genannt\s+)?(?:el\s+|la\s+|il\s+|the\s+|"
                                r"o\s+|a\s+)?([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,2})\s*,")
_PRONOUN = r"(?:we|us|our|ours|nous|notre|nos|wir|uns|unser|noi|nostro|nosotros|nuestro|wij|" \
    r"ons|onze|nós|nosso|vi|oss|vår|meidän|my|nas|nasz)"
#: the verb of a definition, then up to a few words before the name ("désignent Malt Groupe
#: qui comprend X SA"); the quoted short names and a quoted pronoun come before the verb
_REFERS = re.compile(r"[\"“‘'„«]\s*\**\s*" + _PRONOUN + r"\s*\**\s*[\"”’'“»][^.;:]{0,80}?\b"
                     r"(?:refers?\s+to|refer\s+to|means?|désigne(?:nt)?|(?:fait|font)\s+"
                     r"référence\s+(?:à|au)|bezeichne[nt]?|meint|meinen|se\s+refieren?\s+a|"
                     r"hacen\s+referencia\s+a|designan?|si\s+riferiscono\s+a|indica(?:no)?|"
                     r"verwijzen\s+naar|verwijst\s+naar|referem-se\s+(?:a|à)|significa[mn]?|avser|betyder|"
                     r"refererer\s+til|viser\s+til|henviser\s+til|tarkoittaa|viittaa\w*|oznacza(?:ją)?|"
                     # "… ‘wij’ …, wordt daarmee X bedoeld", "… „wir“ …, ist damit X gemeint"
                     r"(?:wordt|worden|ist|sind|wird|werden)\s+(?:daarmee|hiermee|damit|hiermit))"
                     r"(?:\s+(?:the|la|le|l['’]|die|der|el|il|de|het|a|o)\b)?"
                     r"(?:\s+[^.;:,()\"“”«»]{0,40}?)?\s*$", re.I)
#: "When we talk about Kivra, we mean Kivra Sweden AB", "By “Acme” we mean Acme Ltd"
_WE_MEAN = re.compile(r"(?i:\b(?:when|where|if)\s+we\s+(?:say|talk\s+about|speak\s+of|refer\s+"
                      r"to|write|use\s+(?:the\s+(?:word|name|term)\s+)?)|\bby)\s+[\"“‘'„«]?"
                      r"([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,2})[\"”’'“»]?\s*,?\s+(?i:we\s+mean)\s+"
                      r"(?:the\s+)?$")
#: after the name: "X is referred to in this Privacy Policy as “The Times”, “we” or “our”"
_CALLED = re.compile(r"\s+(?:is|are)\s+(?:(?:also|hereinafter|hereafter|collectively)\s+)?"
                     r"(?:referred\s+to|called|designated|known)\s+(?:[^.\"“”]{0,40}?\s)?as\s+"
                     r"((?:[\"“‘'][^\"”’'“]{1,40}[\"”’'][,\s]*(?:(?:or|and)\s+)?)+)")
_APPOSED = re.compile(r"(?:^|[.!?]\s+|\n)(?:We|Nous|Wir|Noi|Nosotros|Wij|Nós)\s*,\s*"
                      r"(?:(?:i\.\s?e\.|"
                      r"that\s+is|namely|c['’]est-à-dire|à\s+savoir|d\.\s?h\.|das\s+heißt|die|"
                      r"cioè|ovvero|ossia|es\s+decir|o\s+sea|oftewel|dat\s+wil\s+zeggen|ou\s+seja|"
                      r"isto\s+é)\s*,?\s*)?(?:the\s+|la\s+|le\s+|il\s+|el\s+|de\s+|o\s+|a\s+)?$")
#: ("Wir, Melkam Edil e.V., …": the pronoun, a comma and the name is a definition too)


def definitions(text: str, mention: Mention) -> tuple[list[str], bool]:
    """Short names the policy defines for an entity (``("Huawei", "we", "us")``) and whether
    it is the one the policy calls "we"."""
    after = text[mention.end:mention.end + 160]
    if CJK_WE.match(after.lstrip()[:30]) or CJK_WE.match(after[1:30]):
        return [], True  # 株式会社…(以下「当社」…), … 유한회사(이하 “회사”)
    if (called := _CALLED.match(after)) is not None:  # "X is referred to … as “we”"
        quoted = [q.strip(" ,") for q in QUOTED.findall(called[1])]
        if any(q.casefold().strip(".") in PRONOUNS for q in quoted):
            return [q for q in quoted if q.casefold().strip(".") not in PRONOUNS and
                    q[:1].isupper()], True
    if (comma := _COMMA_HEREINAFTER.match(after)) is not None:
        return [comma[1]], False  # "X, S.A. de C.V., en adelante SANYMX, con domicilio …"
    parens = list(re.finditer(r"\(([^()]{1,120})\)", after))
    paren = next((p for p in parens if QUOTED.search(p[1])), parens[0] if parens else None)
    # "X Pty Ltd (ACN 000 000 000)) (“Kick”, “we”)": past a registration number, a closing ")"
    if paren is None or re.search(r"\b(?:[A-Z][\w&]*\s+)+(?:Ltd|Inc|GmbH|LLC|Limited)\b",
                                  after[:paren.start()]):
        return defined_before(text, mention)
    quoted = [q.strip(" *_,\\-\u00a0") for q in QUOTED.findall(paren[1])]
    names = [q for q in quoted if q.casefold() not in PRONOUNS and q[:1].isupper()]
    if not quoted and (bare := _HEREINAFTER.match(paren[1].strip())):
        names = [bare[1]]  # "(hereinafter: ROMEO)", "(im Folgenden Acme)" without quotes
    words = {w.casefold() for w in re.findall(r"\w+", paren[1])} if quoted else set()
    if not (any(q.casefold() in PRONOUNS for q in quoted) or words & PRONOUNS):
        before, we = defined_before(text, mention)
        return names + [n for n in before if n not in names], we
    return names, True


def defined_before(text: str, mention: Mention) -> tuple[list[str], bool]:
    """A definition before the name: "References to “Acme”, “we” … refer to Acme LLC" (the
    quoted names and "we"), "Noi, cioè Comune di …" ("we")."""
    before = text[max(0, mention.start - 240):mention.start]
    if _APPOSED.search(before):
        return [], True
    if (meant := _WE_MEAN.search(before)) is not None:
        return [meant[1]], True  # "When we talk about Kivra, we mean Kivra Sweden AB"
    if (trade := _TRADING.search(before)) is not None:
        return [trade[1]], False  # "Energia is the trading name of Energia … Limited"
    m = _REFERS.search(before)
    if m is None:
        return [], False
    lead = re.split(r"(?<=[.!?])\s+", before[:m.start()])[-1]  # the sentence's own quotes
    quoted = [q.strip(" *_,\\-\u00a0") for q in QUOTED.findall(lead + m[0])]
    return [q for q in quoted if q.casefold() not in PRONOUNS and q[:1].isupper()
            and len(q.split()) <= 3], True


#: between a representative's word and the controller's whose representative it is
_OF_THE = re.compile(r"\s*(?:of\s+the|of|for\s+the|des|der|du|de\s+la|de\s+l['’]|del|della|"
                     r"dello|dell['’]|van\s+de|van\s+het|da|do|dos|von|von\s+der|de|di|van)\s+",
                     re.I)


#: between a controller's word and the name it gives: "… ist die:", "is", ":"
_COPULA = re.compile(r"[^.;\n]{0,160}?\b(?:ist|is|are|sind|est|sont|es|son|è|sono|é|são|zijn|jest)"
                     r"\b[^.;\n]{0,15}?\s*|\s*:\s*")


def _heads_lines(text: str, at: int) -> bool:
    """Does the word at ``at`` start its line, or sit in a short label line ("Kontaktdaten
    unseres Datenschutzbeauftragten", "Contact our DPO:") that heads the lines after it?"""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return not text[line_start:at].strip() or (len(line.split()) <= 5 and
                                                not re.search(r"[.!?]$", line))


def representative(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` nearer a representative/DPO word than a controller
    word (in its clause)? A DPO's label starting a later line heads the lines after it, not
    the name above it ("Comune di …" / address / "Responsabile della Protezione dei Dati")."""
    if re.search(r"\b(?:c\s?[/\\]\s?o|care\s+of)\.?\s*$", text[max(0, start - 12):start], re.I):
        return True  # "c/o X Rechtsanwaltsgesellschaft mbH": whose address it is, no controller
    reps = list(_REPRESENTATIVE.finditer(text))
    cut = next((m.start() for m in reps if m.start() > end and "\n" in text[end:m.start()] and
                _heads_lines(text, m.start())), len(text))
    reps = [m for m in reps if m.start() < cut and not  # "the DPO of X GmbH": X's, not one
            _OF_THE.fullmatch(text[m.end():start])]
    if not reps:
        return False
    controls = [c for c in CONTROL_WORD.finditer(text)  # not "the DPO of the controller is X"
                if not any(_OF_THE.fullmatch(text[r.end():c.start()]) for r in reps)]

    said = [c for c in controls if c.end() <= start and _COPULA.fullmatch(text[c.end():start])]
    if said and not any(said[-1].end() <= r.start() < start for r in reps):
        return False  # "Verantwortliche Stelle … ist die: X GmbH, … Unser Datenschutzbeauftragter"

    def distance(m: re.Match[str]) -> int:
        return max(m.start() - end, start - m.end(), 0)

    nearest_rep = min(distance(m) for m in reps)
    nearest_control = min((distance(m) for m in controls), default=10**6)
    return nearest_rep <= nearest_control


#: a name without a legal form defined as "we": "Quillify (“Quillify”, “we”, “us”) respects …"
_BARE_WE = re.compile(r"(?<![\w.-])((?-i:(?:[A-Z][\w&.'’-]*\+?\s+){0,3}[A-Z][\w&.'’-]*\+?))"
                      r"\s*\(\s*(?:"
                      r"(?:hereinafter|hereafter|ci-après|im\s+Folgenden|nachfolgend|di\s+seguito|"
                      r"en\s+adelante|hierna)[^()\"“„«]{0,20})?(?:[\"“„«][^\"”“»]{1,30}[\"”“»][,\s]*"
                      r"(?:(?:or|and|oder|und|ou|et|o|e|y|of|en)\s+)?)*[\"“„«]\s*" + _PRONOUN +
                      r"\s*[\"”“»]", re.I)


#: the pronoun then the name: "We are Bluebird Analytics, a …", "Wir, die Bäckerei Müller, …",
#: "Who we are: Bluebird Analytics, 4 Queen St", "Nous sommes Atelier Lune, …"
_WE_ARE_NAME = re.compile(
    r"(?:^|[.!?:]\s+|\n)\W{0,4}(?i:we\s+are|we['’]re|wir\s+sind|nous\s+sommes|somos|siamo|wij\s+zijn|"
    r"who\s+we\s+are\s*:|wer\s+wir\s+sind\s*:|qui\s+sommes[- ]nous\s*\??\s*:|(?:wir|wij|nous|noi|"
    r"nosotros|nós),\s+(?:die|der|das|de|het|la|le|l['’]|il|el|os|as|o|a))\s+"
    r"((?:[A-ZÀ-Þ][\w&.'’-]*\+?\s+){0,3}[A-ZÀ-Þ][\w&'’-]*\+?)(?=\s*[,(]|\s*\.(?:\s|$))")
#: "In this policy, “we” means Greenleaf Bakery.", "“Vodafone/we/us/our” means Vodafone Ireland;"
_WE_MEANS_NAME = re.compile(
    r"[\"“„«‘']\s*(?:\w+/)?" + _PRONOUN + r"(?:/\w+)*\s*[\"”“»’'][^.;:]{0,40}?\b(?i:means?|"
    r"refers?\s+to|bezeichne[nt]?|meint|désigne(?:nt)?|significa[mn]?|indica(?:no)?|betekent)\s+(?i:the\s+|"
    r"die\s+|der\s+|la\s+|le\s+|il\s+|el\s+|de\s+|o\s+|a\s+)?((?-i:(?:[A-ZÀ-Þ][\w&.'’-]*\+?\s+){0,3}"
    r"[A-ZÀ-Þ][\w&'’-]*\+?))(?=\s*[,(;]|\s*\.(?:\s|$)|\s*$)", re.I)
#: a Korean, Japanese or Chinese name without a form opening a sentence, before its definition
_CJK_BARE = re.compile(r"(?:^|[.。!?！？]\s*)([가-힣]{2,20}|[\u30a0-\u30ff\u4e00-\u9fff]{2,20}|"
                       r"[A-Z][\w&.-]{1,30})\s?(?=[(（])")
_NOT_WE_NAMES = frozenset({"committed", "here", "happy", "proud", "glad", "responsible",
                           "dedicated", "sorry", "the", "a", "an", "your", "not", "always"})


def bare_we(text: str) -> tuple[str, int] | None:
    """A name written without a legal form that the policy defines as "we", and where it
    starts: the issuer when no company with a form is named ("Quillify (“we”) …", "We are
    Quillify, a …")."""
    m = _BARE_WE.search(text) or _WE_ARE_NAME.search(text) or _WE_MEANS_NAME.search(text)
    if m is None and (cjk := _CJK_BARE.search(text)) is not None and \
            CJK_WE.match(text, cjk.end(1)):
        return cjk[1], cjk.start(1)  # "마이샵(이하 '회사')은 …": a name without a form, as "we"
    if m is None or not m[1][:1].isupper() or m[1].casefold() in PRONOUNS or \
            m[1].split()[0].casefold() in _NOT_WE_NAMES:
        return None
    words = m[1].split()
    while words and words[0].casefold() in ("the", "this", "our", "la", "le", "die", "der"):
        words.pop(0)
    name = " ".join(words)
    return (name, m.start(1) + m[1].index(name)) if name else None


#: a bare name then its initials in brackets: "Services Industrial Professional and Technical
#: Union (SIPTU)", "the Royal College of Surgeons of Edinburgh (“RCSEd”)", "Hospices Civils de
#: Lyon (HCL)"
_ACRONYM = re.compile(r"(?<![\w.’'-])((?:[A-ZÀ-Þ][\w’'-]*)(?:,?[ \t]+(?:(?:of|de|du|des|der|für|"
                      r"and|und|et|e|y|van|voor|di|da|do|del|della|the|la|le|for)[ \t]+)*"
                      r"[A-ZÀ-Þ][\w’'-]*){1,7})[ \t]*\([ \t]*[“\"‘']?([A-ZÀ-Þ][A-Za-z]{1,7})"
                      r"[”\"’']?[ \t]*\)")


def acronym_name(text: str) -> tuple[str, int, str] | None:
    """A bare name defined with its initials in brackets, where the initials are those of its
    capitalised words ("Koninklijke Bibliotheek (‘KB’)"): the name, where it starts, and the
    initials; or None."""
    for m in _ACRONYM.finditer(text):
        capitals = "".join(c for c in m[2] if c.isupper())
        words = list(re.finditer(r"[A-ZÀ-Þ][\w’'-]*", m[1]))
        for k in range(len(words) - 1):
            initials = "".join(p[0] for w in words[k:] for p in w[0].split("-") if p[:1].isupper())
            if initials == capitals:
                start = m.start(1) + words[k].start()
                return text[start:m.end(1)], start, m[2]
    return None
