"""The knowledge-base version sees every change: a date moved in any authoring file publishes a
new version (dates live in blank nodes, which an earlier digest skipped)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from xborder.graph.build import DEFAULT_KB_DIR
from xborder.graph.digest import graph_digest
from xborder.graph.kb import KnowledgeBase

# (file, a line that holds the date, the date on it): one date of each kind of fact.
EDITS = [
    ("regimes/eu.yaml", "id: eu-adequacy-us-privacy-shield", "to"),   # adequacy end
    ("regimes/eu.yaml", "id: eu-scc-2021", "from"),                    # mechanism start
    ("jurisdictions.yaml", "code: HR", "from"),                        # membership start
    ("huawei.yaml", "id: huawei-privacy-policy-2016", "from"),         # policy version start
]


def _shift(text: str, anchor: str, key: str) -> str:
    """Move the first ``key: YYYY-MM-DD`` at or after ``anchor`` by one day."""
    at = text.index(anchor)
    m = re.compile(rf"\b{key}: (\d{{4}})-(\d{{2}})-(\d{{2}})").search(text, at)
    assert m, (anchor, key)
    day = int(m.group(3))
    new = f"{key}: {m.group(1)}-{m.group(2)}-{day + 1 if day < 28 else day - 1:02d}"
    return text[:m.start()] + new + text[m.end():]


def test_blank_node_labels_do_not_change_the_digest() -> None:
    a, b = Graph(), Graph()
    for g in (a, b):
        node, instant = BNode(), BNode()
        g.add((URIRef("urn:x"), URIRef("urn:when"), node))
        g.add((node, URIRef("urn:begins"), instant))
        g.add((instant, URIRef("urn:date"), Literal("2020-07-16")))
    assert graph_digest(a) == graph_digest(b)
    b.set((next(iter(b.subjects(URIRef("urn:date"), None))), URIRef("urn:date"),
           Literal("2020-07-15")))
    assert graph_digest(a) != graph_digest(b)


def test_the_same_sources_give_the_same_version(kb: KnowledgeBase) -> None:
    assert KnowledgeBase.load().version == kb.version


@pytest.mark.parametrize(("name", "anchor", "key"), EDITS)
def test_a_moved_date_changes_the_version(tmp_path: Path, kb: KnowledgeBase, name: str,
                                          anchor: str, key: str) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, copy)
    path = copy / name
    path.write_text(_shift(path.read_text(encoding="utf-8"), anchor, key), encoding="utf-8")
    assert KnowledgeBase.load([copy]).version != kb.version
