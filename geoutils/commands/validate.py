"""``geoutils validate FILE``: check an incident file against the schema and print the report."""
from __future__ import annotations

import argparse
import warnings

from geoutils.commands._output import dayfirst_options, non_negative_int

HELP = "check an incident file (any format, ACLED CSV included) and report bad rows"
EPILOG = """exit status: 0 no errors (warnings allowed), 1 errors found, 2 unreadable input.
Row numbers count data rows from 0 (a CSV row r is on line r + 2).

examples:
  geoutils validate my_acled_export.csv
  geoutils validate out/seed_incidents.geojson --strict
  geoutils validate out/seed_incidents.gpkg --format csv > report.csv
"""


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser("validate", help=HELP, description=HELP, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE", help="incident file (.geojson .gpkg .parquet .csv .kml)")
    p.add_argument("--strict", action="store_true", help="also report schema columns that are absent")
    p.add_argument("--format", choices=["text", "csv"], default="text", help="report format (default text)")
    p.add_argument("--max", type=non_negative_int, default=200, metavar="N",
                   help="print at most N issues (text; default 200; 0 for the summary only)")
    dayfirst_options(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from geoutils.io import read_incidents
    from geoutils.schema import InvalidIncidentsError, validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            gdf = read_incidents(args.file, dayfirst=args.dayfirst)
        except InvalidIncidentsError as exc:  # table-level problems (e.g. missing columns): a report, exit 1
            report = exc.report
            gdf = None
    if gdf is not None:
        report = gdf.attrs["validation"]
        if args.strict:
            extra = [i for i in validate(gdf, strict=True, dayfirst=args.dayfirst).issues if i.row is None and i.message == "missing column"]
            report.issues.extend(extra)
    if args.format == "csv":
        print(report.to_frame().to_csv(index=False), end="")
    else:
        print(report.summary())
        for issue in report.issues[: args.max]:
            print(f"  {issue}")
        if len(report.issues) > args.max:
            print(f"  … {len(report.issues) - args.max} more")
    return 0 if report.ok else 1
