"""The incident table's columns, dtypes and ACLED codes: defined once, imported everywhere.

Example
-------
>>> from geoutils.columns import COLUMNS
>>> COLUMNS[:3]
['event_id', 'event_date', 'time_precision']
"""
from __future__ import annotations

CRS = "EPSG:4326"

#: column name -> pandas dtype. ``event_date`` holds ``datetime.date`` objects
#: (no time zone); the time of day, when known, is ``event_time`` ("HH:MM").
DTYPES: dict[str, str] = {
    "event_id": "string",
    "event_date": "object",
    "time_precision": "Int64",
    "event_time": "string",
    "event_type": "string",
    "sub_event_type": "string",
    "weapon": "string",
    "actor1": "string",
    "actor2": "string",
    "location": "string",
    "admin1": "string",
    "admin2": "string",
    "country": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "Int64",
    "fatalities": "Int64",
    "injuries": "Int64",
    "notes": "string",
    "source": "string",
    "place_id": "string",
    "confidence": "float64",
    "start_char": "Int64",
    "end_char": "Int64",
}

COLUMNS: list[str] = list(DTYPES) + ["geometry"]

#: Columns a table must have for :func:`validate` to pass; the others are
#: filled with missing values by :func:`coerce` when absent.
REQUIRED: list[str] = ["event_date", "latitude", "longitude"]

#: ACLED precision codes.
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
GEO_PRECISION = {1: "the place itself", 2: "near or part of", 3: "region"}

#: ACLED event types and their sub-event types.
EVENT_TYPES: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}

_INT_COLUMNS = [c for c, t in DTYPES.items() if t == "Int64"]
_FLOAT_COLUMNS = [c for c, t in DTYPES.items() if t == "float64"]
