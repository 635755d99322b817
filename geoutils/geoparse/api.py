"""Public entry points: :func:`parse_mentions` and :func:`geoparse`."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from geoutils.geoparse.mention import Mention

__all__ = ["parse_mentions", "geoparse", "COLUMNS"]

#: columns of :func:`geoparse`'s GeoDataFrame, in order (geometry last)
COLUMNS = ["start_char", "end_char", "text", "place_id", "name", "kind", "country_code", "admin1", "admin2",
           "latitude", "longitude", "role", "confidence", "reason", "container", "relation", "dateline"]


def _check(text: Any, lang: str | None) -> None:
    if not isinstance(text, str):
        raise ValueError(f"article text must be a string, not {type(text).__name__}")
    if lang not in (None, "ar", "en"):
        raise ValueError(f"language {lang!r} is not 'ar' or 'en'")


def _default_gazetteer(gazetteer: Any) -> Any:
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    return gazetteer


def parse_mentions(text: str, *, published: str | date | None = None, lang: str | None = None,
                   focus: Any = None, gazetteer: Any = None, tokens: Any = None) -> list[Mention]:
    """Every place mention of ``text``, in text order, resolved in the article's context.

    Parameters
    ----------
    text : the article (Arabic or English).
    published : publication date (unused by recognition today; kept for the contract).
    lang : "ar" or "en", or None (both lexicons apply).
    focus : a country code or list of codes the caller knows the article is about.
    gazetteer : a :class:`gazetteer.Gazetteer` (default ``Gazetteer.default()``) or any object
        with ``get``, ``rank``, ``alias_keys``, ``resolve``, ``candidates``.
    tokens : the one token pass of the text (``gazetteer.normalize.tokenize(text)``), reused when given.

    Example
    -------
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> ms = parse_mentions("قصف على كركوك وأربيل", gazetteer=MemoryGazetteer.demo())
    >>> [(m.text, m.place.name) for m in ms]
    [('كركوك', 'Kirkuk'), ('وأربيل', 'Erbil')]
    """
    from geoutils.geoparse.pipeline import run

    _check(text, lang)
    if not text.strip():
        return []
    return run(text, _default_gazetteer(gazetteer), lang=lang, focus=focus, tokens=tokens)


def geoparse(text: str, *, published: str | date | None = None, lang: str | None = None, focus: Any = None,
             gazetteer: Any = None):
    """Every place mention of ``text`` as an EPSG:4326 GeoDataFrame, one row per mention.

    Columns: :data:`COLUMNS` plus ``geometry`` (None, with NaN coordinates, for a name the
    gazetteer lacks and for a country named as context).

    Example
    -------
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> g = geoparse("Rockets hit Kirkuk.", gazetteer=MemoryGazetteer.demo())
    >>> g[["text", "name", "role"]].values.tolist()
    [['Kirkuk', 'Kirkuk', 'place']]
    """
    ms = parse_mentions(text, published=published, lang=lang, focus=focus, gazetteer=gazetteer)
    return _frame([_row(m) for m in ms])


#: column dtypes of the frame; the other columns hold Python objects (None where missing)
_DTYPES = {"start_char": "int64", "end_char": "int64", "latitude": "float64", "longitude": "float64",
           "confidence": "float64", "dateline": "bool"}
_TEXT = ("text", "role")


def _frame(rows: list[dict]) -> Any:
    """The GeoDataFrame of mention rows, built column by column (pandas per column, not per cell:
    the frame is most of the cost of a short article otherwise)."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    data: dict[str, Any] = {}
    for col in COLUMNS:
        vals = [r[col] for r in rows]
        if col in _DTYPES:
            data[col] = np.array(vals, dtype=_DTYPES[col])
        elif col in _TEXT:
            data[col] = pd.Series(vals, dtype="str")  # always a string
        else:
            data[col] = pd.Series(vals, dtype=object)  # a string or None
    lat, lon = data["latitude"], data["longitude"]
    geom = np.full(len(rows), None, dtype=object)
    ok = ~(np.isnan(lat) | np.isnan(lon))
    if ok.any():
        geom[ok] = shapely.points(lon[ok], lat[ok])
    return gpd.GeoDataFrame(data, geometry=gpd.array.from_shapely(geom, crs=_crs()))


@lru_cache(maxsize=1)
def _crs() -> Any:
    """EPSG:4326 as a pyproj CRS, made once (geopandas would parse the string on every frame)."""
    from pyproj import CRS

    return CRS.from_epsg(4326)


def _row(m: Mention) -> dict:
    p = m.place
    c = m.container
    nan = float("nan")
    return {
        "start_char": m.start, "end_char": m.end, "text": m.text,
        "place_id": p.id if p is not None else None,
        "name": p.name if p is not None else None,
        "kind": p.kind if p is not None else m.kind_hint,
        "country_code": (p.country_code if p is not None else getattr(c, "country_code", None)),
        "admin1": (p.admin1 if p is not None else getattr(c, "admin1", None)),
        "admin2": (getattr(p, "admin2", None) if p is not None else getattr(c, "admin2", None)),
        "latitude": p.lat if p is not None else nan,
        "longitude": p.lon if p is not None else nan,
        "role": m.role, "confidence": round(float(m.confidence), 3), "reason": m.reason,
        "container": (c.name if c is not None else m.container_text),
        "relation": m.relation, "dateline": bool(m.dateline),
    }
