"""Command line: ``python -m utils <command> ...``.

Each command lives in its own module under ``utils/`` with a ``register(subparsers)``
function that adds its parser and sets ``func`` (called with the parsed
arguments, returning the exit code). Run ``python -m utils --help`` for the list.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES: tuple[str, ...] = ("utils.cli.import_cmd", "utils.cli.export_cmd", "utils.cli.db_cmd",
                                   "utils.cli.extract_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m utils", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if not getattr(arguments, "func", None):
        parser.print_help()
        return 2
    return int(arguments.func(arguments) or 0)


if __name__ == "__main__":
    sys.exit(main())
