"""dedupe_incidents: the rules of "one event, many sources"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from geoutils.corpus import dedupe_incidents
from geoutils.schema import coerce

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "notebooks" / "data" / "corpus"
EXPL = "Explosions/Remote violence"
D = dt.date(2021, 3, 3)


def row(eid, lat, lon, *, date=D, tp=1, gp=1, etype=EXPL, fat=0, source=None, place=None, conf=0.8):
    return dict(event_id=eid, event_date=date, time_precision=tp, latitude=lat, longitude=lon, geo_precision=gp,
                event_type=etype, fatalities=fat, source=source or f"src-{eid}", place_id=place, confidence=conf,
                notes=f"report {eid}")


def offset(lat, lon, km_north):
    return lat + km_north / 111.2, lon


def test_arabic_and_english_reports_of_one_incident_merge(gz):
    from geoutils.extract import extract_incidents

    rows = []
    for stem in ("001_ain-al-asad-rockets-en1", "002_ain-al-asad-rockets-ar1"):
        meta = pd.read_json(CORPUS / f"{stem}.json", typ="series")
        g = extract_incidents((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"), published=meta["published"],
                              lang=meta["language"], source=meta["source"], gazetteer=gz)
        rows.append(g)
    both = pd.concat(rows, ignore_index=True)
    assert len(both) == 2
    out = dedupe_incidents(both)
    assert len(out) == 1
    assert out.n_sources[0] == 2
    assert set(out.source[0].split(";")) == {"Rafidain Wire", "وكالة دجلة نيوز"}
    assert len(out.merged_ids[0].split(";")) == 2


def test_same_day_40_km_apart_stays_apart():
    lat2, lon2 = offset(35.5, 44.3, 40)
    out = dedupe_incidents(coerce([row("a", 35.5, 44.3), row("b", lat2, lon2)]))
    assert len(out) == 2
    # "near" precision (25 km) does not reach 40 km either
    out = dedupe_incidents(coerce([row("a", 35.5, 44.3, gp=2), row("b", lat2, lon2, gp=2)]))
    assert len(out) == 2
    # km overrides the precision rule
    assert len(dedupe_incidents(coerce([row("a", 35.5, 44.3), row("b", lat2, lon2)]), km=50)) == 1


def test_close_points_merge_and_distance_follows_precision():
    lat2, lon2 = offset(35.5, 44.3, 3)
    assert len(dedupe_incidents(coerce([row("a", 35.5, 44.3), row("b", lat2, lon2)]))) == 1
    lat3, lon3 = offset(35.5, 44.3, 12)
    assert len(dedupe_incidents(coerce([row("a", 35.5, 44.3), row("b", lat3, lon3)]))) == 2
    assert len(dedupe_incidents(coerce([row("a", 35.5, 44.3), row("b", lat3, lon3, gp=2)]))) == 1


def test_different_event_types_do_not_merge_unknown_type_does():
    a, b = row("a", 35.5, 44.3), row("b", 35.5, 44.3, etype="Protests")
    assert len(dedupe_incidents(coerce([a, b]))) == 2
    assert len(dedupe_incidents(coerce([a, b]), by_type=False)) == 1
    c = row("c", 35.5, 44.3, etype=None)
    assert len(dedupe_incidents(coerce([a, c]))) == 1


def test_dates_days_window_and_time_precision():
    a = row("a", 35.5, 44.3)
    nxt = row("b", 35.5, 44.3, date=D + dt.timedelta(days=1))
    assert len(dedupe_incidents(coerce([a, nxt]))) == 2
    assert len(dedupe_incidents(coerce([a, nxt]), days=2)) == 1
    month = row("m", 35.5, 44.3, date=dt.date(2021, 3, 1), tp=3)  # "in March": joins the one March event
    out = dedupe_incidents(coerce([a, month]))
    assert len(out) == 1 and out.event_date[0] == D and out.time_precision[0] == 1
    undated = row("u", 35.5, 44.3, date=None, tp=None)
    assert len(dedupe_incidents(coerce([a, undated]))) == 2


def test_coarse_row_does_not_chain_two_incidents():
    lat2, lon2 = offset(35.5, 44.3, 40)
    mid_lat, mid_lon = offset(35.5, 44.3, 20)
    rows = [row("a", 35.5, 44.3), row("b", lat2, lon2), row("p", mid_lat, mid_lon, gp=3)]
    out = dedupe_incidents(coerce(rows))
    assert len(out) == 3  # the province-level report matches both towns: ambiguous, kept apart
    out = dedupe_incidents(coerce(rows[:1] + rows[2:]))
    assert len(out) == 1 and out.geo_precision[0] == 1  # unambiguous: joins, keeps the precise place


def test_merged_row_keeps_sources_ids_lowest_toll_and_notes():
    rows = [row("a", 35.5, 44.3, fat=3, source="Wire A", gp=2, conf=0.9), row("b", 35.5, 44.3, fat=0, source="Wire B"),
            row("c", 35.5, 44.3, fat=2, source="Wire C; Wire A")]
    out = dedupe_incidents(coerce(rows))
    assert len(out) == 1
    r = out.iloc[0]
    assert r.source == "Wire A;Wire B;Wire C" and r.n_sources == 3
    assert r.merged_ids == "a;b;c" and r.event_id == "a"
    assert r.fatalities == 2  # lowest figure given; "no figure" (0) is not a figure
    assert "fatalities reported: 2 (Wire C; Wire A), 3 (Wire A)" in r.notes
    assert r.geo_precision == 1 and r.notes.startswith("report b")  # most precise place


def test_same_place_id_merges_even_when_coordinates_differ():
    a = row("a", 35.5, 44.3, place="cur:x")
    lat2, lon2 = offset(35.5, 44.3, 30)
    b = row("b", lat2, lon2, place="cur:x")
    assert len(dedupe_incidents(coerce([a, b]))) == 1


def _rows_for_order():
    lat2, lon2 = offset(35.5, 44.3, 40)
    return [row("a", 35.5, 44.3, fat=1), row("b", 35.501, 44.301, fat=2), row("c", lat2, lon2),
            row("d", lat2, lon2, etype="Battles"), row("e", lat2, lon2, etype=None),
            row("f", 35.5, 44.3, date=D + dt.timedelta(days=1)), row("g", 35.5, 44.3, date=dt.date(2021, 3, 1), tp=3),
            row("h", 33.3, 44.4, gp=3), row("i", 33.31, 44.41), row("j", 33.3, 44.4, date=None, tp=None),
            row("k", 36.2, 43.9, gp=2), row("l", 36.3, 43.9, gp=2)]


_BASE = dedupe_incidents(coerce(_rows_for_order()))


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(12)))
def test_input_order_does_not_matter(perm):
    rows = _rows_for_order()
    out = dedupe_incidents(coerce([rows[i] for i in perm]))
    pd.testing.assert_frame_equal(out.drop(columns="geometry"), _BASE.drop(columns="geometry"))
    assert list(out.geometry.to_wkt()) == list(_BASE.geometry.to_wkt())


def test_merge_with_acled_download_shows_what_acled_has(gz, seed_text):
    from geoutils.extract import extract_incidents
    from geoutils.io import read_acled

    ours = extract_incidents(seed_text, published="2020-02-14", source="seed", gazetteer=gz).assign(dataset="extracted")
    acled = read_acled(ROOT / "tests" / "fixtures" / "acled_new.csv").assign(dataset="acled")
    both = dedupe_incidents(pd.concat([ours, acled], ignore_index=True))
    k1 = both[(both.location == "K-1 Air Base") & (both.event_date == dt.date(2020, 2, 13))]
    assert len(k1) == 1 and k1.dataset.iloc[0] == "acled;extracted"
    assert "IRQ91001" in k1.merged_ids.iloc[0]
    assert len(both) < len(ours) + len(acled)


def test_bad_arguments_name_the_value():
    g = coerce([row("a", 35.5, 44.3)])
    with pytest.raises(ValueError, match="0"):
        dedupe_incidents(g, days=0)
    with pytest.raises(ValueError, match="-3"):
        dedupe_incidents(g, km=-3)
    with pytest.raises(ValueError, match="list"):
        dedupe_incidents([1, 2])
    assert len(dedupe_incidents(g.iloc[:0])) == 0


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40).flatmap(lambda n: st.tuples(st.just(n), st.lists(
    st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_vectorised_union_find_gives_the_connected_components(case):
    import numpy as np

    from geoutils.corpus.dedupe import _components

    n, edges = case
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    i = np.array([a for a, _ in edges], dtype=np.int64)
    j = np.array([b for _, b in edges], dtype=np.int64)
    lab = _components(n, i, j)
    for x in range(n):
        for y in range(n):
            assert (lab[x] == lab[y]) == (find(x) == find(y))
