"""Headless Chromium (Debian's ``chromium``) driven by Playwright for Python.

Used by :func:`geoutils.maps.save_png`, the browser tests and the benchmark.
Playwright's own browser download is not used: the system Chromium is.

Example
-------
>>> from geoutils.maps.browser import browser_missing
>>> browser_missing() is None or "install" in browser_missing()
True
"""
from __future__ import annotations

import contextlib
import os
import shutil
from typing import Any, Iterator

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = "install it with `bash tools/install_browser.sh` (apt-get install chromium fonts-noto-core)"


def chromium_path() -> str | None:
    """Path of the Chromium binary: ``$GEOUTILS_CHROMIUM``, /usr/bin/chromium, or on PATH."""
    for cand in (os.environ.get("GEOUTILS_CHROMIUM"), CHROMIUM, shutil.which("chromium")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def browser_missing() -> str | None:
    """None when a browser can be driven, else a one-line reason with the fix."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright)"
    if chromium_path() is None:
        return f"Chromium not found at {CHROMIUM}; {INSTALL_HINT}"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Yield a launched Playwright ``Browser`` (system Chromium, headless).

    Example
    -------
    >>> with chromium() as browser:  # doctest: +SKIP
    ...     page = browser.new_page()
    """
    reason = browser_missing()
    if reason:
        raise OSError(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def block_network(page: Any) -> list[str]:
    """Abort every request that is not ``file:``, ``data:`` or ``blob:``; return the blocked URLs."""
    blocked: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)
    return blocked
