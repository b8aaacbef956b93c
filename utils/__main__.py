"""Command line: ``python -m utils <command> ...``.

Each command lives in its own module under ``utils/`` with a ``register(subparsers)``
function that adds its parser and sets ``func`` (called with the parsed
arguments, returning the exit code). A command that hands options on to another
program (``serve``, to ``streamlit run``) also sets ``passes_through=True``: the
options its parser does not know are kept, in order, as ``arguments.passed_through``.
Run ``python -m utils --help`` for the list.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES: tuple[str, ...] = ("utils.cli.import_cmd", "utils.cli.export_cmd", "utils.cli.db_cmd",
                                   "utils.cli.extract_cmd", "utils.cli.serve_cmd")
ALONE: dict[str, str] = {"serve": "utils.cli.serve_cmd"}
"""Commands whose module is imported alone when named first: ``serve`` becomes the server (``os.execv``), so it
does not pay the two seconds of importing every other command's modules first."""


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
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] and argv[0] in ALONE:
        return int(importlib.import_module(ALONE[argv[0]]).main(argv[1:]) or 0)
    parser = build_parser()
    arguments, unknown = parser.parse_known_args(argv)
    if unknown and not getattr(arguments, "passes_through", False):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    arguments.passed_through = unknown
    if not getattr(arguments, "func", None):
        parser.print_help()
        return 2
    return int(arguments.func(arguments) or 0)


if __name__ == "__main__":
    sys.exit(main())
