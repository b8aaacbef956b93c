"""The one escaping function for text that comes from data.

Event and site text (notes, sources, place names, ids) is untrusted. Before it
reaches a popup, tooltip, label, legend, caption or any HTML we write, it goes
through :func:`escape_text`, which turns it into inert HTML text:

* ``& < > " '`` become entities, so no tag or attribute can be opened;
* backtick, ``$`` and backslash become entities, so the text cannot end or
  interpolate a JavaScript template literal (folium writes popups as
  ```...``` literals and ``${...}`` would run);
* Markdown and Streamlit markup characters (``* _ [ ] ( ) # ~ : | ! { } +``)
  become entities, so the same escaped text is also inert in ``st.caption``
  and ``st.markdown`` (no links, no colour directives, no LaTeX);
* line breaks and tabs become entities, so text cannot start a Markdown block.

A browser decodes every entity back to the original character, so the user
reads exactly the text that was in the data.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["escape_text", "safe_http_url"]

_ENTITIES: dict[str, str] = {
    ch: f"&#{ord(ch)};"
    for ch in "&<>\"'`$\\*_[](){}#~:|!+=^\n\r\t"
}
_TRANSLATION = str.maketrans(_ENTITIES)


def escape_text(value: Any) -> str:
    """Return ``value`` as inert HTML/Markdown text.

    ``None`` and NaN become an empty string; every other value is converted
    with ``str`` first.
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).translate(_TRANSLATION)


def safe_http_url(value: Any) -> str | None:
    """Return ``value`` stripped if it is an ``http(s)://`` URL, else ``None``.

    Links are only ever made from URLs that pass this check; ``javascript:``,
    ``data:`` and everything else are shown as text, never as links.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    lowered = url.lower()
    if not (lowered.startswith("http://") or lowered.startswith("https://")):
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url) or len(url) <= len("https://"):
        return None
    return url
