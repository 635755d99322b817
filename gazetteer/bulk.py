"""Whole-database and by-point access of :class:`gazetteer.Gazetteer` (a mixin): nearest places,
every place as a GeoDataFrame, the alias keys a text scanner is built from, the COD-AB polygons,
and what is known of a name without ranking.

Example
-------
>>> Gazetteer.default().reverse(35.51, 44.28, kind="base")[0].name   # doctest: +SKIP
'K-1 Air Base'
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer import store
from gazetteer.geo import check_latlon, haversine_km
from gazetteer.normalize import name_key
from gazetteer.place import Place, place_from_row

if TYPE_CHECKING:  # geopandas loads only when a GeoDataFrame is asked for
    import geopandas as gpd


class BulkAccess:
    """Bulk and by-point lookups (the host provides ``_lock``, ``_conns``, ``_cols``, ``_base``,
    ``_rows_for_keys`` and ``_common_word``)."""

    def name_info(self, name: str) -> dict:
        """What the gazetteer knows of a name without ranking: its key, whether any alias
        has it (``known``), whether every such alias is a code (ICAO/IATA/ISO: it matches
        only written as a code), whether it is a frequent English/Arabic word (``common``,
        Zipf >= 4.5, a cheap lookup) and its Zipf frequencies (wordfreq, loaded on first
        call), for a text scanner deciding whether a word is a place or a common word.

        Example
        -------
        >>> Gazetteer.default().name_info("May")["code_only"]    # doctest: +SKIP
        True
        """
        key = name_key(name)
        stripped = {r[2] for r in self._rows_for_keys([key])}
        try:
            from wordfreq import zipf_frequency
            zipf = {"en": zipf_frequency(name, "en"), "ar": zipf_frequency(name, "ar")}
        except ImportError:  # pragma: no cover - wordfreq is a dependency
            zipf = {"en": 0.0, "ar": 0.0}
        return {"key": key, "known": bool(stripped), "code_only": bool(stripped) and stripped == {store.CODE_ONLY},
                "common": self._common_word(name), "zipf": zipf}

    def admin_polygons(self, level: int | str = 1) -> gpd.GeoDataFrame:
        """Iraq's official units (OCHA COD-AB) of one level as an EPSG:4326 GeoDataFrame.

        ``level`` is 1 (governorates), 2 (districts), 3 (sub-districts) or the kind name.
        Columns: pcode, level, name_en, name_ar, adm1_en, adm2_en (parents), place_id
        (the place that stands for the unit in this gazetteer), geometry.

        Example
        -------
        >>> gov = Gazetteer.default().admin_polygons(1)     # doctest: +SKIP
        >>> len(gov)                                         # doctest: +SKIP
        18
        """
        from gazetteer.sources import cod_ab

        gdf = cod_ab.admin_frame(level).copy()
        with self._lock:
            try:
                ids = dict(self._base.execute("SELECT pcode, place_id FROM units").fetchall())
            except sqlite3.Error:
                ids = {}
        gdf["place_id"] = gdf["pcode"].map(ids)
        return gdf[["pcode", "level", "name_en", "name_ar", "adm1_en", "adm2_en", "place_id", "geometry"]]

    def reverse(self, lat: float, lon: float, limit: int = 1, kind: str | None = None,
                max_km: float = 250.0) -> list[Place]:
        """The nearest places to a point (R*Tree search), nearest first.

        Example
        -------
        >>> Gazetteer.default().reverse(35.51, 44.28, kind="base")[0].name   # doctest: +SKIP
        'K-1 Air Base'
        """
        lat, lon = check_latlon(lat, lon)
        if limit < 1:
            raise ValueError(f"limit {limit} must be at least 1")
        radius = 0.05
        found: dict[str, tuple[float, Place]] = {}
        while True:
            dlon = radius / max(math.cos(math.radians(lat)), 0.01)
            windows = [(lon - dlon, lon + dlon)]  # across the antimeridian: the wrapped part too
            if lon - dlon < -180:
                windows = [(-180.0, lon + dlon), (lon - dlon + 360, 180.0)]
            elif lon + dlon > 180:
                windows = [(lon - dlon, 180.0), (-180.0, lon + dlon - 360)]
            with self._lock:
                for con, layer in self._conns():
                    sql = (f"SELECT {self._cols(con)} FROM places_rtree r JOIN places p ON p.rid=r.rid WHERE r.minlat>=?"
                           " AND r.maxlat<=? AND r.minlon>=? AND r.maxlon<=?" + (" AND p.kind=?" if kind else ""))
                    for lo, hi in windows:
                        args = [lat - radius, lat + radius, lo, hi] + ([kind] if kind else [])
                        for row in con.execute(sql, args):
                            p = place_from_row(row, layer)
                            found[p.id] = (haversine_km(lat, lon, p.lat, p.lon), p)
            within = sorted((d, p.id, p) for d, p in found.values() if d <= radius * 111.0 and d <= max_km)
            if len(within) >= limit or radius * 111.0 >= max_km:
                return [p for _, _, p in within[:limit]]
            radius *= 3

    # -- bulk access -------------------------------------------------------
    def to_geodataframe(self, kinds: Iterable[str] | None = None, curated: bool = False):
        """All places (or those of ``kinds``; ``curated=True``: only the curated table and
        user layer) as an EPSG:4326 GeoDataFrame.

        Example
        -------
        >>> bases = Gazetteer.default().to_geodataframe(kinds=["base"], curated=True)  # doctest: +SKIP
        """
        import geopandas as gpd
        import pandas as pd

        where, args = [], []
        if kinds is not None:
            kinds = list(kinds)
            where.append(f"kind IN ({','.join('?' * len(kinds))})")
            args += kinds
        if curated:
            where.append("(id LIKE 'cur:%' OR id LIKE 'user:%')")
        sql = "SELECT id,name,name_ar,lat,lon,kind,country_code,admin1,population,source FROM places"
        if where:
            sql += " WHERE " + " AND ".join(where)
        frames = []
        with self._lock:
            for con, layer in self._conns():
                df = pd.read_sql_query(sql, con, params=args)
                df["layer"] = layer
                frames.append(df)
        df = pd.concat(frames, ignore_index=True).drop_duplicates("id", keep="last").reset_index(drop=True)
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.lon, df.lat), crs="EPSG:4326")

    def alias_keys(self, countries: Iterable[str] | None = None, min_population: int = 0,
                   include_codes: bool = False) -> list[tuple[str, str]]:
        """(key, place_id) of every alias, for building a text scanner.

        Curated places, airfields, countries and user places are always included;
        GeoNames populated places only when in ``countries`` (if given) and with at
        least ``min_population`` people. Code-only aliases (ICAO/IATA/ISO codes, which
        match only written as codes) are left out unless ``include_codes``.
        """
        cond = ["p.kind != 'place'", "p.id NOT LIKE 'gn:%'"]
        sub, args = ["(p.population IS NOT NULL AND p.population >= ?)"], [min_population]
        if countries is not None:
            cc = [c.upper() for c in countries]
            sub.append(f"p.country_code IN ({','.join('?' * len(cc))})")
            args += cc
        sql = (f"SELECT a.key, p.id FROM aliases a JOIN places p ON p.rid=a.rid WHERE ({' OR '.join(cond)}"
               f" OR ({' AND '.join(sub)}))" + ("" if include_codes else f" AND a.stripped != {store.CODE_ONLY}"))
        out: list[tuple[str, str]] = []
        with self._lock:
            for con, _ in self._conns():
                out += con.execute(sql, args).fetchall()
        return out
