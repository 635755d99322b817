"""Named areas that stand as the official unit containing them: ``gazetteer/data/areas/areas.csv``.

Border areas where strikes fall (Haftanin, Metina, Zap, Avashin-Basyan) have no
sourced point of their own: what a citable text does say is which district holds
them. Each row names that COD-AB unit by p-code and cites the text; the area becomes
a place of kind ``region`` at the unit's point (its polygon's centroid, as
:func:`gazetteer.sources.cod_ab.iter_units` gives it). Its precision is the unit's,
never a spot: the ``source`` says so.

Columns: id, name, name_ar, aliases_en, aliases_ar (``|``-separated), pcode, source.

Example
-------
>>> next(r for r in iter_areas() if r["name"] == "Metina")["kind"]   # doctest: +SKIP
'region'
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "areas" / "areas.csv"
COLUMNS = ["id", "name", "name_ar", "aliases_en", "aliases_ar", "pcode", "source"]


def source_version() -> str:
    return f"areas {hashlib.sha256(PATH.read_bytes()).hexdigest()[:16]}"


def _split(s: str | None) -> list[str]:
    return [a.strip() for a in (s or "").split("|") if a.strip()]


def iter_areas(path: Path = PATH) -> Iterator[dict]:
    """One ``region`` record per row, at the point of the COD-AB unit it names; a
    ``ValueError`` names the line of an unknown p-code or a row without a source."""
    from gazetteer.sources import cod_ab

    units = {u["pcode"]: u for u in cod_ab.iter_units()}
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            pcode, source = (row.get("pcode") or "").strip(), (row.get("source") or "").strip()
            unit = units.get(pcode)
            if unit is None or not source or not (row.get("name") or "").strip():
                raise ValueError(f"{Path(path).name} line {i}: unknown p-code {pcode!r} or no name/source")
            name, name_ar = row["name"].strip(), (row.get("name_ar") or "").strip() or None
            yield {
                "id": f"cur:{row['id'].strip()}", "name": name, "name_ar": name_ar,
                "lat": unit["lat"], "lon": unit["lon"], "kind": "region", "country_code": "IQ",
                "admin1": unit["admin1"], "population": None,
                "source": (f"{source}; stands as the {unit['kind']} {unit['name']} that holds it (p-code {pcode},"
                           f" {cod_ab.CREDIT}), at that unit's point: the area, not a spot in it"),
                "aliases": [name, *([name_ar] if name_ar else []), *_split(row.get("aliases_en")),
                            *_split(row.get("aliases_ar"))],
            }
