"""Incident maps in headless Chromium, offline, with every network request blocked.

Needs Debian's chromium (``bash tools/install_browser.sh``) and the asset cache
(``npm ci && python -m geoutils assets fetch --from npm``).  Without them the
tests skip; with GEOUTILS_REQUIRE_BROWSER=1 (CI) they fail instead.
Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import time

import pytest

from geoutils.maps import incident_map, save_map, save_png
from test_maps_fixtures import browser, offline_assets  # noqa: F401  (pytest fixtures)
from test_maps_fixtures import (ARABIC_NOTE, XSS, artifact, boundaries, open_offline, seed_incidents,
                                sites, synthetic_incidents, xss_boundaries, xss_incidents, xss_sites)

pytestmark = pytest.mark.browser

MARKERS = ".gu-pt"


def count_points_and_clusters(page) -> tuple[int, int]:
    """(individual markers, incidents inside drawn clusters)."""
    return tuple(page.evaluate("""() => {
        const pts = document.querySelectorAll('.gu-pt').length;
        let inClusters = 0;
        document.querySelectorAll('.gu-cluster span').forEach(s => inClusters += parseInt(s.textContent, 10));
        return [pts, inClusters];
    }"""))


@pytest.fixture(scope="module")
def seed_page(browser, offline_assets, tmp_path_factory):  # noqa: F811
    path = tmp_path_factory.mktemp("seed") / "seed_map.html"
    m = incident_map(seed_incidents(), sites=sites(), rings_km=20, boundaries=boundaries(), heatmap=True)
    save_map(m, path, offline=True)
    page, log = open_offline(browser, path)
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifact("seed_map_offline.png")))
    yield page, log
    page.close()


def test_seed_map_loads_offline_without_errors(seed_page):
    page, log = seed_page
    assert log.errors == []
    assert log.blocked == [], f"offline map tried the network: {log.blocked}"


def test_one_marker_per_located_incident(seed_page):
    page, _ = seed_page
    assert count_points_and_clusters(page) == (3, 0)  # the 4th row has no coordinates


def test_popup_shows_fields_and_arabic_right_to_left(seed_page):
    page, _ = seed_page
    page.evaluate("() => { Object.values(window.__geoutils)[0].map.closePopup(); }")
    marker = page.locator(MARKERS).nth(0)
    marker.click()
    popup = page.locator(".leaflet-popup-content .gu-popup")
    popup.wait_for()
    text = popup.inner_text()
    assert ARABIC_NOTE in text
    for label in ("Date", "Type", "Place", "Fatalities", "Injuries", "Source"):
        assert label in text
    notes = page.locator(".gu-popup .gu-notes")
    assert notes.get_attribute("dir") == "auto"
    assert notes.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.wait_for_timeout(400)  # popup fade-in
    page.screenshot(path=str(artifact("seed_map_popup.png")))


def test_legend_layer_control_and_time_slider_present(seed_page):
    page, _ = seed_page
    legend = page.locator(".gu-legend").inner_text()
    assert "Shelling/artillery/missile attack" in legend and "Armed clash" in legend
    assert "1 incident(s) without coordinates" in legend
    control = page.locator(".leaflet-control-layers").inner_text()
    for name in ("Battles", "Explosions/Remote violence", "Heatmap", "Sites", "Range rings",
                 "Incidents per area", "Country outlines"):
        assert name in control
    assert page.locator(".gu-time input[type=range]").count() == 1


def test_time_slider_and_type_toggle_filter_markers(seed_page):
    page, _ = seed_page
    slider = page.locator(".gu-time input[type=range]")
    slider.evaluate("(e) => { e.value = '0'; e.dispatchEvent(new Event('input')); }")  # up to 2020-01-03
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (1, 0)
    assert "Up to 2020-01-03" in page.locator(".gu-time-label").inner_text()
    slider.evaluate("(e) => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (3, 0)
    page.locator(".leaflet-control-layers label", has_text="Battles").locator("input").uncheck()
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (2, 0)
    page.locator(".leaflet-control-layers label", has_text="Battles").locator("input").check()
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (3, 0)


def test_day_only_and_heatmap(seed_page):
    page, _ = seed_page
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    slider = page.locator(".gu-time input[type=range]")
    slider.evaluate("(e) => { e.value = '2'; e.dispatchEvent(new Event('input')); }")  # 2020-02-14
    page.locator(".gu-dayonly input").check()
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (1, 0)  # the undated-coordinate row stays hidden
    page.locator(".gu-dayonly input").uncheck()
    slider.evaluate("(e) => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
    page.wait_for_timeout(50)
    assert count_points_and_clusters(page) == (3, 0)


def test_unclustered_map_draws_every_incident_on_canvas(browser, offline_assets, tmp_path):  # noqa: F811
    path = save_map(incident_map(synthetic_incidents(2_000), cluster=False), tmp_path / "flat.html", offline=True)
    page, log = open_offline(browser, path)
    assert page.evaluate("() => Object.values(window.__geoutils)[0].markers.getLayers().length") == 2_000
    assert page.locator(MARKERS).count() == 0 and page.locator(".gu-cluster").count() == 0
    assert log.errors == []
    page.close()


def test_xss_fixture_runs_no_script(browser, offline_assets, tmp_path):  # noqa: F811
    path = tmp_path / "xss.html"
    m = incident_map(xss_incidents(), sites=xss_sites(), rings_km=50, boundaries=xss_boundaries(),
                     color_by="actor1", heatmap=True, cluster=True)
    save_map(m, path, offline=True)
    page, log = open_offline(browser, path)
    # open every popup and tooltip, so all data text is rendered into the DOM
    n = page.locator(MARKERS).count()
    assert n == len(XSS)
    opened = page.evaluate("""async () => {
        const a = Object.values(window.__geoutils)[0], wait = ms => new Promise(r => setTimeout(r, ms));
        let k = 0;
        for (const l of a.markers.getLayers()) {
            l.openPopup(); await wait(150);  // as a person would: one popup at a time
            k += l.isPopupOpen() && l.getPopup().getElement().querySelector('.gu-popup') ? 1 : 0;
            if (l.getTooltip()) l.openTooltip();
        }
        a.map.closePopup(); await wait(150);
        a.map.eachLayer(l => { if (l.getTooltip && l.getTooltip()) l.openTooltip(); });
        return k; }""")
    assert opened == len(XSS)
    page.locator(MARKERS).first.hover(force=True)
    page.locator(MARKERS).first.click(force=True)
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.locator("img[src='x'], svg[onload], script:not([src]):not([type='application/json'])").evaluate_all(
        "els => els.filter(e => e.textContent.includes('__xss') || e.getAttribute('onload')).length") == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # payloads are shown as text
    assert XSS[0] + " actor1" in page.locator(".gu-legend").inner_text()
    assert any(XSS[0] in t for t in page.locator(".leaflet-control-layers").all_inner_texts())
    assert log.errors == []
    page.screenshot(path=str(artifact("xss_map.png")))
    page.close()


def test_gzipped_data_block_opens(browser, offline_assets, tmp_path, monkeypatch):  # noqa: F811
    import geoutils.maps.core as core

    monkeypatch.setattr(core, "COMPRESS_ABOVE", 0)
    path = save_map(incident_map(seed_incidents()), tmp_path / "gz.html", offline=True)
    assert 'data-encoding="gzip+base64"' in path.read_text(encoding="utf-8")
    page, log = open_offline(browser, path)
    assert count_points_and_clusters(page) == (3, 0)
    assert log.errors == [] and log.blocked == []
    page.close()


def test_png_export_is_not_blank(offline_assets, tmp_path, browser):  # noqa: F811  (browser: skip hint)
    from PIL import Image, ImageStat

    out = save_png(incident_map(seed_incidents(), sites=sites(), rings_km=20), tmp_path / "map.png",
                   width=900, height=600)
    img = Image.open(out).convert("RGB")
    assert img.size == (900, 600)
    assert len(img.getcolors(maxcolors=1 << 20) or []) > 50
    assert max(ImageStat.Stat(img).stddev) > 10
    img.save(artifact("seed_map_export.png"))


@pytest.mark.slow
def test_100k_incidents_open_and_respond(browser, offline_assets, tmp_path):  # noqa: F811
    gdf = synthetic_incidents(100_000)
    t0 = time.perf_counter()
    m = incident_map(gdf, heatmap=False)
    build = time.perf_counter() - t0
    path = save_map(m, tmp_path / "big.html", offline=True)
    assert path.stat().st_size < 12e6
    t0 = time.perf_counter()
    page, log = open_offline(browser, path)
    first_render = time.perf_counter() - t0
    pts, in_clusters = count_points_and_clusters(page)
    assert pts + in_clusters == 100_000
    assert page.locator(".gu-cluster").count() < 500
    # responds: filter by date, then zoom in far enough to see single incidents
    t0 = time.perf_counter()
    page.locator(".gu-time input[type=range]").evaluate(
        "(e) => { e.value = '100'; e.dispatchEvent(new Event('input')); }")
    page.wait_for_function("() => document.querySelector('.gu-time-label').textContent.includes('Up to')")
    page.wait_for_timeout(300)
    filtered = sum(count_points_and_clusters(page))
    assert 0 < filtered < 100_000
    page.evaluate("() => { const a = Object.values(window.__geoutils)[0]; a.map.setView([33.3, 44.4], 14, {animate: false}); }")
    page.wait_for_timeout(200)
    assert page.locator(MARKERS).count() > 0
    respond = time.perf_counter() - t0
    assert log.errors == []
    page.screenshot(path=str(artifact("map_100k.png")))
    page.close()
    print(f"100k: build {build:.2f}s, first render {first_render:.2f}s, filter+zoom {respond:.2f}s")
    assert first_render < 10  # generous for CI; the benchmark holds the 3 s target


def test_cli_offline_html_and_png(offline_assets, tmp_path, browser):  # noqa: F811  (browser: skip hint)
    from geoutils.cli import main

    src = tmp_path / "seed.geojson"
    seed_incidents().assign(event_date=lambda d: d["event_date"].astype(str)).to_file(src)
    html, png = tmp_path / "map.html", tmp_path / "map.png"
    assert main(["map", str(src), "-o", str(html), "--offline", "--png", str(png)]) == 0
    assert html.stat().st_size > 100_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
