"""ACLED interop: both column sets read into our schema and write back without losing a field."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from geoutils.acled import NEW_COLUMNS, OLD_COLUMNS, flavor_of, is_acled, read_acled, to_acled
from geoutils.io import read_incidents, write_incidents
from geoutils.schema import DTYPES, ValidationWarning, coerce

FIXTURES = Path(__file__).parent / "fixtures"


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name, columns, flavor", [("acled_old.csv", OLD_COLUMNS, "old"),
                                                    ("acled_new.csv", NEW_COLUMNS, "new")])
def test_read_both_flavors(name, columns, flavor) -> None:
    src = raw(FIXTURES / name)
    assert list(src.columns) == columns and flavor_of(src.columns) == flavor and is_acled(src.columns)
    g = read_acled(FIXTURES / name)
    assert len(g) == len(src) and g.attrs["validation"].ok
    assert list(g.columns[: len(DTYPES)]) == list(DTYPES) and g.crs.equals("EPSG:4326")
    assert g["event_id"].tolist() == src["event_id_cnty"].tolist()
    assert all(isinstance(d, dt.date) for d in g["event_date"])
    assert str(g["fatalities"].dtype) == "Int64" and g["latitude"].dtype == float
    extras = set(columns) - set(DTYPES) - {"event_id_cnty"}
    assert extras <= set(g.columns)  # nothing lost
    assert g.attrs["acled"]["flavor"] == flavor


def test_old_dates_parse() -> None:
    g = read_acled(FIXTURES / "acled_old.csv")
    assert g.loc[0, "event_date"] == dt.date(2020, 2, 13) and g.loc[1, "event_date"] == dt.date(2019, 12, 27)
    assert str(g["inter1"].dtype) == "Int64"  # old numeric interaction codes
    new = read_acled(FIXTURES / "acled_new.csv")
    assert new.loc[0, "inter1"] == "Political militia"  # new textual codes


@pytest.mark.parametrize("name", ["acled_old.csv", "acled_new.csv"])
def test_round_trip_loses_no_field(name, tmp_path) -> None:
    src = raw(FIXTURES / name)
    out = tmp_path / "back.csv"
    back_df = to_acled(read_acled(FIXTURES / name), out)
    assert list(back_df.columns) == list(src.columns)
    pd.testing.assert_frame_equal(raw(out), src)


@pytest.mark.parametrize("name", ["acled_old.csv", "acled_new.csv"])
@pytest.mark.parametrize("ext", ["gpkg", "parquet", "geojson", "kml", "csv"])
def test_round_trip_through_our_formats(name, ext, tmp_path) -> None:
    """ACLED -> ours -> file -> ours -> ACLED keeps every field (the flavor is re-detected)."""
    src = raw(FIXTURES / name)
    mid = tmp_path / f"mid.{ext}"
    write_incidents(read_acled(FIXTURES / name), mid)
    out = tmp_path / "back.csv"
    to_acled(read_incidents(mid), out)
    back = raw(out)
    assert set(back.columns) == set(src.columns)
    pd.testing.assert_frame_equal(back[list(src.columns)], src)


def test_flavor_conversion_and_our_rows() -> None:
    old = read_acled(FIXTURES / "acled_old.csv")
    new = to_acled(old, flavor="new")
    assert list(new.columns[: len(NEW_COLUMNS)]) == NEW_COLUMNS
    assert new.loc[0, "event_date"] == "2020-02-13" and new.loc[0, "event_id_cnty"] == "IRQ90001"
    assert "data_id" in new.columns  # the old-only columns the table carries are kept
    ours = coerce(pd.DataFrame({"event_id": ["x"], "event_date": ["2020-01-08"], "latitude": [33.7856],
                                "longitude": [42.4412], "weapon": ["ballistic missile"], "fatalities": [0]}))
    a = to_acled(ours, flavor="old")
    assert list(a.columns) == OLD_COLUMNS
    assert a.loc[0, "event_date"] == "08 January 2020" and a.loc[0, "year"] == 2020
    assert "weapon" not in a.columns and to_acled(ours, keep_extra=True).loc[0, "weapon"] == "ballistic missile"
    with pytest.raises(ValueError, match="'older'"):
        to_acled(ours, flavor="older")
    with pytest.raises(ValueError, match="x.gpkg"):
        to_acled(ours, "x.gpkg")


def test_merge_ours_with_acled(tmp_path) -> None:
    ours = coerce(pd.DataFrame({"event_id": ["ours-1"], "event_date": ["2020-02-13"], "latitude": [35.5125],
                                "longitude": [44.2842], "fatalities": [0]}))
    merged = pd.concat([read_acled(FIXTURES / "acled_new.csv"), ours], ignore_index=True)
    merged = coerce(merged)
    out = to_acled(merged, tmp_path / "merged.csv", flavor="new")
    assert out["event_id_cnty"].tolist()[-1] == "ours-1" and len(read_acled(tmp_path / "merged.csv")) == 6


def test_bad_rows_fixture() -> None:
    with pytest.warns(ValidationWarning, match="acled_bad.csv"):
        g = read_acled(FIXTURES / "acled_bad.csv")
    rep = g.attrs["validation"]
    assert g["event_id"].tolist() == ["IRQ91001", "IRQ91005"]
    assert rep.bad_rows == [1, 2, 3, 5, 6]
    assert {(i.row, i.column) for i in rep.errors} == {(1, "event_date"), (2, "latitude"), (3, "geo_precision"),
                                                       (5, "latitude"), (6, "fatalities")}


def test_read_incidents_detects_acled_and_rejects_non_acled(tmp_path) -> None:
    g = read_incidents(FIXTURES / "acled_old.csv")
    assert g.attrs["acled"]["flavor"] == "old" and g.loc[0, "event_id"] == "IRQ90001"
    plain = tmp_path / "plain.csv"
    plain.write_text("event_id,event_date,latitude,longitude\na,2020-01-01,33,44\n")
    with pytest.raises(ValueError, match="plain.csv.*not an ACLED export"):
        read_acled(plain)
    with pytest.raises(ValueError, match="missing.csv"):
        read_acled(tmp_path / "missing.csv")
