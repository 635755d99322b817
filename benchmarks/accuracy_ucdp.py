"""UCDP GED items for ``python -m benchmarks accuracy``: headlines and distinct place names.

Tolerance by ``where_prec``: 10, 25, 50, 150 km for 1..4 (:data:`UCDP_TOL_KM`). Rows with
``where_prec`` 5 or more (a province or the country without a usable point) are skipped.

* Headlines: one item per distinct (headline, tolerance, point); a ``source_headline``
  that joins several headlines with ";" is geoparsed as one text with one headline a line.
  The first row's ``source_date`` is the publication date.
* Names: one item per distinct ``where_coordinates`` name; the name keeps UCDP's spelling
  and its generic word ("Al Fallūjah town", "Ninawa province"): the gazetteer's own generic
  handling decides. A name seen with several precisions takes the most frequent one (ties:
  the tighter), at its (single) point. The accuracy run scores gazetteer names with the
  one implementation, :func:`benchmarks.acc_gazetteer.ucdp_names`.

Example
-------
>>> items = headline_items([{"source_headline": "Blast in Mosul", "where_prec": "1",
...     "latitude": "36.34", "longitude": "43.13", "source_date": "2014-06-01"}])
>>> items[0].tol_km, items[0].text
(10.0, 'Blast in Mosul')
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from benchmarks.accuracy_metrics import UCDP_TOL_KM, haversine_km


@dataclass(frozen=True)
class PointItem:
    """A text (headline or name) with its gold point and tolerance."""

    text: str
    lat: float
    lon: float
    tol_km: float
    published: date | None = None
    prec: int = 0
    names: tuple[str, ...] = ()   # headlines: UCDP's where_coordinates, adm_1, adm_2


def _tol(row: dict[str, str]) -> float | None:
    try:
        return UCDP_TOL_KM.get(int(row["where_prec"]))
    except (KeyError, ValueError):
        return None


def headline_items(rows: Iterable[dict[str, str]]) -> list[PointItem]:
    """Distinct (headline, tolerance, point) items, in first-seen order."""
    seen: dict[tuple, PointItem] = {}
    for r in rows:
        tol = _tol(r)
        head = (r.get("source_headline") or "").strip()
        if tol is None or not head:
            continue
        text = "\n".join(h.strip() for h in head.split(";") if h.strip())
        lat, lon = float(r["latitude"]), float(r["longitude"])
        key = (text, tol, round(lat, 4), round(lon, 4))
        if key not in seen:
            try:
                pub = date.fromisoformat(r.get("source_date", "")[:10])
            except ValueError:
                pub = None
            names = tuple(r.get(k) or "" for k in ("where_coordinates", "adm_1", "adm_2"))
            seen[key] = PointItem(text, lat, lon, tol, pub, int(r["where_prec"]), names)
    return list(seen.values())


def name_items(rows: Iterable[dict[str, str]]) -> list[PointItem]:
    """Distinct ``where_coordinates`` names with their modal precision (ties: tighter)."""
    precs: dict[str, Counter] = defaultdict(Counter)
    points: dict[str, tuple[float, float]] = {}
    for r in rows:
        name = (r.get("where_coordinates") or "").strip()
        if not name or _tol(r) is None:
            continue
        precs[name][int(r["where_prec"])] += 1
        points.setdefault(name, (float(r["latitude"]), float(r["longitude"])))
    out = []
    for name, cnt in precs.items():
        prec = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(PointItem(name, *points[name], UCDP_TOL_KM[prec], None, prec))
    return out


def score_names(items: Iterable[PointItem], resolved: Iterable[tuple[float, float] | None]) -> dict[str, Any]:
    """Share of names resolved within tolerance, overall and by precision.

    Example
    -------
    >>> it = [PointItem("a", 0, 0, 10, prec=1), PointItem("b", 0, 0, 10, prec=1)]
    >>> score_names(it, [(0.0, 0.05), None])["share"]
    0.5
    """
    tot: Counter = Counter()
    ok: Counter = Counter()
    misses = []
    for it, pt in zip(items, resolved):
        tot[it.prec] += 1
        err = haversine_km(it.lat, it.lon, *pt) if pt is not None else None
        if err is not None and err <= it.tol_km:
            ok[it.prec] += 1
        else:
            misses.append({"name": it.text, "prec": it.prec, "gold": [it.lat, it.lon],
                           "predicted": list(pt) if pt else None,
                           "error_km": round(err, 1) if err is not None else None})
    n = sum(tot.values())
    return {"names": n, "right": sum(ok.values()), "share": sum(ok.values()) / n if n else 0.0,
            "by_prec": {p: (ok[p], tot[p]) for p in sorted(tot)}, "misses": misses}
