"""Sub-commands of the ``geoutils`` CLI, one module each, each with ``register(subparsers)``."""
