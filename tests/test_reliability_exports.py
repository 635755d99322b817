"""Issue 11, items 6, 9, 10, 12, 13 and the smaller ones about outputs and arguments:
atomic writes on a full disk, KML that stays text and readable, CSV formula guard, one-line errors."""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from geoutils.cli import main
from geoutils.io import clean_stale_temps, read_incidents, write_incidents
from geoutils.kml import to_kml_string
from geoutils.schema import coerce

ARTICLE = "A Katyusha rocket hit K-1 air base near Kirkuk on Thursday, wounding two soldiers.\n"


def table(notes="=HYPERLINK(\"http://x\")", **kw):
    return coerce(pd.DataFrame({"event_id": ["e1"], "event_date": ["2020-02-13"], "latitude": [35.5125],
                                "longitude": [44.2842], "notes": [notes], **kw}))


def geoutils(*args, fsize=None, cwd=None):
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run([sys.executable, "-m", "geoutils", *args], capture_output=True, text=True,
                          timeout=600, preexec_fn=limit if fsize else None, cwd=cwd, env=dict(os.environ))


def one_line_error(r):
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


# ------------------------------------------------------------------ 9: full disk, atomic writes
_TOWNS = ["Kirkuk", "Mosul", "Tikrit", "Samarra", "Ramadi", "Fallujah", "Baqubah", "Hillah", "Najaf", "Karbala"]


@pytest.fixture(scope="module")
def article(tmp_path_factory, gz):
    """Distinct incidents (a town and a day each), so every format's output is well past the size limit."""
    d = tmp_path_factory.mktemp("art")
    p = d / "a.txt"
    p.write_text("".join(f"A Katyusha rocket hit a police station in {town} on February {day}, wounding two "
                         "policemen.\n" for day in range(1, 13) for town in _TOWNS[day % 3::3]), encoding="utf-8")
    warm = geoutils("extract", str(p), "--published", "2020-02-14", "--format", "csv", "-o", str(d / "w.csv"))
    assert warm.returncode == 0, warm.stderr  # caches (db, scanner) are written before the disk fills
    assert len(pd.read_csv(d / "w.csv")) >= 20
    return p


@pytest.mark.parametrize("fmt,ext", [("json", ".json"), ("geojson", ".geojson"), ("csv", ".csv"), ("gpkg", ".gpkg")])
def test_extract_on_a_full_disk_keeps_the_old_file(article, tmp_path, fmt, ext):
    out = tmp_path / f"x{ext}"
    out.write_bytes(b"OLD")
    r = geoutils("extract", str(article), "--published", "2020-02-14", "--format", fmt, "-o", str(out), fsize=256)
    one_line_error(r)
    assert str(out) in r.stderr
    assert out.read_bytes() == b"OLD" and sorted(os.listdir(tmp_path)) == [out.name]


def test_convert_on_a_full_disk_is_one_line(tmp_path):
    src = tmp_path / "in.csv"
    write_incidents(coerce(pd.concat([pd.DataFrame(table("n" * 500))] * 40, ignore_index=True)), src)
    out = tmp_path / "out.geojson"
    r = geoutils("convert", str(src), str(out), fsize=8192)
    one_line_error(r)
    assert not out.exists() and sorted(os.listdir(tmp_path)) == ["in.csv"]


def test_stale_temp_files_of_a_killed_process_are_cleaned(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".out.{dead}.abc123.gtmp.csv"
    stale.write_text("half")
    mine = tmp_path / f".out.{os.getpid()}.zzz.gtmp.csv"  # a live writer's file stays
    mine.write_text("busy")
    other = tmp_path / ".out.123.notours.csv"
    other.write_text("x")
    write_incidents(table(), tmp_path / "out.csv")
    assert not stale.exists() and mine.exists() and other.exists()
    assert clean_stale_temps(tmp_path) == []


# ------------------------------------------------------------------ output paths and formats
@pytest.mark.parametrize("argv,needle", [
    (["extract", "{a}", "--published", "2020-02-14", "--format", "csv", "-o", "{d}/x.geojson"], "format is csv"),
    (["extract", "{a}", "--published", "2020-02-14", "-o", "{d}/nodir/x.geojson"], "does not exist"),
    (["extract", "{a}", "--published", "2020-02-14junk"], "2020-02-14junk"),
    (["extract", "{a}", "--published", "2020-W07"], "2020-W07"),
    (["extract", "{a}", "--published", "0001-01-01"], "out of range"),
    (["map", "{g}", "-o", "{d}/m.png"], "format is html"),
    (["map", "{g}", "-o", "{d}/nodir/m.html"], "does not exist"),
    (["map", "{g}", "-o", "{d}/m.html", "--png", "{d}/m.html"], "format is png"),
    (["map", "{g}", "-o", "{d}/m.html", "--sites", "{bad}"], "--sites"),
    (["map", "{g}", "-o", "{d}/m.html", "--boundaries", "{bad}"], "--boundaries"),
    (["map", "{g}", "-o", "{d}/m.html", "--sites", "{d}/none.geojson"], "does not exist"),
    (["validate", "{g}", "--max", "-5"], "at least 0"),
    (["convert", "{g}", "{d}/o.txt"], "unknown file extension"),
])
def test_bad_arguments_are_one_line(tmp_path, capsys, argv, needle, gz):
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    g = tmp_path / "g.geojson"
    write_incidents(table(), g)
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(b"\x89PNG not geojson at all {")
    args = [x.format(a=a, d=tmp_path, g=g, bad=bad) for x in argv]
    with pytest.raises(SystemExit) as exc:
        sys.exit(main(args))
    err = capsys.readouterr().err
    assert exc.value.code == 2 and needle in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "m.html").exists() and not (tmp_path / "nodir").exists()


def test_validate_max_zero_prints_the_summary_only(tmp_path, capsys):
    g = tmp_path / "g.csv"
    g.write_text("event_date,latitude,longitude\nsoon,33,44\nlater,33,44\n", encoding="utf-8")
    assert main(["validate", str(g), "--max", "0"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert "2 errors" in out[0] and out[1:] == ["  … 2 more"]


# ------------------------------------------------------------------ 12: KML
def test_kml_description_is_text_not_html_and_control_chars_are_safe(tmp_path):
    g = table(notes="<img src=x onerror=alert(1)> hit\x01 base", location="K-1 \x02camp")
    text = to_kml_string(g)
    ET.fromstring(text.split("\n", 1)[1])  # parses
    desc = text.split("<description>")[1].split("</description>")[0]
    assert "&amp;lt;img src=x onerror=alert(1)&amp;gt;" in desc and "&lt;img" not in desc.replace("&amp;lt;", "")
    write_incidents(g, tmp_path / "c.kml")
    back = read_incidents(tmp_path / "c.kml")
    assert back.notes.iloc[0] == "<img src=x onerror=alert(1)> hit\ufffd base"  # ExtendedData: the data


def test_issue_repro_kml_with_control_character_validates(tmp_path, gz):
    c = tmp_path / "c.txt"
    c.write_text("A Katyusha rocket hit K-1 air base on Thursday\x01.\n", encoding="utf-8")
    assert main(["extract", str(c), "--published", "2020-02-14", "-o", str(tmp_path / "c.geojson")]) == 0
    assert main(["convert", str(tmp_path / "c.geojson"), str(tmp_path / "c.kml")]) == 0
    assert main(["validate", str(tmp_path / "c.kml")]) == 0


# ------------------------------------------------------------------ 13: CSV formulas
def test_csv_is_guarded_by_default_and_round_trips(tmp_path):
    g = table(notes="=cmd|' /C calc'!A0", actor1="+Unknown", actor2="-", source="@src")
    p = write_incidents(g, tmp_path / "x.csv")
    raw = pd.read_csv(p, dtype=str)
    assert raw.notes[0].startswith("'=") and raw.actor1[0] == "'+Unknown" and raw.source[0] == "'@src"
    assert raw.longitude[0] == "44.2842"  # numbers untouched
    back = read_incidents(p)
    assert back.notes[0] == "=cmd|' /C calc'!A0" and back.actor1[0] == "+Unknown" and back.actor2[0] == "-"
    raw_off = pd.read_csv(write_incidents(g, tmp_path / "y.csv", formula_guard=False), dtype=str)
    assert raw_off.notes[0] == "=cmd|' /C calc'!A0"


def test_cli_csv_guard_switch(tmp_path, capsys):
    src = tmp_path / "in.geojson"
    write_incidents(table(), src)
    assert main(["convert", str(src), str(tmp_path / "a.csv")]) == 0
    assert main(["convert", str(src), str(tmp_path / "b.csv"), "--no-formula-guard"]) == 0
    assert main(["convert", str(src), str(tmp_path / "c.csv"), "--to-acled"]) == 0
    assert pd.read_csv(tmp_path / "a.csv", dtype=str).notes[0].startswith("'=")
    assert pd.read_csv(tmp_path / "b.csv", dtype=str).notes[0].startswith("=")
    assert pd.read_csv(tmp_path / "c.csv", dtype=str).notes[0].startswith("'=")


# ------------------------------------------------------------------ CSV rows with extra fields
def test_csv_rows_with_extra_fields_are_reported_by_line(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("event_id,event_date,latitude,longitude\na,2020-01-01,33,44\nb,2020-01-02,33,44,extra,more\n"
                 "c,2020-01-03,33,44\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="line 3 has 6 fields"):
        g = read_incidents(p)
    assert g.event_id.tolist() == ["a", "c"] and g.index.tolist() == [0, 2]


# ------------------------------------------------------------------ 6: demo sidecar
@pytest.mark.parametrize("sidecar,needle", [('{"published": null}', "no 'published'"), ('["x"]', "JSON object"),
                                            ('{"published": "2020-13-01"}', "not a date"), ("{", "not readable")])
def test_demo_sidecar_is_checked(tmp_path, capsys, sidecar, needle):
    seed = tmp_path / "s.txt"
    seed.write_text(ARTICLE, encoding="utf-8")
    seed.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    assert main(["demo", "--seed", str(seed), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1 and not (tmp_path / "out").exists()


# ------------------------------------------------------------------ coordinates
def test_scientific_notation_is_not_a_coordinate():
    from geoutils.coords import parse_coordinates

    with pytest.raises(ValueError, match="scientific notation"):
        parse_coordinates("1e2, 1")
    assert parse_coordinates("N35 30 E44 17") == (35.5, 44.283333)
