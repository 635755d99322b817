"""Shared test set-up.

* The default gazetteer is built once into ``.cache/gazetteer`` in the checkout
  (kept between runs; rebuilt when a source changes), unless
  ``GAZETTEER_CACHE_DIR`` is already set.
* Every test session gets an empty user layer of its own, so tests never touch
  an analyst's additions.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("GAZETTEER_CACHE_DIR", str(ROOT / ".cache" / "gazetteer"))


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_layer(tmp_path_factory):
    old = os.environ.get("GAZETTEER_DATA_DIR")
    os.environ["GAZETTEER_DATA_DIR"] = str(tmp_path_factory.mktemp("gazetteer-user"))
    yield
    if old is None:
        os.environ.pop("GAZETTEER_DATA_DIR", None)
    else:
        os.environ["GAZETTEER_DATA_DIR"] = old


@pytest.fixture(scope="session")
def gz():
    """The default gazetteer (built on first use)."""
    from gazetteer import Gazetteer

    return Gazetteer.default(progress=False)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / "000_c725f2d41bc631cf.txt").read_text(encoding="utf-8")
