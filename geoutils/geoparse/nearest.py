"""Distance from candidate places to the article's anchor points, vectorised (the coherence feature).

The context step asks, for every candidate place of every ambiguous mention, how far the
nearest anchor is (the other mentions' first-pass places, at most ``MAX_ANCHORS`` of them).
Asked one pair at a time in Python that was the largest cost of geoparsing (hundreds of
great-circle distances per article). :class:`Nearest` computes one numpy distance matrix for
every candidate place of the pass at once and keeps, per place, its nearest and second-nearest
anchor: a mention then reads its distances in O(1) per candidate (the second when the nearest
anchor belongs to the mention's own group, e.g. the same name repeated; the exact row when both do).

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

from typing import Any, Iterable, Sequence

import numpy as np

from gazetteer.geo import EARTH_RADIUS_KM

__all__ = ["Nearest"]

FAR_KM = 2000.0


class Nearest:
    """Nearest-anchor distances for the candidate places of one pass of the context step.

    Parameters
    ----------
    anchors : ``(lat, lon, group)`` triples; ``group`` is any hashable label (a mention index, or a
        name key so that a repeated name is no evidence for itself): a call never uses the anchors of
        the group it excludes.
    places : lists of candidate places (objects with ``id``, ``lat``, ``lon``), e.g. every mention's
        ranked candidates: their distances to every anchor are computed at once, in one matrix.
    """

    __slots__ = ("_best", "_n", "_cols", "_anchors", "_row")

    def __init__(self, anchors: Sequence[tuple[float, float, int]], places: Iterable[Sequence[Any]] = ()) -> None:
        self._n = len(anchors)
        self._cols = [a[2] for a in anchors]
        #: (id, lat, lon) -> (nearest km, its group, second nearest km, its group)
        self._best: dict[tuple, tuple[float, Any, float | None, Any]] = {}
        #: (id, lat, lon) -> the place's row of distances, kept for the rare exact look-up
        self._row: dict[tuple, np.ndarray] = {}
        self._anchors = anchors
        self._add([p for ps in places for p in ps])

    def _add(self, places: Sequence[Any]) -> None:
        keys = list(dict.fromkeys((p.id, p.lat, p.lon) for p in places if (p.id, p.lat, p.lon) not in self._best))
        if not keys or not self._n:
            return
        anchors = self._anchors
        d = _matrix(np.array([k[1] for k in keys], dtype=float), np.array([k[2] for k in keys], dtype=float),
                    np.array([a[0] for a in anchors], dtype=float), np.array([a[1] for a in anchors], dtype=float))
        rows = np.arange(len(keys))
        j1 = d.argmin(axis=1)
        d1 = d[rows, j1]
        cols = self._cols
        if self._n > 1:
            self._row.update(zip(keys, d.copy()))
            d[rows, j1] = np.inf
            j2 = d.argmin(axis=1)
            d2, g2 = d[rows, j2].tolist(), [cols[j] for j in j2.tolist()]
        else:
            d2, g2 = [None] * len(keys), [None] * len(keys)
        self._best.update(zip(keys, zip(d1.tolist(), [cols[j] for j in j1.tolist()], d2, g2)))

    def __call__(self, places: Sequence[Any], exclude: Any) -> list[float | None]:
        """Distance (km) from each place to its nearest anchor outside group ``exclude``;
        None when no such anchor exists."""
        if not self._n:
            return [None] * len(places)
        best = self._best
        if any((p.id, p.lat, p.lon) not in best for p in places):
            self._add(places)
        out = []
        for p in places:
            key = (p.id, p.lat, p.lon)
            d1, g1, d2, g2 = best[key]
            if g1 != exclude:
                out.append(d1)
            elif g2 != exclude:
                out.append(d2)
            else:  # both nearest anchors are the excluded group's: read the whole row
                row = self._row.get(key)
                rest = [x for x, g in zip(row.tolist(), self._cols) if g != exclude] if row is not None else []
                out.append(min(rest) if rest else None)
        return out

    @staticmethod
    def pair_km(la1: float, lo1: float, la2: float, lo2: float) -> float:
        """The distance of one pair, as the matrix computes it (for tests)."""
        return float(_matrix(np.array([la2]), np.array([lo2]), np.array([la1]), np.array([lo1]))[0, 0])


def _matrix(la2: np.ndarray, lo2: np.ndarray, la1: np.ndarray, lo1: np.ndarray) -> np.ndarray:
    """km from each place (rows: ``la2``, ``lo2``) to each anchor (columns: ``la1``, ``lo1``)."""
    la2, lo2, la1, lo1 = la2[:, None], lo2[:, None], la1[None, :], lo1[None, :]
    dlo = np.abs(lo1 - lo2) % 360.0
    cos = np.maximum(0.1, np.cos(np.radians(np.minimum(np.abs(la1), 89.0))))
    far = (np.abs(la1 - la2) > 14.0) | (np.minimum(dlo, 360.0 - dlo) * cos > 20.0)
    p1, p2 = np.radians(la1), np.radians(la2)
    dp, dl = p2 - p1, np.radians(lo2 - lo1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.where(far, FAR_KM, 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a))))
