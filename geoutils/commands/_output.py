"""Checks every sub-command makes on its arguments before any work: output paths, formats, numbers.

One rule for all commands: the output folder must exist (nothing creates it
silently), the output must not be a folder, and its extension must fit the
format written. Errors are ``ValueError`` naming the bad value (one line from
the CLI, exit status 2).

Example
-------
>>> check_output("out.csv", "csv")
PosixPath('out.csv')
>>> check_output("x.geojson", "csv")
Traceback (most recent call last):
...
ValueError: output 'x.geojson' has extension '.geojson' but the format is csv (use .csv)
"""
from __future__ import annotations

import argparse
from pathlib import Path

#: format -> extensions it may be written to
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "json": (".json",),
    "csv": (".csv",),
    "gpkg": (".gpkg",),
    "parquet": (".parquet", ".geoparquet"),
    "kml": (".kml",),
    "html": (".html", ".htm"),
    "png": (".png",),
}


def check_output(path: str | Path, fmt: str | None = None) -> Path:
    """The output path, checked: existing parent folder, not a folder, extension fits ``fmt``.

    ``fmt`` None checks only the folder.
    """
    p = Path(path)
    if str(path).strip() == "":
        raise ValueError("empty output path")
    if p.is_dir():
        raise ValueError(f"output {str(path)!r} is a directory, not a file")
    parent = p.parent
    if not parent.is_dir():
        raise ValueError(f"output folder {str(parent)!r} does not exist (create it first)")
    if fmt is not None:
        exts = EXTENSIONS[fmt]
        ext = p.suffix.lower()
        if ext not in exts:
            shown = repr(ext) if ext else "no extension"
            raise ValueError(f"output {str(path)!r} has {'extension ' if ext else ''}{shown} but the format is "
                             f"{fmt} (use {' or '.join(exts)})")
    return p


def non_negative_int(text: str) -> int:
    """argparse type: a whole number >= 0."""
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 0")
    return n


def published_arg(text: str):
    """argparse type: a strict YYYY-MM-DD publication date (see :func:`geoutils.dates_io.parse_published_date`)."""
    from geoutils.dates_io import parse_published_date

    try:
        return parse_published_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def readable_file(path: str | Path, what: str) -> Path:
    """``path`` when it is an existing regular file; else ``ValueError`` naming it and ``what`` it is."""
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{what} file {str(path)!r} does not exist" if not p.exists()
                         else f"{what} {str(path)!r} is not a regular file")
    return p


def dayfirst_options(p: argparse.ArgumentParser) -> None:
    """Add ``--dayfirst`` / ``--monthfirst`` (dest ``dayfirst``: True, False or None)."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                   help='read numeric dates such as "03/02/2021" day first (3 February); without this '
                        "or --monthfirst such ambiguous dates are refused")
    g.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                   help='read numeric dates such as "03/02/2021" month first (2 March)')
