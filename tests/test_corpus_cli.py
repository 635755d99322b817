"""``geoutils extract`` on folders, globs and feeds: dedupe, skipped report, atomic output under SIGKILL."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geoutils.cli import main
from geoutils.io import read_incidents

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "notebooks" / "data" / "corpus"


def test_folder_to_parquet_dedupes_and_lists_skipped(tmp_path, capsys, gz):
    src = tmp_path / "in"
    shutil.copytree(CORPUS, src)
    (src / "999_broken.txt").write_bytes(b"\xff\xfe\xfa not text")
    out = tmp_path / "c.parquet"
    assert main(["extract", str(src), "--workers", "1", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 of 33 articles" in err and "999_broken.txt" in err
    merged = read_incidents(out)
    assert main(["extract", str(src), "--workers", "1", "--no-dedupe", "-o", str(tmp_path / "r.parquet")]) == 0
    reports = read_incidents(tmp_path / "r.parquet")
    assert len(merged) < len(reports) and merged.n_sources.max() == 3
    assert merged.crs == "EPSG:4326" and reports.event_id.is_unique


def test_glob_and_jsonl_inputs(tmp_path, gz):
    out = tmp_path / "g.csv"
    assert main(["extract", str(CORPUS / "00*.txt"), "--workers", "1", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("event_id")
    feed = tmp_path / "f.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for f in sorted(CORPUS.glob("00*.txt")):
            meta = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
            fh.write(json.dumps({"text": f.read_text(encoding="utf-8"), **meta}, ensure_ascii=False) + "\n")
    out2 = tmp_path / "f.geojson"
    assert main(["extract", str(feed), "--workers", "1", "-o", str(out2)]) == 0
    assert len(json.loads(out2.read_text())["features"]) == len(read_incidents(out))


def test_no_match_and_bad_workers_are_one_line_errors(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "*.txt")]) == 2
    assert main(["extract", str(CORPUS), "--workers", "0"]) == 2
    assert main(["extract", str(CORPUS), "--format", "parquet"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "*.txt" in err[0] and "0" in err[1] and "parquet" in err[2]


def _big_corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    files = sorted(CORPUS.glob("*.txt"))
    for k in range(copies):
        for f in files:
            stem = f"{k:03d}-{f.stem}"
            shutil.copy(f, folder / f"{stem}.txt")
            shutil.copy(f.with_suffix(".json"), folder / f"{stem}.json")


@pytest.mark.slow
def test_kill_9_leaves_no_output_file(tmp_path, gz):
    src = tmp_path / "in"
    _big_corpus(src, 40)  # 1,280 articles: several seconds on one worker
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "corpus.parquet"
    cmd = [sys.executable, "-m", "geoutils", "extract", str(src), "--workers", "1", "--no-dedupe", "--no-progress",
           "-o", str(out)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    partial = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        found = list(outdir.glob(".corpus.parquet.partial-*"))
        if found:
            partial = found[0]
            break
        time.sleep(0.05)
    assert partial is not None and proc.poll() is None, "the run ended before it could be killed"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()
    assert [p.name for p in outdir.iterdir()] == [partial.name]  # only the hidden partial, never OUT
    # the next run on the same output removes the dead run's partial and writes OUT whole
    small = tmp_path / "small"
    small.mkdir()
    for f in sorted(CORPUS.glob("00*.*")):
        shutil.copy(f, small / f.name)
    done = subprocess.run([sys.executable, "-m", "geoutils", "extract", str(small), "--workers", "1", "--no-dedupe",
                           "-o", str(out)], cwd=ROOT, env=dict(os.environ), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in outdir.iterdir()] == ["corpus.parquet"]
    assert len(read_incidents(out)) > 0
