"""Proposals → an authoring file (YAML, ``docs/authoring.md``), Turtle, or JSON.

The YAML is a complete organisation file: organisation, entities, services, documents, rules,
recipients, safeguards, each entry preceded by a comment with its confidence and the offsets of
its evidence. :func:`check` proves it loads: it builds the file together with the shipped
knowledge base's reference files (jurisdictions and transfer law, not its organisations, so a
proposal for an organisation the knowledge base already holds does not clash with it), checks
the SHACL shapes and compiles every timeline — what ``xborder validate`` does.
:func:`to_turtle` gives the proposal's own triples from that graph.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from rdflib import BNode, Graph, URIRef

from xborder.graph.ingest.model import EntityProposal, Proposals, RuleProposal

__all__ = ["authoring", "check", "reference_files", "render", "to_turtle", "to_yaml",
           "write_atomic"]

FORMATS = ("yaml", "ttl", "json")


def _country(entity: EntityProposal, proposals: Proposals) -> tuple[str, str | None]:
    """The country the file writes, and a note when the policy did not settle it."""
    if entity.country:
        return entity.country, None
    guess = entity.candidates[0] if entity.candidates else None
    why = f"first of the legal form's candidates ({', '.join(entity.candidates)})"
    if guess is None:
        places = [c for r in proposals.rules if r.controller is entity for c in r.locations
                  if len(c) == 2 and c.isalpha()]
        others = [e.country for e in proposals.entities if e.country]
        guess, why = ((places[0], "where the rules it controls apply") if places else
                      (others[0], "the country of another entity of the policy") if others else
                      ("US", "nothing in the policy: a placeholder"))
    return guess, f"Country not stated in the policy; written as {guess} ({why}) — check."


def _source(rule_like: Any, document: str) -> dict[str, str]:
    ev = rule_like.evidence
    return {"document": document, "section": ev.section, "quote": ev.quote}


def _locations(rule: RuleProposal) -> list[Any]:
    readings = {r.code: r for r in rule.readings}
    out: list[Any] = []
    for code in rule.locations:
        r = readings.get(code)
        if r is None:
            out.append(code)
        else:
            entry: dict[str, Any] = {"code": code, "text": r.text, "reading": r.reading}
            if r.also:
                entry["also"] = list(r.also)
            out.append(entry)
    return out


def _historical(rule: RuleProposal, p: Proposals) -> bool:
    """A rule that ended before the policy's own date: the policy tells history there, and the
    knowledge base reads a rule only inside its document's interval."""
    return rule.end is not None and rule.end < p.document.start


def _rule(r: RuleProposal, doc_id: str) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": r.id, "controller": r.controller.id}
    if r.services:
        rule["services"] = [s.id for s in r.services]
    if r.default:
        rule["default"] = True
    else:
        rule["locations"] = _locations(r)
    if r.excepts:
        rule["except"] = r.excepts
    if r.start:
        rule["from"] = r.start
    if r.end:
        rule["to"] = r.end
    if r.notes:
        rule["note"] = " ".join(n.rstrip(".") + "." for n in r.notes)
    rule["source"] = _source(r, doc_id)
    return rule


def authoring(p: Proposals) -> dict[str, Any]:
    """The authoring file as data (``docs/authoring.md``)."""
    doc_id = p.document.id
    entities = []
    for e in p.entities:
        country, note = _country(e, p)
        notes = [f"Roles in the policy: {', '.join(sorted(e.roles)) or 'named'}."]
        if "representative" in e.roles:
            notes.append("A representative (Art. 27 GDPR) or contact, not a controller.")
        if e.written and e.written != e.name:
            notes.append(f"The policy writes {e.written!r}.")
        notes.append(note or f"Country: {e.country_basis}.")
        entities.append({"id": e.id, "name": e.name, "country": country, "note": " ".join(notes)})
    services = [{"id": s.id, "name": s.name, **({"aliases": s.aliases} if s.aliases else {}),
                 **({"domains": s.domains} if s.domains else {})} for s in p.services]
    d = p.document
    document: dict[str, Any] = {"id": doc_id, "title": d.title, "url": d.url}
    if d.version:
        document["version"] = d.version
    document["from"] = d.start
    if d.precision != "day":
        document["date_precision"] = d.precision
    document["issuer"] = d.issuer.id
    rules = [_rule(r, doc_id) for r in p.rules if not _historical(r, p)]
    recipients = []
    for rec in p.recipients:
        item: dict[str, Any] = {"id": rec.id, "kind": rec.kind, "name": rec.name}
        if rec.entities:
            item["entities"] = [e.id for e in rec.entities]
        if rec.locations:
            item["locations"] = rec.locations
        if rec.location_basis:
            item["location_basis"] = rec.location_basis
        item["source"] = _source(rec, doc_id)
        recipients.append(item)
    safeguards = [{"id": s.id, "kind": s.authoring_kind, "name": s.name,
                   **({"note": f"Read as {s.kind}."} if s.authoring_kind == "other" else {}),
                   "source": _source(s, doc_id)} for s in p.safeguards]
    org = {"id": p.organisation["id"], "name": p.organisation["name"]}
    if p.organisation["aliases"]:
        org["aliases"] = list(dict.fromkeys(p.organisation["aliases"]))
    return {"organisation": org, "entities": entities, "services": services,
            "documents": [document], "rules": rules, "recipients": recipients,
            "safeguards": safeguards}


def _comment(item: Any) -> str:
    return (f"  # confidence {item.confidence:.2f}; evidence: input[{item.evidence.start}:"
            f"{item.evidence.end}], section {item.evidence.section}\n")


def to_yaml(p: Proposals) -> str:
    data = authoring(p)
    lines = [
        "# Proposed by `xborder ingest`: nothing here is in the knowledge base yet.\n",
        "# Review every entry (each rule, recipient and safeguard says how sure the reading is\n",
        "# and where its sentence sits in the input), then merge it as a separate step.\n",
    ]
    lines += [f"# Note: {n}\n" for n in p.notes]
    current = [r for r in p.rules if not _historical(r, p)]
    commented: dict[str, list[Any]] = {"rules": current, "recipients": list(p.recipients),
                                       "safeguards": list(p.safeguards)}
    for key, value in data.items():
        if key == "organisation":
            lines.append(_dump({key: value}))
            continue
        lines.append(f"\n{key}:" + (" []\n" if not value else "\n"))
        for n, entry in enumerate(value):
            if key in commented:
                lines.append(_comment(commented[key][n]))
            lines.append(re.sub(r"(?m)^(?=.)", "  ", _dump([entry])))
    history = [r for r in p.rules if _historical(r, p)]
    if history:
        lines.append("\n# Earlier controllers the policy mentions: these ended before the policy's "
                     "own date\n# (from), so they are not proposed as its rules. To keep them, "
                     "add them under an\n# earlier document.\n")
        for r in history:
            lines.append(re.sub(r"(?m)^", "#   ", _dump([_rule(r, p.document.id)])).rstrip("# ")
                         .rstrip() + "\n")
    return "".join(lines)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96,
                          default_flow_style=False)


def reference_files() -> list[Path]:
    """The shipped knowledge base's files that hold no organisation."""
    from xborder.graph.build import DEFAULT_KB_DIR, source_files

    return [f for f in source_files([DEFAULT_KB_DIR])
            if not re.search(r"(?m)^organisation:", f.read_text(encoding="utf-8"))]


def check(yaml_text: str, shapes: bool = True) -> Graph:
    """Build ``yaml_text`` with the reference files, check the shapes, compile; the graph."""
    from xborder.graph.build import build_graph
    from xborder.graph.kb import KnowledgeBase
    from xborder.graph.shapes import validate_graph

    with tempfile.TemporaryDirectory(prefix="xborder-ingest-") as folder:
        path = Path(folder) / "proposed.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        graph = build_graph([*reference_files(), path])
    if shapes:
        validate_graph(graph)
    KnowledgeBase(graph).compile_all()
    return graph


def to_turtle(p: Proposals, yaml_text: str | None = None) -> str:
    """The proposal's own triples (checked as :func:`check` does) as Turtle."""
    from xborder.graph.vocab import KB

    graph = check(yaml_text if yaml_text is not None else to_yaml(p))
    org = p.organisation["id"]
    prefixes = [f"{KB}{stem}" for stem in (
        f"org/{org}", f"service/{org}/", f"document/{p.document.id}", f"rule/{org}/",
        f"recipient/{org}/", f"safeguard/{org}/")] + [f"{KB}entity/{e.id}" for e in p.entities]
    todo: list[URIRef | BNode] = [s for s in set(graph.subjects()) if isinstance(s, URIRef)
            and any(str(s) == x or str(s).startswith(x if x.endswith("/") else x + "/")
                    for x in prefixes)]
    out, seen = Graph(), set[URIRef | BNode](todo)
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    while todo:
        subject = todo.pop()
        for s, pred, o in graph.triples((subject, None, None)):
            out.add((s, pred, o))
            if isinstance(o, BNode | URIRef) and o not in seen and (
                    isinstance(o, BNode) or str(o).startswith(str(subject) + "/")):
                seen.add(o)
                todo.append(o)
    return out.serialize(format="turtle")


def render(p: Proposals, fmt: str = "yaml") -> str:
    """``yaml`` (checked to load), ``ttl`` or ``json``."""
    if fmt == "json":
        return json.dumps(p.to_dict(), indent=2, ensure_ascii=False) + "\n"
    text = to_yaml(p)
    if fmt == "ttl":
        return to_turtle(p, text)
    if fmt != "yaml":
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    check(text, shapes=False)
    return text


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename:
    the file is either the old one or the whole new one, never half written."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                               dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
