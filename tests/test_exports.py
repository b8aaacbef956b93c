"""Exports of the filtered events: CSV safe in a spreadsheet, GeoJSON valid."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from utils.data.dataset import load_dataset
from utils.export.formats import events_csv_bytes, events_geojson_bytes, neutralise_formula

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\nx"),  # a bare CR becomes LF (a spreadsheet could start a row at a CR)
        ("\r=1+1", "\n'=1+1"),
        ("note\n=1+1", "note\n'=1+1"),
        ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("Jableh", "Jableh"),
        (7, 7),
    ],
)
def test_formula_cells_are_neutralised_and_numbers_stay_numbers(value, expected):
    assert neutralise_formula(value) == expected


def test_csv_round_trips_through_pandas():
    events = load_dataset(DATA).events
    events.loc[0, "notes"] = "=cmd()"
    back = pd.read_csv(io.BytesIO(events_csv_bytes(events)), dtype=str, keep_default_na=False)
    assert len(back) == len(events)
    assert back.loc[0, "notes"] == "'=cmd()"
    assert back.loc[1, "event_date"] == events.loc[1, "event_date"].strftime("%Y-%m-%d")
    assert float(back.loc[3, "latitude"]) == events.loc[3, "latitude"]


def test_geojson_is_valid_and_keeps_every_event():
    events = load_dataset(DATA).events
    document = json.loads(events_geojson_bytes(events))
    assert document["type"] == "FeatureCollection" and len(document["features"]) == len(events)
    first = document["features"][0]
    assert first["geometry"]["coordinates"] == [events.loc[0, "longitude"], events.loc[0, "latitude"]]
    assert first["properties"]["claimed_by"] == events.loc[0, "claimed_by"]


def test_exports_carry_the_distance_to_the_nearest_base():
    events = load_dataset(DATA).events
    back = pd.read_csv(io.BytesIO(events_csv_bytes(events)))
    row = back.set_index("event_id").loc["EV0021"]
    assert row["nearest_site"] == "Al-Tanf garrison" and row["nearest_site_km"] == pytest.approx(0, abs=0.01)
    properties = json.loads(events_geojson_bytes(events))["features"][0]["properties"]
    assert properties["nearest_site"] == "Khmeimim air base" and properties["nearest_site_km"] > 5
