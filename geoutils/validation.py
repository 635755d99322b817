"""Check incident tables against the schema: :func:`validate`, and :func:`load_valid` for readers.

Example
-------
>>> import pandas as pd
>>> validate(pd.DataFrame({"event_date": ["2021"], "latitude": [33.0], "longitude": [44.0]})).ok
False
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import geopandas as gpd
import numpy as np
import pandas as pd

from geoutils.coercion import _present, coerce, fill_from_geometry
from geoutils.columns import _INT_COLUMNS, CRS, DTYPES, EVENT_TYPES, GEO_PRECISION, REQUIRED, TIME_PRECISION
from geoutils.dates_io import parse_dates_detail

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


def validate(gdf: pd.DataFrame, *, strict: bool = False, dayfirst: bool | None = None) -> ValidationReport:
    """Check an incident table against the schema; report problems with row numbers.

    Works on a GeoDataFrame or on a raw DataFrame straight from a file (strings
    are parsed the way :func:`coerce` would). Errors (row unusable): missing
    required column (``event_date``, ``latitude``, ``longitude``), unparseable
    date, non-numeric or out-of-range coordinate, half a coordinate (latitude
    without longitude), precision code other than 1/2/3, negative or
    fractional fatalities/injuries, confidence outside [0, 1], CRS other than
    EPSG:4326. Warnings (row kept): missing event_date, unknown event type or
    sub-event type, duplicate event_id, geometry that disagrees with
    latitude/longitude, a Line/Polygon geometry beside latitude/longitude (the
    point is kept, the shape is not; without latitude/longitude such a row is an
    error), a date known only to the month (``time_precision`` becomes 3).
    Missing latitude/longitude cells (or columns) are taken from a Point
    geometry. Dates: see :mod:`geoutils.dates_io`; a bare year, an ISO week or an
    ambiguous "03/02/2021" (unless ``dayfirst`` is given) is an error, and so is
    an ACLED ``year`` that differs from the year of ``event_date``. A numeric column of an impossible dtype (bool,
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
    given_ll = {c: (_present(df[c]) if c in df else pd.Series(False, index=df.index))
                for c in ("latitude", "longitude")}
    geom = None
    if "geometry" in df.columns and isinstance(gdf, gpd.GeoDataFrame) and gdf.crs is not None \
            and not gdf.crs.equals(CRS):
        pass  # reported below as a CRS error; coordinates are not taken from it
    elif "geometry" in df.columns:
        df = fill_from_geometry(df)
        geom = gpd.GeoSeries(df["geometry"], index=df.index)
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
        parsed, prec, why = parse_dates_detail(df["event_date"], dayfirst)
        refused = given & parsed.isna()
        for reason in why[refused].fillna("not a date").unique():
            issues += _issues(refused & (why.fillna("not a date") == reason), df, "event_date", reason)
        issues += _issues(~given, df, "event_date", "no event_date", "warning")
        tp = pd.to_numeric(df["time_precision"], errors="coerce") if "time_precision" in df \
            else pd.Series(np.nan, index=df.index)
        month = (prec == 3).fillna(False).astype(bool) & ~(tp >= 3).fillna(False).astype(bool)
        issues += _issues(month, df, "event_date", "date known only to the month: time_precision set to 3",
                          "warning")
        if "year" in df:
            yr = pd.to_numeric(df["year"], errors="coerce")
            dyear = pd.Series([d.year if d is not None else np.nan for d in parsed], index=df.index, dtype=float)
            issues += _issues(_present(df["year"]) & yr.isna(), df, "year", "not a year")
            off = yr.notna() & dyear.notna() & (yr != dyear)
            issues += _issues(off, df, "year", "year differs from the year of event_date")
    if geom is not None:
        kind = geom.geom_type.where(geom.notna() & ~geom.is_empty)
        shape = kind.notna() & (kind != "Point")
        both = given_ll["latitude"] & given_ll["longitude"]
        issues += [ValidationIssue(int(r), "geometry", kind.iloc[r],
                                   "not a point geometry and no latitude/longitude: incidents are points")
                   for r in np.flatnonzero((shape & ~both).to_numpy())]
        issues += [ValidationIssue(int(r), "geometry", kind.iloc[r],
                                   "not a point geometry: latitude/longitude kept, the shape is not", "warning")
                   for r in np.flatnonzero((shape & both).to_numpy())]
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
        if geom is not None:
            pt = (geom.notna() & ~geom.is_empty & (geom.geom_type == "Point")).to_numpy()
            both = pt & lat_ok.to_numpy() & lon_ok.to_numpy() & (given_ll["latitude"] & given_ll["longitude"]).to_numpy()
            if both.any():
                lat = pd.to_numeric(df["latitude"], errors="coerce").to_numpy()
                lon = pd.to_numeric(df["longitude"], errors="coerce").to_numpy()
                gx = np.full(len(df), np.nan)
                gy = np.full(len(df), np.nan)
                gx[pt], gy[pt] = geom[pt].x.to_numpy(), geom[pt].y.to_numpy()
                with np.errstate(invalid="ignore"):
                    off = both & ((np.abs(gx - lon) > 1e-6) | (np.abs(gy - lat) > 1e-6))
                issues += _issues(pd.Series(off), df, "latitude",
                                  "geometry disagrees with latitude/longitude", "warning")
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
               stacklevel: int = 3, dayfirst: bool | None = None,
               extra_issues: list[ValidationIssue] | None = None) -> gpd.GeoDataFrame:
    """Validate a raw table, keep the good rows, coerce them, attach the report.

    Used by every reader. Rows with an error are dropped (``on_invalid="drop"``,
    the default: a :class:`ValidationWarning` says how many and where) or the
    whole load fails (``"raise"``: :class:`InvalidIncidentsError`, a
    ``ValueError``). Missing required columns always raise. The report is in
    ``gdf.attrs["validation"]`` (a :class:`ValidationReport`; row numbers
    refer to ``raw``). ``dayfirst`` reads numeric "03/02/2021" dates (see
    :mod:`geoutils.dates_io`); ``extra_issues`` are problems the reader found
    itself (e.g. CSV rows with too many fields), merged into the report.

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
    report = validate(raw, dayfirst=dayfirst)
    if extra_issues:
        report.issues = sorted([*report.issues, *extra_issues],
                               key=lambda i: (-1 if i.row is None else i.row, i.severity != "error"))
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
    out = coerce(good, dayfirst=dayfirst)
    report.dropped = len(bad)
    out.attrs["validation"] = report
    if bad:
        more = "" if len(bad) <= 10 else f" (and {len(bad) - 10} more)"
        warnings.warn(f"{where}dropped {len(bad)} of {len(raw)} rows that failed validation: rows {bad[:10]}"
                      f"{more}; first problem: {report.errors[0]}; see gdf.attrs['validation']",
                      ValidationWarning, stacklevel=stacklevel)
    return out
