"""Nearest site to each incident: a spherical pre-search (grid or STRtree) refined geodesically."""
from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from geoutils.spatial.geodesy import GEOD, WGS84, _SPHERE_SLACK, _latlon


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
