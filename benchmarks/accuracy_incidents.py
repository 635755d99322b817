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


@dataclass(frozen=True)
class OkArea:
    """An ``extra_ok`` place: output within ``radius_km`` of the point (or, for a country,
    anywhere with the same ``country``) is not wrong."""

    name: str
    lat: float
    lon: float
    radius_km: float
    country: str | None = None  # set only for a country-level place


def row_matches(row: Row, inc: GoldIncident) -> bool:
    """A row matches an incident when its date is accepted and its point within tolerance."""
    return (row.event_date in inc.dates and located(row.lat, row.lon)
            and haversine_km(inc.lat, inc.lon, float(row.lat), float(row.lon)) <= inc.tol_km)


def row_ok(row: Row, areas: Sequence[OkArea], row_country: str | None = None) -> OkArea | None:
    """The ``extra_ok`` area that excuses a located row, if any."""
    for a in areas:
        if a.country and row_country and a.country == row_country:
            return a
        if haversine_km(a.lat, a.lon, float(row.lat), float(row.lon)) <= a.radius_km:
            return a
    return None


def score_incidents(gold: Sequence[GoldIncident], rows: Sequence[Row], areas: Sequence[OkArea] = (),
                    row_countries: Sequence[str | None] | None = None) -> dict[str, Any]:
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
    row_countries = list(row_countries) if row_countries is not None else [None] * len(rows)
    loc = [(r, c) for r, c in zip(rows, row_countries) if located(r.lat, r.lon)]
    found, missed, best_rows = [], [], []
    for inc in gold:
        hits = [r for r, _ in loc if row_matches(r, inc)]
        if hits:
            best = min(hits, key=lambda r: haversine_km(inc.lat, inc.lon, float(r.lat), float(r.lon)))
            found.append(inc)
            best_rows.append(best)
        else:
            missed.append(inc)
    tp_rows, fp, excused = 0, [], 0
    for r, c in loc:
        if any(row_matches(r, inc) for inc in gold):
            tp_rows += 1
        elif row_ok(r, areas, c):
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
