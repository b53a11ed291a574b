"""The compiled model's document (``graph/store/modeldoc.py``): what a publisher writes beside a
version and a replica reads instead of the model from the triples. It must read back the very
model the graph reads to, refuse what is not its own (another version, other model code, damage)
so the replica falls back to the triples, and never stand in for the SHACL check."""

from __future__ import annotations

import copy
import json

import pytest

from bench.synth import synthetic_dirs
from tests.test_reader import _normal
from tests.test_store import broken
from xborder.graph.build import build_graph
from xborder.graph.errors import ValidationFailed
from xborder.graph.store import OxigraphStore, modeldoc, prepare_snapshot, publish
from xborder.graph.store import reader as lean_reader
from xborder.graph.store.reader import read_models_nt


def test_the_shipped_model_reads_back_equal_and_shares_what_the_graph_shares(kb):
    data = modeldoc.dump(kb.model, kb.law, version=kb.version, triples=len(kb.graph))
    model, law, triples = modeldoc.load(data, version=kb.version)
    assert model == kb.model and law == kb.law and triples == len(kb.graph)
    huawei = model.organisations["huawei"]
    cited = {id(rule.citation.document) for rule in huawei.rules}
    assert cited <= {id(doc) for doc in huawei.documents.values()}  # one object, not copies
    assert len({id(m.source) for ms in model.memberships.values() for m in ms}) == \
        len({m.source for ms in model.memberships.values() for m in ms})


def test_a_synthetic_model_reads_back_as_the_lean_reader_reads_its_triples(tmp_path):
    graph = build_graph(synthetic_dirs(30, tmp_path / "yaml"))
    nt = graph.serialize(format="nt", encoding="utf-8")
    model, law, triples = read_models_nt(nt)
    data = modeldoc.dump(model, law, version="v", triples=triples)
    assert modeldoc.load(data, version="v") == (model, law, triples)
    assert len(model.organisations) == 30 and triples == len(graph)


@pytest.mark.parametrize("spoil, reason", [
    (lambda d: {**d, "version": "other"}, "of version other"),
    (lambda d: {**d, "schema": "0" * 16}, "other model code"),
    (lambda d: {**d, "format": "something/9"}, "not in the format"),
    (lambda d: {**d, "tables": {}}, "damaged: KeyError"),
    (lambda d: {**d, "model": d["model"][:3]}, "damaged: IndexError"),
])
def test_a_document_not_of_this_version_or_code_is_refused(kb, spoil, reason):
    doc = json.loads(modeldoc.dump(kb.model, kb.law, version="v", triples=1))
    with pytest.raises(modeldoc.Unreadable, match=reason):
        modeldoc.load(json.dumps(spoil(doc)).encode(), version="v")
    with pytest.raises(modeldoc.Unreadable, match="not JSON"):
        modeldoc.load(b"{\"format\": ", version="v")


def test_a_replica_reads_the_published_model_instead_of_the_triples(tmp_path, kb, monkeypatch):
    store = OxigraphStore(tmp_path)
    publish(store, kb.graph, validate="model")
    marker = json.loads((tmp_path / "CURRENT").read_text())
    assert (tmp_path / "versions" / marker["model"]).is_file()
    snap = store.read()
    assert snap.model is not None

    def refuse(data: bytes) -> None:
        raise AssertionError("the triples were read although the model was published")

    monkeypatch.setattr(lean_reader, "read_models_nt", refuse)
    served = prepare_snapshot(snap, validate="model", probe=1)
    assert served.model == kb.model and served.version == kb.version
    assert served.describe()["triples"] == len(kb.graph)
    for code in ("RE", "JP", "GB"):
        assert served.resolve(code, "cloud", at="2016-10-01", org="huawei").to_dict() == \
            kb.resolve(code, "cloud", at="2016-10-01", org="huawei").to_dict()


def test_a_document_of_another_version_falls_back_to_the_triples(tmp_path, kb, monkeypatch):
    store = OxigraphStore(tmp_path)
    store.write(kb.graph, kb.version,
                model=modeldoc.dump(kb.model, kb.law, version="stale", triples=1))
    read: list[int] = []
    monkeypatch.setattr(lean_reader, "read_models_nt",
                        lambda data: read.append(1) or read_models_nt(data))
    served = prepare_snapshot(store.read(), validate="model", probe=0)
    assert read == [1]  # the triples, read as the lean reader reads them (in their order)
    assert _normal(copy.deepcopy(served.model)) == _normal(copy.deepcopy(kb.model))


def test_a_published_model_never_skips_the_shapes(tmp_path, kb):
    """A foreign writer's broken graph with a model document that reads: still refused."""
    store = OxigraphStore(tmp_path)
    store.write(broken(kb.graph), "broken",
                model=modeldoc.dump(kb.model, kb.law, version="broken", triples=1))
    with pytest.raises(ValidationFailed, match="exactly one legal entity"):
        prepare_snapshot(store.read(), validate="shapes", probe=0)


def test_old_versions_take_their_model_documents_with_them(tmp_path, kb):
    store = OxigraphStore(tmp_path, keep=1)
    doc = modeldoc.dump(kb.model, kb.law, version="v", triples=1)
    for n in range(3):
        store.write(kb.graph, f"v{n}", model=doc)
    left = sorted(p.name.split("-")[0] + p.suffix for p in (tmp_path / "versions").iterdir())
    assert left == ["v2", "v2.json", "v2.nt"]


def test_a_restart_on_checked_ntriples_does_not_check_them_again(tmp_path, kb, monkeypatch):
    """The shapes passed once on these bytes with this code: a restart skips the check (a
    failed check is never remembered, and other bytes are checked)."""
    from xborder.graph import compiled, shapes

    monkeypatch.setattr(compiled, "cache_dir", lambda: tmp_path / "cache")
    store = OxigraphStore(tmp_path / "store")
    publish(store, kb.graph, validate="model")
    runs: list[int] = []
    real = shapes.validate_graph

    def counted(data: object, *args: object, **kwargs: object) -> int:
        runs.append(1)
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shapes, "validate_graph", counted)
    for _ in range(2):
        assert prepare_snapshot(store.read(), validate="shapes", probe=0).model == kb.model
    assert runs == [1]
    bad = OxigraphStore(tmp_path / "bad")
    bad.write(broken(kb.graph), "broken")
    for _ in range(2):
        with pytest.raises(ValidationFailed):
            prepare_snapshot(bad.read(), validate="shapes", probe=0)
    assert runs == [1, 1, 1]
