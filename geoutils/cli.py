"""``geoutils`` command line: geoparse, extract, map, convert, validate, assets, demo.

Each sub-command lives in :mod:`geoutils.commands` as a module with
``register(subparsers)``; this file only dispatches and turns errors into one
line on stderr with exit status 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from gazetteer.cliutil import OneLineArgumentParser, dispatch

COMMANDS = ["geoparse", "extract", "map", "convert", "validate", "assets", "demo"]

EPILOG = """examples:
  geoutils geoparse article.txt --format csv
  geoutils extract seeds/000_c725f2d41bc631cf.txt --published 2020-02-14 --format csv
  geoutils map out/seed_incidents.geojson -o out/map.html --offline
  geoutils convert out/seed_incidents.geojson out/seed.kml
  geoutils validate my_acled_export.csv
  geoutils assets fetch
"""


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(
        prog="geoutils",
        description="Turn conflict news into ACLED-style incident tables and maps, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"geoutils.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    return dispatch(build_parser(), argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
