"""IOM DTM Iraq locations: 6,695 villages, towns, neighbourhoods and mahallas.

Vendored in ``gazetteer/data/dtm/`` (credit "IOM Iraq, Displacement Tracking
Matrix", see ATTRIBUTION.md there). DTM spells names with mahalla numbers
("Al Yarmouk-608", "حي العسكري-محله 107") and hierarchies ("البصرة-الزبير-الدرهمية 3");
:func:`clean_aliases` turns each into the spellings a report would use.
``admin1``/``admin2`` come from the COD-AB polygon that contains the point. A point
that lies outside Iraq but inside it with latitude and longitude swapped (a few rows
of the list are written so) is read swapped, and its ``source`` says so.

Example
-------
>>> clean_aliases("Al Yarmouk-608")
['Al Yarmouk-608', 'Al Yarmouk']
>>> clean_aliases("البصرة-الزبير-الدرهمية 3")
['البصرة-الزبير-الدرهمية 3', 'الدرهمية 3', 'الزبير الدرهمية 3']
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "dtm" / "iom_dtm_iraq_locations.csv.gz"
CREDIT = "IOM Iraq, Displacement Tracking Matrix"

# a mahalla (block) number: "-608", "Mahalla 213", "محله 107", "منطقة 9000"
_MAHALLA = re.compile(r"(?:\s*-\s*|\s+)(?:(?:mahalla|mahala|mahallah|محله|محلة|منطقة|منطقه)\s*)?\d{3,}\s*$", re.I)
_MAHALLA_WORD = re.compile(r"(?:\s*-\s*|\s+)(?:mahalla|mahala|mahallah|محله|محلة)\s*\d+\s*$", re.I)
# "neighbourhood of", "village of" written before the name
_LEAD = re.compile(r"^(?:hay|hai|hayy|qaryat|qarya|حي|قرية|قريه)\s+(?=\S{2})", re.I)
_CAMP = re.compile(r"\bcamp\b|مخيم", re.I)
_ARTICLE = re.compile(r"^(?:al|el)$", re.I)


def source_version() -> str:
    return f"iom-dtm {hashlib.sha256(PATH.read_bytes()).hexdigest()[:16]}"


def _parts(name: str) -> list[str]:
    """Split a hierarchical name on its hyphens, keeping article hyphens (Al-Door) inside words."""
    raw = [p.strip() for p in name.split("-")]
    parts: list[str] = []
    for p in raw:
        if parts and (_ARTICLE.match(parts[-1].split(" ")[-1]) or not p):
            parts[-1] = f"{parts[-1]}-{p}"
        elif p:
            parts.append(p)
    return parts


def split_aliases(name: str) -> tuple[list[str], list[str]]:
    """(names as written, derived names): the mahalla-number and "Hay"-less forms are derived.

    >>> split_aliases("Hay Al-Askary-111")
    (['Hay Al-Askary-111'], ['Hay Al-Askary', 'Al-Askary-111', 'Al-Askary'])
    """
    all_ = clean_aliases(name)
    base = _MAHALLA_WORD.sub("", _MAHALLA.sub("", " ".join(name.split()))).strip(" -")
    leaves = _parts(base)
    written = [a for a in all_ if a == all_[0] or (len(leaves) > 1 and a in (leaves[-1], " ".join(leaves[-2:])))]
    return written, [a for a in all_ if a not in written]


def clean_aliases(name: str) -> list[str]:
    """The spellings of a DTM name: as written, without its mahalla number, its leaf
    (last part of a hierarchy) and the last two parts; a leading "Hay"/"حي" or
    "Qaryat"/"قرية" is also dropped."""
    name = " ".join(name.split())
    out = [name]
    base = _MAHALLA_WORD.sub("", _MAHALLA.sub("", name)).strip(" -")
    if base and base != name:
        out.append(base)
    parts = _parts(base)
    if len(parts) > 1:
        out.append(parts[-1])
        if len(parts) > 2:
            out.append(" ".join(parts[-2:]))
    for a in list(out):
        m = _LEAD.sub("", a)
        if m != a:
            out.append(m)
    keep = []
    for a in out:  # a bare number is no name
        if re.search(r"[^\W\d_]{2}", a) and a not in keep:
            keep.append(a)
    return keep


def _unswap(lats: list[float], lons: list[float], adm1: list, adm2: list) -> set[int]:
    """Swap, in place, the points outside Iraq that fall inside it read (lon, lat); their indices."""
    from gazetteer.sources import cod_ab

    out = [i for i, a in enumerate(adm1) if a is None]
    s1, s2 = cod_ab.locate([lons[i] for i in out], [lats[i] for i in out]) if out else ([], [])
    done = set()
    for i, a1, a2 in zip(out, s1, s2):
        if a1 is not None:
            lats[i], lons[i], adm1[i], adm2[i] = lons[i], lats[i], a1, a2
            done.add(i)
    return done


def iter_locations() -> Iterator[dict]:
    """One record per DTM location (kind ``place``, or ``camp`` for a displacement camp), id ``dtm:<location id>``."""
    from gazetteer.sources import cod_ab

    with gzip.open(PATH, "rt", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("latitude") and r.get("longitude")]
    lats = [float(r["latitude"]) for r in rows]
    lons = [float(r["longitude"]) for r in rows]
    adm1, adm2 = cod_ab.locate(lats, lons)
    swapped = _unswap(lats, lons, adm1, adm2)
    for i, (r, lat, lon, a1, a2) in enumerate(zip(rows, lats, lons, adm1, adm2)):
        lid = r["location_id"].split(".")[0]
        en, ar = (r.get("location_name") or "").strip(), (r.get("arabic_name") or "").strip()
        if not en and not ar:
            continue
        w_en, d_en = split_aliases(en) if en else ([], [])
        w_ar, d_ar = split_aliases(ar) if ar else ([], [])
        aliases = [*w_en, *w_ar]
        yield {
            "id": f"dtm:{lid}", "name": aliases[0] if en else ar, "name_ar": ar or None,
            "lat": round(lat, 6), "lon": round(lon, 6), "kind": "camp" if _CAMP.search(f"{en} {ar}") else "place",
            "country_code": "IQ",
            "admin1": a1, "admin2": a2, "population": None,
            "source": f"{CREDIT}, location {lid}" + ("; latitude and longitude swapped in the list, read swapped"
                                                         if i in swapped else ""),
            "aliases": aliases, "derived": [*d_en, *d_ar],
        }
