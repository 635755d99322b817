"""Forked workers share the driver's gazetteer and never use its SQLite connections."""
from __future__ import annotations

import os
import sys

import pytest

from gazetteer import Gazetteer

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method is Linux's")


def test_a_forked_child_reopens_the_connection_and_keeps_the_caches(gz):
    gz.resolve("Kirkuk")  # fill the caches
    parent_con = gz._base
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report whether the connection is new and a lookup still works
        try:
            ok = gz._base is not parent_con and gz.resolve("Kirkuk").country_code == "IQ"
            os.write(w, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(w)
    got = os.read(r, 1)
    os.waitpid(pid, 0)
    assert got == b"1"
    assert gz._base is parent_con  # the parent's own connection is untouched
    assert gz.resolve("Kirkuk").country_code == "IQ"


def test_reopen_keeps_answers(tmp_path, gz):
    other = Gazetteer(gz.path)
    before = other.resolve("Baquba")
    other.reopen()
    assert other.resolve("Baquba") == before


def test_processes_engine_forks_workers_that_give_the_serial_rows(gz):
    import gc

    from geoutils.corpus import engines

    texts = [("A rocket hit Kirkuk on Monday.", "2020-01-06", "a"),
             ("Gunmen killed two people in Baquba on Tuesday.", "2020-01-07", "b"),
             ("A roadside bomb exploded near Tikrit on Friday, killing one soldier.", "2020-01-10", "c")]
    from geoutils.corpus.sources import iter_articles

    serial = [r.frame for r in engines.run(iter_articles(texts), engine="processes", workers=1, spec=None,
                                           chunk_size=1)]
    forked = [r.frame for r in engines.run(iter_articles(texts), engine="processes", workers=2, spec=None,
                                           chunk_size=1)]
    assert [None if f is None else f[["event_id", "place_id", "event_date"]].values.tolist() for f in forked] == \
           [None if f is None else f[["event_id", "place_id", "event_date"]].values.tolist() for f in serial]
    assert gc.get_freeze_count() == 0  # the driver's objects are unfrozen after the run
