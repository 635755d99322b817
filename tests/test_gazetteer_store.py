"""The SQLite store: user layer durability, rebuilds, GeoNames dump import."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gazetteer import Gazetteer, store

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture()
def fresh(tmp_path, gz):
    """A gazetteer on the built default with an empty user layer of its own."""
    g = Gazetteer(gz.path, tmp_path / "user.sqlite")
    yield g
    g.close()


def test_default_opens_fast_once_built(gz):
    t = time.perf_counter()
    g = Gazetteer(gz.path)
    g.resolve("Kirkuk")
    assert time.perf_counter() - t < 1.0
    assert store.stored_fingerprint(gz.path) == store.fingerprint()


def test_add_persists_and_resolves(fresh, tmp_path):
    p = fresh.add("Camp Example", 33.1, 44.2, "base", name_ar="معسكر المثال", aliases=["CX-7"], country_code="iq",
                  source="test survey")
    assert p.layer == "user" and p.country_code == "IQ"
    assert fresh.resolve("معسكر المثال").id == p.id
    assert fresh.resolve("CX-7").id == p.id
    again = Gazetteer(fresh.path, tmp_path / "user.sqlite")
    assert again.resolve("Camp Example").id == p.id
    assert fresh.remove(p.id)
    assert fresh.resolve("معسكر المثال") is None and fresh.get(p.id) is None


def test_add_rejects_bad_input(fresh):
    with pytest.raises(ValueError, match="latitude"):
        fresh.add("Nowhere", 95, 10)
    with pytest.raises(ValueError, match="empty"):
        fresh.add("  ", 10, 10)
    with pytest.raises(ValueError, match="not a pair of numbers"):
        fresh.add("Nowhere", "north", 10)


def test_user_layer_overrides_default_place(fresh):
    k1 = fresh.resolve("K1")
    fresh.add(k1.name, 35.52, 44.29, k1.kind, aliases=["K1"], id=k1.id, source="corrected survey")
    assert fresh.resolve("K1").source == "corrected survey"
    assert fresh.get(k1.id).lat == 35.52


def test_user_entry_survives_a_crash(tmp_path, gz):
    user = tmp_path / "user.sqlite"
    code = (
        "import os\nfrom gazetteer import Gazetteer\n"
        f"g = Gazetteer({str(gz.path)!r}, {str(user)!r})\n"
        "g.add('Crash Test Site', 34.0, 43.0, 'landmark', source='test')\n"
        "os._exit(9)  # no close, no clean shutdown\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 9, r.stderr
    assert Gazetteer(gz.path, user).resolve("Crash Test Site") is not None


def test_killed_import_leaves_the_user_layer_intact(tmp_path, gz):
    user = tmp_path / "user.sqlite"
    Gazetteer(gz.path, user).add("Before Import", 34.0, 43.0, source="test")
    dump = tmp_path / "big.txt"
    with dump.open("w") as fh:
        for i in range(200_000):
            fh.write(f"{8000000 + i}\tPlace {i}\tPlace {i}\t\t33.0\t44.0\tP\tPPL\tIQ\t\t01\t\t\t\t10\t\t1\tAsia/Baghdad\t2024-01-01\n")
    code = (f"from gazetteer import Gazetteer\nGazetteer({str(gz.path)!r}, {str(user)!r})"
            f".import_geonames({str(dump)!r}, progress=False)\n")
    proc = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(3.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(user)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = con.execute("SELECT count(*) FROM places").fetchone()[0]
    assert n in (1, 200_001)  # all or nothing
    assert Gazetteer(gz.path, user).resolve("Before Import") is not None


def test_rebuild_keeps_user_layer_and_is_atomic(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTEER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GAZETTEER_DATA_DIR", str(tmp_path / "data"))
    target = store.cache_dir() / "default.sqlite"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"old")

    def boom(progress):
        raise RuntimeError("source broke mid-build")

    monkeypatch.setattr(store, "_default_records", boom)
    with pytest.raises(RuntimeError):
        store.build_default(target, progress=False)
    assert target.read_bytes() == b"old"                      # the old file is untouched
    assert not list(target.parent.glob(".*.tmp"))            # and no temp file is left


def test_a_source_edited_mid_build_leaves_a_database_the_next_use_rebuilds(tmp_path, monkeypatch):
    version = {"now": "before"}

    def records_then_edit(progress):
        version["now"] = "after"                            # a curated CSV saved while the build reads it
        return []

    monkeypatch.setattr(store, "fingerprint", lambda: version["now"])
    monkeypatch.setattr(store, "_default_records", records_then_edit)
    target = tmp_path / "default.sqlite"
    store.build_default(target, progress=False)
    assert store.stored_fingerprint(target) == "before"      # stamped with what was read, so it is stale now
    monkeypatch.setenv("GAZETTEER_CACHE_DIR", str(tmp_path))
    store.ensure_default(progress=False)                       # the next use sees the edit and rebuilds
    assert store.stored_fingerprint(target) == "after"


def test_import_geonames_dump(fresh):
    report = fresh.import_geonames(FIX / "geonames_IQ_sample.txt", FIX / "geonames_alternate_sample.txt", progress=False)
    assert report.imported == 3
    bad_lines = sorted(line for _, line, _ in report.errors)
    assert bad_lines == [3, 4, 6, 4] or bad_lines == [3, 4, 4, 6]
    assert any(name.endswith("alternate_sample.txt") and line == 4 for name, line, _ in report.errors)
    camp = fresh.resolve("Camp Testing Alpha")
    assert camp.kind == "base" and camp.source.startswith("GeoNames 9000001")
    village = fresh.resolve("قرية المثال")
    assert village is not None and village.name_ar == "قرية المثال"
    assert fresh.resolve("Example Village").id == village.id
    assert fresh.resolve("Not Imported") is None


def test_import_rejects_unreadable_files(fresh, tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        fresh.import_geonames(tmp_path / "missing.txt", progress=False)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 100)
    with pytest.raises(ValueError, match="UTF-8"):
        fresh.import_geonames(binary, progress=False)


def test_preload_answers_like_sqlite(fresh, gz):
    names = ["K1", "كي وان", "Kirkuk", "Kirkuk province", "وأربيل", "Hawler", "Balad", "Balad Air Base",
             "Kirkukh", "Xyzzyville", "Hit"]
    fresh.add("Camp Preload", 33.3, 44.1, "base", aliases=["CPL"], source="test")
    before = [(n, fresh.resolve(n)) for n in names + ["CPL"]]
    fresh.preload()
    assert [(n, fresh.resolve(n)) for n in names + ["CPL"]] == before
    fresh.add("Camp After", 33.4, 44.2, "base", source="test")       # a write drops the copy
    assert fresh._memory is None and fresh.resolve("Camp After") is not None


def test_user_override_answers_every_alias(fresh):
    """A corrected place in the user layer answers the default's other spellings too."""
    k1 = fresh.resolve("K1")
    fresh.add(k1.name, 35.52, 44.29, k1.kind, aliases=["K1"], id=k1.id, source="corrected survey")
    for name in ("Kaywan", "كي وان", "K-1 Air Base"):
        assert fresh.resolve(name).source == "corrected survey", name
    fresh.preload()
    assert fresh.resolve("Kaywan").source == "corrected survey"
