"""On-disk cache of the built geoparse scanner, beside the gazetteer database.

Building the scanner (about 570k keys, their Arabic clitic variants, one double-array
Aho-Corasick automaton) takes several seconds; every CLI call and corpus worker would pay it. The built
:class:`~geoutils.geoparse.scanner.Scanner` is pickled once into the gazetteer's folder as
``geoparse-scanner-<key>.pkl``, where ``<key>`` hashes everything the scanner is built from:
the database's stored fingerprint, path, size and mtime, the user layer's files, the geoparse
code and lexicons, and the versions of the libraries involved (daachorse, wordfreq,
countrystatecity-countries, Python). A stale cache simply has another name: it is rebuilt and
older ``geoparse-scanner-*.pkl`` files are removed. Writes are atomic (temp file +
``os.replace``); a damaged file is rebuilt with a warning. Gazetteers without a database
path (the tests' ``MemoryGazetteer``) are not cached.

Set ``GEOPARSE_SCANNER_CACHE=0`` to turn the cache off.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> from geoutils.geoparse.scanner import Scanner
>>> len(cached(MemoryGazetteer.demo(), lambda: Scanner([("kirkuk", "p:k")])))   # no path: built
1
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import warnings
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable

__all__ = ["cached", "cache_path"]

PREFIX = "geoparse-scanner-"
_CODE = ("scanner.py", "keymatch.py", "chunks.py", "recognise.py", "vocab.py", "lexical.py", "scancache.py")
_PACKAGES = ("daachorse", "wordfreq", "countrystatecity-countries", "numpy")


def _pkg(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def _stat(p: Path | None) -> str:
    try:
        st = p.stat()  # type: ignore[union-attr]
        return f"{st.st_size}:{st.st_mtime_ns}"
    except (OSError, AttributeError):
        return "-"


def _key(gz: Any) -> str | None:
    """Hash of everything the scanner of ``gz`` is built from; None when ``gz`` has no database file."""
    path = getattr(gz, "path", None)
    if not isinstance(path, Path) or not path.is_file():
        return None
    from gazetteer import store

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    parts = [str(store.stored_fingerprint(path)), str(path.resolve()), _stat(path), sys.version]
    user = getattr(gz, "user_path", None)
    if isinstance(user, Path):
        # its contents, not its path: a missing user layer (tests' temporary one) shares the cache
        parts += [_stat(user), _stat(user.with_name(user.name + "-wal"))]
    parts += [f"{p} {_pkg(p)}" for p in _PACKAGES]
    h.update("\n".join(parts).encode())
    for name in _CODE:
        h.update((here / name).read_bytes())
    for lex in sorted((here.parent / "lexicons").glob("geoparse_*.toml")):
        h.update(lex.read_bytes())
    return h.hexdigest()[:20]


def cache_path(gz: Any) -> Path | None:
    """Where the scanner of ``gz`` is (or would be) cached; None when it is not cached.

    Example
    -------
    >>> from gazetteer import Gazetteer                          # doctest: +SKIP
    >>> cache_path(Gazetteer.default()).name.startswith(PREFIX)  # doctest: +SKIP
    True
    """
    if os.environ.get("GEOPARSE_SCANNER_CACHE", "1") == "0":
        return None
    key = _key(gz)
    return None if key is None else gz.path.parent / f"{PREFIX}{key}.pkl"


def _load(path: Path, cls: type) -> Any | None:
    try:
        with path.open("rb") as fh:
            obj = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, corrupt or foreign file: rebuild
        warnings.warn(f"geoparse: scanner cache {path} is damaged ({type(exc).__name__}); rebuilding it",
                      RuntimeWarning, stacklevel=3)
        return None
    if not isinstance(obj, cls):
        warnings.warn(f"geoparse: scanner cache {path} holds no scanner; rebuilding it", RuntimeWarning, stacklevel=3)
        return None
    return obj


def replace_cache_file(path: Path, prefix: str, write: Callable[[Any], None], mode: str = "wb") -> None:
    """Write a cache file atomically (temp file + ``os.replace``), then remove the folder's stale
    caches of the same ``prefix`` and suffix. ``OSError`` propagates: the caller decides whether
    a folder that cannot be written deserves a warning."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-" + prefix, dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    for old in path.parent.glob(f"{prefix}*{path.suffix}"):
        if old != path:
            old.unlink(missing_ok=True)


def _save(path: Path, obj: Any) -> None:
    """Atomic write; stale caches in the folder are removed. A folder that cannot be written is no error."""
    try:
        replace_cache_file(path, PREFIX, lambda fh: pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:
        warnings.warn(f"geoparse: cannot write scanner cache {path}: {exc}", RuntimeWarning, stacklevel=3)


def cached(gz: Any, build: Callable[[], Any]) -> Any:
    """The scanner of ``gz`` from the disk cache, or ``build()`` (then cached) when missing, stale or damaged."""
    path = cache_path(gz)
    if path is None:
        return build()
    from geoutils.geoparse.scanner import Scanner

    got = _load(path, Scanner)
    if got is None:
        got = build()
        _save(path, got)
    return got
