"""Context layers of an incident map: basemap outlines, sites, range rings, choropleth.

Each function turns GeoDataFrames into plain JSON-able dicts that the browser
code draws; names stay text (set with ``textContent``), never HTML.

Example
-------
>>> import geopandas as gpd
>>> from shapely.geometry import Point
>>> s = site_records(gpd.GeoDataFrame({"name": ["Base"]}, geometry=[Point(44.0, 35.0)], crs=4326))
>>> s[0]["name"], len(range_rings(s, [20])[0]["ring"])
('Base', 97)
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from geoutils.schema import CRS

_GEOD = Geod(ellps="WGS84")
NAME_COLUMNS = ("name", "NAME", "name_en", "shapeName", "ADM1_EN", "admin1", "admin2", "location", "title")
#: Sequential palette for incident counts per area (ColorBrewer YlOrRd, 5 classes).
CHORO_COLORS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]


def _round_geoms(geoms: Iterable, decimals: int) -> list[dict]:
    arr = shapely.transform(np.asarray(list(geoms), dtype=object), lambda c: np.round(c, decimals))
    return [json.loads(g) for g in shapely.to_geojson(arr)]


def _as_gdf(obj: Any, what: str) -> gpd.GeoDataFrame:
    if isinstance(obj, (str, os.PathLike)):
        path = Path(obj)
        if not path.exists():
            raise ValueError(f"{what} file {str(path)!r} does not exist")
        obj = gpd.read_file(path)
    if not isinstance(obj, gpd.GeoDataFrame):
        raise ValueError(f"{what} must be a GeoDataFrame or a file path, got {type(obj).__name__}")
    obj = obj[obj.geometry.notna() & ~obj.geometry.is_empty]
    if obj.crs is not None and not obj.crs.equals(CRS):
        obj = obj.to_crs(CRS)
    return obj


def _names(gdf: gpd.GeoDataFrame, prefix: str) -> list[str]:
    for col in NAME_COLUMNS:
        if col in gdf.columns:
            return [f"{prefix} {i + 1}" if pd.isna(v) else str(v) for i, v in enumerate(gdf[col])]
    return [f"{prefix} {i + 1}" for i in range(len(gdf))]


def site_records(sites: Any) -> list[dict[str, Any]]:
    """Sites (points, or polygons by a representative point) as ``{name, lat, lon}``."""
    g = _as_gdf(sites, "sites")
    pts = g.geometry.representative_point()
    return [{"name": n, "lat": round(float(p.y), 5), "lon": round(float(p.x), 5)}
            for n, p in zip(_names(g, "Site"), pts)]


def range_rings(sites: list[dict[str, Any]], radii_km: Iterable[float], segments: int = 96) -> list[dict[str, Any]]:
    """Geodesic circles (WGS84 ellipsoid) of each radius around each site.

    Returns one ``{site, km, ring}`` per site and radius; ``ring`` is a closed
    list of ``[lat, lon]`` with ``segments + 1`` vertices.
    """
    radii = [float(r) for r in radii_km]
    for r in radii:
        if not np.isfinite(r) or r <= 0:
            raise ValueError(f"range ring radius {r!r} km must be a positive number")
    az = np.linspace(0.0, 360.0, segments, endpoint=False)
    out = []
    for i, s in enumerate(sites):
        for r in radii:
            lon, lat, _ = _GEOD.fwd(np.full(segments, s["lon"]), np.full(segments, s["lat"]), az,
                                    np.full(segments, r * 1000.0))
            ring = np.round(np.column_stack([lat, lon]), 5).tolist()
            out.append({"site": i, "km": r, "ring": ring + ring[:1]})
    return out


def _breaks(counts: np.ndarray) -> list[int]:
    top = int(counts.max()) if len(counts) else 0
    if top <= len(CHORO_COLORS):
        return list(range(1, top + 1)) or [1]
    qs = np.unique(np.ceil(np.quantile(counts[counts > 0], np.linspace(0, 1, len(CHORO_COLORS) + 1)[1:])))
    return [int(q) for q in qs]


def choropleth(boundaries: Any, lat: np.ndarray, lon: np.ndarray) -> dict[str, Any]:
    """Incident counts per boundary polygon, classed for colouring.

    ``breaks[k]`` is the upper bound of class ``k``; areas with no incident get
    class -1 (outline only).
    """
    g = _as_gdf(boundaries, "boundaries")
    g = g[g.geometry.geom_type.isin(["Polygon", "MultiPolygon"])].reset_index(drop=True)
    if g.empty:
        raise ValueError("boundaries contain no polygons")
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=CRS)
    hit = gpd.sjoin(pts, g[["geometry"]], how="inner", predicate="within")
    counts = np.bincount(hit["index_right"].to_numpy(dtype=int), minlength=len(g))
    breaks = _breaks(counts)
    cls = np.where(counts > 0, np.searchsorted(breaks, counts, side="left"), -1)
    features = [
        {"type": "Feature", "properties": {"name": n, "count": int(c), "cls": int(k)}, "geometry": geom}
        for n, c, k, geom in zip(_names(g, "Area"), counts, cls, _round_geoms(g.geometry.values, 5))
    ]
    picks = np.rint(np.linspace(len(CHORO_COLORS) - 1, 0, len(breaks))[::-1]).astype(int) if len(breaks) > 1 else [2]
    colors = [CHORO_COLORS[k] for k in picks]
    x0, y0, x1, y1 = (round(float(v), 5) for v in g.total_bounds)
    return {"type": "FeatureCollection", "features": features, "breaks": breaks, "colors": colors,
            "latlon_bounds": [[y0, x0], [y1, x1]]}


def _outline_files() -> list[Path]:
    """Natural Earth 1:110m countries shipped inside installed PyPI packages."""
    found = []
    try:
        import pyogrio  # a geopandas I/O dependency; its wheel ships Natural Earth 110m countries

        found.append(Path(pyogrio.__file__).parent / "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp")
    except ImportError:  # pragma: no cover
        pass
    return [f for f in found if f.is_file()]


@functools.lru_cache(maxsize=1)
def country_outlines() -> dict[str, Any] | None:
    """Country outlines for the offline basemap (GeoJSON dict), or None when unavailable.

    Read once per process from the Natural Earth 1:110m countries file that
    the ``pyogrio`` wheel ships (public domain data), coordinates rounded to
    0.01 degree.

    Example
    -------
    >>> fc = country_outlines()
    >>> fc is None or len(fc["features"]) > 100
    True
    """
    for path in _outline_files():
        g = gpd.read_file(path)
        g = g if g.crs is None or g.crs.equals(CRS) else g.to_crs(CRS)
        geoms = _round_geoms(g.geometry.values, 2)
        return {"type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {}, "geometry": geom} for geom in geoms]}
    return None


@functools.lru_cache(maxsize=1)
def admin_outlines() -> dict[str, Any] | None:
    """Iraq's governorate boundaries with their names, for the offline basemap.

    From the OCHA COD-AB polygons the gazetteer vendors (credit "OCHA, Central
    Statistical Organization of Iraq", CC BY-IGO), simplified to ~1 km for
    display; each feature's ``name`` (English) and ``name_ar`` label it at a
    point inside it (``label``: [lat, lon]). None when the data is missing.

    Example
    -------
    >>> fc = admin_outlines()
    >>> fc is None or len(fc["features"]) == 18
    True
    """
    try:
        from gazetteer.sources.cod_ab import CREDIT, admin_frame

        g = admin_frame(1)
    except (ImportError, OSError, ValueError):  # pragma: no cover - data shipped with the package
        return None
    geoms = shapely.coverage_simplify(g.geometry.values, 0.01)
    labels = g.geometry.representative_point()
    features = [{"type": "Feature", "geometry": geom,
                 "properties": {"name": str(n), "name_ar": str(a), "label": [round(p.y, 3), round(p.x, 3)]}}
                for geom, n, a, p in zip(_round_geoms(geoms, 3), g["name_en"], g["name_ar"], labels)]
    return {"type": "FeatureCollection", "features": features, "attribution": CREDIT}
