"""The curated table in ``gazetteer/data/*.csv``: incident-relevant places GeoNames lacks.

Columns: id, name, name_ar, aliases_en, aliases_ar (``|``-separated), kind,
country_code, admin1, lat, lon, population, source. Every row must say where
its coordinate comes from.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COLUMNS = ["id", "name", "name_ar", "aliases_en", "aliases_ar", "kind", "country_code", "admin1", "lat", "lon", "population", "source"]


def csv_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.csv"))


def source_version() -> str:
    h = hashlib.sha256()
    for p in csv_files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return f"curated {h.hexdigest()[:16]}"


def parse_row(row: dict, where: str) -> dict:
    """Check and convert one curated row; ``ValueError`` names the file, line and field."""
    missing = [c for c in ("id", "name", "kind", "lat", "lon", "source") if not (row.get(c) or "").strip()]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise ValueError(f"{where}: bad coordinate {row['lat']!r}, {row['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{where}: coordinate out of range {lat}, {lon}")
    split = lambda s: [a.strip() for a in (s or "").split("|") if a.strip()]  # noqa: E731
    pop = (row.get("population") or "").strip()
    name_ar = (row.get("name_ar") or "").strip() or None
    return {
        "id": f"cur:{row['id'].strip()}",
        "name": row["name"].strip(),
        "name_ar": name_ar,
        "lat": lat,
        "lon": lon,
        "kind": row["kind"].strip(),
        "country_code": (row.get("country_code") or "").strip() or None,
        "admin1": (row.get("admin1") or "").strip() or None,
        "population": int(float(pop)) if pop else None,
        "source": row["source"].strip(),
        "aliases": [row["name"].strip(), *([name_ar] if name_ar else []), *split(row.get("aliases_en")), *split(row.get("aliases_ar"))],
    }


def iter_curated() -> Iterator[dict]:
    """Yield the curated rows of every CSV in the data folder."""
    for path in csv_files():
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                yield parse_row(row, f"{path.name} line {i}")
