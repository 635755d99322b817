"""geoutils geoparse: formats, atomic output, one-line errors with exit status 2."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def cli(*args, cwd=None):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "geoutils", "geoparse", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


@pytest.fixture()
def article(tmp_path, gz):  # gz: the database is built before the CLI runs (no build progress on stderr)
    f = tmp_path / "a.txt"
    f.write_text("BAGHDAD — Rockets hit Jalawla, Diyala province, and Zaghniyah village.", encoding="utf-8")
    return f


def test_csv_to_stdout(article):
    r = cli(str(article))
    assert r.returncode == 0, r.stderr
    head, *rows = r.stdout.strip().splitlines()
    assert head.startswith("file,start_char,end_char,text,place_id") and len(rows) >= 3


def test_geojson_and_json_files(article, tmp_path):
    out = tmp_path / "p.geojson"
    r = cli(str(article), "--format", "geojson", "-o", str(out))
    assert r.returncode == 0, r.stderr
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and any(f["geometry"] is None for f in fc["features"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".p.")]  # no temp file left
    out2 = tmp_path / "p.json"
    assert cli(str(article), "--format", "json", "-o", str(out2), "--published", "2020-02-14").returncode == 0
    assert json.loads(out2.read_text(encoding="utf-8"))[0]["dateline"] is True


@pytest.mark.parametrize("args,needle", [
    (["/no/such/file.txt"], "no such file"),
    (["{a}", "--published", "2020-13-45"], "2020-13-45"),
    (["{a}", "--format", "xml"], "invalid choice"),
    (["{a}", "-o", "/no/such/dir/x.csv"], "does not exist"),
    (["{a}", "--focus", "IRAQ"], "IRAQ"),
])
def test_bad_input_is_one_line_and_status_2(article, args, needle):
    r = cli(*[a.format(a=article) for a in args])
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in r.stderr
