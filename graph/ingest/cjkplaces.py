"""Where a Japanese, Chinese or Korean policy's users live, and the company they deal with.

CJK text has no spaces, so the Latin place finder cannot read it. Here a clause whose condition
is where the user lives — "お客様が北米にお住まいの場合、…とAdobe Inc.との契約となります",
"北米以外にお住まいの場合" (outside), "如果您居住在中国大陆以外", "유럽경제지역에 거주하는 경우" —
names the company in its sentence for the places of the condition, at 0.7, as the Latin
residence clauses do. Place names are CLDR's territory names in Japanese, Simplified and
Traditional Chinese and Korean (``babel``); the EEA, the EU and North America by the names the
policies use (North America as the United States, Canada and Mexico, noted, as elsewhere).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from xborder.graph.ingest.entities import EntityBook
from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.places import Place, Scope
from xborder.graph.ingest.rows import rule_for
from xborder.graph.ingest.text import Document, Unit

__all__ = ["cjk_name", "cjk_residence_rules"]

_LOCALES = ("ja", "zh", "zh_Hant", "ko")
#: the groups a CJK policy names that CLDR has no territory code for
_GROUPS = {"欧州経済領域": ("EEA",), "欧洲经济区": ("EEA",), "歐洲經濟區": ("EEA",),
           "유럽경제지역": ("EEA",), "유럽 경제 지역": ("EEA",), "EEA": ("EEA",),
           # the short names policies write for Hong Kong and Macao (CLDR: 中国香港特别行政区 …)
           "香港": ("HK",), "澳门": ("MO",), "澳門": ("MO",), "홍콩": ("HK",),
           "欧州連合": ("EU",), "欧盟": ("EU",), "歐盟": ("EU",), "유럽연합": ("EU",),
           "EU": ("EU",),
           "北米": ("US", "CA", "MX"), "北美": ("US", "CA", "MX"), "북미": ("US", "CA", "MX"),
           "米国": ("US",), "中国大陆": ("CN",), "中國大陸": ("CN",), "中国本土": ("CN",),
           # Europe as the EEA, noted, as the Latin place finder reads "Europe"
           "ヨーロッパ": ("EEA",), "欧州": ("EEA",), "欧洲": ("EEA",), "歐洲": ("EEA",),
           "유럽": ("EEA",),
           # the everyday name beside CLDR's "대한민국"
           "한국": ("KR",)}
_NORTH_AMERICA = ("US", "CA", "MX")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: the condition, with the place phrase in group "place" and "outside" when it excepts
_CONDITION = re.compile(
    r"(?P<place>[^、。,，；;「」()（）]{1,30}?)(?P<outside>以外|以外の地域|外)?(?:(?:に|で)(?:お住まい|居住|在住)|"
    r"在住|居住)"
    r"(?:の|している|する|されている)?(?:場合|方|お客様)"
    r"|(?:如果|若|倘若|当)?您?(?:居住|位于|位於|住在|常住)(?:在|于|於)?(?P<place_zh>[^，,。；;]{1,30}?)"
    r"(?P<outside_zh>以外)?(?:的|，|,|地区|地區)"
    r"|(?P<place_ko>[^,.。]{1,30}?)(?P<outside_ko>\s?(?:이외|외)(?:의)?(?:\s?지역)?)?(?:에|에서)\s?(?:거주|위치)"
    r"(?:하는|하시는|하고\s?있는)?\s?(?:경우|이용자|사용자)"
    # the users of a place: "欧洲经济区用户的…", "其他地区用户为…", "EEA域内のユーザー"
    r"|(?P<place_u>[^、。,，；;「」()（）的之]{2,25}?)[)）]?(?:的|の|之|의)?\s?(?:用户|用戶|使用者|ユーザー|"
    r"利用者|이용자|사용자)")


@functools.cache
def _names() -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = dict(_GROUPS)
    try:
        from babel import Locale
    except ImportError:
        return names
    for locale in _LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ"):
                names.setdefault(name, (code,))
    return names


def cjk_name(phrase: str) -> tuple[str, ...]:
    """The codes of the place names in a CJK phrase, longest first and never one inside
    another ("北米以外" → US, CA, MX; "美国、加拿大或日本" → US, CA, JP; "中国大陆" → CN), or ()."""
    found = sorted(((n, codes) for n, codes in _names().items() if n in phrase),
                   key=lambda x: -len(x[0]))
    taken: list[tuple[int, int, tuple[str, ...]]] = []
    for name, codes in found:
        for m in re.finditer(re.escape(name), phrase):
            if all(m.end() <= a or b <= m.start() for a, b, _c in taken):
                taken.append((m.start(), m.end(), codes))
    return tuple(dict.fromkeys(c for _a, _b, codes in sorted(taken) for c in codes))


def cjk_residence_rules(doc: Document, book: EntityBook,
                        rules: list[RuleProposal]) -> list[RuleProposal]:
    """Rules for CJK residence conditions, in units no other rule was read from; a rule for
    every user read from the same sentence ("日本にお住まいの場合、…事業者はX株式会社です")
    takes the condition's places instead."""
    read: dict[int, list[RuleProposal]] = {}
    for rule in rules:
        read.setdefault(rule.evidence.start, []).append(rule)
    out: list[RuleProposal] = []
    for unit in doc.units:
        if not _CJK.search(unit.text):
            continue
        for found in _conditions(unit, book):
            if unit.start not in read:
                out.append(found)
                continue
            if all(rule.controller is not found.controller for rule in read[unit.start]):
                out.append(found)  # another company of the sentence, for the condition's users
                continue
            for rule in read[unit.start]:  # the same company, read for every user
                if rule.controller is found.controller and rule.locations == ["*"] and \
                        not rule.excepts:
                    rule.locations, rule.excepts = found.locations, found.excepts
                    rule.locations_text = found.locations_text
                    rule.notes = [n for n in rule.notes if "names no place" not in n] + \
                        found.notes
    return out


def _conditions(unit: Unit, book: EntityBook) -> Iterator[RuleProposal]:
    """A rule for each residence condition of each sentence of ``unit`` that names a company
    after it ("米国在住の場合はX、…日本在住の場合はY")."""
    for sentence in re.finditer(r"[^。]+。?", unit.text):  # 。 ends a CJK sentence
        conditions = list(_CONDITION.finditer(unit.text, sentence.start(), sentence.end()))
        for k, m in enumerate(conditions):
            end = conditions[k + 1].start() if k + 1 < len(conditions) else sentence.end()
            if (rule := _rule(unit, book, m, end, sentence[0])) is not None:
                yield rule


def _rule(unit: Unit, book: EntityBook, m: re.Match[str], end: int, sentence: str
          ) -> RuleProposal | None:
    """The rule of one condition: the first company named after it, before ``end``."""
    group = next((g for g in ("place", "place_zh", "place_ko", "place_u") if m[g]), "place")
    phrase, at = m[group] or "", m.start(group)
    codes = cjk_name(phrase)
    listed = _listed_before(unit.text, at, m.start()) if codes else ()
    mentions = [x for x in book.mentions(unit) if m.start() <= x[0].start < end]
    if not mentions or not (codes or _OTHER.search(phrase)):
        return None
    codes = tuple(dict.fromkeys(listed + codes))
    places = [Place(c, phrase, m.start(), m.end()) for c in codes]
    outside = bool(m["outside"] or m["outside_zh"] or m["outside_ko"] or (
        group == "place_u" and _OUTSIDE_U.search(phrase)))
    scope = Scope(excepts=places, everyone=True) if outside else \
        Scope(places=places) if codes else Scope(everyone=True)  # "その他の国に居住"
    notes = ["where the user lives, in the condition of a CJK clause"]
    if codes == _NORTH_AMERICA:
        notes.append("North America read as the United States, Canada and Mexico")
    if codes == ("EEA",) and not re.search(r"経済|经济|經濟|경제", phrase):
        notes.append("Europe read as the European Economic Area — check")
    return rule_for(unit, mentions[0][1], scope, phrase if not codes else sentence, [], 0.7,
                    notes, None, None)


#: "outside" in the phrase of a "users of a place" condition: 日本国外のユーザー, 中国大陆以外
_OUTSIDE_U = re.compile(r"以外|之外|除外|を除く|国外|境外|제외한|이외|외의")
#: "the other countries": everyone the other rules leave (see :mod:`.others`)
_OTHER = re.compile(r"^(?:.*?[がは])?(?:その他|上記以外|其他|其它|기타)")
#: one name of a list before the condition's place: "アメリカ合衆国、カナダ、日本に居住"
_LISTED = re.compile(r"([^\s、。,，；;「」()（）]{1,24})"
                     r"(?:、|，|,|または|および|及び|や|或|和|및|또는)$")


def _listed_before(text: str, at: int, floor: int) -> tuple[str, ...]:
    """The codes of the place names listed just before ``text[at]`` (each piece a whole
    name, after the subject: "貴殿がアメリカ合衆国"), back to ``floor`` at most 60 characters."""
    codes: list[str] = []
    start = max(0, floor - 60)
    while (m := _LISTED.search(text, start, at)) is not None:
        piece = re.sub(r"^.*(?:が|は|您|귀하가|이용자가)", "", m[1]) if m[1] not in _names() \
            else m[1]
        if piece not in _names():
            break
        codes[:0] = _names()[piece]
        at = m.start()
    return tuple(codes)
