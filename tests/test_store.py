"""Storage backends without a server: settings, RDF term round trips, the on-disk Oxigraph store
(atomic publication, crash half-way, old versions collected), `xborder load`, and the synthetic
knowledge-base generator."""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from bench.synth import generate, synthetic_dirs
from tests.facts import HTDG, ISSUER, POLICY_DATE
from xborder.api.cli import main
from xborder.graph.build import build_graph
from xborder.graph.digest import graph_digest
from xborder.graph.errors import ValidationFailed, XborderInputError
from xborder.graph.kb import KnowledgeBase
from xborder.graph.settings import Settings
from xborder.graph.store import (
    EmbeddedStore,
    OxigraphStore,
    StoreError,
    from_oxigraph,
    open_store,
    prepare_snapshot,
    publish,
    to_oxigraph,
)
from xborder.graph.vocab import DPV, KB, XB


def broken(graph: Graph) -> Graph:
    """A copy in which rule 10.1 names two controllers (a SHACL violation)."""
    g = Graph()
    g += graph
    g.add((KB["rule/huawei/10.1"], DPV.hasDataController, KB[f"entity/{ISSUER}"]))
    return g


def changed(graph: Graph) -> Graph:
    """A copy in which rule 10.1 no longer lists Japan."""
    g = Graph()
    g += graph
    g.remove((KB["rule/huawei/10.1"], XB.location, URIRef("https://w3id.org/dpv/loc#JP")))
    return g


# -- settings -------------------------------------------------------------------------------
def test_settings_default_to_the_embedded_store():
    s = Settings.from_env({})
    assert s.store == "embedded" and s.reload_seconds == 5.0 and s.reload_validate == "shapes"


def test_settings_from_the_environment_and_options_that_win():
    env = {"XBORDER_STORE": "sparql", "XBORDER_SPARQL_URL": "http://127.0.0.1:7878/",
           "XBORDER_RELOAD_SECONDS": "0.5", "XBORDER_SPARQL_GSP": "http://x/gsp"}
    s = Settings.from_env(env)
    assert (s.sparql_query, s.sparql_update, s.sparql_gsp) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://x/gsp")
    assert s.reload_seconds == 0.5
    s = Settings.from_env(env, store="oxigraph", store_path="/tmp/kb",
                          sparql_url="http://h:1")
    assert s.store == "oxigraph" and str(s.store_path) == "/tmp/kb"
    assert s.sparql_gsp == "http://h:1/store"  # the option beats the environment
    assert s.describe() == {"kind": "oxigraph", "path": "/tmp/kb"}


@pytest.mark.parametrize("env,message", [
    ({"XBORDER_STORE": "postgres"}, "unknown store"),
    ({"XBORDER_STORE": "oxigraph"}, "needs a folder"),
    ({"XBORDER_STORE": "sparql"}, "needs endpoints"),
    ({"XBORDER_RELOAD_SECONDS": "soon"}, "number of seconds"),
    ({"XBORDER_RELOAD_VALIDATE": "never"}, "XBORDER_RELOAD_VALIDATE"),
    ({"XBORDER_KEEP_VERSIONS": "0"}, "XBORDER_KEEP_VERSIONS"),
])
def test_settings_errors_say_what_to_set(env, message):
    with pytest.raises(XborderInputError, match=message):
        Settings.from_env(env)


# -- terms ----------------------------------------------------------------------------------
def test_rdf_terms_survive_the_trip_through_pyoxigraph(kb):
    back = from_oxigraph(to_oxigraph(kb.graph))
    assert len(back) == len(kb.graph)
    assert KnowledgeBase(back).version == kb.version
    skolem = from_oxigraph(to_oxigraph(kb.graph, skolemize=True))
    assert KnowledgeBase(skolem).version == kb.version
    assert any(isinstance(s, BNode) for s in skolem.subjects())


def test_literal_kinds_round_trip():
    g = Graph()
    s = URIRef("https://example.org/s")
    for o in (Literal("plain"), Literal("tag", lang="fr"), Literal("2020-01-01",
              datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")), Literal(True),
              Literal('quote " and\nnewline')):
        g.add((s, URIRef("https://example.org/p"), o))
    assert set(from_oxigraph(to_oxigraph(g, skolemize=True))) == set(g)


# -- the oxigraph store ---------------------------------------------------------------------
def test_empty_store_says_to_load_first(tmp_path):
    store = OxigraphStore(tmp_path)
    assert store.version() is None
    with pytest.raises(StoreError, match="xborder load"):
        store.read()


def test_publish_then_read_back_the_same_answers(tmp_path, kb):
    store = OxigraphStore(tmp_path)
    done = publish(store, kb.graph, validate="model")
    assert done == {"version": kb.version, "previous": None, "changed": True,
                    "triples": len(kb.graph)}
    snap = store.read()
    assert snap.version == kb.version and len(snap.graph) == len(kb.graph)
    again = KnowledgeBase(snap.graph)
    assert again.version == kb.version
    for code in ("RE", "JP", "CN", "GB"):
        assert again.resolve(code, "cloud", at=POLICY_DATE).to_dict() == \
            kb.resolve(code, "cloud", at=POLICY_DATE).to_dict()
    assert publish(store, kb.graph, validate="model")["changed"] is False


def test_a_replica_reads_the_model_without_an_rdflib_graph_and_answers_the_same(tmp_path, kb):
    """prepare_snapshot: the lean reader reads the version's N-Triples straight into the model;
    the served knowledge base keeps them compressed, exports them as they are, and parses a
    graph (the same content) only when one is asked for."""
    store = OxigraphStore(tmp_path)
    publish(store, kb.graph, validate="model")
    snap = store.read()
    lean = prepare_snapshot(snap, validate="model", probe=1)
    assert snap._graph is None and lean.graph_loaded is None  # no rdflib graph anywhere
    assert lean.version == kb.version and lean.describe()["triples"] == len(kb.graph)
    for code in ("RE", "JP", "CN", "GB", "Réunion"):
        assert lean.resolve(code, "cloud", at=POLICY_DATE, org="huawei").to_dict() == \
            kb.resolve(code, "cloud", at=POLICY_DATE, org="huawei").to_dict()
    assert lean.transfer("DE", "US", at="2020-07-17").to_dict() == \
        kb.transfer("DE", "US", at="2020-07-17").to_dict()
    nt = lean.export("nt")
    assert lean.graph_loaded is None and len(Graph().parse(data=nt, format="nt")) == len(kb.graph)
    assert graph_digest(lean.graph) == kb.version  # parsed on demand, the same content
    checked = prepare_snapshot(store.read(), validate="shapes", probe=0)
    assert checked.graph_loaded is None and checked.version == kb.version  # released after SHACL


def test_a_crash_before_the_marker_moves_keeps_the_old_version(tmp_path, kb, monkeypatch):
    store = OxigraphStore(tmp_path)
    publish(store, kb.graph, validate="model")
    new = changed(kb.graph)

    def crash(marker):
        raise OSError("power cut")

    monkeypatch.setattr(store, "_flip", crash)
    with pytest.raises(OSError):
        publish(store, new, validate="model")
    assert store.version() == kb.version
    assert store.read().version == kb.version
    stores = [p for p in (tmp_path / "versions").iterdir() if p.is_dir()]
    assert len(stores) == 2  # the half-written one
    assert all(p.with_name(p.name + ".nt").is_file() for p in stores)
    monkeypatch.undo()
    done = publish(store, new, validate="model")
    assert done["changed"] and done["previous"] == kb.version
    kept = sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "versions").iterdir()
                  if p.is_dir())
    assert kept == sorted([kb.version, done["version"]])  # the half-written one is gone
    assert len(list((tmp_path / "versions").iterdir())) == 6  # and its N-Triples and model
    marker = json.loads((tmp_path / "CURRENT").read_text())
    assert marker["version"] == done["version"] and len(marker["history"]) == 2


def test_old_versions_beyond_the_kept_ones_are_removed(tmp_path, kb):
    store = OxigraphStore(tmp_path, keep=2)
    for n in range(4):
        store.write(kb.graph, f"v{n}")
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "versions").iterdir())
    assert names == ["v2", "v2", "v3", "v3"] and store.version() == "v3"  # stores, N-Triples


def test_a_version_is_read_from_its_ntriples_or_else_its_store(tmp_path, kb):
    store = OxigraphStore(tmp_path)
    store.write(kb.graph, kb.version)
    marker = json.loads((tmp_path / "CURRENT").read_text())
    beside = tmp_path / "versions" / marker["ntriples"]
    assert store.read().ntriples == beside.read_bytes()
    # a version published before the N-Triples were kept: its store is dumped instead
    beside.unlink()
    del marker["ntriples"]
    (tmp_path / "CURRENT").write_text(json.dumps(marker))
    dumped = store.read()
    assert dumped.ntriples is not None and len(dumped.graph) == len(kb.graph)
    assert graph_digest(dumped.graph) == kb.version  # the same graph (blank nodes relabelled)
    # N-Triples that do not hold the marker's triples are refused
    marker["ntriples"] = beside.name
    beside.write_bytes(b"<https://example.org/s> <https://example.org/p> "
                       b"<https://example.org/o> .\n")
    (tmp_path / "CURRENT").write_text(json.dumps(marker))
    with pytest.raises(StoreError, match="holds 1 triples"):
        store.read()


def test_the_embedded_store_cannot_be_written(kb):
    store = open_store(Settings.from_env({}))
    assert isinstance(store, EmbeddedStore) and store.version() is None
    assert store.read().version == kb.version
    with pytest.raises(StoreError, match="cannot be written"):
        store.write(kb.graph, "x")


# -- the CLI --------------------------------------------------------------------------------
def test_cli_load_and_read_from_the_oxigraph_store(tmp_path, capsys, kb):
    opts = ["--store", "oxigraph", "--store-path", str(tmp_path / "store")]
    assert main([*opts, "load"]) == 0
    assert f"published {kb.version}" in capsys.readouterr().out
    assert main([*opts, "load"]) == 0
    assert "nothing written" in capsys.readouterr().out
    assert main([*opts, "resolve", "JP", "--service", "cloud", "--at", POLICY_DATE,
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["controller"]["id"] == HTDG
    ttl = tmp_path / "changed.ttl"
    changed(kb.graph).serialize(ttl, format="turtle")
    assert main([*opts, "load", str(ttl)]) == 0
    assert f"replaces {kb.version}" in capsys.readouterr().out
    assert main([*opts, "resolve", "JP", "--service", "cloud", "--at", POLICY_DATE,
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["controller"]["id"] == ISSUER


def test_cli_load_refuses_a_broken_graph_and_the_embedded_store(tmp_path, capsys, kb):
    bad = tmp_path / "bad.nt"
    broken(kb.graph).serialize(bad, format="nt", encoding="utf-8")
    code = main(["--store", "oxigraph", "--store-path", str(tmp_path / "s"), "load", str(bad)])
    assert code == 7 and "exactly one legal entity" in capsys.readouterr().err
    assert OxigraphStore(tmp_path / "s").version() is None
    assert not (tmp_path / "s" / "versions").exists() or \
        not any((tmp_path / "s" / "versions").iterdir())
    assert main(["load"]) == 6
    assert "cannot be written" in capsys.readouterr().err
    (tmp_path / "junk.ttl").write_text("this is not turtle")
    assert main(["--store", "oxigraph", "--store-path", str(tmp_path / "s"), "load",
                 str(tmp_path / "junk.ttl")]) == 6
    assert "not valid RDF" in capsys.readouterr().err


# -- synthetic knowledge bases --------------------------------------------------------------
def test_synthetic_knowledge_base_builds_validates_and_resolves(tmp_path):
    from xborder.graph.shapes import validate_graph

    graph = build_graph(synthetic_dirs(4, tmp_path / "synth"))
    validate_graph(graph)
    kb = KnowledgeBase(graph)
    assert len(kb.model.organisations) == 4
    org = kb.model.organisations["synth-00001"]
    assert len(org.services) == 3 and any(r.default for r in org.rules)
    r = kb.resolve("BR", service="service 1", org="Synthetic Group 00001", at="2025-06-01")
    assert r.controller.organisation == "synth-00001"
    assert generate(3, tmp_path / "a") and (tmp_path / "a" / "synth-00003.yaml").read_text() \
        == (generate(3, tmp_path / "b")[2]).read_text()


_FORKED = """
import sys
from pathlib import Path
from xborder.graph.errors import ValidationFailed
from xborder.graph.store import OxigraphStore, prepare_snapshot

publish = sys.modules["xborder.graph.store.publish"]  # the module (the package exports a function)
forked = []
start = publish._checking_beside
publish._checking_beside = lambda data: forked.append(1) or start(data)
store = OxigraphStore(Path(sys.argv[1]))
try:
    kb = prepare_snapshot(store.read(), validate="shapes", probe=0, beside=True)
except ValidationFailed as exc:
    print("refused", len(forked), exc.violations[0])
else:
    print("served", len(forked), kb.version)
"""


@pytest.mark.parametrize("beside", [False, True], ids=["in-process", "forked-check"])
def test_a_replica_checks_the_shapes_on_the_ntriples(tmp_path, kb, beside, monkeypatch):
    """What a replica runs: SHACL on the version's N-Triples (in this process, or in a forked
    one while a single-threaded process — as the reloader's child is — compiles) and the lean
    reader; a broken version is refused either way."""
    import os
    import shutil
    import subprocess
    import sys

    from xborder.graph import compiled
    from xborder.graph.diskcache import cache_dir

    cache = tmp_path / "cache"  # no compiled model of an earlier test: each check runs
    (cache / "child").mkdir(parents=True)
    for table in cache_dir().glob("locations-*.pickle"):  # built once per installation
        shutil.copy2(table, cache / "child" / table.name)
    monkeypatch.setattr(compiled, "cache_dir", lambda: cache)

    def prepare(store: OxigraphStore) -> str:
        if not beside:
            try:
                served = prepare_snapshot(store.read(), validate="shapes", probe=0)
            except ValidationFailed as exc:
                return f"refused {exc.violations[0]}"
            return f"served {served.version}"
        out = subprocess.run([sys.executable, "-c", _FORKED, str(store.root)], check=True,
                             capture_output=True, text=True, timeout=300,
                             env={**os.environ, "XBORDER_CACHE_DIR": str(cache / "child")}
                             ).stdout.split(" ", 2)
        assert out[1] == "1"  # the check ran in a forked process
        return f"{out[0]} {out[2].strip()}"

    store = OxigraphStore(tmp_path / "broken")
    store.write(broken(kb.graph), "broken")  # written without validation, as a foreign writer
    assert prepare(store).startswith("refused") and "exactly one legal entity" in prepare(store)
    store = OxigraphStore(tmp_path / "good")
    store.write(kb.graph, kb.version)
    assert prepare(store) == f"served {kb.version}"
