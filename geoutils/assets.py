"""Offline cache of the JS/CSS files that :mod:`geoutils.maps` embeds.

Maps load Leaflet, supercluster and (for heatmaps) leaflet.heat.  Online, the
HTML links them from the jsDelivr CDN; offline (``save_map(..., offline=True)``)
the files are read from a local cache and inlined, with every ``url(...)`` in
CSS turned into a ``data:`` URI, so the page needs no network at all.

The cache is filled once by ``python -m geoutils assets fetch``, either from the
npm packages of the pinned versions (``--from npm``: an ``npm ci`` tree, or
``npm pack``) or from the CDN (``--from cdn``).  Every file is checked against
a pinned SHA-256, so the same map gives the same bytes on every machine.

The cache lives in ``$GEOUTILS_ASSET_DIR`` when set, else
``$XDG_CACHE_HOME/geoutils/assets`` (``~/.cache/geoutils/assets``).

Example
-------
>>> from geoutils.assets import ASSETS, asset_url
>>> asset_url(ASSETS["leaflet.js"])
'https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js'
"""
from __future__ import annotations

import base64
import hashlib
import mimetypes
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CDN = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True)
class Asset:
    """One JS or CSS file of a pinned npm package, plus files its CSS references.

    Parameters
    ----------
    package, version, path
        npm package name, exact version and path of the file in the package.
    kind
        ``"js"`` or ``"css"``.
    sha256
        Pinned digests of ``path`` and of each file in ``extra``.
    extra
        Other files of the package that the file refers to (CSS images).
    """

    package: str
    version: str
    path: str
    kind: str
    sha256: dict[str, str] = field(default_factory=dict)
    extra: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        return (self.path, *self.extra)


_LEAFLET_IMAGES = tuple(
    f"dist/images/{n}" for n in ("layers.png", "layers-2x.png", "marker-icon.png")
)

#: Every asset a map may use, by name.  Versions match package.json.
ASSETS: dict[str, Asset] = {
    "leaflet.js": Asset(
        "leaflet", "1.9.3", "dist/leaflet.js", "js",
        {"dist/leaflet.js": "5819285cec137b229c94e1ee5ad73e8b6b84345a4367d60f75fe477fe0fb7b03"},
    ),
    "leaflet.css": Asset(
        "leaflet", "1.9.3", "dist/leaflet.css", "css",
        {
            "dist/leaflet.css": "90b693d86392a4779c861b28cf307e7e59c3fb35328c4d8b95f58f814d38c722",
            "dist/images/layers.png": "1dbbe9d028e292f36fcba8f8b3a28d5e8932754fc2215b9ac69e4cdecf5107c6",
            "dist/images/layers-2x.png": "066daca850d8ffbef007af00b06eac0015728dee279c51f3cb6c716df7c42edf",
            "dist/images/marker-icon.png": "574c3a5cca85f4114085b6841596d62f00d7c892c7b03f28cbfa301deb1dc437",
        },
        _LEAFLET_IMAGES,
    ),
    "supercluster.js": Asset(
        "supercluster", "9.1.0", "dist/supercluster.min.js", "js",
        {"dist/supercluster.min.js": "52e16b1abc1c8cdb3719c5f2fc57da44b4fd65eb0d16803c1106d0975afb72b7"},
    ),
    "leaflet-heat.js": Asset(
        "leaflet.heat", "0.2.0", "dist/leaflet-heat.js", "js",
        {"dist/leaflet-heat.js": "eb952aae5806a1102729f291bab887dde783ace859819a354827a776e73e486a"},
    ),
}


class MissingAssetError(FileNotFoundError):
    """An asset needed for an offline map is not in the cache."""


def asset_url(asset: Asset, path: str | None = None) -> str:
    """CDN URL of ``path`` (default: the asset's main file) in the asset's package."""
    return f"{CDN}/{asset.package}@{asset.version}/{path or asset.path}"


def cache_dir() -> Path:
    """Directory of the asset cache (``$GEOUTILS_ASSET_DIR`` overrides the default)."""
    env = os.environ.get("GEOUTILS_ASSET_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geoutils" / "assets"


def _cached(asset: Asset, path: str, root: Path | None = None) -> Path:
    return (root or cache_dir()) / f"{asset.package}@{asset.version}" / path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def status(root: Path | None = None) -> dict[str, str]:
    """State of every cached file: ``"ok"``, ``"missing"`` or ``"corrupt"``.

    Example
    -------
    >>> sorted(status())[0]  # doctest: +SKIP
    'leaflet.heat@0.2.0/dist/leaflet-heat.js'
    """
    out: dict[str, str] = {}
    for asset in ASSETS.values():
        for path in asset.files:
            f = _cached(asset, path, root)
            key = f"{asset.package}@{asset.version}/{path}"
            if not f.is_file():
                out[key] = "missing"
            else:
                out[key] = "ok" if _digest(f.read_bytes()) == asset.sha256[path] else "corrupt"
    return out


def is_complete(names: list[str] | None = None, root: Path | None = None) -> bool:
    """True when every file of ``names`` (default: all assets) is cached and intact."""
    try:
        for name in names or list(ASSETS):
            asset_bytes(name, root=root)
            for extra in ASSETS[name].extra:
                _read_checked(ASSETS[name], extra, root)
    except (MissingAssetError, ValueError):
        return False
    return True


def _read_checked(asset: Asset, path: str, root: Path | None = None) -> bytes:
    f = _cached(asset, path, root)
    try:
        data = f.read_bytes()
    except FileNotFoundError:
        raise MissingAssetError(
            f"offline asset {asset.package}@{asset.version}/{path} is not in the cache "
            f"{f.parent.parent}; run `python -m geoutils assets fetch` (or `--from npm`)"
        ) from None
    if _digest(data) != asset.sha256[path]:
        raise ValueError(f"cached asset {f} does not match its pinned sha256; run `geoutils assets fetch --force`")
    return data


def asset_bytes(name: str, root: Path | None = None) -> bytes:
    """Content of asset ``name`` from the cache, checked against its digest."""
    if name not in ASSETS:
        raise ValueError(f"unknown asset {name!r}; known: {', '.join(ASSETS)}")
    return _read_checked(ASSETS[name], ASSETS[name].path, root)


_SOURCE_MAP = re.compile(r"\n?/[/*][#@] sourceMappingURL=[^\n]*")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def inline_text(name: str, root: Path | None = None) -> str:
    """Asset ``name`` ready to inline: no source-map comment, CSS ``url()`` as data URIs.

    Example
    -------
    >>> "L.version" in inline_text("leaflet.js") or True  # doctest: +SKIP
    True
    """
    asset = ASSETS[name]
    text = _SOURCE_MAP.sub("", asset_bytes(name, root).decode("utf-8"))
    if asset.kind == "css":
        def to_data_uri(m: re.Match[str]) -> str:
            ref = m.group(2)
            if ref.startswith(("data:", "#")):
                return m.group(0)
            path = posixpath.normpath(posixpath.join(posixpath.dirname(asset.path), ref))
            if path not in asset.sha256:
                raise ValueError(f"{name} refers to {ref!r}, which is not a pinned file of {asset.package}")
            mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
            data = base64.b64encode(_read_checked(asset, path, root)).decode("ascii")
            return f"url(data:{mime};base64,{data})"

        text = _CSS_URL.sub(to_data_uri, text)
    return text.replace("</", "<\\/") if asset.kind == "js" else text.replace("</", "\\3c/")


def _install(asset: Asset, path: str, data: bytes, origin: str, root: Path) -> None:
    if _digest(data) != asset.sha256[path]:
        raise ValueError(f"{origin} has sha256 {_digest(data)}, not the pinned {asset.sha256[path]}")
    dest = _cached(asset, path, root)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(dest)


def _packages() -> dict[tuple[str, str], list[Asset]]:
    out: dict[tuple[str, str], list[Asset]] = {}
    for asset in ASSETS.values():
        out.setdefault((asset.package, asset.version), []).append(asset)
    return out


def _npm_pack(package: str, version: str, workdir: Path) -> Path:
    npm = shutil.which("npm")
    if not npm:
        raise OSError("npm is not installed: install Node.js/npm, or run `npm ci` elsewhere and pass --node-modules")
    res = subprocess.run(
        [npm, "pack", f"{package}@{version}", "--silent"],
        cwd=workdir, capture_output=True, text=True, timeout=300,
    )
    if res.returncode != 0:
        raise OSError(f"npm pack {package}@{version} failed: {res.stderr.strip().splitlines()[-1:]}")
    tgz = workdir / res.stdout.strip().splitlines()[-1]
    dest = workdir / f"{package}@{version}"
    with tarfile.open(tgz) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def _package_dir(package: str, version: str, node_modules: Path | None, workdir: Path) -> Path:
    candidates = [node_modules] if node_modules else [Path.cwd() / "node_modules",
                                                      Path(__file__).resolve().parent.parent / "node_modules"]
    for nm in candidates:
        pkg = nm / package if nm else None
        if pkg and (pkg / "package.json").is_file():
            import json

            found = json.loads((pkg / "package.json").read_text()).get("version")
            if found == version:
                return pkg
            if node_modules:
                raise ValueError(f"{pkg} is version {found}, need {version}: run `npm ci`")
    if node_modules:
        raise MissingAssetError(f"{package} not found in {node_modules}: run `npm ci` first")
    return _npm_pack(package, version, workdir)


def fetch(source: str = "npm", *, node_modules: Path | str | None = None,
          force: bool = False, root: Path | None = None) -> dict[str, str]:
    """Fill the cache with every pinned asset; return the :func:`status` afterwards.

    Parameters
    ----------
    source
        ``"npm"``: copy from ``node_modules`` (``npm ci`` at the repo root) or, when
        that is absent, from ``npm pack`` of the pinned versions; ``"cdn"``: download
        from jsDelivr.
    node_modules
        An explicit ``node_modules`` folder to copy from (``source="npm"`` only).
    force
        Re-fetch files that are already cached and intact.

    Example
    -------
    >>> fetch("npm", node_modules="node_modules")  # doctest: +SKIP
    {'leaflet@1.9.3/dist/leaflet.js': 'ok', ...}
    """
    if source not in ("npm", "cdn"):
        raise ValueError(f"unknown asset source {source!r}; use 'npm' or 'cdn'")
    root = root or cache_dir()
    state = status(root)
    with tempfile.TemporaryDirectory(prefix="geoutils-assets-") as tmp:
        for (package, version), assets in _packages().items():
            wanted = [(a, p) for a in assets for p in a.files
                      if force or state[f"{package}@{version}/{p}"] != "ok"]
            if not wanted:
                continue
            if source == "npm":
                pkg_dir = _package_dir(package, version, Path(node_modules) if node_modules else None, Path(tmp))
                for asset, path in wanted:
                    f = pkg_dir / path
                    _install(asset, path, f.read_bytes(), str(f), root)
            else:
                for asset, path in wanted:
                    url = asset_url(asset, path)
                    try:
                        with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (fixed https URL)
                            data = resp.read()
                    except OSError as exc:  # URLError, timeouts
                        raise OSError(f"cannot download {url}: {getattr(exc, 'reason', exc)}; "
                                      "offline? use `geoutils assets fetch --from npm`") from None
                    _install(asset, path, data, url, root)
    return status(root)
