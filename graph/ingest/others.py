""""Everyone else": a rule for the users the other rules leave.

A policy that names a controller for some places and then one for "all other users", "Other
Regions", "the rest of the world", "tous les autres pays" … means everyone *except* the places
the other rules name. The clause itself names no place, so it is read as ``*``; this pass gives
it, as exceptions, the places of the policy's other rules for the same services, and says so in a
note. A rule for every user that does not say "other" ("for all users") keeps no exceptions.
"""

from __future__ import annotations

import re

from xborder.graph.ingest.model import RuleProposal
from xborder.graph.ingest.places import EVERYONE

__all__ = ["ELSE", "everyone_else"]

ELSE = re.compile(
    r"\b(?:everyone\s+else|every(?:body|one)\s+other|all\s+others?|any(?:one|body)\s+else|(?:any|every)where\s+else|"
    r"elsewhere|any\s+other\s+(?:country|countries|region|jurisdiction|location)|other\s+(?:"
    r"countries|regions|jurisdictions|locations|markets|users|territories)|rest\s+of\s+(?:the\s+)?"
    r"world|tou(?:s|tes)\s+les\s+autres|autres\s+pays|reste\s+du\s+monde|alle[nm]?\s+anderen?|"
    r"übrigen|rest\s+van\s+de\s+wereld|overige|andere\s+landen|tod[oa]s\s+(?:los|las|os|as)\s+"
    r"(?:demás|outr[oa]s)|otros\s+países|outros\s+países|resto\s+del?\s+mundo|resto\s+do\s+mundo|"
    r"resto\s+de\s+(?:los\s+)?países|demais\s+países|restantes\s+países|(?:een|ieder)\s+ander\s+land|"
    r"w\s+pozostałych\s+przypadkach|demais\s+(?:usuários|utilizadores|clientes)|"
    r"muide[nt]\s+(?:käyttäjien|maiden|asiakkaiden)|muissa\s+maissa|ostatní\w*\s+(?:zem\w*|"
    r"uživatel\w*)|celelalte\s+(?:țări|tari|utilizatori)|többi\s+(?:ország\w*|felhasználó\w*)|"
    r"diğer\s+(?:ülke\w*|kullanıcı\w*)|pozostał\w+\s+(?:kraj\w*|państw\w*|użytkowni\w*)|"
    r"tutti\s+gli\s+altri|altri\s+paesi|resto\s+del\s+mondo|övriga|øvrige|andre\s+land|"
    r"somewhere\s+else|ailleurs|anderswo|woanders|en\s+otro\s+lugar|altrove|noutro\s+lugar|"
    r"em\s+outro\s+lugar|elders|(?:noe|et)\s+annet\s+sted|(?:någon\s+)?annanstans|"
    r"et\s+andet\s+sted|muualla|otherwise|sinon|andernfalls|ansonsten|de\s+lo\s+contrario|"
    r"en\s+caso\s+contrario|altrimenti|caso\s+contrário|ellers|annars|muuten|cualquier\s+otro\s+"
    r"país|qualquer\s+outro\s+país|qualsiasi\s+altro\s+paese|tout\s+autre\s+pays|(?:jedem|einem)\s+"
    r"anderen\s+Land|elk\s+ander\s+land|något\s+annat\s+land|et\s+annet\s+land)\b"
    r"|その他|其他|기타|그\s?외|그\s?밖의", re.I)


def everyone_else(rules: list[RuleProposal]) -> None:
    """Give each "everyone else" rule the other rules' places as exceptions (in place)."""
    for rule in rules:
        if rule.default or rule.locations != [EVERYONE] or rule.excepts or not (
                ELSE.search(rule.locations_text) or _else_after(rule)):
            continue
        services = {s.name for s in rule.services}
        places = [code for other in rules if other is not rule and not other.default
                  and {s.name for s in other.services} == services
                  for code in other.locations if code != EVERYONE]
        if not places:
            continue
        rule.excepts = list(dict.fromkeys(places))
        rule.notes.append("everyone else: the places the other rules name ("
                          f"{', '.join(rule.excepts)}) are excepted")


def _else_after(rule: RuleProposal) -> bool:
    """"…, and Ravensby Ltd otherwise": the everyone-else word right after the controller's
    name in the rule's sentence."""
    quote, name = rule.evidence.quote, rule.controller.name
    at = quote.find(name)
    while at >= 0:
        if ELSE.match(quote[at + len(name):].lstrip(" ,\t\n")):
            return True
        at = quote.find(name, at + 1)
    return False
