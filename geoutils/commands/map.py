"""``geoutils map``: incident file -> interactive HTML map (optionally offline, optionally PNG)."""
from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import pandas as pd

EPILOG = """examples:
  geoutils map out/seed_incidents.geojson -o out/map.html
  geoutils map incidents.csv -o map.html --offline --png map.png
  geoutils map incidents.parquet -o map.html --heatmap --color-by event_type
  geoutils map incidents.gpkg -o map.html --sites bases.geojson --rings-km 20 --rings-km 40
  geoutils map incidents.geojson -o map.html --boundaries admin1.geojson

--offline inlines every script and style (run `geoutils assets fetch` once first),
so the file opens with no network; a light country-outline basemap replaces tiles.
"""


def read_input(path: Path) -> pd.DataFrame:
    """Read an incident file with :func:`geoutils.io.read_incidents`, checking it can be mapped."""
    from geoutils.io import read_incidents

    table = read_incidents(path)
    has_geom = isinstance(table, gpd.GeoDataFrame) and table.geometry.name in table.columns
    if not has_geom and not {"latitude", "longitude"} <= set(table.columns):
        raise ValueError(f"{str(path)!r} has no geometry and no latitude/longitude columns")
    if len(table) == 0:
        raise ValueError(f"{str(path)!r} holds no incidents (empty table)")
    if has_geom:
        mappable = (table.geometry.notna() & ~table.geometry.is_empty).any()
    else:
        mappable = (pd.to_numeric(table["latitude"], errors="coerce").notna()
                    & pd.to_numeric(table["longitude"], errors="coerce").notna()).any()
    if not mappable:
        raise ValueError(f"none of the {len(table)} incidents in {str(path)!r} has coordinates")
    return table


def read_layer(path: str, what: str) -> gpd.GeoDataFrame:
    """A --sites/--boundaries file as a GeoDataFrame; ``ValueError`` naming it when unreadable."""
    from geoutils.commands._output import readable_file

    p = readable_file(path, what)
    try:
        g = gpd.read_file(p)
    except Exception as exc:  # pyogrio DataSourceError and friends: one line naming the file
        msg = str(exc).splitlines()[0] if str(exc) else ""
        raise ValueError(f"cannot read {what} file {str(path)!r}: {type(exc).__name__}: {msg}") from None
    if not isinstance(g, gpd.GeoDataFrame) or g.geometry.isna().all():
        raise ValueError(f"{what} file {str(path)!r} has no geometries")
    return g


def run(args: argparse.Namespace) -> int:
    from geoutils.commands._output import check_output
    from geoutils.maps import incident_map, save_map, save_png

    check_output(args.output, "html")
    if args.png:
        check_output(args.png, "png")
    if args.rings_km and any(not (r > 0) for r in args.rings_km):
        raise ValueError(f"--rings-km {args.rings_km!r}: every radius must be a positive number of km")
    table = read_input(Path(args.input))
    sites = read_layer(args.sites, "--sites") if args.sites else None
    boundaries = read_layer(args.boundaries, "--boundaries") if args.boundaries else None
    m = incident_map(table, color_by=args.color_by, cluster=not args.no_cluster, heatmap=args.heatmap,
                     timeline=not args.no_timeline, sites=sites, rings_km=args.rings_km or None,
                     boundaries=boundaries)
    out = save_map(m, args.output, offline=args.offline)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB{', offline' if args.offline else ''})")
    if args.png:
        png = save_png(m, args.png)
        print(f"wrote {png}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "map", help="draw incidents as an interactive HTML map",
        description="Draw an incident table as a standalone interactive HTML map: clustered markers "
                    "coloured by type, popups with the evidence sentence, legend, layer control, time slider.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help="incident file: .geojson, .csv (latitude/longitude columns), .gpkg, .parquet or .kml")
    p.add_argument("-o", "--output", required=True,
                   help="output HTML file (.html/.htm; its folder must exist, as for every command)")
    p.add_argument("--offline", action="store_true", help="inline all assets; the file needs no network")
    p.add_argument("--png", metavar="PNG", help="also save a static PNG (.png) rendered by headless Chromium")
    p.add_argument("--color-by", default="sub_event_type", help="column that colours markers (default: %(default)s)")
    p.add_argument("--no-cluster", action="store_true", help="draw every incident, no clustering")
    p.add_argument("--heatmap", action="store_true", help="add a heatmap layer")
    p.add_argument("--no-timeline", action="store_true", help="leave out the event-date slider")
    p.add_argument("--sites", metavar="FILE", help="sites to mark (points with a name column)")
    p.add_argument("--rings-km", metavar="KM", type=float, action="append",
                   help="range ring radius around each site, in km (repeatable)")
    p.add_argument("--boundaries", metavar="FILE", help="polygons for a choropleth of incident counts")
    p.set_defaults(func=run)
    return p
