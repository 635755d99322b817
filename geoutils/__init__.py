"""geoutils: conflict-news incidents as ACLED-style GeoDataFrames, maps and analysis.

Names are re-exported lazily so ``import geoutils`` stays fast; each lives in
one module (``extract``, ``maps``, ``spatial``, ``io``, ``schema``).

Example
-------
>>> from geoutils import extract_incidents            # doctest: +SKIP
>>> gdf = extract_incidents(text, published="2020-02-14")  # doctest: +SKIP
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    # geoparsing and extraction
    "geoparse": "geoutils.geoparse",
    "parse_mentions": "geoutils.geoparse",
    "extract_incidents": "geoutils.extract",
    # corpus scale
    "extract_corpus": "geoutils.corpus",
    "dedupe_incidents": "geoutils.corpus",
    # maps
    "incident_map": "geoutils.maps",
    "save_map": "geoutils.maps",
    "save_png": "geoutils.maps",
    # spatial helpers
    "distance_km": "geoutils.spatial",
    "bearing": "geoutils.spatial",
    "buffer_km": "geoutils.spatial",
    "within_km": "geoutils.spatial",
    "nearest": "geoutils.spatial",
    "assign_admin": "geoutils.spatial",
    "parse_coordinates": "geoutils.spatial",
    "format_coordinates": "geoutils.spatial",
    "temporal_counts": "geoutils.spatial",
    # I/O
    "read_incidents": "geoutils.io",
    "write_incidents": "geoutils.io",
    "read_acled": "geoutils.io",
    "to_acled": "geoutils.io",
    # schema
    "validate": "geoutils.schema",
    "coerce": "geoutils.schema",
    "empty_incidents": "geoutils.schema",
    "COLUMNS": "geoutils.schema",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'geoutils' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
