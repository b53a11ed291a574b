"""Authoring errors name the file and line; the SHACL shapes reject broken knowledge."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from rdflib import Literal

from xborder import SourceError, ValidationFailed
from xborder.graph.build import DEFAULT_KB_DIR, build_graph
from xborder.graph.shapes import validate_graph
from xborder.graph.vocab import DPV, TIME, XB, XSD


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, target)
    return target


def test_shipped_knowledge_base_conforms():
    assert validate_graph(build_graph()) > 0


def test_every_iso_code_is_a_jurisdiction():
    import pycountry

    from xborder.graph.read import read_model

    model = read_model(build_graph())
    for country in pycountry.countries:
        assert country.alpha_2 in model.jurisdictions
    assert model.jurisdictions["XK"].name == "Kosovo"
    assert model.jurisdictions["RE"].part_of == "FR"


def test_a_rule_without_controller_is_rejected_by_the_shapes():
    graph = build_graph()
    rule = next(graph.subjects(XB.id, Literal("10.1")))
    graph.remove((rule, DPV.hasDataController, None))
    with pytest.raises(ValidationFailed) as info:
        validate_graph(graph)
    assert any("10.1" in v for v in info.value.violations)


def test_a_reversed_interval_is_rejected_by_the_shapes():
    graph = build_graph()
    interval = next(i for i in sorted(graph.subjects(TIME.hasEnd, None))
                    if graph.value(i, TIME.hasBeginning) is not None)  # one with both ends
    end = graph.value(interval, TIME.hasEnd)
    begin = graph.value(graph.value(interval, TIME.hasBeginning), TIME.inXSDDate)
    before = begin.toPython() - dt.timedelta(days=1)  # the day before it begins
    graph.set((end, TIME.inXSDDate, Literal(before.isoformat(), datatype=XSD.date)))
    with pytest.raises(ValidationFailed, match="ends before it begins"):
        validate_graph(graph)


def test_unknown_key_names_file_and_line(kb_copy: Path):
    path = kb_copy / "huawei.yaml"
    text = path.read_text().replace("    controller: huawei-device-usa\n",
                                    "    controler: huawei-device-usa\n")
    path.write_text(text)
    with pytest.raises(SourceError) as info:
        build_graph([kb_copy])
    assert info.value.file.endswith("huawei.yaml")
    assert info.value.place.startswith("line ")
    assert "did you mean 'controller'" in info.value.detail


def test_unknown_reference_names_file_and_line(kb_copy: Path):
    path = kb_copy / "huawei.yaml"
    path.write_text(path.read_text().replace("controller: huawei-device-usa",
                                             "controller: huawei-device-uk"))
    with pytest.raises(SourceError, match="unknown entity 'huawei-device-uk'"):
        build_graph([kb_copy])


def test_bad_yaml_names_the_line(kb_copy: Path):
    (kb_copy / "broken.yaml").write_text("sources:\n  - id: x\n   title: [unclosed\n")
    with pytest.raises(SourceError) as info:
        build_graph([kb_copy])
    assert "broken.yaml" in str(info.value) and "line" in info.value.place


def test_unknown_jurisdiction_is_reported(kb_copy: Path):
    path = kb_copy / "huawei.yaml"
    path.write_text(path.read_text().replace("      - MD\n", "      - XX\n"))
    with pytest.raises(SourceError, match="unknown jurisdiction or group 'XX'"):
        build_graph([kb_copy])
