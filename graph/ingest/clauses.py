"""Controller clauses → proposed controller rules.

A sentence is read when it carries a controller cue ("controller", "controlled by", "responsible
for … data"); a list item or table row when its lead sentence, table header or section heading
does. A sentence is cut into clauses at ";", ", while/whereas/but", ", and for …" and "otherwise",
so "X is the controller for the EEA; Y for everyone else" gives two rules. In each clause the
controller is the entity before "is/acts as … controller" or after "controlled by" / "the
controller … is"; the clause's places (minus the entity names and the addresses stated with them)
are the locations, "except …"/"outside …" the exceptions, "everyone else" or no place at all ``*``.
Names near "representative", "Art. 27" or "data protection officer", and clauses that only give
contact details, are never proposed as controllers.

Also read: the role as a label ("Responsable: Ejemplo S.L., …"); "all of which are controllers"
after a list; "X in association with Y" as two; one provider per place ("provided by A inside of
the US, by B inside of Brazil, and by C everywhere else"); a bare name in the controller's slot
(:func:`~xborder.graph.ingest.slots.slot_name`), read as the companies a short name stands for when
the policy defines one; rows of a country | company table under "who we are". Said twice, once.
Several companies each followed by their own places in brackets ("either X (if you are in the EEA
…) or Y (for all other users)") get those places; "…, except for users in Japan, where it is
provided by Y" gives Y the excepted places; a company named as a processor next to a controller cue
("our service provider X", "X acts as our processor", "… on behalf of …") is no controller. Table
rows, "Country: Company" lines and clauses whose only cue is where the user lives are read in
:mod:`.rows`.

Dates: "from", "as of", "since" … start a clause; "until" … end it (:mod:`.dating`).
"""

from __future__ import annotations

import re

from xborder.graph.ingest.dating import Dating, dates_in, document_date, parse_day
from xborder.graph.ingest.distractors import ON_BEHALF, ON_BEHALF_FAR, SERVES, not_user_places
from xborder.graph.ingest.entities import EntityBook, Mention, representative
from xborder.graph.ingest.joint import both_rules
from xborder.graph.ingest.lexicon import (
    DEPENDING,
    FORMER,
    GROUP_TERM,
    JOINT,
    OPERATES,
    OR_AFFILIATE,
    PARENT,
    PROVIDER_AFTER,
    PROVIDER_BEFORE,
    REFER_TO,
    REFERRAL,
    ROLE,
    ROLE_LABEL,
    THIRD_PARTY,
    UNDEFINED_GROUP,
    VERB,
    WE_ARE,
    WHO_WE_ARE,
)
from xborder.graph.ingest.model import EntityProposal, RuleProposal
from xborder.graph.ingest.others import ELSE
from xborder.graph.ingest.paragraphs import condition_heads, line_runs
from xborder.graph.ingest.pieces import WHERE_START, pieces
from xborder.graph.ingest.places import EVERYONE, PlaceFinder, Scope
from xborder.graph.ingest.rows import (
    HEADER_PLACE,
    Context,
    bare_condition,
    drop_placeless_repeats,
    line_rules,
    number_rules,
    own_scopes,
    places_and_companies,
    residence_rules,
    row_rules,
    rule_for,
    said_once,
)
from xborder.graph.ingest.services import ServiceBook
from xborder.graph.ingest.slots import joint_partner, slot_name
from xborder.graph.ingest.text import Document, Unit

__all__ = ["Dating", "controller_rules", "dates_in", "document_date", "not_user_places",
           "number_rules", "parse_day", "rule_for"]

CUE = re.compile(r"\bcontrollers?\b|\bcontrolled\s+by\b|\bcontrols\s+(?:the|your)\s+"
                 r"(?:personal\s+)?(?:data|information)\b|\bresponsible\s+(?:for|entity|"
                 r"company|party)\b|\bis\s+responsible\b|" + ROLE + "|" + PROVIDER_AFTER +
                 r"|\bprovides?\s+(?:the|our)\s+Services?\s+to\s+you\b|\bdetermines?\s+the\s+"
                 r"purposes\s+and\s+(?:the\s+)?means\b|\bsamen\s+verantwoordelijk|" + DEPENDING +
                 r"|\b(?:as|als|"
                 r"en\s+tant\s+qu['’]|in\s+qualità\s+di|como)\s+(?:the\s+|l['’]|il\s+|o\s+)?(?:operator|"
                 r"Betreiber|exploitant|gestore|operador|beheerder)\s+(?:of|der|des|de|du|della|del|"
                 r"do|da|van)\b|" + WE_ARE + r"|\b(?:" + OPERATES + r")|\bplease\s+refer\s+to\s+"
                 r"(?:the\s+privacy\s+(?:policy|notice)\s+of\s+)?[A-Z]", re.I)
#: "Der Verantwortliche im Sinne der DSGVO und … ist die:" — a long role lead, the name after it
_ROLE_IS = (r"(?:" + ROLE + r")(?:[^.;]|\b(?:Art|Abs|Nr|lit|insb|bzw|gem|No|n)\.){0,160}?\b"
            r"(?:est|ist|es|è|is|é|sont|sind)(?:\s+(?:la|le|die|der|el|il|de|a|o))?\s*:")
#: "als verwerkingsverantwoordelijke", "en tant que responsable du traitement": the role itself
_AS_ROLE = (r"\b(?:als|en\s+tant\s+que|in\s+qualità\s+di|en\s+calidad\s+de|na\s+qualidade\s+de)\s+"
            r"(?:de\s+|le\s+|il\s+|el\s+|o\s+)?(?:" + ROLE + r")")
_ASSERT_BEFORE = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:all|each|both)\s+of\s+(?:which|"
                            r"whom)\s+|which\s+|who\s+)?(?:is|are|acts?\s+as|will\s+(?:be|act"
                            r"\s+as)|was|were|remains?|becomes?|shall\s+be|has\s+been|serves?\s+"
                            r"as)\b[^.;]{0,60}?\b(?:controllers?|responsible)\b|"
                            r"^\s*(?:\([^)]*\)\s*)?,?\s*controls\s+(?:the|your)\s+(?:personal\s+)?"
                            r"(?:data|information)\b|"
                            r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:in\s+(?:its|their)\s+capacity\s+as|"
                            r"acting\s+as|as)\s+(?:the\s+|a\s+)?(?:sole\s+|joint\s+)?(?:data\s+)?"
                            r"controllers?\b|^[^.;]{0,80}?" + _AS_ROLE +  # "kwalificeren X en …
                            r"|^\s*(?:\([^)]*\)\s*)?,?\s*" + VERB + r"\b[^.;]{0,60}?(?:" + ROLE +
                            r")|^\s*(?:\([^)]*\)\s*)?,?[^.;]{0,90}?\ben\s+(?:sa|leur)\s+qualité\s+"
                            r"de\s+responsables?|^\s*,\s*(?:situé\w*|sise?|located|based|dont|"
                            r"with\s+its|mit\s+Sitz|con\s+sede|gevestigd|Via|Viale|Piazza|Corso|"
                            r"Calle|Avenida|Rua|Rue)\b[^;]{0,140}?,\s*" + VERB +
                            r"\b[^.;]{0,40}?(?:" + ROLE + r")|" + PROVIDER_BEFORE, re.I)
_AFTER = re.compile(r"(?:\b(?:controlled\s+by|controllers?\b[^.;]{0,80}?\b(?:is|are|will\s+be|"
                    r"was|becomes?|shall\s+be)|responsible[^.;]{0,80}?\b(?:is|are|will\s+be|"
                    r"was)|(?:" + ROLE + r")[^.;]{0,140}?\b(?:est|ist|es|è|is|é|sont|sind|är|er|"
                    r"jest|je|on)"
                    r"(?:\s+(?:la|le|die|der|el|il|de|a|o))?|" + _ROLE_IS +
                    r"|(?:" + ROLE + r")\s*:|traitées?\s+par|trattati\s+da|"
                    r"verarbeitet\s+von|tratados\s+por|(?:is|are)\s+processed\s+by)\s*(?:the\s+company\s+|la\s+société\s+|"
                    r"die\s+Gesellschaft\s+|la\s+sociedad\s+|la\s+società\s+)?$|(?:" +
                    PROVIDER_AFTER + r")\s*(?:the\s+)?$|" + REFER_TO + r")", re.I)
_LIST_CUE = re.compile(r"\bcontrol(?:ler|lers|led|s)\b|\bresponsible\b|\bentit(?:y|ies)\b|"
                       r"\bcontracting\b|\b(?:company|entity)\s+you\s+(?:deal|contract)\s+with\b|"
                       r"\bdepends\s+on\s+(?:your\s+(?:country|region|location)|where\s+you)|"
                       r"dépend\s+de\s+votre\s+(?:lieu|pays)|hängt\s+davon\s+ab,\s+wo|" + ROLE +
                       "|" + WHO_WE_ARE + "|" + WE_ARE,
                       re.I)
_WHO = re.compile(WHO_WE_ARE, re.I)
_REFERRAL = re.compile(REFERRAL, re.I)
#: a table header of companies that receive data, never controllers of the policy
_RECIPIENTS = re.compile(r"processor|vendor|recipient|Auftragsverarbeit|Empfänger|sous-traitant|"
                         r"destinataire|encargad|destinatari|verwerker|ontvanger|suboperador|"
                         r"수탁|위탁|接收方|受託|委託|提供先|on\s+our\s+behalf|im\s+Auftrag|"
                         r"pour\s+notre\s+compte|per\s+nostro\s+conto|por\s+nuestra\s+cuenta|"
                         r"em\s+nosso\s+nome|namens\s+ons", re.I)
_LABEL = re.compile(ROLE_LABEL, re.I)
_DATA_WORD = re.compile(r"\b(?:data|information|privacy|processing|users?|customers?|you|your)\b",
                        re.I)
_JOINT = re.compile(JOINT, re.I)
_PROCESSOR = re.compile(r"\bprocessors?\b", re.I)
_UNDEFINED_GROUP = re.compile(UNDEFINED_GROUP)
_INDEPENDENT = re.compile(r"\b(?:independent|separate|indépendants?|eigenständige?r?|"
                          r"autonom[oaie]|independientes?|zelfstandige?)\b", re.I)
_CONTACT = re.compile(r"\b(?:contact|write\s+to|reach\s+(?:us|them)|e-?mail|questions?|"
                      r"complaints?|postal\s+address)\b", re.I)
_STRONG = re.compile(r"\b(?:is|are|acts?\s+as|will\s+be|was|remains?|becomes?|shall\s+be)\s+"
                     r"(?:the\s+|a\s+|your\s+|our\s+)?(?:joint\s+)?(?:data\s+)?controllers?\b|"
                     r"\bcontrolled\s+by\b|\bcontroller\b[^.;]{0,60}\bis\b|\b" + VERB +
                     r"\s+(?:\S+\s+){0,3}?[«“\"„‘']?\s*(?:" + ROLE + r")|(?:" + ROLE +
                     r")[^.;]{0,140}\b(?:est|ist|es|è|é|is|jest|är|sind|sont|sono|são|zijn|are)\b|"
                     r"(?:" + ROLE + r")[^.;\n]{0,80}:[ \t]*\n|" + _ROLE_IS + "|" + _AS_ROLE, re.I)
_CORPORATE = re.compile(PARENT + r"|\b(?:subsidiary|affiliate|parent|part|member)\s+of\s*$|"
                        r"\bowned\s+by\s*$|\bfiliale\s+(?:à\s+100\s*%\s+)?d[eu]\s*$|"
                        r"\bTochtergesellschaft\s+(?:der|von)\s*$|\bdochteronderneming\s+van\s*$|"
                        r"\bfilial\s+de\s*$", re.I)
_WE = re.compile(WE_ARE, re.I)
CUE_ROLE = re.compile(r"\bcontrollers?\b|\bcontrolled\s+by\b|\bresponsible\b|" + ROLE, re.I)
_PROVIDER = re.compile(PROVIDER_AFTER + "|" + PROVIDER_BEFORE.replace("^\\s*", r"\b", 1), re.I)
_THIRD_PARTY = re.compile(THIRD_PARTY, re.I)
#: a tool the site uses right before "provided by": an apposition, or a system's or software's name
_TOOL = re.compile(r"\b(?:system|software|tool|engine|plug-?in|SDK|library|widget|database|CRM|"
                   r"chat|form|survey|maps?|fonts?|videos?|notes|Crashlytics|Analytics)s?\b"
                   r"[^.;]{0,24}$", re.I)
_FORMER = re.compile(FORMER, re.I)
_OR_AFFILIATE = re.compile(OR_AFFILIATE, re.I)
_GROUP_TERM = re.compile(GROUP_TERM, re.I)
_AND = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:,?\s+(?:di|of|at|à|de)\s+\d[^;()]{3,120}?)?"
                  r"(?:,?\s*(?:and|or|und|oder|et|ou|en|of|y|o|e)\s+|"  # (the first's address)
                  r",\s*|,?\s*(?:in\s+(?:association|collaboration|partnership)\s+with|together\s+"
                  r"with|jointly\s+with|en\s+(?:association|collaboration|partenariat)\s+avec|"
                  r"(?:in\s+Zusammenarbeit\s+)?(?:mit|zusammen\s+mit)|in\s+(?:collaborazione|"
                  r"associazione)\s+con|insieme\s+(?:a|con)|junto\s+con|en\s+colaboración\s+con|"
                  r"samen\s+met|in\s+samenwerking\s+met|juntamente\s+com|em\s+(?:associação|"
                  r"colaboração)\s+com)\s+)", re.I)


def controller_rules(doc: Document, book: EntityBook, finder: PlaceFinder,
                     services: ServiceBook) -> list[RuleProposal]:
    ctx = Context(book, finder, services, Dating())
    rules: list[RuleProposal] = []
    recent = 99  # units since the last sentence with a controller cue
    heads = condition_heads(doc.units, ctx)  # "For users in the EEA:" / "Acme Europe B.V., …"
    layout = {**line_runs(doc.units, ctx), **heads}  # "In Spain – Acme Spain S.L.: …"
    referred = any(_REFERRAL.search(u.text) for u in doc.units)  # "the entity in your country"
    said: set[str] = set()  # the sentences that named a controller
    for n, unit in enumerate(doc.units):  # a table's rows count as one unit
        recent += 0 if unit.kind == "row" and n and doc.units[n - 1].kind == "row" else 1
        if n in layout and (recent <= 6 or (n in heads and CUE.search(unit.section.title))):
            rules.append(layout[n])  # read across paragraphs (paragraphs.py)
            recent = 0
            continue
        if len(unit.text) < 60 and _WHO.search(unit.text):
            recent = 0  # "1. Who we are?" as a list item, the table of companies under it
        if unit.kind == "heading":
            ctx.dating.new_section()
            continue
        context = " ".join((unit.text, unit.lead, " ".join(unit.header), unit.section.title))
        labelled = bool(_LABEL.match(unit.text))  # "Responsable: Ejemplo S.L., …"
        if unit.kind == "sentence" and "\n" in unit.text and recent <= 6 and \
                (lines := line_rules(unit, ctx)):
            rules.extend(lines)  # "United Kingdom: Acme UK Ltd" / "Brazil: Acme Brasil Ltda"
            continue
        if unit.kind in ("sentence", "item") and (both := both_rules(
                unit, doc.units[n - 1] if n else None, ctx)):
            rules.extend(both)  # "X e Y. Ambas … como corresponsáveis do tratamento"
            continue
        if unit.kind in ("sentence", "item") and not CUE.search(unit.text) and not labelled and \
                (unit.kind == "sentence" or not _LIST_CUE.search(context)):  # "… if you live in P"
            rules.extend(residence_rules(unit, ctx, pieces(unit.text, ctx.finder)))
            continue
        recent = 0 if unit.kind != "row" and (labelled or CUE.search(unit.text)) else recent
        if unit.kind == "row" and _RECIPIENTS.search(" ".join(unit.header) + " " + unit.lead) and \
                not CUE_ROLE.search(" ".join(unit.header)) and not places_and_companies(
                    unit.header):
            continue  # a table of processors, recipients or vendors: none is a controller
        if unit.kind == "row" and (recent <= 6 or places_and_companies(unit.header) or (
                referred and any(HEADER_PLACE.search(h) for h in unit.header[:1]))):
            context += " controller"  # "The chart below explains the current controllers …"
        if (unit.kind != "sentence" and not _LIST_CUE.search(context) and not labelled) or (
                unit.kind == "item" and unit.lead in said and not CUE.search(unit.text)):
            continue  # items under a lead that named its controller itself list data, not one
        found = row_rules(unit, ctx) if unit.kind == "row" else _sentence(unit, ctx)
        rules.extend(found)
        said.update([unit.text] if found and unit.kind == "sentence" else [])
    unique = said_once(drop_placeless_repeats(rules))
    number_rules(unique)
    return unique


def _sentence(unit: Unit, ctx: Context) -> list[RuleProposal]:
    text = unit.text
    rules: list[RuleProposal] = []
    whole_dates = dates_in(text, ctx.dating)
    spans = pieces(text, ctx.finder)
    for k, (a, b) in enumerate(spans):
        piece = text[a:b]
        if _PROCESSOR.search(piece) and not re.search(r"controller", piece, re.I):
            continue
        if _CONTACT.search(piece) and not _STRONG.search(piece):
            continue
        if unit.kind == "item" and _CONTACT.search(unit.lead) and not CUE.search(unit.lead) \
                and not CUE.search(piece):
            continue  # "You can write to us: – Acme Inc., 1 Main St., (United States)": an address
        provider = _PROVIDER.search(piece)
        near = piece[max(0, provider.start() - 80):provider.end() + 60] if provider else piece
        if (_THIRD_PARTY.search(near) or (provider and _TOOL.search(piece[:provider.start()]))) \
                and not CUE_ROLE.search(piece):
            continue  # "the payment system, which is operated by Stripe, Inc.": not ours; "Firebase
            # Crashlytics, provided by Google LLC", "Our student information system is provided by"
        mentions = [(m, e, s) for m, e, s in ctx.book.mentions(unit) if a <= m.start < b]
        by = re.search(r"\bcontrolled\s+by\b", piece)
        if by and not _DATA_WORD.search(piece) and any(m.start < a + by.start()
                                                       for m, _, _ in mentions):
            continue  # "X Ltd is controlled by Y Inc.": ownership, not data
        if _REFERRAL.search(piece) and not mentions:
            continue  # "the PayPal entity established in your country": named by its table
        if not (chosen := _controllers(text, a, b, mentions, ctx, unit)):
            continue
        mentions = [(m, e, s) for m, e, s in ctx.book.mentions(unit) if a <= m.start < b]
        skip = [(m.start, m.end) for m, _, _ in mentions] + [s for _, _, s in mentions if s]
        skip += [(x + a, y + a) for x, y in not_user_places(  # "BERSHKA ESPAGNE": a short name
            piece, ctx.finder, [(m.start - a, m.end - a) for m, _, _ in mentions]) +
            ctx.book.alias_spans(piece)]
        service_list, service_spans = ctx.services.find(text, a, b, ctx.book)
        scope = ctx.finder.scope(piece, [(x - a, y - a) for x, y in skip + service_spans])
        confidence = 0.9 if _STRONG.search(piece) or unit.kind != "sentence" else 0.75
        if not CUE_ROLE.search(piece) and _PROVIDER.search(piece):
            confidence = 0.75  # provider wording: "is operated by", "you are contracting with"
        notes: list[str] = []
        if not scope.codes and WHERE_START.match(piece) and rules and rules[-1].excepts:
            prev = ctx.finder.scope(rules[-1].locations_text)  # "…, except in Japan, where …"
            scope = Scope([p for p in prev.places + prev.excepts if p.code in rules[-1].excepts])
            notes.append("the places the clause before excepted")
        where = piece
        if not scope.codes and len(spans) == 1 and unit.kind == "sentence":
            heading = ctx.finder.scope(unit.section.title)
            if heading.codes and heading.codes != [EVERYONE]:
                scope, confidence = heading, confidence - 0.15
                notes.append(f"places taken from the section heading {unit.section.heading!r}")
            elif ELSE.search(unit.section.title):  # "## Users in all other countries"
                where = unit.section.title
                notes.append(f"everyone else, from the section heading {unit.section.heading!r}")
        if not scope.codes and k and (carried := bare_condition(
                text, spans[k - 1], ctx.book.mentions(unit), ctx.finder)) is not None:
            scope = carried  # "If you are located in P then, where … X is the controller"
        if not scope.codes and _UNDEFINED_GROUP.search(piece):
            continue  # "If you live in the “Covered Region”, …": a group the text never defines
        if not scope.codes:
            scope.everyone = True
            confidence = min(confidence, 0.7)
            notes.append("the clause names no place: proposed for every user")
        start, end = dates_in(piece, ctx.dating) if len(spans) > 1 else whole_dates
        own = own_scopes(piece, a, chosen, mentions, ctx.finder)
        each = [(e, "each named with its own places", 0.1) for _m, e, _s in mentions]
        if own is None and len(chosen) == 1 and "several entities" in chosen[0][1] and \
                (own := own_scopes(piece, a, each, mentions, ctx.finder)) is not None:
            chosen = each  # "either X (if you are in …) or Y (for all other users)"
        for k, (entity, how, penalty) in enumerate(chosen):
            if how:
                notes.append(how)
            rules.append(rule_for(unit, entity, own[k] if own else scope, where, service_list,
                                  confidence - penalty, notes, start, end))
    return rules


def _controllers(text: str, a: int, b: int,
                 mentions: list[tuple[Mention, EntityProposal, tuple[int, int] | None]],
                 ctx: Context, unit: Unit | None = None
                 ) -> list[tuple[EntityProposal, str, float]]:
    """The entities a clause names as controller: (entity, note, confidence penalty)."""
    live = [(m, e) for m, e, _ in mentions
            if not representative(text[a:b], m.start - a, m.end - a)
            and not _CORPORATE.search(text[max(a, m.start - 30):m.start])
            and not _FORMER.search(text[max(a, m.start - 40):m.start])
            and not SERVES.search(text[max(a, m.start - 50):m.start])
            and not ON_BEHALF.match(text[m.end:min(b, m.end + 80)])
            and not ON_BEHALF_FAR.match(text[m.end:min(b, m.end + 300)])
            and not ("parent" in e.roles and _GROUP_TERM.match(text, a))]  # "“X Group” means …"
    if live and a == 0 and _LABEL.match(text) and live[0][0].start - a < 80:
        return [(live[0][1], "named after the role as a label", 0.0)]
    joint = ctx.book.with_short_names(text[a:b], [e for _m, e in live] + ctx.book.defined_joint(
        unit, a, b)) if _JOINT.search(text[a:b]) and unit is not None else []
    if len(joint) == 1 and len(live) == 1 and unit is not None and \
            (partner := joint_partner(text, live[0][0].start, live[0][0].end, ctx.finder)):
        joint.append(ctx.book.named(unit, *partner))  # "X Ltd and Harbour Arts Trust are joint …"
    if len(joint) > 1:
        names = ", ".join(e.name for e in joint)
        return [(e, f"joint controllers: {names}", 0.1) for e in joint]
    for i, (m, _e) in reversed(list(enumerate(live))):
        if _ASSERT_BEFORE.match(text[m.end:b]):
            chosen = _conjoined(text, live, i, -1)
            first = min(m.start for m, e in live if any(e is x for x, _h, _p in chosen))
            return _short_before(text[a:first], ctx, chosen)
    if live and unit is not None and (slot := slot_name(text, a, live[0][0].start, ctx.finder)):
        return [(ctx.book.named(unit, *slot), "named in the role's slot first", 0.15)]
    for i, (m, _e) in enumerate(live):
        if _AFTER.search(text[a:m.start]):
            return _conjoined(text, live, i, 1)
    if len(live) == 1:
        return [(live[0][1], "", 0.05)]
    if live and len(together := _conjoined(text, live, len(live) - 1, -1)) == len(live):
        return together  # "your entity is X or Y": every one of them, named together
    if live:
        return [(live[-1][1], "several entities named; the last one is proposed", 0.3)]
    dropped = [e for _m, e, _s in mentions]  # a representative, a former name … named here
    if not live and unit is not None and (slot := slot_name(text, a, b, ctx.finder)) and not (
            ctx.book.we is not None and _INDEPENDENT.search(text, a, b)):  # "Google is an
        name, at = slot  # independent controller" beside the policy's own "we": a third party
        known = [e for e in ctx.book.aliased(name, typo=True) if all(e is not d for d in dropped)]
        if known:
            return [(e, f"named by its short name {name!r}", 0.1) for e in known]
        heads = [e for e in ctx.book.entities.values()
                 if e.name.casefold().startswith(name.casefold() + " ")]
        if len(heads) >= 2:
            return []  # "where Stability acts as a controller", with "Stability AI Ltd" and
            # "Stability AI US Services Corporation" named: the group's name, not one company
        slotted = ctx.book.named(unit, name, at)
        if _JOINT.search(text[a:b]) and len(ctx.book.with_short_names(text[a:b], [slotted])) > 1:
            joint = ctx.book.with_short_names(text[a:b], [slotted])  # "Lime et Meta Ireland …"
            return [(e, "joint controllers: " + ", ".join(x.name for x in joint), 0.15)
                    for e in joint]
        return [(slotted, f"{name!r} is named without a legal form", 0.15)]
    for alias in re.finditer(r"\b[A-Z][\w&-]+\b", text[a:b]):
        known = [e for e in ctx.book.aliased(alias[0]) if all(e is not d for d in dropped)]
        if known and CUE.search(text[a:b]) and _STRONG.search(text[a:b]):
            return [(e, f"named by its short name {alias[0]!r}", 0.1) for e in known]
    if _WE.search(text[a:b]) and ctx.book.we is not None:
        return [(ctx.book.we, "named as \"we\"", 0.15)]
    return []


def _short_before(before: str, ctx: Context, chosen: list[tuple[EntityProposal, str, float]]
                  ) -> list[tuple[EntityProposal, str, float]]:
    """A short name joined by "and" just ``before`` the first name chosen ("UTI et UBR …")."""
    m = re.search(r"(?<![\w-])([A-Z][\w&-]+)(?:\s*,\s*|\s+(?:and|et|und|en|y|e)\s+)$", before)
    known = [e for e in ctx.book.aliased(m[1]) if all(e is not x for x, _h, _p in chosen)] if m \
        is not None else []
    return [(e, "named by its short name with the others", 0.1) for e in known] + chosen


def _conjoined(text: str, live: list[tuple[Mention, EntityProposal]], i: int, step: int
               ) -> list[tuple[EntityProposal, str, float]]:
    """The entity at ``i`` and those joined to it by "and"/"or" ("GitHub, Inc. or GitHub B.V.
    … as the controller", "are IKEA Ireland Limited (…) and Ingka NB AB (…)")."""
    chosen = [i]
    j = i
    while 0 <= j + step < len(live):
        first, second = sorted((live[j][0], live[j + step][0]), key=lambda m: m.start)
        gap = text[first.end:second.start]
        if not _AND.fullmatch(gap) and not _OR_AFFILIATE.search(gap):
            break
        j += step
        chosen.append(j)
    if len(chosen) == 1:
        return [(live[i][1], "", 0.0)]
    names = ", ".join(live[k][1].name for k in sorted(chosen))
    return [(live[k][1], f"named together: {names}", 0.05) for k in sorted(chosen)]
