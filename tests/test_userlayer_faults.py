"""Issue 11, items 7 and 8 and the sloppy-argument ones of ``gazetteer add``: a damaged, read-only, full or
busy user layer never crashes a command. Reads answer from the default layer with ONE warning naming the
file and the fix; writes fail with one line; an add is never lost silently."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest


def cli(module, *args, data_dir, env=None, timeout=300):
    e = {**os.environ, "GAZETTEER_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, env=e,
                          timeout=timeout)


@pytest.fixture(autouse=True)
def _built(gz):  # the default database exists before the CLIs run
    return gz


def assert_reads_with_one_warning(data_dir, user):
    r = cli("gazetteer", "resolve", "Kirkuk", data_dir=data_dir)
    assert r.returncode == 0 and "Kirkuk" in r.stdout, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(user) in lines[0] and "Fix:" in lines[0] and "Traceback" not in r.stderr, r.stderr
    return r


def assert_write_fails_one_line(data_dir, user):
    r = cli("gazetteer", "add", "Camp Faultline", "33.1", "44.2", data_dir=data_dir)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    err = [ln for ln in r.stderr.strip().splitlines() if "error" in ln]
    assert len(err) == 1 and str(user) in err[0], r.stderr
    return r


def _junk(p: Path):
    p.write_text("junk\n")


def _other_schema(p: Path):
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE notes(x TEXT)")
    con.commit()
    con.close()


def _directory(p: Path):
    p.mkdir()


@pytest.mark.parametrize("make", [_junk, _other_schema, _directory], ids=["junk", "other-schema", "directory"])
def test_damaged_user_layer(tmp_path, make):
    user = tmp_path / "user.sqlite"
    make(user)
    before = sorted(os.listdir(tmp_path))
    assert_reads_with_one_warning(tmp_path, user)
    assert_write_fails_one_line(tmp_path, user)
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_c725f2d41bc631cf.txt"
    r = cli("geoutils", "extract", str(seed), "--published", "2020-02-14", "--format", "csv", data_dir=tmp_path)
    assert r.returncode == 0 and "K-1" in r.stdout, r.stderr
    assert sum(str(user) in ln for ln in r.stderr.splitlines()) == 1, r.stderr
    assert sorted(os.listdir(tmp_path)) == before  # nothing was written next to it
    if make is _other_schema:  # the other program's database was not given our tables
        con = sqlite3.connect(user)
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["notes"]


def _mount_tmpfs(path: Path, size: str) -> None:
    path.mkdir(exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root (a read-only or full disk cannot be made otherwise)")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")


@pytest.fixture
def tmpfs(tmp_path):
    mnt = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _add_place(data_dir: Path, name: str, lat: str, lon: str):
    r = cli("gazetteer", "add", name, lat, lon, "--kind", "base", data_dir=data_dir)
    assert r.returncode == 0, r.stderr


def test_read_only_disk(tmpfs):
    _mount_tmpfs(tmpfs, "4m")
    _add_place(tmpfs, "Camp Readonlyton", "33.3", "44.4")
    r = subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], capture_output=True)
    assert r.returncode == 0, r.stderr
    user = tmpfs / "user.sqlite"
    r = assert_reads_with_one_warning(tmpfs, user)
    assert "read-write" in r.stderr and "mv " not in r.stderr  # the file is sound: the fix is the disk
    r = cli("gazetteer", "resolve", "Camp Readonlyton", data_dir=tmpfs)  # its places still answer
    assert r.returncode == 0 and "33.3000" in r.stdout, r.stderr
    assert_write_fails_one_line(tmpfs, user)


def test_full_disk(tmpfs):
    _mount_tmpfs(tmpfs, "512k")
    _add_place(tmpfs, "Camp Fullerton", "33.5", "44.5")
    fd = os.open(tmpfs / "filler", os.O_WRONLY | os.O_CREAT)  # fill the disk
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    user = tmpfs / "user.sqlite"
    r = cli("gazetteer", "resolve", "Camp Fullerton", data_dir=tmpfs)
    assert r.returncode == 0 and "33.5000" in r.stdout and "Traceback" not in r.stderr, r.stderr
    for i in range(3):
        r = cli("gazetteer", "add", f"Camp Overflow {i}", "33.6", "44.6",
                *[a for k in range(50) for a in ("--alias", f"Overflow Camp {i} spelling {k}")], data_dir=tmpfs)
        if r.returncode:
            break
    assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert str(user) in r.stderr
    os.unlink(tmpfs / "filler")
    r = cli("gazetteer", "resolve", "Camp Fullerton", data_dir=tmpfs)  # the layer is intact
    assert r.returncode == 0 and "33.5000" in r.stdout, r.stderr


# ------------------------------------------------------------------ 8: add while another process writes
HOLD = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")          # what import-geonames does for its whole run
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def _hold_lock(user: Path, seconds: float):
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(user), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "locked"
    return p


def test_add_waits_for_a_writer_with_a_message(tmp_path):
    _add_place(tmp_path, "Camp Early", "33.1", "44.1")
    holder = _hold_lock(tmp_path / "user.sqlite", 2.0)
    try:
        r = cli("gazetteer", "add", "Camp Patient", "33.2", "44.2", data_dir=tmp_path,
                env={"GAZETTEER_BUSY_TIMEOUT": "30"})
    finally:
        holder.wait(timeout=30)
    assert r.returncode == 0 and "added Camp Patient" in r.stdout, r.stderr
    assert "busy" in r.stderr and "waiting" in r.stderr
    assert cli("gazetteer", "resolve", "Camp Patient", data_dir=tmp_path).returncode == 0


def test_add_that_cannot_wait_fails_with_one_line(tmp_path):
    _add_place(tmp_path, "Camp Early", "33.1", "44.1")
    holder = _hold_lock(tmp_path / "user.sqlite", 6.0)
    try:
        r = cli("gazetteer", "add", "Camp Hasty", "33.2", "44.2", data_dir=tmp_path,
                env={"GAZETTEER_BUSY_TIMEOUT": "1"})
    finally:
        holder.wait(timeout=30)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    err = [ln for ln in r.stderr.splitlines() if "error" in ln]
    assert len(err) == 1 and "locked" in err[0] and "nothing was written" in err[0]
    assert cli("gazetteer", "resolve", "Camp Hasty", data_dir=tmp_path).returncode == 1  # failed loudly, not lost


# ------------------------------------------------------------------ sloppy arguments of add
@pytest.mark.parametrize("args,needle", [
    (["add", "X", "3_3", "44"], "not a number"),
    (["add", "Camp Nan", "nan", "44"], "not a number"),
    (["add", "Q", "33", "44"], "can never be found"),
    (["add", "Camp Narnia", "33", "44", "--country", "Narnia"], "unknown country"),
    (["resolve", "Hit", "--country", "Narnia"], "unknown country"),
])
def test_sloppy_add_arguments_are_refused(tmp_path, args, needle):
    r = cli("gazetteer", *args, data_dir=tmp_path)
    assert r.returncode == 2 and needle in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert not (tmp_path / "user.sqlite").exists() or "Q" not in args


def test_country_name_is_mapped_to_its_code(tmp_path):
    r = cli("gazetteer", "add", "Camp Countryside", "33", "44", "--country", "iraq", "--json", data_dir=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["country_code"] == "IQ", r.stderr


def test_re_adding_an_id_needs_replace_and_says_what_it_replaces(tmp_path):
    base = ["add", "Camp Twicebury", "33.1", "44.1", "--id", "user:twice"]
    assert cli("gazetteer", *base, "--alias", "CTW", "--source", "survey 1", data_dir=tmp_path).returncode == 0
    r = cli("gazetteer", "add", "Camp Twicebury", "35", "44", "--id", "user:twice", data_dir=tmp_path)
    assert r.returncode == 2 and "already holds 'user:twice'" in r.stderr and "survey 1" in r.stderr, r.stderr
    r = cli("gazetteer", "resolve", "Camp Twicebury", "--json", data_dir=tmp_path)
    assert json.loads(r.stdout)["lat"] == 33.1  # the old entry is untouched
    r = cli("gazetteer", "add", "Camp Twicebury", "35", "44", "--id", "user:twice", "--replace", data_dir=tmp_path)
    assert r.returncode == 0 and "replaced user:twice" in r.stdout and "survey 1" in r.stdout and "CTW" in r.stdout


def test_reverse_across_the_antimeridian(tmp_path):
    _add_place(tmp_path, "Camp Dateline", "-17.0", "-179.7")  # 37 km from (-17.0, 179.99) across 180
    r = cli("gazetteer", "reverse", "-17.0", "179.99", "--json", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows[0]["name"] == "Camp Dateline" and rows[0]["distance_km"] < 40
