"""Build an interactive incident map (a :class:`folium.Map`) that scales and is deterministic.

The map holds one :class:`IncidentLayer`: the incidents as columnar JSON in a
``<script type="application/json">`` block, drawn in the browser by
``geoutils/data/incident_map.js`` (supercluster clustering, popups built with
``textContent``, legend, layer control, time slider).  Element ids derive from
a hash of the data and options, so the same input gives byte-identical HTML.

Example
-------
>>> import pandas as pd
>>> from geoutils.schema import coerce
>>> gdf = coerce(pd.DataFrame({"latitude": [35.5125], "longitude": [44.2842],
...                            "event_type": ["Battles"], "notes": ["اشتباك"]}))
>>> m = incident_map(gdf)
>>> m.get_name() == incident_map(gdf).get_name()
True
"""
from __future__ import annotations

import base64
import gzip
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import folium
import geopandas as gpd
import numpy as np
from branca.element import Element, MacroElement

from geoutils.assets import ASSETS, asset_url
from geoutils.maps import overlays
from geoutils.maps._payload import dumps, encode_incidents

TILES = {"name": "OpenStreetMap", "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
         "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'}

LABELS = {
    "date": "Date", "type": "Type", "place": "Place", "actor": "Actor", "fatalities": "Fatalities",
    "injuries": "Injuries", "source": "Source", "id": "Event ID", "shapes": "Event type",
    "time": "Event date", "allDates": "All dates", "upTo": "Up to", "dayOnly": "this day only",
    "incidents": "incidents", "heatmap": "Heatmap", "sites": "Sites", "rings": "Range rings",
    "perArea": "Incidents per area", "outlines": "Country outlines (offline)",
    "dropped": "{n} incident(s) without coordinates not shown", "here": "{n} incidents here",
}


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    text = resources.files("geoutils").joinpath("data", name).read_text(encoding="utf-8")
    return text.replace("</", "<\\/") if name.endswith(".js") else text


class IncidentLayer(MacroElement):
    """The incidents, context layers and controls of an incident map.

    Parameters
    ----------
    payload
        Columnar data from :func:`geoutils.maps._payload.encode_incidents`
        plus ``sites``, ``rings``, ``choropleth`` and ``basemap``.
    options
        ``cluster``, ``heatmap``, ``timeline`` flags.  ``offline`` is set by
        :func:`geoutils.maps.save_map` while rendering: offline pages get no
        tile layer.
    """

    def render(self, **kwargs: Any) -> None:
        """Add style+script to the page head, the data block to the body, the call to the script.

        The parts are plain strings (:class:`_Raw`), never Jinja templates: branca
        would otherwise compile each part as a template, so ``{{ ... }}`` in the
        data would be evaluated in Python, and a 10 MB block costs seconds to lex.
        """
        figure = self.get_root()
        name = self.get_name()
        enc = f' data-encoding="{self.encoding}"' if self.encoding else ""
        figure.header.add_child(_Raw(f"<style>{self.css}</style>\n<script>{self.js}</script>"), name=name)
        figure.html.add_child(
            _Raw(f'<script type="application/json" id="{name}_data"{enc}>{self.data_text}</script>'), name=name)
        figure.script.add_child(
            _Raw(f'GeoutilsIncidentMap({self._parent.get_name()}, '
                 f'document.getElementById("{name}_data"), {self.options_json()});'), name=name)

    def __init__(self, payload: dict[str, Any], options: dict[str, Any]):
        super().__init__()
        self._name = "IncidentLayer"
        self.data_json = dumps(payload)
        self.encoding, self.data_text = _pack(self.data_json)
        self.options = options
        self.offline = False
        self.css = _static("incident_map.css")
        self.js = _static("incident_map.js")

    def options_json(self) -> str:
        opts = dict(self.options, id=self.get_name(), labels=LABELS,
                    tiles=None if self.offline else TILES)
        return dumps(opts)

    def digest(self) -> str:
        """Hash of data and options: the seed of every element id in the map."""
        h = hashlib.sha256(self.data_json.encode("utf-8"))
        h.update(dumps(self.options).encode("utf-8"))
        return h.hexdigest()[:20]


#: Payloads larger than this are gzipped and base64-encoded (the browser inflates
#: them with DecompressionStream); smaller ones stay readable JSON.
COMPRESS_ABOVE = 1_000_000


def _pack(data_json: str) -> tuple[str | None, str]:
    """(encoding, text) of the data block: plain JSON, or gzip+base64 when large.

    gzip runs with ``mtime=0`` so the bytes depend on the data only.
    """
    raw = data_json.encode("utf-8")
    if len(raw) <= COMPRESS_ABOVE:
        return None, data_json
    return "gzip+base64", base64.b64encode(gzip.compress(raw, compresslevel=1, mtime=0)).decode("ascii")


class _Raw(Element):
    """A fixed piece of HTML/JS, inserted as is (no template)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def assign_ids(root: Element, seed: str) -> None:
    """Give every element under ``root`` a deterministic id: ``seed`` + position in the tree.

    folium draws ids from ``os.urandom``; this replaces them so the rendered HTML
    depends only on content.
    """
    counter = 0

    def walk(el: Element) -> None:
        nonlocal counter
        el._id = f"{seed}{counter:04d}"
        counter += 1
        for child in list(el._children.values()):
            walk(child)

    walk(root)


def find_layer(m: folium.Map) -> IncidentLayer:
    """The :class:`IncidentLayer` of a map made by :func:`incident_map`."""
    for child in m._children.values():
        if isinstance(child, IncidentLayer):
            return child
    raise ValueError("this folium.Map was not made by geoutils.maps.incident_map (no incident layer)")


def _radii(rings_km: float | Iterable[float] | None) -> list[float]:
    if rings_km is None:
        return []
    if isinstance(rings_km, (int, float, np.number)):
        return [float(rings_km)]
    return [float(r) for r in rings_km]


def incident_map(
    gdf: gpd.GeoDataFrame,
    *,
    color_by: str = "sub_event_type",
    cluster: bool = True,
    heatmap: bool = False,
    timeline: bool = True,
    sites: gpd.GeoDataFrame | str | None = None,
    rings_km: float | Iterable[float] | None = None,
    boundaries: gpd.GeoDataFrame | str | None = None,
) -> folium.Map:
    """Interactive map of incidents: coloured, shaped markers, popups, legend, filters.

    Parameters
    ----------
    gdf
        Incident table (EPSG:4326 GeoDataFrame, :mod:`geoutils.schema` columns).
        Rows without coordinates are counted in the legend, never drawn.
    color_by
        Column whose values colour the markers (default ``sub_event_type``);
        marker shape follows ``event_type``.
    cluster
        Cluster markers client-side (supercluster); without it every incident is
        a canvas circle.
    heatmap
        Add a heatmap layer (leaflet.heat).
    timeline
        Add a slider over the distinct ``event_date`` values.
    sites
        Points of interest (e.g. the gazetteer's bases) with a ``name`` column,
        as a GeoDataFrame or a file path.
    rings_km
        Radius or radii in km of geodesic range rings around each site.
    boundaries
        Polygons (GeoDataFrame or file) for a choropleth of incident counts.

    Returns
    -------
    folium.Map
        Save with :func:`geoutils.maps.save_map` (offline-capable) or ``m.save``.

    Example
    -------
    >>> import pandas as pd
    >>> from geoutils.schema import coerce
    >>> gdf = coerce(pd.DataFrame({"latitude": [33.7856], "longitude": [42.4412]}))
    >>> type(incident_map(gdf, heatmap=True)).__name__
    'Map'
    """
    payload = encode_incidents(gdf, color_by)
    radii = _radii(rings_km)
    if radii and sites is None:
        raise ValueError(f"rings_km={rings_km!r} needs sites to draw rings around")
    payload["sites"] = overlays.site_records(sites) if sites is not None else []
    payload["rings"] = overlays.range_rings(payload["sites"], radii) if radii else []
    if boundaries is not None:
        lat = np.asarray(payload["lat"], dtype="float64") / 1e5
        lon = np.asarray(payload["lon"], dtype="float64") / 1e5
        payload["choropleth"] = overlays.choropleth(boundaries, lat, lon)
    payload["basemap"] = overlays.country_outlines()
    payload["admin"] = overlays.admin_outlines()
    options = {"cluster": bool(cluster), "heatmap": bool(heatmap), "timeline": bool(timeline),
               "fallbackBounds": _fallback_bounds(payload)}

    m = folium.Map(location=_center(payload), zoom_start=6, tiles=None, prefer_canvas=False,
                   control_scale=True)
    m.default_js = [("leaflet", asset_url(ASSETS["leaflet.js"])),
                    ("supercluster", asset_url(ASSETS["supercluster.js"]))]
    if heatmap:
        m.default_js.append(("leaflet_heat", asset_url(ASSETS["leaflet-heat.js"])))
    m.default_css = [("leaflet_css", asset_url(ASSETS["leaflet.css"]))]
    layer = IncidentLayer(payload, options)
    m.add_child(layer)
    assign_ids(m.get_root(), layer.digest())
    return m


def _fallback_bounds(payload: dict[str, Any]) -> list[list[float]] | None:
    pts = [(s["lat"], s["lon"]) for s in payload["sites"]]
    for ring in payload["rings"]:
        pts.extend(tuple(p) for p in ring["ring"])
    if payload.get("choropleth"):
        pts.extend(payload["choropleth"]["latlon_bounds"])
    if not pts:
        return None
    lats, lons = zip(*pts)
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _center(payload: dict[str, Any]) -> list[float]:
    b = payload.get("bounds") or _fallback_bounds(payload)
    if not b:
        return [20.0, 20.0]
    return [round((b[0][0] + b[1][0]) / 2, 5), round((b[0][1] + b[1][1]) / 2, 5)]
