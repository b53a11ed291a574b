"""The notebooks run top to bottom on the embedded knowledge base (each checks its own facts with
asserts, so a notebook that runs is one that is still right). Every notebook is saved with its
outputs so that it reads on a code host (04 with its pictures as SVG), and is executed here all
the same."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
REQUIRED = {"01-quick-start.ipynb", "02-huawei-transfer-map.ipynb",
            "03-schrems-ii-and-brexit.ipynb", "04-timelines-world-map-change-report.ipynb"}
WITH_PICTURES = {"04-timelines-world-map-change-report.ipynb"}


def test_the_three_walk_throughs_are_there():
    assert {p.name for p in NOTEBOOKS} >= REQUIRED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_saved_with_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "run top to bottom before saving"
    assert sum(len(c.outputs) for c in code) >= len(code) // 2
    assert not [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    if path.name in WITH_PICTURES:
        pictures = [o for c in code for o in c.outputs if "image/svg+xml" in o.get("data", {})]
        assert len(pictures) >= 2  # the timeline and the world map


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_runs_top_to_bottom(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # files the notebooks write land here
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(cwd=str(path.parent), env={**os.environ})
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                    for o in c.outputs if o.output_type == "stream")
    assert texts.strip(), "the notebook printed nothing"
    stderr = [o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], stderr  # no warnings either
