"""StreamingParquet: frames gathered into batches and row groups read back as written."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geoutils.corpus import writer
from geoutils.schema import coerce


def _frame(n: int, start: int) -> gpd.GeoDataFrame:
    rows = [{"event_id": f"e{start + i}", "event_date": "2020-03-31", "event_type": "Battles",
             "latitude": 33.0 + i * 0.01, "longitude": 44.0, "fatalities": i, "url": f"u{start + i}"}
            for i in range(n)]
    df = pd.DataFrame(rows)
    return coerce(gpd.GeoDataFrame(df, geometry=[Point(r["longitude"], r["latitude"]) for r in rows],
                                   crs="EPSG:4326"))


@pytest.mark.parametrize("batch,group", [(1, 1000), (3, 5), (1000, 4)])
def test_batches_and_row_groups_keep_every_row_in_order(tmp_path, monkeypatch, batch, group):
    import pyarrow.parquet as pq

    monkeypatch.setattr(writer, "CONVERT_BATCH", batch)
    out = tmp_path / "rows.parquet"
    frames = [_frame(n, s) for n, s in ((2, 0), (4, 2), (1, 6), (3, 7))]
    with writer.StreamingParquet(out, row_group=group) as w:
        for f in frames:
            w.write(f)
    got = gpd.read_parquet(out)
    assert got["event_id"].tolist() == [f"e{i}" for i in range(10)]
    assert got["url"].tolist() == [f"u{i}" for i in range(10)]
    assert got.crs.to_epsg() == 4326
    assert got.geometry.y.round(2).tolist() == pd.concat(frames).geometry.y.round(2).tolist()
    assert pq.ParquetFile(out).metadata.num_row_groups >= (1 if group >= 10 else 2)
