"""Interactive incident maps: safe, deterministic, offline-capable HTML that scales.

``incident_map`` builds a :class:`folium.Map`; ``save_map`` writes standalone
HTML (``offline=True`` inlines every asset); ``save_png`` renders it in
headless Chromium.  Submodules: :mod:`~geoutils.maps.core` (the map),
:mod:`~geoutils.maps.overlays` (basemap, sites, rings, choropleth),
:mod:`~geoutils.maps.export` (HTML/PNG), :mod:`~geoutils.maps.browser`.

Example
-------
>>> from geoutils.maps import incident_map, save_map      # doctest: +SKIP
>>> save_map(incident_map(gdf), "out/map.html", offline=True)  # doctest: +SKIP
"""
from __future__ import annotations

from geoutils.maps.core import incident_map
from geoutils.maps.export import render_html, save_map, save_png

__all__ = ["incident_map", "save_map", "save_png", "render_html"]
