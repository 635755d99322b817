"""``dedupe_incidents``: one row per event from many reports (ACLED's "one event, many sources").

Two rows are the **same event** when all three hold:

* **time**: their date windows overlap, widened by ``days - 1`` (``days=1``: the same calendar day).
  A row's window follows its ``time_precision``: 1 (day) is the day itself, 2 (week) the day ± 6 days,
  3 (month) the calendar month of ``event_date``. Rows without a date never merge.
* **place**: the same ``place_id``, or within a distance that follows the *coarser* ``geo_precision`` of
  the two: 1 → 5 km, 2 → 25 km, 3 → 50 km (missing → 25 km); ``km`` overrides all three. Rows without
  coordinates never merge.
* **type** (``by_type=True``): the same ``event_type``, or one of them unknown.

Candidate pairs come from a spatio-temporal blocking: every row is put in a bucket (day, 3-D grid cube
of the largest distance) and compared only with rows of the neighbouring buckets, so the work grows with
the number of rows, not its square. Precise rows (day and ``geo_precision`` 1) are grouped by union-find
(connected components) over their matching pairs. Coarse rows (a week, a month, a region or "near") are
first grouped among themselves, then join a precise group only when it is the **only** one they match:
a province-level report never chains two towns' incidents into one.

The merged row keeps the most precise place (lowest ``geo_precision``, then highest ``confidence``) and the
most precise date (lowest ``time_precision``); ``source`` lists every source (``;``-joined, sorted),
``n_sources`` counts them, ``merged_ids`` lists the ``event_id`` of every merged row and ``event_id`` is
the first of them. Fatalities follow ACLED's conservative rule: the lowest figure a report gives (a
report that gives none says 0, which is not a figure), the other figures go to ``notes``. ``injuries``
follow the same rule. A ``dataset`` column, when present (e.g. ``"extracted"`` / ``"acled"``), is joined
the same way, which tells which inputs a merged row came from.

The result does not depend on the order of the input: rows are sorted canonically first.

Example: which extracted incidents does an ACLED download already have?

>>> import pandas as pd                                                   # doctest: +SKIP
>>> ours = extract_corpus("feeds/2020-02/").assign(dataset="extracted")   # doctest: +SKIP
>>> acled = read_acled("acled_iraq_2020.csv").assign(dataset="acled")     # doctest: +SKIP
>>> both = dedupe_incidents(pd.concat([ours, acled], ignore_index=True))  # doctest: +SKIP
>>> both[both.dataset == "extracted"]   # ours only: ACLED has no such event  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

import numpy as np
import pandas as pd

#: distance in km within which two rows can be the same place, by the coarser geo_precision of the two
GEO_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 50.0}
_MISSING_GEO = 2
_EARTH_KM = 6371.0088
_WEEK = 6


def _days(dates: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as int64; -1 for a missing date."""
    out = np.full(len(dates), -1, dtype=np.int64)
    epoch = _dt.date(1970, 1, 1).toordinal()
    for n, d in enumerate(dates.tolist()):
        if d is not None and d == d and hasattr(d, "toordinal"):
            out[n] = d.toordinal() - epoch
    return out


def _windows(day: np.ndarray, tp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = day.copy(), day.copy()
    week = tp == 2
    lo[week] -= _WEEK
    hi[week] += _WEEK
    month = np.flatnonzero(tp == 3)
    epoch = _dt.date(1970, 1, 1).toordinal()
    for n in month:
        d = _dt.date.fromordinal(int(day[n]) + epoch)
        first = d.replace(day=1)
        nxt = (first.replace(year=first.year + 1, month=1) if first.month == 12
               else first.replace(month=first.month + 1))
        lo[n], hi[n] = first.toordinal() - epoch, nxt.toordinal() - epoch - 1
    return lo, hi


def _canonical(df: pd.DataFrame) -> pd.DataFrame:
    """The rows in one order that does not depend on the input's (all columns, as text)."""
    cols = [c for c in df.columns if c != "geometry"]
    keys = pd.DataFrame({f"k{n}": df[c].astype(str).to_numpy() for n, c in enumerate(cols)})
    order = keys.sort_values(list(keys.columns), kind="mergesort").index.to_numpy()
    return df.iloc[order].reset_index(drop=True)


def _int(s: pd.Series, fill: int) -> np.ndarray:
    return pd.to_numeric(s, errors="coerce").fillna(fill).astype(np.int64).to_numpy().copy()


def _pairs(day_lo, day_hi, cellkey, deltas, ok, window) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (i < j): rows whose (day, cell) buckets meet, cells compared with ``cell + delta``.

    ``cellkey`` is an int64 per row below 2**36; a row owns one bucket per day of its window.
    """
    n = len(day_lo)
    idx = np.flatnonzero(ok)
    if len(idx) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    span = day_hi[idx] - day_lo[idx] + 1
    own_rows = np.repeat(idx, span)
    starts = np.repeat(np.cumsum(span) - span, span)
    own_day = np.repeat(day_lo[idx], span) + (np.arange(len(own_rows)) - starts) + 1_000_000
    own_cell = cellkey[own_rows]
    own = pd.DataFrame({"key": (own_day << 36) + own_cell, "i": own_rows})
    out_i, out_j = [], []
    for dd in range(-window, window + 1):
        for delta in deltas:
            probe = pd.DataFrame({"key": ((own_day + dd) << 36) + own_cell + delta, "j": own_rows})
            m = own.merge(probe, on="key")
            m = m[m.i < m.j]
            out_i.append(m.i.to_numpy())
            out_j.append(m.j.to_numpy())
    i, j = np.concatenate(out_i), np.concatenate(out_j)
    if len(i) == 0:
        return i, j
    pair = np.unique(i * (n + 1) + j)
    return pair // (n + 1), pair % (n + 1)


def _grid_pairs(day_lo, day_hi, xyz, ok, cell_km, window):
    """Pairs from a 3-D grid of cubes of side ``cell_km`` (27 neighbours): any two points closer than
    ``cell_km`` (chord <= arc) are in neighbouring cubes."""
    cells = np.floor(np.nan_to_num(xyz) / cell_km).astype(np.int64) + 2048  # |cell| <= R / 5 km < 2048
    key = (cells[:, 0] << 24) + (cells[:, 1] << 12) + cells[:, 2]
    deltas = [(a << 24) + (b << 12) + c for a in (-1, 0, 1) for b in (-1, 0, 1) for c in (-1, 0, 1)]
    return _pairs(day_lo, day_hi, key, deltas, ok, window)


def _haversine(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Union-find over the edges (i, j), vectorised: hook each root to the smaller one, compress, repeat.

    Returns a root index per node; nodes of one connected component share it.
    """
    lab = np.arange(n, dtype=np.int64)
    if len(i) == 0:
        return lab
    while True:
        li, lj = lab[i], lab[j]
        m = np.minimum(li, lj)
        new = lab.copy()
        np.minimum.at(new, li, m)
        np.minimum.at(new, lj, m)
        while True:  # pointer jumping until every node points at a root
            nxt = new[new]
            if np.array_equal(nxt, new):
                break
            new = nxt
        if np.array_equal(new, lab):
            return lab
        lab = new


def _split(v: Any) -> list[str]:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return []
    return [p.strip() for p in str(v).split(";") if p.strip()]


def cluster_labels(df: pd.DataFrame, *, days: int = 1, km: float | None = None,
                   by_type: bool = True) -> np.ndarray:
    """Group label of every row of ``df`` (in its order): rows with the same label are one event."""
    n = len(df)
    day = _days(df["event_date"])
    tp = _int(df["time_precision"], 1)
    tp[day < 0] = 1
    gp = _int(df["geo_precision"], _MISSING_GEO)
    lat = pd.to_numeric(df["latitude"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(df["longitude"], errors="coerce").to_numpy(dtype=float)
    ok = (day >= 0) & np.isfinite(lat) & np.isfinite(lon)
    thr = np.full(n, float(km)) if km is not None else np.vectorize(
        lambda g: GEO_KM.get(int(g), GEO_KM[_MISSING_GEO]), otypes=[float])(gp) if n else np.zeros(0)
    lo, hi = _windows(day, tp)
    phi, lam = np.radians(np.nan_to_num(lat)), np.radians(np.nan_to_num(lon))
    xyz = _EARTH_KM * np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])
    cell = float(thr[ok].max()) if ok.any() else 1.0
    cell = max(cell, 5.0)
    w = max(days - 1, 0)
    i, j = _grid_pairs(lo, hi, xyz, ok, cell, w)
    pid = df["place_id"].astype("string").to_numpy(dtype=object, na_value=None) if "place_id" in df \
        else np.full(n, None, dtype=object)
    codes = pd.factorize(pd.Series(pid, dtype=object), use_na_sentinel=True)[0].astype(np.int64)
    pi, pj = _pairs(lo, hi, codes, [0], ok & (codes >= 0), w)  # the same place_id, however far apart
    if len(pi):
        pair = np.unique(np.concatenate([i * (n + 1) + j, pi * (n + 1) + pj]))
        i, j = pair // (n + 1), pair % (n + 1)
    # exact tests on the candidates
    keep = (lo[i] <= hi[j] + w) & (lo[j] <= hi[i] + w)
    same_pid = np.array([a is not None and a == b for a, b in zip(pid[i], pid[j])], dtype=bool)
    dist = _haversine(lat[i], lon[i], lat[j], lon[j])
    keep &= same_pid | (dist <= np.maximum(thr[i], thr[j]))
    if by_type and "event_type" in df:
        et = df["event_type"].astype("string").to_numpy(dtype=object, na_value=None)
        keep &= np.array([a is None or b is None or a == b for a, b in zip(et[i], et[j])], dtype=bool)
    i, j = i[keep], j[keep]
    precise = (tp == 1) & (gp == 1)
    pp = precise[i] & precise[j]
    lab = _components(n, i[pp], j[pp])
    cc = ~precise[i] & ~precise[j]
    coarse_lab = _components(n, i[cc], j[cc])  # groups of coarse rows (precise rows stay singletons here)
    mixed = precise[i] ^ precise[j]
    ci = np.where(precise[i[mixed]], j[mixed], i[mixed])  # the coarse row
    pi = np.where(precise[i[mixed]], i[mixed], j[mixed])  # the precise row
    links = pd.DataFrame({"group": coarse_lab[ci], "cluster": lab[pi]}).drop_duplicates()
    counts = links.groupby("group")["cluster"].nunique()
    single = counts[counts == 1].index
    target = links[links.group.isin(single)].set_index("group")["cluster"]
    final = lab.copy()
    coarse_rows = np.flatnonzero(~precise)
    # coarse groups get fresh labels beyond the precise ones, or the one precise cluster they match
    fresh = coarse_lab[coarse_rows] + n
    joined = pd.Series(coarse_lab[coarse_rows]).map(target)
    final[coarse_rows] = np.where(joined.notna(), joined.fillna(-1).astype(np.int64), fresh)
    _, final = np.unique(final, return_inverse=True)
    return final


def _num(s: pd.Series, fill: float) -> np.ndarray:
    return pd.to_numeric(s, errors="coerce").astype("float64").fillna(fill).to_numpy()


def _figure(vals: list[float], srcs: list, col: str, notes: Any) -> tuple[Any, Any]:
    """ACLED's conservative figure for a merged row: the lowest figure given (0 = none given)."""
    given = sorted((v, str(s) if s is not None else "unknown source") for v, s in zip(vals, srcs) if v == v and v > 0)
    if not given:
        any_given = any(v == v for v in vals)
        return (0 if col == "fatalities" or any_given else None), notes
    if len({v for v, _ in given}) > 1:
        note = f"[{col} reported: {', '.join(f'{int(v)} ({s})' for v, s in given)}; lowest kept]"
        notes = f"{notes} {note}" if isinstance(notes, str) else note
    return int(given[0][0]), notes


def _merge(df: pd.DataFrame, lab: np.ndarray) -> pd.DataFrame:
    """One row per label of ``df`` (rows in canonical order), following the merge rules of the module doc."""
    gp, conf = _num(df["geo_precision"], 9), _num(df["confidence"], 0)
    has_xy = pd.to_numeric(df["latitude"], errors="coerce").notna().to_numpy()
    tp = _num(df["time_precision"], 9)
    dated = df["event_date"].notna().to_numpy()
    srcs = df["source"].astype(object).where(df["source"].notna(), None).tolist()
    src_split = [_split(v) for v in srcs]
    id_split = [_split(v) for v in df["_ids"].tolist()]
    fat, inj = _num(df["fatalities"], np.nan), _num(df["injuries"], np.nan)
    notes = df["notes"].astype(object).where(df["notes"].notna(), None).tolist()
    dataset = [_split(v) for v in df["dataset"].tolist()] if "dataset" in df else None
    order = np.argsort(lab, kind="stable")
    cuts = np.flatnonzero(np.diff(lab[order])) + 1
    place_idx, when_idx, cols = [], [], {c: [] for c in ("source", "n_sources", "merged_ids", "event_id",
                                                          "confidence", "fatalities", "injuries", "notes", "dataset")}
    for grp in np.split(order, cuts):
        g = grp.tolist()
        place = min(g, key=lambda r: (not has_xy[r], gp[r], -conf[r], r))
        when = min(g, key=lambda r: (not dated[r], tp[r], r))
        place_idx.append(place)
        when_idx.append(when)
        sources = sorted({x for r in g for x in src_split[r]})
        ids = sorted({x for r in g for x in id_split[r]})
        cols["source"].append(";".join(sources) or None)
        cols["n_sources"].append(len(sources))
        cols["merged_ids"].append(";".join(ids))
        cols["event_id"].append(ids[0] if ids else None)
        cols["confidence"].append(float(max(conf[r] for r in g)))
        note = notes[place]
        if len(g) > 1:
            f, note = _figure([fat[r] for r in g], [srcs[r] for r in g], "fatalities", note)
            i, note = _figure([inj[r] for r in g], [srcs[r] for r in g], "injuries", note)
        else:
            f, i = fat[place], inj[place]
            f, i = (None if f != f else int(f)), (None if i != i else int(i))
        cols["fatalities"].append(f)
        cols["injuries"].append(i)
        cols["notes"].append(note)
        if dataset is not None:
            cols["dataset"].append(";".join(sorted({x for r in g for x in dataset[r]})) or None)
    out = df.iloc[place_idx].drop(columns=["geometry", "_ids"]).reset_index(drop=True)
    when_rows = df.iloc[when_idx].reset_index(drop=True)
    for c in ("event_date", "time_precision", "event_time"):
        out[c] = when_rows[c].to_numpy()
    for c, vals in cols.items():
        if c == "dataset" and dataset is None:
            continue
        out[c] = pd.Series(vals, dtype=object)
    return out


def dedupe_incidents(gdf: Any, *, days: int = 1, km: float | None = None, by_type: bool = True):
    """Merge rows that report the same event into one row that keeps every source (see module doc).

    Parameters
    ----------
    gdf : incidents (a GeoDataFrame with the columns of :mod:`geoutils.schema`; extra columns are kept).
    days : window length in days: 1 merges the same calendar day only, 2 also the day before/after.
    km : distance that overrides the ``geo_precision`` rule (1 → 5, 2 → 25, 3 → 50 km).
    by_type : only merge the same ``event_type`` (or an unknown one).

    Returns
    -------
    GeoDataFrame, one row per event, sorted by ``event_id``, with ``n_sources`` and ``merged_ids`` added.

    Example
    -------
    >>> import datetime as dt
    >>> from geoutils.schema import coerce
    >>> rows = [dict(event_id="ar-001", event_date=dt.date(2020, 2, 13), time_precision=1, latitude=35.51,
    ...              longitude=44.28, geo_precision=1, event_type="Explosions/Remote violence",
    ...              fatalities=0, source="Alsumaria"),
    ...         dict(event_id="en-001", event_date=dt.date(2020, 2, 13), time_precision=1, latitude=35.52,
    ...              longitude=44.29, geo_precision=1, event_type="Explosions/Remote violence",
    ...              fatalities=2, source="Reuters")]
    >>> out = dedupe_incidents(coerce(rows))
    >>> out[["event_id", "n_sources", "merged_ids", "source", "fatalities"]].values.tolist()
    [['ar-001', 2, 'ar-001;en-001', 'Alsumaria;Reuters', 2]]
    """
    from geoutils.schema import coerce

    if not isinstance(gdf, pd.DataFrame):
        raise ValueError(f"dedupe_incidents() needs a GeoDataFrame, got {type(gdf).__name__}")
    if not isinstance(days, (int, np.integer)) or days < 1:
        raise ValueError(f"days must be a whole number >= 1, got {days!r}")
    if km is not None and not (isinstance(km, (int, float)) and km > 0):
        raise ValueError(f"km must be a positive number, got {km!r}")
    attrs = dict(getattr(gdf, "attrs", {}))
    df = coerce(gdf)
    df.attrs = {}  # pandas deep-copies attrs on every operation (a reader's report can be large)
    if len(df) == 0:
        out = df.assign(n_sources=pd.Series(dtype="Int64"), merged_ids=pd.Series(dtype="string"))
        out.attrs.update(attrs)
        return out
    df = _canonical(df.drop(columns=[c for c in ("n_sources",) if c in df.columns]))
    ids = df["merged_ids"] if "merged_ids" in df else df["event_id"]
    df["_ids"] = ids.astype("string").fillna("").to_numpy()
    lab = cluster_labels(df, days=days, km=km, by_type=by_type)
    out = _merge(df, lab)
    out["n_sources"] = out["n_sources"].astype("Int64")
    out["merged_ids"] = out["merged_ids"].astype("string")
    out = out.sort_values("event_id", kind="mergesort").reset_index(drop=True)
    res = coerce(out)
    res.attrs.update(attrs)
    return res
