"""Legal forms: the company forms ``ingest`` recognises, the countries each is used in, and the
Japanese, Korean and Chinese forms, which are found by their punctuation rather than capitals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from xborder.graph.ingest.lexicon import CJK_FORMS

if TYPE_CHECKING:
    from xborder.graph.ingest.entities import Mention

__all__ = ["LEGAL_FORMS", "cjk_mentions"]

_EU_SE = ("DE", "FR", "LU", "NL", "AT", "IE")
#: (pattern, canonical form, candidate countries, continental: no comma before the form)
LEGAL_FORMS: list[tuple[str, str, tuple[str, ...], bool]] = [
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
    (r"PLC|plc|p\.l\.c\.", "plc", ("GB", "IE"), False),
    (r"LLP", "LLP", ("GB", "US"), False),
    (r"GmbH\s*&\s*Co\.?\s*KG|gGmbH|GmbH|mbH", "GmbH", ("DE", "AT", "CH"), True),
    (r"AG", "AG", ("DE", "CH", "AT"), True),
    (r"KG", "KG", ("DE", "AT"), True),
    (r"UG(?:\s*\(haftungsbeschränkt\))?", "UG", ("DE",), True),
    (r"S\.A\.\s*de\s*C\.V\.", "S.A. de C.V.", ("MX",), True),
    (r"S\.A\.S\.?U?|SASU?", "SAS", ("FR",), True),
    (r"société\s+par\s+actions\s+simplifiée(?:\s+unipersonnelle)?", "SAS (written out)", ("FR",),
     True),
    (r"société\s+à\s+responsabilité\s+limitée", "SARL (written out)", ("FR",), True),
    (r"S\.à\s?r\.l\.", "S.à r.l.", ("LU",), True),
    (r"S\.A\.R\.L\.|SARL", "SARL", ("FR", "LU"), True),
    (r"S\.L\.U?\.?|SLU?", "S.L.", ("ES",), True),
    (r"S\.p\.A\.|SpA|Spa", "S.p.A.", ("IT",), True),
    (r"S\.r\.l\.|Srl|SRL|srl", "S.r.l.", ("IT", "RO"), True),
    (r"S\.A\.?|SA", "S.A.", ("FR", "ES", "LU", "BE", "CH", "PL", "PT", "AR", "BR"), True),
    (r"Ltda\.?", "Ltda.", ("BR",), True),
    (r"Lda\.?", "Lda.", ("PT",), True),
    (r"CRL", "CRL", ("PT",), True),
    (r"OÜ", "OÜ", ("EE",), True),
    (r"UAB", "UAB", ("LT",), True),
    (r"B\.V\.|BV", "B.V.", ("NL",), True),
    (r"N\.V\.|NV", "N.V.", ("NL", "BE"), True),
    (r"Aktiebolag|AB", "AB", ("SE",), True),
    (r"ApS", "ApS", ("DK",), True),
    (r"A/S", "A/S", ("DK", "NO"), True),
    (r"ASA|AS", "AS", ("NO",), True),
    (r"Oyj|Oy", "Oy", ("FI",), True),
    (r"Sp\.\s*z\s*o\.\s*o\.", "Sp. z o.o.", ("PL",), True),
    (r"s\.r\.o\.", "s.r.o.", ("CZ", "SK"), True),
    (r"Kft\.?", "Kft.", ("HU",), True),
    (r"A\.Ş\.", "A.Ş.", ("TR",), True),
    (r"K\.K\.|Kabushiki\s+Kaisha|G\.K\.|Godo\s+Kaisha", "K.K.", ("JP",), True),
    (r"Inc\.?|Incorporated", "Inc.", ("US",), False),
    (r"Corp\.?|Corporation", "Corporation", ("US",), False),
    (r"L\.L\.C\.|LLC", "LLC", ("US",), False),
    (r"ULC", "ULC", ("CA",), False),
    (r"SE", "SE", _EU_SE, True),
]


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
            found.append(_mention(name, start, end, form, countries))
    return sorted(found, key=lambda x: x.start)


def _mention(name: str, start: int, end: int, form: str, countries: tuple[str, ...]) -> Mention:
    from xborder.graph.ingest.entities import Mention

    return Mention(name, name, start, end, form, countries, name)
