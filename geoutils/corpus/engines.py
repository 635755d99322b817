"""Engines: run the per-chunk function over a stream of articles, yielding results in input order.

* ``serial``: in this process (``workers=1``).
* ``processes``: a :class:`concurrent.futures.ProcessPoolExecutor`. Where the OS can fork (Linux), this
  process opens the gazetteer and warms the caches first, freezes them (:func:`gc.freeze`) and forks the
  workers, which share those pages copy-on-write: one copy of the gazetteer in memory, not one per
  worker, and no start-up per worker (the gazetteer reopens its SQLite connections in each child).
  Elsewhere each worker opens the gazetteer once (initializer). Chunks are submitted as the stream is
  read, at most ``2 * workers`` in flight, so memory stays flat whatever the number of articles.
* ``dask``: a :mod:`dask.bag` of articles, mapped partition by partition with the same function, computed
  on the user's :class:`distributed.Client` when one exists, otherwise on a :class:`distributed.LocalCluster`
  of ``workers`` single-threaded processes started and closed here (on Linux forked, as for ``processes``,
  from this process once it holds the gazetteer; a user's cluster loads it once per worker). The stream
  is cut into windows of ``workers * 16`` partitions and at most three windows are in flight.

Every engine yields :class:`~geoutils.corpus.worker.ChunkResult` objects in the order of the input, so
all engines give the same table.
"""
from __future__ import annotations

import itertools
import os
from collections import deque
from typing import Any, Iterable, Iterator

from geoutils.corpus.worker import ChunkResult, extract_chunk, extract_partition, init_worker

ENGINES = ("processes", "dask")


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter) from any iterable, lazily."""
    it = iter(items)
    while True:
        block = list(itertools.islice(it, size))
        if not block:
            return
        yield block


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_FROZEN = [0]  # nesting depth of _freeze(): gc.freeze() is process-wide, only the outermost unfreezes


def _freeze(spec: Any) -> None:
    """Open the gazetteer of ``spec`` here and keep the collector off its millions of objects (they live
    as long as the run; forked workers then share their pages). Undo with :func:`_unfreeze`."""
    import gc

    init_worker(spec)
    if _FROZEN[0] == 0:
        gc.collect()
        gc.freeze()
    _FROZEN[0] += 1


def _unfreeze() -> None:
    import gc

    _FROZEN[0] -= 1
    if _FROZEN[0] == 0:
        gc.unfreeze()


def run_serial(items: Iterable, spec: Any, chunk_size: int) -> Iterator[ChunkResult]:
    _freeze(spec)
    try:
        for block in chunked(items, chunk_size):
            yield extract_chunk(block, spec)
    finally:
        _unfreeze()


def _fork_context() -> Any:
    """The ``fork`` multiprocessing context on Linux, else None (the platform's default)."""
    import multiprocessing as mp
    import sys

    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return None


def run_processes(items: Iterable, spec: Any, workers: int, chunk_size: int) -> Iterator[ChunkResult]:
    from concurrent.futures import ProcessPoolExecutor

    max_in_flight = 2 * workers
    ctx = _fork_context()
    forked = _preload(spec)  # load once here; the forked workers share it (see the module doc)
    init = None if forked else init_worker  # a forked worker has it already: no warm-up to dirty its pages
    try:
        yield from _pool(ProcessPoolExecutor(max_workers=workers, initializer=init, initargs=(spec,) if init else (),
                                             mp_context=ctx), items, spec, chunk_size, max_in_flight)
    finally:
        if forked:
            _unfreeze()


def _pool(pool: Any, items: Iterable, spec: Any, chunk_size: int, max_in_flight: int) -> Iterator[ChunkResult]:
    with pool:
        pending: deque = deque()
        try:
            for block in chunked(items, chunk_size):
                pending.append(pool.submit(extract_chunk, block, spec))
                while len(pending) >= max_in_flight:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()


def _preload(spec: Any) -> bool:
    """Open the gazetteer here and freeze it, for workers forked from this process; False if no fork."""
    if _fork_context() is None:
        return False
    _freeze(spec)
    return True


def local_client(workers: int, spec: Any = None):
    """A :class:`distributed.Client` on a new LocalCluster of ``workers`` single-threaded processes, and
    a function that closes both.

    On Linux the workers are forked from this process after it has opened the gazetteer of ``spec``
    (see :func:`geoutils.corpus.worker.spec_of`), so they share it instead of loading one each.

    Example
    -------
    >>> client, close = local_client(2)      # doctest: +SKIP
    >>> close()                              # doctest: +SKIP
    """
    import logging

    import dask
    from distributed import Client, LocalCluster

    forked = _preload(spec)
    cluster = None
    try:
        with dask.config.set({"distributed.worker.multiprocessing-method": "fork"} if forked else {}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    except BaseException:
        try:
            if cluster is not None:
                cluster.close()
        finally:
            if forked:
                _unfreeze()
        raise

    def close() -> None:
        try:
            client.close()
        finally:
            try:
                cluster.close()
            finally:
                if forked:
                    _unfreeze()

    return client, close


def _client(workers: int, spec: Any):
    """The user's Dask client if there is one (and no closer), else :func:`local_client`."""
    from distributed import get_client

    try:
        return get_client(), None
    except ValueError:
        return local_client(workers, spec)


def run_dask(items: Iterable, spec: Any, workers: int, chunk_size: int) -> Iterator[ChunkResult]:
    import dask.bag as db

    client, close = _client(workers, spec)
    try:
        client.run(init_worker, spec)  # every worker opens its gazetteer once, before the first partition
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window = chunk_size * n_workers * 16  # partitions per graph: fewer, larger graphs cost the scheduler less
        pending: deque = deque()
        for block in chunked(items, window):
            bag = db.from_sequence(block, partition_size=chunk_size)
            parts = bag.map_partitions(extract_partition, spec).to_delayed()
            pending.append(client.compute(parts))
            while len(pending) >= 3:
                yield from _gather(client, pending.popleft())
        while pending:
            yield from _gather(client, pending.popleft())
    finally:
        if close is not None:
            close()


def _gather(client: Any, futures: list) -> Iterator[ChunkResult]:
    for part in client.gather(futures):
        yield from part


def run(items: Iterable, *, engine: str, workers: int, spec: Any, chunk_size: int) -> Iterator[ChunkResult]:
    """Dispatch to an engine (``workers == 1`` with ``processes`` runs in this process)."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "dask":
        return run_dask(items, spec, workers, chunk_size)
    if workers == 1:
        return run_serial(items, spec, chunk_size)
    return run_processes(items, spec, workers, chunk_size)
