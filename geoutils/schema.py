"""The incident table: one list of columns and dtypes, shared by every module.

Incidents are an EPSG:4326 GeoDataFrame whose column names follow ACLED, so
rows can be concatenated with an ACLED export (see :mod:`geoutils.acled`).
This module is the public face of four small ones, whose names it re-exports:

* :mod:`geoutils.columns`: ``COLUMNS``, ``DTYPES``, ``REQUIRED``, ACLED codes;
* :mod:`geoutils.dates_io`: :func:`parse_dates` (every ACLED date style);
* :mod:`geoutils.coercion`: :func:`coerce`, :func:`empty_incidents`;
* :mod:`geoutils.validation`: :func:`validate` (problems with row numbers) and
  :func:`load_valid`, which every reader uses to keep good rows and report bad ones.

Example
-------
>>> from geoutils.schema import empty_incidents, COLUMNS
>>> empty_incidents().columns.tolist()[:3]
['event_id', 'event_date', 'time_precision']
"""
from __future__ import annotations

from geoutils.coercion import coerce, empty_incidents
from geoutils.columns import (COLUMNS, CRS, DTYPES, EVENT_TYPES, GEO_PRECISION, REQUIRED,
                              TIME_PRECISION)
from geoutils.dates_io import parse_date_cell, parse_dates, parse_dates_detail
from geoutils.validation import (InvalidIncidentsError, ValidationIssue, ValidationReport,
                               ValidationWarning, load_valid, validate)

__all__ = ["COLUMNS", "CRS", "DTYPES", "EVENT_TYPES", "GEO_PRECISION", "REQUIRED", "TIME_PRECISION",
           "coerce", "empty_incidents", "parse_date_cell", "parse_dates", "parse_dates_detail",
           "InvalidIncidentsError", "ValidationIssue", "ValidationReport", "ValidationWarning",
           "load_valid", "validate"]
