"""``geoutils extract`` command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geoutils.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c725f2d41bc631cf.txt"


def test_json_stdout(capsys):
    assert main(["extract", str(SEED), "--published", "2020-02-14", "--format", "json"]) == 0
    recs = json.loads(capsys.readouterr().out)
    assert len(recs) == 7 and recs[0]["event_date"] == "2020-02-13"


def test_geojson_file(tmp_path):
    out = tmp_path / "x.geojson"
    assert main(["extract", str(SEED), "--published", "2020-02-14", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


@pytest.mark.parametrize("argv, needle", [
    (["extract", "missing.txt", "--published", "2020-02-14"], "missing.txt"),
    (["extract", str(SEED), "--published", "2020-02-30"], "2020-02-30"),
    (["extract", str(SEED), "--published", "2020-02-14", "--format", "gpkg"], "gpkg"),
])
def test_bad_input_exit_2(argv, needle, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1


def test_empty_and_binary(tmp_path, capsys):
    (tmp_path / "e.txt").write_text("  \n")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02")
    for f in ("e.txt", "b.bin"):
        assert main(["extract", str(tmp_path / f), "--published", "2020-02-14"]) == 2
    assert "e.txt" in capsys.readouterr().err


def test_help_has_examples():
    out = subprocess.run([sys.executable, "-m", "geoutils", "extract", "--help"], capture_output=True, text=True,
                         cwd=ROOT).stdout
    assert "examples:" in out and "--published" in out
