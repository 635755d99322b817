"""Deprecated location of the toponym scanner: it lives in :mod:`geoutils.geoparse.scanner`.

A thin re-export while extraction still imports it; removed once nothing does.
"""
from geoutils.geoparse.scanner import *  # noqa: F401,F403
from geoutils.geoparse.scanner import Hit, Scanner, _word_starts, fold_chunks, scanner_for  # noqa: F401
