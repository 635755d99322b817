"""Candidates abroad: which small places far from the article stay candidates.

A village abroad is a candidate only where the article is: small GeoNames places outside the
analysts' region are kept in countries the text names, or in which several of its names have a
candidate. An Arabic word that names a town abroad ("سعيدة", happy: Saïda) is that town only where
the article names its country.

Example
-------
>>> from types import SimpleNamespace as P
>>> _small(P(id="gn:1", kind="place", population=5000)), _small(P(id="gn:2", kind="place", population=5_000_000))
(True, False)
"""
from __future__ import annotations

from typing import Any

from geoutils.geoparse.lexical import MILLION, Cand, own_name

__all__ = ["drop_small_abroad", "explicit_countries", "REGION", "SMALL_POPULATION", "MIN_KEYS_ABROAD"]

#: GeoNames places below this many people abroad need the article's focus (see _drop_small_abroad)
SMALL_POPULATION = 100_000
MIN_KEYS_ABROAD = 3
#: kinds a generic word beside a name asks for that make it a place the gazetteer may lack
UNKNOWN_KINDS = frozenset({"place", "district", "governorate", "region", "county"})
#: the analysts' region: its small places are always candidates (the gazetteer's regional prior)
REGION = ("IQ", "SY", "IR", "TR", "LB", "JO", "SA", "KW", "YE", "IL", "PS", "EG", "AE", "QA", "BH", "OM")


def explicit_countries(cands: list[Cand], v: Any) -> set[str]:
    """Countries the text names: countries, nationality adjectives, regions, states/provinces."""
    out: set[str] = set()
    for m in cands:
        for p in m.places:
            if isinstance(p, str):
                if p.startswith(("country:", "ctx:")):
                    out.add(p.split(":", 1)[1])
                elif p.startswith("region:"):
                    out.update(v.regions.get(p, ("", ()))[1])
            elif p.id.startswith("region:"):
                out.update(v.regions.get(p.id, ("", ()))[1])
            elif m.category == "gaz" and p.kind in ("province", "governorate", "country") \
                    and (len(m.places) == 1 or own_name(p, m.key, m.text)):
                out.add((p.country_code or "").upper())  # "Minnesota": the state's own name
    return out


def drop_small_abroad(cands: list[Cand], ranked: list[list], named: set[str],
                      spare: list[list] | None = None) -> None:
    """A village abroad is a candidate only where the article is: small GeoNames places (under
    :data:`SMALL_POPULATION`) outside the analysts' region are kept in countries the text names
    or in which at least MIN_KEYS_ABROAD of its names have a candidate.

    With ``spare`` (one list per mention, filled in place), the small places of an English name that
    only the MIN_KEYS_ABROAD count rules out are set aside there instead of being lost: the context
    step scores them with the ``abroad`` penalty, so that a division the text names or the article's
    local focus can still lift them ("Huntsville" in a story about Walker County's towns)."""
    from gazetteer.normalize import is_arabic

    keys_by_cc: dict[str, set[str]] = {}
    for m, r in zip(cands, ranked):
        if not is_arabic(m.key):  # Arabic names of villages abroad are transliterations that collide with words
            for p in r:
                keys_by_cc.setdefault((p.country_code or "").upper(), set()).add(m.key)
    explicit = set(REGION) | named
    allowed = explicit | {cc for cc, ks in keys_by_cc.items() if len(ks) >= MIN_KEYS_ABROAD}
    for j, r in enumerate(ranked):
        if r:
            m = cands[j]
            arabic = is_arabic(m.key)
            if arabic and m.kind_hint is None and _word(m.text) and not m.placed:
                # "سعيدة" (happy), "الأشياء" (the things): an Arabic word naming a GeoNames town under a
                # million people is that town only where the article names its country; a town of the
                # region of 100k or more needs the region. A place cue ("في القصير") lifts this.
                ranked[j] = [p for p in r if not _not_a_world_city(p) or (p.country_code or "").upper() in named
                             or (not _small(p) and (p.country_code or "").upper() in REGION)]
            else:
                ok = explicit if arabic else allowed
                ranked[j] = [p for p in r if not _small(p) or (p.country_code or "").upper() in ok]
            if not ranked[j] and not arabic:
                # a capitalised English name that is a town's own name ("Schaumburg") is that town even
                # where the article names no country; a name that is only an alias is not
                ranked[j] = [p for p in r if p.kind == "place" and own_name(p, m.key, m.text)]
            if spare is not None and ranked[j] and not arabic and len(ranked[j]) < len(r):
                kept = {p.id for p in ranked[j]}
                spare[j] = [p for p in r if p.id not in kept]  # (each is small and outside ``allowed``)
            if not ranked[j] and m.category == "gaz":
                if m.kind_hint in UNKNOWN_KINDS and not m.weak:
                    # "Zuwayrat village": a generic place word makes it a place all the same, one the
                    # gazetteer lacks (its namesakes abroad are not it): a mention with no point
                    m.category, m.places = "unknown", []
                else:
                    m.weak = True  # no candidate left: not a mention


def _not_a_world_city(p: Any) -> bool:
    """A GeoNames town of under a million people (or an airfield): "سعيدة" (happy) is no Saïda unless
    the article names Algeria."""
    return _small(p) or (p.id.startswith("gn:") and p.kind == "place" and (p.population or 0) < MILLION)


def _word(surface: str) -> bool:
    """Is an Arabic name, as written, also a word of the language (zipf >= MINOR_ZIPF)?"""
    from geoutils.geoparse.lexical import MINOR_ZIPF, _zipf

    return _zipf(surface.split(" ", 1)[0], "ar") >= MINOR_ZIPF


def _small(p: Any) -> bool:
    """A small GeoNames town, or an airfield known only from the airport lists (no population)."""
    if p.id.startswith("icao:") or (p.kind == "airport" and not p.id.startswith(("cur:", "user:"))):
        return True
    return p.id.startswith("gn:") and p.kind == "place" and (p.population or 0) < SMALL_POPULATION
