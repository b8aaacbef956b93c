"""``python -m utils validate FILE`` and ``python -m utils import FILE --out events.csv``.

Both read a file exactly as the dashboard's Import page does (same code:
:mod:`utils.importers`) and print the same report: rows read, loaded and set
aside, notes, and a table of row, column, value and reason. ``validate``
exits 1 when the file is refused whole; ``import`` also writes the events
that loaded in our schema (extra columns kept after ours).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import pandas as pd

from utils.core.problems import DataFileError
from utils.data.folder import DATA_DIR_ENV, DataFolder
from utils.importers import FORMATS, ColumnMapping, ImportResult, import_bytes
from utils.importers.datefmt import DATE_FORMATS
from utils.importers.pipeline import write_native_csv

__all__ = ["format_report", "register"]

_VALUE_WIDTH = 40


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in values or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip():
            raise SystemExit(f"{option} {item!r}: write OURS=VALUE, for example {option} event_date=Date")
        pairs[ours.strip()] = theirs.strip()
    return pairs


def _mapping(arguments: argparse.Namespace) -> ColumnMapping | None:
    if not arguments.map and not arguments.set:
        return None
    return ColumnMapping(columns=_pairs(arguments.map, "--map"), fixed=_pairs(arguments.set, "--set"),
                         date_format=arguments.date_format)


def _text(value: object) -> str:
    """A report cell as text: blank for a missing value (None, NaN, <NA>)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _short(value: object) -> str:
    text = _text(value).replace("\n", " ").replace("\r", " ")
    return text if len(text) <= _VALUE_WIDTH else text[:_VALUE_WIDTH - 3] + "..."


def format_report(result: ImportResult, *, limit: int | None = 200) -> str:
    """The report as plain text: summary, notes, then row, column, value, reason."""
    lines = [f"{result.file}: read as {result.format}" + (" (detected)" if result.detected == result.format else ""),
             result.summary()]
    lines += [f"note: {note}" for note in result.load.notes]
    table = result.report()
    if len(table):
        shown = table if limit is None else table.head(limit)
        rows = [("row", "column", "value", "reason")] + [
            (_text(r.row), _text(r.column), _short(r.value), _text(r.reason))
            for r in shown.itertuples(index=False)]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines.append("")
        lines += ["  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)).rstrip()
                  for row in rows]
        if limit is not None and len(table) > limit:
            lines.append(f"... {len(table) - limit} more problem(s); --all lists every one.")
    return "\n".join(lines)


def _run(arguments: argparse.Namespace) -> tuple[int, ImportResult | None]:
    out: TextIO = sys.stdout
    err: TextIO = sys.stderr
    path = Path(arguments.file)
    try:
        with open(path, "rb"):  # read from disk by the importer; here only: can it be opened?
            pass
    except OSError as exc:
        print(f"{path}: cannot be read: {exc.strerror}", file=err)
        return 1, None
    try:
        result = import_bytes(path, path.name, folder=DataFolder.from_option(arguments.data_dir),
                              fmt=arguments.format, encoding=arguments.encoding, mapping=_mapping(arguments),
                              date_format=arguments.date_format)
    except DataFileError as error:
        print(f"refused, nothing loaded: {error}", file=err)
        return 1, None
    print(format_report(result, limit=None if arguments.all else 200), file=out)
    return 0, result


def _validate(arguments: argparse.Namespace) -> int:
    code, _ = _run(arguments)
    return code


def _import(arguments: argparse.Namespace) -> int:
    code, result = _run(arguments)
    if result is None:
        return code
    out = Path(arguments.out)
    try:
        write_native_csv(result.load.events, out)
    except OSError as error:
        print(f"cannot write {out}: {error.strerror or error}. Check that the folder {out.parent} exists and "
              "that you may write there.", file=sys.stderr)
        return 1
    print(f"wrote {result.loaded} event(s) to {out}")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a CSV or GeoJSON file (or a .gz/.zip of one)")
    parser.add_argument("--format", choices=FORMATS, default="auto",
                        help="the file's format; 'csv' means any CSV mapped with --map (default: detect)")
    parser.add_argument("--encoding", default="utf-8-sig",
                        help="the text encoding, for example cp1256 or latin-1 (default: UTF-8)")
    parser.add_argument("--date-format", choices=["auto", *DATE_FORMATS], default="auto",
                        help="how dates are written, for the whole file (default: the one form that fits)")
    parser.add_argument("--map", action="append", metavar="OURS=THEIRS",
                        help="for --format csv: take our column OURS from the file's column THEIRS "
                             "(repeat; event_date, latitude and longitude are needed)")
    parser.add_argument("--set", action="append", metavar="OURS=VALUE",
                        help="for --format csv: give our column OURS one value for every row")
    parser.add_argument("--all", action="store_true", help="list every problem (default: the first 200)")
    parser.add_argument("--data-dir", type=Path,
                        help=f"data folder whose governorate polygons are used (default: ${DATA_DIR_ENV} or data/)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``validate`` and ``import`` commands."""
    validate = subparsers.add_parser("validate", help="check an event file and print the report",
                                     description=_validate.__doc__ or __doc__.splitlines()[0])
    _common(validate)
    validate.set_defaults(func=_validate)
    convert = subparsers.add_parser("import", help="check an event file and write it in our schema",
                                    description="Check an event file and write the rows that load in our schema.")
    _common(convert)
    convert.add_argument("--out", required=True, metavar="EVENTS.CSV", help="where to write the events")
    convert.set_defaults(func=_import)
