"""Hostile text: a corpus of script-injection payloads and a data folder carrying them in every text field.

Every payload that could run sets ``window.__pwned`` (and opens a dialog), so a test can tell that
nothing ran. A new sink (an upload, an export, an editor) reuses :data:`PAYLOADS` and
:func:`write_hostile_data`, then checks its output with ``tests/inert.py``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

PAYLOADS: dict[str, str] = {
    "script": "<script>window.__pwned=1;alert(1)</script>",
    "img_onerror": '<img src=x onerror="window.__pwned=2;alert(2)">',
    "svg_onload": "<svg onload=window.__pwned=3;alert(3)>",
    "template_literal": "${window.__pwned=4;alert(4)}",
    "backslash_backtick": "\\`;window.__pwned=5;alert(5);//",
    "close_script": "</script><script>window.__pwned=6;alert(6)</script>",
    "javascript_url": "javascript:window.__pwned=7;alert(7)",
    "data_url": "data:text/html,<script>window.__pwned=8;alert(8)</script>",
    "attribute_breakout": "\" onmouseover=\"window.__pwned=9\" x='",
    "markdown": "[click me](javascript:window.__pwned=10) :red[alarm] **bold** ![pixel](http://example.com/p.png)",
    "latex_and_html_entity": "$x^2$ &lt;b&gt;not bold&lt;/b&gt; &amp;",
    "right_to_left_override": "report\u202egnp.exe\u202c final",
    "homoglyph": "\u041ahmeimim \u0430ir base",
    "jinja": "{{ 7*7 }} {% if true %}x{% endif %}",
    "iframe": '<iframe src="javascript:parent.__pwned=15"></iframe>',
    "formula": "=HYPERLINK(\"http://example.com\",\"click\")",
    "very_long": "long " * 400 + "<b>end</b>",
}
"""Name -> payload. Each is also a complete, valid cell (no NUL, no line break, no leading blank)."""

HEADER_PAYLOAD = '<img src=x onerror="window.__pwned=20">'
"""A payload used as a column name (events.csv) and a property name (sites.geojson)."""

SAFE_LINK = 'https://example.org/a?b=<c>&d="e"'
"""An http(s) URL full of markup characters: it must become a link whose href is exactly this."""

EVENT_TEXT_FIELDS = ("event_id", "actor1", "actor2", "location", "admin1", "source", "claimed_by", "notes",
                     "doc_id", "incident_id")
SITE_TEXT_FIELDS = ("name", "alt_names", "operator", "description", "reported")
SOURCE_TEXT_FIELDS = ("doc_id", "outlet", "headline", "language", "stance", "seed_file", "url")


def hostile_event_rows() -> list[dict[str, str]]:
    """One event per payload, the payload in every free-text field (ids made unique by the payload itself)."""
    rows = []
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        row = {field: payload for field in EVENT_TEXT_FIELDS}
        row.update(event_date=f"2024-06-{number + 1:02d}", date_precision="day", event_type="Battles",
                   sub_event_type="Armed clash", latitude=f"{34.0 + 0.2 * (number % 8):.2f}",
                   longitude=f"{36.7 + 0.45 * (number // 8):.2f}", geo_precision="1", status="claimed",
                   fatalities="", source_url=SAFE_LINK if name == "attribute_breakout" else "")
        row[HEADER_PAYLOAD] = payload
        rows.append(row)
    bad_link = dict(rows[0], event_id="set aside: javascript link", source_url=PAYLOADS["javascript_url"])
    rows.append(bad_link)
    return rows


def write_hostile_data(folder: Path) -> None:
    """Add payloads to a copy of ``data/`` in ``folder``: events, sites and articles (changed in place).

    events.csv gains one event per payload (and an extra column named :data:`HEADER_PAYLOAD`, and one
    row set aside for its ``javascript:`` source_url); every base carries payloads in its name,
    alt_names, operator, description and reported (and a property named :data:`HEADER_PAYLOAD`);
    sources.csv gains one article per payload, doc_id included.
    """
    events_path = folder / "events.csv"
    with events_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fieldnames = list(reader.fieldnames or [])
        rows = list(reader)
    fieldnames += [c for c in ("source_url", HEADER_PAYLOAD) if c not in fieldnames]
    with events_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, restval="")
        writer.writeheader()
        writer.writerows(rows + hostile_event_rows())

    sources_path = folder / "sources.csv"
    with sources_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        source_fields = list(reader.fieldnames or [])
        sources = list(reader)
    for payload in PAYLOADS.values():
        sources.append({field: payload for field in SOURCE_TEXT_FIELDS}
                       | {"published": "2024-06-30", "published_precision": "day"})
    sources[-1]["url"] = SAFE_LINK
    with sources_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=source_fields)
        writer.writeheader()
        writer.writerows(sources)

    sites_path = folder / "sites.geojson"
    document = json.loads(sites_path.read_text(encoding="utf-8"))
    payloads = list(PAYLOADS.values())
    for number, feature in enumerate(document["features"]):
        properties = feature["properties"]
        properties["name"] = payloads[number]
        properties["operator"] = payloads[(number + 4) % len(payloads)]
        properties["description"] = payloads[(number + 8) % len(payloads)]
        properties["reported"] = payloads[(number + 12) % len(payloads)]
        properties["alt_names"] = payloads
        properties[HEADER_PAYLOAD] = "a property whose name is a payload"
    sites_path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def site_payloads(number: int) -> dict[str, str]:
    """The payloads :func:`write_hostile_data` put in base ``number`` (file order), by field."""
    payloads = list(PAYLOADS.values())
    return {"name": payloads[number], "operator": payloads[(number + 4) % len(payloads)],
            "description": payloads[(number + 8) % len(payloads)],
            "reported": payloads[(number + 12) % len(payloads)]}
