"""Admin join: ``admin1``/``admin2`` from the polygon each incident falls in (COD-AB for Iraq by default)."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoutils.spatial.geodesy import WGS84, _latlon

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
