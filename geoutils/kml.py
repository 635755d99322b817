"""KML for Google Earth: write incidents as placemarks, read them back.

Written by hand (xml-escaped, via ``xml.etree``) rather than with GDAL's KML
drivers, whose presence and attribute handling vary between pyogrio wheels.
Every column goes into ``ExtendedData`` so a KML file round-trips; the
``event_date`` also becomes a ``TimeStamp`` for Google Earth's time slider.
Google Earth renders ``<description>`` as HTML, so its text is HTML-escaped
before it is XML-escaped ("<img>" arrives as ``&amp;lt;img&amp;gt;`` and shows
as text). Characters XML 1.0 cannot carry (``\x01`` and other control
characters) are replaced by U+FFFD, so the file always parses.

Example
-------
>>> from geoutils.schema import coerce
>>> import pandas as pd
>>> g = coerce(pd.DataFrame({"event_id": ["a&b"], "latitude": [33.7856], "longitude": [42.4412]}))
>>> "a&amp;b" in to_kml_string(g)
True
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

NS = "http://www.opengis.net/kml/2.2"
_SKIP = {"geometry"}


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD.

    Example
    -------
    >>> xml_safe("hit\x01.")
    'hit\ufffd.'
    """
    return _XML_INVALID.sub("\ufffd", text)


def _text(v: object) -> str | None:
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, float) and v.is_integer() is False:
        return repr(v)
    return xml_safe(str(v))


def to_kml_string(gdf: pd.DataFrame, name: str = "incidents") -> str:
    """Serialise incidents (points, EPSG:4326) to a KML document string.

    Example
    -------
    >>> to_kml_string(pd.DataFrame({"latitude": [], "longitude": []})).startswith("<?xml")
    True
    """
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}kml")
    doc = ET.SubElement(root, f"{{{NS}}}Document")
    ET.SubElement(doc, f"{{{NS}}}name").text = name
    cols = [c for c in gdf.columns if c not in _SKIP]
    schema = ET.SubElement(doc, f"{{{NS}}}Schema", name="incident", id="incident")
    for c in cols:  # declares every column, so all-empty ones survive a round trip
        ET.SubElement(schema, f"{{{NS}}}SimpleField", name=str(c), type="string")
    values = {c: gdf[c].astype("object").to_numpy() for c in cols}
    lat = pd.to_numeric(gdf["latitude"], errors="coerce").to_numpy() if "latitude" in gdf else None
    lon = pd.to_numeric(gdf["longitude"], errors="coerce").to_numpy() if "longitude" in gdf else None
    for i in range(len(gdf)):
        pm = ET.SubElement(doc, f"{{{NS}}}Placemark")
        row = {c: _text(values[c][i]) for c in cols}
        title = row.get("location") or row.get("event_id") or f"incident {i}"
        ET.SubElement(pm, f"{{{NS}}}name").text = title
        desc = " · ".join(x for x in (row.get("event_date"), row.get("event_type"), row.get("notes")) if x)
        if desc:
            ET.SubElement(pm, f"{{{NS}}}description").text = html.escape(desc, quote=False)
        if row.get("event_date"):
            ts = ET.SubElement(pm, f"{{{NS}}}TimeStamp")
            ET.SubElement(ts, f"{{{NS}}}when").text = row["event_date"]
        ext = ET.SubElement(pm, f"{{{NS}}}ExtendedData")
        for c in cols:
            if row[c] is not None:
                d = ET.SubElement(ext, f"{{{NS}}}Data", name=str(c))
                ET.SubElement(d, f"{{{NS}}}value").text = row[c]
        if lat is not None and lon is not None and np.isfinite(lat[i]) and np.isfinite(lon[i]):
            pt = ET.SubElement(pm, f"{{{NS}}}Point")
            ET.SubElement(pt, f"{{{NS}}}coordinates").text = f"{float(lon[i])!r},{float(lat[i])!r}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_kml(path: str) -> pd.DataFrame:
    """Read the placemarks of a KML file into a DataFrame of strings (one row per Placemark).

    Columns come from ``ExtendedData`` (``Data`` and ``SimpleData``); when a
    placemark has no latitude/longitude data its ``Point`` coordinates are
    used; its ``name`` fills ``location`` and ``TimeStamp`` fills
    ``event_date`` when those are absent. Raises ``ValueError`` naming the
    path for unparseable XML.

    Example
    -------
    >>> read_kml("missing.kml")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: cannot read missing.kml
    """
    try:
        tree = ET.parse(path)
    except (ET.ParseError, OSError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    rows = []
    declared = [el.get("name", "") for el in tree.getroot().iter() if _local(el.tag) == "SimpleField"]
    for pm in tree.getroot().iter():
        if _local(pm.tag) != "Placemark":
            continue
        row: dict[str, str | None] = {}
        name = when = coords = None
        for el in pm.iter():
            tag = _local(el.tag)
            if tag == "Data":
                val = next((c.text for c in el if _local(c.tag) == "value"), None)
                row[el.get("name", "")] = val
            elif tag == "SimpleData":
                row[el.get("name", "")] = el.text
            elif tag == "name" and name is None:
                name = (el.text or "").strip() or None
            elif tag == "when" and when is None:
                when = (el.text or "").strip() or None
            elif tag == "coordinates" and coords is None:
                coords = (el.text or "").strip()
        if coords and (row.get("latitude") is None or row.get("longitude") is None):
            parts = coords.split()[0].split(",")
            if len(parts) >= 2:
                row["longitude"], row["latitude"] = parts[0], parts[1]
        if name and "location" not in row and "location" not in declared:  # a foreign KML
            row["location"] = name
        if when and "event_date" not in row and "event_date" not in declared:
            row["event_date"] = when[:10]
        rows.append(row)
    df = pd.DataFrame(rows, dtype="object")
    for c in declared:
        if c and c not in df.columns:
            df[c] = None
    return df
