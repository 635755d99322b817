"""extract_corpus: inputs, engines that agree row for row, corrupt articles reported and skipped."""
from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from geoutils.corpus import SkippedArticlesWarning, extract_corpus, iter_articles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "notebooks" / "data" / "corpus"


def _records() -> list[dict]:
    out = []
    for f in sorted(CORPUS.glob("*.txt")):
        meta = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
        out.append({"text": f.read_text(encoding="utf-8"), "published": meta["published"], "source": meta["source"],
                    "lang": meta["language"], "id": f.stem})
    return out


def _plain(g: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(g.drop(columns="geometry")).sort_values("event_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def serial(gz):
    return extract_corpus(CORPUS, workers=1, dedupe=False, progress=False)


def test_folder_gives_one_row_per_report_with_stable_unique_ids(serial):
    assert serial.attrs["articles"] == 32 and serial.attrs["skipped"] == []
    assert serial.event_id.is_unique
    assert serial.event_id.str.match(r"^\d{3}_[a-z0-9-]+-\d{3}$").all()
    assert len(serial) >= 25 and serial.crs == "EPSG:4326"
    assert set(serial.source) >= {"Rafidain Wire", "وكالة دجلة نيوز"}


def test_every_input_kind_gives_the_same_rows(serial, tmp_path):
    recs = _records()
    frame = extract_corpus(pd.DataFrame(recs), workers=1, dedupe=False, progress=False)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    lines = extract_corpus(feed, workers=1, dedupe=False, progress=False)
    globbed = extract_corpus(str(CORPUS / "0*.txt"), workers=1, dedupe=False, progress=False)
    for other in (frame, lines, globbed):
        pd.testing.assert_frame_equal(_plain(other).drop(columns="url"), _plain(serial).drop(columns="url"))


def test_tuples_get_hash_ids_that_do_not_depend_on_position(gz):
    recs = _records()[:6]
    tuples = [(r["text"], r["published"], r["source"]) for r in recs]
    a = extract_corpus(tuples, workers=1, dedupe=False, progress=False)
    b = extract_corpus(tuples[::-1], workers=1, dedupe=False, progress=False)
    assert a.event_id.is_unique and a.event_id.str.match(r"^a[0-9a-f]{12}-\d{3}$").all()
    pd.testing.assert_frame_equal(_plain(a), _plain(b))


def test_processes_and_dask_give_the_workers_1_table(serial):
    from distributed import Client, LocalCluster

    procs = extract_corpus(CORPUS, workers=2, dedupe=False, progress=False, chunk_size=4)
    pd.testing.assert_frame_equal(_plain(procs), _plain(serial))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        dsk = extract_corpus(CORPUS, engine="dask", dedupe=False, progress=False, chunk_size=4)
        dd = extract_corpus(CORPUS, engine="dask", progress=False, chunk_size=4)
    pd.testing.assert_frame_equal(_plain(dsk), _plain(serial))
    pd.testing.assert_frame_equal(_plain(dd), _plain(extract_corpus(CORPUS, workers=1, progress=False)))


def test_dedupe_merges_reports_of_the_corpus(serial):
    out = extract_corpus(CORPUS, workers=1, progress=False)
    assert len(out) < len(serial)
    top = out.sort_values("n_sources", ascending=False).iloc[0]
    assert top.n_sources == 3 and len(top.merged_ids.split(";")) == 3
    assert out.n_sources.sum() >= len(serial) - 1  # every report is counted in some row


@pytest.mark.parametrize("workers", [1, 2])
def test_corrupt_articles_are_reported_and_skipped(tmp_path, gz, workers):
    good = sorted(CORPUS.glob("*.txt"))[:4]
    for f in good:
        shutil.copy(f, tmp_path / f.name)
        shutil.copy(f.with_suffix(".json"), tmp_path / f.with_suffix(".json").name)
    (tmp_path / "900_latin1.txt").write_bytes("Rockets hit Kirkuk on Monday \xe9\xe8".encode("latin-1"))
    (tmp_path / "901_bad-date.txt").write_text("Rockets hit Kirkuk on Monday.", encoding="utf-8")
    (tmp_path / "901_bad-date.json").write_text('{"published": "2021-13-45", "source": "x"}', encoding="utf-8")
    (tmp_path / "902_bad-json.txt").write_text("Rockets hit Kirkuk on Monday.", encoding="utf-8")
    (tmp_path / "902_bad-json.json").write_text('{"published": ', encoding="utf-8")
    with pytest.warns(SkippedArticlesWarning, match="skipped 3 of 7"):
        out = extract_corpus(tmp_path, workers=workers, dedupe=False, progress=False)
    skipped = out.attrs["skipped"]
    assert len(skipped) == 3
    assert any("900_latin1.txt" in s and "UTF-8" in s for s in skipped)
    assert any("901_bad-date.txt" in s and "2021-13-45" in s for s in skipped)
    assert any("902_bad-json" in s and "JSON" in s for s in skipped)
    assert set(out.event_id.str.rsplit("-", n=1).str[0]) <= {f.stem for f in good}
    assert len(out) >= 3


def test_bad_lines_of_a_feed_are_reported(tmp_path, gz):
    feed = tmp_path / "f.jsonl"
    rec = _records()[0]
    feed.write_bytes(json.dumps(rec).encode() + b"\n{not json\n" + b'{"text": "x", "published": "soon"}\n'
                     + b"\xff\xfe\n")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        out = extract_corpus(feed, workers=1, progress=False)
    assert [s.split(": ")[0] for s in out.attrs["skipped"]] == [f"{feed}:2", f"{feed}:3", f"{feed}:4"]
    assert len(out) >= 1


def test_bad_arguments():
    with pytest.raises(ValueError, match="threads"):
        extract_corpus([], engine="threads")
    with pytest.raises(ValueError, match="0"):
        extract_corpus([], workers=0)
    with pytest.raises(ValueError, match="nowhere"):
        list(iter_articles("nowhere/at/all"))
    with pytest.raises(ValueError, match="text"):
        list(iter_articles(pd.DataFrame({"body": ["x"]})))
    empty = extract_corpus([], workers=1, progress=False)
    assert len(empty) == 0 and "n_sources" in empty.columns
