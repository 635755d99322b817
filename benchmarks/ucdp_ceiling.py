"""How many UCDP headlines *could* be placed: an oracle over the names geoparse's scanner finds.

For each headline, every gazetteer key the geoparse scanner finds in it is taken with all of
its candidate places, and the headline counts as placeable when any one candidate lies within
the tolerance of the event's ``where_prec``. No geoparser can do better with the same
recognition and gazetteer; the gap to it is what ranking could still win, and the rest is
headlines that do not name the event's place ("Iraq violence kills 14 ...").

Example
-------
>>> from benchmarks.accuracy_ucdp import PointItem
>>> class G:
...     def get(self, pid):
...         return None
>>> class S:
...     def scan(self, text):
...         return []
>>> placeable([PointItem("Blast in Mosul", 36.34, 43.13, 10.0)], G(), S())
[False]
"""
from __future__ import annotations

from typing import Any, Iterable

from benchmarks.accuracy_metrics import haversine_km


def placeable(items: Iterable[Any], gazetteer: Any, scanner: Any, code_prefix: str = "code=") -> list[bool]:
    """One flag per item: does any candidate of any scanned name lie within its tolerance?

    ``code_prefix`` marks the scanner's airport-code ids (``geoutils.geoparse.recognise.CODE``).
    """
    flags = []
    for it in items:
        ok = False
        for hit in scanner.scan(it.text):
            for pid in hit.place_ids:
                p = gazetteer.get(pid[len(code_prefix):] if pid.startswith(code_prefix) else pid)
                if p is not None and haversine_km(it.lat, it.lon, p.lat, p.lon) <= it.tol_km:
                    ok = True
                    break
            if ok:
                break
        flags.append(ok)
    return flags


def ceiling_line(items: list) -> str:
    """The benchmark's report line for :func:`placeable` over the default gazetteer and scanner."""
    from gazetteer import Gazetteer
    from geoutils.geoparse.recognise import CODE, scanner

    gz = Gazetteer.default()
    flags = placeable(items, gz, scanner(gz), CODE)
    n = len(flags)
    return (f"  ceiling: {sum(flags)}/{n} = {sum(flags) / n if n else 0:.1%} of headlines name a candidate within "
            f"tolerance (an oracle choosing among every scanned name's candidates; the rest name no such place)")
