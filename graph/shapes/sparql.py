"""The ``oxigraph`` SHACL engine: the shapes compiled to SPARQL, answered by pyoxigraph.

Each constraint of ``ontology/shapes.ttl`` becomes one SELECT query over the data graph that
returns the focus nodes breaking it; the queries are built once per process and run over an
in-memory pyoxigraph store (loaded from N-Triples as a store hands them over, or from an rdflib
graph). A focus node breaks a constraint when (``?v`` ranges over its values on the path)::

    minCount n    fewer than n distinct ?v              maxCount n   more than n distinct ?v
    class C       a ?v with no type in C's subclass closure (in the data graph)
    datatype D    a ?v that is not a literal of D, or whose text does not cast to D (ill-typed)
    minLength n   a blank ?v, or one whose text is shorter than n
    in (…)        a ?v that is none of the listed terms
    hasValue v    no ?v is v
    or (…)        it meets none of the alternatives (each written as a condition on ?this)

Targets: ``sh:targetClass`` (instances of the class and of its subclasses in the data graph) and
SHACL-AF ``sh:SPARQLTarget`` (its SELECT, evaluated once as a sub-query). Paths: an IRI, a
sequence, an inverse or an alternative path. A shape that uses anything else raises
:class:`UnsupportedShape` when the shapes are compiled, never a silent pass; shapes with a
severity other than ``sh:Violation``, or ``sh:deactivated true``, are not checked, as the
violations are what a validation reports. ``tests/test_shapes_conformance.py`` requires this
engine to find exactly what pySHACL finds on graphs that plant every kind of violation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from xborder.graph.oxterms import to_ntriples

__all__ = ["Check", "UnsupportedShape", "compile_shapes", "run", "store_of", "typed_subjects"]

SH = "http://www.w3.org/ns/shacl#"
_S = {name: URIRef(SH + name) for name in (
    "targetClass", "target", "property", "or", "message", "path", "minCount", "maxCount",
    "class", "datatype", "minLength", "in", "hasValue", "select", "SPARQLTarget", "severity",
    "Violation", "deactivated", "inversePath", "alternativePath", "NodeShape", "PropertyShape",
    "name", "description", "order", "group", "prefixes")}
# what a shape may say besides its constraints
_QUIET = {RDF.type, _S["message"], _S["name"], _S["description"], _S["order"], _S["group"],
          _S["severity"], _S["deactivated"]}
_COMPONENTS = {"minCount", "maxCount", "class", "datatype", "minLength", "in", "hasValue"}
# datatypes whose lexical forms SPARQL can check with a cast (the value must cast to itself)
_CASTABLE = {XSD.date, XSD.dateTime, XSD.boolean, XSD.integer, XSD.decimal, XSD.double,
             XSD.float, XSD.string}


class UnsupportedShape(ValueError):
    """The shapes use a SHACL feature this engine does not translate (use pySHACL)."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape: the query selecting the focus nodes that break it."""

    component: str  # sh:…ConstraintComponent
    path: str  # as a validation report words it: an IRI, "(a b)", "^a"; "" for a node shape
    message: str
    target: tuple[str, str]  # ("class", IRI) or ("select", sub-query)
    where: str  # the pattern after the target that selects a breaking ?this …
    having: str  # … and, when it counts values, the test on the group
    # {class:?var:IRI} in a pattern marks "?var is an instance of IRI" (closure at run time)


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if node.language:
            return f'"{text}"@{node.language}'
        return f'"{text}"^^<{node.datatype or XSD.string}>'
    raise UnsupportedShape(f"a blank node cannot be a constant in a shape: {node!r}")


def _list(shapes: Graph, head: Node) -> list[Node]:
    out: list[Node] = []
    while head != RDF.nil:
        first = shapes.value(head, RDF.first)
        if first is None:
            raise UnsupportedShape(f"a malformed RDF list in the shapes at {head!r}")
        out.append(first)
        head = shapes.value(head, RDF.rest) or RDF.nil
    return out


class _Path:
    """A shape's ``sh:path`` as SPARQL triple patterns between two variables (a property path
    inside ``EXISTS`` is not joined on the bound focus node by every engine, so sequences are
    spelled out), and as the text a validation report gives."""

    def __init__(self, shapes: Graph, node: Node) -> None:
        self.text = self._text(shapes, node)
        self._node = node
        self._shapes = shapes

    @classmethod
    def _text(cls, shapes: Graph, node: Node) -> str:
        if isinstance(node, URIRef):
            return str(node)
        inverse = shapes.value(node, _S["inversePath"])
        if inverse is not None:
            return "^" + cls._text(shapes, inverse)
        alternative = shapes.value(node, _S["alternativePath"])
        if alternative is not None:
            return "[" + " | ".join(cls._text(shapes, n) for n in _list(shapes, alternative)) + "]"
        if shapes.value(node, RDF.first) is not None:
            return "(" + " ".join(cls._text(shapes, n) for n in _list(shapes, node)) + ")"
        raise UnsupportedShape(f"a path this engine does not translate: {node!r}")

    def pattern(self, subject: str, obj: str, tag: str) -> str:
        return self._pattern(self._node, subject, obj, tag)

    def _pattern(self, node: Node, subject: str, obj: str, tag: str) -> str:
        shapes = self._shapes
        if isinstance(node, URIRef):
            return f"{subject} <{node}> {obj} ."
        inverse = shapes.value(node, _S["inversePath"])
        if inverse is not None:
            return self._pattern(inverse, obj, subject, tag + "i")
        alternative = shapes.value(node, _S["alternativePath"])
        if alternative is not None:
            return " UNION ".join(f"{{ {self._pattern(n, subject, obj, f'{tag}a{i}')} }}"
                                  for i, n in enumerate(_list(shapes, alternative)))
        steps = _list(shapes, node)
        names = [subject] + [f"?{tag}s{i}" for i in range(1, len(steps))] + [obj]
        return " ".join(self._pattern(step, names[i], names[i + 1], f"{tag}s{i}")
                        for i, step in enumerate(steps))


def _distinct(path: _Path, n: int) -> str:
    """A pattern binding ``n`` distinct values of ``path`` from ``?this``."""
    names = [f"?v{i}" for i in range(n)]
    pattern = " ".join(path.pattern("?this", v, f"p{i}") for i, v in enumerate(names))
    tests = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:]]
    return pattern + (f" FILTER({' && '.join(tests)})" if tests else "")


def _count(value: Node, what: str, most: int = 8) -> int:
    """A constraint's integer; counts are small, as each value is one variable of a join."""
    number = value.toPython() if isinstance(value, Literal) else None
    if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= most:
        raise UnsupportedShape(f"sh:{what} must be an integer from 0 to {most}, not {value!r}")
    return number


def _condition(shapes: Graph, name: str, value: Node, path: _Path) -> tuple[str, str, str]:
    """One constraint in SPARQL, three ways: the condition a focus node ``?this`` meets when it
    satisfies it (for ``sh:or``), and the pattern and ``HAVING`` test that select the focus
    nodes breaking it (a positive join, grouped when it counts: a top-level query that every
    engine plans well, where a condition would need an ``EXISTS`` per focus node)."""
    each = path.pattern("?this", "?v", "p")  # each value ?v
    if name == "minCount":
        n = _count(value, name)
        if n == 0:
            return "true", "FILTER(false)", ""
        if n == 1:
            return f"EXISTS {{ {each} }}", f"FILTER NOT EXISTS {{ {each} }}", ""
        return (f"EXISTS {{ {_distinct(path, n)} }}", f"OPTIONAL {{ {each} }}",
                f"COUNT(DISTINCT ?v) < {n}")
    if name == "maxCount":
        n = _count(value, name)
        return (f"NOT EXISTS {{ {_distinct(path, n + 1)} }}", each, f"COUNT(DISTINCT ?v) > {n}")
    if name == "hasValue":
        has = path.pattern("?this", _term(value), "p")
        return f"EXISTS {{ {has} }}", f"FILTER NOT EXISTS {{ {has} }}", ""
    if name == "class":
        bad = f"FILTER NOT EXISTS {{ {{class:?v:{value}}} }}"
    elif name == "datatype":
        if not isinstance(value, URIRef):
            raise UnsupportedShape(f"sh:datatype must be an IRI, not {value!r}")
        test = f"!isLiteral(?v) || !sameTerm(datatype(?v), <{value}>)"
        if value in _CASTABLE:  # ill-typed: the lexical form does not cast to the value
            test += f" || !COALESCE(<{value}>(STR(?v)) = ?v, false)"
        bad = f"FILTER({test})"
    elif name == "minLength":
        n = _count(value, name, most=1 << 30)
        bad = f"FILTER(isBlank(?v) || STRLEN(STR(?v)) < {n})"
    elif name == "in":
        allowed = " || ".join(f"sameTerm(?v, {_term(t)})" for t in _list(shapes, value))
        bad = f"FILTER(!({allowed or 'false'}))"
    else:  # pragma: no cover - _constraints lets only the components above through
        raise UnsupportedShape(f"sh:{name} is not translated")
    return f"NOT EXISTS {{ {each} {bad} }}", f"{each} {bad}", ""


def _constraints(shapes: Graph, shape: Node, allowed: set[URIRef]) -> list[tuple[str, Node]]:
    out = []
    for predicate, value in shapes.predicate_objects(shape):
        if predicate in _QUIET or predicate in allowed:
            continue
        if not str(predicate).startswith(SH):
            continue
        name = str(predicate)[len(SH):]
        if name not in _COMPONENTS:
            raise UnsupportedShape(f"{shape}: sh:{name} is not translated by this engine")
        out.append((name, value))
    return sorted(out, key=lambda kv: (kv[0], str(kv[1])))


def _active(shapes: Graph, shape: Node) -> bool:
    severity = shapes.value(shape, _S["severity"])
    deactivated = shapes.value(shape, _S["deactivated"])
    return (severity in (None, _S["Violation"])
            and not (isinstance(deactivated, Literal) and deactivated.toPython() is True))


def _property_conditions(shapes: Graph, prop: Node
                         ) -> tuple[str, str, list[tuple[str, tuple[str, str, str]]]]:
    """A property shape: its path text, message and (component, its SPARQL) pairs."""
    path_node = shapes.value(prop, _S["path"])
    if path_node is None:
        raise UnsupportedShape(f"{prop}: a property shape without sh:path")
    path = _Path(shapes, path_node)
    message = str(shapes.value(prop, _S["message"]) or "")
    pairs = [(f"{SH}{name[0].upper()}{name[1:]}ConstraintComponent",
              _condition(shapes, name, value, path))
             for name, value in _constraints(shapes, prop, {_S["path"]})]
    return path.text, message, pairs


def _targets(shapes: Graph, shape: Node) -> list[tuple[str, str]]:
    out = [("class", str(c)) for c in shapes.objects(shape, _S["targetClass"])]
    for target in shapes.objects(shape, _S["target"]):
        select = shapes.value(target, _S["select"])
        if (target, RDF.type, _S["SPARQLTarget"]) not in shapes or select is None:
            raise UnsupportedShape(f"{shape}: only SPARQL targets (sh:select) are translated")
        if shapes.value(target, _S["prefixes"]) is not None:
            raise UnsupportedShape(f"{shape}: sh:prefixes in a target are not translated")
        out.append(("select", str(select)))
    for key in ("targetNode", "targetSubjectsOf", "targetObjectsOf"):
        if shapes.value(shape, URIRef(SH + key)) is not None:
            raise UnsupportedShape(f"{shape}: sh:{key} is not translated")
    return out


def compile_shapes(shapes: Graph) -> tuple[Check, ...]:
    """Every check of every node shape with a target (raises :class:`UnsupportedShape`)."""
    checks: list[Check] = []
    node_shapes = {s for s in shapes.subjects(RDF.type, _S["NodeShape"])}
    node_shapes |= {s for s in shapes.subjects(_S["targetClass"], None)}
    node_shapes |= {s for s in shapes.subjects(_S["target"], None)}
    for shape in sorted(node_shapes, key=str):
        targets = _targets(shapes, shape)
        if not targets or not _active(shapes, shape):
            continue
        node_message = str(shapes.value(shape, _S["message"]) or "")
        direct = _constraints(shapes, shape, {_S["targetClass"], _S["target"], _S["property"],
                                              _S["or"]})
        if direct:
            raise UnsupportedShape(f"{shape}: sh:{direct[0][0]} on a node shape is not "
                                   "translated")
        found: list[tuple[str, str, str, str, str]] = []  # component, path, message, where, having
        for prop in shapes.objects(shape, _S["property"]):
            if not _active(shapes, prop):
                continue
            text, message, pairs = _property_conditions(shapes, prop)
            found += [(component, text, message, where, having)
                      for component, (_ok, where, having) in pairs]
        for alternatives in shapes.objects(shape, _S["or"]):
            options = []
            for alternative in _list(shapes, alternatives):
                _text, _message, pairs = _property_conditions(shapes, alternative)
                options.append(" && ".join(f"({ok})" for _c, (ok, _w, _h) in pairs) or "true")
            either = " || ".join(f"({o})" for o in options) or "false"
            found.append((SH + "OrConstraintComponent", "", node_message, f"FILTER(!({either}))",
                          ""))
        checks += [Check(component, path, message, target, where, having)
                   for target in targets for component, path, message, where, having in found]
    return tuple(checks)


def store_of(data: Graph | bytes | Iterable[Any]) -> ox.Store:
    """An in-memory pyoxigraph store holding ``data``: N-Triples bytes or an rdflib graph
    (loaded in bulk, the graph written as N-Triples first: twice as fast as adding its triples
    one by one; blank nodes get new labels, which only the text of a result on one shows), or
    pyoxigraph triples (added as they are, labels kept)."""
    store = ox.Store()
    if isinstance(data, Graph):
        data = to_ntriples(data)
    if isinstance(data, bytes):
        store.load(data, format=ox.RdfFormat.N_TRIPLES)
        return store
    triples: Iterable[Any] = data
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return store


def typed_subjects(store: ox.Store, ignore: str) -> int:
    """How many subjects have a type other than only ``ignore``."""
    query = (f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?t . "
             f"FILTER NOT EXISTS {{ ?s a <{ignore}> }} }}")
    return int(next(iter(cast(Any, store.query(query))))[0].value)


def _closure(store: ox.Store, iri: str, cache: dict[str, list[str]]) -> list[str]:
    """``iri`` and its subclasses in the data graph."""
    if iri not in cache:
        subs = {iri} | {s[0].value for s in cast(Any, store.query(
            f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>+ <{iri}> }}"))
            if isinstance(s[0], ox.NamedNode)}
        cache[iri] = sorted(subs)
    return cache[iri]


def _typed(variable: str, iri: str, store: ox.Store, cache: dict[str, list[str]]) -> str:
    """A pattern: ``variable`` is an instance of ``iri`` or of one of its subclasses."""
    classes = _closure(store, iri, cache)
    return " UNION ".join(f"{{ {variable} a <{c}> }}" for c in classes)


def _expand(text: str, store: ox.Store, cache: dict[str, list[str]]) -> str:
    while "{class:" in text:
        start = text.index("{class:")
        end = text.index("}", start)
        variable, iri = text[start + 7:end].split(":", 1)
        text = text[:start] + _typed(variable, iri, store, cache) + text[end + 1:]
    return text


def _node_text(term: Any) -> str:
    from xborder.graph.oxterms import GENID

    value = str(term.value)
    if isinstance(term, ox.NamedNode) and value.startswith(GENID):
        return value[len(GENID):]  # a skolemised blank node: its label, as rdflib gives it
    return value


def run(checks: Iterable[Check], store: ox.Store) -> list[tuple[str, Check]]:
    """(focus node, check) for every focus node of ``store`` that breaks a check."""
    cache: dict[str, list[str]] = {}
    out: list[tuple[str, Check]] = []
    for check in checks:
        kind, target = check.target
        focus = _typed("?this", target, store, cache) if kind == "class" else f"{{ {target} }}"
        where = _expand(check.where, store, cache)
        query = (f"SELECT ?this WHERE {{ {focus} {where} }} GROUP BY ?this HAVING ({check.having})"
                 if check.having else f"SELECT DISTINCT ?this WHERE {{ {focus} {where} }}")
        out += [(_node_text(row[0]), check) for row in cast(Any, store.query(query))]
    return out
