"""The :class:`Gazetteer`: resolve names to places, offline, on SQLite.

Resolution: the name's key (:func:`gazetteer.normalize.name_key`) is looked up
exactly; when nothing matches, a fuzzy (rapidfuzz) search runs over the keys
that share the query's first letter, never a full scan. Below the score
threshold the answer is None.

The near-miss searches live in :mod:`gazetteer.nearmiss`, the writes to the user
layer in :mod:`gazetteer.userlayer`, the ranking in :mod:`gazetteer.rank`, the bulk
and by-point access (``reverse``, ``to_geodataframe``, ``alias_keys``, ``admin_polygons``,
``name_info``) in :mod:`gazetteer.bulk`.
"""
from __future__ import annotations

import os
import weakref
import sqlite3
import threading
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path

from gazetteer import store, userdb
from gazetteer.geo import check_latlon
from gazetteer.normalize import is_arabic, key_of, proclitic_variants, surface_key, tokenize
from gazetteer.bulk import BulkAccess
from gazetteer.keyrows import _COLS, KeyRows  # noqa: F401  (_COLS: kept importable here)
from gazetteer.nearmiss import NearMiss
from gazetteer.place import Match, Place, place_from_row
from gazetteer.rank import (CODE_WORDS, DEFAULT_FOCUS, KIND_FAMILIES, NEIGHBOUR_KINDS, PROMINENCE, TOWN_KINDS,  # noqa: F401
                            UNIT_KINDS, _is_code_query, _odd_case, code_letters, parse_focus, rank_rows,
                            sort_key, yielding_units)
from gazetteer.units import UnitInfo, has_table, load_unit_info
from gazetteer.userlayer import UserLayer

FUZZY_MIN_LEN = 4
_place = place_from_row


_LIVE: weakref.WeakSet = weakref.WeakSet()


def _reopen_after_fork() -> None:
    Gazetteer._default_lock = threading.Lock()
    for gz in list(_LIVE):
        gz._lock = threading.RLock()  # a lock held by another thread at fork time would never be released
        gz.reopen()


os.register_at_fork(after_in_child=_reopen_after_fork)


class Gazetteer(KeyRows, NearMiss, UserLayer, BulkAccess):
    """Place-name resolver over a built default database plus a user layer.

    Parameters
    ----------
    path : path of a built default database (see :func:`gazetteer.store.build_default`).
    user_path : path of the user layer (created on first :meth:`add`); None for none.

    Example
    -------
    >>> gz = Gazetteer.default()                           # doctest: +SKIP
    >>> gz.resolve("كي وان").name                          # doctest: +SKIP
    'K-1 Air Base'
    """

    _default: Gazetteer | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: str | Path, user_path: str | Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ValueError(f"no gazetteer database at {self.path}")
        self._base = store.connect_ro(self.path)
        self.user_path = Path(user_path) if user_path else None
        self._user: sqlite3.Connection | None = None
        self._user_problem: str | None = None  # why the user layer cannot be (fully) used
        self._user_ro = False  # opened read-only (read-only or full disk): sound, but not writable
        if self.user_path:
            self._user, self._user_problem, self._user_ro = userdb.open_user(self.user_path)
            if self._user_problem:
                userdb.warn_once(self.user_path, self._user_problem, self._user_ro)
        self._lock = threading.RLock()
        # news repeats the same names all day: keep recent answers (cleared on every user write)
        self._cached_candidates = lru_cache(maxsize=65_536)(self._candidates)
        self._cached_get = lru_cache(maxsize=65_536)(self._get)
        self._cached_rank = lru_cache(maxsize=65_536)(self._rank_ids)
        self._memory: dict[str, tuple[tuple[Place, str, int, str], ...]] | None = None
        self._focus: tuple[str, ...] | None = None
        self._colcache: dict[int, str] = {}
        self._sqlcache: dict[tuple[str, int], str] = {}
        self._user_version: int | None = None
        self._inherited: list[sqlite3.Connection] = []
        _LIVE.add(self)

    # -- construction ------------------------------------------------------
    @classmethod
    def default(cls, progress: bool = True) -> Gazetteer:
        """The embedded default (built once into the cache folder) plus the user layer.

        The instance is shared within a process.
        """
        with cls._default_lock:
            gz = cls._default
            if gz is None or gz.path != store.cache_dir() / "default.sqlite" or gz.user_path != store.data_dir() / "user.sqlite":
                path = store.ensure_default(progress=progress)
                gz = cls._default = cls(path, store.data_dir() / "user.sqlite")
            return gz

    def _conns(self) -> list[tuple[sqlite3.Connection, str]]:
        conns = [(self._base, "default")]
        if self._user is not None:
            conns.append((self._user, "user"))
        return conns

    # -- lookups (exact keys: gazetteer.keyrows) --------------------------
    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None.

        >>> Gazetteer.default().get("cur:iq-base-k1").kind   # doctest: +SKIP
        'base'
        """
        self._sync()
        return self._cached_get(place_id)

    def _get(self, place_id: str) -> Place | None:
        with self._lock:
            for con, layer in reversed(self._conns()):
                row = con.execute(f"SELECT {self._cols(con)} FROM places p WHERE p.id=?", (place_id,)).fetchone()
                if row:
                    return _place(row, layer)
        return None

    def candidates(self, name: str, limit: int = 5, country: str | None = None,
                   near: tuple[float, float] | None = None, kind: str | None = None,
                   fuzzy: bool = True, focus: str | Iterable[str] | None = None) -> list[Match]:
        """Ranked matches for ``name``, best first, each with a 0-100 score and the alias matched.

        Exact key matches score 100; fuzzy ones their rapidfuzz ratio (>= the threshold).
        Order: score; a name before a code; the kind the words ask for (a unit yields
        to a town of its name unless they ask for the unit); the alias as written
        before a transliteration fold ("Samarra" is not "Samara"); ``country``;
        distance to ``near``; population or prominence, weighted by the ``focus``
        region (:attr:`focus` when None). With ``country``, only places in that country.

        Example
        -------
        >>> [m.place.name for m in Gazetteer.default().candidates("Ain al Asad", limit=2)]  # doctest: +SKIP
        ['Ain al-Asad Air Base', ...]
        """
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"place name {name!r} is empty")
        if near is not None:
            near = check_latlon(*near)
        focus_t = self.focus if focus is None else parse_focus(focus)
        self._sync()
        return list(self._cached_candidates(name, limit, country, near, kind, fuzzy, focus_t))

    @property
    def focus(self) -> tuple[str, ...]:
        """The regional prior: ISO2 codes whose places outweigh namesakes elsewhere.

        Defaults to ``$GAZETTEER_FOCUS`` or :data:`DEFAULT_FOCUS` (Iraq, Syria and
        neighbours); set it to move the prior (``gz.focus = "YE,SA"``; ``""`` for none).
        """
        return self._focus if self._focus is not None else parse_focus(None)

    @focus.setter
    def focus(self, value: str | Iterable[str] | None) -> None:
        self._focus = None if value is None else parse_focus(value)

    def _candidates(self, name: str, limit: int, country: str | None, near: tuple[float, float] | None,
                    kind: str | None, fuzzy: bool, focus: tuple[str, ...] = ()) -> tuple[Match, ...]:
        toks = tokenize(name)
        codes_ok = _is_code_query(name, toks)
        only_codes = any(t.norm in CODE_WORDS for t in toks) and len(toks) > 1
        if only_codes:  # "airport code BGW": the code is the name, and only a code answers
            toks = [t for t in toks if t.norm not in CODE_WORDS]
        hint = kind or next((t.generic for t in toks if t.generic), None)
        query_generic = any(t.is_generic for t in toks)
        key = key_of(toks)
        if len(key) < store.MIN_KEY_LEN or not any(ch.isalpha() for ch in key):
            return ()  # a name has letters: "Camp 12" is no name of its own
        keys = [key]
        if is_arabic(key):  # attached proclitic on the first word: وأربيل, بكركوك
            first, _, rest = key.partition(" ")
            keys += [" ".join(filter(None, (v, rest))) for v in proclitic_variants(first)[1:]]
        surface = surface_key(" ".join(t.text for t in toks))
        rows = [r for r in self._rows_for_keys(keys) if (codes_ok or r[2] != store.CODE_ONLY)
                and (not only_codes or r[2] == store.CODE_ONLY)]
        # a code matches exactly as written ("NM" is not "NNM"); a short name or a frequent word
        # ("Monday") only as written, never through a fold; a two-letter name only as a code or
        # as the user's own alias ("CX")
        rows = [r for r in rows if r[2] != store.CODE_ONLY or surface_key(r[1]) == surface]
        if _odd_case(toks):  # "tuA", "mAY": no name is written so; only the user's own or the region's
            rows = [r for r in rows if r[0].layer == "user" or r[0].country_code in focus]
        written = [r for r in rows if surface_key(r[1]) == surface]
        short = len(surface.replace(" ", "")) <= 3  # as written: "Tooz" is not short, though it folds to "tuz"
        if len(written) < len(rows) and (short or _odd_case(toks) or self._common_word(name)):
            rows = written
        if short:  # a short alias abroad ("Dsh" of Dessie) only when it is the name
            rows = [r for r in rows if r[2] == store.CODE_ONLY or r[0].layer == "user" or r[0].country_code in focus
                    or surface_key(r[0].name) == surface]
        if len(key.replace(" ", "")) <= 2 and key.isascii() and key.replace(" ", "").isalpha():
            rows = [r for r in rows if r[2] == store.CODE_ONLY or r[0].layer == "user"]
        scores = {k: 100.0 for k in keys}
        if (fuzzy and hint in KIND_FAMILIES["province"] | {"region"} and is_arabic(key)
                and not any(r[0].kind in KIND_FAMILIES[hint] for r in rows)):
            # "ولاية تكساس": a foreign name written by sound; the words ask for a province, and no
            # province answers as written (فلوريدا is also a town in Uruguay)
            cross, cross_scores = self._cross_script_rows(name)
            if cross:
                rows, scores = cross, cross_scores
        cc = country.upper() if country else None
        # near-miss spellings when nothing matches, or when nothing matches in the country asked for
        if fuzzy and not only_codes and (not rows or (cc and all(r[0].country_code != cc for r in rows))) and not self._common_word(name):
            near_scores = self._fuzzy.search(key)
            near_rows = [r for r in self._rows_for_keys(near_scores) if r[2] != store.CODE_ONLY
                         and ((not rows and not cc) or r[0].country_code == cc)]
            if not near_rows:  # vowel variants of a name in the region (Badush / Badosh, Yathrib / Yathreb)
                near_scores = self._fuzzy.search_skeleton(key)
                region = {cc} if cc else set(focus)
                near_rows = [r for r in self._rows_for_keys(near_scores) if r[2] != store.CODE_ONLY
                             and r[0].country_code in region]
            if hint:  # a near-miss spelling must at least be of the kind the words ask for
                fits = KIND_FAMILIES.get(hint, {hint}) | NEIGHBOUR_KINDS.get(hint, set())
                near_rows = [r for r in near_rows if r[0].kind in fits]
            if not near_rows and key.isascii():  # a spelling by sound of a local place's Arabic name
                near_rows, near_scores = self._latin_to_arabic_rows(name, {cc} if cc else set(focus))
                if hint:
                    near_rows = [r for r in near_rows if r[0].kind in fits]
            if near_rows:
                rows = rows + near_rows
                scores = {**near_scores, **scores}
        if cc:  # the country asked for restricts: a place elsewhere is another place
            rows = [r for r in rows if (r[0].country_code or "").upper() == cc]
        codes_first = codes_ok and code_letters(toks).isupper()
        return tuple(rank_rows(rows, scores, hint, query_generic, country, near, focus, surface, codes_first,
                               name, self._unit_info)[:limit])

    def resolve(self, name: str, country: str | None = None, near: tuple[float, float] | None = None,
                kind: str | None = None, focus: str | Iterable[str] | None = None) -> Place | None:
        """The best place for ``name``, or None when nothing scores above the threshold.

        Parameters
        ----------
        name : the name as the news spells it, any script ("كي وان", "Irbil").
        country : ISO 3166-1 alpha-2 code: only places in that country answer (None when none does).
        near : (lat, lon) to prefer places close to.
        kind : kind to prefer ("base", "airport", "governorate", …); by default
            the name's generic words decide ("base", "قاعدة" -> "base").
        focus : the regional prior, ISO2 codes ("YE,SA" or a list); None: :attr:`focus`.

        Example
        -------
        >>> p = Gazetteer.default().resolve("Hawler")        # doctest: +SKIP
        >>> round(p.lat, 2), round(p.lon, 2)                 # doctest: +SKIP
        (36.19, 44.01)
        """
        found = self.candidates(name, limit=1, country=country, near=near, kind=kind, focus=focus)
        return found[0].place if found else None

    def rank(self, place_ids: Iterable[str], kind: str | None = None, country: str | None = None,
             near: tuple[float, float] | None = None, focus: str | Iterable[str] | None = None) -> list[Place]:
        """Order places (by id) as :meth:`resolve` would, best first."""
        focus_t = self.focus if focus is None else parse_focus(focus)
        self._sync()
        return list(self._cached_rank(tuple(dict.fromkeys(place_ids)), kind, country, near, focus_t))

    def _rank_ids(self, ids: tuple[str, ...], kind: str | None, country: str | None,
                  near: tuple[float, float] | None, focus: tuple[str, ...] = ()) -> tuple[Place, ...]:
        places = [p for p in map(self.get, ids) if p is not None]
        info = self._unit_info
        yielding = yielding_units(places, same_name=True, info=info)
        return tuple(sorted(places, key=lambda p: sort_key(p, 0, kind, bool(kind), country, near, focus,
                                                           False, yielding, info.weights, people=info.people),
                                    reverse=True))

    @cached_property
    def _unit_info(self) -> UnitInfo:
        """Prominence and reach of first-level divisions, their largest towns, the national capitals."""
        return load_unit_info(self._base, self._lock)

    @property
    def unit_info(self) -> UnitInfo:
        """Public view of the division statistics the ranking uses (``weights``, ``people``...), for
        callers that weigh candidates the way :meth:`resolve` does (geoparse's context step)."""
        return self._unit_info

    _has_table = staticmethod(has_table)

    def _common_word(self, name: str) -> bool:
        """A frequent English or Arabic word ("Monday", "May"; wordfreq, stored at build time):
        it reaches a place only as written, and no near-miss spelling turns it into another."""
        return " ".join(name.split()).casefold() in self._common_words

    @cached_property
    def _common_words(self) -> frozenset[str]:
        """The stored frequent words (a few thousand: read once, then a set lookup, not a query)."""
        with self._lock:
            try:
                return frozenset(w for (w,) in self._base.execute("SELECT word FROM common_words"))
            except sqlite3.Error:  # a database built before the table existed
                return frozenset()

    # -- freshness of answers ----------------------------------------------
    def _sync(self) -> None:
        """Drop cached answers when another process changed the user layer
        (SQLite ``data_version``: one cheap pragma per call)."""
        con = self._user
        if con is None:
            return
        try:
            with self._lock:
                v = con.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return
        if v != self._user_version:
            if self._user_version is not None:
                self._invalidate()
            self._user_version = v

    def _invalidate(self) -> None:
        self._memory = None
        self.__dict__.pop("_fuzzy", None)
        self._cached_candidates.cache_clear()
        self._cached_get.cache_clear()
        self._cached_rank.cache_clear()

    def reopen(self) -> None:
        """Open fresh database connections, keeping every in-memory cache.

        Called in the child after :func:`os.fork` for every live gazetteer (SQLite connections
        must not be used across a fork), so a process pool forked from a process that has
        loaded the gazetteer shares its memory safely. The inherited connections are kept
        open, untouched, and never used again.
        """
        with self._lock:
            self._inherited += [con for con, _ in self._conns()]
            self._base = store.connect_ro(self.path)
            if self.user_path and self._user is not None:
                self._user, self._user_problem, self._user_ro = userdb.open_user(self.user_path)
            # data_version compares within one connection only: the new one starts a new count, and
            # must not read as a write that drops the caches the fork is there to share
            self._user_version = None

    def close(self) -> None:
        """Close the database connections."""
        for con, _ in self._conns():
            con.close()
        self._user = None
        _LIVE.discard(self)  # nothing to reopen after a fork

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r}, user_path={str(self.user_path) if self.user_path else None!r})"
