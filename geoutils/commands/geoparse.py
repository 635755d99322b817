"""``geoutils geoparse``: every place each article names, as CSV, GeoJSON or JSON."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "list the places Arabic/English news articles name, resolved in each article's context"
EPILOG = """examples:
  geoutils geoparse article.txt
  geoutils geoparse a.txt b.txt --format csv -o out/places.csv
  geoutils geoparse article.txt --published 2020-02-14 --format geojson -o out/places.geojson

One row per mention: its span (start_char/end_char) in its file, the place (place_id, name, kind,
country_code, admin1, admin2, latitude, longitude), role ("place", or "context" for a nationality
adjective), confidence and a short reason. A place-like name the gazetteer lacks ("قرية الجيزاني")
is a row with empty coordinates; its container, when the text gives one, is in `container`.
"""
FORMATS = ("csv", "geojson", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``geoparse`` sub-command."""
    p = subparsers.add_parser("geoparse", help=HELP, description=HELP + ".", epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file(s), one article each")
    p.add_argument("--published", metavar="YYYY-MM-DD", default=None, help="publication date (optional)")
    p.add_argument("--lang", choices=("ar", "en"), default=None, help="article language (default: both lexicons)")
    p.add_argument("--focus", metavar="CC", default=None,
                   help="comma-separated ISO country codes the articles are about (e.g. IQ,SY)")
    p.add_argument("--format", choices=FORMATS, default="csv", help="output format (default: csv)")
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="output file (default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Geoparse every file and write one table (a ``file`` column says which)."""
    import geopandas as gpd
    import pandas as pd

    from geoutils.commands._output import check_output
    from geoutils.commands.extract import _geojson, _records
    from geoutils.corpus.sources import read_text
    from geoutils.extract.dates import parse_published
    from geoutils.geoparse import geoparse

    pub = parse_published(args.published) if args.published else None
    focus = [c.strip().upper() for c in args.focus.split(",") if c.strip()] if args.focus else None
    if focus and not all(len(c) == 2 and c.isalpha() for c in focus):
        raise ValueError(f"--focus {args.focus!r} is not a comma-separated list of 2-letter country codes")
    if args.output:
        check_output(args.output, "geojson" if args.format == "geojson" else args.format)
    texts = [(f, read_text(Path(f))) for f in args.files]
    frames = []
    for f, t in texts:
        g = geoparse(t, published=pub, lang=args.lang, focus=focus)
        g.insert(0, "file", Path(f).name)
        frames.append(g)
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326")
    if args.format == "json":
        body = json.dumps(_records(gdf), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "csv":
        body = gdf.drop(columns="geometry").to_csv(index=False)
    else:
        body = _geojson(gdf) + "\n"
    if args.output:
        from geoutils.io import atomic_path

        with atomic_path(args.output) as tmp:
            tmp.write_text(body, encoding="utf-8")
        print(f"{len(gdf)} mentions -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(body)
    return 0
