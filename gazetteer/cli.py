"""``gazetteer`` command line (also ``python -m gazetteer``).

Errors on bad input print one line on stderr and exit with status 2; a name
that is not found exits with status 1.
"""
from __future__ import annotations

import argparse
import json
import sys

from gazetteer.cliutil import OneLineArgumentParser, dispatch

EPILOG = """examples:
  gazetteer resolve "كي وان"
  gazetteer resolve "Ain al-Asad airbase" --json
  gazetteer resolve Hit --country IQ --near 33.6,42.8
  gazetteer search "Ain al Asad" --limit 5
  gazetteer reverse 35.51 44.28 --limit 3
  gazetteer add "Camp Example" 33.10 44.20 --kind base --alias CX --name-ar "معسكر المثال" --source "own survey"
  gazetteer import-geonames IQ.txt --alternate-names alternateNamesV2.txt
  gazetteer build            # rebuild the default database in the cache folder

environment:
  GAZETTEER_CACHE_DIR  folder of the built default database (default ~/.cache/gazetteer)
  GAZETTEER_DATA_DIR   folder of your own additions and imports (default ~/.local/share/gazetteer)
"""


def _latlon(text: str) -> tuple[float, float]:
    from gazetteer.geo import check_latlon

    parts = text.replace(" ", "").split(",")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r} is not LAT,LON")
    try:
        return check_latlon(*parts)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _float(text: str) -> float:
    """A plain decimal number: "33.1", "-0.5", "1e2"; never "3_3" (Python's digit grouping) or "nan"."""
    import math
    import re

    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _country(text: str) -> str:
    """An ISO country code, from a code ("iq", "IRQ") or an English name ("iraq")."""
    from gazetteer.userdb import country_code

    try:
        return country_code(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return n


def _line(m) -> str:
    p = m.place
    ar = f" / {p.name_ar}" if p.name_ar else ""
    return (f"{p.name}{ar}  {p.lat:.4f},{p.lon:.4f}  {p.kind}  {p.country_code or '-'}"
            f"  {p.admin1 or '-'}  score {m.score:.0f}  [{p.id}; {p.source}]")


def cmd_resolve(args, gz) -> int:
    found = gz.candidates(args.name, limit=1, country=args.country, near=args.near, kind=args.kind)
    if not found:
        print(f"gazetteer: no place found for {args.name!r}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(found[0].to_dict(), ensure_ascii=False))
    else:
        print(_line(found[0]))
    return 0


def cmd_search(args, gz) -> int:
    found = gz.candidates(args.name, limit=args.limit, country=args.country, near=args.near, kind=args.kind)
    if args.json:
        print(json.dumps([m.to_dict() for m in found], ensure_ascii=False))
    else:
        for m in found:
            print(_line(m))
    if not found:
        print(f"gazetteer: no place found for {args.name!r}", file=sys.stderr)
    return 0 if found else 1


def cmd_reverse(args, gz) -> int:
    from gazetteer.geo import haversine_km

    places = gz.reverse(args.lat, args.lon, limit=args.limit, kind=args.kind)
    rows = [dict(p.to_dict(), distance_km=round(haversine_km(args.lat, args.lon, p.lat, p.lon), 3)) for p in places]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['distance_km']:.2f} km  {r['name']}  {r['lat']:.4f},{r['lon']:.4f}  {r['kind']}  [{r['id']}]")
    if not rows:
        print(f"gazetteer: no place within 250 km of {args.lat}, {args.lon}", file=sys.stderr)
    return 0 if rows else 1


def cmd_add(args, gz) -> int:
    pid = args.id or gz.default_user_id(args.name, args.lat, args.lon)
    old = gz.user_place(pid) if args.replace else None
    old_aliases = gz.user_aliases(pid) if old is not None else []
    p = gz.add(args.name, args.lat, args.lon, args.kind, name_ar=args.name_ar, aliases=args.alias or [],
               country_code=args.country, admin1=args.admin1, source=args.source, id=pid, replace=args.replace)
    if args.json:
        print(json.dumps(p.to_dict(), ensure_ascii=False))
    elif old is not None:
        print(f"replaced {p.id} in {gz.user_path}: was {old.name} at {old.lat:.4f},{old.lon:.4f} "
              f"(source {old.source!r}, spellings {old_aliases}), now {p.name} at {p.lat:.4f},{p.lon:.4f}")
    else:
        print(f"added {p.name} as {p.id} to {gz.user_path}")
    return 0


def cmd_import(args, gz) -> int:
    report = gz.import_geonames(args.file, args.alternate_names, progress=not args.quiet)
    for name, line, msg in report.errors[:20]:
        print(f"{name} line {line}: {msg}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"… and {len(report.errors) - 20} more malformed lines", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_build(args) -> int:
    from gazetteer import store

    path = store.build_default(progress=not args.quiet)
    print(f"built {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(
        prog="gazetteer",
        description="Resolve Iraq/Syria place names (Arabic, English, transliterations) to coordinates, offline.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def bias(p):
        p.add_argument("--country", metavar="CC", type=_country,
                       help="only places in this country: ISO code (IQ) or English name (Iraq)")
        p.add_argument("--near", metavar="LAT,LON", type=_latlon, help="prefer places near this point")
        p.add_argument("--kind", help="prefer this kind: base, airport, governorate, place, …")
        p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("resolve", help="the best place for a name (exit 1 if none)",
                       description="Print the best place for NAME, or exit 1 with a message when none scores high enough.")
    p.add_argument("name", metavar="NAME")
    bias(p)
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("search", help="ranked candidates for a name, with scores")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--limit", type=_positive, default=10, help="how many candidates (default 10)")
    bias(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reverse", help="nearest named places to a point")
    p.add_argument("lat", type=_float, metavar="LAT")
    p.add_argument("lon", type=_float, metavar="LON")
    p.add_argument("--limit", type=_positive, default=1)
    p.add_argument("--kind", help="only places of this kind")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reverse)

    p = sub.add_parser("add", help="add a place to your user layer (kept across rebuilds)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("lat", type=_float, metavar="LAT")
    p.add_argument("lon", type=_float, metavar="LON")
    p.add_argument("--kind", default="place", help="base, airport, place, … (default place)")
    p.add_argument("--name-ar", help="Arabic name")
    p.add_argument("--alias", action="append", help="another spelling (repeatable)")
    p.add_argument("--country", metavar="CC", type=_country, help="ISO country code (IQ) or English name (Iraq)")
    p.add_argument("--admin1")
    p.add_argument("--source", default="user", help="where the coordinate comes from")
    p.add_argument("--id", help="stable id (default derived from name and point)")
    p.add_argument("--replace", action="store_true",
                   help="replace a place the user layer already holds under this id (its spellings and "
                        "source go); without it such an add is refused")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("import-geonames", help="import a GeoNames dump (allCountries.txt / XX.txt)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--alternate-names", metavar="FILE", help="alternateNamesV2.txt to add alternate names from")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("build", help="(re)build the default database in the cache folder")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_build, needs_gz=False)
    return parser


def _invoke(args: argparse.Namespace) -> int:
    if getattr(args, "needs_gz", True) is False:
        return args.func(args)
    import warnings

    from gazetteer import Gazetteer
    from gazetteer.userdb import UserLayerWarning

    if args.func in (cmd_add, cmd_import):  # a write: its one-line error says what the warning would
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserLayerWarning)
            gz = Gazetteer.default()
    else:
        gz = Gazetteer.default()
    return args.func(args, gz)


def main(argv: list[str] | None = None) -> int:
    return dispatch(build_parser(), argv, _invoke)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
