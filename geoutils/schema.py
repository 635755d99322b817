"""The incident table: one list of columns and dtypes, shared by every module.

Incidents are an EPSG:4326 GeoDataFrame whose column names follow ACLED, so
rows can be concatenated with an ACLED export (see :mod:`geoutils.acled`).
:func:`validate` checks a table against this schema and reports problems with
row numbers; the readers in :mod:`geoutils.io` use it to keep good rows and
report bad ones.

Example
-------
>>> from geoutils.schema import empty_incidents, COLUMNS
>>> empty_incidents().columns.tolist()[:3]
['event_id', 'event_date', 'time_precision']
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterator

import geopandas as gpd
import numpy as np
import pandas as pd

CRS = "EPSG:4326"

#: column name -> pandas dtype. ``event_date`` holds ``datetime.date`` objects
#: (no time zone); the time of day, when known, is ``event_time`` ("HH:MM").
DTYPES: dict[str, str] = {
    "event_id": "string",
    "event_date": "object",
    "time_precision": "Int64",
    "event_time": "string",
    "event_type": "string",
    "sub_event_type": "string",
    "weapon": "string",
    "actor1": "string",
    "actor2": "string",
    "location": "string",
    "admin1": "string",
    "admin2": "string",
    "country": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "Int64",
    "fatalities": "Int64",
    "injuries": "Int64",
    "notes": "string",
    "source": "string",
    "place_id": "string",
    "confidence": "float64",
    "start_char": "Int64",
    "end_char": "Int64",
}

COLUMNS: list[str] = list(DTYPES) + ["geometry"]

#: Columns a table must have for :func:`validate` to pass; the others are
#: filled with missing values by :func:`coerce` when absent.
REQUIRED: list[str] = ["event_date", "latitude", "longitude"]

#: ACLED precision codes.
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
GEO_PRECISION = {1: "the place itself", 2: "near or part of", 3: "region"}

#: ACLED event types and their sub-event types.
EVENT_TYPES: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}

_INT_COLUMNS = [c for c, t in DTYPES.items() if t == "Int64"]
_FLOAT_COLUMNS = [c for c, t in DTYPES.items() if t == "float64"]
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%Y/%m/%d")


# --------------------------------------------------------------------------- dates
def parse_dates(values: Any) -> pd.Series:
    """Parse dates to ``datetime.date`` objects; unparseable values become ``None``.

    Accepts ISO strings ("2020-02-13"), ACLED's older "13 February 2020",
    ``datetime``/``date``/``Timestamp`` objects and datetime64 values.
    Time-zone-aware values are converted to UTC before the date is taken.

    Example
    -------
    >>> parse_dates(["2020-02-13", "13 February 2020", None]).tolist()
    [datetime.date(2020, 2, 13), datetime.date(2020, 2, 13), None]
    """
    s = values if isinstance(values, pd.Series) else pd.Series(values, dtype="object")
    if str(s.dtype) == "object":
        vals = s.tolist()
        if _all_plain_dates(vals):  # already dates (or None): nothing to parse
            out = np.empty(len(vals), dtype=object)
            out[:] = vals
            return pd.Series(out, index=s.index, name=s.name, dtype="object")
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        ts = s.dt.tz_convert(None) if getattr(s.dt, "tz", None) is not None else s
    else:
        obj = s.astype("object")
        if pd.api.types.is_string_dtype(s.dtype) and s.dtype != "object":
            obj = obj.where(s.notna(), None)
        ts = pd.to_datetime(obj, format="ISO8601", errors="coerce", utc=True).dt.tz_convert(None)
        strs = obj.astype("string").str.strip()
        for fmt in _DATE_FORMATS:
            todo = ts.isna() & strs.notna() & (strs != "")
            if not todo.any():
                break
            alt = pd.to_datetime(strs.where(todo), format=fmt, errors="coerce")
            ts = ts.where(~todo, alt)
    out = ts.dt.date.astype("object")
    return out.where(ts.notna(), None)


# --------------------------------------------------------------------------- coerce
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


def _coerce_column(s: pd.Series, col: str, dtype: str) -> pd.Series:
    """One present column cast to its schema dtype (ValueError naming a bad value)."""
    if col == "event_date":
        parsed = parse_dates(s)
        if parsed.isna().any():
            bad = parsed.isna() & _present(s)
            if bad.any():
                raise ValueError(f"column 'event_date': not a date: {s[bad].iloc[0]!r}")
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


def coerce(df: pd.DataFrame | list[dict]) -> gpd.GeoDataFrame:
    """Add missing columns, cast dtypes, order columns, and (re)build point geometry.

    ``df`` is a DataFrame or a list of row dicts (the fast path extraction uses).
    ``event_date`` becomes ``datetime.date`` objects (ISO or "13 February 2020"
    strings are parsed). Geometry is built from ``latitude``/``longitude``;
    when those columns are absent (or empty) but a point geometry is present,
    they are taken from it. Rows without coordinates get an empty (None)
    geometry, never a guessed point. Columns not in the schema are kept, after
    the schema columns. Raises ``ValueError`` naming the column and value that
    cannot be cast (use :func:`validate` first to find such rows).

    Example
    -------
    >>> g = coerce(pd.DataFrame({"latitude": [35.5], "longitude": [44.3]}))
    >>> g.geometry.iloc[0].x
    44.3
    >>> coerce([{"latitude": 35.5, "longitude": 44.3, "fatalities": 2}]).fatalities.dtype
    Int64Dtype()
    """
    if isinstance(df, list) and all(type(r) is dict for r in df) and not any("geometry" in r for r in df):
        return _coerce_records(df)
    attrs = dict(getattr(df, "attrs", {}))
    df = pd.DataFrame(df).copy()
    if "geometry" in df.columns:
        geom = df.pop("geometry")
        geom = gpd.GeoSeries(geom, index=df.index)
        if geom.crs is None:
            geom = geom.set_crs(CRS)
        elif not geom.crs.equals(CRS):
            geom = geom.to_crs(CRS)
        is_pt = geom.notna() & ~geom.is_empty & (geom.geom_type == "Point")
        for col, coord in (("latitude", "y"), ("longitude", "x")):
            if col not in df.columns or df[col].isna().all():
                vals = pd.Series(np.nan, index=df.index)
                if is_pt.any():
                    vals[is_pt] = getattr(geom[is_pt], coord)
                df[col] = vals
    cols: dict[str, Any] = {}
    for col, dtype in DTYPES.items():
        if col not in df.columns:
            fill = np.nan if dtype == "float64" else (None if dtype == "object" else pd.NA)
            cols[col] = pd.Series([fill] * len(df), index=df.index, dtype=dtype)
        else:
            cols[col] = _coerce_column(df[col], col, dtype)
    for c in df.columns:
        if c not in DTYPES:
            cols[c] = df[c]
    lat = cols["latitude"].to_numpy(dtype="float64")
    lon = cols["longitude"].to_numpy(dtype="float64")
    cols["geometry"] = pd.Series(_points(lat, lon), index=df.index)
    out = _geoframe(pd.concat(cols, axis=1) if cols else df)
    out.attrs.update(attrs)
    return out


def _present(s: pd.Series) -> pd.Series:
    """True where a value is given (not NA and not a blank string)."""
    notna = s.notna()
    if s.dtype == "object" or pd.api.types.is_string_dtype(s.dtype):
        blank = s.astype("string").str.strip().eq("").fillna(False).astype(bool)
        return notna & ~blank
    return notna


# --------------------------------------------------------------------------- validate
@dataclass(frozen=True)
class ValidationIssue:
    """One problem found by :func:`validate`.

    ``row`` is the 0-based position of the row in the table as read (for a CSV
    file with a header line, row ``r`` is on line ``r + 2``), or ``None`` for
    a problem with a whole column or the table. ``severity`` is ``"error"``
    (the row cannot be used; readers drop it) or ``"warning"`` (kept).
    """

    row: int | None
    column: str | None
    value: Any
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else "table"
        col = f", column {self.column!r}" if self.column else ""
        val = "" if self.value is None else f": {self.value!r}"
        return f"{self.severity}: {where}{col}: {self.message}{val}"


@dataclass
class ValidationReport:
    """The result of :func:`validate`: a list of :class:`ValidationIssue`.

    ``ok`` is true when there is no error (warnings allowed); ``bad_rows`` are
    the row positions with at least one error. ``dropped`` is filled by the
    readers with the number of rows they left out.

    Example
    -------
    >>> r = validate(pd.DataFrame({"event_date": ["2020-02-30"], "latitude": [95.0], "longitude": [44.0]}))
    >>> r.ok, r.bad_rows
    (False, [0])
    """

    issues: list[ValidationIssue] = field(default_factory=list)
    n_rows: int = 0
    source: str | None = None
    dropped: int = 0

    @property
    def errors(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> list[int]:
        return sorted({i.row for i in self.errors if i.row is not None})

    def __bool__(self) -> bool:  # truthy when clean, like ``ok``
        return self.ok

    def __iter__(self) -> Iterator[ValidationIssue]:
        return iter(self.issues)

    def __len__(self) -> int:
        return len(self.issues)

    def to_frame(self) -> pd.DataFrame:
        """The issues as a DataFrame (row, column, value, message, severity)."""
        cols = ["row", "column", "value", "message", "severity"]
        return pd.DataFrame([[getattr(i, c) for c in cols] for i in self.issues], columns=cols)

    def summary(self) -> str:
        """One line: rows checked, errors, warnings, bad rows."""
        src = f"{self.source}: " if self.source else ""
        return (f"{src}{self.n_rows} rows, {len(self.errors)} errors in {len(self.bad_rows)} rows, "
                f"{len(self.warnings)} warnings")

    def __str__(self) -> str:
        return "\n".join([self.summary(), *(str(i) for i in self.issues)])


def _issues(mask: pd.Series, df: pd.DataFrame, col: str, msg: str,
            severity: str = "error") -> list[ValidationIssue]:
    m = np.asarray(mask, dtype=bool)
    rows = np.flatnonzero(m)
    vals = df[col].to_numpy(dtype=object)[rows]
    return [ValidationIssue(int(r), col, None if _isna(v) else v, msg, severity) for r, v in zip(rows, vals)]


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def validate(gdf: pd.DataFrame, *, strict: bool = False) -> ValidationReport:
    """Check an incident table against the schema; report problems with row numbers.

    Works on a GeoDataFrame or on a raw DataFrame straight from a file (strings
    are parsed the way :func:`coerce` would). Errors (row unusable): missing
    required column (``event_date``, ``latitude``, ``longitude``), unparseable
    date, non-numeric or out-of-range coordinate, half a coordinate (latitude
    without longitude), precision code other than 1/2/3, negative or
    fractional fatalities/injuries, confidence outside [0, 1], CRS other than
    EPSG:4326. Warnings (row kept): missing event_date, unknown event type or
    sub-event type, duplicate event_id, geometry that disagrees with
    latitude/longitude. A numeric column of an impossible dtype (bool,
    datetime) is an error for the whole table. With ``strict=True`` a missing optional column is an error.

    Example
    -------
    >>> df = pd.DataFrame({"event_date": ["2020-01-08", "soon"],
    ...                    "latitude": [33.79, 33.79], "longitude": [42.44, 42.44]})
    >>> print(validate(df).errors[0])
    error: row 1, column 'event_date': not a date: 'soon'
    """
    if not isinstance(gdf, pd.DataFrame):
        raise ValueError(f"validate() needs a DataFrame, got {type(gdf).__name__}")
    df = pd.DataFrame(gdf).reset_index(drop=True)
    issues: list[ValidationIssue] = []
    missing = [c for c in DTYPES if c not in df.columns]
    for c in missing:
        if c in REQUIRED:
            issues.append(ValidationIssue(None, c, None, "missing required column"))
        elif strict:
            issues.append(ValidationIssue(None, c, None, "missing column"))
    crs = getattr(gdf, "crs", None) if isinstance(gdf, gpd.GeoDataFrame) and "geometry" in gdf else None
    if crs is not None and not crs.equals(CRS):
        issues.append(ValidationIssue(None, "geometry", str(crs), f"CRS is not {CRS}"))

    def dtype_note(col: str) -> None:
        # text and numeric columns are checked value by value below; other dtypes
        # (bool, datetime, geometry ...) cannot hold what the schema wants
        dt = df[col].dtype
        if (pd.api.types.is_numeric_dtype(dt) and not pd.api.types.is_bool_dtype(dt)) \
                or pd.api.types.is_string_dtype(dt) or dt == object:
            return
        issues.append(ValidationIssue(None, col, None, f"dtype is {dt}, expected {DTYPES[col]}"))

    if "event_date" in df:
        given = _present(df["event_date"])
        parsed = parse_dates(df["event_date"])
        issues += _issues(given & parsed.isna(), df, "event_date", "not a date")
        issues += _issues(~given, df, "event_date", "no event_date", "warning")
    lat_ok = lon_ok = None
    for col, lim in (("latitude", 90.0), ("longitude", 180.0)):
        if col not in df:
            continue
        dtype_note(col)
        given = _present(df[col])
        num = pd.to_numeric(df[col], errors="coerce")
        issues += _issues(given & num.isna(), df, col, "not a number")
        issues += _issues(num.notna() & (num.abs() > lim), df, col, f"out of range [-{lim:g}, {lim:g}]")
        if col == "latitude":
            lat_ok = num.notna() & (num.abs() <= lim)
        else:
            lon_ok = num.notna() & (num.abs() <= lim)
    if lat_ok is not None and lon_ok is not None:
        lat_given, lon_given = _present(df["latitude"]), _present(df["longitude"])
        issues += _issues(lat_given & ~lon_given, df, "latitude", "latitude without longitude")
        issues += _issues(lon_given & ~lat_given, df, "longitude", "longitude without latitude")
        if isinstance(gdf, gpd.GeoDataFrame) and "geometry" in gdf and crs is not None and crs.equals(CRS):
            geom = gdf.geometry.reset_index(drop=True)
            pt = geom.notna() & ~geom.is_empty & (geom.geom_type == "Point")
            both = pt & lat_ok & lon_ok
            if both.any():
                lat = pd.to_numeric(df["latitude"], errors="coerce")
                lon = pd.to_numeric(df["longitude"], errors="coerce")
                gx = pd.Series(np.nan, index=df.index)
                gy = pd.Series(np.nan, index=df.index)
                gx[pt], gy[pt] = geom[pt].x, geom[pt].y
                off = both & (((gx - lon).abs() > 1e-6) | ((gy - lat).abs() > 1e-6))
                issues += _issues(off, df, "latitude", "geometry disagrees with latitude/longitude", "warning")
    for col in _INT_COLUMNS:
        if col not in df:
            continue
        dtype_note(col)
        given = _present(df[col])
        num = pd.to_numeric(df[col], errors="coerce")
        issues += _issues(given & num.isna(), df, col, "not an integer")
        frac = num.notna() & (num % 1 != 0)
        issues += _issues(frac, df, col, "not an integer")
        if col in ("time_precision", "geo_precision"):
            codes = TIME_PRECISION if col == "time_precision" else GEO_PRECISION
            issues += _issues(num.notna() & ~frac & ~num.isin(list(codes)), df, col,
                              f"impossible precision code (expected one of {sorted(codes)})")
        elif col in ("fatalities", "injuries"):
            issues += _issues(num.notna() & (num < 0), df, col, "negative count")
    if "confidence" in df:
        num = pd.to_numeric(df["confidence"], errors="coerce")
        issues += _issues(_present(df["confidence"]) & num.isna(), df, "confidence", "not a number")
        issues += _issues(num.notna() & ((num < 0) | (num > 1)), df, "confidence", "out of range [0, 1]")
    if "event_type" in df:
        et = df["event_type"].astype("string")
        issues += _issues(et.notna() & ~et.isin(list(EVENT_TYPES)), df, "event_type",
                          "unknown ACLED event type", "warning")
        if "sub_event_type" in df:
            st = df["sub_event_type"].astype("string")
            pairs = {f"{t}|{sub}" for t, subs in EVENT_TYPES.items() for sub in subs}
            known = et.isin(list(EVENT_TYPES)).fillna(False) & st.notna()
            wrong = known & ~(et + "|" + st).isin(pairs).fillna(False)
            issues += _issues(wrong, df, "sub_event_type", "not a sub-event type of its event type", "warning")
    if "event_id" in df:
        eid = df["event_id"]
        dup = eid.notna() & eid.duplicated(keep="first")
        issues += _issues(dup, df, "event_id", "duplicate event_id", "warning")
    issues.sort(key=lambda i: (-1 if i.row is None else i.row, i.severity != "error"))
    return ValidationReport(issues=issues, n_rows=len(df))


class InvalidIncidentsError(ValueError):
    """Raised by readers with ``on_invalid="raise"``; ``.report`` holds the report."""

    def __init__(self, message: str, report: ValidationReport):
        super().__init__(message)
        self.report = report


class ValidationWarning(UserWarning):
    """Warned by readers that dropped rows which failed :func:`validate`."""


def load_valid(raw: pd.DataFrame, *, source: str | None = None, on_invalid: str = "drop",
               stacklevel: int = 3) -> gpd.GeoDataFrame:
    """Validate a raw table, keep the good rows, coerce them, attach the report.

    Used by every reader. Rows with an error are dropped (``on_invalid="drop"``,
    the default: a :class:`ValidationWarning` says how many and where) or the
    whole load fails (``"raise"``: :class:`InvalidIncidentsError`, a
    ``ValueError``). Missing required columns always raise. The report is in
    ``gdf.attrs["validation"]`` (a :class:`ValidationReport`; row numbers
    refer to ``raw``).

    Example
    -------
    >>> raw = pd.DataFrame({"event_date": ["2020-01-08", "bad"], "latitude": [33.8, 33.8],
    ...                     "longitude": [42.4, 42.4]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     g = load_valid(raw)
    >>> len(g), g.attrs["validation"].bad_rows
    (1, [1])
    """
    import warnings

    if on_invalid not in ("drop", "raise"):
        raise ValueError(f"on_invalid must be 'drop' or 'raise', got {on_invalid!r}")
    raw = pd.DataFrame(raw).reset_index(drop=True) if not isinstance(raw, gpd.GeoDataFrame) \
        else raw.reset_index(drop=True)
    report = validate(raw)
    report.source = source
    table_errors = [i for i in report.errors if i.row is None]
    where = f"{source}: " if source else ""
    if table_errors and len(raw) == 0:  # e.g. an empty GeoJSON has no properties at all
        table_errors = []
        report.issues = [i for i in report.issues if i.row is not None]
    if table_errors:
        raise InvalidIncidentsError(f"{where}{'; '.join(str(i) for i in table_errors)}", report)
    bad = report.bad_rows
    if bad and on_invalid == "raise":
        raise InvalidIncidentsError(f"{where}{len(report.errors)} errors in rows {bad[:10]}: "
                                    f"{report.errors[0]}", report)
    good = raw.drop(index=bad) if bad else raw
    out = coerce(good)
    report.dropped = len(bad)
    out.attrs["validation"] = report
    if bad:
        more = "" if len(bad) <= 10 else f" (and {len(bad) - 10} more)"
        warnings.warn(f"{where}dropped {len(bad)} of {len(raw)} rows that failed validation: rows {bad[:10]}"
                      f"{more}; first problem: {report.errors[0]}; see gdf.attrs['validation']",
                      ValidationWarning, stacklevel=stacklevel)
    return out
