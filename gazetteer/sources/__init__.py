"""Sources of the embedded default gazetteer.

Each source yields plain records (dicts) with the keys of :data:`FIELDS`, plus
``aliases``: every spelling, in any script we keep, that should reach the place.
"""
from __future__ import annotations

FIELDS = ("id", "name", "name_ar", "lat", "lon", "kind", "country_code", "admin1", "population", "source")

#: countries whose places are kept for fuzzy matching whatever their size
FOCUS_COUNTRIES = ("IQ", "SY", "IR", "TR", "JO", "SA", "KW", "LB", "IL", "PS")


def keep_alias(alias: str) -> bool:
    """Keep Latin- and Arabic-script aliases; drop other scripts (CJK, Cyrillic, …).

    >>> keep_alias("Kirkuk"), keep_alias("كركوك"), keep_alias("Киркук")
    (True, True, False)
    """
    if alias.isascii():  # most aliases: Latin letters only, no script to check
        return any(ch.isalnum() for ch in alias)
    for ch in alias:
        o = ord(ch)
        if ch.isalpha() and not (o < 0x250 or 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0x1E00 <= o <= 0x1EFF):
            return False
    return any(ch.isalnum() for ch in alias)
