"""The compiled knowledge base kept on disk (graph/compiled.py): a new process answers from it
exactly as from a fresh build, and never from an entry of other files or other code."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

from xborder import KnowledgeBase
from xborder.graph import compiled
from xborder.graph.authoring import DEFAULT_KB_DIR
from xborder.graph.digest import graph_digest


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(compiled, "cache_dir", lambda: folder)
    return folder


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A copy of the shipped files: nothing else edits it while a test runs."""
    folder = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, folder)
    return folder


def _answers(kb: KnowledgeBase) -> list[object]:
    out: list[object] = []
    for code in ("DE", "FR-974", "GB", "CN", "US"):
        for at in (dt.date(2017, 6, 1), dt.date(2021, 6, 1)):
            out.append(kb.resolve(code, service="consumer-cloud", at=at).to_dict())
    out.append(kb.transfer("DE", "US", at=dt.date(2020, 7, 17)).to_dict())
    return out


def test_a_second_load_is_read_from_the_cache_and_answers_the_same(cache: Path,
                                                                    kb_dir: Path) -> None:
    built = KnowledgeBase.load([kb_dir])
    entries = list(cache.glob("kb-*.pickle"))
    assert len(entries) == 1
    again = KnowledgeBase.load([kb_dir])
    assert again.graph_loaded is None  # read from the entry: no graph built
    assert again.model == built.model and again.law == built.law
    assert again.version == built.version
    assert again.describe() == built.describe()
    assert _answers(again) == _answers(built)
    assert graph_digest(again.graph) == built.version  # built on first use, the same content
    assert again.graph_loaded is not None


def test_an_edited_source_gets_its_own_entry_and_its_own_answer(cache: Path,
                                                                 kb_dir: Path) -> None:
    folder = kb_dir
    first = KnowledgeBase.load([folder])
    eu = folder / "regimes" / "eu.yaml"
    text = eu.read_text(encoding="utf-8")
    last_day = "    to: 2020-07-15\n"  # the Privacy Shield's last day (C-311/18 the next day)
    assert text.count(last_day) == 1
    eu.write_text(text.replace(last_day, "    to: 2020-07-20\n"), encoding="utf-8")
    second = KnowledgeBase.load([folder])
    assert len(list(cache.glob("kb-*.pickle"))) == 2
    assert second.version != first.version
    day = dt.date(2020, 7, 18)
    assert first.transfer("DE", "US", at=day).status != second.transfer("DE", "US",
                                                                         at=day).status


def test_a_validated_load_does_not_take_an_unvalidated_entry(
        cache: Path, kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    KnowledgeBase.load([kb_dir])
    calls: list[int] = []
    from xborder.graph import shapes

    monkeypatch.setattr(shapes, "validate_graph", lambda graph: calls.append(len(graph)))
    KnowledgeBase.load([kb_dir], validate=True)
    assert len(calls) == 1  # validated although an entry existed
    KnowledgeBase.load([kb_dir], validate=True)
    assert len(calls) == 1  # the validated entry now serves both kinds of load
    assert KnowledgeBase.load([kb_dir]).graph_loaded is None


def test_a_broken_or_foreign_entry_is_rebuilt(cache: Path, kb_dir: Path) -> None:
    built = KnowledgeBase.load([kb_dir])
    (entry,) = cache.glob("kb-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert KnowledgeBase.load([kb_dir]).graph_loaded is not None  # rebuilt
    entry.write_bytes(pickle.dumps({"model": None}))
    rebuilt = KnowledgeBase.load([kb_dir])
    assert rebuilt.graph_loaded is not None and rebuilt.version == built.version


def test_an_unwritable_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setattr(compiled, "cache_dir", lambda: blocked / "cache")
    kb = KnowledgeBase.load()
    assert kb.resolve("DE", service="consumer-cloud").controller.id
    assert not list(tmp_path.glob("**/kb-*.pickle"))


def test_the_key_sees_every_file_byte_and_the_code(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    one = tmp_path / "a.yaml"
    one.write_text("sources: []\n")
    key = compiled.key_of([one])
    one.write_text("sources: [] \n")
    assert compiled.key_of([one]) != key
    same_files = compiled.key_of([one])
    monkeypatch.setattr(compiled, "_CODE", "a builder edited since")
    assert compiled.key_of([one]) != same_files


def test_a_replica_restarting_on_a_version_reads_its_model_back(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A version read from a store is keyed by its N-Triples: the second preparation of the
    same bytes neither compiles nor checks the shapes again, and answers the same; other bytes
    are another key; an entry that was not checked is not taken when the shapes are asked for."""
    from xborder.graph.build import build_graph
    from xborder.graph.errors import KnowledgeBaseError
    from xborder.graph.store import OxigraphStore, prepare_snapshot, reader

    store = OxigraphStore(tmp_path / "store")
    store.write(build_graph(), "v1")
    first = prepare_snapshot(store.read(), validate="model", probe=0)
    assert len(list(cache.glob("kb-*.pickle"))) == 1

    def refuse(*_args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(reader, "read_models_nt", refuse)
    again = prepare_snapshot(store.read(), validate="model", probe=0)
    question = {"service": "consumer-cloud", "org": "huawei", "at": "2019-06-01"}
    assert again.resolve("DE", **question).controller == first.resolve("DE", **question).controller
    assert again.version == "v1" and again.graph_loaded is None
    with pytest.raises(KnowledgeBaseError, match="compiled again"):  # not checked: not taken
        prepare_snapshot(store.read(), validate="shapes", probe=0)
    monkeypatch.undo()
    monkeypatch.setattr(compiled, "cache_dir", lambda: cache)
    prepare_snapshot(store.read(), validate="shapes", probe=0)  # now checked, and kept
    monkeypatch.setattr(reader, "read_models_nt", refuse)
    assert prepare_snapshot(store.read(), validate="shapes", probe=0).version == "v1"
    assert compiled.key_of_ntriples(b"<urn:a> <urn:b> <urn:c> .\n") != compiled.key_of_ntriples(
        store.read().ntriples or b"")
