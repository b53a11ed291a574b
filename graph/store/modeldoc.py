"""The compiled model as a publication's JSON document: what a replica reads instead of the model
from the version's N-Triples.

Reading the model from the N-Triples (:mod:`~xborder.graph.store.reader`) touches every triple
in Python — about 20 s for 10,000 organisations. The publisher has read that model already, to
check that the graph compiles (:func:`~xborder.graph.store.publish`); :func:`dump` writes it
beside the version as plain JSON and :func:`load` reads it back, in a tenth of the time. JSON and
not pickle: a replica reading a shared store decodes data only, it never runs what it reads.

The document is bound to what it was read from and to the code that reads it:

- ``version``: the content digest of the graph the publisher read the model from — the version
  the store's marker names; a replica refuses a document of another version;
- ``schema``: a digest of the model's classes (every field's name and type), so a replica
  running other model code refuses it and reads the N-Triples instead (:class:`Unreadable`).

Every class of :mod:`~xborder.graph.model` and :mod:`~xborder.graph.law` is written by one
rule: a dataclass as the list of its fields in order; a tuple, frozenset or list as a list; a
``dict[str, …]`` as an object; a date as its ISO text. A :class:`~xborder.graph.model.Source`
or :class:`~xborder.graph.model.Document` is written once, in a table, and referred to by its
place there, so the objects a model shares (one document cited by many rules) stay shared.
``tests/test_modeldoc.py`` checks that the model read back equals the model read from the
graph.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from collections.abc import Callable
from typing import Any

import orjson

from xborder.graph.dates import Interval
from xborder.graph.diskcache import gc_paused
from xborder.graph.law import LawModel
from xborder.graph.model import Document, Model, Source

__all__ = ["SCHEMA", "Unreadable", "dump", "load"]

_FORMAT = "xborder-model/1"
_SHARED = (Source, Document)  # written once each, in a table, referred to by index
Codec = Callable[[Any], Any]


class Unreadable(ValueError):
    """The document is not a model this code can read (another version, other model code,
    not the format). Never an answer's error: the caller reads the version's triples instead."""


def _same(value: Any) -> Any:
    return value


def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


def _classes() -> list[type]:
    """Every dataclass a model and a law reach, in a fixed order."""
    found: list[type] = []

    def visit(tp: Any) -> None:
        for arg in typing.get_args(tp):
            visit(arg)
        if dataclasses.is_dataclass(tp) and isinstance(tp, type) and tp not in found:
            found.append(tp)
            for _name, hint in _hints(tp):
                visit(hint)

    visit(Model)
    visit(LawModel)
    return found


#: The model's shape: a digest of every class's fields (name and type), as this code has them.
SCHEMA = hashlib.sha256(repr([(c.__qualname__, [(n, repr(h)) for n, h in _hints(c)])
                              for c in _classes()]).encode()).hexdigest()[:16]


def _optional(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else None."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
        raise TypeError(f"no rule for the union {tp!r}")
    return None


class _Codecs:
    """One codec per type, made once: the rule for each kind of type is the same both ways;
    what a kind becomes is the direction's (:class:`_Writer`, :class:`_Reader`)."""

    def __init__(self) -> None:
        self._codecs: dict[Any, Codec] = {}

    def codec(self, tp: Any) -> Codec:
        found = self._codecs.get(tp)
        if found is None:
            found = self._codecs[tp] = self._make(tp)
        return found

    def _make(self, tp: Any) -> Codec:
        inner = _optional(tp)
        if inner is not None:
            return self._maybe(self.codec(inner))
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (tuple, frozenset, list):
            return self._sequence(origin, self.codec(args[0]))
        if origin is dict and args[0] is str:
            value = self.codec(args[1])
            return lambda v: {k: value(x) for k, x in v.items()}
        if tp is dt.date:
            return self._date()
        if tp in (str, bool, int):
            return _same
        if dataclasses.is_dataclass(tp) and isinstance(tp, type):
            return self._dataclass(tp, shared=tp in _SHARED)
        raise TypeError(f"no rule for {tp!r}")

    def _maybe(self, inner: Codec) -> Codec:
        return _same if inner is _same else (lambda v: None if v is None else inner(v))

    def _sequence(self, origin: type, item: Codec) -> Codec:
        raise NotImplementedError

    def _date(self) -> Codec:
        raise NotImplementedError

    def _dataclass(self, cls: type, *, shared: bool) -> Codec:
        raise NotImplementedError


class _Writer(_Codecs):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[type, list[Any]] = {cls: [] for cls in _SHARED}
        self._index: dict[int, int] = {}  # id → row (the model written keeps every object alive)

    def _sequence(self, origin: type, item: Codec) -> Codec:
        if origin is frozenset:
            return lambda v: sorted(item(x) for x in v)
        return lambda v: [item(x) for x in v]

    def _date(self) -> Codec:
        return lambda v: v.isoformat()

    def _dataclass(self, cls: type, *, shared: bool) -> Codec:
        fields = [(name, self.codec(hint)) for name, hint in _hints(cls)]

        def whole(v: Any) -> list[Any]:
            return [enc(getattr(v, name)) for name, enc in fields]

        if not shared:
            return whole
        table = self.tables[cls]

        def indexed(v: Any) -> int:
            at = self._index.get(id(v))
            if at is None:
                at = self._index[id(v)] = len(table)
                table.append(whole(v))
            return at

        return indexed


class _Reader(_Codecs):
    def __init__(self, tables: dict[str, list[Any]]) -> None:
        super().__init__()
        self.tables: dict[type, list[Any]] = {}
        for cls in _SHARED:  # neither refers to the other: read each table whole, first
            whole = self._dataclass(cls, shared=False)
            self.tables[cls] = [whole(row) for row in tables[cls.__name__]]

    def _sequence(self, origin: type, item: Codec) -> Codec:
        if item is _same:
            return origin
        return lambda v: origin(item(x) for x in v)

    def _date(self) -> Codec:
        return dt.date.fromisoformat

    def _dataclass(self, cls: type, *, shared: bool) -> Codec:
        if shared:
            return self.tables[cls].__getitem__
        if cls is Interval:  # the commonest object: its two dates read directly
            iso = dt.date.fromisoformat
            return lambda v: Interval(v[0] and iso(v[0]), v[1] and iso(v[1]))
        converting = [(i, dec) for i, (_n, hint) in enumerate(_hints(cls))
                      if (dec := self.codec(hint)) is not _same]

        def read(v: list[Any]) -> Any:
            for i, dec in converting:
                v[i] = dec(v[i])
            return cls(*v)

        return read


def dump(model: Model, law: LawModel, *, version: str, triples: int) -> bytes:
    """The document of ``model`` and ``law``, read from the graph whose content digest is
    ``version`` and which holds ``triples`` triples."""
    writer = _Writer()
    body = {"model": writer.codec(Model)(model), "law": writer.codec(LawModel)(law)}
    head = {"format": _FORMAT, "schema": SCHEMA, "version": version, "triples": triples,
            "tables": {cls.__name__: writer.tables[cls] for cls in _SHARED}}
    return orjson.dumps({**head, **body})


def load(data: bytes, *, version: str) -> tuple[Model, LawModel, int]:
    """The model, the law and the number of triples of the document ``data``, which must be
    of ``version`` and of this code's model (raises :class:`Unreadable`)."""
    with gc_paused():
        return _load(data, version)


def _load(data: bytes, version: str) -> tuple[Model, LawModel, int]:
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise Unreadable(f"the model document is not JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != _FORMAT:
        raise Unreadable("the model document is not in the format this code reads")
    if doc.get("schema") != SCHEMA:
        raise Unreadable("the model document was written by other model code")
    if doc.get("version") != version:
        raise Unreadable(f"the model document is of version {doc.get('version')}, "
                         f"not {version}")
    try:
        reader = _Reader(doc["tables"])
        return reader.codec(Model)(doc["model"]), reader.codec(LawModel)(doc["law"]), \
            int(doc["triples"])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise Unreadable(f"the model document is damaged: {type(exc).__name__}: {exc}") \
            from None
