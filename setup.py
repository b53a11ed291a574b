"""The package list for setuptools (everything else is in pyproject.toml).

``xborder.graph``, ``xborder.api`` and ``xborder.ontology`` live in the top-level folders
``graph/``, ``api/`` and ``ontology/`` (``[tool.setuptools.package-dir]``); their subpackages are
found here, so a new folder with an ``__init__.py`` is packaged without editing a list, and a
checkout without symlinks installs the same packages as one with them.
"""

from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
FOLDERS = {"xborder": "src/xborder", "xborder.graph": "graph", "xborder.api": "api",
           "xborder.ontology": "ontology"}


def packages() -> list[str]:
    found = ["xborder"]
    for name, folder in FOLDERS.items():
        if name == "xborder":
            continue
        base = ROOT / folder
        for init in sorted(base.rglob("__init__.py")):
            parts = init.parent.relative_to(base).parts
            if any(part.startswith((".", "_")) or part == "static" for part in parts):
                continue
            found.append(".".join((name, *parts)))
    return found


setup(packages=packages())
