"""Geodesic buffers and range queries (``buffer_km``, ``within_km``)."""
from __future__ import annotations

from typing import Any, Iterable

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS as _CRS

from geoutils.spatial.geodesy import GEOD, WGS84, _check_range, _latlon


# --------------------------------------------------------------------------- buffers
def _geodesic_circles(lat: np.ndarray, lon: np.ndarray, km: np.ndarray, n: int) -> np.ndarray:
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    lons = np.repeat(lon, n)
    lats = np.repeat(lat, n)
    dist = np.repeat(km * 1000.0, n)
    x, y, _ = GEOD.fwd(lons, lats, np.tile(az, len(lat)), dist)
    x = np.asarray(x).reshape(len(lat), n)
    y = np.asarray(y).reshape(len(lat), n)
    # keep the ring continuous near the antimeridian (relative to the centre)
    x = lon[:, None] + ((x - lon[:, None] + 180.0) % 360.0 - 180.0)
    ring = np.stack([x, y], axis=-1)[:, ::-1]  # counter-clockwise
    ring = np.concatenate([ring, ring[:, :1]], axis=1)
    return shapely.polygons(ring)


def _utm_crs(lat: float, lon: float) -> _CRS:
    zone = int((lon + 180) // 6) % 60 + 1
    return _CRS.from_epsg((32600 if lat >= 0 else 32700) + zone)


def buffer_km(gdf: gpd.GeoDataFrame | gpd.GeoSeries, km: float | Iterable[float],
              resolution: int = 64) -> gpd.GeoDataFrame | gpd.GeoSeries:
    """Buffer geometries by a distance in km, measured on the ground; result in EPSG:4326.

    Points become geodesic circles (``resolution`` vertices computed with
    ``Geod.fwd``, exact on the ellipsoid, all rows at once). Lines and
    polygons are buffered in the UTM zone of their centroid (one projection
    per zone, not per row). ``km`` is one radius or one per row. Empty or
    missing geometries stay missing.

    Example
    -------
    >>> from geoutils.spatial import distance_km
    >>> pts = gpd.GeoSeries.from_xy([42.4412], [33.7856], crs="EPSG:4326")
    >>> ring = buffer_km(pts, 20).iloc[0]
    >>> round(distance_km((33.7856, 42.4412), (ring.exterior.coords[0][1], ring.exterior.coords[0][0])), 3)
    20.0
    """
    is_frame = isinstance(gdf, gpd.GeoDataFrame)
    if not isinstance(gdf, (gpd.GeoDataFrame, gpd.GeoSeries)):
        raise ValueError(f"buffer_km() needs a GeoDataFrame or GeoSeries, got {type(gdf).__name__}")
    geom = gdf.geometry
    if geom.crs is None:
        raise ValueError("geometry has no CRS; set it (e.g. gdf.set_crs('EPSG:4326'))")
    if not geom.crs.equals(WGS84):
        geom = geom.to_crs(WGS84)
    radii = np.broadcast_to(np.asarray(km, dtype=float), (len(geom),)).copy()
    if np.any(~np.isfinite(radii)) or np.any(radii < 0):
        bad = radii[~np.isfinite(radii) | (radii < 0)][0]
        raise ValueError(f"buffer distance must be a non-negative number of km, got {float(bad):g}")
    arr = geom.to_numpy()
    out = np.full(len(arr), None, dtype=object)
    ok = ~(shapely.is_missing(arr) | shapely.is_empty(arr))
    is_pt = ok & (shapely.get_type_id(arr) == 0)
    if is_pt.any():
        out[is_pt] = _geodesic_circles(shapely.get_y(arr[is_pt]), shapely.get_x(arr[is_pt]),
                                       radii[is_pt], max(int(resolution), 8))
    other = np.flatnonzero(ok & ~is_pt)
    if len(other):
        cen = shapely.centroid(arr[other])
        cx, cy = shapely.get_x(cen), shapely.get_y(cen)
        zones = (np.floor((cx + 180) / 6).astype(int) % 60) * 2 + (cy < 0)
        for z in np.unique(zones):  # one projection per UTM zone
            sel = other[zones == z]
            first = np.flatnonzero(zones == z)[0]
            crs = _utm_crs(cy[first], cx[first])
            proj = gpd.GeoSeries(arr[sel], crs=WGS84).to_crs(crs)
            buf = shapely.buffer(proj.to_numpy(), radii[sel] * 1000.0, quad_segs=max(int(resolution) // 4, 2))
            out[sel] = gpd.GeoSeries(buf, crs=crs).to_crs(WGS84).to_numpy()
    series = gpd.GeoSeries(out, index=gdf.index, crs=WGS84)
    if not is_frame:
        return series
    res = gdf.to_crs(WGS84) if not gdf.crs.equals(WGS84) else gdf.copy()
    res = res.set_geometry(series.rename(gdf.geometry.name))
    return res


# --------------------------------------------------------------------------- within
def within_km(gdf: gpd.GeoDataFrame, point_or_place: Any, km: float) -> gpd.GeoDataFrame:
    """Rows whose point lies within ``km`` (geodesic) of a point or place, with a ``distance_km`` column.

    ``point_or_place`` is a shapely Point (x=lon, y=lat), a ``(lat, lon)``
    tuple, or an object with ``.lat``/``.lon`` such as a gazetteer ``Place``.
    A bounding-box pre-filter keeps this fast on millions of rows; rows
    without coordinates are never within.

    Example
    -------
    >>> import pandas as pd
    >>> from geoutils.schema import coerce
    >>> g = coerce(pd.DataFrame({"latitude": [33.79, 35.51], "longitude": [42.44, 44.28]}))
    >>> within_km(g, (33.7856, 42.4412), 20).index.tolist()
    [0]
    """
    try:
        radius = float(km)
    except (TypeError, ValueError):
        raise ValueError(f"km must be a number, got {km!r}") from None
    if not radius >= 0:
        raise ValueError(f"km must be a non-negative number, got {km!r}")
    clat, clon = (float(v) for v in _latlon(point_or_place))
    if not (np.isfinite(clat) and np.isfinite(clon)):
        raise ValueError(f"point has no coordinates: {point_or_place!r}")
    _check_range(np.asarray(clat), np.asarray(clon))
    lat, lon = _latlon(gdf)
    dlat = radius / 110.5 + 1e-6  # a degree of latitude is >= 110.57 km
    cand = np.abs(lat - clat) <= dlat
    far_lat = min(abs(clat) + dlat, 90.0)
    if far_lat < 89.0:
        dlon = dlat * 110.5 / (111.32 * np.cos(np.radians(far_lat))) * 1.01 + 1e-6
        cand &= np.abs((lon - clon + 180.0) % 360.0 - 180.0) <= dlon
    idx = np.flatnonzero(cand)
    _, _, d = GEOD.inv(np.full(len(idx), clon), np.full(len(idx), clat), lon[idx], lat[idx])
    d = np.asarray(d, dtype=float) / 1000.0
    keep = d <= radius
    out = gdf.iloc[idx[keep]].copy()
    out["distance_km"] = d[keep]
    return out
