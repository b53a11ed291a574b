"""The lean reader (:mod:`xborder.graph.store.reader`) reads the same model and transfer law
from a pyoxigraph store as :func:`read_model` / :func:`read_law` read from the rdflib graph."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from xborder.graph.build import DEFAULT_KB_DIR, build_graph
from xborder.graph.model import Model
from xborder.graph.read import read_law, read_model
from xborder.graph.store import to_oxigraph
from xborder.graph.store.reader import NodeTable, read_models


def _normal(model: Model) -> Model:
    """Lists whose order is the graph's iteration order, sorted (the core sorts them too).
    ``read_model`` sorts a rule's readings by their text only, so readings of one text keep the
    graph's order: sorted here by every field."""
    model.aliases.sort(key=repr)
    for table in (model.memberships, model.applications):
        for items in table.values():
            items.sort(key=repr)
    for org in model.organisations.values():
        org.rules = [replace(r, readings=tuple(sorted(r.readings, key=repr))) for r in org.rules]
    return model


@pytest.fixture(scope="module")
def both() -> tuple[Any, Any]:
    graph = build_graph([DEFAULT_KB_DIR])
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                      for t in to_oxigraph(graph))
    model = read_model(graph)
    lean_model, lean_law, count = read_models(store)
    assert count == len(graph)
    return (model, read_law(graph, model.sources)), (lean_model, lean_law)


def test_same_model(both: tuple[Any, Any]) -> None:
    (model, _law), (lean, _lean_law) = both
    assert model.organisations and model.jurisdictions  # not two empty readings
    a, b = _normal(model), _normal(lean)
    for name in ("jurisdictions", "memberships", "applications", "aliases", "entities",
                 "sources"):
        assert getattr(a, name) == getattr(b, name), name
    assert a.organisations.keys() == b.organisations.keys()
    for org_id, org in a.organisations.items():
        assert org == b.organisations[org_id], org_id


def test_same_law(both: tuple[Any, Any]) -> None:
    (_model, law), (_lean, lean_law) = both
    assert law.regimes and law.adequacy
    assert law == lean_law


def test_node_table_answers_like_rdflib() -> None:
    s, p, q = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:q")
    b = BNode("b1")
    table = NodeTable([(s, p, Literal("x")), (s, p, Literal("x")), (s, p, b), (b, q, s)])
    assert len(table) == 3  # the repeated triple counts once
    assert table.value(s, p) == Literal("x") and table.value(s, q) is None
    assert list(table.objects(s, p)) == [Literal("x"), b]
    assert list(table.subjects(p, None)) == [s] and list(table.subjects(q, s)) == [BNode("b1")]
    assert (b, q, s) in table and (s, q, b) not in table
    assert list(table.objects(URIRef("urn:none"), p)) == []
    assert len(table) == 3  # look-ups of missing keys insert nothing


def _ntriples(graph: Any) -> bytes:
    return ox.serialize(to_oxigraph(graph), format=ox.RdfFormat.N_TRIPLES)


def test_a_stores_ntriples_and_any_other_layout_read_the_same(both: tuple[Any, Any]) -> None:
    """The one-triple-a-line fast path and pyoxigraph's parser give the same model."""
    from xborder.graph.store.reader import _canonical, read_models_nt

    graph = build_graph([DEFAULT_KB_DIR])
    data = _ntriples(graph)
    assert _canonical(data) is not None  # a store's layout: the fast path
    other = b"# written by hand\n" + data.replace(b"> <", b">\t<", 50)
    assert _canonical(other) is None  # a comment, tabs: the general parser
    (model, law), _lean = both
    for text in (data, other):
        lean_model, lean_law, count = read_models_nt(text)
        assert count == len(graph)
        assert _normal(lean_model).organisations == _normal(model).organisations
        assert lean_law == law


def test_terms_with_escapes_are_read_by_pyoxigraph() -> None:
    from xborder.graph.store.reader import _nt_triples

    graph_text = (
        '<urn:s> <urn:p> "say \\"hi\\"\\n\\u00e9t\\u00E9" .\n'
        '<urn:s> <urn:p> "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
        '<urn:s> <urn:p> "Zürich"@de .\n'
        '<urn:s> <urn:p> <urn:caf\\u00E9> .\n'
        '_:b1 <urn:p> <urn:s> .\n'
        '<urn:s> <urn:p> "say \\"hi\\"\\n\\u00e9t\\u00E9" .\n')
    triples = list(_nt_triples(graph_text.encode()))
    objects = [o for _s, _p, o in triples]
    assert objects == [Literal('say "hi"\nété'),
                       Literal("2020-01-01", datatype=URIRef(
                           "http://www.w3.org/2001/XMLSchema#date")),
                       Literal("Zürich", lang="de"), URIRef("urn:café"), URIRef("urn:s")]
    assert triples[4][0] == BNode("b1")  # a repeated line counts once
