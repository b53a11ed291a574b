"""Where the authoring files are: the embedded knowledge base and the files of any folder, in
the order the builder reads them (imported by the builder and by the compiled cache, which must
not pay for a YAML parser to find them)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from xborder.graph.errors import SourceError

__all__ = ["DEFAULT_KB_DIR", "source_files"]

#: The embedded knowledge base: the authoring files shipped with the package.
DEFAULT_KB_DIR = Path(__file__).parent / "kb"


def source_files(dirs: Iterable[Path]) -> list[Path]:
    """The authoring files under ``dirs`` (folders: every ``*.yaml`` below, sorted; files as
    given), in the order the builder reads them."""
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files.extend(sorted(d.rglob("*.yaml")))
        else:
            raise SourceError("no such file or folder", str(d))
    return files
