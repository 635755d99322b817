"""Incidents told again: undated incidents at one site, of kinds one story may use for one event,
are one event (:func:`undated_retold`); and the incident's place among its candidates
(:func:`best_place`).

Example
-------
>>> undated_retold([])
[]
"""
from __future__ import annotations

from typing import Any

from geoutils.extract.events import event_type_of
from geoutils.extract.places import Cand
from geoutils.extract.units import near

__all__ = ["best_place", "retold_kind", "undated_retold"]


def best_place(cands: list[Cand]) -> Cand | None:
    """The most specific candidate (a base before a town before a province), then the most precise;
    a reference town the text puts the event far from ("60 km north of X"), or the town of the
    report's source ("police in X said"), comes last."""
    return min(cands, key=lambda c: (c.offset or c.source, c.specificity, c.precision, c.order)) if cands else None


# ACLED's political violence (its disorder types besides demonstrations and strategic developments)
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def retold_kind(a: str | None, b: str | None) -> bool:
    """Kinds a report may use for one event told again: the same kind, a generic one, or two kinds of
    political violence ("gunmen attack X", "fighting in X", "bombers struck X"); never a
    demonstration and an act of violence ("protesters rallied in X" + "a bomb wounded three in X")."""
    ta, tb = event_type_of(a), event_type_of(b)
    return ta is None or tb is None or ta == tb or (ta in _VIOLENCE and tb in _VIOLENCE)


def _same_site(a: Cand, b: Cand) -> bool:
    """One town (the same place), or a point (a base, a checkpoint) within 15 km of it; two
    neighbourhoods of one city, or two villages nearby, are two sites."""
    if a.place.id == b.place.id:
        return True
    return min(a.specificity, b.specificity) == 0 and near(a.place, b.place, 15.0)


def undated_retold(incidents: list[Any], recent: int = 8) -> list[Any]:
    """Undated incidents at one site (:func:`_same_site`), of kinds one story may use for one event
    (:func:`retold_kind`), are that event told again in other words, unless an additive word
    marks a further one ("another bomb in X"). ``recent``: how many earlier sites a retelling may join."""
    out: list[Any] = []
    seen: list[tuple[Any, Cand]] = []
    for inc in incidents:
        p = best_place([c for m in inc.mentions for c in m.cands])
        if inc.date is None and p is not None and p.specificity < 3 and not any(m.also for m in inc.mentions):
            host = next((h for h, hp in seen[-recent:] if _same_site(hp, p) and retold_kind(h.sub, inc.sub)), None)
            if host is not None:
                host.mentions.extend(inc.mentions)
                continue
            seen.append((inc, p))
        out.append(inc)
    return out
