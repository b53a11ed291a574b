"""SHACL validation of a knowledge-base graph with pySHACL (shapes in ``ontology/shapes.ttl``)."""

from __future__ import annotations

from rdflib import Graph

from xborder.graph.errors import ValidationFailed
from xborder.graph.vocab import RDF, XB

__all__ = ["validate_graph"]

SH = "http://www.w3.org/ns/shacl#"


def validate_graph(graph: Graph) -> int:
    """Check ``graph`` against the shapes; raise :class:`ValidationFailed` listing every
    violation. Returns the number of focus nodes checked."""
    import pyshacl
    from rdflib import URIRef

    from xborder.ontology import SHAPES, VOCABULARY, load

    shapes = load(SHAPES)
    vocabulary = load(VOCABULARY)
    # Subclass links let sh:class see an xb:Group as a dpv:SupraNationalUnion and so on.
    conforms, report, _text = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=vocabulary, inference="none",
        allow_warnings=True, advanced=True,
    )
    if not conforms:
        violations = []
        for result in report.subjects(RDF.type, URIRef(SH + "ValidationResult")):
            focus = report.value(result, URIRef(SH + "focusNode"))
            path = report.value(result, URIRef(SH + "resultPath"))
            message = report.value(result, URIRef(SH + "resultMessage"))
            violations.append(f"{focus}: {path if path is not None else ''} {message}".strip())
        violations.sort()
        raise ValidationFailed(
            f"the knowledge base breaks {len(violations)} constraint(s): "
            + "; ".join(violations[:5]) + (" …" if len(violations) > 5 else ""),
            violations,
        )
    return len(set(graph.subjects(RDF.type, None))) - len(
        set(graph.subjects(RDF.type, XB.Alias)))
