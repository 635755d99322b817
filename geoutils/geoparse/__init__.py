"""geoparse: every place an article names, recognised and resolved in the article's context.

One geoparser for the project: :func:`parse_mentions` (a list of :class:`Mention`) and
:func:`geoparse` (the same as an EPSG:4326 GeoDataFrame). Extraction reads its mentions.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> [m.place.name for m in parse_mentions("Rockets hit Kirkuk.", gazetteer=MemoryGazetteer.demo())]
['Kirkuk']
"""
from __future__ import annotations

from geoutils.geoparse.api import geoparse, parse_mentions
from geoutils.geoparse.mention import Mention

__all__ = ["geoparse", "parse_mentions", "Mention"]


# ``geoutils.geoparse`` is both this package and the public function (``geoutils.geoparse(text)``):
# once imported, the package shadows the lazy re-export on ``geoutils``, so the package is callable.
import sys as _sys
import types as _types


class _CallableModule(_types.ModuleType):
    def __call__(self, text, **kwargs):
        return geoparse(text, **kwargs)


_sys.modules[__name__].__class__ = _CallableModule
