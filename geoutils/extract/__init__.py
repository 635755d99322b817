"""Incidents from Arabic and English conflict news, as ACLED-style GeoDataFrames.

Example
-------
>>> from geoutils.extract import extract_incidents
>>> gdf = extract_incidents("A rocket hit Kirkuk on Thursday.", published="2020-02-14")  # doctest: +SKIP
"""
from __future__ import annotations

from geoutils.extract.api import extract_incidents

__all__ = ["extract_incidents"]
