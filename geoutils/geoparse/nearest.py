"""Distance from candidate places to the article's anchor points, vectorised (the coherence feature).

The context step asks, for every candidate place of every ambiguous mention, how far the
nearest anchor is (the other mentions' first-pass places, at most ``MAX_ANCHORS`` of them).
Asked one pair at a time in Python that was the largest cost of geoparsing (hundreds of
great-circle distances per article). :class:`Nearest` answers it with one numpy distance
matrix per distinct candidate list, kept for the pass: a name the article repeats costs one
row-minimum, not a new matrix.

Distances are those of :func:`geoutils.geoparse.context.haversine_km`: pairs that a coarse
test puts far apart (more than 14 degrees of latitude, or more than 20 degrees of longitude
scaled by the cosine of the anchor's latitude) count as 2,000 km, the others are the
great-circle distance of :func:`gazetteer.geo.haversine_km` (radius 6,371.0088 km).

Example
-------
>>> from types import SimpleNamespace as P
>>> near = Nearest([(35.47, 44.39, 0), (33.31, 44.36, 1)])      # Kirkuk (mention 0), Baghdad (1)
>>> [round(d) for d in near([P(id="a", lat=35.51, lon=44.28), P(id="b", lat=36.34, lon=43.13)], 1)]
[11, 149]
>>> near([P(id="a", lat=35.51, lon=44.28)], 0) == [near.pair_km(33.31, 44.36, 35.51, 44.28)]
True
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from gazetteer.geo import EARTH_RADIUS_KM

__all__ = ["Nearest"]

FAR_KM = 2000.0


class Nearest:
    """Nearest-anchor distances for candidate lists, one pass of the context step.

    Parameters
    ----------
    anchors : ``(lat, lon, mention index)`` triples; a mention is never its own anchor.
    """

    __slots__ = ("_lat", "_lon", "_cos", "_col", "_memo", "_n")

    def __init__(self, anchors: Sequence[tuple[float, float, int]]) -> None:
        self._n = len(anchors)
        lat = np.array([a[0] for a in anchors], dtype=float)
        self._lat = lat
        self._lon = np.array([a[1] for a in anchors], dtype=float)
        # coarse test factor of each anchor: max(0.1, cos(radians(min(|lat|, 89))))
        self._cos = np.maximum(0.1, np.cos(np.radians(np.minimum(np.abs(lat), 89.0))))
        self._col = {a[2]: k for k, a in enumerate(anchors)}
        self._memo: dict[tuple, np.ndarray] = {}

    def _matrix(self, places: Sequence[Any]) -> np.ndarray:
        key = tuple(p.id for p in places)
        got = self._memo.get(key)
        if got is None:
            la2 = np.array([p.lat for p in places], dtype=float)[:, None]
            lo2 = np.array([p.lon for p in places], dtype=float)[:, None]
            la1, lo1 = self._lat[None, :], self._lon[None, :]
            dlo = np.abs(lo1 - lo2) % 360.0
            far = (np.abs(la1 - la2) > 14.0) | (np.minimum(dlo, 360.0 - dlo) * self._cos[None, :] > 20.0)
            p1, p2 = np.radians(la1), np.radians(la2)
            dp, dl = p2 - p1, np.radians(lo2 - lo1)
            a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
            d = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
            got = self._memo[key] = np.where(far, FAR_KM, d)
        return got

    def __call__(self, places: Sequence[Any], exclude: int) -> list[float | None]:
        """Distance (km) from each place to its nearest anchor other than mention ``exclude``;
        None for every place when no such anchor exists."""
        col = self._col.get(exclude)
        if self._n - (col is not None) <= 0:
            return [None] * len(places)
        d = self._matrix(places)
        if col is not None:
            d = np.delete(d, col, axis=1)
        return d.min(axis=1).tolist()

    @staticmethod
    def pair_km(la1: float, lo1: float, la2: float, lo2: float) -> float:
        """The distance of one pair, as the matrix computes it (for tests)."""
        from types import SimpleNamespace

        return Nearest([(la1, lo1, -1)])([SimpleNamespace(id="", lat=la2, lon=lo2)], -2)[0]
