"""Incident scoring for the articles set of ``python -m benchmarks accuracy`` (pure functions).

A gold incident is found when one output row has one of its dates and lies within its
tolerance; located rows matching no gold incident and no ``extra_ok`` area are false
positives.

Example
-------
>>> d = date(2020, 1, 2)
>>> row_matches(Row(d, 33.0, 44.05), GoldIncident((d,), 33.0, 44.0, 10))
True
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from benchmarks.accuracy_metrics import haversine_km, located


@dataclass(frozen=True)
class Row:
    """One output row of ``extract_incidents``."""

    event_date: date | None
    lat: float | None
    lon: float | None
    sub_event: str | None = None
    fatalities: int | None = None
    location: str = ""
    place_id: str | None = None
    kind: str | None = None       # the gazetteer kind of the row's place ("town", "country", ...)
    country: str | None = None    # its ISO country code


@dataclass(frozen=True)
class GoldIncident:
    """A gold incident from ``gold.json``."""

    dates: tuple[date, ...]
    lat: float
    lon: float
    tol_km: float
    sub_event: str | None = None
    fatalities: int | None = None
    place: str = ""


#: an ``extra_ok`` place excuses a row within this distance of its point
OK_POINT_KM = 25.0
#: ... or, for an administrative unit, a row on a place of the same kind within this radius
#: (the same unit from another source: a centroid vs a seat)
OK_UNIT_KM = {"governorate": 120.0, "province": 120.0, "district": 40.0}


@dataclass(frozen=True)
class OkArea:
    """An ``extra_ok`` place, as the gazetteer resolves it."""

    name: str
    lat: float
    lon: float
    kind: str | None = None
    country: str | None = None
    place_id: str | None = None


def row_matches(row: Row, inc: GoldIncident) -> bool:
    """A row matches an incident when its date is accepted and its point within tolerance."""
    return (row.event_date in inc.dates and located(row.lat, row.lon)
            and haversine_km(inc.lat, inc.lon, float(row.lat), float(row.lon)) <= inc.tol_km)


def row_ok(row: Row, areas: Sequence[OkArea]) -> OkArea | None:
    """The ``extra_ok`` place that excuses a located row, if any.

    A row is excused when it is that place: the same place id, a point within
    :data:`OK_POINT_KM`, a country row in the same country for a country, or a place of the
    same administrative kind within :data:`OK_UNIT_KM` for a governorate or district. A town
    inside an ``extra_ok`` country or province is not excused: it is a claim of its own.
    """
    for a in areas:
        d = haversine_km(a.lat, a.lon, float(row.lat), float(row.lon))
        if (a.place_id and row.place_id == a.place_id) or d <= OK_POINT_KM:
            return a
        if a.kind == "country" and row.kind == "country" and a.country and row.country == a.country:
            return a
        if a.kind in OK_UNIT_KM and row.kind == a.kind and d <= OK_UNIT_KM[a.kind]:
            return a
    return None


def score_incidents(gold: Sequence[GoldIncident], rows: Sequence[Row], areas: Sequence[OkArea] = ()) -> dict[str, Any]:
    """Found/missed gold incidents, false-positive rows, sub-event and fatality agreement.

    A located row matching no gold incident and lying in no ``extra_ok`` area is a false
    positive; a row excused by ``extra_ok`` is neutral (in neither precision term). For the
    agreements the closest matching row of each found incident is compared.

    Example
    -------
    >>> d = date(2020, 1, 2)
    >>> g = [GoldIncident((d,), 33.0, 44.0, 10, "Shelling/artillery/missile attack", 2)]
    >>> s = score_incidents(g, [Row(d, 33.01, 44.0, "Shelling/artillery/missile attack", 2), Row(d, 36.0, 43.0)])
    >>> s["found"], s["tp_rows"], s["fp_rows"], s["sub_agree"], s["fat_agree"]
    (1, 1, 1, 1, 1)
    """
    loc = [r for r in rows if located(r.lat, r.lon)]
    found, missed, best_rows = [], [], []
    for inc in gold:
        hits = [r for r in loc if row_matches(r, inc)]
        if hits:
            best = min(hits, key=lambda r: haversine_km(inc.lat, inc.lon, float(r.lat), float(r.lon)))
            found.append(inc)
            best_rows.append(best)
        else:
            missed.append(inc)
    tp_rows, fp, excused = 0, [], 0
    for r in loc:
        if any(row_matches(r, inc) for inc in gold):
            tp_rows += 1
        elif row_ok(r, areas):
            excused += 1
        else:
            fp.append(r)
    sub_n = sum(inc.sub_event is not None for inc in found)
    sub_ok = sum(inc.sub_event is not None and inc.sub_event == r.sub_event for inc, r in zip(found, best_rows))
    fat_n = sum(inc.fatalities is not None for inc in found)
    fat_ok = sum(inc.fatalities is not None and r.fatalities is not None and int(r.fatalities) == inc.fatalities
                 for inc, r in zip(found, best_rows))
    return {"gold": len(gold), "found": len(found), "missed_list": missed, "found_rows": best_rows,
            "found_list": found, "rows": len(rows), "located": len(loc), "tp_rows": tp_rows,
            "fp_rows": len(fp), "fp_list": fp, "excused": excused,
            "sub_n": sub_n, "sub_agree": sub_ok, "fat_n": fat_n, "fat_agree": fat_ok}


def summarize_incidents(per_doc: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Corpus precision (rows), recall (gold incidents), F1 and agreements."""
    keys = ("gold", "found", "tp_rows", "fp_rows", "excused", "located", "sub_n", "sub_agree", "fat_n", "fat_agree")
    tot = dict.fromkeys(keys, 0)
    for d in per_doc:
        for k in keys:
            tot[k] += d[k]
    p = tot["tp_rows"] / (tot["tp_rows"] + tot["fp_rows"]) if tot["tp_rows"] + tot["fp_rows"] else 0.0
    r = tot["found"] / tot["gold"] if tot["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**tot, "precision": p, "recall": r, "f1": f,
            "sub_rate": tot["sub_agree"] / tot["sub_n"] if tot["sub_n"] else float("nan"),
            "fat_rate": tot["fat_agree"] / tot["fat_n"] if tot["fat_n"] else float("nan")}
