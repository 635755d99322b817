"""``extract_corpus``: many articles -> one (deduplicated) incident table, on all cores or on Dask."""
from __future__ import annotations

import warnings
from typing import Any, Iterator

from geoutils.corpus import engines
from geoutils.corpus.sources import Skipped, iter_articles
from geoutils.corpus.worker import ChunkResult, spec_of

DEFAULT_CHUNK = 64


class SkippedArticlesWarning(UserWarning):
    """Warned by :func:`extract_corpus` when some articles could not be read; see ``gdf.attrs["skipped"]``."""


def iter_corpus(articles: Any, *, workers: int | None = None, engine: str = "processes", gazetteer: Any = None,
                published: Any = None, lang: str | None = None, chunk_size: int = DEFAULT_CHUNK,
                strict_files: bool = False) -> Iterator[ChunkResult]:
    """Stream :class:`~geoutils.corpus.worker.ChunkResult` objects (rows of a chunk of articles), in input order.

    The streaming core of :func:`extract_corpus`, for callers that write rows as they arrive (the CLI's
    GeoParquet writer) instead of holding the table. Arguments as for :func:`extract_corpus`.

    Example
    -------
    >>> for res in iter_corpus("notebooks/data/corpus", workers=1):   # doctest: +SKIP
    ...     print(res.n_articles, 0 if res.frame is None else len(res.frame))
    """
    if engine not in engines.ENGINES:
        raise ValueError(f"engine {engine!r} is not one of {', '.join(engines.ENGINES)}")
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a whole number >= 1, got {workers!r}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, got {chunk_size!r}")
    n = workers or engines.default_workers()
    items = iter_articles(articles, published=published, lang=lang, strict_files=strict_files)
    return engines.run(items, engine=engine, workers=n, spec=spec_of(gazetteer), chunk_size=chunk_size)


def _progress(total: int | None, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="extracting", leave=False)


def _total(articles: Any) -> int | None:
    if hasattr(articles, "columns") and hasattr(articles, "__len__"):
        return len(articles)
    if isinstance(articles, (list, tuple)) and articles and not isinstance(articles[0], str):
        return len(articles)
    return None


def extract_corpus(articles: Any, *, workers: int | None = None, engine: str = "processes", dedupe: bool = True,
                   progress: bool = True, gazetteer: Any = None, published: Any = None, lang: str | None = None,
                   chunk_size: int = DEFAULT_CHUNK):
    """Incidents of a whole corpus as one ACLED-style table, deduplicated across reports.

    Parameters
    ----------
    articles : an iterable of ``(text, published, source)``; a DataFrame with ``text``, ``published``,
        ``source`` (and optional ``url``, ``lang``, ``id``) columns; a folder or glob of ``.txt`` files with
        JSON sidecars; or a JSON Lines file (see :mod:`geoutils.corpus.sources`). Read lazily.
    workers : processes (or Dask workers of a new local cluster); default: every core. ``workers=1``
        with ``engine="processes"`` runs in this process.
    engine : ``"processes"`` (:mod:`concurrent.futures`) or ``"dask"`` (:mod:`dask.bag` on the current
        :class:`distributed.Client`, else on a LocalCluster of ``workers`` processes).
    dedupe : merge reports of the same event with :func:`~geoutils.corpus.dedupe.dedupe_incidents`.
    progress : show a tqdm bar.
    gazetteer : a :class:`gazetteer.Gazetteer` (default ``Gazetteer.default()``), opened once per worker.
    published, lang : defaults for articles whose metadata lack them.
    chunk_size : articles per task.

    Returns
    -------
    GeoDataFrame in EPSG:4326 with the :mod:`geoutils.schema` columns plus ``url`` (and ``n_sources``,
    ``merged_ids`` when deduplicated). Event ids are ``<article id>-NNN`` (the article id is the sidecar's
    ``id``, the file's path under the folder, or a hash of source, date and URL or text), so they are stable
    and the same for every engine and worker count. ``attrs["skipped"]`` lists the articles that could not be
    read (``"path: reason"``, with a :class:`SkippedArticlesWarning`); ``attrs["articles"]`` counts articles.

    Example
    -------
    >>> gdf = extract_corpus("notebooks/data/corpus", workers=2)          # doctest: +SKIP
    >>> gdf.sort_values("n_sources", ascending=False).head()              # doctest: +SKIP
    """
    import pandas as pd

    from geoutils.schema import coerce, empty_incidents

    frames, skipped, n_articles = [], [], 0
    bar = _progress(_total(articles), progress)
    try:
        for res in iter_corpus(articles, workers=workers, engine=engine, gazetteer=gazetteer,
                               published=published, lang=lang, chunk_size=chunk_size):
            n_articles += res.n_articles
            skipped.extend(res.skipped)
            if res.frame is not None and len(res.frame):
                frames.append(res.frame)
            if bar is not None:
                bar.update(res.n_articles)
    finally:
        if bar is not None:
            bar.close()
    if frames:
        gdf = coerce(pd.concat(frames, ignore_index=True))
    else:
        gdf = empty_incidents()
        gdf["url"] = pd.Series(dtype="string")
    del frames
    if dedupe:
        gdf = dedupe_incidents(gdf)
    gdf.attrs["skipped"] = [str(s) for s in skipped]
    gdf.attrs["articles"] = n_articles
    if skipped:
        more = "" if len(skipped) <= 3 else f" (and {len(skipped) - 3} more)"
        warnings.warn(f"skipped {len(skipped)} of {n_articles} articles: "
                      f"{'; '.join(str(s) for s in skipped[:3])}{more}; see gdf.attrs['skipped']",
                      SkippedArticlesWarning, stacklevel=2)
    return gdf


from geoutils.corpus.dedupe import dedupe_incidents  # noqa: E402  (re-exported)


__all__ = ["extract_corpus", "iter_corpus", "SkippedArticlesWarning", "Skipped"]
