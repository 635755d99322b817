"""geoutils.spatial: distances, buffers, range queries, nearest site, admin join, timelines."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from geoutils import spatial
from geoutils.schema import coerce
from geoutils.spatial import (assign_admin, bearing, buffer_km, distance_km, nearest, temporal_counts,
                              within_km)

K1 = (35.5125, 44.2842)
BIAP = (33.2625, 44.2346)
ASAD = (33.7856, 42.4412)
ERBIL = (36.24, 43.96)


@dataclass
class FakePlace:  # duck-typed like gazetteer.Place
    name: str
    lat: float
    lon: float
    id: str = "x"


def haversine_km(lat1, lon1, lat2, lon2, r=6371.0088):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(a))


def incidents(lats, lons, **cols) -> gpd.GeoDataFrame:
    return coerce(pd.DataFrame({"latitude": lats, "longitude": lons, **cols}))


def random_iraq(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(29.0, 37.4, n), rng.uniform(38.8, 48.6, n)


# ---------------------------------------------------------------- distance & bearing
def test_distance_known_values() -> None:
    # 1 degree of latitude at the equator on WGS84 is 110.574 km
    assert distance_km(0, 0, 1, 0) == pytest.approx(110.574, abs=0.001)
    d = distance_km(BIAP, ASAD)
    assert d == pytest.approx(haversine_km(*BIAP, *ASAD), rel=0.005)
    assert distance_km(K1, K1) == 0.0


def test_distance_accepts_point_likes_and_arrays() -> None:
    d = distance_km(K1, ERBIL)
    assert distance_km(Point(K1[1], K1[0]), FakePlace("Erbil", *ERBIL)) == pytest.approx(d)
    assert distance_km("35.5125, 44.2842", ERBIL) == pytest.approx(d)
    arr = distance_km(np.array([K1[0], BIAP[0]]), np.array([K1[1], BIAP[1]]), ERBIL[0], ERBIL[1])
    assert arr.shape == (2,) and arr[0] == pytest.approx(d)
    g = incidents([K1[0], np.nan], [K1[1], np.nan])
    out = distance_km(g, ERBIL)
    assert out[0] == pytest.approx(d) and np.isnan(out[1])


def test_distance_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="latitude 91"):
        distance_km((91, 0), (0, 0))
    with pytest.raises(ValueError, match="nowhere at all"):
        distance_km("nowhere at all", K1)
    with pytest.raises(ValueError, match="3 arguments"):
        distance_km(1, 2, 3)


def test_bearing() -> None:
    assert bearing((33, 44), (34, 44)) == pytest.approx(0.0, abs=1e-9)
    assert bearing((33, 44), (33, 45)) == pytest.approx(89.73, abs=0.01)
    assert bearing((34, 44), (33, 44)) == pytest.approx(180.0)
    assert 270 < bearing((33, 44), (33.1, 43.9)) < 360
    b = bearing(np.array([33, 34]), np.array([44, 44]), 35, 44)
    assert np.all((b >= 0) & (b < 360))


# ---------------------------------------------------------------- buffer
def test_buffer_points_are_geodesic_circles() -> None:
    g = incidents([ASAD[0], 60.0], [ASAD[1], 10.0])
    out = buffer_km(g, [20, 5])
    assert out.crs.equals("EPSG:4326") and len(out) == 2 and out.index.equals(g.index)
    for (lat, lon), km, poly in zip([ASAD, (60.0, 10.0)], [20, 5], out.geometry):
        xy = np.asarray(poly.exterior.coords)
        d = distance_km(np.full(len(xy), lat), np.full(len(xy), lon), xy[:, 1], xy[:, 0])
        assert np.allclose(d, km, atol=1e-6)
        assert poly.is_valid and poly.contains(Point(lon, lat))
    # at 60°N a 5 km circle is twice as wide in degrees of longitude as it is tall
    minx, miny, maxx, maxy = out.geometry.iloc[1].bounds
    assert (maxx - minx) / (maxy - miny) == pytest.approx(2.0, rel=0.01)
    assert "latitude" in out.columns  # attributes kept


def test_buffer_keeps_missing_and_handles_lines_in_utm() -> None:
    line = shapely.LineString([(44.0, 33.0), (44.1, 33.0)])
    s = gpd.GeoSeries([line, None], crs="EPSG:4326")
    out = buffer_km(s, 1.0)
    assert out.iloc[1] is None
    poly = out.iloc[0]
    # points 0.99 km north of the line are inside, 1.01 km outside (km measured on the ground)
    from pyproj import Geod
    lon, lat, _ = Geod(ellps="WGS84").fwd(44.05, 33.0, 0, 990)
    assert poly.contains(Point(lon, lat))
    lon, lat, _ = Geod(ellps="WGS84").fwd(44.05, 33.0, 0, 1010)
    assert not poly.contains(Point(lon, lat))


def test_buffer_reprojects_and_rejects() -> None:
    g = incidents([ASAD[0]], [ASAD[1]]).to_crs(3857)
    assert buffer_km(g, 1).crs.equals("EPSG:4326")
    with pytest.raises(ValueError, match="-1"):
        buffer_km(g, -1)
    with pytest.raises(ValueError, match="GeoDataFrame"):
        buffer_km([Point(0, 0)], 1)


# ---------------------------------------------------------------- within_km
def test_within_km_matches_brute_force_and_accepts_point_likes() -> None:
    lat, lon = random_iraq(5000, 1)
    g = incidents(lat, lon)
    exact = distance_km(lat, lon, ASAD[0], ASAD[1])
    for centre in (ASAD, Point(ASAD[1], ASAD[0]), FakePlace("Ain al-Asad", *ASAD)):
        out = within_km(g, centre, 50)
        assert sorted(out.index) == sorted(np.flatnonzero(exact <= 50))
        assert np.allclose(out["distance_km"], exact[out.index])
    assert len(within_km(g, ASAD, 0)) == 0
    assert len(within_km(g, ASAD, 5000)) == len(g)


def test_within_km_skips_missing_and_rejects() -> None:
    g = incidents([ASAD[0], np.nan], [ASAD[1], np.nan])
    assert within_km(g, ASAD, 1).index.tolist() == [0]
    with pytest.raises(ValueError, match="-5"):
        within_km(g, ASAD, -5)
    with pytest.raises(ValueError, match="'far'"):
        within_km(g, ASAD, "far")


def test_within_km_near_antimeridian() -> None:
    g = incidents([0.0, 0.0], [179.95, -179.95])
    assert len(within_km(g, (0.0, 180.0), 10)) == 2


# ---------------------------------------------------------------- nearest
def sites_frame(lat, lon) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": [f"s{i}" for i in range(len(lat))], "id": [f"id{i}" for i in range(len(lat))]},
                            geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


@pytest.mark.parametrize("method", ["grid", "strtree", "brute", "auto"])
@pytest.mark.parametrize("n_sites", [1, 7, 150])
def test_nearest_methods_agree_with_brute_force(method: str, n_sites: int) -> None:
    lat, lon = random_iraq(4000, 2)
    slat, slon = random_iraq(n_sites, 3)
    out = nearest(incidents(lat, lon), sites_frame(slat, slon), method=method)
    d = distance_km(lat[:, None], lon[:, None], slat[None, :], slon[None, :])
    assert (out["nearest_site"].to_numpy() == np.array([f"s{i}" for i in d.argmin(1)])).all()
    assert np.allclose(out["nearest_km"], d.min(1), atol=1e-9)
    assert (out["nearest_id"] == out["nearest_site"].str.replace("s", "id")).all()


def test_nearest_ties_and_near_ties_pick_true_geodesic_nearest() -> None:
    # two sites almost equidistant: sphere and ellipsoid may disagree; exact answer wins
    slat, slon = np.array([34.0, 34.0]), np.array([43.0, 45.0])
    lat = np.full(201, 34.0) + np.linspace(-1, 1, 201)
    lon = np.full(201, 44.0) + np.linspace(-0.001, 0.001, 201)
    for method in ("grid", "strtree"):
        out = nearest(incidents(lat, lon), sites_frame(slat, slon), method=method)
        d = distance_km(lat[:, None], lon[:, None], slat[None, :], slon[None, :])
        assert np.allclose(out["nearest_km"], d.min(1))


def test_nearest_missing_coordinates_max_km_and_places() -> None:
    g = incidents([K1[0], np.nan, 30.5], [K1[1], np.nan, 47.8])
    places = [FakePlace("K-1", 35.5125, 44.2842, "k1"), FakePlace("Erbil", *ERBIL, "erb")]
    out = nearest(g, places, max_km=100)
    assert out["nearest_site"].tolist() == ["K-1", None, None]
    assert out["nearest_id"].tolist() == ["k1", None, None]
    assert out.loc[0, "nearest_km"] == 0 and np.isnan(out.loc[1, "nearest_km"]) and np.isnan(out.loc[2, "nearest_km"])
    assert list(g.columns) == list(out.columns[: len(g.columns)])  # input untouched, columns appended


def test_nearest_large_site_count_uses_strtree_and_world_data() -> None:
    rng = np.random.default_rng(5)
    lat = np.degrees(np.arcsin(rng.uniform(-0.9, 0.9, 800)))
    lon = rng.uniform(-60, 60, 800)
    slat, slon = np.degrees(np.arcsin(rng.uniform(-0.9, 0.9, 1200))), rng.uniform(-60, 60, 1200)
    out = nearest(incidents(lat, lon), sites_frame(slat, slon))  # auto -> strtree
    ref = nearest(incidents(lat, lon), sites_frame(slat, slon), method="brute")
    assert (out["nearest_site"] == ref["nearest_site"]).all()


def test_nearest_rejects() -> None:
    g = incidents([K1[0]], [K1[1]])
    with pytest.raises(ValueError, match="'fastest'"):
        nearest(g, sites_frame([33], [44]), method="fastest")
    with pytest.raises(ValueError, match="'label'"):
        nearest(g, sites_frame([33], [44]), name_col="label")
    with pytest.raises(ValueError, match="Polygon"):
        nearest(g, gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs=4326))
    with pytest.raises(ValueError, match="-1"):
        nearest(g, sites_frame([33], [44]), max_km=-1)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(29, 37.5), st.floats(38.8, 48.6)), min_size=1, max_size=30),
       st.lists(st.tuples(st.floats(29, 37.5), st.floats(38.8, 48.6)), min_size=1, max_size=12))
def test_nearest_property(points, site_points) -> None:
    lat, lon = np.array(points).T
    slat, slon = np.array(site_points).T
    d = distance_km(lat[:, None], lon[:, None], slat[None, :], slon[None, :]).min(1)
    for method in ("grid", "strtree"):
        out = nearest(incidents(lat, lon), sites_frame(slat, slon), method=method)
        assert np.allclose(out["nearest_km"], d, atol=1e-9)


# ---------------------------------------------------------------- assign_admin
@pytest.fixture
def boundaries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"ADM1_EN": ["Kirkuk", "Anbar", "Anbar"], "ADM2_EN": ["Kirkuk", "Heet", "Ramadi"]},
        geometry=[box(43.5, 35.0, 45.0, 36.0), box(42.0, 33.5, 43.0, 34.5), box(43.0, 33.0, 44.0, 34.0)],
        crs="EPSG:4326")


def test_assign_admin(boundaries) -> None:
    g = incidents([35.5, 33.78, 30.0, np.nan, 34.5], [44.28, 42.44, 47.0, np.nan, 43.0],
                  admin1=["old", None, "Basra", None, None])
    out = assign_admin(g, boundaries)
    assert out["admin1"].tolist() == ["Kirkuk", "Anbar", "Basra", pd.NA, "Anbar"]
    assert out["admin2"].tolist() == ["Kirkuk", "Heet", pd.NA, pd.NA, "Heet"]  # border point: first polygon
    kept = assign_admin(g, boundaries, overwrite=False)
    assert kept["admin1"].tolist()[:2] == ["old", "Anbar"]


def test_assign_admin_reprojects_and_rejects(boundaries) -> None:
    g = incidents([35.5], [44.28])
    out = assign_admin(g, boundaries.to_crs(32638))
    assert out.loc[0, "admin1"] == "Kirkuk"
    with pytest.raises(ValueError, match="polygons"):
        assign_admin(g, gpd.GeoDataFrame({"admin1": ["x"]}, geometry=[Point(0, 0)], crs=4326))
    with pytest.raises(ValueError, match="'NAME_9'"):
        assign_admin(g, boundaries, admin1_col="NAME_9")
    with pytest.raises(ValueError, match="admin name column"):
        assign_admin(g, boundaries[["geometry"]])


# ---------------------------------------------------------------- temporal_counts
def test_temporal_counts() -> None:
    df = pd.DataFrame({
        "event_date": [dt.date(2019, 12, 27), dt.date(2020, 1, 3), dt.date(2020, 1, 8), dt.date(2020, 1, 8),
                       dt.date(2020, 2, 13), None],
        "admin1": ["Kirkuk", "Baghdad", "Anbar", "Erbil", "Kirkuk", "Kirkuk"],
        "fatalities": [1, 2, 0, 0, 0, 5],
    })
    m = temporal_counts(df, "M")
    assert m.index.tolist() == list(pd.to_datetime(["2019-12-01", "2020-01-01", "2020-02-01"]))
    assert m["count"].tolist() == [1, 3, 1]
    w = temporal_counts(df, "W")
    assert w["count"].sum() == 5 and (w.index.day_of_week == 0).all() and len(w) == 8
    by = temporal_counts(df, "M", by="admin1")
    assert by.loc["2020-01-01"].to_dict() == {"Anbar": 1, "Baghdad": 1, "Erbil": 1, "Kirkuk": 0}
    f = temporal_counts(df, "M", value="fatalities")
    assert f["fatalities"].tolist() == [1, 2, 0]
    assert temporal_counts(df.iloc[:0], "M").empty
    with pytest.raises(ValueError, match="'H'"):
        temporal_counts(df, "H")
    with pytest.raises(ValueError, match="'nope'"):
        temporal_counts(df, "M", by="nope")


def test_reexports() -> None:
    import geoutils
    for name in spatial.__all__:
        assert getattr(geoutils, name) is getattr(spatial, name)


def test_assign_admin_many_polygons_matches_sjoin() -> None:
    lat, lon = random_iraq(3000, 9)
    g = incidents(lat, lon)
    cells = [box(x, y, x + 0.5, y + 0.5) for x in np.arange(38.5, 49, 0.5) for y in np.arange(29, 37.5, 0.5)]
    b = gpd.GeoDataFrame({"admin2": [f"c{i}" for i in range(len(cells))]}, geometry=cells, crs=4326)
    assert len(b) > 64
    few = b.iloc[::5].reset_index(drop=True)  # <= 64 polygons: the other code path
    for bounds in (b, few):
        out = assign_admin(g, bounds)
        ref = gpd.sjoin(g[["geometry"]], bounds, predicate="intersects", how="left")
        ref = ref[~ref.index.duplicated()]["admin2"]
        assert out["admin2"].astype(object).where(out["admin2"].notna(), None).tolist() == \
            ref.astype(object).where(ref.notna(), None).tolist()


@pytest.mark.parametrize("method", ["grid", "strtree", "brute"])
def test_nearest_duplicate_sites_first_wins(method: str) -> None:
    lat, lon = random_iraq(500, 11)
    s = sites_frame(np.array([33.0, 34.0, 34.0, 35.0]), np.array([44.0, 43.0, 43.0, 45.0]))
    out = nearest(incidents(lat, lon), s, method=method)
    assert "s2" not in set(out["nearest_site"])
