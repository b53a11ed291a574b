"""Location phrases of a policy → jurisdiction codes, group ids and "everyone else".

Names are looked up in the knowledge base's :class:`~xborder.graph.locations.LocationIndex`
(pycountry names, German/French/Spanish names, the knowledge base's aliases); only aliases and
names count here, never two-letter codes, so "IT", "IN" or "US" (the pronoun) are not read as
places. A few phrases policies use are read here: the EEA and the EU (long and short), U.S./U.K.,
"Europe" (as the EEA, with low confidence), EFTA (as its four states), "everyone else" and its
variants (``*``), and exceptions ("except", "excluding", "other than", "outside").
Ambiguous names ("Korea", "Congo") are read as the first candidate the knowledge base lists, with
low confidence and the other candidates kept, never silently. The places of a clause that are
not where users are (an address, a seat, a law's) are found in :mod:`.distractors`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

from xborder.graph.errors import AmbiguousLocation, XborderInputError
from xborder.graph.ingest.lexicon import CJK_CHARS, EEA_NAMES, EU_NAMES
from xborder.graph.ingest.localnames import local_name
from xborder.graph.locations import LocationIndex

__all__ = ["EVERYONE", "GROUPS", "Place", "PlaceFinder", "Scope", "is_country"]

EVERYONE = "*"
GROUPS = frozenset({"EU", "EEA"})


def is_country(code: str) -> bool:
    """An ISO 3166-1 code (not a group id, not "everyone")."""
    return len(code) == 2 and code.isalpha() and code not in GROUPS
_ACCEPTED = ("alias", "English name", "German name", "French name", "Spanish name")
_CJK_RUN = re.compile(r"[" + CJK_CHARS + r"]+")
#: a CJK word right after a Latin place that is no particle: the place starts a compound
_CJK_COMPOUND = re.compile(r"(?!の|に|で|へ|と|や|を|は|が|も|から|より|または|"
                           r"および|及び|及|和|与|或|的|地区|地域|居民|用户|"
                           r"에서|및|의|에|와|과|가|는|은|이|를|을)"
                           r"[" + CJK_CHARS + r"]")
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:[.-][^\W\d_][\w'’]*)*\.?")
_SPECIAL: list[tuple[re.Pattern[str], tuple[str, ...], str | None, float]] = [
    (re.compile(r"\b(?:the\s+)?European\s+Economic\s+Area(?:\s*\(\s*[“\"]?EEA[”\"]?\s*\))?"),
     ("EEA",), None, 1.0),
    (re.compile(r"\bEU\s*/\s*EEA\b|\bEEA\s*/\s*EU\b"), ("EEA",), None, 1.0),
    (re.compile(EEA_NAMES, re.I), ("EEA",), None, 1.0),
    (re.compile(EU_NAMES), ("EU",), None, 1.0),
    (re.compile(r"\bEuropean\s+Region\b"), ("EEA",),
     "'European Region' (the policy's own group) read as the European Economic Area — check",
     0.5),
    (re.compile(r"\bEEA\b"), ("EEA",), None, 1.0),
    (re.compile(r"\b(?:the\s+)?European\s+Union(?:\s*\(\s*[“\"]?EU[”\"]?\s*\))?"), ("EU",), None,
     1.0),
    (re.compile(r"\bEU\b(?!-|\s+(?:GDPR|General\s+Data|Regulation|law|data\s+protection\s+law)|"
                r"\s*\)\s*(?:No\.?\s*)?\d{2,4}/\d)"),  # not "Regulation (EU) 2016/679"
     ("EU",), None, 1.0),
    (re.compile(r"(?<![\w.])U\.S\.(?:A\.)?|\bUS(?=\s+(?:users?|residents?|customers?|citizens?|"
                r"consumers?|individuals?|persons?)\b)|(?<=\bthe\s)US\b"),
     ("US",), None, 1.0),
    (re.compile(r"(?<![\w.])U\.K\.|\bUK\b(?!-|\s+GDPR)"), ("GB",), None, 1.0),
    (re.compile(r"\bEFTA(?:\s+(?:states|countries|member\s+states))?\b"),
     ("IS", "LI", "NO", "CH"), "EFTA read as its four member states (IS, LI, NO, CH)", 0.6),
    (re.compile(r"\ball\s+(?:the\s+)?countries\s+(?:located\s+)?in\s+Europe\b"),
     ("EEA", "CH", "GB"),
     "'all countries in Europe' read as the EEA, Switzerland and the UK — check the others",
     0.6),
    (re.compile(r"\b(?:continental\s+)?Europe\b(?!an)"), ("EEA",),
     "'Europe' read as the European Economic Area", 0.6),
]
_EVERYONE = re.compile(
    r"\b(?:everyone\s+else|every(?:body|one)\s+other|all\s+other(?:\s+\w+){0,2}|the\s+rest\s+of"
    r"\s+the\s+world|rest\s+of\s+(?:the\s+)?world|(?:any|every)where\s+else|elsewhere|any\s+other\s+"
    r"(?:country|countries|region|jurisdiction|location)|other\s+(?:countries|regions|"
    r"jurisdictions|locations|markets)|otherwise|worldwide|globally|around\s+the\s+world|"
    r"all\s+(?:users|individuals|customers|countries)|all\s+(?:categories\s+of\s+)?data\s+"
    r"subjects|wherever\s+you\s+(?:are|live)|"
    r"tou(?:s|tes)\s+les\s+autres(?:\s+pays)?|(?:le\s+)?reste\s+du\s+monde|"
    r"alle[nm]?\s+(?:anderen|andere)(?:\s+(?:Länder|Ländern|landen))?|rest\s+van\s+de\s+wereld|"
    r"tod[oa]s\s+(?:los|las|os|as)\s+(?:demás|outr[oa]s)|resto\s+del?\s+mundo|"
    r"tutti\s+gli\s+altri(?:\s+paesi)?|resto\s+del\s+mondo|weltweit|dans\s+le\s+monde(?:\s+"
    r"entier)?|regardless\s+of\s+(?:your\s+)?(?:location|where\s+you\s+(?:are|live))|"
    r"indépendamment\s+de\s+votre\s+(?:position|localisation|lieu)|unabhängig\s+(?:davon,\s+wo|"
    r"von\s+Ihrem\s+(?:Standort|Wohnort)))\b", re.I)
_EXCEPT = re.compile(r"\b(?:(?:any|every)where\s+(?:but|except)|"
                     r"except(?:\s+for)?(?:\s+(?:in|those\s+in|users\s+in))?|excluding|"
                     r"other\s+than|apart\s+from|with\s+the\s+exception\s+of|but\s+not|not\s+"
                     r"including|outside(?:\s+of)?|en\s+dehors\s+d[eu]|hors\s+d[eu]|sauf|"
                     r"à\s+l['’]exception\s+d[eu]|außerhalb|ausgenommen|mit\s+Ausnahme|buiten|"
                     r"behalve|fuera\s+del?|excepto|salvo|al\s+di\s+fuori(?:\s+d\w*)?|tranne|eccetto|"
                     r"fora\s+d[oae]s?|exceto|unless|tenzij|à\s+moins\s+que|is\s+not\s+in|"
                     r"(?:maar|aber|ma|pero|mas)\s+(?:niet|nicht|non|no|não)(?:\s+(?:in|en|em))?|"
                     r"mais\s+pas\s+(?:en|au|aux|dans)|utanför|utenfor|uden\s+for|poza|"
                     r"spoza)\b", re.I)
_OUTSIDE = re.compile(r"\boutside\b|\bunless\b|\bis\s+not\s+in\b|\btenzij\b|\bà\s+moins\s+que\b|"
                      r"\b(?:any|every)where\s+(?:but|except)\b|\bdehors\b|\bhors\b|außerhalb|\bbuiten\b|\bfuera\b|"
                      r"\bfuori\b|\bfora\b|\butanför\b|\butenfor\b|\buden\s+for\b|\bpoza\b|"
                      r"\bspoza\b", re.I)
_LIST_GAP = re.compile(r"^[\s,;/&]*(?:(?:certain|some|select|other)\s+[\w -]{0,30}?(?:regions?|"
                       r"countries|territories)[\s,]*)?(?:(?:and|or|nor|as\s+well\s+as|plus|et|ou|und|oder|sowie|y|o|e|"
                       r"en|of)\b)?[\s,]*(?:in\s+)?(?:(?:the|du|de\s+la|de\s+l['’]|de|des|la|le|"
                       r"les|l['’]|der|die|das|den|dem|el|los|las|il|lo|dello|della|dei|degli|het|"
                       r"del|dal|al|au|aux|vom|von|do|da|dos|o|a)\s*)?(?:member\s+states?\s+of\s+"
                       r"the\s+)?$", re.I)


#: a bracket right after a list of places, restating it: "(EWR)", "(“América do Norte”)"
_RESTATED = re.compile(r"^\s*\(\s*[“\"«„‘']?\s*$")
#: between an exception's word and a place, words that say it excepts something else: "For
#: individuals (excluding job applicants) resident in China" excepts no place
_NOT_PLACE_GAP = re.compile(r"\)|\b(?:applicants?|employees?|candidates?|staff|minors?|children|"
                            r"customers?\s+of|Bewerber\w*|candidat\w*|salariés?|mineurs?)\b", re.I)


@dataclass(frozen=True)
class Place:
    code: str
    text: str
    start: int
    end: int
    also: tuple[str, ...] = ()  # the other candidates of an ambiguous name
    reading: str | None = None  # how the text was read, when that is worth a reviewer's look
    confidence: float = 1.0


@dataclass
class Scope:
    """Where a clause applies: codes (``*`` for everyone), exceptions, and how they were read."""

    places: list[Place] = field(default_factory=list)
    excepts: list[Place] = field(default_factory=list)
    everyone: bool = False

    @property
    def codes(self) -> list[str]:
        codes = [p.code for p in self.places]
        if self.everyone and not codes:
            codes = [EVERYONE]
        return list(dict.fromkeys(codes))

    @property
    def except_codes(self) -> list[str]:
        return list(dict.fromkeys(p.code for p in self.excepts))

    @property
    def confidence(self) -> float:
        return min([p.confidence for p in self.places + self.excepts], default=1.0)

    def text(self, source: str) -> str:
        marks = self.places + self.excepts
        if not marks:
            return ""
        return source[min(p.start for p in marks):max(p.end for p in marks)]


class PlaceFinder:
    """Finds places in a text span by span; ``skip`` spans (entity names …) are not read."""

    def __init__(self, index: LocationIndex, aliases: Sequence[str] = ()) -> None:
        self.index = index
        #: groups the policy defines ("Designated Countries" means …): name → codes
        self.groups: dict[str, tuple[str, ...]] = {}
        self.aliases = {a.casefold() for a in aliases}  # "USA" is a code first, an alias too
        try:
            self._cache: dict[str, Place | None] = _CACHES.setdefault(index, {})
        except TypeError:  # an index that cannot be weakly referenced: a cache of its own
            self._cache = {}

    def names_a_town(self, text: str) -> bool:
        """Is ``text`` the name of a place the location index knows, a city included (one
        place or several: "Guimarães", "Porto")?"""
        try:
            self.index.parse(text.strip(" -–,"))
        except AmbiguousLocation:
            return True
        except XborderInputError:
            return False
        return True

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Place]:
        taken: list[tuple[int, int]] = list(skip)
        if _CJK_RUN.search(text):  # "EEAまたはUKのお客さま": Latin names between CJK words (CJK
            cjk = text  # places: cjkplaces.py), not a compound's first part ("EU域内代理人")
            text = _CJK_RUN.sub(lambda m: " " * len(m[0]), text)
            return [p for p in self._find(text, taken) if not _CJK_COMPOUND.match(cjk, p.end)]
        return self._find(text, taken)

    def _find(self, text: str, taken: list[tuple[int, int]]) -> list[Place]:
        found = self._groups(text, taken, defined=True)  # the policy's own first
        for pattern, codes, reading, confidence in _SPECIAL:
            for m in pattern.finditer(text):
                if text[max(0, m.start() - 4):m.start()].casefold() in ("non-", "non‑"):
                    stop = re.search(r"[,;)]", text[m.end():])  # "non-EEA countries in
                    taken.append((m.start(), m.end() + stop.start() if stop else len(text)))
                elif _free(taken, m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    found += [Place(c, m[0].strip(), m.start(), m.end(), (), reading, confidence)
                              for c in codes]
        found += self._groups(text, taken, defined=False)
        tokens = [_Tok(m) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            after_new = i > 0 and tokens[i - 1][0] == "New" and \
                tokens[i - 1].end() + 1 == tok.start()  # New Jersey, New Mexico: not places
            if not tok[0][0].isupper() or not _free(taken, tok.start(), tok.end()) or after_new \
                    or _shouted_code(tokens, i):
                i += 1
                continue
            for n in range(min(6, len(tokens) - i), 0, -1):
                last = tokens[i + n - 1]
                phrase = text[tok.start():last.end()].rstrip(".")
                if not _free(taken, tok.start(), last.end()) or not _phrase_shape(phrase):
                    continue
                place = self._lookup(phrase)
                if place is not None:
                    found.append(Place(place.code, phrase, tok.start(), tok.start() + len(phrase),
                                       place.also, place.reading, place.confidence))
                    taken.append((tok.start(), last.end()))
                    i += n - 1
                    break
            i += 1
        return sorted(found, key=lambda p: (p.start, p.code))

    def scope(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> Scope:
        """Places of a clause split into covered and excepted ones, and "everyone else"."""
        scope = Scope()
        places = self.find(text, skip)
        triggers = [m for m in _EXCEPT.finditer(text) if _free(skip, m.start(), m.end())]
        in_except, pos = False, 0
        for place in places:
            gap = text[pos:place.start]
            trigger = next((t for t in triggers if pos <= t.start() and t.end() <= place.start
                            and not _NOT_PLACE_GAP.search(text, t.end(), place.start)), None)
            if trigger is not None:
                in_except = True
                if _OUTSIDE.match(trigger[0]):
                    scope.everyone = True
            elif in_except and not _LIST_GAP.match(gap) and not _RESTATED.match(gap):
                in_except = False  # "outside the EEA (“EWR”)": the bracket restates the list
            (scope.excepts if in_except else scope.places).append(place)
            pos = place.end
        if any(_free(skip, m.start(), m.end()) for m in _EVERYONE.finditer(text)):
            scope.everyone = True
        if scope.excepts and not scope.places:
            scope.everyone = True
        excepted = {p.code for p in scope.excepts}
        if excepted and {p.code for p in scope.places} <= excepted:
            scope.places, scope.everyone = [], True  # "Unless you live in South Korea, …"
        return scope

    def _groups(self, text: str, taken: list[tuple[int, int]], defined: bool) -> list[Place]:
        """Groups the policy defines (``defined``), else the ones it names undefined."""
        found: list[Place] = []
        groups = {k: (v, None, 1.0) for k, v in self.groups.items()} if defined else {
            k: v for k, v in _UNDEFINED.items() if k not in self.groups}
        for name, (codes, reading, confidence) in groups.items():
            for m in re.finditer(rf"\b(?:the\s+)?{_either_number(name)}\b", text):
                if _free(taken, m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    how = reading or f"'{name}' as the policy defines it: {', '.join(codes)}"
                    found += [Place(c, m[0], m.start(), m.end(), (), how, confidence)
                              for c in codes]
        return found

    def _lookup(self, phrase: str) -> Place | None:
        if phrase in self._cache:
            return self._cache[phrase]
        place: Place | None = None
        if len(phrase.strip()) < 2:  # "I." (a section number), "Corso Umberto I", "A&I GmbH"
            self._cache[phrase] = None
            return None
        local = local_name(phrase)
        if local is not None:
            place = Place(local, phrase, 0, 0)
            self._cache[phrase] = place
            return place
        known = getattr(self.index, "_lookup", None)  # exact look-up, without parse()'s
        if known is not None and known(phrase.strip()) is None:  # fuzzy suggestions (slow)
            self._cache[phrase] = None
            return None
        try:
            parsed = self.index.parse(phrase)
            short = len(phrase) <= 3 and not phrase.isupper()  # "El", "Man": words, not "EL"
            if not short and (parsed.matched in _ACCEPTED or phrase.casefold() in self.aliases):
                reading = (f"'{phrase}' read as {_display(self.index, parsed.code)}"
                           if parsed.matched == "alias" else None)
                place = Place(parsed.code, phrase, 0, 0, (), reading)
        except AmbiguousLocation as exc:
            # the plainest name first: "Korea, Republic of" before "… Democratic People's …"
            candidates = sorted(exc.candidates, key=lambda c: (len(c["name"]), c["code"]))
            if not any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", c["name"], re.I)
                       for c in candidates):  # a word of a name, not "NIT" inside "United"
                self._cache[phrase] = None  # "Centre": regions of several countries, no country
                return None
            codes = tuple(c["code"] for c in candidates)
            names = ", ".join(f"{c['name']} ({c['code']})" for c in candidates)
            place = Place(codes[0], phrase, 0, 0, codes[1:],
                          f"'{phrase}' is ambiguous ({names}); read as {codes[0]} — review", 0.4)
        except XborderInputError:
            place = None
        self._cache[phrase] = place
        return place


#: Groups policies name without defining them in the text: read, flagged, never as everyone
_UNDEFINED: dict[str, tuple[tuple[str, ...], str | None, float]] = {
    "Designated Countries": (("EEA", "CH"), "'Designated Countries' is not defined here: read "
                             "as the EEA and Switzerland, as policies usually define it — check",
                             0.4)} | dict.fromkeys(
    ("North America", "Nordamerika", "Amérique du Nord", "América del Norte", "Norteamérica",
     "America del Nord", "Noord-Amerika", "América do Norte", "Nord-Amerika"),
    (("US", "CA", "MX"), "'North America' read as the United States, Canada and Mexico — check",
     0.6))


def _either_number(name: str) -> str:
    """A group's name in the singular or the plural ("European Territories" / "Territory")."""
    plural = re.search(r"(?:ies|y)$", name)
    return re.escape(re.sub(r"(?:ies|y|s)$", "", name)) + ("(?:ies|y)" if plural else "s?")


class _Tok:
    """A word of a clause, without a French elision ("l’Irlande" → "Irlande")."""

    def __init__(self, m: re.Match[str]) -> None:
        text, start = m[0], m.start()
        elided = re.match(r"[ldjnscLDJNSC][’']", text)
        if elided and len(text) > 2:
            text, start = text[2:], start + 2
        self.text, self._start, self._end = text, start, m.end()

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def __getitem__(self, i: int) -> str:
        return self.text


#: phrase → place, per location index (the index of a loaded knowledge base does not change)
_CACHES: weakref.WeakKeyDictionary[LocationIndex, dict[str, Place | None]] = \
    weakref.WeakKeyDictionary()


_CAPS_PLACES = frozenset({"UK", "US", "USA", "EU", "EEA", "UAE", "EWR", "EER", "EEE", "SEE", "UE"})


def _shouted_code(tokens: list[_Tok], i: int) -> bool:
    """A two- or three-letter word in an all-capital line ("QUIÉN ES EL RESPONSABLE",
    "DATENSCHUTZ IN DE"): a word of the heading, not a country code."""
    word = tokens[i][0].rstrip(".")
    if len(word) > 3 or not word.isupper() or word in _CAPS_PLACES:
        return False
    near = [tokens[j][0] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
    return any(len(w) >= 2 and w.isalpha() and w.isupper() for w in near)


def _phrase_shape(phrase: str) -> bool:
    """Proper-noun shaped: no punctuation inside, ends on a capitalised word, lower-case words
    only as connectors ("Bosnia and Herzegovina", "Isle of Man")."""
    if any(c in phrase for c in ",;:()[]\n\"“”") or len(phrase) > 60:
        return False
    words = phrase.split()
    return (words[-1][:1].isupper() or words[-1][:2] in ("d'", "d’")) and all(
        w[:1].isupper() or w in _CONNECTORS or w[:2] in ("d'", "d’") for w in words)


_CONNECTORS = frozenset({"and", "of", "the", "da", "de", "du", "d'", "des", "del", "y", "la"})


def _free(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def _display(index: LocationIndex, code: str) -> str:
    entry = index.suggest(code, 1)
    return entry[0]["name"] if entry and entry[0]["code"] == code else code
