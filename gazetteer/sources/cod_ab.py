"""Iraq's official administrative units: the OCHA COD-AB boundaries (CSO, 2019-06-03).

18 governorates, 101 districts and 294 sub-districts with English and Arabic
names, p-codes and polygons, vendored in ``gazetteer/data/cod_ab/`` as one
gzipped GeoJSON per level (see the ATTRIBUTION file there). The polygons were
simplified with :func:`shapely.coverage_simplify` (0.002°, about 200 m), which
keeps the shared borders of neighbouring units shared.

Credit: "OCHA, Central Statistical Organization of Iraq", licence CC BY-IGO.

Example
-------
>>> gdf = admin_frame(1)            # doctest: +SKIP
>>> len(gdf), gdf.crs.to_epsg()     # doctest: +SKIP
(18, 4326)
"""
from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "cod_ab"
LEVEL_KINDS = {1: "governorate", 2: "district", 3: "subdistrict"}
KIND_LEVELS = {v: k for k, v in LEVEL_KINDS.items()}
CREDIT = "OCHA, Central Statistical Organization of Iraq (COD-AB 2019-06-03, CC BY-IGO)"
#: columns of the vendored files
COLUMNS = ["pcode", "level", "name_en", "name_ar", "alt_en", "alt_ar", "adm1_pcode", "adm1_en", "adm1_ar",
           "adm2_pcode", "adm2_en", "adm2_ar", "geometry"]


def level_path(level: int) -> Path:
    return DATA_DIR / f"iraq_adm{level}.geojson.gz"


def source_version() -> str:
    h = hashlib.sha256()
    for level in LEVEL_KINDS:
        p = level_path(level)
        h.update(p.read_bytes() if p.exists() else b"")
    return f"cod-ab {h.hexdigest()[:16]}"


def check_level(level: int | str) -> int:
    """The level (1, 2, 3) of ``level`` given as a number or a kind name."""
    if isinstance(level, str) and level in KIND_LEVELS:
        return KIND_LEVELS[level]
    try:
        n = int(level)
    except (TypeError, ValueError):
        n = 0
    if n not in LEVEL_KINDS:
        raise ValueError(f"admin level {level!r} must be 1, 2, 3 or one of {', '.join(KIND_LEVELS)}")
    return n


@lru_cache(maxsize=3)
def admin_frame(level: int | str):
    """The COD-AB units of one level as an EPSG:4326 GeoDataFrame (read lazily, once)."""
    import gzip
    import json

    import geopandas as gpd

    level = check_level(level)
    with gzip.open(level_path(level), "rt", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    return gpd.GeoDataFrame.from_features(features, crs=4326)[COLUMNS]


def vendor(src_dir: str | Path, tolerance: float = 0.002) -> list[Path]:
    """Write the vendored files from the COD-AB GeoJSON in ``src_dir`` (a maintainer's step).

    Example
    -------
    >>> vendor("../shared/data/iraq_cod_ab")   # doctest: +SKIP
    """
    import gzip
    import os

    import geopandas as gpd
    import shapely

    src_dir = Path(src_dir)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    out = []
    for level in LEVEL_KINDS:
        src = next(src_dir.glob(f"irq_admbnda_adm{level}_*.geojson"))
        g = gpd.read_file(src)
        p = f"ADM{level}"
        alt = lambda lang: g[[f"{p}ALT1{lang}", f"{p}ALT2{lang}"]].apply(  # noqa: E731
            lambda r: "|".join(str(x) for x in r if isinstance(x, str) and x.strip()), axis=1)
        df = gpd.GeoDataFrame({
            "pcode": g[f"{p}_PCODE"], "level": level, "name_en": g[f"{p}_EN"].str.strip(),
            "name_ar": g[f"{p}_AR"].str.strip(), "alt_en": alt("EN"), "alt_ar": alt("AR"),
            "adm1_pcode": g["ADM1_PCODE"], "adm1_en": g["ADM1_EN"], "adm1_ar": g["ADM1_AR"],
            "adm2_pcode": g.get("ADM2_PCODE"), "adm2_en": g.get("ADM2_EN"), "adm2_ar": g.get("ADM2_AR"),
        }, geometry=shapely.coverage_simplify(g.geometry.values, tolerance), crs=4326)
        path = level_path(level)
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
            df["geometry"] = shapely.set_precision(df.geometry.values, 1e-5)
            fh.write(df.sort_values("pcode").to_json(drop_id=True, ensure_ascii=False))
        os.replace(tmp, path)
        out.append(path)
    return out


def iter_units() -> Iterator[dict]:
    """One record per unit, kind governorate/district/subdistrict, id ``cod:<pcode>``.

    The point is the polygon's centroid, or a point inside it when the centroid falls outside;
    ``admin1`` and ``admin2`` are the official English names of its parents.
    """
    for level, kind in LEVEL_KINDS.items():
        gdf = admin_frame(level)
        # the centroid when it lies inside the unit, else a point that surely does
        with warnings.catch_warnings():  # planar centroid of a unit a few degrees wide: fine as a point
            warnings.simplefilter("ignore", UserWarning)
            cen, rep = gdf.geometry.centroid, gdf.geometry.representative_point()
        points = cen.where(gdf.geometry.contains(cen), rep)
        for row, pt in zip(gdf.itertuples(index=False), points):
            aliases = [row.name_en, row.name_ar, *_split(row.alt_en), *_split(row.alt_ar)]
            yield {
                "id": f"cod:{row.pcode}", "name": row.name_en, "name_ar": row.name_ar,
                "lat": round(pt.y, 5), "lon": round(pt.x, 5), "kind": kind, "country_code": "IQ",
                "admin1": row.adm1_en, "admin2": row.adm2_en if level >= 2 else None, "population": None,
                "source": f"{CREDIT}, p-code {row.pcode}; centroid of the polygon (or a point inside it)",
                "aliases": aliases, "pcode": row.pcode,
            }


def _split(s) -> list[str]:
    return [a for a in (s or "").split("|") if a.strip()] if isinstance(s, str) else []


def locate(lats, lons) -> tuple[list, list]:
    """(admin1, admin2) official English names of the units containing each point
    (None outside Iraq), vectorised with a spatial join.

    Example
    -------
    >>> locate([33.34], [44.40])   # doctest: +SKIP
    (['Baghdad'], ['Al-Resafa'])
    """
    import geopandas as gpd

    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(list(lons), list(lats)), crs=4326)
    adm2 = admin_frame(2)[["adm1_en", "name_en", "geometry"]]
    j = gpd.sjoin(pts, adm2, how="left", predicate="within")
    j = j[~j.index.duplicated(keep="first")].sort_index()
    fix = lambda s: [x if isinstance(x, str) else None for x in s]  # noqa: E731
    return fix(j["adm1_en"]), fix(j["name_en"])
