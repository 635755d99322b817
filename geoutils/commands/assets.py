"""``geoutils assets``: fill or inspect the offline cache of map JS/CSS."""
from __future__ import annotations

import argparse

EPILOG = """examples:
  npm ci && geoutils assets fetch --from npm     # CI: copy from node_modules (package.json pins versions)
  geoutils assets fetch --from npm               # no node_modules: uses `npm pack` of the pinned versions
  geoutils assets fetch --from cdn               # download from jsDelivr
  geoutils assets status                         # what is cached; exit 1 if anything is missing

The cache is $GEOUTILS_ASSET_DIR, else ~/.cache/geoutils/assets. Files are checked
against pinned SHA-256 digests.
"""


def _print_status(state: dict[str, str]) -> int:
    from geoutils.assets import cache_dir

    print(f"asset cache: {cache_dir()}")
    for key, st in state.items():
        print(f"  {st:8s} {key}")
    bad = [k for k, s in state.items() if s != "ok"]
    return 1 if bad else 0


def run(args: argparse.Namespace) -> int:
    from geoutils import assets

    if args.action == "status":
        return _print_status(assets.status())
    state = assets.fetch(args.source, node_modules=args.node_modules, force=args.force)
    return _print_status(state)


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "assets", help="fetch or show the offline cache of map scripts and styles",
        description="Manage the local cache of Leaflet, supercluster and leaflet.heat files that "
                    "`geoutils map --offline` inlines.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["fetch", "status"], help="fetch: fill the cache; status: list it")
    p.add_argument("--from", dest="source", choices=["npm", "cdn"], default="npm",
                   help="where fetch gets files (default: %(default)s)")
    p.add_argument("--node-modules", metavar="DIR", help="node_modules folder to copy from (default: ./node_modules, else npm pack)")
    p.add_argument("--force", action="store_true", help="fetch again even if cached")
    p.set_defaults(func=run)
    return p
