"""``geoutils convert IN OUT``: convert incident files between formats, ACLED included."""
from __future__ import annotations

import argparse
import sys
import warnings

from geoutils.commands._output import check_output, dayfirst_options

HELP = "convert an incident file to another format (by extension), ACLED CSV included"
EPILOG = """formats (by extension): .geojson/.json, .gpkg, .parquet/.geoparquet, .csv, .kml
ACLED CSV exports (old or current columns) are detected by their columns.

examples:
  geoutils convert out/seed_incidents.geojson out/seed.kml
  geoutils convert acled_export.csv out/acled.gpkg            # ACLED detected
  geoutils convert out/seed_incidents.gpkg out/seed_acled.csv --to-acled
  geoutils convert old_export.csv new_style.csv --from-acled --to-acled --acled-flavor new
"""


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser("convert", help=HELP, description=HELP, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="IN", help="input file")
    p.add_argument("output", metavar="OUT", help="output file (replaced atomically)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--from-acled", action="store_true", help="read IN as an ACLED CSV export")
    src.add_argument("--not-acled", action="store_true", help="never treat IN as ACLED, even if it looks like it")
    p.add_argument("--to-acled", action="store_true", help="write OUT (.csv) with ACLED columns")
    p.add_argument("--acled-flavor", choices=["new", "old"], default=None,
                   help="ACLED column set for --to-acled (default: as read, else new)")
    p.add_argument("--strict", action="store_true", help="fail (exit 2) if any row is invalid instead of "
                   "dropping it with a warning")
    p.add_argument("--layer", default=None, help="GeoPackage layer to read/write")
    p.add_argument("--no-formula-guard", dest="formula_guard", action="store_false",
                   help="CSV output: write cells starting with = + - @ raw, for other programs (default: "
                        "prefix ' so spreadsheets do not run them as formulas; read back, it is removed)")
    dayfirst_options(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from geoutils.acled import read_acled, to_acled
    from geoutils.io import format_of, read_incidents, write_incidents

    check_output(args.output, "csv" if args.to_acled else format_of(args.output))  # fail early
    on_invalid = "raise" if args.strict else "drop"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if args.from_acled:
            gdf = read_acled(args.input, on_invalid=on_invalid, dayfirst=args.dayfirst)
        else:
            gdf = read_incidents(args.input, layer=args.layer, on_invalid=on_invalid,
                                 acled=False if args.not_acled else None, dayfirst=args.dayfirst)
    for w in caught:
        print(f"geoutils convert: warning: {w.message}", file=sys.stderr)
    if args.to_acled:
        to_acled(gdf, args.output, flavor=args.acled_flavor, formula_guard=args.formula_guard)
    else:
        if args.acled_flavor:
            raise ValueError(f"--acled-flavor {args.acled_flavor!r} needs --to-acled")
        write_incidents(gdf, args.output, layer=args.layer, formula_guard=args.formula_guard)
    report = gdf.attrs.get("validation")
    dropped = f", {report.dropped} invalid rows dropped" if report is not None and report.dropped else ""
    print(f"wrote {len(gdf)} incidents to {args.output}{dropped}")
    return 0
