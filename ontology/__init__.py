"""The xborder vocabulary and SHACL shapes (Turtle), and a loader for them."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

__all__ = ["SHAPES", "VOCABULARY", "load"]

HERE = Path(__file__).parent
VOCABULARY = HERE / "xborder.ttl"
SHAPES = HERE / "shapes.ttl"


def load(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph
