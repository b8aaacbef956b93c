"""Files the map's browser code fetches by URL, so they are not sent again with every change of the map.

The offline basemap (borders, governorates, rivers, place names: about 0.3 MB) is the same for every filter;
sent inside the map element, it went to the browser again with every layer change. It is written once per
content to a folder Streamlit serves (registered as a component's files, the public API for serving a
folder), named by its hash, and the map fetches it once per page. Only :func:`basemap_url` writes there.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import streamlit.components.v1 as components

from utils.data.dataset import Dataset
from utils.map.basemap_layer import basemap_json

FILES_DIR = Path(tempfile.gettempdir()) / f"eventmap-files-{os.getuid()}"
FILES_DIR.mkdir(parents=True, exist_ok=True)
_files = components.declare_component("files", path=str(FILES_DIR))
URL_PREFIX = f"../{_files.name}/"
"""Seen from the streamlit-folium frame (``/component/<name>/index.html``); relative, so it works under a
``server.baseUrlPath`` too."""


def basemap_url(dataset: Dataset) -> str:
    """The URL of ``dataset``'s basemap for the map's frame (written on first use, then reused)."""
    def publish() -> str:
        text = basemap_json(dataset.basemap).encode("utf-8")
        name = f"basemap-{hashlib.sha256(text).hexdigest()[:16]}.json"
        target = FILES_DIR / name
        if not target.exists():
            partial = target.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(text)
            partial.replace(target)
        return URL_PREFIX + name

    return dataset.memo.get("basemap_url", publish)


def served_file(url: str) -> Path:
    """The file behind a URL made by this module (tests read what the map fetches)."""
    if not url.startswith(URL_PREFIX):
        raise ValueError(f"{url!r} is not a map file URL (they start with {URL_PREFIX!r})")
    return FILES_DIR / url.removeprefix(URL_PREFIX)
