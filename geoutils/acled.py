"""ACLED interop: read ACLED CSV exports (pre-2023 and current columns) and write ACLED columns.

ACLED columns map onto ours by name, except ``event_id_cnty`` -> ``event_id``;
``event_date`` is parsed from "13 February 2020" (older exports) or
"2020-02-13" (current). Every other ACLED column (``data_id``, ``iso``,
``inter1``, ``tags`` …) is kept as an extra column, and the original column
order and date style go in ``gdf.attrs["acled"]``, so
``to_acled(read_acled(path))`` reproduces the file's fields.

Example
-------
>>> gdf = read_acled("tests/fixtures/acled_old.csv")            # doctest: +SKIP
>>> to_acled(gdf).columns[:3].tolist()                           # doctest: +SKIP
['data_id', 'iso', 'event_id_cnty']
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import geopandas as gpd
import pandas as pd

#: Column order of ACLED exports before 2023.
OLD_COLUMNS: list[str] = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
]
#: Column order of current ACLED exports.
NEW_COLUMNS: list[str] = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
DATE_FORMATS = {"old": "%d %B %Y", "new": "%Y-%m-%d"}
#: date styles seen in ACLED files passed around (Excel saves "31-Mar-20"); the one a file
#: uses is remembered so :func:`to_acled` writes it back the same way
DATE_STYLES = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%Y", "%d-%b-%Y", "%d %b %Y", "%B %d, %Y",
               "%d/%m/%Y", "%m/%d/%Y")
_SIGNATURE = {"event_id_cnty", "event_date", "latitude", "longitude"}
_OLD_ONLY = {"data_id", "event_id_no_cnty", "iso3"}


def is_acled(columns: Iterable[str]) -> bool:
    """True when the columns look like an ACLED export (event_id_cnty, event_date, latitude, longitude).

    Example
    -------
    >>> is_acled(["event_id_cnty", "event_date", "latitude", "longitude", "notes"])
    True
    """
    return _SIGNATURE <= set(columns)


def flavor_of(columns: Iterable[str]) -> str:
    """``"old"`` (pre-2023: has data_id/event_id_no_cnty/iso3) or ``"new"``.

    Example
    -------
    >>> flavor_of(OLD_COLUMNS), flavor_of(NEW_COLUMNS)
    ('old', 'new')
    """
    return "old" if _OLD_ONLY & set(columns) else "new"


def from_acled(raw: pd.DataFrame) -> pd.DataFrame:
    """Rename ACLED columns to ours (text values kept; no validation). See :func:`read_acled`.

    Example
    -------
    >>> from_acled(pd.DataFrame({"event_id_cnty": ["IRQ1"]})).columns.tolist()
    ['event_id']
    """
    from geoutils.io import infer_extra_types

    if "event_id" in raw.columns and "event_id_cnty" in raw.columns:
        raise ValueError("table has both 'event_id' and 'event_id_cnty'; cannot map ACLED ids")
    cols = list(raw.columns)
    dates = raw["event_date"].dropna().astype(str) if "event_date" in raw else pd.Series([], dtype=str)
    flavor = flavor_of(cols)
    date_format = date_style(dates) or DATE_FORMATS[flavor]
    df = infer_extra_types(raw.rename(columns={"event_id_cnty": "event_id"}))
    df.attrs["acled"] = {"flavor": flavor, "columns": cols, "date_format": date_format}
    return df


def date_style(dates: Iterable[str], sample: int = 200) -> str | None:
    """The ``strftime`` style (of :data:`DATE_STYLES`) that writes most of ``dates`` back exactly.

    Example
    -------
    >>> date_style(["31-Mar-20", "01-Apr-20"])
    '%d-%b-%y'
    """
    from geoutils.dates_io import parse_date_cell

    vals = [v.strip() for v in list(dates)[:sample] if isinstance(v, str) and v.strip()]
    parsed = [(v, parse_date_cell(v)[0]) for v in vals]
    parsed = [(v, d) for v, d in parsed if d is not None]
    if not parsed:
        return None
    score = {f: sum(d.strftime(f) == v for v, d in parsed) for f in DATE_STYLES}
    best = max(DATE_STYLES, key=lambda f: score[f])
    return best if score[best] else None


def read_acled(path: str | os.PathLike, *, on_invalid: str = "drop", dayfirst: bool | None = None) -> gpd.GeoDataFrame:
    """Read an ACLED CSV export (old or current column set) into the incident schema.

    ``event_id`` comes from ``event_id_cnty``; all other ACLED columns are
    kept (extras after the schema columns, integers as Int64, text as
    string). Bad rows are dropped and reported in ``gdf.attrs["validation"]``
    with a warning (``on_invalid="raise"`` to fail); ``gdf.attrs["acled"]``
    remembers the flavor, column order and date style for :func:`to_acled`.
    Every ACLED date style is read ("2020-03-31", "31 March 2020",
    "31-Mar-20", "March 31, 2020", Excel serials; see
    :mod:`geoutils.dates_io`); a month-only date gets ``time_precision`` 3;
    ``dayfirst`` settles "03/02/2021"; a ``year`` that differs from
    ``event_date`` is an error.

    Raises
    ------
    ValueError
        Naming the path, when it is missing, unreadable or not ACLED.

    Example
    -------
    >>> gdf = read_acled("tests/fixtures/acled_old.csv")            # doctest: +SKIP
    >>> gdf.loc[0, "event_date"]                                     # doctest: +SKIP
    datetime.date(2020, 2, 13)
    """
    from geoutils.io import read_csv_text

    p = Path(path)
    if not p.is_file():
        raise ValueError(f"cannot read {str(path)!r}: no such file")
    try:
        raw, cut = read_csv_text(p)
    except Exception as exc:
        raise ValueError(f"cannot read {str(path)!r}: {type(exc).__name__}: {exc}") from None
    if not is_acled(raw.columns):
        missing = sorted(_SIGNATURE - set(raw.columns))
        raise ValueError(f"{str(path)!r} is not an ACLED export: missing columns {missing}")
    return load_acled(raw, cut, source=str(path), on_invalid=on_invalid, dayfirst=dayfirst)


def load_acled(raw: pd.DataFrame, cut: list | None = None, *, source: str | None = None, on_invalid: str = "drop",
               dayfirst: bool | None = None) -> gpd.GeoDataFrame:
    """:func:`read_acled` on a table already read as text (``cut``: the reader's row issues)."""
    from geoutils.schema import load_valid

    df = from_acled(raw)
    meta = df.attrs["acled"]
    gdf = load_valid(df, source=source, on_invalid=on_invalid, stacklevel=4, dayfirst=dayfirst,
                     extra_issues=cut)
    gdf.attrs["acled"] = meta
    return gdf


def to_acled(gdf: pd.DataFrame, path: str | os.PathLike | None = None, *, flavor: str | None = None,
             keep_extra: bool = False, formula_guard: bool = True) -> pd.DataFrame:
    """ACLED-compatible columns for an incident table; optionally write them as CSV (atomic).

    The column order is the one the table was read with (``attrs["acled"]``),
    else the ``flavor`` ("new", the default, or "old") order, with any other
    ACLED column the table carries. ``event_id`` -> ``event_id_cnty``;
    ``event_date`` is written in the flavor's style; ``year`` is filled from
    the date when absent; ACLED columns we do not have are left blank. Our
    own columns (weapon, injuries, confidence …) are dropped unless
    ``keep_extra``. The file written to ``path`` guards text cells against
    spreadsheet formulas (see :func:`geoutils.io.guard`) unless
    ``formula_guard=False``; the returned frame is never guarded.

    Example
    -------
    >>> from geoutils.schema import coerce
    >>> g = coerce(pd.DataFrame({"event_id": ["X1"], "event_date": ["2020-02-13"],
    ...                          "latitude": [35.5125], "longitude": [44.2842], "fatalities": [0]}))
    >>> row = to_acled(g).iloc[0]
    >>> row["event_id_cnty"], row["event_date"], int(row["year"])
    ('X1', '2020-02-13', 2020)
    """
    from geoutils.schema import parse_dates

    meta = dict(gdf.attrs.get("acled") or {})
    if flavor is not None and flavor not in DATE_FORMATS:
        raise ValueError(f"unknown ACLED flavor {flavor!r} (use 'new' or 'old')")
    have = set(gdf.columns) | {"event_id_cnty"}
    if flavor is None:
        flavor = meta.get("flavor") or flavor_of(gdf.columns)
        columns = meta.get("columns") or (OLD_COLUMNS if flavor == "old" else NEW_COLUMNS)
        date_format = meta.get("date_format") or DATE_FORMATS[flavor]
    else:
        columns = OLD_COLUMNS if flavor == "old" else NEW_COLUMNS
        date_format = DATE_FORMATS[flavor]
    known = set(OLD_COLUMNS) | set(NEW_COLUMNS)
    columns = list(columns) + [c for c in gdf.columns if c in known and c not in columns and c in have]
    src = pd.DataFrame(gdf).rename(columns={"event_id": "event_id_cnty"})
    out = pd.DataFrame(index=src.index)
    dates = parse_dates(src["event_date"]) if "event_date" in src else pd.Series(None, index=src.index)
    for c in columns:
        if c == "event_date":
            d = pd.to_datetime(dates.astype(object), errors="coerce")
            out[c] = d.dt.strftime(date_format).where(d.notna(), None)
        elif c in src.columns:
            out[c] = src[c].to_numpy()
        elif c == "year":
            out[c] = pd.to_datetime(dates.astype(object), errors="coerce").dt.year.astype("Int64").to_numpy()
        else:
            out[c] = pd.Series(pd.NA, index=src.index, dtype="string")
    if keep_extra:
        for c in src.columns:
            if c not in out.columns and c != "geometry":
                out[c] = src[c].to_numpy()
    out = out.reset_index(drop=True)
    if path is not None:
        from geoutils.io import atomic_path, guard_frame

        if Path(path).suffix.lower() != ".csv":
            raise ValueError(f"ACLED output must be a .csv file, got {str(path)!r}")
        with atomic_path(path) as tmp:
            (guard_frame(out) if formula_guard else out).to_csv(tmp, index=False, encoding="utf-8")
    return out
