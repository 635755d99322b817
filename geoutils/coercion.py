"""Cast any table to the incident schema: :func:`coerce` and :func:`empty_incidents`.

Example
-------
>>> len(empty_incidents())
0
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geoutils.columns import COLUMNS, CRS, DTYPES
from geoutils.dates_io import parse_dates, parse_dates_detail

def empty_incidents() -> gpd.GeoDataFrame:
    """Return an empty incident table with every column and dtype.

    Example
    -------
    >>> len(empty_incidents())
    0
    """
    return _coerce_records([])


def _all_plain_dates(vals: list) -> bool:
    """True when every value is a ``datetime.date`` (not a datetime) or None."""
    d = _dt.date
    return all(v is None or type(v) is d for v in vals)


def _to_int(s: pd.Series, col: str) -> pd.Series:
    if str(s.dtype) == "Int64":
        return s
    if pd.api.types.is_integer_dtype(s.dtype) and not pd.api.types.is_extension_array_dtype(s.dtype):
        return s.astype("Int64")  # numpy integers: nothing to check
    num = pd.to_numeric(s, errors="coerce")
    bad = (num.isna() & s.notna() & (s.astype("string").str.strip() != "")) | (num.notna() & (num % 1 != 0))
    if bad.any():
        raise ValueError(f"column {col!r}: not an integer: {s[bad].iloc[0]!r}")
    return num.astype("Float64").astype("Int64")


def _coerce_column(s: pd.Series, col: str, dtype: str, dayfirst: bool | None = None) -> pd.Series:
    """One present column cast to its schema dtype (ValueError naming a bad value)."""
    if col == "event_date":
        if str(s.dtype) == "object" and _all_plain_dates(s.tolist()):
            return parse_dates(s)
        parsed, _, why = parse_dates_detail(s, dayfirst)
        bad = parsed.isna() & _present(s)
        if bad.any():
            i = bad.to_numpy().nonzero()[0][0]
            raise ValueError(f"column 'event_date': {why.iloc[i] or 'not a date'}: {s.iloc[i]!r}")
        return parsed
    if dtype == "Int64":
        return _to_int(s, col)
    if dtype == "float64":
        if str(s.dtype) == "float64":
            return s
        num = pd.to_numeric(s, errors="coerce")
        if num.isna().any():
            bad = num.isna() & _present(s)
            if bad.any():
                raise ValueError(f"column {col!r}: not a number: {s[bad].iloc[0]!r}")
        return num.astype("float64")
    if str(s.dtype) == dtype:  # "string" only: the pandas 3 default "str" compares equal to it
        return s
    return s.astype(dtype)


_CRS_OBJ: Any = None


def _crs() -> Any:
    """The schema CRS as a pyproj object, built once (parsing "EPSG:4326" each time is slow)."""
    global _CRS_OBJ
    if _CRS_OBJ is None:
        from pyproj import CRS as _PCRS

        _CRS_OBJ = _PCRS.from_user_input(CRS)
    return _CRS_OBJ


def _points(lat: np.ndarray, lon: np.ndarray) -> Any:
    """Point geometry array (None where a coordinate is missing), in the schema CRS."""
    import shapely
    from geopandas.array import from_shapely

    has = ~(np.isnan(lat) | np.isnan(lon))
    pts = np.full(len(lat), None, dtype=object)
    if has.any():
        pts[has] = shapely.points(lon[has], lat[has])
    return from_shapely(pts, crs=_crs())


def _geoframe(df: pd.DataFrame) -> gpd.GeoDataFrame:
    """A GeoDataFrame over ``df`` (whose "geometry" column is a geometry array in the schema
    CRS) without the slow generic constructor (what geopandas itself does for frames that
    carry a geometry column); falls back to the constructor if pandas internals differ."""
    try:
        out = gpd.GeoDataFrame._from_mgr(df._mgr, df._mgr.axes)
        out._geometry_column_name = "geometry"
        return out
    except Exception:  # pragma: no cover - other pandas/geopandas versions
        return gpd.GeoDataFrame(df, geometry="geometry", crs=CRS)


_COLUMN_INDEX = pd.Index(COLUMNS)  # immutable: shared by the frames built here


def _frame(cols: dict[str, Any], n: int) -> pd.DataFrame:
    """DataFrame of already typed column arrays of length ``n`` (no re-inference)."""
    index = pd.RangeIndex(n)
    names = list(cols)
    columns = _COLUMN_INDEX if names == COLUMNS else pd.Index(names)
    try:
        return pd.DataFrame._from_arrays(list(cols.values()), columns=columns, index=index,
                                         verify_integrity=False)
    except Exception:  # pragma: no cover - other pandas versions
        return pd.DataFrame(cols, index=index, copy=False)


def _string_array_maker() -> Any:
    """Fastest way to a "string" extension array from a list of str/None (checked once)."""
    dtype = pd.StringDtype()
    try:
        import pyarrow as pa
        from pandas.arrays import ArrowStringArray

        def make(vals: list) -> Any:
            return ArrowStringArray(pa.chunked_array([pa.array(vals, pa.large_string())]))

        probe = make(["a", None])
        if str(probe.dtype) == "string" and probe.dtype == dtype and probe.isna().tolist() == [False, True]:
            return make
    except Exception:  # pragma: no cover - pandas without pyarrow strings
        pass
    return lambda vals: pd.array(vals, dtype=dtype)


_make_strings = _string_array_maker()


def _fast_values(vals: list, dtype: str) -> Any:
    """Typed array for a column of plain Python values, or None when a value needs the
    general (checking, parsing) path."""
    if dtype == "string":
        if all(v is None or type(v) is str for v in vals):
            return _make_strings(vals)
    elif dtype == "float64":
        if all(v is None or type(v) is float or type(v) is int for v in vals):
            return np.array(vals, dtype="float64")
    elif dtype == "Int64":
        if all(v is None or type(v) is int for v in vals):
            from pandas.arrays import IntegerArray

            mask = np.fromiter((v is None for v in vals), dtype=bool, count=len(vals))
            try:
                data = np.fromiter((0 if v is None else v for v in vals), dtype="int64", count=len(vals))
            except OverflowError:  # beyond int64: let the general path report it
                return None
            return IntegerArray(data, mask)
    elif dtype == "object":
        if _all_plain_dates(vals):
            out = np.empty(len(vals), dtype=object)
            out[:] = vals
            return out
    return None


def _coerce_records(rows: list[dict]) -> gpd.GeoDataFrame:
    """:func:`coerce` of a list of row dicts: each column built once with its dtype."""
    n = len(rows)
    index = pd.RangeIndex(n)
    cols: dict[str, Any] = {}
    for col, dtype in DTYPES.items():
        vals = [r.get(col) for r in rows]
        arr = _fast_values(vals, dtype)
        if arr is None:  # the general path, on the column pandas would have built
            ser = _coerce_column(pd.Series(vals, index=index), col, dtype)
            arr = ser.array if isinstance(ser.dtype, pd.api.extensions.ExtensionDtype) else ser.to_numpy()
        cols[col] = arr
    extra = list(dict.fromkeys(k for r in rows for k in r if k not in DTYPES))
    if extra:
        ex = pd.DataFrame(rows, columns=extra)
        for k in extra:
            cols[k] = ex[k].array
    lat = np.asarray(cols["latitude"], dtype="float64")
    lon = np.asarray(cols["longitude"], dtype="float64")
    cols["geometry"] = _points(lat, lon)
    return _geoframe(_frame(cols, n))


def coerce(df: pd.DataFrame | list[dict], *, dayfirst: bool | None = None) -> gpd.GeoDataFrame:
    """Add missing columns, cast dtypes, order columns, and (re)build point geometry.

    ``df`` is a DataFrame or a list of row dicts (the fast path extraction uses).
    ``event_date`` becomes ``datetime.date`` objects (every ACLED style is
    parsed, see :mod:`geoutils.dates_io`); a date known only to the month sets
    ``time_precision`` to 3. Geometry is built from ``latitude``/``longitude``;
    where a cell (or the whole column) is missing but the row's geometry is a
    point, the coordinate is taken from it. Rows without coordinates get an
    empty (None) geometry, never a guessed point (a Line/Polygon geometry is
    not turned into one: :func:`geoutils.schema.validate` reports it). Columns not in the schema are kept, after
    the schema columns. Raises ``ValueError`` naming the column and value that
    cannot be cast (use :func:`validate` first to find such rows);
    ``dayfirst`` reads ambiguous numeric dates (see :mod:`geoutils.dates_io`).

    Example
    -------
    >>> g = coerce(pd.DataFrame({"latitude": [35.5], "longitude": [44.3]}))
    >>> g.geometry.iloc[0].x
    44.3
    >>> coerce([{"latitude": 35.5, "longitude": 44.3, "fatalities": 2}]).fatalities.dtype
    Int64Dtype()
    """
    if isinstance(df, list) and all(type(r) is dict for r in df) and not any("geometry" in r for r in df) \
            and _all_plain_dates([r.get("event_date") for r in df]):
        return _coerce_records(df)
    attrs = dict(getattr(df, "attrs", {}))
    df = pd.DataFrame(df).copy()
    if "geometry" in df.columns:
        df = fill_from_geometry(df)
        df.pop("geometry")
    cols: dict[str, Any] = {}
    for col, dtype in DTYPES.items():
        if col not in df.columns:
            fill = np.nan if dtype == "float64" else (None if dtype == "object" else pd.NA)
            cols[col] = pd.Series([fill] * len(df), index=df.index, dtype=dtype)
        else:
            cols[col] = _coerce_column(df[col], col, dtype, dayfirst)
    if "event_date" in df.columns and not _all_plain_dates(df["event_date"].tolist()):
        cols["time_precision"] = month_precision(df["event_date"], cols["time_precision"], dayfirst)
    for c in df.columns:
        if c not in DTYPES:
            cols[c] = df[c]
    lat = cols["latitude"].to_numpy(dtype="float64")
    lon = cols["longitude"].to_numpy(dtype="float64")
    cols["geometry"] = pd.Series(_points(lat, lon), index=df.index)
    out = _geoframe(pd.concat(cols, axis=1) if cols else df)
    out.attrs.update(attrs)
    return out


def month_precision(dates: pd.Series, precision: pd.Series, dayfirst: bool | None = None) -> pd.Series:
    """``time_precision`` raised to 3 (month) where ``dates`` gives only a month ("2021-03").

    Example
    -------
    >>> month_precision(pd.Series(["2021-03", "2021-03-02"]), pd.Series([1, 1], dtype="Int64")).tolist()
    [3, 1]
    """
    _, prec, _ = parse_dates_detail(dates, dayfirst)
    prec = prec.set_axis(precision.index)
    month = (prec == 3).fillna(False).astype(bool)
    if not month.any():
        return precision
    out = precision.astype("Int64").copy()
    out[month & ~(out >= 3).fillna(False).astype(bool)] = 3
    return out


def _geoms(df: pd.DataFrame) -> gpd.GeoSeries:
    geom = df["geometry"]
    geom = geom if isinstance(geom, gpd.GeoSeries) else gpd.GeoSeries(geom, index=df.index)
    if geom.crs is None:
        geom = geom.set_crs(CRS)
    elif not geom.crs.equals(CRS):
        geom = geom.to_crs(CRS)
    return geom


def fill_from_geometry(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` whose missing ``latitude``/``longitude`` (absent column, null or blank
    cell) are taken from a Point ``geometry`` in EPSG:4326. Other cells are left as they are
    (:func:`geoutils.schema.validate` reports a geometry that disagrees with them, and
    Line/Polygon geometries, which are never turned into a guessed point).

    Example
    -------
    >>> import shapely
    >>> fill_from_geometry(pd.DataFrame({"latitude": [None], "geometry": [shapely.Point(44.3, 35.5)]})).latitude[0]
    35.5
    """
    if "geometry" not in df.columns:
        return df
    geom = _geoms(df)
    out = df.copy()
    out["geometry"] = geom
    is_pt = (geom.notna() & ~geom.is_empty & (geom.geom_type == "Point")).to_numpy()
    if not is_pt.any():
        return out
    xy = {"latitude": np.full(len(df), np.nan), "longitude": np.full(len(df), np.nan)}
    pts = geom[is_pt]
    xy["latitude"][is_pt] = pts.y.to_numpy()
    xy["longitude"][is_pt] = pts.x.to_numpy()
    for col in ("latitude", "longitude"):
        if col not in out.columns:
            out[col] = pd.Series(xy[col], index=df.index)
            continue
        missing = ~_present(out[col]).to_numpy() & is_pt
        if missing.any():
            s = out[col]
            if s.dtype != "float64":
                s = s.astype("object")
            s = s.copy()
            s[missing] = xy[col][missing]
            out[col] = s
    return out


def _present(s: pd.Series) -> pd.Series:
    """True where a value is given (not NA and not a blank string)."""
    notna = s.notna()
    if s.dtype == "object" or pd.api.types.is_string_dtype(s.dtype):
        blank = s.astype("string").str.strip().eq("").fillna(False).astype(bool)
        return notna & ~blank
    return notna

