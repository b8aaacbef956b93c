"""The data folder: where the served events, bases, articles, basemap and change log are.

One :class:`DataFolder` is chosen at start-up (``--data-dir``, else
``$EVENTMAP_DATA_DIR``, else the bundled ``data/``) and passed down to
everything that reads or writes data files; nothing below start-up looks a
folder up by itself. It also names the store the data lives in
(``database_url``: ``--database-url``, else ``$EVENTMAP_DATABASE_URL``; None
for the embedded ``eventmap.sqlite`` in the folder, see utils/data/store_sql.py).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from utils.core.paths import BUNDLED_DATA_DIR

__all__ = ["CACHE_FOLDER", "DATABASE_URL_ENV", "DATA_DIR_ENV", "DataFolder"]

CACHE_FOLDER = ".eventmap-cache"
"""The folder (inside the data folder) of files made from the data to read it faster; safe to delete."""

DATA_DIR_ENV = "EVENTMAP_DATA_DIR"
"""Environment variable naming another data folder (same layout as ``data/``)."""
DATABASE_URL_ENV = "EVENTMAP_DATABASE_URL"
"""Environment variable with a PostgreSQL URL for the store (``postgresql://user:password@host:port/db``)."""


@dataclass(frozen=True)
class DataFolder:
    """A folder laid out as ``data/`` is (see data/README.md); ``root`` is an absolute path.

    ``database_url``: the PostgreSQL store to use, or None for the folder's own ``eventmap.sqlite``.
    """

    root: Path
    database_url: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).expanduser().resolve())

    @property
    def events(self) -> Path:
        """``events.csv``: the events served (and written by the Add or edit page)."""
        return self.root / "events.csv"

    @property
    def sites(self) -> Path:
        """``sites.geojson``: the bases."""
        return self.root / "sites.geojson"

    @property
    def sources(self) -> Path:
        """``sources.csv``: the articles behind the events."""
        return self.root / "sources.csv"

    @property
    def basemap(self) -> Path:
        """``basemap/``: borders and governorates for the offline map."""
        return self.root / "basemap"

    @property
    def changes(self) -> Path:
        """``changes.csv``: the append-only change log."""
        return self.root / "changes.csv"

    @property
    def aliases(self) -> Path:
        """``aliases.csv``: other spellings of outlets and claimants (optional; see utils/data/aliases.py)."""
        return self.root / "aliases.csv"

    @property
    def cache(self) -> Path:
        """``.eventmap-cache/``: the validated dataset and earlier versions, kept to read them faster."""
        return self.root / CACHE_FOLDER

    @property
    def data_files(self) -> tuple[Path, ...]:
        """The files whose content makes the data version and whose change reloads it: events, sites,
        sources and the aliases (which the filter reads)."""
        return self.events, self.sites, self.sources, self.aliases

    @classmethod
    def at_start_up(cls, argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> DataFolder:
        """The folder chosen at start-up: ``--data-dir DIR`` in ``argv``, else ``$EVENTMAP_DATA_DIR``, else data/.

        ``argv`` is what follows ``--`` in ``streamlit run app.py -- --data-dir DIR``
        (``sys.argv[1:]`` inside the app); other arguments are ignored.
        """
        parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
        parser.add_argument("--data-dir", default=None)
        parser.add_argument("--database-url", default=None)
        known, _ = parser.parse_known_args(list(argv or []))
        return cls.from_option(known.data_dir, environ, database_url=known.database_url)

    @classmethod
    def from_option(cls, data_dir: str | Path | None, environ: Mapping[str, str] | None = None, *,
                    database_url: str | None = None) -> DataFolder:
        """``data_dir`` when given (a command's ``--data-dir``), else ``$EVENTMAP_DATA_DIR``, else data/.

        The store: ``database_url`` when given (``--database-url``), else ``$EVENTMAP_DATABASE_URL``, else None.
        """
        environ = os.environ if environ is None else environ
        url = (database_url or environ.get(DATABASE_URL_ENV, "")).strip() or None
        if data_dir:
            return cls(Path(data_dir), url)
        configured = environ.get(DATA_DIR_ENV)
        return cls(Path(configured) if configured else BUNDLED_DATA_DIR, url)
