"""``geoutils extract``: news articles (files, folders, globs, JSON Lines) -> one incident table.

Single files behave as before; folders, globs and ``.jsonl`` feeds go through
:func:`geoutils.corpus.extract_corpus` machinery (``--workers``, ``--engine``), with reports of the same
event merged (``--no-dedupe`` keeps one row per report). Output is written atomically; GeoParquet is
written in row groups as results arrive.
"""
from __future__ import annotations

import argparse
import glob
import json
import math
import sys
from pathlib import Path

HELP = "extract incidents from Arabic/English news articles"
EPILOG = """examples:
  geoutils extract seeds/000_c725f2d41bc631cf.txt --published 2020-02-14
  geoutils extract article.txt --published 2020-02-14 --format csv -o out/incidents.csv
  geoutils extract a.txt b.txt --published 2020-02-14 --format gpkg -o out/incidents.gpkg
  geoutils extract notebooks/data/corpus/ --workers 2 -o out/corpus.parquet
  geoutils extract 'feeds/2021-*/*.txt' --engine dask --workers 4 -o out/corpus.gpkg
  geoutils extract feed.jsonl --no-dedupe -o out/reports.parquet

inputs: a .txt file (its .json sidecar, if any, gives published/language/source), a folder (every .txt
under it, with sidecars), a quoted glob, or a .jsonl file (one {"text", "published", "source", ...} a line).
--published and --lang are defaults for articles whose metadata lack them. In folders, globs and feeds a
bad article (not UTF-8, a sidecar date that is not a date) is skipped and listed on stderr; a bad file
named on the command line is an error.

Reports of the same event (same day, same place within 5/25/50 km by geo_precision, same event type) are
merged into one row listing every source (n_sources, merged_ids) unless --no-dedupe.
Unknown places give empty coordinates and unknown days an empty event_date: nothing is guessed.
"""
FORMATS = ("geojson", "csv", "gpkg", "json", "parquet")
SUFFIX_FORMATS = {".geojson": "geojson", ".csv": "csv", ".gpkg": "gpkg", ".json": "json",
                  ".parquet": "parquet", ".geoparquet": "parquet"}
MAX_LISTED = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` sub-command."""
    p = subparsers.add_parser("extract", help=HELP, description=HELP + " into an ACLED-style table.",
                              epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="INPUT",
                   help="article .txt file(s), folder(s), quoted glob(s) or .jsonl feed(s)")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD",
                   help="publication date for articles without one in their metadata: resolves weekdays "
                        "('on Thursday', الخميس), 'yesterday', years")
    p.add_argument("--lang", choices=("ar", "en"), default=None, help="article language (default: detect)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the -o extension, else geojson)")
    p.add_argument("-o", "--output", metavar="OUT", default=None,
                   help="output file, replaced atomically; its extension must fit --format "
                        "(default: stdout; gpkg and parquet need -o)")
    p.add_argument("--no-formula-guard", dest="formula_guard", action="store_false",
                   help="CSV: write cells starting with = + - @ raw (default: prefix ' so spreadsheets "
                        "do not run them as formulas)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: 1 for files named one by one, every core otherwise)")
    p.add_argument("--engine", choices=("processes", "dask"), default="processes",
                   help="processes: this machine's cores; dask: the current Dask cluster or a local one")
    p.add_argument("--no-dedupe", action="store_true", help="keep one row per report (no merging)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=run)


def _is_corpus_input(item: str) -> bool:
    p = Path(item)
    return p.is_dir() or p.suffix.lower() in (".jsonl", ".ndjson") or (not p.exists() and glob.has_magic(item))


def _check_inputs(items: list[str]) -> None:
    for item in items:
        p = Path(item)
        if p.exists():
            continue
        if glob.has_magic(item):
            if not glob.glob(item, recursive=True):
                raise ValueError(f"no files match {item!r}")
            continue
        raise ValueError(f"no such file: {item!r}")


def _output_format(args: argparse.Namespace) -> str:
    """--format, else the -o extension, else geojson; gpkg and parquet need -o."""
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower() if args.output else ""
        fmt = SUFFIX_FORMATS.get(suffix, "geojson")
    if fmt in ("gpkg", "parquet") and not args.output:
        raise ValueError(f"--format {fmt} needs an output file (-o OUT)")
    return fmt


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


def _report_skipped(skipped: list, n_articles: int) -> None:
    if not skipped:
        return
    print(f"skipped {len(skipped)} of {n_articles} articles:", file=sys.stderr)
    for s in skipped[:MAX_LISTED]:
        print(f"  {s}", file=sys.stderr)
    if len(skipped) > MAX_LISTED:
        print(f"  ... and {len(skipped) - MAX_LISTED} more", file=sys.stderr)


def _stream(args: argparse.Namespace, workers: int | None, progress: bool, sink) -> tuple[int, list]:
    """Run the corpus engine; hand each chunk's rows to ``sink``; return (articles, skipped)."""
    from tqdm import tqdm

    from geoutils.corpus import iter_corpus

    corpus_inputs = any(_is_corpus_input(f) for f in args.files)
    stream = iter_corpus(args.files, workers=workers, engine=args.engine, published=args.published,
                         lang=args.lang, strict_files=True)
    n, skipped = 0, []
    with tqdm(unit="article", desc="extracting", disable=None if progress and corpus_inputs else True,
              leave=False, file=sys.stderr) as bar:
        for res in stream:
            n += res.n_articles
            skipped.extend(res.skipped)
            if res.frame is not None and len(res.frame):
                sink(res.frame)
            bar.update(res.n_articles)
    return n, skipped


def run(args: argparse.Namespace) -> int:
    """Extract incidents from every input and write them in one table."""
    import pandas as pd

    from geoutils.corpus import dedupe_incidents
    from geoutils.corpus.sources import parse_date
    from geoutils.schema import coerce, empty_incidents

    args.published = parse_date(args.published)
    fmt = _output_format(args)
    if args.output:
        from geoutils.commands._output import check_output

        check_output(args.output, fmt)
    if args.workers is not None and args.workers < 1:
        raise ValueError(f"--workers must be >= 1, got {args.workers}")
    _check_inputs(args.files)
    workers = args.workers
    if workers is None and not any(_is_corpus_input(f) for f in args.files):
        workers = 1
    progress = not args.no_progress
    if fmt == "parquet" and args.no_dedupe:  # rows go to disk as they arrive, never all in memory
        from geoutils.corpus.writer import StreamingParquet

        with StreamingParquet(args.output) as out:
            n, skipped = _stream(args, workers, progress, out.write)
        _report_skipped(skipped, n)
        print(f"{out.rows} incidents from {n} articles -> {args.output}", file=sys.stderr)
        return 0
    frames: list = []
    n, skipped = _stream(args, workers, progress, frames.append)
    gdf = coerce(pd.concat(frames, ignore_index=True)) if frames else empty_incidents()
    del frames
    if not args.no_dedupe:
        gdf = dedupe_incidents(gdf)
    _report_skipped(skipped, n)
    if args.output:
        _write(gdf, args.output, fmt, args.formula_guard)
        print(f"{len(gdf)} incidents from {n} articles -> {args.output}", file=sys.stderr)
        return 0
    if fmt == "json":
        sys.stdout.write(json.dumps(_records(gdf), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        from geoutils.io import _for_text, guard_frame

        df = _for_text(gdf).drop(columns="geometry")
        (guard_frame(df) if args.formula_guard else df).to_csv(sys.stdout, index=False)
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
    elif fmt == "parquet":
        from geoutils.corpus.writer import StreamingParquet

        with StreamingParquet(path) as w:
            for start in range(0, len(gdf), w.row_group):
                w.write(gdf.iloc[start:start + w.row_group])
    else:
        write_incidents(gdf, path, formula_guard=formula_guard)
