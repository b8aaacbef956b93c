"""``python -m utils extract FILE --published YYYY-MM-DD --outlet NAME [--url URL] --format json|csv --out OUT``.

Reads a news article (.txt or .html; ``-`` for standard input) and writes the candidate events the
extractor proposes, for an analyst to review: nothing is added to the data. JSON is
``{"article": {...}, "events": [...], "skipped": [...]}``; CSV has our event columns (no event_id:
the analyst's save assigns it) plus recalled, incident and evidence, with formula-like cells made
inert for spreadsheets. Offline: places come from the bases, the data folder's events and GeoNames.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from utils.core.escaping import safe_http_url
from utils.data.csv_write import spreadsheet_csv_bytes
from utils.data.folder import DataFolder
from utils.importers.article import ArticleError, candidate_rows, extract_article
from utils.importers.article.folder import governorate_function, place_index_for
from utils.importers.article.rows import CANDIDATE_COLUMNS

__all__ = ["candidates_csv", "register"]


def candidates_csv(rows: list[dict]) -> bytes:
    """Candidate rows as CSV in :data:`CANDIDATE_COLUMNS`, through the project's spreadsheet-safe writer
    (formula-like text made inert)."""
    frame = pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))
    frame["fatalities"] = frame["fatalities"].astype("Int64")
    return spreadsheet_csv_bytes(frame)


def _extract(arguments: argparse.Namespace) -> int:
    err = sys.stderr
    if arguments.url and not safe_http_url(arguments.url):
        print(f"--url {arguments.url!r}: not an http(s) link; leave it out if the article has none.", file=err)
        return 2
    name = "standard input" if arguments.file == "-" else Path(arguments.file).name
    try:
        raw = sys.stdin.buffer.read() if arguments.file == "-" else Path(arguments.file).read_bytes()
    except OSError as error:
        print(f"{arguments.file}: cannot be read: {error.strerror or error}", file=err)
        return 1
    folder = DataFolder.from_option(arguments.data_dir)
    try:
        extraction = extract_article(raw, published=arguments.published, outlet=arguments.outlet,
                                     index=place_index_for(folder), name=name,
                                     governorate_of=governorate_function(folder))
    except ArticleError as error:
        print(f"nothing extracted: {error}", file=err)
        return 1
    rows = candidate_rows(extraction)
    if arguments.format == "json":
        document = {"article": {"file": name, "outlet": extraction.outlet, "published": extraction.published.isoformat(),
                                "url": arguments.url or ""},
                    "events": rows,
                    "skipped": [{"sentence": extraction.text[s.start:s.end], "reason": s.reason}
                                for s in extraction.skipped]}
        data = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        data = candidates_csv(rows)
    if arguments.out == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(arguments.out).write_bytes(data)
        print(f"wrote {len(rows)} candidate event(s) from {name} to {arguments.out}; review them before saving "
              "(the Import page, 'From an article').", file=sys.stdout)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser("extract", help="propose candidate events from a news article",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("file", metavar="FILE", help="the article: .txt or .html (- for standard input)")
    parser.add_argument("--published", required=True, metavar="YYYY-MM-DD",
                        help="when the article was published; relative dates are read from it")
    parser.add_argument("--outlet", required=True, metavar="NAME", help="who published it")
    parser.add_argument("--url", default="", help="the article's http(s) link (optional)")
    parser.add_argument("--format", choices=["json", "csv"], default="json")
    parser.add_argument("--out", required=True, metavar="OUT", help="where to write the candidates (- for stdout)")
    parser.add_argument("--data-dir", default=None, help="the data folder whose bases and places to use "
                                                         "(default: $EVENTMAP_DATA_DIR or data/)")
    parser.set_defaults(func=_extract)
