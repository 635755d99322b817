"""geoutils.schema: coerce, validate, load_valid."""
from __future__ import annotations

import datetime as dt
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from geoutils.schema import (COLUMNS, DTYPES, InvalidIncidentsError, ValidationWarning, coerce, empty_incidents,
                             load_valid, parse_dates, validate)


def good_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["a", "b"], "event_date": ["2020-02-13", "2020-01-08"],
        "latitude": [35.5125, 33.7856], "longitude": [44.2842, 42.4412],
        "time_precision": [1, 1], "geo_precision": [1, 2], "fatalities": [0, 0],
        "event_type": ["Explosions/Remote violence"] * 2,
        "sub_event_type": ["Shelling/artillery/missile attack"] * 2,
    })


def test_empty_and_columns() -> None:
    e = empty_incidents()
    assert list(e.columns) == COLUMNS and e.crs.equals("EPSG:4326")
    assert validate(e).ok


def test_coerce_types_dates_geometry_extras() -> None:
    df = good_rows().assign(extra=["x", "y"])
    df.loc[1, ["latitude", "longitude"]] = np.nan
    g = coerce(df)
    assert list(g.columns) == list(DTYPES) + ["extra", "geometry"]
    assert g.loc[0, "event_date"] == dt.date(2020, 2, 13)
    assert str(g["fatalities"].dtype) == "Int64" and str(g["event_id"].dtype).startswith("string")
    assert g.geometry.iloc[0].equals(Point(44.2842, 35.5125)) and g.geometry.iloc[1] is None
    assert validate(g).ok


def test_coerce_takes_coordinates_from_geometry_and_reprojects() -> None:
    g = gpd.GeoDataFrame({"event_id": ["a"]}, geometry=[Point(44.2842, 35.5125)], crs=4326).to_crs(3857)
    out = coerce(g)
    assert out.crs.equals("EPSG:4326")
    assert out.loc[0, "latitude"] == pytest.approx(35.5125) and out.loc[0, "longitude"] == pytest.approx(44.2842)


def test_coerce_names_bad_values() -> None:
    with pytest.raises(ValueError, match="'fatalities'.*'many'"):
        coerce(pd.DataFrame({"fatalities": ["many"]}))
    with pytest.raises(ValueError, match="'event_date'.*'soon'"):
        coerce(pd.DataFrame({"event_date": ["soon"]}))
    with pytest.raises(ValueError, match="'latitude'.*'north'"):
        coerce(pd.DataFrame({"latitude": ["north"]}))


def test_parse_dates_styles() -> None:
    vals = ["2020-02-13", "13 February 2020", "13 Feb 2020", dt.date(2020, 2, 13), pd.Timestamp("2020-02-13 22:00"),
            dt.datetime(2020, 2, 13, 5), None, "", "2020-02-30", "tomorrow"]
    out = parse_dates(pd.Series(vals, dtype=object)).tolist()
    assert out[:6] == [dt.date(2020, 2, 13)] * 6 and out[6:] == [None] * 4


def test_validate_reports_rows_and_columns() -> None:
    df = good_rows()
    df = pd.concat([df] * 4, ignore_index=True)
    df["event_id"] = list("abcdefgh")
    df.loc[1, "event_date"] = "2020-02-30"
    df.loc[2, "latitude"] = 95.0
    df.loc[3, "longitude"] = np.nan
    df.loc[4, "time_precision"] = 4
    df.loc[5, "geo_precision"] = 0
    df.loc[6, "fatalities"] = -1
    df.loc[7, "event_type"] = "Alien invasion"
    r = validate(df)
    assert r.bad_rows == [1, 2, 3, 4, 5, 6] and not r.ok and not r
    by_row = {i.row: i for i in r.errors}
    assert by_row[1].column == "event_date" and by_row[1].value == "2020-02-30"
    assert "out of range" in by_row[2].message and by_row[2].value == 95.0
    assert "latitude without longitude" in by_row[3].message
    assert "precision" in by_row[4].message and "precision" in by_row[5].message
    assert "negative" in by_row[6].message
    assert [(w.row, w.column) for w in r.warnings] == [(7, "event_type")]
    frame = r.to_frame()
    assert list(frame.columns) == ["row", "column", "value", "message", "severity"] and len(frame) == 7
    assert "6 rows" in r.summary() or "8 rows" in r.summary()
    assert "row 1, column 'event_date'" in str(r)


def test_validate_table_level_problems() -> None:
    r = validate(pd.DataFrame({"event_id": ["a"]}))
    assert {i.column for i in r.errors} == {"event_date", "latitude", "longitude"}
    assert all(i.row is None for i in r.errors)
    assert len(validate(good_rows(), strict=True).errors) == len(DTYPES) - good_rows().shape[1]
    g = coerce(good_rows()).to_crs(3857)
    assert any("CRS" in i.message for i in validate(g).errors)
    bad_dtype = good_rows().assign(latitude=pd.to_datetime(["2020-01-01"] * 2))
    assert any("dtype" in i.message for i in validate(bad_dtype).errors)
    with pytest.raises(ValueError, match="list"):
        validate([1, 2])  # type: ignore[arg-type]


def test_validate_warnings_duplicates_geometry_mismatch_subtype() -> None:
    g = coerce(good_rows().assign(event_id=["a", "a"], sub_event_type=["Grenade", "Peaceful protest"]))
    g.loc[1, "latitude"] = 33.0  # geometry no longer matches
    r = validate(g)
    assert r.ok
    msgs = {(w.row, w.message) for w in r.warnings}
    assert (1, "duplicate event_id") in msgs
    assert (1, "geometry disagrees with latitude/longitude") in msgs
    assert (1, "not a sub-event type of its event type") in msgs


def test_load_valid_drops_bad_rows_with_warning() -> None:
    df = good_rows()
    df.loc[1, "event_date"] = "not a date"
    with pytest.warns(ValidationWarning, match=r"dropped 1 of 2 rows.*rows \[1\]"):
        g = load_valid(df, source="x.csv")
    assert g.index.tolist() == [0] and g.attrs["validation"].dropped == 1
    assert g.attrs["validation"].source == "x.csv"
    with pytest.raises(InvalidIncidentsError, match="x.csv") as exc:
        load_valid(df, source="x.csv", on_invalid="raise")
    assert exc.value.report.bad_rows == [1]
    with pytest.raises(ValueError, match="missing required column"):
        load_valid(pd.DataFrame({"event_id": ["a"]}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_valid(good_rows()).attrs["validation"].ok


def test_package_reexports() -> None:
    import geoutils
    from geoutils import io, schema

    for name in ("validate", "coerce", "empty_incidents", "COLUMNS"):
        assert getattr(geoutils, name) is getattr(schema, name)
    for name in ("read_incidents", "write_incidents", "read_acled", "to_acled"):
        assert getattr(geoutils, name) is getattr(io, name)
