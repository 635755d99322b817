"""A candidate's weight in the context step, as the gazetteer itself ranks it: one source
(:func:`gazetteer.rank.prominence`), not a second model of division populations.

Example
-------
>>> from types import SimpleNamespace as P
>>> population(P(kind="place", population=5000, country_code="IQ", id="gn:1"))
5000
"""
from __future__ import annotations

from typing import Any

from gazetteer.rank import prominence as _prominence

__all__ = ["population", "unit_info"]


def population(p: Any, info: Any = None) -> float:
    """The place's weight as the gazetteer itself ranks it (:func:`gazetteer.rank.prominence`, one
    source): its population; a first-level division's share of its country's people capped by the
    people counted in its towns (``info``: the gazetteer's unit statistics); an uncounted place
    (a curated or COD-AB town) its kind's stand-in, not 0, so that it does not lose to any counted
    namesake abroad ("Ariha" in Idlib against Jericho).

    >>> from types import SimpleNamespace as P
    >>> population(P(kind="place", population=None, country_code="SY", id="cur:x")) > 0
    True
    """
    if p.kind in ("governorate", "province") and not p.population and p.id.startswith(("state:", "cur:")):
        return 0  # the vocabulary's fallback copy; a curated governorate: its seat ("Damascus") is the bare name
    return _prominence(p, getattr(info, "weights", None), getattr(info, "people", None))


def unit_info(gz: Any) -> Any:
    """The gazetteer's division statistics (weights, counted people), None for a gazetteer without."""
    return getattr(gz, "unit_info", None)
