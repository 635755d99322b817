"""Read and write incident tables: GeoJSON, GeoPackage, GeoParquet, CSV, KML, and ACLED CSV.

The format follows the file extension. Every reader validates the rows
(:func:`geoutils.schema.validate`): good rows are returned, rows with errors
are dropped with a :class:`~geoutils.schema.ValidationWarning`, and the full
report is attached as ``gdf.attrs["validation"]``; the index of the result is
the row number in the file (0-based data rows), so dropped rows leave gaps.
Pass ``on_invalid="raise"`` to fail instead. Writes are atomic (a temporary
file in the same directory, then ``os.replace``). ``event_date`` is written
as an ISO date ("2020-02-13") and read back as ``datetime.date``.

Example
-------
>>> from geoutils.io import read_incidents, write_incidents   # doctest: +SKIP
>>> write_incidents(gdf, "out/incidents.kml")                 # doctest: +SKIP
>>> read_incidents("out/incidents.kml").event_date.iloc[0]    # doctest: +SKIP
datetime.date(2020, 2, 13)
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import geopandas as gpd
import pandas as pd

from geoutils.acled import is_acled, read_acled, to_acled
from geoutils.schema import DTYPES, load_valid

__all__ = ["read_incidents", "write_incidents", "read_acled", "to_acled", "FORMATS", "format_of"]

#: extension -> format name
FORMATS: dict[str, str] = {
    ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".parquet": "parquet",
    ".geoparquet": "parquet", ".csv": "csv", ".kml": "kml",
}
_INT_TEXT = re.compile(r"^-?(0|[1-9][0-9]{0,17})$")


def format_of(path: str | os.PathLike) -> str:
    """The format name for a path, from its extension; ``ValueError`` naming the path if unknown.

    Example
    -------
    >>> format_of("a/b.GeoJSON")
    'geojson'
    """
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise ValueError(f"unknown file extension {ext or '(none)'!r} for {str(path)!r} "
                         f"(use one of {', '.join(sorted(FORMATS))})")
    return FORMATS[ext]


def infer_extra_types(df: pd.DataFrame, skip: set[str] | frozenset[str] = frozenset(DTYPES)) -> pd.DataFrame:
    """Turn text columns not in the schema into Int64 when every value is a plain integer.

    Only lossless conversions ("368" -> 368, never "007" or "1.0"), so a
    table read as text is written back identically.
    """
    df = df.copy()
    for c in df.columns:
        if c in skip or c == "geometry":
            continue
        s = df[c]
        if not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)):
            continue
        txt = s.dropna().astype(str)
        if len(txt) and txt.str.match(_INT_TEXT).all():
            df[c] = pd.to_numeric(s).astype("Int64")
        else:
            df[c] = s.astype("string")
    return df


def _read_csv_text(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")


def read_incidents(path: str | os.PathLike, *, layer: str | None = None, on_invalid: str = "drop",
                   acled: bool | None = None) -> gpd.GeoDataFrame:
    """Read an incident file (format from the extension) into the schema of :mod:`geoutils.schema`.

    A CSV with ACLED columns (``event_id_cnty`` …) is read with
    :func:`geoutils.acled.read_acled` unless ``acled=False``. Bad rows are
    dropped and reported in ``gdf.attrs["validation"]`` (see module doc).

    Raises
    ------
    ValueError
        Naming the path: unknown extension, missing or unreadable file,
        missing required columns, or bad rows with ``on_invalid="raise"``.

    Example
    -------
    >>> gdf = read_incidents("tests/fixtures/acled_new.csv")   # doctest: +SKIP
    """
    p = Path(path)
    fmt = format_of(p)
    if not p.is_file():
        raise ValueError(f"cannot read {str(path)!r}: no such file")
    try:
        if fmt == "csv":
            raw = _read_csv_text(p)
            if acled or (acled is None and is_acled(raw.columns)):
                return read_acled(p, on_invalid=on_invalid)
            raw = infer_extra_types(raw)
        elif fmt == "kml":
            from geoutils.kml import read_kml

            raw = infer_extra_types(read_kml(str(p)))
        elif fmt == "parquet":
            raw = gpd.read_parquet(p)
        else:
            import pyogrio

            # GeoJSON: keep "20:45" and dates as text (the schema parses them), not GDAL's guesses
            kw = {"DATE_AS_STRING": "YES"} if fmt == "geojson" else {}
            raw = pyogrio.read_dataframe(p, layer=layer, **kw)
    except ValueError as exc:
        if str(p) in str(exc):
            raise
        raise ValueError(f"cannot read {str(path)!r}: {exc}") from None
    except Exception as exc:  # pyogrio/pyarrow/pandas errors -> one ValueError naming the file
        raise ValueError(f"cannot read {str(path)!r}: {type(exc).__name__}: {exc}") from None
    return load_valid(raw, source=str(path), on_invalid=on_invalid, stacklevel=3)


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` (same suffix); on success move it over ``path``.

    Example
    -------
    >>> with atomic_path("out/x.csv") as tmp:        # doctest: +SKIP
    ...     df.to_csv(tmp)
    """
    p = Path(path)
    if not p.parent.is_dir():
        raise ValueError(f"cannot write {str(path)!r}: directory {str(p.parent)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.stem}.", suffix=p.suffix,
                               dir=p.parent)
    os.close(fd)
    os.unlink(tmp)  # drivers (GPKG) want to create the file themselves
    try:
        yield Path(tmp)
        os.replace(tmp, p)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _for_text(gdf: pd.DataFrame) -> pd.DataFrame:
    """Copy with event_date as ISO text and no attrs (formats without a date type, or lossy ones)."""
    out = gdf.copy()
    out.attrs = {}
    if "event_date" in out:
        d = pd.to_datetime(pd.Series(out["event_date"], dtype=object), errors="coerce")
        out["event_date"] = pd.array(d.dt.strftime("%Y-%m-%d"), dtype="object")
        out["event_date"] = out["event_date"].where(d.notna(), None)
    return out


def write_incidents(gdf: gpd.GeoDataFrame, path: str | os.PathLike, *, layer: str | None = None) -> Path:
    """Write incidents to a file; the format follows the extension. Atomic; returns the path.

    CSV gets ``latitude``/``longitude`` columns and no geometry; KML is
    written for Google Earth (:mod:`geoutils.kml`); GeoPackage uses layer
    ``layer`` or "incidents". An existing file is replaced.

    Example
    -------
    >>> write_incidents(gdf, "out/incidents.gpkg")   # doctest: +SKIP
    PosixPath('out/incidents.gpkg')
    """
    if not isinstance(gdf, pd.DataFrame):
        raise ValueError(f"write_incidents() needs a GeoDataFrame, got {type(gdf).__name__}")
    fmt = format_of(path)
    if not isinstance(gdf, gpd.GeoDataFrame) or "geometry" not in gdf.columns:
        from geoutils.schema import coerce

        gdf = coerce(gdf)  # a plain DataFrame with latitude/longitude
    with atomic_path(path) as tmp:
        if fmt == "csv":
            df = _for_text(gdf)
            df = df.drop(columns=[c for c in df.columns if c == "geometry"])
            df.to_csv(tmp, index=False, encoding="utf-8")
        elif fmt == "kml":
            from geoutils.kml import to_kml_string

            tmp.write_text(to_kml_string(_for_text(gdf), name=Path(path).stem), encoding="utf-8")
        elif fmt == "parquet":
            df = gdf.copy()
            df.attrs = {}
            gpd.GeoDataFrame(df, geometry="geometry", crs=getattr(gdf, "crs", None)).to_parquet(tmp, index=False)
        else:
            import pyogrio

            df = _for_text(gdf)
            driver = {"geojson": "GeoJSON", "gpkg": "GPKG"}[fmt]
            kw = {"layer": layer or "incidents"} if fmt == "gpkg" else {}
            pyogrio.write_dataframe(gpd.GeoDataFrame(df, geometry="geometry", crs=gdf.crs), tmp,
                                    driver=driver, **kw)
    return Path(path)
