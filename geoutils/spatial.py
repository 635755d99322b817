"""Spatial helpers for incident tables: geodesic distance, buffers, range, nearest site, admin join.

All distances are geodesic on the WGS84 ellipsoid (``pyproj.Geod``), in km.
Point-like arguments may be a shapely ``Point`` (x=lon, y=lat), a
``(lat, lon)`` tuple, or any object with ``.lat``/``.lon`` (a gazetteer
``Place``). Coordinate parsing/formatting lives in :mod:`geoutils.coords` and
time series in :mod:`geoutils.aggregate`; both are re-exported here.

Example
-------
>>> round(distance_km((33.2625, 44.2346), (33.7856, 42.4412)), 1)
176.4
"""
from __future__ import annotations

from typing import Any, Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS as _CRS
from pyproj import Geod, Transformer

from geoutils.aggregate import temporal_counts
from geoutils.coords import format_coordinates, parse_coordinates

__all__ = [
    "distance_km", "bearing", "buffer_km", "within_km", "nearest", "assign_admin",
    "parse_coordinates", "format_coordinates", "temporal_counts",
]

GEOD = Geod(ellps="WGS84")
WGS84 = "EPSG:4326"
_R_KM = 6371.0088          # mean Earth radius, for the spherical pre-search only
_SPHERE_SLACK = 1.012      # bound on (ellipsoid/sphere distance ratio) spread: 1.0045/0.9944 ~ 1.0102


# --------------------------------------------------------------------------- inputs
def _latlon(obj: Any) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude arrays from a point-like or a collection of points."""
    if isinstance(obj, (gpd.GeoDataFrame, gpd.GeoSeries)):
        geom = obj.geometry if isinstance(obj, gpd.GeoDataFrame) else obj
        if geom.crs is not None and not geom.crs.equals(WGS84):
            geom = geom.to_crs(WGS84)
        arr = geom.to_numpy()
        ok = ~(shapely.is_missing(arr) | shapely.is_empty(arr))
        types = shapely.get_type_id(arr[ok])
        if (types != 0).any():
            bad = geom[ok].geom_type[types != 0].iloc[0]
            raise ValueError(f"expected point geometries, got {bad!r}")
        x = np.full(len(arr), np.nan)
        y = np.full(len(arr), np.nan)
        x[ok], y[ok] = shapely.get_x(arr[ok]), shapely.get_y(arr[ok])
        return y, x
    if isinstance(obj, shapely.Point):
        if obj.is_empty:
            return np.array(np.nan), np.array(np.nan)
        return np.asarray(obj.y, dtype=float), np.asarray(obj.x, dtype=float)
    if hasattr(obj, "lat") and hasattr(obj, "lon"):
        return np.asarray(obj.lat, dtype=float), np.asarray(obj.lon, dtype=float)
    if isinstance(obj, str):
        return tuple(np.asarray(v, dtype=float) for v in parse_coordinates(obj))  # type: ignore[return-value]
    try:
        arr = np.asarray(obj, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"not a point: {obj!r} (use a shapely Point, a (lat, lon) tuple or a Place)") from None
    if arr.shape == (2,):
        return arr[0], arr[1]
    if arr.ndim == 2 and arr.shape[1] == 2:
        return arr[:, 0], arr[:, 1]
    raise ValueError(f"not a point: {obj!r} (use a shapely Point, a (lat, lon) tuple or a Place)")


def _check_range(lat: np.ndarray, lon: np.ndarray) -> None:
    bad = np.abs(lat) > 90
    if np.any(bad):
        raise ValueError(f"latitude {float(np.asarray(lat)[bad].flat[0]):g} out of range [-90, 90]")
    bad = np.abs(lon) > 180
    if np.any(bad):
        raise ValueError(f"longitude {float(np.asarray(lon)[bad].flat[0]):g} out of range [-180, 180]")


def _pairs(args: tuple) -> tuple[np.ndarray, ...]:
    if len(args) == 2:
        lat1, lon1 = _latlon(args[0])
        lat2, lon2 = _latlon(args[1])
    elif len(args) == 4:
        lat1, lon1, lat2, lon2 = (np.asarray(a, dtype=float) for a in args)
    else:
        raise ValueError(f"expected (a, b) or (lat1, lon1, lat2, lon2), got {len(args)} arguments")
    lat1, lon1, lat2, lon2 = np.broadcast_arrays(lat1, lon1, lat2, lon2)
    _check_range(lat1, lon1)
    _check_range(lat2, lon2)
    return lat1, lon1, lat2, lon2


def _result(values: np.ndarray) -> Any:
    return float(values) if np.ndim(values) == 0 else values


def distance_km(*args: Any) -> float | np.ndarray:
    """Geodesic (WGS84) distance in km, between two points or element-wise between arrays.

    Call as ``distance_km(a, b)`` with point-likes or point GeoSeries, or as
    ``distance_km(lat1, lon1, lat2, lon2)`` with scalars or arrays (broadcast).
    Missing coordinates give NaN.

    Example
    -------
    >>> round(distance_km(35.5125, 44.2842, 36.24, 43.96), 1)
    85.9
    """
    lat1, lon1, lat2, lon2 = _pairs(args)
    _, _, d = GEOD.inv(lon1, lat1, lon2, lat2)
    return _result(np.asarray(d, dtype=float) / 1000.0)


def bearing(*args: Any) -> float | np.ndarray:
    """Initial geodesic bearing from the first point to the second, degrees clockwise from north in [0, 360).

    Same calling conventions as :func:`distance_km`.

    Example
    -------
    >>> round(bearing((33.0, 44.0), (34.0, 44.0)))
    0
    """
    lat1, lon1, lat2, lon2 = _pairs(args)
    az, _, _ = GEOD.inv(lon1, lat1, lon2, lat2)
    return _result(np.mod(np.asarray(az, dtype=float), 360.0))


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


# --------------------------------------------------------------------------- nearest
def _unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    c = np.cos(la)
    return np.column_stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)])


def _angle(dot: np.ndarray) -> np.ndarray:
    return np.arccos(np.clip(dot, -1.0, 1.0))


def _pick_geodesic(lat, lon, slat, slon, cand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows with candidate site indices ``cand`` (n x k), the geodesically nearest and its distance (m)."""
    n, k = cand.shape
    _, _, d = GEOD.inv(np.repeat(lon, k), np.repeat(lat, k), slon[cand.ravel()], slat[cand.ravel()])
    d = np.asarray(d, dtype=float).reshape(n, k)
    j = np.argmin(d, axis=1)
    rows = np.arange(n)
    return cand[rows, j], d[rows, j]


def _nearest_grid(lat, lon, slat, slon, chunk: int = 131072) -> tuple[np.ndarray, np.ndarray]:
    """Nearest site per point: lat/lon grid of candidate lists on the sphere, then exact geodesics.

    Each cell keeps every site that could be nearest (on the ellipsoid) to any
    point of the cell: spherical lower bound <= slack * best upper bound.
    """
    m = len(slat)
    S = _unit(slat, slon)
    la0, la1 = lat.min(), lat.max()
    lo0, lo1 = lon.min(), lon.max()
    h, w = max(la1 - la0, 1e-9), max(lo1 - lo0, 1e-9)
    coslat = max(np.cos(np.radians((la0 + la1) / 2)), 0.05)
    target = int(np.clip(16 * m, 16, 40000))
    side = np.sqrt(h * w * coslat / target)
    ny = int(np.clip(np.ceil(h / side), 1, 4096))
    nx = int(np.clip(np.ceil(w * coslat / side), 1, 4096))
    ey = np.linspace(la0, la1, ny + 1)
    ex = np.linspace(lo0, lo1, nx + 1)
    cy, cx = np.meshgrid((ey[:-1] + ey[1:]) / 2, (ex[:-1] + ex[1:]) / 2, indexing="ij")
    C = _unit(cy.ravel(), cx.ravel())
    rad = np.zeros(len(C))
    for yy, xx in ((ey[:-1], ex[:-1]), (ey[:-1], ex[1:]), (ey[1:], ex[:-1]), (ey[1:], ex[1:])):
        gy, gx = np.meshgrid(yy, xx, indexing="ij")
        rad = np.maximum(rad, _angle(np.einsum("ij,ij->i", C, _unit(gy.ravel(), gx.ravel()))))
    rad = rad * 1.001 + 1e-12
    cand_rows = []
    step = max(1, 2_000_000 // m)
    for a in range(0, len(C), step):
        th = _angle(C[a:a + step] @ S.T)
        r = rad[a:a + step, None]
        ub = (th + r).min(axis=1, keepdims=True)
        cand_rows.append(np.maximum(th - r, 0.0) <= ub * _SPHERE_SLACK + 1e-12)
    mask = np.concatenate(cand_rows)
    k = int(mask.sum(axis=1).max())
    order = np.argsort(~mask, axis=1, kind="stable")[:, :k]
    cnt = mask.sum(axis=1)
    table = np.where(np.arange(k)[None, :] < cnt[:, None], order, order[:, :1])  # pad with first candidate
    iy = np.clip(((lat - la0) / h * ny).astype(np.int64), 0, ny - 1)
    ix = np.clip(((lon - lo0) / w * nx).astype(np.int64), 0, nx - 1)
    cell = iy * nx + ix
    best = np.empty(len(lat), dtype=np.int64)
    dist = np.empty(len(lat))
    for a in range(0, len(lat), chunk):
        sl = slice(a, a + chunk)
        cand = table[cell[sl]]                       # (n, k)
        P = _unit(lat[sl], lon[sl])
        dot = np.einsum("nj,nkj->nk", P, S[cand])
        j = np.argmax(dot, axis=1)
        rows = np.arange(len(j))
        b = cand[rows, j]
        th = _angle(dot)
        close = (th <= th[rows, j][:, None] * _SPHERE_SLACK + 1e-12) & (cand != b[:, None])
        amb = close.any(axis=1)
        d = np.empty(len(j))
        if amb.any():  # near-ties on the sphere: exact geodesics to each close candidate
            close[amb, j[amb]] = True
            r, c = np.nonzero(close[amb])
            ar = np.flatnonzero(amb)[r]
            si = cand[ar, c]
            la, lo = lat[sl][ar], lon[sl][ar]
            _, _, dd = GEOD.inv(lo, la, slon[si], slat[si])
            order = np.lexsort((dd, ar))
            first = order[np.unique(ar[order], return_index=True)[1]]
            b[ar[first]], d[ar[first]] = si[first], np.asarray(dd)[first]
        rest = ~amb
        _, _, d[rest] = GEOD.inv(lon[sl][rest], lat[sl][rest], slon[b[rest]], slat[b[rest]])
        best[sl], dist[sl] = b, d
    return best, dist


def _nearest_strtree(lat, lon, slat, slon) -> tuple[np.ndarray, np.ndarray]:
    """Nearest site per point via shapely STRtree in an azimuthal equidistant projection.

    Projected distances are between 1 and k times the true ones (k = c/sin c
    at the farthest point, c its angular distance from the centre), so every
    site within k x the projected nearest distance is a candidate; exact
    geodesics pick among them.
    """
    alat = np.concatenate([lat, slat])
    alon = np.concatenate([lon, slon])
    c_lat = (alat.min() + alat.max()) / 2
    c_lon = (alon.min() + alon.max()) / 2
    c = _angle(_unit(alat, alon) @ _unit(np.array([c_lat]), np.array([c_lon]))[0]).max()
    if c > np.radians(150):
        raise ValueError("points span more than a hemisphere; use method='brute'")
    k = (c / np.sin(c) if c > 1e-9 else 1.0) * _SPHERE_SLACK
    tr = Transformer.from_crs(WGS84, f"+proj=aeqd +lat_0={c_lat} +lon_0={c_lon} +datum=WGS84 +units=m",
                              always_xy=True)
    px, py = tr.transform(lon, lat)
    sx, sy = tr.transform(slon, slat)
    pts = shapely.points(px, py)
    tree = shapely.STRtree(shapely.points(sx, sy))
    _, dp = tree.query_nearest(pts, return_distance=True, all_matches=False)
    pi, si = tree.query(pts, predicate="dwithin", distance=dp * k + 1.0)
    _, _, d = GEOD.inv(lon[pi], lat[pi], slon[si], slat[si])
    d = np.asarray(d, dtype=float)
    order = np.lexsort((si, d, pi))  # ties: the lowest site position wins, as in the other methods
    pi, si, d = pi[order], si[order], d[order]
    first = np.unique(pi, return_index=True)[1]
    best = np.empty(len(lat), dtype=np.int64)
    dist = np.empty(len(lat))
    best[pi[first]], dist[pi[first]] = si[first], d[first]
    return best, dist


def _nearest_brute(lat, lon, slat, slon, chunk: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    """Exact geodesic to every site (n x m Geod.inv calls); for checks and tiny inputs."""
    best = np.empty(len(lat), dtype=np.int64)
    dist = np.empty(len(lat))
    m = len(slat)
    step = max(1, chunk // m)
    for a in range(0, len(lat), step):
        sl = slice(a, a + step)
        cand = np.broadcast_to(np.arange(m), (len(lat[sl]), m))
        best[sl], dist[sl] = _pick_geodesic(lat[sl], lon[sl], slat, slon, np.ascontiguousarray(cand))
    return best, dist


def _as_sites(sites: Any) -> gpd.GeoDataFrame:
    if isinstance(sites, gpd.GeoDataFrame):
        return sites
    if isinstance(sites, gpd.GeoSeries):
        return gpd.GeoDataFrame(geometry=sites)
    rows = list(sites)
    if not rows:
        raise ValueError("no sites given")
    lat, lon = zip(*(tuple(float(v) for v in _latlon(r)) for r in rows))
    data = {"name": [getattr(r, "name", None) for r in rows], "id": [getattr(r, "id", None) for r in rows]}
    return gpd.GeoDataFrame(data, geometry=gpd.points_from_xy(lon, lat), crs=WGS84)


def nearest(gdf: gpd.GeoDataFrame, sites: Any, max_km: float | None = None, *, name_col: str | None = None,
            prefix: str = "nearest_", method: str = "auto") -> gpd.GeoDataFrame:
    """Add the nearest site and its geodesic distance to every incident.

    Adds ``nearest_site`` (the site's ``name_col``: "name" or "location" by
    default, else its index label), ``nearest_km``, ``nearest_id`` (when sites
    have an ``id`` column) and ``nearest_index`` (the site's index label).
    Rows without coordinates, or farther than ``max_km``, get missing values.

    ``sites`` is a GeoDataFrame/GeoSeries of points or an iterable of
    point-likes (e.g. gazetteer ``Place`` objects). ``method``: "grid"
    (spherical candidate grid, fastest for up to ~1000 sites), "strtree"
    (shapely STRtree in an azimuthal equidistant projection), "brute" (all
    pairs) or "auto". Every method ends with exact ``Geod.inv`` distances and
    returns the true geodesic nearest site; of sites at exactly the same
    distance (duplicates), the first one wins.

    Example
    -------
    >>> from geoutils.schema import coerce
    >>> inc = coerce(pd.DataFrame({"latitude": [35.5], "longitude": [44.3]}))
    >>> s = gpd.GeoDataFrame({"name": ["K-1", "Erbil"]},
    ...     geometry=gpd.points_from_xy([44.2842, 43.96], [35.5125, 36.24]), crs="EPSG:4326")
    >>> out = nearest(inc, s)
    >>> out.loc[0, "nearest_site"], round(float(out.loc[0, "nearest_km"]), 2)
    ('K-1', 1.99)
    """
    sites = _as_sites(sites)
    if max_km is not None and not float(max_km) >= 0:
        raise ValueError(f"max_km must be a non-negative number, got {max_km!r}")
    if name_col is None:
        name_col = next((c for c in ("name", "location", "site") if c in sites.columns), None)
    elif name_col not in sites.columns:
        raise ValueError(f"sites have no column {name_col!r}")
    slat, slon = _latlon(sites)
    sok = np.isfinite(slat) & np.isfinite(slon)
    if not sok.any():
        raise ValueError("no site has coordinates")
    sidx = np.flatnonzero(sok)
    slat, slon = slat[sok], slon[sok]
    lat, lon = _latlon(gdf)
    ok = np.isfinite(lat) & np.isfinite(lon)
    best = np.full(len(lat), -1, dtype=np.int64)
    dist = np.full(len(lat), np.nan)
    if ok.any():
        if method == "auto":
            method = "brute" if ok.sum() * len(slat) <= 20000 else ("grid" if len(slat) <= 1000 else "strtree")
        fn = {"grid": _nearest_grid, "strtree": _nearest_strtree, "brute": _nearest_brute}.get(method)
        if fn is None:
            raise ValueError(f"unknown method {method!r} (use 'auto', 'grid', 'strtree' or 'brute')")
        b, d = fn(lat[ok], lon[ok], slat, slon)
        best[ok], dist[ok] = sidx[b], np.asarray(d) / 1000.0
    hit = best >= 0
    if max_km is not None:
        hit &= dist <= float(max_km)
    dist[~hit] = np.nan
    out = gdf.copy()
    take = np.where(hit, best, 0)

    def col(values: Any) -> pd.Series:
        s = pd.Series(np.asarray(values, dtype=object)[take], index=gdf.index, dtype="object")
        return s.where(hit, None)

    names = sites[name_col].to_numpy() if name_col else sites.index.to_numpy()
    out[f"{prefix}site"] = col(names)
    out[f"{prefix}km"] = dist
    if "id" in sites.columns:
        out[f"{prefix}id"] = col(sites["id"].to_numpy())
    out[f"{prefix}index"] = col(sites.index.to_numpy())
    return out


# --------------------------------------------------------------------------- admin join
_ADMIN1_COLS = ("admin1", "ADM1_EN", "NAME_1", "adm1_name", "ADM1_NAME", "shapeName", "name", "NAME")
_ADMIN2_COLS = ("admin2", "ADM2_EN", "NAME_2", "adm2_name", "ADM2_NAME")


def iraq_admin_boundaries() -> gpd.GeoDataFrame:
    """Iraq's official districts (OCHA COD-AB, vendored in the gazetteer) with ``admin1``
    (governorate) and ``admin2`` (district) names, EPSG:4326."""
    from gazetteer.sources.cod_ab import admin_frame

    d = admin_frame(2)
    return gpd.GeoDataFrame({"admin1": d["adm1_en"], "admin2": d["name_en"]}, geometry=d.geometry, crs=WGS84)


def assign_admin(gdf: gpd.GeoDataFrame, boundaries: gpd.GeoDataFrame | None = None, *, admin1_col: str | None = None,
                 admin2_col: str | None = None, overwrite: bool = True) -> gpd.GeoDataFrame:
    """Fill ``admin1``/``admin2`` from the polygon each incident point falls in.

    With no ``boundaries``, Iraq's official COD-AB districts are used
    (:func:`iraq_admin_boundaries`): ACLED-style official governorate and
    district names; points outside Iraq keep their values.

    A vectorised point-in-polygon join (shapely STRtree, ``intersects``, so
    points on a border count). ``boundaries`` are polygons in any CRS; their
    name columns are found among admin1/ADM1_EN/NAME_1/shapeName/name and
    admin2/ADM2_EN/NAME_2 unless given. Polygons for admin2 units carry both
    names; admin1-only polygons fill admin1. Where polygons overlap the first
    one wins. Points outside every polygon keep their values; with
    ``overwrite=False`` only missing values are filled.

    Example
    -------
    >>> from shapely.geometry import box
    >>> from geoutils.schema import coerce
    >>> b = gpd.GeoDataFrame({"admin1": ["Kirkuk"]}, geometry=[box(43, 35, 45, 36)], crs="EPSG:4326")
    >>> g = coerce(pd.DataFrame({"latitude": [35.5, 30.0], "longitude": [44.3, 47.0]}))
    >>> assign_admin(g, b)["admin1"].tolist()
    ['Kirkuk', <NA>]
    """
    if boundaries is None:
        boundaries = iraq_admin_boundaries()
    if not isinstance(boundaries, gpd.GeoDataFrame):
        raise ValueError(f"boundaries must be a GeoDataFrame of polygons, got {type(boundaries).__name__}")
    if boundaries.crs is None:
        raise ValueError("boundaries have no CRS")
    b = boundaries.to_crs(WGS84) if not boundaries.crs.equals(WGS84) else boundaries
    barr = b.geometry.to_numpy()
    types = set(b.geometry.geom_type.dropna())
    if not types <= {"Polygon", "MultiPolygon"}:
        raise ValueError(f"boundaries must be polygons, got {sorted(types)} (for points use nearest())")
    a1 = admin1_col or next((c for c in _ADMIN1_COLS if c in b.columns), None)
    a2 = admin2_col or next((c for c in _ADMIN2_COLS if c in b.columns), None)
    for given in (admin1_col, admin2_col):
        if given is not None and given not in b.columns:
            raise ValueError(f"boundaries have no column {given!r}")
    if a1 is None and a2 is None:
        raise ValueError(f"boundaries have no admin name column (looked for {_ADMIN1_COLS + _ADMIN2_COLS})")
    lat, lon = _latlon(gdf)
    ok = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if len(barr) <= 64:
        # few polygons (governorates): one prepared polygon at a time over the points in its
        # bounding box -- a loop over polygons, not rows; ~2x faster than an STRtree here
        shapely.prepare(barr)
        hit = np.full(len(ok), -1, dtype=np.int64)
        x, y = lon[ok], lat[ok]
        for i, (x0, y0, x1, y1) in enumerate(shapely.bounds(barr)):
            if not np.isfinite(x0):
                continue
            m = np.flatnonzero((hit < 0) & (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1))
            hit[m[shapely.intersects_xy(barr[i], x[m], y[m])]] = i
        found = hit >= 0
        rows, poly = ok[found], hit[found]
    else:
        pi, bi = shapely.STRtree(barr).query(shapely.points(lon[ok], lat[ok]), predicate="intersects")
        order = np.lexsort((bi, pi))
        pi, bi = pi[order], bi[order]
        first = np.unique(pi, return_index=True)[1]
        rows, poly = ok[pi[first]], bi[first]
    out = gdf.copy()
    for target, src in (("admin1", a1), ("admin2", a2)):
        if src is None:
            continue
        cur = out[target].astype("string") if target in out else pd.Series(pd.NA, index=out.index, dtype="string")
        vals = cur.to_numpy(dtype=object).copy()
        new = b[src].astype("string").to_numpy(dtype=object)[poly]
        if not overwrite:
            empty = pd.isna(vals[rows])
            rows_t, new = rows[empty], new[empty]
        else:
            rows_t = rows
        vals[rows_t] = new
        out[target] = pd.array(vals, dtype="string")
    return out
