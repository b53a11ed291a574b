"""A content digest of a knowledge-base graph that sees every triple, blank nodes included.

Every date in the graph lives in a blank node (DPV's interval pattern: ``dct:temporal [
time:hasBeginning [ time:inXSDDate … ] ]``), so a digest over the named triples alone misses a
moved date. Here each blank node is named by what it says — a hash of its own triples, with the
blank nodes it points to named the same way, depth first — so two graphs with the same content
get the same digest whatever their blank-node labels, and any changed date changes it. The
knowledge base's blank nodes form trees (interval → instants); a cycle of blank nodes is named
by its members' plain triples, which still sees every literal in it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

__all__ = ["graph_digest"]


def graph_digest(graph: Graph, *, length: int = 16) -> str:
    """The hex digest (``length`` characters) of ``graph``'s content."""
    triples = list(graph)  # rdflib's iteration is the slow part: once
    outgoing: dict[BNode, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in triples:
        if isinstance(s, BNode):
            outgoing[s].append((p, o))
    names: dict[BNode, str] = {}
    visiting: set[BNode] = set()

    def name(b: BNode) -> str:
        if b in names:
            return names[b]
        if b in visiting:  # a cycle: name it by its plain triples only
            return "_:cycle"
        visiting.add(b)
        parts = sorted(f"{term(p)} {term(o)}" for p, o in outgoing.get(b, ()))
        visiting.discard(b)
        names[b] = "_:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
        return names[b]

    seen: dict[Node, str] = {}

    def term(t: Node) -> str:
        if isinstance(t, BNode):
            return name(t)
        found = seen.get(t)
        if found is None:
            if isinstance(t, Literal):
                text = str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                tail = (f"@{t.language}" if t.language else
                        f"^^<{t.datatype}>" if t.datatype else "")
                found = f'"{text}"{tail}'
            else:
                found = f"<{t}>"
            seen[t] = found
        return found

    lines = sorted({f"{term(s)} {term(p)} {term(o)}" for s, p, o in triples})
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:length]
