"""Run every benchmark in turn: ``python -m benchmarks [name ...]`` (names: gazetteer, extract, maps, spatial)."""
from __future__ import annotations

import importlib
import sys

AREAS = ["gazetteer", "extract", "spatial", "maps"]

names = sys.argv[1:] or AREAS
for name in names:
    if name not in AREAS:
        sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(AREAS)}")
for name in names:
    print(f"\n=== {name} ===", flush=True)
    sys.argv = [f"bench_{name}"]  # each benchmark with its defaults
    importlib.import_module(f"benchmarks.bench_{name}").main()
