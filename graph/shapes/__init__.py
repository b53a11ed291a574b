"""SHACL validation of a knowledge-base graph (shapes in ``ontology/shapes.ttl``).

Three engines read the same shapes:

* ``oxigraph`` — the default: each constraint compiled once per process to a SPARQL query
  (:mod:`xborder.graph.shapes.sparql`) and answered by pyoxigraph over the data as N-Triples or
  an rdflib graph. A replica checks the N-Triples its store hands over without parsing an rdflib
  graph at all.
* ``turbo`` — pyshacl-turbo (SHACL in Rust, pySHACL's API), compiled once per process.
* ``pyshacl`` — the reference implementation, kept as the conformance check: the test suite
  (``tests/test_shapes_conformance.py``) runs every engine on graphs that plant every kind of
  violation the shapes describe and requires the same violations from each.

``XBORDER_SHACL=turbo|pyshacl`` picks another engine. The vocabulary's subclass axioms are only
mixed into the data graph (pySHACL's ``ont_graph``) when a shape's ``sh:class`` names a class that
has subclasses in the vocabulary; none does today.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from xborder.graph.errors import ValidationFailed
from xborder.graph.vocab import RDF, XB

__all__ = ["ENGINES", "Violation", "default_engine", "validate_graph", "violations"]

SH = "http://www.w3.org/ns/shacl#"
ENGINES = ("oxigraph", "turbo", "pyshacl")
_lock = threading.Lock()


@dataclass(frozen=True, order=True)
class Violation:
    """One result of a validation report, in terms both engines agree on."""

    focus: str
    path: str
    component: str
    message: str = field(default="", compare=False)  # the engines word their own messages

    def __str__(self) -> str:
        return f"{self.focus}: {self.path} {self.message}".strip()


def default_engine() -> str:
    """``XBORDER_SHACL`` when it names an engine, else ``oxigraph``."""
    wanted = os.environ.get("XBORDER_SHACL", "").strip().lower()
    return wanted if wanted in ENGINES else "oxigraph"


@cache
def _shapes() -> Graph:
    from xborder.ontology import SHAPES, load

    return load(SHAPES)


@cache
def _vocabulary() -> Graph:
    from xborder.ontology import VOCABULARY, load

    return load(VOCABULARY)


@cache
def _needs_ontology() -> bool:
    """Whether any ``sh:class`` of the shapes has a subclass in the vocabulary (then sh:class
    needs the vocabulary's ``rdfs:subClassOf`` links to see instances of the subclass)."""
    vocabulary = _vocabulary()
    return any((None, RDFS.subClassOf, cls) in vocabulary
               for cls in _shapes().objects(None, URIRef(SH + "class")))


@cache
def _checks() -> tuple[Any, ...]:
    from xborder.graph.shapes.sparql import compile_shapes

    return compile_shapes(_shapes())


@cache
def _compiled() -> Any:
    import pyshacl_turbo

    return pyshacl_turbo.compile_shapes(_shapes(), advanced=True)  # type: ignore[no-untyped-call]


def _sparql(data: Graph | bytes, ontology: bool) -> tuple[list[Violation], Any]:
    import pyoxigraph as ox

    from xborder.graph.shapes.sparql import run, store_of

    with _lock:  # build the queries once, in one thread
        checks = _checks()
    store = store_of(data)
    if ontology:
        store.load(_vocabulary().serialize(format="nt", encoding="utf-8"),
                   format=ox.RdfFormat.N_TRIPLES)
    found = sorted({Violation(focus, check.path, check.component, check.message)
                    for focus, check in run(checks, store)})
    return found, store


def _graph(data: Graph | bytes) -> Graph:
    if isinstance(data, Graph):
        return data
    import pyoxigraph as ox

    from xborder.graph.oxterms import from_oxigraph

    return from_oxigraph(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def _run(graph: Graph, engine: str, ontology: bool | None) -> tuple[bool, Graph]:
    use_ontology = _needs_ontology() if ontology is None else ontology
    if engine == "pyshacl":
        import pyshacl

        conforms, report, _text = pyshacl.validate(
            graph, shacl_graph=_shapes(), ont_graph=_vocabulary() if use_ontology else None,
            inference="none", allow_warnings=True, advanced=True)
        return bool(conforms), report
    if engine != "turbo":
        raise ValueError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    import pyshacl_turbo

    with _lock:  # compile the shapes once, in one thread
        compiled = _compiled()
    if use_ontology:
        conforms, report, _text = pyshacl_turbo.validate(
            graph, shacl_graph=_shapes(), ont_graph=_vocabulary(), inference="none",
            allow_warnings=True, advanced=True)
    else:
        conforms, report, _text = compiled.validate(graph, allow_warnings=True)
    return bool(conforms), report


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def _path(report: Graph, node: Node | None) -> str:
    """A result path as text: an IRI, or ``(IRI IRI …)`` for a sequence path."""
    if node is None or isinstance(node, URIRef):
        return _text(node)
    inverse = report.value(node, URIRef(SH + "inversePath"))
    if inverse is not None:
        return "^" + _path(report, inverse)
    steps = []
    while node is not None and node != RDF.nil:
        steps.append(_path(report, report.value(node, RDF.first)))
        node = report.value(node, RDF.rest)
    return "(" + " ".join(steps) + ")"


def violations(graph: Graph | bytes, engine: str | None = None, *,
               ontology: bool | None = None) -> list[Violation]:
    """Every violation of the shapes in ``graph`` — an rdflib graph or N-Triples — (sorted;
    empty when it conforms).

    ``ontology``: mix the vocabulary in (``True``), not (``False``), or only when a shape needs
    it (``None``, the default)."""
    engine = engine or default_engine()
    if engine == "oxigraph":
        return _sparql(graph, _needs_ontology() if ontology is None else ontology)[0]
    conforms, report = _run(_graph(graph), engine, ontology)
    if conforms:
        return []
    out = set()
    for result in report.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        severity = report.value(result, URIRef(SH + "resultSeverity"))
        if severity is not None and severity != URIRef(SH + "Violation"):
            continue
        out.add(Violation(
            _text(report.value(result, URIRef(SH + "focusNode"))),
            _path(report, report.value(result, URIRef(SH + "resultPath"))),
            _text(report.value(result, URIRef(SH + "sourceConstraintComponent"))),
            _text(report.value(result, URIRef(SH + "resultMessage")))))
    return sorted(out)


def validate_graph(graph: Graph | bytes, engine: str | None = None, *,
                   count: bool = True) -> int:
    """Check ``graph`` (an rdflib graph or N-Triples) against the shapes; raise
    :class:`ValidationFailed` listing every violation. Returns the number of typed subjects
    checked (aliases of places left out), or 0 without ``count`` (a replica does not ask: at
    10,000 organisations counting takes as long as a tenth of the check)."""
    engine = engine or default_engine()
    store = None
    if engine == "oxigraph":
        found, store = _sparql(graph, _needs_ontology())
    else:
        graph = _graph(graph)  # the other engines read an rdflib graph: parse it once
        found = violations(graph, engine)
    if found:
        texts = sorted(str(v) for v in found)
        raise ValidationFailed(
            f"the knowledge base breaks {len(texts)} constraint(s): "
            + "; ".join(texts[:5]) + (" …" if len(texts) > 5 else ""),
            texts,
        )
    if not count:
        return 0
    if store is not None:
        from xborder.graph.shapes.sparql import typed_subjects

        return typed_subjects(store, str(XB.Alias))
    assert isinstance(graph, Graph)
    return len(set(graph.subjects(RDF.type, None))) - len(set(graph.subjects(RDF.type, XB.Alias)))
