"""Issue 11, item 2: coordinates come from the geometry when the columns are absent or null; shapes are
never lost silently; geometry and columns that disagree are reported."""
from __future__ import annotations

import json
import warnings

import pytest

from geoutils.io import read_incidents


def _geojson(tmp_path, features):
    p = tmp_path / "g.geojson"
    p.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return p


def _feat(geom, **props):
    return {"type": "Feature", "properties": {"event_date": "2020-02-13", **props}, "geometry": geom}


def _read(p):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_incidents(p)


def test_points_without_latlon_properties_are_read(tmp_path):
    g = _read(_geojson(tmp_path, [_feat({"type": "Point", "coordinates": [44.28, 35.51]})]))
    assert (g.latitude.tolist(), g.longitude.tolist()) == ([35.51], [44.28])
    assert g.geometry.iloc[0].x == 44.28


def test_null_latlon_properties_take_the_geometry(tmp_path):
    g = _read(_geojson(tmp_path, [
        _feat({"type": "Point", "coordinates": [44.28, 35.51]}, latitude=None, longitude=None, event_id="a"),
        _feat({"type": "Point", "coordinates": [42.44, 33.79]}, latitude=33.79, longitude=42.44, event_id="b"),
    ]))
    assert g.latitude.tolist() == [35.51, 33.79] and g.geometry.notna().all()


def test_disagreement_is_reported(tmp_path):
    g = _read(_geojson(tmp_path, [
        _feat({"type": "Point", "coordinates": [44.28, 35.51]}, latitude=33.0, longitude=44.0)]))
    assert any("disagrees" in str(i) for i in g.attrs["validation"].issues)


def test_lines_and_polygons_are_not_lost_silently(tmp_path):
    line = {"type": "LineString", "coordinates": [[44.0, 33.0], [44.1, 33.1]]}
    poly = {"type": "Polygon", "coordinates": [[[44, 33], [45, 33], [45, 34], [44, 33]]]}
    p = _geojson(tmp_path, [_feat(line, event_id="l"), _feat(poly, event_id="p", latitude=33.5, longitude=44.5)])
    with pytest.warns(UserWarning, match="dropped 1 of 2"):
        g = read_incidents(p)
    issues = [str(i) for i in g.attrs["validation"].issues]
    assert any("row 0" in m and "not a point geometry" in m and "error" in m for m in issues)
    assert any("row 1" in m and "not a point geometry" in m and "warning" in m for m in issues)
    assert g.event_id.tolist() == ["p"] and g.latitude.tolist() == [33.5]
