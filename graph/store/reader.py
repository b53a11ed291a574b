"""A lean reader: the same :class:`~xborder.graph.model.Model` and
:class:`~xborder.graph.law.LawModel` read from a pyoxigraph store, without an rdflib graph.

:func:`read_models` asks the store one SPARQL question (every triple of the default graph) and
keeps the answer as two plain indexes — subject → predicate → objects, and (predicate, object)
→ subjects. :class:`NodeTable` offers over them the four look-ups the model readers use
(``value``, ``objects``, ``subjects``, ``in``), so :func:`~xborder.graph.model.read_model` and
:func:`~xborder.graph.law.read_law` run unchanged: one reading of the graph, one set of
dataclasses. What it saves is rdflib's triple store (three nested indexes of every triple plus
its context bookkeeping), which is most of a served process's memory and of loading from a
store. ``tests/test_reader.py`` checks that both ways read the shipped knowledge base the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from xborder.graph.oxterms import ToRdflib
from xborder.graph.store.base import StoreError

if TYPE_CHECKING:
    from xborder.graph.law import LawModel
    from xborder.graph.model import Model

__all__ = ["NodeTable", "open_read_only", "read_models", "read_models_nt"]

_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


class NodeTable:
    """Triples indexed by subject, with the read-only part of rdflib's ``Graph`` API that the
    model readers use. The index by (predicate, object) is built for a predicate the first time
    it is asked about (the readers ask about two: ``rdf:type`` and ``xb:code``), in one pass."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]], *,
                 distinct: bool = False) -> None:
        """``distinct``: the triples are known to be distinct (a store's dump), so a repeat
        need not be looked for."""
        spo: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        count = 0
        for s, p, o in triples:
            objects = spo[s][p]
            if not distinct and o in objects:
                continue
            objects.append(o)
            count += 1
        self._count = count
        # plain dicts from here on: a look-up of a missing key must not insert it
        self._spo: dict[Node, dict[Node, list[Node]]] = {s: dict(po) for s, po in spo.items()}
        self._pos: dict[Node, dict[Node, list[Node]]] = {}  # predicate → object → subjects
        self._by_p: dict[Node, list[Node]] = {}  # predicate → subjects

    def _by_object(self, predicate: Node) -> dict[Node, list[Node]]:
        index = self._pos.get(predicate)
        if index is None:
            index = {}
            for s, po in self._spo.items():
                for o in po.get(predicate, ()):
                    index.setdefault(o, []).append(s)
            self._pos[predicate] = index
        return index

    def __len__(self) -> int:
        return self._count

    def value(self, subject: Node | None = None, predicate: Node | None = None) -> Node | None:
        if subject is None or predicate is None:
            raise ValueError("NodeTable.value needs a subject and a predicate")
        objects = self._spo.get(subject, {}).get(predicate)
        return objects[0] if objects else None

    def objects(self, subject: Node | None = None,
                predicate: Node | None = None) -> Iterator[Node]:
        if subject is None or predicate is None:
            raise ValueError("NodeTable.objects needs a subject and a predicate")
        return iter(self._spo.get(subject, {}).get(predicate, ()))

    def subjects(self, predicate: Node | None = None,
                 object: Node | None = None) -> Iterator[Node]:  # rdflib names it so
        if predicate is None:
            raise ValueError("NodeTable.subjects needs a predicate")
        if object is None:
            found = self._by_p.get(predicate)
            if found is None:
                found = self._by_p[predicate] = [s for s, po in self._spo.items()
                                                 if predicate in po]
            return iter(found)
        return iter(self._by_object(predicate).get(object, ()))

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        s, p, o = triple
        return o in self._spo.get(s, {}).get(p, ())


def _triples(store: ox.Store) -> Iterator[tuple[Node, Node, Node]]:
    conv = ToRdflib()
    for solution in cast(Any, store.query(_ALL)):
        yield conv(solution[0]), conv(solution[1]), conv(solution[2])


def read_models(store: ox.Store) -> tuple[Model, LawModel, int]:
    """The model and the transfer law of the knowledge base in ``store`` (default graph), and
    the number of triples read."""
    return _read(NodeTable(_triples(store)))


def _terms(texts: Iterable[str]) -> dict[str, Node]:
    """rdflib terms from N-Triples term texts, each made once. IRIs and blank nodes are read
    here; literals, and IRIs with an escape, go to pyoxigraph's parser, all in one document,
    so no escaping rule is re-implemented."""
    terms: dict[str, Node] = {}
    hard = []
    for text in texts:
        if text[0] == "<" and "\\" not in text:
            terms[text] = URIRef(text[1:-1])
        elif text[:2] == "_:":
            terms[text] = BNode(text[2:])
        else:
            hard.append(text)
    if hard:
        conv = ToRdflib()
        document = "".join(f"<x:{i}> <x:p> {text} .\n" for i, text in enumerate(hard))
        for quad in ox.parse(document.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            terms[hard[int(quad.subject.value[2:])]] = conv(quad.object)
    return terms


def _canonical(data: bytes) -> list[tuple[str, str, str]] | None:
    """The triples of N-Triples written one per line as ``S P O .`` with single spaces (what a
    store's dump writes), as term texts, duplicates dropped; None for any other layout."""
    rows = []
    for line in dict.fromkeys(data.decode("utf-8").split("\n")):  # in order: the model keeps it
        if not line:
            continue
        parts = line.split(" ", 2)
        if (len(parts) != 3 or not line.endswith(" .") or parts[0][:1] not in ("<", "_")
                or parts[1][:1] != "<" or parts[2][:1] not in ("<", "_", '"')):
            return None
        rows.append((parts[0], parts[1], parts[2][:-2]))
    return rows


def _rows(rows: list[tuple[str, str, str]]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of a store's dump (:func:`_canonical`), distinct."""
    term = _terms(dict.fromkeys(text for row in rows for text in row))
    for s, p, o in rows:
        yield term[s], term[p], term[o]


def _parsed(data: bytes) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of any N-Triples document, by pyoxigraph's parser (repeats possible)."""
    conv = ToRdflib()
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        yield conv(t.subject), conv(t.predicate), conv(t.object)


def _nt_triples(data: bytes) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of any N-Triples document: a store's layout split, anything else parsed."""
    rows = _canonical(data)
    return _rows(rows) if rows is not None else _parsed(data)


def _read(table: NodeTable) -> tuple[Model, LawModel, int]:
    from xborder.graph.read import read_law, read_model

    graph = cast(Graph, table)  # the readers use only NodeTable's part of Graph
    model = read_model(graph)
    return model, read_law(graph, model.sources), len(table)


def read_models_nt(data: bytes) -> tuple[Model, LawModel, int]:
    """The same, from a version's N-Triples (what :meth:`OxigraphStore.read` hands over). A
    store's dump — one triple a line — is split into term texts and each distinct text made an
    rdflib term once; anything else goes through pyoxigraph's parser."""
    rows = _canonical(data)  # read once: it decides the path and whether repeats can occur
    if rows is None:
        return _read(NodeTable(_parsed(data)))
    return _read(NodeTable(_rows(rows), distinct=True))


def open_read_only(path: Path) -> ox.Store:
    """One published version of an :class:`~xborder.graph.store.OxigraphStore`, read-only."""
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
