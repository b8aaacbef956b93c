"""Loading the bases (``data/sites.geojson``) and the articles (``data/sources.csv``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd

from utils.core.problems import BLANK, DataFileError, Problem
from utils.core.schema import DATE_PRECISIONS, SITE_KINDS, SITE_PROPERTIES, SOURCE_COLUMNS
from utils.data.csv_read import ROW_COLUMN, read_csv_table

__all__ = ["load_sites", "load_sources", "site_names"]


def site_names(sites: pd.DataFrame) -> dict[str, str]:
    """Each base's name by its ``site_id``, in file order: the one lookup captions, sidebar and exports use."""
    return dict(zip(sites["site_id"], sites["name"]))


def load_sites(path: str | Path, *, file_label: str | None = None) -> pd.DataFrame:
    """Read the sites GeoJSON into a frame with ``latitude``/``longitude`` columns.

    Positions in the file are GeoJSON [longitude, latitude]. ``alt_names``
    may be a list or a string; it is returned as a tuple of names. Any problem
    refuses the file with a message naming the feature, property and value:
    the four bases are too few to load partly.
    """
    file = file_label or str(path)
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(file, "the file does not exist; check the path.") from None
    except OSError as exc:
        raise DataFileError(file, f"the file cannot be read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(file, f"not valid JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise DataFileError(file, "the file must be a GeoJSON FeatureCollection.")
    records = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(document.get("features") or [], start=1):
        def fail(reason: str, column: str | None = None, value: object = None,
                 number: int = number) -> DataFileError:
            return DataFileError(file, reason, row=number, column=column,
                                 value=None if value is None else str(value))
        if not isinstance(feature, dict):
            raise fail("each feature must be a JSON object with geometry and properties.", None,
                       json.dumps(feature)[:80])
        geometry = feature.get("geometry") or {}
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            raise fail("each site must be a Point geometry.", "geometry",
                       geometry.get("type") if isinstance(geometry, dict) else geometry)
        coordinates = geometry.get("coordinates")
        if (not isinstance(coordinates, list) or len(coordinates) < 2
                or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coordinates[:2])):
            raise fail("coordinates must be [longitude, latitude] numbers.", "coordinates", coordinates)
        lon, lat = float(coordinates[0]), float(coordinates[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise fail("coordinates out of range; GeoJSON order is [longitude, latitude].",
                       "coordinates", coordinates)
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise fail("properties must be a JSON object.", "properties", properties)
        for name in SITE_PROPERTIES:
            if name not in properties or properties[name] in (None, ""):
                raise fail(f"property {name!r} is missing or blank.", name, properties.get(name))
            if name != "alt_names" and not isinstance(properties[name], str):
                raise fail(f"property {name!r} must be text.", name, properties[name])
        alt = properties["alt_names"]
        if not isinstance(alt, str) and not (isinstance(alt, list) and all(isinstance(a, str) for a in alt)):
            raise fail("alt_names must be a list of names or one text with names separated by ';'.",
                       "alt_names", alt)
        for optional in ("reported",):
            if properties.get(optional) not in (None, "") and not isinstance(properties[optional], str):
                raise fail(f"property {optional!r} must be text.", optional, properties[optional])
        site_id = str(properties["site_id"])
        if site_id in seen:
            raise fail(f"site_id repeats feature {seen[site_id]}; ids must be unique.", "site_id", site_id)
        seen[site_id] = number
        if properties["kind"] not in SITE_KINDS:
            raise fail("kind must be one of: " + ", ".join(SITE_KINDS) + ".", "kind", properties["kind"])
        alt = properties["alt_names"]
        alt_names = tuple(str(a) for a in alt) if isinstance(alt, list) else tuple(
            a.strip() for a in str(alt).split(";") if a.strip())
        record = {name: properties[name] for name in SITE_PROPERTIES}
        record.update(alt_names=alt_names, latitude=lat, longitude=lon)
        for optional in ("reported", "references"):
            record[optional] = properties.get(optional) or ""
        records.append(record)
    if not records:
        raise DataFileError(file, "the FeatureCollection holds no sites.")
    return pd.DataFrame.from_records(records)


def load_sources(path: str | Path, *, file_label: str | None = None) -> pd.DataFrame:
    """Read ``sources.csv``: one row per article (doc_id, outlet, headline, published ...).

    Refuses the file with a precise message on a missing column, a blank or
    repeated ``doc_id`` or an unreadable ``published`` date.
    """
    file = file_label or str(path)
    table = read_csv_table(path, file)
    if table.problems:
        raise DataFileError(file, table.problems[0].reason, row=table.problems[0].row)
    frame = table.frame
    missing = [c for c in SOURCE_COLUMNS if c not in frame.columns]
    if missing:
        raise DataFileError(file, "required column(s) missing: " + ", ".join(missing), row=1)
    problems: list[Problem] = []
    seen: set[str] = set()
    for record in frame.to_dict("records"):
        row = int(record[ROW_COLUMN])
        doc_id = record["doc_id"].strip()
        if not doc_id or doc_id in seen:
            problems.append(Problem(file, row, "doc_id", doc_id, "blank or repeated doc_id."))
        seen.add(doc_id)
        for column in ("outlet", "headline"):
            if not record[column].strip():
                problems.append(Problem(file, row, column, record[column], "this cell is blank.", kind=BLANK))
        try:
            date.fromisoformat(record["published"].strip())
        except ValueError:
            problems.append(Problem(file, row, "published", record["published"], "not a date YYYY-MM-DD."))
        if record["published_precision"].strip() not in DATE_PRECISIONS:
            problems.append(Problem(file, row, "published_precision", record["published_precision"],
                                    "not one of: " + ", ".join(DATE_PRECISIONS) + "."))
    if problems:
        first = problems[0]
        raise DataFileError(file, first.reason, row=first.row, column=first.column, value=first.value)
    out = frame.drop(columns=[ROW_COLUMN]).apply(lambda s: s.str.strip())
    out["published"] = pd.to_datetime(out["published"], format="%Y-%m-%d")
    return out.reset_index(drop=True)
