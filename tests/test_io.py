"""geoutils.io: every format round-trips, writes are atomic, bad input names the path."""
from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geoutils.cli import main
from geoutils.io import format_of, read_incidents, write_incidents
from geoutils.kml import to_kml_string
from geoutils.schema import DTYPES, ValidationWarning, coerce

FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = ["geojson", "json", "gpkg", "parquet", "geoparquet", "csv", "kml"]


@pytest.fixture
def table() -> gpd.GeoDataFrame:
    return coerce(pd.DataFrame({
        "event_id": ["e1", "e2", "e3"],
        "event_date": [dt.date(2020, 2, 13), dt.date(2019, 12, 27), None],
        "time_precision": [1, 1, pd.NA],
        "event_time": ["20:45", None, None],
        "event_type": ["Explosions/Remote violence"] * 3,
        "location": ["K-1 <base> & \"camp\"", "قاعدة كي وان", None],
        "latitude": [35.5125, 35.5125, np.nan], "longitude": [44.2842, 44.2842, np.nan],
        "geo_precision": [1, 2, pd.NA], "fatalities": [0, 1, 0], "injuries": [pd.NA, 2, pd.NA],
        "notes": ["line1\nline2, with comma", "'quotes'", ""], "confidence": [0.9, 0.5, np.nan],
        "extra_col": ["x", None, "z"],
    }))


def same(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame) -> None:
    assert len(a) == len(b)
    for c in a.columns:
        if c == "geometry":
            continue
        left = a[c].reset_index(drop=True)
        right = b[c].reset_index(drop=True)
        if c == "notes":  # empty text and missing are the same thing in most formats
            left, right = left.replace("", pd.NA), right.replace("", pd.NA)
        assert left.astype(object).where(left.notna(), None).tolist() == \
            right.astype(object).where(right.notna(), None).tolist(), c
    assert a.geometry.reset_index(drop=True).geom_equals_exact(b.geometry.reset_index(drop=True), 1e-9).where(
        a.geometry.notna().to_numpy(), True).all()


@pytest.mark.parametrize("ext", FORMATS)
def test_round_trip(table, tmp_path, ext) -> None:
    path = tmp_path / f"incidents.{ext}"
    assert write_incidents(table, path) == path
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = read_incidents(path)
    assert list(back.columns[: len(DTYPES)]) == list(DTYPES)
    assert back.loc[0, "event_date"] == dt.date(2020, 2, 13)
    assert isinstance(back.loc[1, "event_date"], dt.date)
    assert back.crs.equals("EPSG:4326") and back.attrs["validation"].ok
    same(table, back)
    assert sorted(os.listdir(tmp_path)) == [path.name]  # no temp files left


def test_plain_dataframe_is_written(tmp_path) -> None:
    df = pd.DataFrame({"event_date": ["2020-01-08"], "latitude": [33.7856], "longitude": [42.4412]})
    for ext in ("gpkg", "csv"):
        back = read_incidents(write_incidents(df, tmp_path / f"plain.{ext}"))
        assert back.loc[0, "event_date"] == dt.date(2020, 1, 8) and back.geometry.iloc[0].x == 42.4412


def test_empty_table_round_trips(tmp_path) -> None:
    for ext in ("gpkg", "parquet", "csv", "kml", "geojson"):
        path = tmp_path / f"empty.{ext}"
        write_incidents(coerce(pd.DataFrame({"latitude": [], "longitude": [], "event_date": []})), path)
        assert len(read_incidents(path)) == 0


def test_atomic_write_keeps_old_file_on_failure(table, tmp_path, monkeypatch) -> None:
    path = tmp_path / "a.csv"
    write_incidents(table, path)
    before = path.read_bytes()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(ValueError, match="cannot write .*a.csv.*disk full"):  # one line naming the file
        write_incidents(table, path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["a.csv"]


def test_kml_is_escaped_and_google_earth_friendly(table) -> None:
    text = to_kml_string(table)
    assert "K-1 &lt;base&gt; &amp; \"camp\"" in text
    assert "<when>2020-02-13</when>" in text and "<coordinates>44.2842,35.5125</coordinates>" in text
    import xml.etree.ElementTree as ET
    ET.fromstring(text.split("\n", 1)[1])  # well-formed


def test_reads_foreign_kml(tmp_path) -> None:
    path = tmp_path / "ge.kml"
    path.write_text("""<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
      <Placemark><name>Ain al-Asad</name><TimeStamp><when>2020-01-08T01:30:00Z</when></TimeStamp>
      <Point><coordinates>42.4412,33.7856,0</coordinates></Point></Placemark></Folder></Document></kml>""")
    g = read_incidents(path)
    assert g.loc[0, "location"] == "Ain al-Asad" and g.loc[0, "event_date"] == dt.date(2020, 1, 8)
    assert g.loc[0, "latitude"] == pytest.approx(33.7856)


def test_bad_paths_name_the_path(tmp_path, table) -> None:
    with pytest.raises(ValueError, match="'incidents.xlsx'"):
        format_of("incidents.xlsx")
    with pytest.raises(ValueError, match="no such file"):
        read_incidents(tmp_path / "missing.gpkg")
    for ext, junk in (("gpkg", b"not a database"), ("geojson", b"{nope"), ("parquet", b"PAR1 junk"),
                      ("kml", b"<kml><unclosed>"), ("csv", b"\xff\xfe\x00garbage\x00")):
        p = tmp_path / f"junk.{ext}"
        p.write_bytes(junk)
        with pytest.raises(ValueError, match=str(p).replace("\\", "\\\\")):
            read_incidents(p)
    with pytest.raises(ValueError, match="does not exist"):
        write_incidents(table, tmp_path / "no" / "dir.csv")
    with pytest.raises(ValueError, match="'.txt'"):
        write_incidents(table, tmp_path / "x.txt")


def test_bad_rows_are_dropped_and_reported(tmp_path) -> None:
    p = tmp_path / "mixed.csv"
    p.write_text("event_id,event_date,latitude,longitude,geo_precision\n"
                 "a,2020-01-08,33.7856,42.4412,1\n"
                 "b,2020-01-08,133.7856,42.4412,1\n"
                 "c,yesterday,33.7856,42.4412,1\n"
                 "d,2020-01-08,33.7856,42.4412,9\n"
                 "e,2020-01-09,,,\n")
    with pytest.warns(ValidationWarning, match=r"dropped 3 of 5 rows.*\[1, 2, 3\]"):
        g = read_incidents(p)
    assert g["event_id"].tolist() == ["a", "e"] and g.index.tolist() == [0, 4]
    assert g.geometry.iloc[1] is None
    rep = g.attrs["validation"]
    assert rep.bad_rows == [1, 2, 3] and rep.dropped == 3
    with pytest.raises(ValueError, match="mixed.csv"):
        read_incidents(p, on_invalid="raise")
    p2 = tmp_path / "nodate.csv"
    p2.write_text("event_id,latitude\na,33\n")
    with pytest.raises(ValueError, match="nodate.csv.*event_date"):
        read_incidents(p2)


# ---------------------------------------------------------------- CLI
def test_cli_convert_and_validate(tmp_path, capsys, table) -> None:
    src = tmp_path / "in.geojson"
    write_incidents(table, src)
    out = tmp_path / "out.kml"
    assert main(["convert", str(src), str(out)]) == 0
    assert "wrote 3 incidents" in capsys.readouterr().out
    assert len(read_incidents(out)) == 3
    assert main(["validate", str(out)]) == 0
    assert "0 errors" in capsys.readouterr().out
    acled = tmp_path / "acled.csv"
    assert main(["convert", str(out), str(acled), "--to-acled"]) == 0
    assert pd.read_csv(acled)["event_id_cnty"].tolist() == ["e1", "e2", "e3"]


def test_cli_validate_exit_codes(tmp_path, capsys) -> None:
    assert main(["validate", str(FIXTURES / "acled_bad.csv")]) == 1
    out = capsys.readouterr().out
    assert "row 1, column 'event_date'" in out and "5 errors" in out
    assert main(["validate", str(FIXTURES / "acled_new.csv")]) == 0
    assert main(["validate", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv" in capsys.readouterr().err
    p = tmp_path / "cols.csv"
    p.write_text("event_id\na\n")
    assert main(["validate", str(p)]) == 1
    assert "missing required column" in capsys.readouterr().out
    assert main(["validate", str(FIXTURES / "acled_bad.csv"), "--format", "csv"]) == 1
    assert capsys.readouterr().out.startswith("row,column,value,message,severity")


def test_cli_convert_errors(tmp_path, capsys) -> None:
    assert main(["convert", str(FIXTURES / "acled_new.csv"), str(tmp_path / "x.docx")]) == 2
    assert "'.docx'" in capsys.readouterr().err
    assert main(["convert", str(FIXTURES / "acled_bad.csv"), str(tmp_path / "x.gpkg"), "--strict"]) == 2
    assert main(["convert", str(FIXTURES / "acled_bad.csv"), str(tmp_path / "x.gpkg")]) == 0
    captured = capsys.readouterr()
    assert "5 invalid rows dropped" in captured.out and "warning" in captured.err


@pytest.mark.parametrize("cmd", ["convert", "validate"])
def test_cli_help(cmd, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([cmd, "--help"])
    assert exc.value.code == 0
    assert "examples:" in capsys.readouterr().out
