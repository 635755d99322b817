"""Airfields (airports and air bases) from the ``airportsdata`` package."""
from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version


def source_version() -> str:
    return f"airportsdata {version('airportsdata')}"


def iter_airports(skip_icao: set[str] = frozenset()) -> Iterator[dict]:
    """Yield one record per airfield, keyed ``icao:XXXX``; ``skip_icao`` are left out
    (curated rows that already describe them)."""
    import airportsdata

    for icao, a in airportsdata.load("ICAO").items():
        if icao.upper() in skip_icao:
            continue
        name = a["name"]
        military = any(w in name.lower() for w in ("air base", "airbase", "air force", "military", "army"))
        codes = [icao] + ([a["iata"]] if a.get("iata") else [])
        yield {
            "id": f"icao:{icao}",
            "name": name,
            "name_ar": None,
            "lat": float(a["lat"]),
            "lon": float(a["lon"]),
            "kind": "base" if military else "airport",
            "country_code": a.get("country") or None,
            "admin1": a.get("subd") or None,
            "population": None,
            "source": f"airportsdata ICAO {icao}",
            "aliases": [name],
            "codes": codes,  # match only as a code: "BGW", "ORBI", "airport code ZAP"
        }
