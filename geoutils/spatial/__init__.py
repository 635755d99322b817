"""Spatial helpers for incident tables: geodesic distance, buffers, range, nearest site, admin join.

All distances are geodesic on the WGS84 ellipsoid (``pyproj.Geod``), in km.
Point-like arguments may be a shapely ``Point`` (x=lon, y=lat), a
``(lat, lon)`` tuple, or any object with ``.lat``/``.lon`` (a gazetteer
``Place``). Coordinate parsing/formatting lives in :mod:`geoutils.coords` and
time series in :mod:`geoutils.aggregate`; both are re-exported here.

Modules: :mod:`~geoutils.spatial.geodesy` (distance, bearing, inputs),
:mod:`~geoutils.spatial.buffers` (buffers, range), :mod:`~geoutils.spatial.nearest`
(nearest site) and :mod:`~geoutils.spatial.admin` (point-in-polygon admin join).

Example
-------
>>> round(distance_km((33.2625, 44.2346), (33.7856, 42.4412)), 1)
176.4
"""
from __future__ import annotations

from geoutils.aggregate import temporal_counts
from geoutils.coords import format_coordinates, parse_coordinates
from geoutils.spatial.admin import assign_admin, iraq_admin_boundaries  # noqa: F401  (re-exported)
from geoutils.spatial.buffers import buffer_km, within_km
from geoutils.spatial.geodesy import GEOD, WGS84, bearing, distance_km  # noqa: F401
from geoutils.spatial.nearest import nearest

__all__ = [
    "distance_km", "bearing", "buffer_km", "within_km", "nearest", "assign_admin",
    "parse_coordinates", "format_coordinates", "temporal_counts",
]
