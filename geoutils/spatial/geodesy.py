"""Geodesic distance and bearing on the WGS84 ellipsoid, and the point-like inputs every spatial helper reads."""
from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod

from geoutils.coords import parse_coordinates

GEOD = Geod(ellps="WGS84")
WGS84 = "EPSG:4326"
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
