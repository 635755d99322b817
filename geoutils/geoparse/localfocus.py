"""The article's local focus: the first-level divisions (states, provinces) its names point to together.

Each distinct name splits one vote over the divisions its candidates lie in (a name with places in
two states gives each half a vote; a name found in thirty states says almost nothing). A candidate
is then scored by the votes its division gets from the *other* names, relative to the best-voted
division: local news names places of one state or county ("Newark" among "Heath" and "Granville"
is the Ohio town), and no name is evidence for itself.

Example
-------
>>> from types import SimpleNamespace as P
>>> a, b = P(country_code="US", admin1="Ohio", kind="place"), P(country_code="US", admin1="New Jersey", kind="place")
>>> lf = LocalFocus([("newark", [a, b]), ("heath", [P(country_code="US", admin1="Ohio", kind="place")])])
>>> lf.score(a, "newark"), lf.score(b, "newark")
(1.0, 0.0)
"""
from __future__ import annotations

from typing import Any, Iterable

__all__ = ["LocalFocus"]

_SKIP_KINDS = ("country",)


class LocalFocus:
    """Division votes of an article's names: ``(name key, candidate places)`` pairs, a key counted once."""

    __slots__ = ("_total", "_own", "_best", "_order")

    def __init__(self, named: Iterable[tuple[str, list]]) -> None:
        self._total: dict[tuple, float] = {}
        self._own: dict[str, dict[tuple, float]] = {}
        self._best: dict[str, float] = {}
        self._order: list | None = None
        for key, places in named:
            if key in self._own:
                continue
            divs = {(p.country_code, p.admin1) for p in places if p.admin1 and p.kind not in _SKIP_KINDS}
            if not divs:
                continue
            share = 1.0 / len(divs)
            self._own[key] = {d: share for d in divs}
            for d in divs:
                self._total[d] = self._total.get(d, 0.0) + share

    def _top(self, key: str) -> float:
        """The best division's votes from names other than ``key`` (its own divisions lowered, and the
        best division it has no candidate in: linear in its candidates, not in the divisions)."""
        if key not in self._best:
            if self._order is None:
                self._order = sorted(self._total.items(), key=lambda t: -t[1])
            own = self._own.get(key, {})
            other = next((v for d, v in self._order if d not in own), 0.0)
            self._best[key] = max([other] + [self._total[d] - x for d, x in own.items()])
        return self._best[key]

    def score(self, c: Any, key: str) -> float:
        """0..1: the votes of ``c``'s division from the other names, relative to the best division's."""
        if not c.admin1 or c.kind in _SKIP_KINDS:
            return 0.0
        d = (c.country_code, c.admin1)
        v = self._total.get(d, 0.0) - self._own.get(key, {}).get(d, 0.0)
        top = self._top(key)
        return v / top if top > 1e-9 and v > 1e-9 else 0.0
