"""Corpus scale: many articles -> one deduplicated incident table, on all cores or on a Dask cluster.

* :func:`extract_corpus` reads a folder, a glob, a JSON Lines file, a DataFrame or any iterable of
  ``(text, published, source)``, streams it through an engine (:mod:`geoutils.corpus.engines`) and
  deduplicates the rows (:func:`dedupe_incidents`).
* :func:`iter_corpus` is its streaming core (chunks of rows in input order).

Example
-------
>>> from geoutils.corpus import extract_corpus, dedupe_incidents       # doctest: +SKIP
>>> gdf = extract_corpus("notebooks/data/corpus", workers=2)            # doctest: +SKIP
"""
from __future__ import annotations

from geoutils.corpus.api import SkippedArticlesWarning, extract_corpus, iter_corpus
from geoutils.corpus.dedupe import GEO_KM, dedupe_incidents
from geoutils.corpus.sources import Article, Skipped, iter_articles

__all__ = ["extract_corpus", "iter_corpus", "dedupe_incidents", "iter_articles", "Article", "Skipped",
           "SkippedArticlesWarning", "GEO_KM"]
