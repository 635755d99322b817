"""The vectorised nearest-anchor distances equal the pairwise ones they replace (context step)."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from geoutils.geoparse.context import haversine_km
from geoutils.geoparse.nearest import Nearest


def _pairwise(places, anchors, i):
    return [min((haversine_km(a, b, p.lat, p.lon) for a, b, j in anchors if j != i), default=None) for p in places]


@pytest.mark.parametrize("seed", range(6))
def test_matches_pairwise_distances(seed):
    rnd = random.Random(seed)
    # a region (as in the articles) plus points around the world, across the antimeridian and near the poles
    def point():
        if rnd.random() < 0.6:
            return rnd.uniform(29, 38), rnd.uniform(38, 49)
        return rnd.uniform(-89.9, 89.9), rnd.uniform(-180, 180)

    anchors = [(*point(), j) for j in rnd.sample(range(40), rnd.randint(0, 24))]
    lists = [[SimpleNamespace(id=f"p{k}-{n}", lat=la, lon=lo) for n, (la, lo) in
              enumerate(point() for _ in range(rnd.randint(1, 12)))] for k in range(30)]
    near = Nearest(anchors, lists)
    for i, places in enumerate(lists):
        got, want = near(places, i), _pairwise(places, anchors, i)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert (g is None) == (w is None)
            if w is not None:
                assert g == pytest.approx(w, rel=1e-12, abs=1e-9)


def test_own_anchor_is_skipped_and_late_places_are_added():
    anchors = [(35.47, 44.39, 0)]
    near = Nearest(anchors)
    kirkuk = SimpleNamespace(id="k", lat=35.47, lon=44.39)
    assert near([kirkuk], 0) == [None]  # the only anchor is the mention itself
    assert near([kirkuk], 3) == [0.0]
    assert Nearest([])([kirkuk], 0) == [None]
