"""Write incident maps as standalone HTML (online or fully offline) and as PNG.

Example
-------
>>> import pandas as pd
>>> from geoutils.schema import coerce
>>> from geoutils.maps import incident_map
>>> m = incident_map(coerce(pd.DataFrame({"latitude": [35.5], "longitude": [44.3]})))
>>> html = render_html(m)
>>> html.startswith("<!DOCTYPE html>")
True
"""
from __future__ import annotations

import os
import re
import tempfile
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import folium

from geoutils import assets
from geoutils.maps.core import assign_ids, find_layer

_TAG = re.compile(r'<script src="([^"]+)"></script>|<link rel="stylesheet" href="([^"]+)"/>')
_EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//[^"'\s>]+""", re.I)


def _inline(html: str) -> str:
    by_url = {assets.asset_url(a): name for name, a in assets.ASSETS.items()}

    def repl(m: re.Match[str]) -> str:
        url = m.group(1) or m.group(2)
        name = by_url.get(url)
        if name is None:
            raise ValueError(f"offline map needs {url!r}, which is not a known geoutils asset")
        body = assets.inline_text(name)
        return f"<script>{body}</script>" if m.group(1) else f"<style>{body}</style>"

    out = _TAG.sub(lambda m: repl(m), html)
    left = _EXTERNAL.search(out)
    if left:
        raise ValueError(f"offline map still refers to the network: {left.group(0)[:120]!r}")
    return out


def render_html(m: folium.Map, *, offline: bool = False) -> str:
    """The map's standalone HTML; rendering leaves the map unchanged, so it can repeat.

    With ``offline=True`` every script and stylesheet is inlined from the asset
    cache (see :mod:`geoutils.assets`) and the tile layer is left out.
    """
    layer = find_layer(m)
    fig = m.get_root()
    assign_ids(fig, layer.digest())
    saved = {k: OrderedDict(getattr(fig, k)._children) for k in ("header", "html", "script")}
    layer.offline = offline
    try:
        html = fig.render()
    finally:
        layer.offline = False
        for k, children in saved.items():
            getattr(fig, k)._children = children
    return _inline(html) if offline else html


def save_map(m: folium.Map, path: str | os.PathLike[str], *, offline: bool = False) -> Path:
    """Write the map as one HTML file.

    Parameters
    ----------
    m
        A map from :func:`geoutils.maps.incident_map`.
    path
        Output ``.html`` path; parent folders are created.
    offline
        Inline every JS/CSS asset (images as data URIs) and draw the vector
        basemap instead of tiles, so the file opens with no network.  Needs the
        asset cache: ``python -m geoutils assets fetch``.

    Returns
    -------
    Path
        The written file.

    Example
    -------
    >>> save_map(m, "out/map.html", offline=True)  # doctest: +SKIP
    PosixPath('out/map.html')
    """
    html = render_html(m, offline=offline)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return out


def save_png(m: folium.Map, path: str | os.PathLike[str], *, width: int = 1280, height: int = 800,
             timeout_s: float = 60.0) -> Path:
    """Render the map in headless Chromium and save a PNG screenshot.

    Uses the offline HTML (no network needed) when the asset cache is complete,
    else the online HTML.  Needs Debian's ``chromium`` and Playwright.

    Example
    -------
    >>> save_png(m, "out/map.png")  # doctest: +SKIP
    PosixPath('out/map.png')
    """
    offline = assets.is_complete()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geoutils-png-") as tmp:
        page_file = save_map(m, Path(tmp) / "map.html", offline=offline)
        # Playwright's sync API refuses to run where an asyncio loop runs (Jupyter,
        # or another Playwright session): drive the browser from a worker thread.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(_screenshot, page_file, out, width, height, offline, timeout_s).result()
    return out


def _screenshot(page_file: Path, out: Path, width: int, height: int, offline: bool, timeout_s: float) -> None:
    from geoutils.maps.browser import block_network, chromium

    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": height})
        if offline:
            block_network(page)
        page.goto(page_file.as_uri(), wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function("window.__geoutils_ready === true", timeout=timeout_s * 1000)
        page.wait_for_timeout(300)  # let tiles/canvas settle
        page.screenshot(path=str(out), full_page=False)
