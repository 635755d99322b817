"""Read and write incident tables: GeoJSON, GeoPackage, GeoParquet, CSV, KML, and ACLED CSV.

The format follows the file extension. Every reader validates the rows
(:func:`geoutils.schema.validate`): good rows are returned, rows with errors
are dropped with a :class:`~geoutils.schema.ValidationWarning`, and the full
report is attached as ``gdf.attrs["validation"]``; the index of the result is
the row number in the file (0-based data rows), so dropped rows leave gaps.
Pass ``on_invalid="raise"`` to fail instead. Writes are atomic (a temporary
file ``.<stem>.<pid>.<random>.gtmp<ext>`` in the same directory, then
``os.replace``; temporary files a killed process left are removed by the next
write there); a failed write (full disk …) leaves the old file and raises one
``ValueError`` naming the path. ``event_date`` is written as an ISO date
("2020-02-13") and read back as ``datetime.date``; every ACLED date style is
read (:mod:`geoutils.dates_io`). CSV exports guard text cells against
spreadsheet formulas (``formula_guard``), and reading them back removes the
guard: a cell that itself starts with ``'=``, ``'+``, ``'-`` or ``'@`` loses
that first quote on reading.

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


def read_csv_text(path: str | os.PathLike) -> tuple[pd.DataFrame, list]:
    """A CSV file as a DataFrame of text (blank cells None), plus the rows it had to cut.

    A row with more fields than the header keeps its first fields (so its row
    number stays the same) and gets an error :class:`~geoutils.schema.ValidationIssue`
    naming its line, so readers drop and report it instead of silently shifting
    values; a shorter row is padded with blanks. Cells that :func:`write_incidents`
    guarded against formula injection (``'=…``) are unguarded. Raises
    ``UnicodeDecodeError``/``csv.Error`` for files that are not UTF-8 CSV.

    Example
    -------
    >>> df, cut = read_csv_text("tests/fixtures/acled_new.csv")   # doctest: +SKIP
    """
    import csv

    from geoutils.schema import ValidationIssue

    csv.field_size_limit(2**31 - 1)  # whole articles in a notes cell are fine
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise ValueError("empty file (no header line)")
        n = len(header)
        rows: list[list[str | None]] = []
        cut: list = []
        for rec in reader:
            if not rec:  # a blank line
                continue
            if len(rec) > n:
                extra = [c for c in rec[n:] if c != ""]
                if extra:
                    cut.append(ValidationIssue(len(rows), None, extra[0] if len(extra) == 1 else extra,
                                               f"line {reader.line_num} has {len(rec)} fields, the header {n}"))
                rec = rec[:n]
            elif len(rec) < n:
                rec = rec + [""] * (n - len(rec))
            rows.append([(unguard(c) if c[0] == "'" else c) if c else None for c in rec])
    if len(set(header)) != len(header):
        dup = sorted({h for h in header if header.count(h) > 1})
        raise ValueError(f"duplicate column names {dup}")
    df = pd.DataFrame(rows, columns=header, dtype=object) if rows else \
        pd.DataFrame({h: pd.Series([], dtype=object) for h in header})
    return df, cut


#: first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = re.compile(r"^'[=+\-@\t\r]")


def guard(value: object) -> object:
    """A text cell made safe for spreadsheets: a leading ``'`` before ``= + - @`` (tab, CR).

    Example
    -------
    >>> guard("=1+2"), guard("-5 killed"), guard("ok")
    ("'=1+2", "'-5 killed", 'ok')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """Undo :func:`guard` (only on cells it would have guarded)."""
    return value[1:] if _GUARDED.match(value) else value


def guard_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with :func:`guard` applied to every text cell (numbers untouched)."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            txt = s.astype("object")
            hit = txt.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START))
            if hit.any():
                out[c] = txt.where(~hit, txt[hit].map(guard))
    return out


def read_incidents(path: str | os.PathLike, *, layer: str | None = None, on_invalid: str = "drop",
                   acled: bool | None = None, dayfirst: bool | None = None) -> gpd.GeoDataFrame:
    """Read an incident file (format from the extension) into the schema of :mod:`geoutils.schema`.

    A CSV with ACLED columns (``event_id_cnty`` …) is read with
    :func:`geoutils.acled.read_acled` unless ``acled=False``. Bad rows are
    dropped and reported in ``gdf.attrs["validation"]`` (see module doc).
    Dates are read in every ACLED style (:mod:`geoutils.dates_io`); numeric
    day/month dates such as "03/02/2021" are refused as ambiguous unless
    ``dayfirst`` is True (3 February) or False (2 March). CSV rows with more
    fields than the header are dropped and reported with their line number.

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
    cut: list = []
    try:
        if fmt == "csv":
            raw, cut = read_csv_text(p)
            if acled or (acled is None and is_acled(raw.columns)):
                from geoutils.acled import load_acled

                return load_acled(raw, cut, source=str(path), on_invalid=on_invalid, dayfirst=dayfirst)
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
    return load_valid(raw, source=str(path), on_invalid=on_invalid, stacklevel=3, dayfirst=dayfirst,
                      extra_issues=cut)


TEMP_TAG = ".gtmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours
        return True
    return True


def clean_stale_temps(folder: str | os.PathLike) -> list[Path]:
    """Remove temporary files of :func:`atomic_path`'s naming left by a killed process.

    Only names ``.<stem>.<pid>.<random>.gtmp<suffix>`` whose process is gone are removed.

    Example
    -------
    >>> clean_stale_temps("out")   # doctest: +SKIP
    []
    """
    gone: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return gone
    pat = re.compile(r"^\..*\.(\d+)\.[^.]+" + re.escape(TEMP_TAG) + r"(\.[^.]*)?$")
    for e in entries:
        m = pat.match(e.name)
        if m and not _alive(int(m.group(1))):
            try:
                os.unlink(e.path)
                gone.append(Path(e.path))
            except OSError:
                pass
    return gone


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` (same suffix); on success move it over ``path``.

    The temporary name carries this process's id (``.<stem>.<pid>.<random>.gtmp<suffix>``),
    so the next write into the folder removes those a killed process left behind. Any
    failure (full disk, driver error) removes the temporary file, leaves ``path`` as it
    was, and is raised as one ``ValueError`` naming ``path``.

    Example
    -------
    >>> with atomic_path("out/x.csv") as tmp:        # doctest: +SKIP
    ...     df.to_csv(tmp)
    """
    p = Path(path)
    if p.is_dir():
        raise ValueError(f"cannot write {str(path)!r}: it is a directory")
    if not p.parent.is_dir():
        raise ValueError(f"cannot write {str(path)!r}: directory {str(p.parent)!r} does not exist")
    clean_stale_temps(p.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.stem}.{os.getpid()}.", suffix=TEMP_TAG + p.suffix, dir=p.parent)
        os.close(fd)
        os.unlink(tmp)  # drivers (GPKG) want to create the file themselves
    except OSError as exc:
        raise ValueError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    try:
        yield Path(tmp)
        os.replace(tmp, p)
    except ValueError as exc:
        raise ValueError(str(exc) if str(p) in str(exc) else f"cannot write {str(path)!r}: {exc}") from None
    except OSError as exc:
        raise ValueError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    except Exception as exc:  # pyogrio/pyarrow/sqlite errors: one line naming the file
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"cannot write {str(path)!r}: {type(exc).__name__}: {msg}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; ``ValueError`` naming the path on failure."""
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    return Path(path)


def _for_text(gdf: pd.DataFrame) -> pd.DataFrame:
    """Copy with event_date as ISO text and no attrs (formats without a date type, or lossy ones)."""
    out = gdf.copy()
    out.attrs = {}
    if "event_date" in out:
        d = pd.to_datetime(pd.Series(out["event_date"], dtype=object), errors="coerce")
        out["event_date"] = pd.array(d.dt.strftime("%Y-%m-%d"), dtype="object")
        out["event_date"] = out["event_date"].where(d.notna(), None)
    return out


def write_incidents(gdf: gpd.GeoDataFrame, path: str | os.PathLike, *, layer: str | None = None,
                    formula_guard: bool = True) -> Path:
    """Write incidents to a file; the format follows the extension. Atomic; returns the path.

    CSV gets ``latitude``/``longitude`` columns and no geometry; KML is
    written for Google Earth (:mod:`geoutils.kml`); GeoPackage uses layer
    ``layer`` or "incidents". An existing file is replaced. CSV text cells that
    start with ``= + - @`` get a leading ``'`` so spreadsheets do not run them as
    formulas (:func:`guard`; :func:`read_incidents` removes it again); pass
    ``formula_guard=False`` for a raw file meant for other programs.

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
            if formula_guard:
                df = guard_frame(df)
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
