"""Run benchmarks: ``python -m benchmarks [name ...]`` (names: gazetteer, extract, spatial, maps, geoparse).

One area may take its own options: ``python -m benchmarks geoparse --mb 1 --repeat 3``
(``python -m benchmarks <area> --help`` lists them).

``python -m benchmarks accuracy [options]`` scores the toolkit on the real data in
``../shared/realdata`` (see ``python -m benchmarks accuracy --help``); it takes its own
options, so it runs alone and is not part of the default run.
"""
from __future__ import annotations

import importlib
import sys

AREAS = ["gazetteer", "extract", "spatial", "maps", "geoparse"]
#: areas that take their own command-line options: ``python -m benchmarks <area> [options]``
WITH_OPTIONS = {"accuracy": "benchmarks.accuracy", "corpus": "benchmarks.bench_corpus"}

if len(sys.argv) > 1 and sys.argv[1] in WITH_OPTIONS:
    area, rest = sys.argv[1], sys.argv[2:]
    try:
        module = importlib.import_module(WITH_OPTIONS[area])
    except ModuleNotFoundError as exc:
        sys.exit(f"benchmark {area!r} is not available here ({exc})")
    sys.argv = [f"python -m benchmarks {area}", *rest]
    module.main()
    sys.exit(0)

args = sys.argv[1:]
first_option = next((i for i, a in enumerate(args) if a.startswith("-")), len(args))
names, options = args[:first_option] or AREAS, args[first_option:]
default_run = not args
for name in names:
    if name not in AREAS:
        sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(AREAS + sorted(WITH_OPTIONS))}")
if options and len(names) != 1:
    sys.exit(f"options ({' '.join(options)}) go with one benchmark: python -m benchmarks <name> {' '.join(options)}")
for name in names:
    try:
        module = importlib.import_module(f"benchmarks.bench_{name}")
    except ModuleNotFoundError as exc:
        if name == "geoparse" and default_run:
            print(f"\n=== {name} === skipped ({exc})", flush=True)
            continue
        raise
    print(f"\n=== {name} ===", flush=True)
    sys.argv = [f"python -m benchmarks {name}", *options]  # its own options, else its defaults
    try:
        module.main()
    except SystemExit as exc:  # geoparse needs ../shared/realdata: a default run goes on without it
        if exc.code in (None, 0) or not default_run or name != "geoparse":
            raise
        print(f"skipped: {exc.code}", flush=True)
