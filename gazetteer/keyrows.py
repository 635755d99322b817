"""Rows of exact keys: the SQL (or preloaded) lookup under :meth:`Gazetteer.resolve`.

A row is ``(place, alias, stripped, key)``: the place, the alias that matched, how the
alias was derived (:data:`gazetteer.store.CODE_ONLY`, ...) and its key. The user layer's
place replaces the default one of the same id.

Example
-------
>>> from gazetteer import Gazetteer                               # doctest: +SKIP
>>> [r[0].name for r in Gazetteer.default()._rows_for_keys(["kirkuk"])][:1]  # doctest: +SKIP
['Kirkuk']
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Self

from gazetteer.place import Place, place_from_row as _place

_COLS = "p.id,p.name,p.name_ar,p.lat,p.lon,p.kind,p.country_code,p.admin1,p.population,p.source,p.admin2"


class KeyRows:
    """Exact-key rows (the host provides ``_lock``, ``_conns``, ``_user``, ``_memory``,
    ``_colcache``, ``_sqlcache``, ``get`` and ``_cached_candidates``)."""

    def _rows_for_keys(self, keys: Iterable[str]) -> list[tuple[Place, str, int, str]]:
        """(place, alias, stripped, key) for every alias whose key is in ``keys``; the user
        layer overrides the default for the same place id."""
        keys = list(dict.fromkeys(keys))
        if self._memory is not None:
            return [row for k in keys for row in self._memory.get(k, ())]
        if not keys:
            return []
        found: dict[tuple[str, str], tuple[Place, str, int, str]] = {}
        with self._lock:
            for con, layer in self._conns():
                for row in con.execute(self._key_sql(con, len(keys)), keys):
                    found[(row[0], row[13])] = (_place(row, layer), row[11], row[12], row[13])
        return self._user_overrides(list(found.values()))

    def _key_sql(self, con: sqlite3.Connection, n: int) -> str:
        """The SELECT of the rows of ``n`` keys on ``con``, built once per connection and count."""
        cols = self._cols(con)
        sql = self._sqlcache.get((cols, n))
        if sql is None:
            where = "a.key=?" if n == 1 else f"a.key IN ({','.join('?' * n)})"
            sql = self._sqlcache[(cols, n)] = (
                f"SELECT {cols},a.alias,a.stripped,a.key FROM aliases a JOIN places p ON p.rid=a.rid"
                f" WHERE {where}")
        return sql

    def _user_overrides(self, rows: list[tuple[Place, str, int, str]]) -> list[tuple[Place, str, int, str]]:
        """A place the user layer holds (same id) replaces the default one, whatever alias matched."""
        if self._user is None:
            return rows
        ids = list({r[0].id for r in rows if r[0].layer == "default"})
        if not ids:
            return rows
        with self._lock:
            mine = {pid for (pid,) in self._user.execute(
                f"SELECT id FROM places WHERE id IN ({','.join('?' * len(ids))})", ids)}
        out: dict[tuple[str, str], tuple[Place, str, int, str]] = {}
        for place, alias, stripped, key in rows:
            if place.layer == "default" and place.id in mine:
                place = self.get(place.id)
            if (place.id, key) not in out or place.layer == "user":
                out[(place.id, key)] = (place, alias, stripped, key)
        return list(out.values())

    def preload(self) -> Self:
        """Hold every name in memory for batch work: exact lookups then skip SQLite.

        Takes a few seconds and a few hundred MB; worth it for thousands of lookups
        (a corpus, a benchmark), not for one CLI call. A write to the user layer
        drops the copy (call again after it).

        Example
        -------
        >>> gz = Gazetteer.default().preload()            # doctest: +SKIP
        """
        index: dict[str, list[tuple[Place, str, int, str]]] = {}
        by_id: dict[str, Place] = {}
        with self._lock:
            for con, layer in self._conns():  # default first: the user layer's places win by id
                places = {row[11]: _place(row, layer) for row in con.execute(f"SELECT {self._cols(con)},p.rid FROM places p")}
                by_id.update((p.id, p) for p in places.values())
                for key, rid, alias, stripped in con.execute("SELECT key, rid, alias, stripped FROM aliases"):
                    index.setdefault(key, []).append((places[rid], alias, stripped, key))
        memory = {}
        for key, rows in index.items():
            best: dict[str, tuple[Place, str, int, str]] = {}
            for place, alias, stripped, k in rows:
                mine = by_id[place.id]
                if place.id not in best or place.layer == "user":
                    best[place.id] = (mine, alias, stripped, k)
            memory[key] = tuple(best.values())
        self._memory = memory
        self._cached_candidates.cache_clear()
        return self

    def _cols(self, con: sqlite3.Connection) -> str:
        """The place columns to select from ``con`` (a user layer may have no admin2)."""
        cols = self._colcache.get(id(con))
        if cols is None:
            have = {r[1] for r in con.execute("PRAGMA table_info(places)")}
            cols = self._colcache[id(con)] = _COLS if "admin2" in have else _COLS.replace("p.admin2", "NULL")
        return cols
