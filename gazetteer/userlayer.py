"""Writing the user layer: :meth:`add`, :meth:`remove`, :meth:`import_geonames` (a mixin of
:class:`gazetteer.Gazetteer`).

The user layer is a separate SQLite file that rebuilding the default never touches. Every
write is one transaction; a failure (busy, read-only, full disk) is one ``ValueError`` line.

Example
-------
>>> gz.add("Camp Example", 33.1, 44.2, "base", aliases=["CX"], source="own survey")  # doctest: +SKIP
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from gazetteer import store, userdb
from gazetteer.geo import check_latlon
from gazetteer.normalize import name_key
from gazetteer.place import Place, place_from_row

_SLUG = re.compile(r"[^a-z0-9]+")


class UserLayer:
    """The user-layer writes of :class:`gazetteer.Gazetteer` (which provides ``_lock``,
    ``user_path``, ``_user``, ``_cols``, ``get`` and ``_invalidate``)."""

    def _user_con(self) -> sqlite3.Connection:
        """The user layer open for writing; one-line ``ValueError`` when it cannot be written."""
        if self.user_path is None:
            raise ValueError("this gazetteer has no user layer (user_path=None)")
        if self._user_problem:
            raise userdb.write_error(self.user_path, self._user_problem, read_only=self._user_ro)
        if self._user is None:
            con, problem, ro = userdb.open_user(self.user_path)
            if problem:
                raise userdb.write_error(self.user_path, problem, read_only=ro)
            if con is None:
                try:
                    con = store.connect_rw(self.user_path)
                except (sqlite3.Error, OSError) as exc:
                    raise userdb.write_error(self.user_path, str(exc).splitlines()[0] or type(exc).__name__,
                                             "create") from None
            self._user = con
        return self._user

    def _transaction(self, work):
        """Run ``work(con)`` in one write transaction of the user layer (waiting for another
        writer with a message); sqlite errors (full disk …) become one ``ValueError``."""
        with self._lock:
            con = self._user_con()
            userdb.begin_write(con, self.user_path)
            try:
                out = work(con)
                con.execute("COMMIT")
            except sqlite3.Error as exc:
                try:
                    con.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise userdb.write_error(self.user_path, str(exc).splitlines()[0] or type(exc).__name__) from None
            except BaseException:
                try:
                    con.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise
        self._invalidate()
        return out

    def add(self, name: str, lat: float, lon: float, kind: str = "place", *, name_ar: str | None = None,
            aliases: Iterable[str] = (), country_code: str | None = None, admin1: str | None = None,
            source: str = "user", id: str | None = None, population: int | None = None,
            replace: bool = True) -> Place:
        """Add (or replace, same id) a place in the user layer, durably, in one transaction.

        The user layer is a separate SQLite file; rebuilding the default never touches it.
        ``replace=False`` refuses (``ValueError`` naming the old entry) an id the user layer
        already holds. A name none of whose spellings can ever be looked up (a key shorter
        than :data:`gazetteer.store.MIN_KEY_LEN`, e.g. "Q") is refused; such aliases are
        dropped with a warning. ``country_code`` may be an ISO code or an English name
        ("iraq" -> "IQ"); latitude/longitude must be plain numbers ("3_3" is refused).

        Example
        -------
        >>> gz.add("Camp Example", 33.1, 44.2, "base", aliases=["CX"], source="own survey")  # doctest: +SKIP
        """
        if not isinstance(name, str) or not name_key(name):
            raise ValueError(f"place name {name!r} is empty")
        lat, lon = check_latlon(userdb.plain_number(lat, "latitude"), userdb.plain_number(lon, "longitude"))
        if not kind or not str(kind).strip():
            raise ValueError(f"kind {kind!r} is empty")
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        userdb.check_lookup_keys(name, [*([name_ar] if name_ar else []), *aliases])
        country_code = userdb.country_code(country_code)
        pid = id or self.default_user_id(name, lat, lon)
        rec = {"id": pid, "name": name.strip(), "name_ar": name_ar, "lat": lat, "lon": lon, "kind": kind,
               "country_code": country_code, "admin1": admin1,
               "population": population, "source": source, "aliases": [name, *([name_ar] if name_ar else []), *aliases]}
        if not replace:
            old = self.user_place(pid)
            if old is not None:
                raise ValueError(f"the user layer already holds {pid!r} ({old.name} at {old.lat:.4f},{old.lon:.4f}, "
                                 f"source {old.source!r}); pass replace=True (CLI: --replace) to replace it")
        self._write_user([rec])
        return self.get(pid)  # type: ignore[return-value]

    @staticmethod
    def default_user_id(name: str, lat: float, lon: float) -> str:
        """The id :meth:`add` gives a place when none is passed (from its name and point)."""
        return "user:" + (_SLUG.sub("-", name_key(name).lower()).strip("-") or "place") + f"-{float(lat):.4f}-{float(lon):.4f}"

    def user_place(self, place_id: str) -> Place | None:
        """The place with this id in the user layer (None when it holds none)."""
        if self._user is None:
            return None
        with self._lock:
            row = self._user.execute(f"SELECT {self._cols(self._user)} FROM places p WHERE p.id=?", (place_id,)).fetchone()
        return place_from_row(row, "user") if row else None

    def user_aliases(self, place_id: str) -> list[str]:
        """The spellings the user layer stores for ``place_id``."""
        if self._user is None:
            return []
        with self._lock:
            return [a for (a,) in self._user.execute(
                "SELECT a.alias FROM aliases a JOIN places p ON p.rid=a.rid WHERE p.id=? ORDER BY a.alias",
                (place_id,))]

    def _write_user(self, records: Iterable[dict], progress: bool = False, total: int | None = None) -> int:
        return self._transaction(lambda con: store.insert_places(con, records, progress=progress, total=total,
                                                                 desc="importing"))

    def remove(self, place_id: str) -> bool:
        """Remove a place from the user layer; True when something was removed."""
        def work(con: sqlite3.Connection):
            row = con.execute("SELECT rid FROM places WHERE id=?", (place_id,)).fetchone()
            if row:
                for table in ("aliases", "places_rtree", "places"):
                    con.execute(f"DELETE FROM {table} WHERE rid=?", row)
            return row

        return bool(self._transaction(work))

    def import_geonames(self, path: str | Path, alternate_names: str | Path | None = None, progress: bool = True):
        """Import a GeoNames dump (``allCountries.txt`` / ``XX.txt``, optionally with
        ``alternateNamesV2.txt``) into the user layer.

        Both files are streamed (memory stays flat on allCountries) in one
        transaction: a crash or Ctrl-C imports nothing, never half. Malformed lines
        are skipped and listed, with their numbers, in the returned report.

        Example
        -------
        >>> report = gz.import_geonames("IQ.txt", "alternateNamesV2.txt")   # doctest: +SKIP
        >>> report.summary()                                                # doctest: +SKIP
        '5012 places imported from IQ.txt (20311 alternate names); 0 malformed lines skipped'
        """
        from gazetteer.sources import geonames_dump as dump

        for f in (path, alternate_names):
            dump.check_file(f)
        report = dump.ImportReport(str(path))

        def work(con: sqlite3.Connection) -> None:
            report.imported = store.insert_places(con, dump.iter_dump(path, report, progress))
            if alternate_names is not None:
                report.aliases = store.add_aliases(con, dump.iter_alternates(alternate_names, report, progress))

        self._transaction(work)
        return report
