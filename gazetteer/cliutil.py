"""What the ``gazetteer`` and ``geoutils`` command lines share: one-line errors, exit codes."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


class OneLineArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr (exit status 2)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def dispatch(parser: argparse.ArgumentParser, argv: list[str] | None,
             invoke: Callable[[argparse.Namespace], int | None] = lambda a: a.func(a)) -> int:
    """Parse ``argv`` and run the chosen command; ``ValueError``/``OSError`` become one
    line on stderr and exit status 2, no traceback.

    Example
    -------
    >>> dispatch(OneLineArgumentParser(prog="x"), [])   # no command: help, status 2   # doctest: +SKIP
    """
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(invoke(args) or 0)
    except (ValueError, OSError) as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
