"""Reading the store into frames: events typed as validation returns them, articles, collections.

Stored rows were validated on the way in (seed, import, add, edit), so reading
needs no second validation: only the types and the date windows. PostgreSQL
streams the rows as CSV (``COPY ... TO STDOUT``) into Arrow, which is several
times faster than fetching tuples; SQLite is read with one query.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd

from utils.core.dates import add_date_windows
from utils.data.store_rows import event_row_text, text_value
from utils.data.store_schema import EVENT_TEXT_COLUMNS, STORED_EVENT_COLUMNS
from utils.data.store_sql import Database
from utils.data.text_columns import arrow_frame, text_dtype

__all__ = ["EVENT_SELECT", "LIVE_EVENTS", "read_collections", "read_event_frame", "read_event_text", "read_sources_frame",
           "read_sources_text"]

EVENT_SELECT = ", ".join(STORED_EVENT_COLUMNS)
LIVE_EVENTS = _LIVE = "collection_id IN (SELECT collection_id FROM collections WHERE deleted_at IS NULL)"
_FRAME_COLUMNS = [*STORED_EVENT_COLUMNS, "collection", "event_version", "extra"]


def read_event_text(database: Database) -> pd.DataFrame:
    """Every event of a collection not deleted, as text cells, plus ``collection`` and ``version``."""
    rows = database.query(f"SELECT {EVENT_SELECT}, collection_id, version FROM events WHERE {_LIVE} ORDER BY pk")
    records = [{**event_row_text(r[:-2]), "collection": r[-2], "version": str(r[-1])} for r in rows]
    return pd.DataFrame(records, columns=[*STORED_EVENT_COLUMNS, "collection", "version"], dtype=object)


def _raw_events(database: Database, where: str, params: tuple) -> pd.DataFrame:
    select = f"SELECT {EVENT_SELECT}, collection_id, version, extra FROM events WHERE {where} ORDER BY pk"
    if database.kind == "postgresql":
        import pyarrow as pa
        import pyarrow.csv as pacsv

        sql = select
        for value in params:  # COPY takes no parameters: only integers are ever passed here
            sql = sql.replace("?", str(int(value)), 1)
        buffer = io.BytesIO()
        with database._lock, database.connection.cursor() as cursor, \
                cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER true)") as copy:
            for block in copy:
                buffer.write(block)
        buffer.seek(0)
        types = {c: pa.string() for c in _FRAME_COLUMNS}
        types.update(latitude=pa.float64(), longitude=pa.float64(), geo_precision=pa.int64(),
                     fatalities=pa.int64(), event_version=pa.int64())
        names = [*STORED_EVENT_COLUMNS, "collection_id", "version", "extra"]
        table = pacsv.read_csv(buffer, convert_options=pacsv.ConvertOptions(
            column_types={**types, "collection_id": pa.string(), "version": pa.int64()},
            strings_can_be_null=False, quoted_strings_can_be_null=False, null_values=[""]),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1))
        frame = arrow_frame(table)
        return frame.rename(columns={"collection_id": "collection", "version": "event_version"})
    rows = database.query(select, params)
    return pd.DataFrame.from_records(rows, columns=_FRAME_COLUMNS)


def read_event_frame(database: Database, *, since: int | None = None, every_collection: bool = False) -> pd.DataFrame:
    """The events of collections not deleted, typed (dates, floats, ints), with ``date_start``/``date_end``.

    ``since``: only the events written after that data version (a replica's
    catch-up). Columns: those of events.csv and the optional ones, then
    ``collection`` and ``event_version``, then any extra columns imports kept.
    ``every_collection``: deleted collections' events too (a catch-up drops them itself, and
    ``changed_in > ?`` alone keeps to its index).
    """
    live = "1 = 1" if every_collection else _LIVE
    where, params = (live, ()) if since is None else (f"changed_in > ? AND {live}", (int(since),))
    raw = _raw_events(database, where, params)
    frame = pd.DataFrame(index=pd.RangeIndex(len(raw)))
    frame["event_id"] = raw["event_id"].astype(text_dtype())
    frame["event_date"] = pd.to_datetime(raw["event_date"].astype(str), format="%Y-%m-%d").astype("datetime64[us]")
    for column in EVENT_TEXT_COLUMNS:
        frame[column] = raw[column].fillna("").astype(text_dtype())
    frame["latitude"] = raw["latitude"].to_numpy(dtype=float)
    frame["longitude"] = raw["longitude"].to_numpy(dtype=float)
    frame["geo_precision"] = raw["geo_precision"].to_numpy(dtype=np.int64)
    frame["fatalities"] = pd.array(pd.to_numeric(raw["fatalities"], errors="coerce"), dtype="Float64").astype("Int64")
    ordered = [c for c in STORED_EVENT_COLUMNS]
    frame = frame[ordered]
    frame["collection"] = raw["collection"].astype(text_dtype())
    frame["event_version"] = raw["event_version"].to_numpy(dtype=np.int64)
    extra = raw["extra"]
    has_extra = extra.notna() & (extra.astype(str) != "")
    if has_extra.any():
        parsed = pd.DataFrame([json.loads(text) for text in extra[has_extra]], index=extra.index[has_extra])
        for column in parsed.columns:
            if column not in frame.columns:
                frame[column] = parsed[column].reindex(frame.index)
    return add_date_windows(frame)


def read_sources_text(database: Database) -> pd.DataFrame:
    """The articles as text cells, in the order they were recorded."""
    from utils.core.schema import SOURCE_COLUMNS

    rows = database.query(f"SELECT {', '.join(SOURCE_COLUMNS)}, collection_id FROM sources ORDER BY rowid"
                          if database.kind == "sqlite" else
                          f"SELECT {', '.join(SOURCE_COLUMNS)}, collection_id FROM sources ORDER BY ctid")
    return pd.DataFrame([[text_value(v) for v in r] for r in rows], columns=[*SOURCE_COLUMNS, "collection"],
                        dtype=object)


def read_sources_frame(database: Database) -> pd.DataFrame:
    """The articles typed as :func:`utils.data.sites.load_sources` returns them (``published`` a date)."""
    text = read_sources_text(database)
    frame = text.drop(columns=["collection"]).astype(text_dtype())
    frame["published"] = pd.to_datetime(text["published"].replace("", None), format="%Y-%m-%d")
    return frame


def read_collections(database: Database, *, include_deleted: bool = False, counts: bool = True) -> pd.DataFrame:
    """Collections (id, name, kind, who, when, file, format, counts, report, deleted), oldest first."""
    where = "" if include_deleted else "WHERE deleted_at IS NULL"
    rows = database.query("SELECT collection_id, name, kind, created_at, created_by, file, format, rows_read, "
                          f"loaded, set_aside, report, deleted_at, deleted_by, deleted_reason FROM collections {where} "
                          "ORDER BY created_at, collection_id")
    columns = ["collection_id", "name", "kind", "created_at", "created_by", "file", "format", "rows_read", "loaded",
               "set_aside", "report", "deleted_at", "deleted_by", "deleted_reason"]
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    if counts:  # one pass over the events' collection index
        found = dict(database.query("SELECT collection_id, count(*) FROM events GROUP BY collection_id"))
        frame["events"] = [int(found.get(c, 0)) for c in frame["collection_id"]]
    return frame
