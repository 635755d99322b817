"""Shared data and browser helpers for the map tests (imported by tests/test_maps*.py).

Holds no tests itself.  Browser and offline-asset fixtures skip with an
install hint, or fail when ``GEOUTILS_REQUIRE_BROWSER=1`` (set by CI).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geoutils import assets
from geoutils.maps.browser import browser_missing, chromium
from geoutils.schema import EVENT_TYPES, coerce

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
REQUIRE = os.environ.get("GEOUTILS_REQUIRE_BROWSER") == "1"

ARABIC_NOTE = "سقطت صواريخ كاتيوشا على قاعدة كي وان قرب كركوك"

XSS = [
    "<img src=x onerror=window.__xss=1>",
    "<script>window.__xss=1</script>",
    "javascript:window.__xss=1",
    '"><svg onload=window.__xss=1>',
    "</script><script>window.__xss=1</script>",
    "' onmouseover='window.__xss=1' \"quotes\"",
    "<!--<script>window.__xss=1//-->",
    "{{ 7*7 }} {{ ''.__class__ }} {% if true %}jinja{% endif %}",
]


def unavailable(reason: str) -> None:
    """Skip, or fail when CI demands the browser (GEOUTILS_REQUIRE_BROWSER=1)."""
    if REQUIRE:
        pytest.fail(f"GEOUTILS_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def seed_incidents() -> gpd.GeoDataFrame:
    """Seed-like table: 3 incidents with coordinates (Arabic notes), 1 without."""
    rows = [
        dict(event_id="SEED1", event_date=dt.date(2020, 2, 14), time_precision=1,
             event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
             location="K1 Air Base", admin1="Kirkuk", country="Iraq", latitude=35.5125, longitude=44.2842,
             fatalities=1, injuries=4, source="Reuters", notes=ARABIC_NOTE),
        dict(event_id="SEED2", event_date=dt.date(2020, 1, 8), time_precision=1,
             event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
             location="Ain al-Asad", admin1="Anbar", country="Iraq", latitude=33.7856, longitude=42.4412,
             fatalities=0, injuries=110, source="https://example.org/news?id=1",
             notes="استهدفت صواريخ باليستية قاعدة عين الأسد الجوية"),
        dict(event_id="SEED3", event_date=dt.date(2020, 1, 3), time_precision=1,
             event_type="Battles", sub_event_type="Armed clash",
             location="Mosul", admin1="Nineveh", country="Iraq", latitude=36.3400, longitude=43.1300,
             fatalities=3, injuries=2, source="AP", notes="اشتباكات مسلحة في الموصل"),
        dict(event_id="SEED4", event_date=dt.date(2020, 2, 14), time_precision=1,
             event_type="Protests", sub_event_type="Peaceful protest", location="Somewhere", country="Iraq",
             latitude=None, longitude=None, fatalities=0, notes="تظاهرة بلا إحداثيات"),
    ]
    return coerce(pd.DataFrame(rows))


def xss_incidents() -> gpd.GeoDataFrame:
    """One incident per payload, the payload in every text column."""
    rows = []
    text_cols = ["event_id", "event_type", "sub_event_type", "actor1", "location", "admin1", "country",
                 "notes", "source"]
    for i, p in enumerate(XSS):
        row = {c: f"{p} {c}" for c in text_cols}
        row.update(event_date=dt.date(2020, 1, 1 + i), latitude=30.0 + 1.5 * i, longitude=40.0 + 1.5 * i,
                   fatalities=i, injuries=i)
        rows.append(row)
    return coerce(pd.DataFrame(rows))


def xss_sites() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": XSS[:2]}, geometry=[Point(40.0, 30.0), Point(43.0, 33.0)], crs=4326)


def xss_boundaries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": XSS[:2]}, geometry=[box(38, 28, 44, 34), box(44, 34, 52, 40)], crs=4326)


def sites() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": ["K1 Air Base", "Ain al-Asad Air Base"]},
                            geometry=[Point(44.2842, 35.5125), Point(42.4412, 33.7856)], crs=4326)


def boundaries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": ["North", "South"]},
                            geometry=[box(41, 34.5, 47, 37.5), box(41, 31, 47, 34.5)], crs=4326)


def synthetic_incidents(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """n random incidents over Iraq/Syria with notes, dates over a year (benchmarks, scale tests)."""
    rng = np.random.default_rng(seed)
    types = list(EVENT_TYPES)
    et = rng.integers(0, len(types), n)
    sub = [EVENT_TYPES[types[k]][j % len(EVENT_TYPES[types[k]])] for k, j in zip(et, rng.integers(0, 8, n))]
    places = [f"Place {k}" for k in range(500)]
    words = ["قصف", "صواريخ", "قاعدة", "اشتباك", "shelling", "near", "the", "base", "rocket", "attack", "killed"]
    notes = [" ".join(rng.choice(words, 8)) + f" #{i}" for i in range(n)]
    df = pd.DataFrame({
        "event_id": [f"E{i}" for i in range(n)],
        "event_date": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D"),
        "event_type": [types[k] for k in et],
        "sub_event_type": sub,
        "location": [places[k] for k in rng.integers(0, len(places), n)],
        "admin1": [f"Admin {k}" for k in rng.integers(0, 30, n)],
        "country": "Iraq",
        "latitude": rng.uniform(29.5, 37.0, n).round(5),
        "longitude": rng.uniform(38.8, 48.5, n).round(5),
        "fatalities": rng.integers(0, 10, n),
        "injuries": rng.integers(0, 20, n),
        "source": [f"Source {k}" for k in rng.integers(0, 40, n)],
        "notes": notes,
    })
    df["event_date"] = df["event_date"].dt.date
    return coerce(df)


@pytest.fixture(scope="session")
def offline_assets(tmp_path_factory: pytest.TempPathFactory):
    """Make sure the offline asset cache is complete without any network.

    Uses the user's cache when complete, else copies from the repo's
    node_modules (``npm ci``) into a temporary cache (GEOUTILS_ASSET_DIR).
    """
    old = os.environ.get("GEOUTILS_ASSET_DIR")
    if not assets.is_complete():
        nm = REPO / "node_modules"
        if not (nm / "leaflet" / "package.json").is_file():
            unavailable("offline map assets are not cached and node_modules is missing; "
                        "run `npm ci && python -m geoutils assets fetch --from npm`")
        tmp = tmp_path_factory.mktemp("assets")
        assets.fetch("npm", node_modules=nm, root=tmp)
        os.environ["GEOUTILS_ASSET_DIR"] = str(tmp)
    yield assets.cache_dir()
    if old is None:
        os.environ.pop("GEOUTILS_ASSET_DIR", None)
    else:
        os.environ["GEOUTILS_ASSET_DIR"] = old


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium browser (Playwright), or skip/fail with how to install it."""
    reason = browser_missing()
    if reason:
        unavailable(reason)
    with chromium() as b:
        yield b


class PageLog:
    """Console errors, page errors and blocked requests of one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []


def open_offline(browser, html_path: Path, *, width: int = 1200, height: int = 800):
    """Open a saved map with every non-file request aborted; return (page, log)."""
    from geoutils.maps.browser import block_network

    log = PageLog()
    page = browser.new_page(viewport={"width": width, "height": height})
    log.blocked = block_network(page)
    page.on("console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
    page.goto(html_path.as_uri(), wait_until="load")
    page.wait_for_function("window.__geoutils_ready === true", timeout=30_000)
    return page, log


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
