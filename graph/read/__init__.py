"""Reading the RDF graph back into typed objects: :func:`read_model` (places, entities,
organisations) and :func:`read_law` (transfer law). The only modules of the core, besides the
builder and the stores, that know RDF."""

from xborder.graph.read.law import read_law
from xborder.graph.read.model import read_model

__all__ = ["read_law", "read_model"]
