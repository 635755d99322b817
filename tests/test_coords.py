"""parse_coordinates / format_coordinates: notations, errors, round trips (hypothesis)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoutils.spatial import distance_km, format_coordinates, parse_coordinates

K1 = (35.5125, 44.2842)
K1_DMS = (35.5125, 44.284167)  # 44°17′03″


@pytest.mark.parametrize("text, expected", [
    ("35.5125, 44.2842", K1),
    ("35.5125,44.2842", K1),
    ("35.5125 44.2842", K1),
    ("(35.5125, 44.2842)", K1),
    ("35.5125N 44.2842E", K1),
    ("35.5125 N, 44.2842 E", K1),
    ("N35.5125 E44.2842", K1),
    ("44.2842E 35.5125N", K1),
    ("35.5125°N 44.2842°E", K1),
    ("-33.8688, 151.2093", (-33.8688, 151.2093)),
    ("33.8688S 70.6693W", (-33.8688, -70.6693)),
    ("−12.5, −45.25", (-12.5, -45.25)),
    ("35°30′45″N 44°17′03″E", K1_DMS),
    ("35°30'45\"N 44°17'03\"E", K1_DMS),
    ("35°30’45”N 44°17’03”E", K1_DMS),
    ("35º30'45''N 44º17'03''E", K1_DMS),
    ("35 30 45 N, 44 17 03 E", K1_DMS),
    ("35 30 45N 44 17 03E", K1_DMS),
    ("N 35 30 45 E 44 17 03", K1_DMS),
    ("35°30.75′N 44°17.05′E", K1_DMS),
    ("35°30′45″S 44°17′03″W", (-35.5125, -44.284167)),
    ("٣٥٫٥١٢٥، ٤٤٫٢٨٤٢", K1),
    ("٣٥٫٥١٢٥ ٤٤٫٢٨٤٢", K1),
    ("۳۵٫۵۱۲۵, ۴۴٫۲۸۴۲", K1),
    ("٣٥°٣٠′٤٥″N ٤٤°١٧′٠٣″E", K1_DMS),
])
def test_parse_notations(text: str, expected: tuple[float, float]) -> None:
    lat, lon = parse_coordinates(text)
    assert lat == pytest.approx(expected[0], abs=1e-6)
    assert lon == pytest.approx(expected[1], abs=1e-6)


def test_parse_mgrs_matches_mgrs_package() -> None:
    ref = format_coordinates(*K1, style="mgrs")
    assert ref.startswith("38S")
    lat, lon = parse_coordinates(ref)
    assert distance_km(K1, (lat, lon)) < 0.002
    spaced = f"{ref[:3]} {ref[3:5]} {ref[5:10]} {ref[10:]}"
    assert parse_coordinates(spaced) == (lat, lon)
    lat10, lon10 = parse_coordinates(ref[:5] + ref[5:7] + ref[10:12])  # 1 km precision
    assert distance_km(K1, (lat10, lon10)) < 2.0


@pytest.mark.parametrize("text, fragment", [
    ("95.0, 44.0", "latitude 95"),
    ("-91, 44", "latitude -91"),
    ("35.0, 181.0", "longitude 181"),
    ("garbage", "garbage"),
    ("", "no coordinates"),
    ("35.5125", "only one coordinate"),
    ("35.5125N", "only one coordinate"),
    ("35 30 45 N", "only one coordinate"),
    ("35 61 N 44 E", "minutes '61'"),
    ("35 30 75 N 44 17 03 E", "seconds '75'"),
    ("35.5, 44.2, 12", "more than one separator"),
    ("N35 S44", "hemispheres"),
    ("-35.5S 44E", "minus sign"),
    ("38SMD444", "MGRS"),
    ("35.5 30 N 44 E", "decimals allowed only"),
    ("lat 35 lon 44", "lat 35 lon 44"),
])
def test_parse_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ValueError) as exc:
        parse_coordinates(text)
    assert fragment in str(exc.value)
    if text:
        assert repr(text) in str(exc.value) or text in str(exc.value)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(ValueError, match="must be text"):
        parse_coordinates((35.0, 44.0))  # type: ignore[arg-type]


def test_format_styles() -> None:
    assert format_coordinates(*K1) == "35.512500, 44.284200"
    assert format_coordinates(*K1, style="decimal", precision=2) == "35.51, 44.28"
    assert format_coordinates(*K1, style="dms") == "35°30′45.00″N 44°17′03.12″E"
    assert format_coordinates(-0.5, -0.25, style="dms", precision=0) == "0°30′00″S 0°15′00″W"
    assert format_coordinates(59.99999999, 0.0, style="dms") == "60°00′00.00″N 0°00′00.00″E"


@pytest.mark.parametrize("args, fragment", [
    ((95, 44), "latitude 95"),
    ((35, 200), "longitude 200"),
    (("x", 44), "numbers"),
    ((35, 44, "utm"), "style 'utm'"),
    ((85, 44, "mgrs"), "MGRS"),
])
def test_format_rejects(args: tuple, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        format_coordinates(*args)


lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(lats, lons)
def test_round_trip_decimal(lat: float, lon: float) -> None:
    plat, plon = parse_coordinates(format_coordinates(lat, lon))
    assert plat == pytest.approx(lat, abs=1e-6)
    assert plon == pytest.approx(lon, abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(lats, lons)
def test_round_trip_dms(lat: float, lon: float) -> None:
    plat, plon = parse_coordinates(format_coordinates(lat, lon, style="dms"))
    assert plat == pytest.approx(lat, abs=0.006 / 3600 + 1e-6)
    assert plon == pytest.approx(lon, abs=0.006 / 3600 + 1e-6)


@settings(max_examples=300, deadline=None)
@given(st.floats(-79.9, 83.9, allow_nan=False), st.floats(-179.999, 179.999, allow_nan=False))
def test_round_trip_mgrs(lat: float, lon: float) -> None:
    plat, plon = parse_coordinates(format_coordinates(lat, lon, style="mgrs"))
    assert distance_km((lat, lon), (plat, plon)) < 0.003  # 1 m grid, truncated


@settings(max_examples=200, deadline=None)
@given(lats, lons)
def test_round_trip_arabic_digits(lat: float, lon: float) -> None:
    text = format_coordinates(lat, lon).translate(str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫،"))
    plat, plon = parse_coordinates(text)
    assert math.isclose(plat, lat, abs_tol=1e-6) and math.isclose(plon, lon, abs_tol=1e-6)
