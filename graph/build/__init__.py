"""Authoring files → one rdflib graph.

:func:`build_graph` reads every ``*.yaml`` under the given folders, checks each field (errors name
the file and the line), and writes DPV/xborder triples. ISO 3166-1 jurisdictions come from
pycountry; everything else from the files. The graph is the single source of truth: the compiled
model (:mod:`xborder.graph.model`) is read back from it, never from the YAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry
from rdflib import Graph, Literal

from xborder.graph.authoring import DEFAULT_KB_DIR, source_files
from xborder.graph.build import law, org, places
from xborder.graph.build.context import BuildContext
from xborder.graph.vocab import DPV, KB, LOC, RDF, SKOS, XB, jurisdiction_iri
from xborder.graph.yamlsource import Node, read_yaml

__all__ = ["DEFAULT_KB_DIR", "BuildContext", "build_graph", "source_files"]


def _iso_jurisdictions(ctx: BuildContext) -> None:
    for country in pycountry.countries:
        iri = jurisdiction_iri(country.alpha_2)
        ctx.codes.add(country.alpha_2)
        ctx.iso_codes.add(country.alpha_2)
        ctx.add(iri, RDF.type, DPV.Country)
        ctx.add(iri, XB.code, Literal(country.alpha_2))
        ctx.add(iri, SKOS.prefLabel, Literal(country.name, lang="en"))
        ctx.add(iri, LOC.iso_alpha3, Literal(country.alpha_3))
        ctx.add(iri, LOC.iso_numeric, Literal(country.numeric))
        common = getattr(country, "common_name", None)
        if common:
            ctx.add(iri, SKOS.altLabel, Literal(common, lang="en"))


def build_graph(dirs: Sequence[Path] = (DEFAULT_KB_DIR,)) -> Graph:
    """Read the authoring files under ``dirs`` and return the knowledge-base graph."""
    files = [read_yaml(p) for p in source_files(dirs)]
    ctx = BuildContext()
    _iso_jurisdictions(ctx)
    sections: dict[str, Any] = {
        "sources": None,
        "jurisdictions": None,
        "geography": None,
        "groups": None,
        "application": None,
        "aliases": None,
        **dict.fromkeys(law.SECTIONS),
        **dict.fromkeys(org.SECTIONS),
    }
    for f in files:
        f.check_keys(sections)
    places.register(ctx, files)
    for f in files:
        for raw in f.items("sources", "source"):
            node = Node(raw, f.file, f.line, "source")
            ident = node.required("id")
            ctx.register("source", ident, node)
            ctx.emit_source(node, KB[f"source/{ident}"])
    for f in files:
        places.emit(ctx, f)
    for f in files:
        law.emit(ctx, f)
    for f in files:
        org.emit(ctx, f)
    ctx.check_references()
    return ctx.graph
