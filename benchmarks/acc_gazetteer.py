"""Accuracy of the gazetteer on real names: UCDP GED's ``where_coordinates``.

For every distinct place name of ``ucdp_ged_iraq_2003-2015.csv`` (read in place
from ``../shared/realdata``; never copied), ``resolve(name, country="IQ")`` must
land within the tolerance of the event's ``where_prec``: 10 km for 1, 25 km for 2,
50 km for 3, 150 km for 4. Precisions 5 and up (country, "between X and Y", road
segments) have no tolerance and are counted apart.

Run: ``python -m benchmarks.acc_gazetteer [--failures]``.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

TOLERANCE_KM = {1: 10.0, 2: 25.0, 3: 50.0, 4: 150.0}
FILE = "ucdp_ged_iraq_2003-2015.csv"
#: candidates searched for the ranking ceiling
CEILING_CANDIDATES = 10


def default_data_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "shared" / "realdata"


def ucdp_names(gz, data_dir: Path) -> dict:
    """Share of distinct UCDP place names resolved within their precision's tolerance.

    Returns a dict: ``names`` (distinct names with a tolerance), ``within``,
    ``share``, ``unresolved``, ``skipped`` (precision without tolerance), ``by_prec``
    ({prec: [within, total]}), ``failures`` ([(name, prec, answer, km)]) and ``ranking_ceiling``:
    the names for which some candidate (of the first :data:`CEILING_CANDIDATES`) lies within
    tolerance, the most any ranking of today's sources could place.

    Example
    -------
    >>> from gazetteer import Gazetteer                          # doctest: +SKIP
    >>> ucdp_names(Gazetteer.default(), default_data_dir())["share"]   # doctest: +SKIP
    0.9
    """
    from gazetteer.geo import haversine_km

    path = Path(data_dir) / FILE
    seen: dict[str, tuple[int, float, float]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("where_coordinates") or "").strip()
            if name and name not in seen:
                seen[name] = (int(row["where_prec"]), float(row["latitude"]), float(row["longitude"]))
    within = unresolved = skipped = reachable = 0
    by_prec: dict[int, list[int]] = {}
    failures = []
    for name, (prec, lat, lon) in seen.items():
        tol = TOLERANCE_KM.get(prec)
        if tol is None:
            skipped += 1
            continue
        cell = by_prec.setdefault(prec, [0, 0])
        cell[1] += 1
        p = gz.resolve(name, country="IQ")
        if any(haversine_km(lat, lon, m.place.lat, m.place.lon) <= tol
               for m in gz.candidates(name, limit=CEILING_CANDIDATES, country="IQ")):
            reachable += 1
        if p is None:
            unresolved += 1
            failures.append((name, prec, None, None))
            continue
        d = haversine_km(lat, lon, p.lat, p.lon)
        if d <= tol:
            within += 1
            cell[0] += 1
        else:
            failures.append((name, prec, f"{p.name} ({p.kind}, {p.country_code}, {p.id})", round(d, 1)))
    n = sum(c[1] for c in by_prec.values())
    return {"names": n, "within": within, "share": round(within / n, 4) if n else 0.0, "unresolved": unresolved,
            "skipped": skipped, "by_prec": dict(sorted(by_prec.items())), "failures": failures,
            "ranking_ceiling": reachable}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir(), help="folder holding the UCDP GED CSV")
    ap.add_argument("--failures", action="store_true", help="list the names that miss")
    args = ap.parse_args(argv)
    from gazetteer import Gazetteer

    res = ucdp_names(Gazetteer.default(), args.data_dir)
    print(f"UCDP GED place names within tolerance: {res['within']}/{res['names']} = {res['share']:.1%}"
          f" (unresolved {res['unresolved']}; {res['skipped']} names of precision 5+ not scored)")
    print(f"  ranking ceiling: {res['ranking_ceiling']}/{res['names']} have a candidate within tolerance"
          f" among their first {CEILING_CANDIDATES} (the rest need a source that has the place)")
    for prec, (ok, total) in res["by_prec"].items():
        print(f"  where_prec {prec} (<= {TOLERANCE_KM[prec]:.0f} km): {ok}/{total}")
    if args.failures:
        for f in res["failures"]:
            print("  MISS", *f, sep=" | ")


if __name__ == "__main__":
    main()
