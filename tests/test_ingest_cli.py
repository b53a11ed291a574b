"""`xborder ingest`: JSON, YAML and Turtle output, -o written whole, stdin, and errors with exit
codes and no traceback. The proposal file loads beside the shipped knowledge base."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from xborder.api.cli import main

POLICIES = Path(__file__).parent / "policies"
NORTHWIND = str(POLICIES / "01-northwind-cloud.md")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_fields(capsys):
    code, out, _ = run(capsys, "ingest", NORTHWIND, "--json")
    assert code == 0
    data = json.loads(out)
    assert {"entities", "controller_rules", "recipients", "safeguards"} <= set(data)
    assert {"name": "Northwind Cloud Europe B.V.", "country": "NL"}.items() <= next(
        e for e in data["entities"] if e["name"] == "Northwind Cloud Europe B.V.").items()
    rule = next(r for r in data["controller_rules"] if r["locations"] == ["EEA", "GB", "CH"])
    assert rule["controller"] == "Northwind Cloud Europe B.V."
    assert rule["controller_country"] == "NL" and rule["except"] == []
    assert rule["locations_text"] == "the European Economic Area, the United Kingdom or Switzerland"
    assert set(rule["evidence"]) >= {"quote", "start", "end", "section"}
    assert rule["evidence"]["section"] == "1" and 0 < rule["confidence"] <= 1
    source = Path(NORTHWIND).read_text(encoding="utf-8")
    assert "Northwind" in source[rule["evidence"]["start"]:rule["evidence"]["end"]]


def test_yaml_to_a_file_then_validate_it_with_the_shipped_knowledge_base(capsys, tmp_path):
    out_file = tmp_path / "proposed.yaml"
    code, out, err = run(capsys, "ingest", NORTHWIND, "--org", "Northwind Cloud", "--url",
                         "https://northwind.example/privacy", "--published", "2021-03-01",
                         "-o", str(out_file))
    assert code == 0 and out == "" and "wrote" in err
    data = yaml.safe_load(out_file.read_text(encoding="utf-8"))
    # the short name the policy defines — "Northwind Cloud, Inc. ("Northwind", "we", "us")" —
    # is the organisation's alias
    assert data["organisation"] == {"id": "northwind-cloud", "name": "Northwind Cloud",
                                    "aliases": ["Northwind"]}
    assert data["documents"][0]["url"] == "https://northwind.example/privacy"
    assert [p.name for p in tmp_path.iterdir()] == ["proposed.yaml"]
    code, out, _ = run(capsys, "--kb", str(Path("graph/kb").resolve()), "--kb", str(out_file),
                       "validate")
    assert code == 0 and out.startswith("ok:")


def test_turtle(capsys):
    code, out, _ = run(capsys, "ingest", str(POLICIES / "09-zeta.md"), "--format", "ttl")
    assert code == 0
    assert "@prefix dpv:" in out and "dpv:hasDataController" in out and "Zeta Analytics" in out


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Acme Oy is the controller of your data."))
    code, out, _ = run(capsys, "ingest", "-", "--json")
    assert code == 0
    rule = json.loads(out)["controller_rules"][0]
    assert (rule["controller"], rule["controller_country"], rule["locations"]) == (
        "Acme Oy", "FI", ["*"])


@pytest.mark.parametrize("argv,exit_code,message", [
    (["ingest", "/nonexistent/policy.md"], 2, "cannot read"),
    (["ingest", NORTHWIND, "--published", "2021-02-30"], 2, "not a valid date"),
    (["ingest", str(POLICIES / "expected.yaml"), "--published", "March"], 2, "YYYY-MM-DD"),
])
def test_errors_exit_non_zero_with_a_message(capsys, argv, exit_code, message):
    code, out, err = run(capsys, *argv)
    assert code == exit_code and out == ""
    assert message in err and "Traceback" not in err


def test_empty_and_binary_input(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    code, _, err = run(capsys, "ingest", "-")
    assert code == 2 and "empty" in err
    binary = tmp_path / "policy.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81 not text")
    code, _, err = run(capsys, "ingest", str(binary))
    assert code == 2 and "not UTF-8" in err


def test_an_error_leaves_no_output_file(capsys, tmp_path):
    out_file = tmp_path / "proposed.yaml"
    code, _, _ = run(capsys, "ingest", "/nonexistent.md", "-o", str(out_file))
    assert code == 2 and not out_file.exists()
