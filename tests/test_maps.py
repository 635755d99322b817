"""Incident maps without a browser: payload, safety, determinism, offline inlining, CLI."""
from __future__ import annotations

import base64
import gzip
import json
import os
import re
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod

from geoutils import assets
from geoutils.cli import main
from geoutils.maps import incident_map, render_html, save_map
from geoutils.maps._payload import dumps, encode_incidents
from geoutils.maps.overlays import choropleth, country_outlines, range_rings, site_records
from test_maps_fixtures import offline_assets  # noqa: F401  (pytest fixture)
from test_maps_fixtures import (ARABIC_NOTE, REPO, XSS, boundaries, seed_incidents, sites,
                                xss_boundaries, xss_incidents, xss_sites)

DATA_RE = re.compile(r'<script type="application/json" id="[^"]+"( data-encoding="gzip\+base64")?>(.*?)</script>', re.S)


def payload_of(html: str) -> dict:
    m = DATA_RE.search(html)
    text = m.group(2)
    if m.group(1):
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    return json.loads(text)


def test_payload_one_point_per_located_incident():
    p = encode_incidents(seed_incidents(), "sub_event_type")
    assert p["n"] == 3 and p["dropped"] == 1
    assert [35.5125, 33.7856, 36.34] == [v / 1e5 for v in p["lat"]]
    assert p["dates"] == ["2020-01-03", "2020-01-08", "2020-02-14"]
    assert ARABIC_NOTE in p["text"]["notes"]
    assert p["types"] == ["Battles", "Explosions/Remote violence"]  # ACLED order, not alphabetical by chance
    assert p["shapes"] == ["diamond", "star"]


def test_html_keeps_arabic_as_utf8_and_one_data_block():
    html = render_html(incident_map(seed_incidents()))
    assert ARABIC_NOTE in html
    assert len(DATA_RE.findall(html)) == 1
    assert payload_of(html)["n"] == 3


def test_same_data_same_bytes_and_ids_follow_content():
    a = render_html(incident_map(seed_incidents(), sites=sites(), rings_km=20, boundaries=boundaries()))
    b = render_html(incident_map(seed_incidents(), sites=sites(), rings_km=20, boundaries=boundaries()))
    assert a == b
    other = seed_incidents()
    other.loc[0, "notes"] = "different"
    c = render_html(incident_map(other))
    ids = lambda h: set(re.findall(r"map_[0-9a-f]{20}\d{4}", h))  # noqa: E731
    assert ids(c) and ids(c) != ids(render_html(incident_map(seed_incidents())))


def test_render_has_no_side_effects():
    m = incident_map(seed_incidents(), heatmap=True)
    first = render_html(m)
    render_html(m, offline=False)
    assert render_html(m) == first


_BUILD = """
import sys, hashlib
sys.path[:0] = [{repo!r}, {tests!r}]
from test_maps_fixtures import seed_incidents, sites
from geoutils.maps import incident_map, render_html
m = incident_map(seed_incidents(), sites=sites(), rings_km=[20, 40], heatmap=True)
print(hashlib.sha256(render_html(m).encode()).hexdigest())
"""


def test_byte_identical_across_processes_and_hash_seeds():
    code = _BUILD.format(repo=str(REPO), tests=str(REPO / "tests"))
    out = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        out.add(res.stdout.strip())
    assert len(out) == 1


def test_xss_strings_never_reach_html_unescaped():
    m = incident_map(xss_incidents(), sites=xss_sites(), rings_km=5, boundaries=xss_boundaries(),
                     color_by="actor1", heatmap=True)
    html = render_html(m)
    for p in XSS:
        if "<" in p or ">" in p:  # strings without markup are inert inside JSON
            assert p not in html
    lowered = html.lower()
    assert "<img" not in lowered and "<svg onload" not in lowered and 'href="javascript:' not in lowered
    assert lowered.count("<script") == lowered.count("</script>")
    # the data survives intact once decoded
    decoded = payload_of(html)
    assert set(decoded["text"]["notes"]) == {f"{p} notes" for p in XSS}
    assert {s["name"] for s in decoded["sites"]} == set(XSS[:2])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_dumps_is_script_safe_and_round_trips(s):
    text = dumps({"s": s})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["s"] == s


def test_geometry_only_gdf_and_plain_lat_lon_frame():
    g = gpd.GeoDataFrame({"notes": ["a"]}, geometry=gpd.points_from_xy([44.0], [35.0]), crs=4326)
    assert payload_of(render_html(incident_map(g)))["n"] == 1
    df = pd.DataFrame({"latitude": [35.0, None], "longitude": [44.0, 45.0]})
    p = payload_of(render_html(incident_map(df)))
    assert (p["n"], p["dropped"]) == (1, 1)
    utm = g.to_crs(32638)
    assert payload_of(render_html(incident_map(utm)))["lat"] == [3500000]


def test_bad_arguments_name_the_bad_value():
    with pytest.raises(ValueError, match="no_such_column"):
        incident_map(seed_incidents(), color_by="no_such_column")
    with pytest.raises(ValueError, match="needs sites"):
        incident_map(seed_incidents(), rings_km=20)
    with pytest.raises(ValueError, match="-5"):
        incident_map(seed_incidents(), sites=sites(), rings_km=-5)
    with pytest.raises(ValueError, match="no geometry"):
        incident_map(pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match="missing.geojson"):
        incident_map(seed_incidents(), boundaries="missing.geojson")


def test_range_rings_are_geodesic():
    rings = range_rings(site_records(sites()), [20, 107])
    geod = Geod(ellps="WGS84")
    for r in rings:
        s = site_records(sites())[r["site"]]
        for lat, lon in r["ring"][::7]:
            _, _, dist = geod.inv(s["lon"], s["lat"], lon, lat)
            assert abs(dist - r["km"] * 1000) < 2.0  # rounding to 1e-5 degree


def test_choropleth_counts_per_area():
    c = choropleth(boundaries(), lat=[35.5125, 33.7856, 36.34], lon=[44.2842, 42.4412, 43.13])
    counts = {f["properties"]["name"]: f["properties"]["count"] for f in c["features"]}
    assert counts == {"North": 2, "South": 1}
    assert all(f["properties"]["cls"] >= 0 for f in c["features"])


def test_country_outlines_from_installed_package():
    fc = country_outlines()
    assert fc is not None, "pyogrio's Natural Earth file should be installed"
    assert len(fc["features"]) > 150


def test_timeline_and_heatmap_options_reach_the_page():
    html = render_html(incident_map(seed_incidents(), heatmap=True, timeline=False, cluster=False))
    assert '"heatmap":true' in html and '"timeline":false' in html and '"cluster":false' in html
    assert "leaflet-heat.js" in html
    assert "leaflet-heat.js" not in render_html(incident_map(seed_incidents()))


# ---------------------------------------------------------------- offline assets

def test_offline_html_needs_no_network(offline_assets):
    m = incident_map(seed_incidents(), heatmap=True, sites=sites(), rings_km=20)
    online, offline = render_html(m), render_html(m, offline=True)
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in online
    assert "tile.openstreetmap.org" in online
    assert not re.search(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)=["']?(https?:)?//""", offline, re.I)
    assert "<script src=" not in offline and "<link rel=" not in offline
    assert "tile.openstreetmap.org" not in offline.split("GeoutilsIncidentMap(")[-1]
    assert "sourceMappingURL" not in offline
    assert "url(images/" not in offline and "data:image/png;base64," in offline
    assert render_html(m, offline=True) == offline


def test_offline_without_cache_says_how_to_fill_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOUTILS_ASSET_DIR", str(tmp_path / "empty"))
    with pytest.raises(assets.MissingAssetError, match="geoutils assets fetch"):
        save_map(incident_map(seed_incidents()), tmp_path / "m.html", offline=True)


def test_asset_fetch_from_node_modules_and_corruption(tmp_path):
    nm = REPO / "node_modules"
    if not (nm / "leaflet").is_dir():
        pytest.skip("node_modules missing: run `npm ci`")
    state = assets.fetch("npm", node_modules=nm, root=tmp_path)
    assert set(state.values()) == {"ok"}
    f = tmp_path / "leaflet@1.9.3" / "dist" / "leaflet.js"
    f.write_text("alert(1)")
    assert assets.status(tmp_path)["leaflet@1.9.3/dist/leaflet.js"] == "corrupt"
    with pytest.raises(ValueError, match="sha256"):
        assets.asset_bytes("leaflet.js", root=tmp_path)
    assets.fetch("npm", node_modules=nm, root=tmp_path)
    assert assets.is_complete(root=tmp_path)
    with pytest.raises(ValueError, match="'ftp'"):
        assets.fetch("ftp", root=tmp_path)


def test_package_json_pins_the_asset_versions():
    pins = json.loads((REPO / "package.json").read_text())["dependencies"]
    for a in assets.ASSETS.values():
        assert pins[a.package] == a.version
    lock = json.loads((REPO / "package-lock.json").read_text())
    for a in assets.ASSETS.values():
        assert lock["packages"][f"node_modules/{a.package}"]["version"] == a.version


# ---------------------------------------------------------------- CLI

@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "parquet", "csv"])
def test_cli_map_formats(tmp_path, fmt, capsys):
    gdf = seed_incidents()
    gdf["event_date"] = gdf["event_date"].astype(str)
    src = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        pd.DataFrame(gdf.drop(columns="geometry")).to_csv(src, index=False)
    elif fmt == "parquet":
        gdf.to_parquet(src)
    else:
        gdf.to_file(src)
    out = tmp_path / "map.html"
    assert main(["map", str(src), "-o", str(out), "--heatmap"]) == 0
    p = payload_of(out.read_text(encoding="utf-8"))
    assert p["n"] == 3 and ARABIC_NOTE in p["text"]["notes"]


def test_cli_offline_and_sites(tmp_path, offline_assets):
    src = tmp_path / "in.geojson"
    seed_incidents().assign(event_date=lambda d: d["event_date"].astype(str)).to_file(src)
    sfile = tmp_path / "sites.geojson"
    sites().to_file(sfile)
    bfile = tmp_path / "areas.geojson"
    boundaries().to_file(bfile)
    out = tmp_path / "map.html"
    rc = main(["map", str(src), "-o", str(out), "--offline", "--sites", str(sfile), "--rings-km", "20",
               "--boundaries", str(bfile)])
    assert rc == 0
    p = payload_of(out.read_text(encoding="utf-8"))
    assert len(p["rings"]) == 2 and len(p["choropleth"]["features"]) == 2


@pytest.mark.parametrize("content,name", [
    ('{"type":"FeatureCollection","features":[]}', "empty.geojson"),
    ("a,b\n1,2\n", "nolatlon.csv"),
    ("x", "table.xlsx"),
    ("event_id,event_date,latitude,longitude\nA,2020-01-01,,\n", "nocoords.csv"),
])
def test_cli_bad_input_one_line_exit_2(tmp_path, capsys, content, name):
    src = tmp_path / name
    src.write_text(content)
    out = tmp_path / "m.html"
    assert main(["map", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and name in err and err.startswith("geoutils map: error:")
    assert not out.exists()


def test_cli_missing_input(tmp_path, capsys):
    assert main(["map", str(tmp_path / "nope.geojson"), "-o", str(tmp_path / "m.html")]) == 2
    assert "nope.geojson" in capsys.readouterr().err


def test_cli_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["map", "--help"])
    assert "examples:" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["assets", "--help"])
    assert "--from npm" in capsys.readouterr().out


def test_cli_assets_status(offline_assets, capsys):
    assert main(["assets", "status"]) == 0
    assert "leaflet@1.9.3/dist/leaflet.js" in capsys.readouterr().out


def test_lazy_reexport():
    import geoutils

    assert geoutils.incident_map is incident_map
    assert geoutils.save_map is save_map


def test_large_payload_is_gzipped_deterministically(monkeypatch):
    import geoutils.maps.core as core

    plain = payload_of(render_html(incident_map(seed_incidents())))
    monkeypatch.setattr(core, "COMPRESS_ABOVE", 0)
    a = render_html(incident_map(seed_incidents()))
    assert 'data-encoding="gzip+base64"' in a
    assert payload_of(a) == plain
    assert a == render_html(incident_map(seed_incidents()))


def test_missing_browser_skips_with_install_hint_or_fails_in_ci(monkeypatch):
    import test_maps_fixtures as fx
    from geoutils.maps import browser

    monkeypatch.delenv("GEOUTILS_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    reason = browser.browser_missing()
    assert "tools/install_browser.sh" in reason
    monkeypatch.setattr(fx, "REQUIRE", False)
    with pytest.raises(pytest.skip.Exception, match="install_browser"):
        fx.unavailable(reason)
    monkeypatch.setattr(fx, "REQUIRE", True)
    with pytest.raises(pytest.fail.Exception, match="GEOUTILS_REQUIRE_BROWSER=1"):
        fx.unavailable(reason)
    with pytest.raises(OSError, match="install_browser"):
        with browser.chromium():
            pass
