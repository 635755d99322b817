"""How many UCDP headlines *could* be placed: an oracle over the names geoparse's scanner finds.

For each headline, every gazetteer key the geoparse scanner finds in it is taken with all of
its candidate places, and the headline counts as placeable when any one candidate lies within
the tolerance of the event's ``where_prec``. No geoparser can do better with the same
recognition and gazetteer; the gap to it is what ranking could still win, and the rest is
headlines that do not name the event's place ("Iraq violence kills 14 ...").

:func:`spelled` is a second, gazetteer-free bound: does the headline spell the coded place's
own name at all (UCDP's ``where_coordinates``, and for a district or province precision its
``adm_2``/``adm_1``)? It is a plain string test, so it measures the data, not this project.

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

import re
import unicodedata
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


#: words of UCDP's names that are not the name ("Al Fallūjah town", "Qaḑā’ Bayjī", "Ninawa province")
_GENERIC = {"town", "village", "city", "province", "district", "governorate", "area", "qada", "nahiyat",
            "al", "an", "ad", "ar", "as", "at", "az", "ash", "adh", "el"}


def _words(text: str) -> list[str]:
    """Lower-case words with diacritics, apostrophes and hyphens dropped ("Ḩawījah" -> "hawijah")."""
    t = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", re.sub(r"[\u2018\u2019\u02bf\u02be'`]", "", t.lower()))


def spells(headline: str, name: str) -> bool:
    """Does ``headline`` spell ``name``: every non-generic word of it begins a headline word (5 letters
    suffice, so "Ramadi" meets "Ramādī" and "Fallujah" meets "Falluja")?

    >>> spells("Car bomb kills 5 in Iraq town of Khalis", "Khāliş town")
    True
    >>> spells("Iraq violence kills 14", "Al Fallūjah town")
    False
    """
    core = [w for w in _words(name) if w not in _GENERIC]
    heads = _words(headline)
    return bool(core) and all(any(h.startswith(w[:5]) for h in heads) for w in core)


def spelled(items: Iterable[Any]) -> list[bool]:
    """One flag per item: does its headline spell the coded place (or, at precision 3-4, its unit)?"""
    out = []
    for it in items:
        names = list(it.names[:1]) + (list(it.names[1:]) if it.prec >= 3 else [])
        out.append(any(spells(it.text, n) for n in names if n))
    return out


def ceiling_line(items: list) -> str:
    """The benchmark's report line for :func:`placeable` over the default gazetteer and scanner."""
    from gazetteer import Gazetteer
    from geoutils.geoparse.recognise import CODE, scanner

    gz = Gazetteer.default()
    flags = placeable(items, gz, scanner(gz), CODE)
    n = len(flags)
    return (f"  ceiling: {sum(flags)}/{n} = {sum(flags) / n if n else 0:.1%} of headlines name a candidate within "
            f"tolerance (an oracle choosing among every scanned name's candidates; the rest name no such place)\n"
            f"{spelled_line(items)}")


def spelled_line(items: list) -> str:
    """The report line for :func:`spelled`, by precision."""
    flags = spelled(items)
    n, by = len(flags), {}
    for it, ok in zip(items, flags):
        cell = by.setdefault(it.prec, [0, 0])
        cell[0] += ok
        cell[1] += 1
    parts = "  ".join(f"p{p} {a}/{b}" for p, (a, b) in sorted(by.items()))
    return (f"  headlines spelling the coded place's name: {sum(flags)}/{n} = {sum(flags) / n if n else 0:.1%}"
            f"  {parts}  (a string test, no gazetteer)")
