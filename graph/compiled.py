"""A compiled knowledge base kept on disk, so that a new process answers without rebuilding.

Building the embedded knowledge base from its YAML files (the graph, then the model and the law
read back from it) takes about a second and a half; reading the same model back from a pickle
takes about ten milliseconds. :func:`load` returns the :class:`Compiled` model of a set of
authoring folders if an earlier process stored one under the same **key**, else ``None``;
:func:`save` stores one. The key is a digest of everything the model is made from:

- the bytes and path of every authoring file (:func:`~xborder.graph.yamlsource.source_files`);
- the code that turns them into the model (every module of :mod:`xborder.graph` but the policy
  reader, ``ingest``, by size and modification time) and the SHACL shapes;
- the versions of Python, rdflib, pycountry (the ISO 3166 jurisdictions) and PyYAML.

So any edit — a moved date in a YAML file, a change of the builder — gives a new key and a fresh
build; nothing is ever served from a stale entry. A version read from a store is keyed the same
way by its N-Triples (:func:`key_of_ntriples`): a replica restarting on a version it compiled
(or checked against the shapes) before reads the model back.

Entries live under ``$XBORDER_CACHE_DIR`` (default ``~/.cache/xborder``), are written through a
temporary file and a rename, and the newest eight are kept. A cache that cannot be read or
written is simply not used. The graph itself is not stored: a
:class:`~xborder.graph.kb.KnowledgeBase` loaded from an entry builds it from the same files (or
parses it from the version's N-Triples) on first use (export, SPARQL), and its ``version`` is
the graph digest the entry recorded.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from xborder.graph.authoring import source_files
from xborder.graph.diskcache import cache_dir, installed, read_pickle, write_pickle
from xborder.graph.law import LawModel
from xborder.graph.model import Model

__all__ = ["Compiled", "checked", "key_of", "key_of_ntriples", "load", "remember_checked",
           "save"]

_FORMAT = 1  # bump when Compiled changes shape
_KEEP = 8
_GRAPH_DIR = Path(__file__).parent
_SHAPES = _GRAPH_DIR.parent / "ontology"


@dataclass(frozen=True)
class Compiled:
    """What a knowledge base is served from: its model and law, the digest of its graph, the
    number of triples, and whether the graph passed the SHACL shapes when it was built."""

    model: Model
    law: LawModel
    version: str
    triples: int
    validated: bool


def _code_digest() -> str:
    """The modules that make the model and the shapes, by path, size and modification time
    (as Python's own bytecode cache tells edited modules)."""
    digest = hashlib.sha256()
    files = [p for p in sorted(_GRAPH_DIR.rglob("*.py")) if "ingest" not in p.parts]
    files += sorted(_SHAPES.glob("*.ttl")) if _SHAPES.is_dir() else []
    for path in files:
        st = path.stat()
        digest.update(f"{path.relative_to(_GRAPH_DIR.parent)}:{st.st_size}:{st.st_mtime_ns}\n"
                      .encode())
    return digest.hexdigest()


#: The code this process runs, read once at import: a process that started before an edit must
#: not store its model under the edited code's key.
_CODE = _code_digest()
_PACKAGES = installed(("rdflib", "pycountry", "PyYAML"))


def key_of(dirs: Sequence[Path]) -> str:
    """The key of the knowledge base built from ``dirs`` by this code (reads every file)."""
    digest = hashlib.sha256()
    stamp = (_FORMAT, sys.version_info[:3], _CODE, _PACKAGES)
    digest.update(repr(stamp).encode())
    for path in source_files(dirs):
        digest.update(b"\0" + str(path.resolve()).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def key_of_ntriples(data: bytes) -> str:
    """The key of the knowledge base read by this code from a store's version as N-Triples:
    a digest of the bytes themselves, not of the version name the store's marker gives, so a
    replica that restarts on the same version reads its model back instead of compiling it."""
    digest = hashlib.sha256()
    digest.update(repr(("ntriples", _FORMAT, sys.version_info[:3], _CODE, _PACKAGES)).encode())
    digest.update(data)
    return digest.hexdigest()[:32]


def _path(key: str) -> Path:
    return cache_dir() / f"kb-{key}.pickle"


def _checked_path(key: str) -> Path:
    return cache_dir() / f"checked-{key}.pickle"


def checked(key: str) -> bool:
    """Whether this machine checked the N-Triples of ``key`` (:func:`key_of_ntriples`: the bytes
    and this code, shapes included) against the shapes before, and they passed."""
    return read_pickle(_checked_path(key)) is True


def remember_checked(key: str) -> None:
    """Record that the N-Triples of ``key`` passed the shapes (see :func:`checked`)."""
    write_pickle(_checked_path(key), True, keep=4 * _KEEP)


def load(key: str, *, validated: bool = False) -> Compiled | None:
    """The entry stored under ``key`` (one that passed the shapes if ``validated``), or None."""
    found = read_pickle(_path(key))
    if not isinstance(found, Compiled) or (validated and not found.validated):
        return None
    return found


def save(key: str, compiled: Compiled) -> None:
    """Store ``compiled`` under ``key``; an entry that cannot be written is not kept."""
    write_pickle(_path(key), compiled, keep=_KEEP)
