"""``python -m benchmarks``: which benchmark runs with which options (no benchmark is run here)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "benchmarks", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_unknown_benchmark_is_one_line():
    out = _run("nosuch")
    assert out.returncode != 0
    assert out.stderr.strip().splitlines() == [
        "unknown benchmark 'nosuch'; choose from gazetteer, extract, spatial, maps, geoparse, accuracy, corpus"]


def test_options_go_with_one_benchmark():
    out = _run("gazetteer", "extract", "--repeat", "1")
    assert out.returncode != 0 and "go with one benchmark" in out.stderr
    assert "Traceback" not in out.stderr


def test_one_benchmark_takes_its_own_options():
    out = _run("geoparse", "--help")
    assert out.returncode == 0, out.stderr
    assert "--mb" in out.stdout and "python -m benchmarks geoparse" in out.stdout
