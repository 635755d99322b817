"""Deprecated module name: the steps live in their own modules (see :mod:`geoutils.extract.api`)."""
from geoutils.extract.api import extract_incidents  # noqa: F401

__all__ = ["extract_incidents"]
