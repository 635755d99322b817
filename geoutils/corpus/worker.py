"""The per-article function every engine runs, and the gazetteer each worker opens once.

A *spec* says which gazetteer to open: ``None`` for ``Gazetteer.default()``, a ``("path", db, user)``
tuple for a :class:`gazetteer.Gazetteer` on another database, or ``("object", token, obj)`` for any
picklable gazetteer-like object (e.g. :class:`geoutils.extract.memory.MemoryGazetteer`), kept by its
token. :func:`init_worker` is the ``concurrent.futures`` initializer and is run on every Dask worker
(``Client.run``) before the first partition: each worker process opens the gazetteer once, and its
threads share it (the read-only SQLite connection allows that).
"""
from __future__ import annotations

import os
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, Sequence

from geoutils.corpus.sources import Article, Skipped

_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


def _new_lock_after_fork() -> None:  # a lock held by another thread at fork time would never be released
    global _LOCK
    _LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_lock_after_fork)


def spec_of(gazetteer: Any) -> Any:
    """A picklable description of ``gazetteer`` that a worker process can reopen (see module doc)."""
    if gazetteer is None:
        return None
    try:
        from gazetteer import Gazetteer
    except ImportError:  # pragma: no cover
        Gazetteer = ()
    if isinstance(gazetteer, Gazetteer):
        user = getattr(gazetteer, "user_path", None)
        return ("path", str(gazetteer.path), str(user) if user else None)
    return ("object", uuid.uuid4().hex, gazetteer)


def _key(spec: Any) -> str:
    if spec is None:
        return "default"
    if spec[0] == "object":
        return "object:" + spec[1]
    return repr(spec)


def open_gazetteer(spec: Any) -> Any:
    """The gazetteer for ``spec``, opened once per worker process and shared by its threads."""
    key = _key(spec)
    with _LOCK:
        if key not in _CACHE:
            if spec is None:
                from gazetteer import Gazetteer

                _CACHE[key] = Gazetteer.default(progress=False)
            elif spec[0] == "path":
                from gazetteer import Gazetteer

                _CACHE[key] = Gazetteer(spec[1], user_path=spec[2])
            else:
                _CACHE[key] = spec[2]
        return _CACHE[key]


def init_worker(spec: Any) -> None:
    """Worker start-up (``concurrent.futures`` initializer, ``Client.run`` on Dask workers): open the
    gazetteer and warm the extraction caches (name scanner, lexicons) on one short sentence."""
    import datetime as _dt

    from geoutils.extract import extract_incidents

    extract_incidents("A rocket hit Kirkuk on Monday.", published=_dt.date(2020, 1, 1), gazetteer=open_gazetteer(spec))


@dataclass
class ChunkResult:
    """What one chunk of articles gives: a table of rows (or None), the skipped articles, counts."""

    frame: Any
    skipped: list[Skipped] = field(default_factory=list)
    n_articles: int = 0
    n_bytes: int = 0


def extract_article(art: Article, gz: Any) -> list[dict]:
    """Incident rows of one article, as :func:`geoutils.extract.api.incident_records` gives them."""
    from geoutils.extract.api import incident_records

    return incident_records(art.text, published=art.published, lang=art.lang, source=art.source, gazetteer=gz)


def _table(parts: list) -> Any:
    """One table from per-article rows (one coercion per chunk, not per article); event ids become
    ``<article id>-NNN``, ``url`` the article's."""
    import pandas as pd

    from geoutils.schema import coerce

    rows = [{**r, "event_id": f"{art.id}-{n:03d}", "url": art.url}
            for art, recs in parts for n, r in enumerate(recs, 1)]
    out = coerce(rows)  # extra columns (url) are kept as they come
    out["url"] = pd.array(out["url"], dtype="string")
    return out


def extract_chunk(items: Sequence[Article | Skipped], spec: Any = None) -> ChunkResult:
    """Run :func:`extract_article` over a chunk; an article that fails is reported, not raised."""
    gz = open_gazetteer(spec)
    parts, skipped, nbytes, n = [], [], 0, 0
    for art in items:
        n += 1
        if isinstance(art, Skipped):
            skipped.append(art)
            continue
        nbytes += art.nbytes
        try:
            recs = extract_article(art, gz)
        except Exception as exc:  # one bad article must not stop a corpus run; it is reported
            skipped.append(Skipped(art.origin, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        if recs:
            parts.append((art, recs))
    return ChunkResult(_table(parts) if parts else None, skipped, n, nbytes)


def extract_partition(items: Sequence[Article | Skipped], spec: Any = None) -> list[ChunkResult]:
    """The Dask form of :func:`extract_chunk`: a bag partition in, a one-item list out."""
    return [extract_chunk(list(items), spec)]
