"""The package installs as `xborder` (never bare `graph`/`api`), with its data, and the README's
two commands are the ones CI runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    commands = [line.split("#")[0].strip() for block in blocks[:2] for line in block.splitlines()
                if line.split("#")[0].strip()]
    assert commands == ["make run", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.M)
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_a_built_wheel_installs_and_answers_outside_the_source_tree(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("xborder-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True, capture_output=True,
                   timeout=300)
    assert not (target / "graph").exists() and not (target / "api").exists()
    code = ("import xborder; from xborder import KnowledgeBase; "
            "r = KnowledgeBase.load(validate=True).resolve('RE', service='cloud', "
            "at='2017-06-01'); print(xborder.__file__); print(r.controller.id)")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=300).stdout.split()
    assert out[0].startswith(str(target))
    assert out[1] == "huawei-technologies-deutschland"
