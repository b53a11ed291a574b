"""The SHACL-to-SPARQL engine beyond the shipped shapes: the SHACL it translates agrees with
pySHACL, and what it does not translate is refused when the shapes are compiled."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from xborder.graph.shapes.sparql import UnsupportedShape, compile_shapes, run, store_of

SH = "http://www.w3.org/ns/shacl#"
PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/t#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

# Shapes the shipped file does not use yet: inverse and alternative paths, counts above one,
# hasValue, sh:in of IRIs, targets and sh:class through a subclass in the data graph, a
# warning (not reported) and a deactivated shape.
SHAPES = PREFIXES + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 2 ; sh:maxCount 3 ] ;
    sh:property [ sh:path [ sh:inversePath ex:employs ] ; sh:minCount 1 ; sh:class ex:Company ] ;
    sh:property [ sh:path [ sh:alternativePath ( ex:email ex:phone ) ] ; sh:maxCount 1 ] ;
    sh:property [ sh:path ex:status ; sh:in ( ex:active ex:retired ) ] ;
    sh:property [ sh:path ex:born ; sh:datatype xsd:date ] ;
    sh:property [ sh:path ex:nick ; sh:maxCount 0 ; sh:severity sh:Warning ] .
ex:FlagShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:checked ; sh:hasValue true ] .
ex:OffShape a sh:NodeShape ; sh:targetClass ex:Person ; sh:deactivated true ;
    sh:property [ sh:path ex:never ; sh:minCount 1 ] .
"""

DATA = PREFIXES + """
ex:Employee rdfs:subClassOf ex:Person .
ex:Startup rdfs:subClassOf ex:Company .
ex:acme a ex:Startup ; ex:employs ex:ok, ex:one-name, ex:both, ex:odd-status, ex:bad-date .
ex:club a ex:Club ; ex:employs ex:wrong-employer .
ex:ok a ex:Employee ; ex:name "A", "B" ; ex:email "a@x" ; ex:status ex:active ;
    ex:born "1990-01-02"^^xsd:date ; ex:checked true ; ex:nick "x" .
ex:one-name a ex:Person ; ex:name "C" ; ex:checked true .
ex:four-names a ex:Person ; ex:name "D", "E", "F", "G" ; ex:checked true .
ex:wrong-employer a ex:Person ; ex:name "H", "I" ; ex:checked true .
ex:both a ex:Person ; ex:name "J", "K" ; ex:email "j@x" ; ex:phone "123" ; ex:checked true .
ex:odd-status a ex:Person ; ex:name "L", "M" ; ex:status ex:missing ; ex:checked true .
ex:bad-date a ex:Person ; ex:name "N", "O" ; ex:born "1990-13-45"^^xsd:date .
"""


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def _pyshacl(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, advanced=True,
                                                 inference="none", allow_warnings=True)
    out = set()
    for result in report.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        if report.value(result, URIRef(SH + "resultSeverity")) != URIRef(SH + "Violation"):
            continue
        out.add((str(report.value(result, URIRef(SH + "focusNode"))),
                 str(report.value(result, URIRef(SH + "sourceConstraintComponent")))))
    return out


def _sparql(data: Graph | bytes, shapes: Graph) -> set[tuple[str, str]]:
    return {(focus, check.component) for focus, check in run(compile_shapes(shapes),
                                                               store_of(data))}


def test_agrees_with_pyshacl_beyond_the_shipped_shapes() -> None:
    data, shapes = _graph(DATA), _graph(SHAPES)
    reference = _pyshacl(data, shapes)
    ex = "https://example.org/t#"
    expected = {(ex + focus, SH + component + "ConstraintComponent") for focus, component in (
        ("one-name", "MinCount"), ("four-names", "MaxCount"), ("four-names", "MinCount"),
        ("wrong-employer", "Class"), ("both", "MaxCount"), ("odd-status", "In"),
        ("bad-date", "Datatype"), ("bad-date", "HasValue"))}
    assert reference == expected  # the planted violations, as the reference reads them
    assert _sparql(data, shapes) == reference


def test_reports_every_violation_from_ntriples_too() -> None:
    import pyoxigraph as ox

    from xborder.graph.oxterms import to_oxigraph

    data, shapes = _graph(DATA), _graph(SHAPES)
    ntriples = ox.serialize(to_oxigraph(data), format=ox.RdfFormat.N_TRIPLES)
    assert _sparql(ntriples, shapes) == _pyshacl(data, shapes)


@pytest.mark.parametrize("fragment", [
    "sh:property [ sh:path ex:name ; sh:pattern \"^A\" ]",
    "sh:property [ sh:path [ sh:zeroOrMorePath ex:knows ] ; sh:minCount 1 ]",
    "sh:property [ sh:path ex:name ; sh:minCount 99 ]",
    "sh:closed true",
], ids=["pattern", "zero-or-more-path", "huge-count", "closed"])
def test_what_it_does_not_translate_is_refused(fragment: str) -> None:
    shapes = _graph(PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass ex:Person ; {fragment} .")
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)


def test_targets_other_than_classes_and_sparql_are_refused() -> None:
    shapes = _graph(PREFIXES + "ex:S a sh:NodeShape ; sh:targetNode ex:x ; "
                               "sh:property [ sh:path ex:name ; sh:minCount 1 ] .")
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)


def test_the_shipped_shapes_compile() -> None:
    from xborder.ontology import SHAPES as SHIPPED
    from xborder.ontology import load

    checks = compile_shapes(load(SHIPPED))
    assert len(checks) > 50
    assert {c.target[0] for c in checks} == {"class", "select"}
