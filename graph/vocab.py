"""Namespaces and the terms xborder writes: DPV where a term exists, ``xb:`` for the rest."""

from __future__ import annotations

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
    "expand_curie",
    "jurisdiction_iri",
]

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
