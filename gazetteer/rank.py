"""Ranking the candidates of a name: the answer a careful analyst gives with no context.

Order (each a tie-breaker of the one before):

1. the country the caller names (``country=``: resolve() keeps only its places, rank() puts them first);
2. the match score (exact 100; near-miss spellings their rapidfuzz ratio);
3. the user's own names, then, for a name that asks for a code ("BGW", "airport
   code ZAP"), codes before names (a code never matches otherwise);
4. the kind the words ask for ("district", "قضاء" …); with none, an administrative
   unit yields to a town of its name (:func:`yielding_units`: a district or sub-district to one
   in its governorate, as a seat may lie just across a unit's line; a first-level division to its
   namesake seat inside it, New York City, not to California, Maryland, or to its country's capital,
   Washington; a county to a town of its name). A district or sub-district that holds no
   town of its name stands for its seat town, which bears it: "Hamrin town" is the
   Hamrin sub-district's seat, not a village of the name in another governorate;
5. an alias matched whole before one that needed a generic word dropped, and a
   source's own spelling before a cleaned one;
6. distance to ``near``;
7. prominence: population (or, for a first-level division, its country's population shared
   among its divisions, else a per-kind weight), times :data:`FOCUS_WEIGHT` in
   the focus region and :data:`AS_WRITTEN_WEIGHT` when the alias matches as written,
   not through a transliteration fold ("Samarra" is not "Samara"), and :data:`OWN_NAME_WEIGHT`
   when it is the place's own name, not another name it is known by ("Alexandria" is not Mashhad);
8. the alias closest to the query as written, marks and long vowels included
   (a query "Al ‘Ushnān" prefers a source's "Al ‘Ushnan" to another's "Al-Ushnan").

Example
-------
>>> parse_focus("IQ,SY")
('IQ', 'SY')
"""
from __future__ import annotations

import math
import os
import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from gazetteer import store
from gazetteer.geo import haversine_km
from gazetteer.normalize import name_key, surface_key, tokenize
from gazetteer.place import Match, Place
from gazetteer.units import UnitInfo, lies_inside

#: kinds that answer a kind hint fully; other kinds of the same family half.
KIND_FAMILIES: dict[str, set[str]] = {
    "base": {"base", "camp"},
    "camp": {"camp", "base"},
    "airport": {"airport"},
    "governorate": {"governorate", "province"},
    "province": {"province", "governorate"},
    "region": {"region", "governorate", "province"},
    "district": {"district", "subdistrict"},
    "county": {"county"},
    "subdistrict": {"subdistrict", "district"},
    "place": {"place", "town"},
    "embassy": {"embassy", "consulate"},
    "consulate": {"consulate", "embassy"},
    "crossing": {"crossing"},
}
NEIGHBOUR_KINDS = {"base": {"airport"}, "airport": {"base"}, "place": {"district", "subdistrict"},
                    "district": {"place", "town"}, "subdistrict": {"place", "town"}}
#: administrative units: with no kind asked for, a unit yields to a town of its name in its country
UNIT_KINDS = frozenset({"governorate", "province", "district", "subdistrict", "county"})
TOWN_KINDS = frozenset({"place", "town"})

#: weight of a place with no population, by kind, for ranking ties
PROMINENCE = {"base": 60_000, "airport": 30_000, "zone": 60_000, "embassy": 20_000, "consulate": 20_000,
              "crossing": 10_000, "oilfield": 10_000, "dam": 10_000, "prison": 10_000, "town": 20_000,
              "country": 10_000_000, "governorate": 1_000_000, "province": 1_000_000, "district": 100_000,
              "subdistrict": 20_000, "region": 100_000}
#: first-level divisions: their prominence is their country's population shared among them
FIRST_LEVEL_KINDS = frozenset(store.FIRST_LEVEL_KINDS)

#: the default regional prior: Iraq, Syria and their neighbours (``$GAZETTEER_FOCUS`` overrides, e.g. "YE,SA,OM")
DEFAULT_FOCUS: tuple[str, ...] = ("IQ", "SY", "IR", "TR", "JO", "SA", "KW", "LB", "IL")
#: how much a place in the focus region weighs against a namesake of the same kind elsewhere
FOCUS_WEIGHT = 5.0
#: how much an alias matched as written weighs against one reached through a transliteration fold
#: ("Samarra", 158k people, beats Samara, 1.1M, when so written)
AS_WRITTEN_WEIGHT = 10.0
#: how much a match on a place's own name (English or Arabic) weighs against a match on another
#: name it is also known by: "Alexandria" is the Egyptian city, not a historic name of Mashhad
#: (only between places of counted population: a kind's stand-in weight says nothing of names)
OWN_NAME_WEIGHT = 5.0
#: prominence of a place of no known population and no kind prominence (a DTM village)
UNKNOWN_PROMINENCE = 100
#: query words that ask for a code ("airport code ZAP", "ICAO ORBI")
CODE_WORDS = frozenset({"code", "icao", "iata", "iso"})

def parse_focus(focus: str | Iterable[str] | None) -> tuple[str, ...]:
    """A focus region as a tuple of ISO 3166-1 alpha-2 codes ("IQ,SY" or ["IQ", "SY"]);
    None: ``$GAZETTEER_FOCUS`` or :data:`DEFAULT_FOCUS`; "" or "none": no prior.

    >>> parse_focus("ye, sa"), parse_focus("none")
    (('YE', 'SA'), ())
    """
    if focus is None:
        env = os.environ.get("GAZETTEER_FOCUS")
        return parse_focus(env) if env is not None else DEFAULT_FOCUS
    items = focus.replace(";", ",").split(",") if isinstance(focus, str) else list(focus)
    out = []
    for c in items:
        c = str(c).strip().upper()
        if not c or c == "NONE":
            continue
        if len(c) != 2 or not c.isalpha():
            raise ValueError(f"focus country {c!r} is not an ISO 3166-1 alpha-2 code (e.g. IQ)")
        out.append(c)
    return tuple(out)


_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|La|Le|Di|Da)[A-Z]")


def _odd_case(toks) -> bool:
    """Words in random case ("zOrE", "dEp") are not how a name is written: no folds for them."""
    return any(_LOWER_UPPER.search(t.text) and not _NAME_PREFIX.match(t.text) for t in toks)


def _is_code_query(name: str, toks) -> bool:
    """A name asks for a code when written in capitals ("BGW", "ORBI") or with a word that
    says so ("airport code zap", "ICAO orbi")."""
    if any(t.norm in CODE_WORDS or t.generic == "airport" for t in toks):
        return True
    letters = code_letters(toks)
    return 2 <= len(letters) <= 6 and letters.isupper()


def code_letters(toks) -> str:
    """The letters of a name that could be a code: its words but the generic ones, or, when all
    are generic, all of them (a lone "DAM" in capitals is a code, not a dam)."""
    return "".join([t.text for t in toks if not t.is_generic] or [t.text for t in toks])


#: units named after a seat town, which they stand for when no source has the town inside them
SEAT_UNIT_KINDS = frozenset({"district", "subdistrict"})


def prominence(place: Place, weights: Mapping[str, float] | None = None,
               people: Mapping[str, float] | None = None) -> float:
    """A place's weight for ranking: its population (a country: at least the kind's
    :data:`PROMINENCE`); a first-level division's share of its country's population (``weights``,
    ISO2 -> weight), capped by the people counted in its towns where its country has such counts
    (``people``, division id -> people; :func:`gazetteer.sources.unit_stats.unit_people`) but never
    below the kind's stand-in :data:`PROMINENCE`; else the kind's :data:`PROMINENCE`.

    A country's mean share over-states a division whose towns the sources count far fewer people
    in: where the count is reliable (US, IQ, SY) a thinly counted division weighs as a province (its
    stand-in), while a state whose towns hold its share (Texas) keeps it. Where it is not (the towns
    carry no admin1: CA, AU, GB, MZ...), the division keeps its mean share, uncapped.

    Against a city of its name the comparison is the division's weight against the city's
    population times :data:`OWN_NAME_WEIGHT` (5), when the city is matched by its own name. A capped
    division weighs its stand-in (1M), so a counted city of over 200k people wins ("Halabja": the
    town, not its governorate); an uncapped one weighs its mean share. So "Gaza" depends on
    Mozambique's share, 29.5M / 11 = 2.7M, against Gaza City's 410k x 5 = 2.05M: the province wins
    without context, and only a context (a country, a neighbour) gives the city. The limit: this
    compares a guess of the division's people with a city's, and a mid-sized city (150k x 5 = 750k)
    loses to any far province of its name, capped or not.

    >>> p = Place("p", "X", None, 0, 0, "province", "XX", None, None, "s")
    >>> prominence(p, {"XX": 5e6}, {"p": 2e6}), prominence(p, {"XX": 5e6}), prominence(p, {"XX": 5e6}, {"p": 10})
    (2000000.0, 5000000.0, 1000000)
    """
    if place.kind == "country":  # a country outweighs a division of its name elsewhere (Georgia)
        return max(place.population or 0, PROMINENCE["country"])
    if place.population:
        return place.population
    if place.kind in FIRST_LEVEL_KINDS and weights and place.country_code in weights:
        share = weights[place.country_code]
        if people is None or place.id not in people:
            return share
        return min(share, max(people[place.id] or 0.0, PROMINENCE[place.kind]))
    return PROMINENCE.get(place.kind, UNKNOWN_PROMINENCE)


@lru_cache(maxsize=100_000)
def _name_keys(name: str, whole_only: bool) -> frozenset[str]:
    if whole_only and any(t.is_generic for t in tokenize(name)):
        return frozenset()
    return frozenset({name_key(name)})


def _own_names(place: Place, whole_only: bool = False) -> frozenset[str]:
    """Keys of a place's own names (English and Arabic); with ``whole_only``, only of those with
    no generic word ("Iowa City" has none: its key would be the state's)."""
    return frozenset().union(*(_name_keys(n, whole_only) for n in (place.name, place.name_ar) if n))


def _seat(info: UnitInfo, town: Place, unit: Place) -> bool:
    if info.is_seat is not None:
        return info.is_seat(unit.id, town.id)
    return lies_inside(town, unit, info.radii)


def yielding_units(places: Iterable[Place], same_name: bool = False, info: UnitInfo | None = None,
                   whole: frozenset[str] | None = None) -> frozenset[str]:
    """Ids of the units among ``places`` that yield to a town among them, when no word asks for
    the unit:

    * a district or sub-district: to a town in its governorate (``admin1``; a seat may lie just
      across a unit's line);
    * a first-level division: to its namesake seat, a populated place of known population that
      :func:`lies_inside` it and is among its largest there (``info.is_seat``; Halabja, Suwayda,
      New York City; not a village of the name, Minneota in Minnesota), or to its country's national
      capital wherever it lies (Washington); never to a namesake elsewhere (California, Maryland).
      With ``whole`` (ids of places matched by a whole name, no generic word dropped), only to
      one among them ("Kansas City" is no town Kansas);
    * a county (or another unit): to a town of its name in its country ("Laurel").

    With ``same_name`` (places gathered by id, not by one matching alias), only a town whose
    own name is the unit's counts ("Hay Salah Al din", a quarter, is no town Salah al-Din).

    >>> town = Place("t", "Zummar", None, 36.6, 42.6, "town", "IQ", "Ninewa", None, "s", admin2="Telafar")
    >>> unit = Place("u", "Zummar", None, 36.7, 42.6, "subdistrict", "IQ", "Ninewa", None, "s", admin2="Telafar")
    >>> sorted(yielding_units([town, unit]))
    ['u']
    """
    info = info or UnitInfo()
    places = list(places)
    all_towns = [p for p in places if p.kind in TOWN_KINDS]
    out = set()
    for u in places:
        if u.kind not in UNIT_KINDS:
            continue
        towns = all_towns
        if same_name:
            names = {name_key(n) for n in (u.name, u.name_ar) if n}
            # a division or county yields to a town of its name as a whole: "Iowa City" is no town Iowa
            whole_only = u.kind in FIRST_LEVEL_KINDS or u.kind == "county"
            towns = [t for t in all_towns if _own_names(t, whole_only) & names]
        if u.kind in SEAT_UNIT_KINDS and u.admin1:
            if any(t.country_code == u.country_code and t.admin1 == u.admin1 for t in towns):
                out.add(u.id)
        elif u.kind in FIRST_LEVEL_KINDS:
            if any((whole is None or t.id in whole)
                   and (t.id in info.capitals and t.country_code == u.country_code
                        or (t.population or 0) > 0 and _seat(info, t, u)) for t in towns):
                out.add(u.id)
        elif any(t.country_code == u.country_code for t in towns):
            out.add(u.id)
    return frozenset(out)


def sort_key(place: Place, stripped: int, hint: str | None, query_generic: bool,
              country: str | None, near: tuple[float, float] | None, focus: tuple[str, ...] = (),
              as_written: bool = False, yielding: frozenset[str] = frozenset(),
              weights: Mapping[str, float] | None = None, own: bool = False,
              people: Mapping[str, float] | None = None) -> tuple:
    fam = KIND_FAMILIES.get(hint or "", set())
    if hint:
        same = (place.kind == hint or (hint == "place" and place.kind in TOWN_KINDS)
                or (hint == "place" and place.kind in SEAT_UNIT_KINDS and place.id not in yielding))
        hint_score = (3 if same else 2 if place.kind in fam
                      else 1 if place.kind in NEIGHBOUR_KINDS.get(hint, set()) else 0)
    else:  # no kind asked for: a unit yields to a town of its name inside it
        hint_score = 0 if place.id in yielding else 1
    exact_form = 0 if stripped == store.DERIVED else 1 if (query_generic or stripped != 1) else 0
    cc = 1 if country and (place.country_code or "").upper() == country.upper() else 0
    if near is not None:
        d = haversine_km(near[0], near[1], place.lat, place.lon)
        near_score = -math.floor(math.log2(1 + d / 10.0))
    else:
        near_score = 0
    weight = prominence(place, weights, people)
    if focus and place.country_code in focus:
        weight *= FOCUS_WEIGHT
    if as_written:
        weight *= AS_WRITTEN_WEIGHT
    if own and place.population:  # a counted population compares by names; an uncounted weight does not
        weight *= OWN_NAME_WEIGHT
    # a country the caller names comes first (resolve() has already dropped places elsewhere;
    # rank() of ids keeps them, after)
    return (cc, hint_score, exact_form, near_score, weight)

@lru_cache(maxsize=200_000)
def _written(name: str) -> str:
    """A name as written, for the closeness tie-break: its generic words and accents
    dropped, its marks (‘ ’ -) kept, case-folded."""
    toks = tokenize(name)
    for t in sorted((t for t in toks if t.is_generic), key=lambda t: -t.start):
        if len(toks) > 1:
            name = name[:t.start] + name[t.end:]
    w = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in w if not unicodedata.combining(ch)).casefold().split())


def rank_rows(rows: list[tuple[Place, str, int, str]], scores: dict[str, float], hint: str | None,
          query_generic: bool, country: str | None, near: tuple[float, float] | None,
          focus: tuple[str, ...] = (), surface: str | None = None, codes_first: bool = False,
          query: str | None = None, info: UnitInfo | None = None) -> list[Match]:
    """Rank the rows of one query (``country`` has already restricted them), best first."""
    if len(rows) == 1:  # one row, one answer: most exact lookups; nothing to weigh
        place, alias, _, key = rows[0]
        return [Match(place, scores.get(key, 0.0), alias)]
    info = info or UnitInfo()
    weights = info.weights
    # units with a town of this very name near them (a source's own spelling, not a cleaned one)
    whole = frozenset(r[0].id for r in rows if r[2] == 0)
    yielding = yielding_units([r[0] for r in rows if r[0].kind in UNIT_KINDS or r[2] in (0, 1)],
                              info=info, whole=whole)
    written = _written(query) if query else None
    best: dict[str, tuple[tuple, Match]] = {}
    for place, alias, stripped, key in rows:
        score = scores.get(key, 0.0)
        as_written = surface is not None and surface_key(alias) == surface
        own = key in _own_names(place)
        code = stripped == store.CODE_ONLY
        # the user's own names first; then, for a name asking for a code, codes before names
        mine = 2 if place.layer == "user" and not code else int(code == codes_first)
        sk = (round(score), mine,
              *sort_key(place, stripped, hint, query_generic, country, near, focus, as_written, yielding, weights,
                        own, info.people),
              fuzz.ratio(written, _written(alias)) if written else 0.0)
        if place.id not in best or sk > best[place.id][0]:
            best[place.id] = (sk, Match(place, score, alias))
    return [m for _, m in sorted(best.values(), key=lambda t: t[0], reverse=True)]
