"""Ids that cannot become part of an IRI are refused where they are written (file and line),
so `validate` never passes what `serve`, `export` or `load` cannot carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from xborder.api.cli import main
from xborder.graph.build import DEFAULT_KB_DIR, build_graph
from xborder.graph.errors import SourceError

BAD = ["1 <img src=x>", "a b", "é", "x/../y", "-leading", "", "a\"b", "a#b", "a?b"]


@pytest.mark.parametrize("ident", BAD)
def test_unsafe_organisation_ids_are_refused_with_file_and_line(tmp_path: Path,
                                                                 ident: str) -> None:
    f = tmp_path / "org.yaml"
    f.write_text(f"organisation:\n  id: {ident!r}\n  name: Example\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        build_graph([DEFAULT_KB_DIR, f])
    assert "org.yaml" in str(info.value.detail) and "line 2" in str(info.value.detail)


def test_the_cli_says_so_and_exits_non_zero(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "org.yaml"
    f.write_text('organisation:\n  id: "1 <img src=x>"\n  name: X\n', encoding="utf-8")
    code = main(["--kb", str(DEFAULT_KB_DIR), "--kb", str(f), "validate"])
    err = capsys.readouterr().err
    assert code != 0 and "cannot become part of an IRI" in err and "Traceback" not in err
