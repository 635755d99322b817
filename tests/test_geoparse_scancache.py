"""The geoparse scanner cache: a second process loads it, a damaged file is rebuilt with a warning."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

from geoutils.geoparse import scancache
from geoutils.geoparse.scanner import Scanner

ROOT = Path(__file__).resolve().parent.parent

_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from geoutils.geoparse import scancache
    from geoutils.geoparse.scanner import Scanner

    class Gz:
        path = Path(sys.argv[1])
        user_path = None

    built = []
    def build():
        built.append(1)
        return Scanner([("kirkuk", "p:kirkuk"), ("كركوك", "p:kirkuk")])

    sc = scancache.cached(Gz(), build)
    hits = [(h.key, h.place_ids) for h in sc.scan("shelling near Kirkuk and بكركوك")]
    print("built" if built else "loaded", hits)
""")


class _Gz:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.user_path = None


def _child(db: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEOPARSE_SCANNER_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.fixture()
def db(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("GEOPARSE_SCANNER_CACHE", "1")
    p = tmp_path / "default.sqlite"
    p.write_bytes(b"not really a database; the cache key hashes its size and mtime")
    return p


def test_second_process_loads_the_cache(db: Path):
    first = _child(db)
    assert first.startswith("built")
    assert len(list(db.parent.glob(scancache.PREFIX + "*.pkl"))) == 1
    second = _child(db)
    assert second.startswith("loaded")
    assert second.split(" ", 1)[1] == first.split(" ", 1)[1]  # same hits from the cached scanner


def test_corrupt_cache_is_rebuilt_with_a_warning(db: Path):
    gz = _Gz(db)
    build = lambda: Scanner([("kirkuk", "p:kirkuk")])  # noqa: E731
    scancache.cached(gz, build)
    path = scancache.cache_path(gz)
    assert path is not None and path.is_file()
    path.write_bytes(path.read_bytes()[:40])  # truncated
    calls = []

    def rebuild():
        calls.append(1)
        return build()

    with pytest.warns(RuntimeWarning, match="damaged"):
        sc = scancache.cached(gz, rebuild)
    assert calls == [1] and [h.key for h in sc.scan("near Kirkuk")] == ["kirkuk"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = scancache.cached(gz, lambda: pytest.fail("the rebuilt cache was not written"))
    assert len(again) == 1


def test_stale_cache_gets_a_new_name_and_the_old_one_goes(db: Path):
    gz = _Gz(db)
    scancache.cached(gz, lambda: Scanner([("kirkuk", "p:k")]))
    old = scancache.cache_path(gz)
    db.write_bytes(db.read_bytes() + b" changed")
    new = scancache.cache_path(gz)
    assert new != old
    sc = scancache.cached(gz, lambda: Scanner([("mosul", "p:m")]))
    assert [h.key for h in sc.scan("in Mosul")] == ["mosul"]
    assert not old.exists() and new.exists()


def test_no_path_means_no_cache(tmp_path: Path):
    class NoPath:
        pass

    assert scancache.cache_path(NoPath()) is None
    assert len(scancache.cached(NoPath(), lambda: Scanner([("a1", "p")]))) == 1
