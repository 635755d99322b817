"""The gazetteer CLI: JSON output, exit codes, one-line errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "gazetteer", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(autouse=True)
def _built(gz):  # the database exists before the CLI runs
    return gz


def test_resolve_json():
    r = run("resolve", "كي وان", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    for k in ("name", "lat", "lon", "kind", "country_code", "admin1", "source", "id", "score"):
        assert k in d
    assert d["kind"] == "base" and abs(d["lat"] - 35.5125) < 0.05


def test_not_found_exits_1_with_one_line():
    r = run("resolve", "Xyzzyville")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().count("\n") == 0 and "Xyzzyville" in r.stderr


@pytest.mark.parametrize("args,needle", [
    (["resolve", ""], "empty"),
    (["reverse", "95", "44"], "latitude"),
    (["reverse", "north", "44"], "not a number"),
    (["import-geonames", "/no/such/file.txt"], "no such file"),
    (["add", "X", "33", "200"], "longitude"),
    (["search", "Kirkuk", "--limit", "0"], "at least 1"),
])
def test_bad_input_is_one_line_no_traceback(args, needle):
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_add_then_resolve_in_a_new_process(tmp_path):
    env = {"GAZETTEER_DATA_DIR": str(tmp_path)}
    r = run("add", "Camp CLI Test", "33.2", "44.1", "--kind", "base", "--alias", "CCT", "--source", "test", env=env)
    assert r.returncode == 0, r.stderr
    r = run("resolve", "CCT", "--json", env=env)
    assert json.loads(r.stdout)["name"] == "Camp CLI Test"


def test_search_and_reverse():
    r = run("search", "Ain al Asad", "--limit", "3", "--json")
    rows = json.loads(r.stdout)
    assert rows[0]["kind"] == "base" and len(rows) <= 3
    r = run("reverse", "35.51", "44.28", "--json")
    assert json.loads(r.stdout)[0]["name"] == "K-1 Air Base"


def test_help_has_examples():
    r = run("--help")
    assert r.returncode == 0 and "examples:" in r.stdout and "resolve" in r.stdout
