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
    import sqlite3
    import warnings

    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    prog = f"{parser.prog} {args.command}"
    old_format = warnings.formatwarning
    # warnings (a damaged user layer, dropped rows) as one line each, not "file:line: ..." + source
    warnings.formatwarning = lambda message, category, *a, **k: f"{prog}: warning: {message}\n"
    try:
        return int(invoke(args) or 0)
    except (ValueError, OSError, sqlite3.Error) as exc:
        msg = " ".join(str(exc).split()) or type(exc).__name__
        print(f"{prog}: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        warnings.formatwarning = old_format
