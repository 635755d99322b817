"""``geoutils demo``: the seed article end to end (what ``make demo`` runs).

Extracts the incidents of ``seeds/000_c725f2d41bc631cf.txt`` (published date
from its JSON sidecar), resolves their places offline, and writes
``seed_incidents.geojson``, ``seed_incidents.csv``, ``seed_map.html`` and, when
the offline asset cache is filled (``geoutils assets fetch``),
``seed_map_offline.html``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_SEED = Path("seeds") / "000_c725f2d41bc631cf.txt"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo", help="run the seed article end to end and write out/",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  geoutils demo --out out\n  geoutils demo --seed my_article.txt --published 2024-05-01")
    p.add_argument("--seed", type=Path, default=DEFAULT_SEED, help=f"article to run (default {DEFAULT_SEED})")
    p.add_argument("--published", help="publication date YYYY-MM-DD (default: from the seed's .json sidecar)")
    p.add_argument("--out", type=Path, default=Path("out"), help="output folder (default out/)")
    p.set_defaults(func=run)


def _published(seed: Path, given: str | None) -> str:
    """The publication date: ``--published``, else the sidecar's "published" (strict YYYY-MM-DD).

    A sidecar that is not a JSON object, lacks "published" or holds null or a
    non-date there is a ``ValueError`` naming the file: today's date is never assumed.
    """
    from geoutils.dates_io import parse_published_date

    if given:
        return parse_published_date(given).isoformat()
    meta = seed.with_suffix(".json")
    if not meta.is_file():
        raise ValueError(f"no --published date and no metadata file {meta}")
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{meta} is not readable JSON ({exc}); fix it or pass --published") from None
    if not isinstance(data, dict):
        raise ValueError(f"{meta} must hold a JSON object with a 'published' date, got {type(data).__name__}")
    value = data.get("published")
    if not isinstance(value, str):
        raise ValueError(f"{meta} has no 'published' date (got {value!r}); add one as YYYY-MM-DD or pass --published")
    try:
        return parse_published_date(value).isoformat()
    except ValueError as exc:
        raise ValueError(f"{meta}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    from gazetteer import Gazetteer
    from geoutils import assets
    from geoutils.extract import extract_incidents
    from geoutils.io import write_incidents
    from geoutils.maps import incident_map, save_map

    seed: Path = args.seed
    if not seed.is_file():
        raise ValueError(f"seed article {seed} not found (run from the project folder or pass --seed)")
    published = _published(seed, args.published)
    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731

    say("1/4 opening the gazetteer (built once, with a progress bar, on first use)")
    gz = Gazetteer.default()
    say(f"2/4 extracting incidents from {seed} (published {published})")
    gdf = extract_incidents(seed.read_text(encoding="utf-8"), published=published, source=seed.name, gazetteer=gz)
    located = int(gdf.geometry.notna().sum())
    say(f"    {len(gdf)} incidents, {located} with coordinates")

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written = [write_incidents(gdf, out / "seed_incidents.geojson"), write_incidents(gdf, out / "seed_incidents.csv")]
    say("3/4 building the map")
    sites = gz.to_geodataframe(kinds=["base"], curated=True)
    m = incident_map(gdf, sites=sites, rings_km=None)
    written.append(save_map(m, out / "seed_map.html"))
    say("4/4 offline variant")
    if assets.is_complete():
        written.append(save_map(m, out / "seed_map_offline.html", offline=True))
    else:
        say("    skipped: the offline asset cache is empty (run `make assets` or `geoutils assets fetch`)")
    cols = ["event_date", "sub_event_type", "location", "latitude", "longitude", "fatalities"]
    print(gdf[cols].to_string(index=False))
    print("\nwritten:")
    for p in written:
        print(f"  {Path(p).resolve()}")
    return 0
