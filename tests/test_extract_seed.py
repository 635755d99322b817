"""Acceptance on the seed article (published 2020-02-14) with the default gazetteer."""
from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geoutils import extract_incidents

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_c725f2d41bc631cf.txt"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def gdf():
    return extract_incidents(SEED.read_text(encoding="utf-8"), published="2020-02-14")


def rows(g, day, sub=None):
    sel = g[g.event_date == day] if day else g[g.event_date.isna()]
    return sel[sel.sub_event_type == sub] if sub else sel


def test_k1_katyusha(gdf):
    r = rows(gdf, date(2020, 2, 13))
    assert len(r) == 1
    r = r.iloc[0]
    assert km(r.latitude, r.longitude, 35.5125, 44.2842) <= 5
    assert r.sub_event_type == "Shelling/artillery/missile attack" and r.weapon == "Katyusha rocket"
    assert r.fatalities == 0 and r.event_time == "20:45" and r.geo_precision == 1


def test_k1_december(gdf):
    r = rows(gdf, date(2019, 12, 27))
    assert len(r) == 1 and r.iloc[0].fatalities == 1
    assert km(r.iloc[0].latitude, r.iloc[0].longitude, 35.5125, 44.2842) <= 5


def test_airport_drone_strike_once(gdf):
    r = rows(gdf, date(2020, 1, 3))
    assert len(r) == 1
    r = r.iloc[0]
    assert r.sub_event_type == "Air/drone strike" and r.fatalities == 2
    assert km(r.latitude, r.longitude, 33.2625, 44.2346) <= 10


def test_iranian_missiles(gdf):
    r = rows(gdf, date(2020, 1, 8))
    assert len(r) == 2
    asad = r[r.latitude < 34].iloc[0]
    erbil = r[r.latitude > 36].iloc[0]
    assert km(asad.latitude, asad.longitude, 33.7856, 42.4412) <= 8 and asad.injuries == 109
    assert km(erbil.latitude, erbil.longitude, 36.24, 43.96) <= 15
    assert set(r.weapon) == {"ballistic missile"}


def test_undated_recalled_events(gdf):
    r = rows(gdf, None)
    strikes = r[r.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes.iloc[0].fatalities == 25
    assert pd.isna(strikes.iloc[0].latitude) and strikes.iloc[0].geometry is None
    storm = r[r.event_type == "Riots"]
    assert len(storm) == 1 and storm.iloc[0].geo_precision == 1
    assert "embassy" in storm.iloc[0].place_id


def test_no_context_rows(gdf):
    assert len(gdf) == 7
    located = gdf.dropna(subset=["latitude"])
    assert not located.location.str.contains("Washington|Tehran|^Baghdad$", regex=True).any()
