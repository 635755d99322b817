"""Forked workers share the driver's gazetteer and never use its SQLite connections."""
from __future__ import annotations

import os
import sys

import pytest

from gazetteer import Gazetteer

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method is Linux's")


def _in_child(check) -> bool:
    """Run ``check()`` in a forked child; its truth value, reported through a pipe."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.write(w, b"1" if check() else b"0")
        finally:
            os._exit(0)
    os.close(w)
    got = os.read(r, 1)
    os.waitpid(pid, 0)
    return got == b"1"


def test_a_forked_child_reopens_the_connection_and_keeps_the_caches(gz):
    gz.resolve("Kirkuk")  # fill the caches
    parent_con = gz._base
    # in the child: the connection is new and a lookup still works
    assert _in_child(lambda: gz._base is not parent_con and gz.resolve("Kirkuk").country_code == "IQ")
    assert gz._base is parent_con  # the parent's own connection is untouched
    assert gz.resolve("Kirkuk").country_code == "IQ"


def test_reopen_keeps_answers(tmp_path, gz):
    other = Gazetteer(gz.path)
    before = other.resolve("Baquba")
    other.reopen()
    assert other.resolve("Baquba") == before


TEXTS = [("A rocket hit Kirkuk on Monday.", "2020-01-06", "a"),
         ("Gunmen killed two people in Baquba on Tuesday.", "2020-01-07", "b"),
         ("A roadside bomb exploded near Tikrit on Friday, killing one soldier.", "2020-01-10", "c")]


def _rows(engine: str, workers: int) -> list:
    from geoutils.corpus import engines
    from geoutils.corpus.sources import iter_articles

    out = []
    for r in engines.run(iter_articles(TEXTS), engine=engine, workers=workers, spec=None, chunk_size=1):
        out.append(None if r.frame is None else r.frame[["event_id", "place_id", "event_date"]].values.tolist())
    return out


@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_forked_workers_give_the_serial_rows(gz, engine):
    import gc

    serial = _rows("processes", 1)
    assert any(serial)
    assert _rows(engine, 2) == serial  # dask: no client exists, so a forked LocalCluster is started and closed
    assert gc.get_freeze_count() == 0  # the driver's objects are unfrozen after the run


def test_corpus_rows_are_the_rows_extract_incidents_gives(gz):
    """The corpus path builds one table per chunk; its rows are the per-article tables, ids aside."""
    import pandas as pd

    from geoutils import extract_corpus, extract_incidents

    got = extract_corpus(TEXTS, workers=1, dedupe=False, progress=False, gazetteer=gz)
    want = pd.concat([extract_incidents(t, p, source=s, gazetteer=gz) for t, p, s in TEXTS], ignore_index=True)
    cols = [c for c in want.columns if c not in ("event_id", "geometry")]
    assert len(got) == len(want) > 0
    pd.testing.assert_frame_equal(got[cols].reset_index(drop=True), want[cols].reset_index(drop=True))
    assert list(got.dtypes[cols]) == list(want.dtypes[cols])


def test_a_forked_child_with_a_user_layer_keeps_the_preloaded_names(gz, tmp_path):
    """The child's new user-layer connection counts data_version anew: that is no write to react to."""
    g = Gazetteer(gz.path, user_path=tmp_path / "user.sqlite")
    g.add("Camp Forkable", 33.1, 44.1, "base", id="user:camp-forkable", source="test")
    g.preload()
    assert g.resolve("Camp Forkable").id == "user:camp-forkable"
    assert _in_child(lambda: g.resolve("Camp Forkable").id == "user:camp-forkable" and g._memory is not None)


def test_a_closed_gazetteer_is_not_reopened_after_a_fork(gz):
    from gazetteer import core

    g = Gazetteer(gz.path)
    assert g in core._LIVE
    g.close()
    assert g not in core._LIVE


def test_freezing_nests_and_only_the_outermost_run_unfreezes(gz):
    import gc

    from geoutils.corpus import engines

    engines._freeze(None)
    engines._freeze(None)  # a second run inside the first (two generators, a caller's own run)
    engines._unfreeze()
    assert gc.get_freeze_count() > 0
    engines._unfreeze()
    assert gc.get_freeze_count() == 0
