"""Encode incidents as compact columnar JSON for the browser.

Strings that repeat (types, places, sources) are dictionary-encoded, unique
strings (notes) are plain lists, coordinates are integers of 1e-5 degree
(about 1 m).  Popups are built from this in the browser with ``textContent``,
so no HTML from the data is ever parsed.

Example
-------
>>> import pandas as pd
>>> from geoutils.schema import coerce
>>> p = encode_incidents(coerce(pd.DataFrame({"latitude": [35.5], "longitude": [44.3]})), "event_type")
>>> p["n"], p["lat"], p["lon"]
(1, [3550000], [4430000])
"""
from __future__ import annotations

import json
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoutils.schema import CRS, DTYPES, EVENT_TYPES

#: Columns dictionary-encoded (values list + one code per row, -1 = missing).
CATEGORICAL = ["event_type", "sub_event_type", "location", "admin1", "country", "source", "actor1"]
#: Free-text columns sent as plain lists.
TEXT = ["event_id", "notes"]
#: Integer columns.
NUMERIC = ["fatalities", "injuries"]

UNSPECIFIED = "Unspecified"
#: Legend entry grouping the values beyond the first MAX_COLORS - 1.
OVERFLOW = "(other values)"
MAX_COLORS = 20
#: Qualitative palette (Tableau 20 reordered so neighbours contrast); the last
#: colour is "Other".
PALETTE = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939", "#e7969c", "#7b4173",
    "#3182bd", "#e6550d", "#31a354", "#756bb1", "#843c39", "#636363",
]
OTHER_COLOR = "#9e9e9e"
#: Marker shape per ACLED event type (drawn as inline SVG by the browser code).
SHAPES = {
    "Battles": "diamond",
    "Explosions/Remote violence": "star",
    "Violence against civilians": "triangle",
    "Protests": "square",
    "Riots": "hexagon",
    "Strategic developments": "pentagon",
}
DEFAULT_SHAPE = "circle"

_ORDER = {name: i for i, name in enumerate(list(EVENT_TYPES) + [s for v in EVENT_TYPES.values() for s in v])}


def dumps(obj: Any) -> str:
    """JSON that is safe inside ``<script>``: compact, UTF-8, ``<``/``>``/``&`` escaped.

    Example
    -------
    >>> print(dumps({"a": "</script><b>"}))
    {"a":"\\u003c/script\\u003e\\u003cb\\u003e"}
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in _SCRIPT_ESCAPES:
        if ch in text:  # the scan is much cheaper than a copy of a 10 MB string
            text = text.replace(ch, esc)
    return text


_SCRIPT_ESCAPES = [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029")]
#: Every column the map reads, besides the colour column.
USED = CATEGORICAL + TEXT + NUMERIC + ["event_date"]


def as_incidents(gdf: pd.DataFrame, color_by: str) -> pd.DataFrame:
    """The columns a map needs, plus ``latitude``/``longitude`` of EPSG:4326 points.

    Accepts a GeoDataFrame (any CRS; non-point geometries by a representative
    point) or a DataFrame with ``latitude``/``longitude``.  Missing schema
    columns become empty; ``color_by`` must exist.
    """
    if not isinstance(gdf, pd.DataFrame):
        raise ValueError(f"incident_map needs a GeoDataFrame, got {type(gdf).__name__}")
    if isinstance(gdf, gpd.GeoDataFrame) and gdf.geometry.name in gdf.columns:
        g = gdf if gdf.crs is None or gdf.crs.equals(CRS) else gdf.to_crs(CRS)
        geom = g.geometry.values
        missing = shapely.is_missing(geom) | shapely.is_empty(geom)
        if not (shapely.get_type_id(geom[~missing]) == 0).all():
            geom = np.where(missing, None, shapely.point_on_surface(geom))
        lon = np.where(missing, np.nan, shapely.get_x(geom))
        lat = np.where(missing, np.nan, shapely.get_y(geom))
    elif {"latitude", "longitude"} <= set(gdf.columns):
        lat = pd.to_numeric(gdf["latitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        lon = pd.to_numeric(gdf["longitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    else:
        raise ValueError("incident table has no geometry and no latitude/longitude columns")
    if color_by not in gdf.columns and color_by not in DTYPES:
        raise ValueError(f"color_by column {color_by!r} is not in the incident table")
    cols = {c: (gdf[c].to_numpy() if c in gdf.columns else np.full(len(gdf), None, dtype=object))
            for c in dict.fromkeys(USED + [color_by])}
    df = pd.DataFrame(cols)
    df["latitude"], df["longitude"] = lat, lon
    return df


def _categories(values: pd.Series, column: str) -> list[str]:
    counts = values.value_counts(sort=False)
    if column in ("event_type", "sub_event_type"):
        key = lambda v: (_ORDER.get(v, len(_ORDER)), v)  # noqa: E731
    else:
        key = lambda v: (-counts[v], v)  # noqa: E731
    cats = sorted(counts.index, key=key)
    if len(cats) > MAX_COLORS:
        cats = sorted(cats, key=lambda v: (-counts[v], v))[: MAX_COLORS - 1]
        cats = sorted(cats, key=key) + [OVERFLOW]
    return cats


def _coded(s: pd.Series, column: str) -> tuple[list[str], list[int]]:
    """Legend categories of a column and one category index per row (missing -> Unspecified)."""
    vals = s.astype("string").fillna(UNSPECIFIED)
    cats = _categories(vals, column)
    if cats and cats[-1] == OVERFLOW:
        vals = vals.where(vals.isin(cats), OVERFLOW)
    return cats, pd.Categorical(vals, categories=cats).codes.tolist()


def _dict_encode(s: pd.Series) -> dict[str, list]:
    codes, uniques = pd.factorize(s.astype("string"), sort=True, use_na_sentinel=True)
    return {"values": [str(u) for u in uniques], "codes": codes.tolist()}


def _dates(s: pd.Series) -> tuple[list[str], list[int]]:
    """Sorted distinct ISO dates and one index per row (-1: no date); parses each distinct value once."""
    raw_codes, uniques = pd.factorize(pd.Series(s, dtype=object), use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object).astype("string"), errors="coerce", format="mixed")
    text = parsed.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    dates = sorted({t for t in text if isinstance(t, str)})
    pos = {d: i for i, d in enumerate(dates)}
    lookup = np.array([pos.get(t, -1) if isinstance(t, str) else -1 for t in text] + [-1], dtype=np.int64)
    return dates, lookup[raw_codes].tolist()  # raw code -1 picks the trailing -1


def _nullable(s: pd.Series, cast: type) -> list | None:
    """Values as a list with None for missing; None when every value is missing."""
    na = s.isna().to_numpy()
    if na.all():
        return None
    return [None if m else cast(v) for v, m in zip(s.tolist(), na)]


def encode_incidents(gdf: pd.DataFrame, color_by: str) -> dict[str, Any]:
    """Columnar payload of mappable incidents (rows without coordinates are counted, not kept)."""
    gdf = as_incidents(gdf, color_by)
    lat = gdf["latitude"].to_numpy(dtype="float64", na_value=np.nan)
    lon = gdf["longitude"].to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(lat) & np.isfinite(lon)
    df = gdf.loc[ok]
    out: dict[str, Any] = {
        "n": int(ok.sum()),
        "dropped": int((~ok).sum()),
        "lat": np.rint(lat[ok] * 1e5).astype(np.int64).tolist(),
        "lon": np.rint(lon[ok] * 1e5).astype(np.int64).tolist(),
    }
    out["dates"], out["date"] = _dates(df["event_date"])
    types, out["type"] = _coded(df["event_type"], "event_type")
    out["types"] = types
    out["shapes"] = [SHAPES.get(t, DEFAULT_SHAPE) for t in types]
    cats, out["color"] = _coded(df[color_by], color_by)
    out["color_by"] = color_by
    out["categories"] = cats
    out["palette"] = [OTHER_COLOR if c == OVERFLOW else PALETTE[i % len(PALETTE)] for i, c in enumerate(cats)]

    out["cat"] = {c: _dict_encode(df[c]) for c in CATEGORICAL}
    out["text"] = {c: _nullable(df[c], str) for c in TEXT}
    out["num"] = {c: _nullable(df[c], int) for c in NUMERIC}
    if ok.any():
        out["bounds"] = [[float(lat[ok].min()), float(lon[ok].min())],
                         [float(lat[ok].max()), float(lon[ok].max())]]
    return out
