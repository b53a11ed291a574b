"""The fast SHACL engines find exactly what the reference engine (pySHACL) finds.

Each file in ``tests/shapes/`` exercises one shape of ``ontology/shapes.ttl``: valid nodes beside
nodes that each break one constraint, listed in the file's ``# violation: focus path component``
comments. Every engine must report exactly the planted violations — pySHACL as the shipped
configuration always ran it (the vocabulary mixed in), the fast engines (``oxigraph``: the shapes
compiled to SPARQL; ``turbo``: pyshacl-turbo) as they run by default, from an rdflib graph and,
for ``oxigraph``, from the N-Triples a store hands over.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from xborder.graph.shapes import Violation, violations

HERE = Path(__file__).parent / "shapes"
CONTEXT = HERE / "_context.ttl"
CASES = sorted(p for p in HERE.glob("*.ttl") if p != CONTEXT)
SH = "http://www.w3.org/ns/shacl#"

pytest.importorskip("pyshacl_turbo")


def _graph(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def _short(graph: Graph, text: str) -> str:
    for prefix, ns in graph.namespaces():
        if prefix and text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text


def _key(graph: Graph, v: Violation) -> tuple[str, str, str]:
    path = " ".join(_short(graph, step) for step in v.path.strip("()").split()) or "-"
    if v.path.startswith("("):
        path = f"({path})"
    component = v.component.removeprefix(SH).removesuffix("ConstraintComponent")
    return _short(graph, v.focus), path, component


def _planted(path: Path) -> set[tuple[str, str, str]]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# violation:"):
            focus, rest = line.removeprefix("# violation:").split(maxsplit=1)
            steps, component = rest.rsplit(maxsplit=1)
            out.add((focus, steps, component))
    return out


def _ntriples(graph: Graph) -> bytes:
    import pyoxigraph as ox

    from xborder.graph.oxterms import to_oxigraph

    return ox.serialize(to_oxigraph(graph), format=ox.RdfFormat.N_TRIPLES)


def test_context_is_valid_for_every_engine() -> None:
    graph = _graph(CONTEXT)
    assert violations(graph, "pyshacl", ontology=True) == []
    assert violations(graph, "turbo") == []
    assert violations(graph, "oxigraph") == []
    assert violations(_ntriples(graph), "oxigraph") == []


def test_every_shape_has_a_test_graph() -> None:
    from xborder.ontology import SHAPES

    shapes = _graph(SHAPES)
    named = {_short(shapes, str(s)).split(":", 1)[1]
             for s in shapes.subjects(predicate=None, object=None) if "shapes#" in str(s)}
    covered = {line.split()[1].removeprefix("xbs:").rstrip(".:") for p in CASES
               for line in p.read_text(encoding="utf-8").splitlines()
               if line.startswith("# xbs:")}
    assert named <= covered, f"shapes without a test graph in tests/shapes: {named - covered}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_engines_find_the_planted_violations(case: Path) -> None:
    graph = _graph(CONTEXT, case)
    planted = _planted(case)
    assert planted, f"{case.name} plants no violation"
    reference = {_key(graph, v) for v in violations(graph, "pyshacl", ontology=True)}
    assert reference == planted, \
        f"pyshacl: missing {planted - reference}, extra {reference - planted}"
    for name, data in (("turbo", graph), ("oxigraph", graph), ("oxigraph", _ntriples(graph))):
        fast = {_key(graph, v) for v in violations(data, name)}
        assert fast == reference, f"{name}: missing {reference - fast}, extra {fast - reference}"
