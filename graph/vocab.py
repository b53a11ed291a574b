"""Namespaces and the terms xborder writes: DPV where a term exists, ``xb:`` for the rest."""

from __future__ import annotations

from typing import Any

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, TIME, XSD

__all__ = [
    "DCT",
    "DPV",
    "EU_GDPR",
    "KB",
    "LEGAL_EU",
    "LOC",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "SKOS",
    "TIME",
    "XB",
    "XSD",
    "Terms",
    "expand_curie",
    "jurisdiction_iri",
]

class Terms:
    """A namespace's terms, each made once: rdflib builds a new ``URIRef`` on every attribute
    access of a namespace (and checks it against a closed one's list), which the model readers
    do about 160 times per organisation. The first access goes to the namespace — so an unknown
    term of a closed namespace still raises — and the term is kept as a plain attribute."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


DPV = Namespace("https://w3id.org/dpv#")
LOC = Namespace("https://w3id.org/dpv/loc#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
LEGAL_EU = Namespace("https://w3id.org/dpv/legal/eu#")
LEGAL_GB = Namespace("https://w3id.org/dpv/legal/gb#")
XB = Namespace("https://w3id.org/xborder/ns#")
KB = Namespace("https://w3id.org/xborder/kb/")
DCT = DCTERMS

PREFIXES: dict[str, Namespace] = {
    "dpv": DPV,
    "loc": LOC,
    "eu-gdpr": EU_GDPR,
    "legal-eu": LEGAL_EU,
    "legal-gb": LEGAL_GB,
    "xb": XB,
    "kb": KB,
    "dct": Namespace(str(DCT)),
    "time": Namespace(str(TIME)),
    "skos": Namespace(str(SKOS)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}


def expand_curie(curie: str) -> URIRef:
    """``eu-gdpr:A45-3`` → its IRI; a full ``http(s)://`` IRI is returned as is."""
    if curie.startswith(("http://", "https://")):
        return URIRef(curie)
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES or not local:
        raise ValueError(f"{curie!r} is not a known CURIE (prefixes: {', '.join(PREFIXES)})")
    return URIRef(str(PREFIXES[prefix]) + local)


def jurisdiction_iri(code: str) -> URIRef:
    """Jurisdictions and groups use DPV's ``loc:`` IRIs (``loc:DE``, ``loc:ES-CN``, ``loc:EEA``)."""
    return LOC[code]
