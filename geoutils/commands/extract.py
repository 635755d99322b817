"""``geoutils extract``: news articles -> incident table (GeoJSON, CSV, GeoPackage or JSON)."""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

HELP = "extract incidents from Arabic/English news articles"
EPILOG = """examples:
  geoutils extract seeds/000_c725f2d41bc631cf.txt --published 2020-02-14
  geoutils extract article.txt --published 2020-02-14 --format csv -o out/incidents.csv
  geoutils extract a.txt b.txt --published 2020-02-14 --format gpkg -o out/incidents.gpkg

Unknown places give empty coordinates and unknown days an empty event_date: nothing is guessed.
"""
FORMATS = ("geojson", "csv", "gpkg", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` sub-command."""
    p = subparsers.add_parser("extract", help=HELP, description=HELP + " into an ACLED-style table.",
                              epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file(s), one article each")
    p.add_argument("--published", required=True, metavar="YYYY-MM-DD",
                   help="publication date: resolves weekdays ('on Thursday', الخميس), 'yesterday', years")
    p.add_argument("--lang", choices=("ar", "en"), default=None, help="article language (default: detect)")
    p.add_argument("--format", choices=FORMATS, default="geojson", help="output format (default: geojson)")
    p.add_argument("-o", "--output", metavar="OUT", default=None,
                   help="output file, replaced atomically; its extension must fit --format "
                        "(default: stdout; gpkg needs -o)")
    p.add_argument("--no-formula-guard", dest="formula_guard", action="store_false",
                   help="CSV: write cells starting with = + - @ raw (default: prefix ' so spreadsheets "
                        "do not run them as formulas)")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    f = Path(path)
    if not f.is_file():
        raise ValueError(f"no such file: {path!r}")
    data = f.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError(f"{path!r} looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path!r} is not UTF-8 text") from None
    if not text.strip():
        raise ValueError(f"{path!r} is empty")
    return text


def _records(gdf) -> list[dict]:
    out = []
    for rec in gdf.drop(columns="geometry").to_dict("records"):
        clean = {}
        for k, v in rec.items():
            if v is None or (isinstance(v, float) and math.isnan(v)) or v is __import__("pandas").NA:
                clean[k] = None
            elif hasattr(v, "isoformat"):
                clean[k] = v.isoformat()
            elif hasattr(v, "item"):
                clean[k] = v.item()
            else:
                clean[k] = v
        out.append(clean)
    return out


def run(args: argparse.Namespace) -> int:
    """Extract incidents from every file and write them in one table."""
    import pandas as pd

    from geoutils.extract import extract_incidents
    from geoutils.extract.dates import parse_published
    from geoutils.schema import coerce

    pub = parse_published(args.published)
    if args.format == "gpkg" and not args.output:
        raise ValueError("--format gpkg needs an output file (-o OUT)")
    if args.output:
        from geoutils.commands._output import check_output

        check_output(args.output, args.format)
    texts = [(f, _read(f)) for f in args.files]
    frames = [extract_incidents(t, published=pub, lang=args.lang, source=Path(f).stem) for f, t in texts]
    gdf = coerce(pd.concat(frames, ignore_index=True)) if frames else None
    if args.output:
        _write(gdf, args.output, args.format, getattr(args, "formula_guard", True))
        print(f"{len(gdf)} incidents -> {args.output}", file=sys.stderr)
        return 0
    if args.format == "json":
        sys.stdout.write(json.dumps(_records(gdf), ensure_ascii=False, indent=1) + "\n")
    elif args.format == "csv":
        from geoutils.io import _for_text, guard_frame

        df = _for_text(gdf).drop(columns="geometry")
        (guard_frame(df) if getattr(args, "formula_guard", True) else df).to_csv(sys.stdout, index=False)
    else:
        sys.stdout.write(_geojson(gdf) + "\n")
    return 0


def _geojson(gdf) -> str:
    feats = []
    for rec, geom in zip(_records(gdf), gdf.geometry):
        g = None if geom is None or geom.is_empty else {"type": "Point", "coordinates": [geom.x, geom.y]}
        feats.append({"type": "Feature", "properties": rec, "geometry": g})
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def _write(gdf, path: str, fmt: str, formula_guard: bool = True) -> None:
    """Write atomically (temp file + rename) in ``fmt``; the path was checked by ``check_output``."""
    from geoutils.io import write_incidents, write_text_atomic

    if fmt == "json":
        write_text_atomic(path, json.dumps(_records(gdf), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "geojson" and Path(path).suffix.lower() == ".json":
        write_text_atomic(path, _geojson(gdf) + "\n")
    else:
        write_incidents(gdf, path, formula_guard=formula_guard)
