"""Where the project's own files are: its folder, the bundled data, the vendored assets."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
"""The project folder (the one holding app.py, data/ and static/)."""

BUNDLED_DATA_DIR = PROJECT_DIR / "data"
"""The data shipped with the project: the seed events, the bases, the articles, the basemap."""
