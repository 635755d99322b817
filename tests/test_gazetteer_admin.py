"""What other parts get from the COD-AB units: assign_admin's default and the map's governorates."""
from __future__ import annotations

import pandas as pd
from shapely.geometry import Point

from geoutils.maps.overlays import admin_outlines
from geoutils.schema import coerce
from geoutils.spatial import assign_admin


def test_assign_admin_defaults_to_official_iraqi_units(gz):
    g = coerce(pd.DataFrame({"latitude": [35.47, 36.34, 33.42, 48.85], "longitude": [44.39, 43.13, 43.30, 2.35]}))
    out = assign_admin(g)
    assert out["admin1"].tolist()[:3] == ["Kirkuk", "Ninewa", "Al-Anbar"]
    assert out["admin2"].tolist()[:3] == ["Kirkuk", "Al-Mosul", "Al-Ramadi"]
    assert pd.isna(out["admin1"].iloc[3])
    # the same names the gazetteer gives its places
    assert gz.resolve("Mosul").admin2 == out["admin2"].iloc[1]


def test_map_governorates_have_names_inside_them():
    fc = admin_outlines()
    assert len(fc["features"]) == 18
    from shapely.geometry import shape

    for f in fc["features"]:
        lat, lon = f["properties"]["label"]
        assert f["properties"]["name"] and f["properties"]["name_ar"]
        assert shape(f["geometry"]).buffer(0.02).contains(Point(lon, lat))


def test_cli_json_reports_admin2(gz):
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "gazetteer", "resolve", "الموصل", "--json"], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    d = json.loads(out)
    assert d["admin1"] == "Ninewa" and d["admin2"] == "Al-Mosul"
    out = subprocess.run([sys.executable, "-m", "gazetteer", "search", "Kirkuk", "--json"], capture_output=True,
                         text=True, timeout=120, check=True)
    assert all("admin2" in m for m in json.loads(out.stdout))
