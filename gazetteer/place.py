"""Plain result objects: :class:`Place` and :class:`Match` (geopy-style)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from collections.abc import Sequence
from typing import Any


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with a WGS84 point.

    ``admin1``/``admin2`` are the first- and second-level units it lies in (for Iraq
    the official COD-AB names); ``admin2`` is None where unknown.

    Example
    -------
    >>> p = Place("x", "K-1 Air Base", "قاعدة كي وان", 35.5125, 44.2842, "base", "IQ", "Kirkuk", None, "curated")
    >>> p.point
    (35.5125, 44.2842)
    """

    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    kind: str
    country_code: str | None
    admin1: str | None
    population: int | None
    source: str
    admin2: str | None = None
    layer: str = field(default="default", compare=False)

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon)."""
        return (self.lat, self.lon)

    def to_dict(self) -> dict[str, Any]:
        """The place as a plain dict (JSON-ready)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate answer: the place, a 0-100 score and the alias that matched.

    Example
    -------
    >>> m = Match(Place("x", "X", None, 1.0, 2.0, "place", None, None, None, "s"), 97.5, "Ex")
    >>> m.score
    97.5
    """

    place: Place
    score: float
    alias: str

    def to_dict(self) -> dict[str, Any]:
        """Place fields plus ``score`` and ``alias``."""
        d = self.place.to_dict()
        d.update(score=round(self.score, 1), alias=self.alias)
        return d


def place_from_row(row: Sequence, layer: str) -> Place:
    """The :class:`Place` of a database row (the ten source columns, then ``admin2``)."""
    return Place(*row[:10], admin2=row[10], layer=layer)
