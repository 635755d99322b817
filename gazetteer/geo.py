"""Small geodesy helpers the gazetteer needs (no heavy imports)."""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(35.5125, 44.2842, 35.4681, 44.3922), 1)
    11.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def check_latlon(lat: float, lon: float) -> tuple[float, float]:
    """Return (lat, lon) as floats or raise ``ValueError`` naming the bad value.

    >>> check_latlon(95, 10)
    Traceback (most recent call last):
    ...
    ValueError: latitude 95.0 is out of range [-90, 90]
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValueError(f"coordinate ({lat!r}, {lon!r}) is not a pair of numbers") from None
    if not math.isfinite(lat) or not -90 <= lat <= 90:
        raise ValueError(f"latitude {lat} is out of range [-90, 90]")
    if not math.isfinite(lon) or not -180 <= lon <= 180:
        raise ValueError(f"longitude {lon} is out of range [-180, 180]")
    return lat, lon
