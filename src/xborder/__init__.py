"""xborder: who controls personal data, and what lets it cross each border.

The core object is :class:`KnowledgeBase`; the CLI (``xborder``) and the HTTP API are thin faces
over it.
"""

from xborder.graph.errors import (
    AmbiguousLocation,
    InvalidDate,
    KnowledgeBaseError,
    NoApplicableRule,
    SourceError,
    UnknownLocation,
    UnknownOrganisation,
    UnknownService,
    ValidationFailed,
    XborderError,
    XborderInputError,
)
from xborder.graph.kb import KnowledgeBase
from xborder.graph.resolution import Resolution

__version__ = "0.1.0"

__all__ = [
    "AmbiguousLocation",
    "InvalidDate",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "NoApplicableRule",
    "Resolution",
    "SourceError",
    "UnknownLocation",
    "UnknownOrganisation",
    "UnknownService",
    "ValidationFailed",
    "XborderError",
    "XborderInputError",
    "__version__",
]
