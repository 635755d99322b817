"""A tiny in-memory gazetteer with the :class:`gazetteer.Gazetteer` lookup contract.

For tests, examples and offline demos: the few Iraqi places the seed article needs, with
coordinates from the project's curated table. Real work uses ``Gazetteer.default()``.

Example
-------
>>> gz = MemoryGazetteer.demo()
>>> gz.get("cur:k1").name
'K-1 Air Base'
>>> ("k1", "cur:k1") in gz.alias_keys()
True
"""
from __future__ import annotations

from typing import Any, Iterable

import pandas as pd

from gazetteer import Place
from gazetteer.normalize import name_key

__all__ = ["MemoryGazetteer"]

_PROMINENCE = {"country": 5, "governorate": 4, "place": 3, "town": 3, "airport": 2, "base": 2, "embassy": 1}
_FAMILY = {"base": {"base", "airport"}, "airport": {"airport", "base"}, "governorate": {"governorate"},
           "embassy": {"embassy"}, "place": {"place", "town"}}

# id ("cur:": the curated table's rows, as the real gazetteer names them), name, name_ar, lat, lon, kind, cc, admin1, population, aliases (| separated)
_DEMO = [
    ("cur:k1", "K-1 Air Base", "قاعدة كي وان", 35.5125, 44.28417, "base", "IQ", "Kirkuk", None, "K1|K-1|Kaywan|كي وان"),
    ("cur:asad", "Ain al-Asad Air Base", "قاعدة عين الأسد الجوية", 33.7856, 42.4412, "base", "IQ", "Al Anbar", None,
     "Al Asad|Ain al-Asad|عين الأسد|عين الاسد"),
    ("cur:ebl", "Erbil International Airport", "مطار أربيل الدولي", 36.2376, 43.9632, "airport", "IQ", "Erbil", None,
     "Erbil|Erbil Airport|Erbil Air Base|أربيل|اربيل"),
    ("cur:erbil", "Erbil", "أربيل", 36.19, 44.01, "place", "IQ", "Erbil", 932800, "Erbil|Arbil|Irbil|أربيل|اربيل"),
    ("cur:bgw", "Baghdad International Airport", "مطار بغداد الدولي", 33.2625, 44.2346, "airport", "IQ", "Baghdad",
     None, "Baghdad|BIAP|بغداد"),
    ("cur:baghdad", "Baghdad", "بغداد", 33.3406, 44.4009, "place", "IQ", "Baghdad", 5672513, "Baghdad|بغداد"),
    ("cur:kirkuk", "Kirkuk", "كركوك", 35.4681, 44.3922, "place", "IQ", "Kirkuk", 601433, "Kirkuk|Karkuk|كركوك"),
    ("cur:mosul", "Mosul", "الموصل", 36.335, 43.1189, "place", "IQ", "Nineveh", 1739800, "Mosul|Mawsil|الموصل"),
    ("cur:basra", "Basra", "البصرة", 30.5085, 47.7804, "place", "IQ", "Basra", 2600000, "Basra|Basrah|البصرة"),
    ("cur:anbar", "Al Anbar Governorate", "محافظة الأنبار", 33.0, 42.0, "governorate", "IQ", "Al Anbar", None,
     "Anbar|الأنبار"),
    ("cur:emb-us", "Embassy of the United States, Baghdad", "السفارة الأمريكية في بغداد", 33.299, 44.396, "embassy",
     "IQ", "Baghdad", None, "US Embassy|American Embassy|السفارة الأمريكية|السفارة الأميركية"),
    ("cur:iq", "Iraq", "العراق", 33.0, 44.0, "country", "IQ", None, 40000000, "Iraq|العراق"),
    ("cur:tehran", "Tehran", "طهران", 35.6944, 51.4215, "place", "IR", "Tehran", 7153309, "Tehran|طهران"),
    ("cur:washington", "Washington", "واشنطن", 38.8951, -77.0364, "place", "US", "District of Columbia", 689545,
     "Washington|واشنطن"),
]


class MemoryGazetteer:
    """Places held in memory, looked up by the shared ``name_key``.

    Parameters
    ----------
    places : iterable of ``(Place, aliases)``.
    """

    def __init__(self, places: Iterable[tuple[Place, list[str]]]) -> None:
        self._places: dict[str, Place] = {}
        self._keys: dict[str, list[str]] = {}
        for place, aliases in places:
            self._places[place.id] = place
            for a in [place.name, place.name_ar or "", *aliases]:
                k = name_key(a) if a else ""
                if k and place.id not in self._keys.setdefault(k, []):
                    self._keys[k].append(place.id)

    @classmethod
    def demo(cls) -> "MemoryGazetteer":
        """The built-in demo places (Iraq bases, airports, cities, the US embassy)."""
        return cls(
            (Place(i, n, ar, la, lo, k, cc, a1, pop, "demo (curated coordinates)"), al.split("|"))
            for i, n, ar, la, lo, k, cc, a1, pop, al in _DEMO
        )

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def alias_keys(self, countries: Iterable[str] | None = None, min_population: int = 0) -> list[tuple[str, str]]:
        return [(k, i) for k, ids in self._keys.items() for i in ids]

    def rank(self, place_ids: Iterable[str], kind: str | None = None, country: str | None = None,
             near: Any = None) -> list[Place]:
        places = [self._places[i] for i in dict.fromkeys(place_ids) if i in self._places]

        def score(p: Place) -> tuple:
            fam = _FAMILY.get(kind or "", set())
            hint = (2 if p.kind in fam else 0) if kind else (0 if p.kind in ("governorate", "country") else 1)
            return (hint, 1 if country and p.country_code == country else 0, p.population or _PROMINENCE.get(p.kind, 0))

        return sorted(places, key=score, reverse=True)

    def resolve(self, name: str, country: str | None = None, near: Any = None, kind: str | None = None) -> Place | None:
        ranked = self.rank(self._keys.get(name_key(name), []), kind=kind, country=country)
        return ranked[0] if ranked else None

    def to_geodataframe(self, kinds: Iterable[str] | None = None, curated: bool = False) -> pd.DataFrame:
        kinds = set(kinds) if kinds is not None else None
        return pd.DataFrame({"id": [i for i, p in self._places.items() if kinds is None or p.kind in kinds]})
