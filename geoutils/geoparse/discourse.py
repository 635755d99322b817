"""One sense per discourse: the mentions of one name in one article lie in one state or province.

An article that writes "DeKalb County" once and "DeKalb" four times means one DeKalb: the county
and the town may differ (the words ask for a kind), but not their state. After the context step,
the mentions of a name that landed in different first-level divisions are brought to the division
their resolutions back most (the sum of their confidences), each to its own best-scored candidate
there, when it has one.

Example
-------
>>> from types import SimpleNamespace as P
>>> from geoutils.geoparse.context import Resolved
>>> il, ga = P(country_code="US", admin1="Illinois", kind="place"), P(country_code="US", admin1="Georgia", kind="county")
>>> ilc = P(country_code="US", admin1="Illinois", kind="county")
>>> cands = [P(key="dekalb"), P(key="dekalb"), P(key="dekalb")]
>>> out = [Resolved(il, 0.9, "r"), Resolved(il, 0.9, "r"), Resolved(ga, 0.6, "r", [(2.0, 0, ga, {}), (1.5, -1, ilc, {})])]
>>> one_sense(cands, out)
>>> out[2].place is ilc, out[2].reason
(True, 'one sense per discourse')
"""
from __future__ import annotations

from typing import Any

__all__ = ["one_sense"]

_UNITS = ("country", "province", "governorate")
#: a mention moved to its name's majority reading keeps at most this confidence: its own features chose
#: otherwise, so it is below the 0.7 that makes a mention an anchor for coherence in a later parse
MOVED_CONFIDENCE = 0.7


def _division(p: Any) -> tuple | None:
    if p is None or p.kind in _UNITS or not p.admin1:
        return None
    return (p.country_code, p.admin1)


def one_sense(cands: list[Any], out: list[Any]) -> None:
    """Bring the mentions of each name to the one division their resolutions back most (in place)."""
    groups: dict[str, list[int]] = {}
    for i, (m, r) in enumerate(zip(cands, out)):
        if r is not None and _division(r.place) is not None:
            groups.setdefault(m.key, []).append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        backing: dict[tuple, float] = {}
        for i in idx:
            d = _division(out[i].place)
            backing[d] = backing.get(d, 0.0) + out[i].confidence
        if len(backing) < 2:
            continue
        best = max(backing, key=backing.get)
        for i in idx:
            r = out[i]
            if _division(r.place) == best or not r.scored:
                continue
            alt = next((t for t in r.scored if _division(t[2]) == best), None)
            if alt is not None:
                out[i] = type(r)(alt[2], min(r.confidence, MOVED_CONFIDENCE), "one sense per discourse", r.scored)
