"""The CLI is a thin face: --json prints exactly to_dict(); errors exit non-zero, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.facts import HTDG, POLICY_DATE
from xborder.api.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_resolve_json_is_exactly_to_dict(kb, capsys):
    code, out, _ = run(capsys, "resolve", "RE", "--service", "consumer-cloud", "--at",
                       POLICY_DATE, "--json", "--org", "huawei")
    assert code == 0
    expected = kb.resolve("RE", service="consumer-cloud", at=POLICY_DATE, org="huawei").to_dict()
    assert json.loads(out) == json.loads(json.dumps(expected))
    assert json.loads(out)["controller"]["id"] == HTDG


def test_resolve_human_output_names_controller_rule_and_quote(capsys):
    code, out, _ = run(capsys, "resolve", "Deutschland", "--service", "cloud", "--at",
                       POLICY_DATE, "--org", "huawei")
    assert code == 0
    assert "Huawei Technologies Deutschland GmbH (DE) is the data controller" in out
    assert "section 10" in out
    assert "Consumer Cloud Services" in out


@pytest.mark.parametrize("argv,exit_code,message", [
    (["resolve", "Korea", "--org", "huawei"], 3, "ambiguous"),
    (["resolve", "Atlantisxq", "--org", "huawei"], 3, "Atlantisxq"),
    (["resolve", "DE", "--service", "music", "--org", "huawei"], 4, "no service"),
    (["resolve", "DE", "--at", "2017-02-30", "--org", "huawei"], 2, "not a valid date"),
    (["resolve", "DE", "--service", "cloud", "--at", "2010-01-01",
      "--org", "huawei"], 5, "No controller rule"),
    (["resolve", "DE", "--org", "acme"], 4, "unknown organisation"),
])
def test_errors_print_a_message_and_exit_non_zero(capsys, argv, exit_code, message):
    code, out, err = run(capsys, *argv)
    assert code == exit_code
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_ambiguous_lists_candidates(capsys):
    _, _, err = run(capsys, "resolve", "Korea", "--org", "huawei")
    assert "(KR)" in err and "(KP)" in err


def test_missing_kb_folder_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "--kb", str(tmp_path / "nope"), "info")
    assert code == 6
    assert "no such file or folder" in err


def test_validate_passes_on_the_shipped_knowledge_base(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.startswith("ok:")


@pytest.mark.parametrize("fmt,marker", [("ttl", "@prefix"), ("nt", "<https://"),
                                        ("jsonld", '"@id"')])
def test_export_formats(capsys, fmt, marker):
    code, out, _ = run(capsys, "export", "--format", fmt)
    assert code == 0
    assert marker in out


def test_console_script_entry_point_runs_as_a_process():
    proc = subprocess.run([sys.executable, "-m", "xborder", "resolve", "GI", "--service",
                           "cloud", "--at", POLICY_DATE, "--json", "--org", "huawei"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["controller"]["id"] == HTDG


def test_sparql_select_answers_from_the_graph(capsys):
    query = ("PREFIX xb: <https://w3id.org/xborder/ns#> PREFIX dpv: <https://w3id.org/dpv#> "
             "SELECT ?rule ?name WHERE { ?r a xb:ControllerRule ; xb:id ?rule ; "
             "dpv:hasDataController/dpv:hasName ?name } ORDER BY ?rule")
    code, out, _ = run(capsys, "sparql", query)
    assert code == 0
    assert out.splitlines()[:3] == ["rule,name", "10.1,Huawei Technologies Deutschland GmbH",
                                    '10.2,"Huawei Device USA, Inc."']


def test_sparql_refuses_updates_and_bad_queries(capsys):
    for query in ("DELETE WHERE { ?s ?p ?o }", "SELEKT nothing"):
        code, out, err = run(capsys, "sparql", query)
        assert code == 2 and out == "" and "SPARQL" in err
