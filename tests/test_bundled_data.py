"""The bundled data: every event from the five articles, with who reported and who claimed it."""

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEEDS

from utils.core.geo import haversine_km
from utils.data.dataset import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def test_every_row_loads(dataset):
    assert dataset.load.problems == []
    assert len(dataset.events) == 30


def test_events_per_article(dataset):
    assert Counter(dataset.events["doc_id"]) == {
        "PP-2023-07": 4, "SF-2025-04": 8, "SF-2025-03": 8, "CR-2022-06": 2, "RW-2022-11": 8}


def test_every_event_says_who_reported_who_claimed_and_how_precise(dataset):
    events = dataset.events
    for column in ("source", "claimed_by", "date_precision", "geo_precision", "status", "doc_id"):
        assert (events[column].astype(str).str.strip() != "").all(), column
    outlets = dict(zip(dataset.sources["doc_id"], dataset.sources["outlet"]))
    assert (events["source"] == events["doc_id"].map(outlets)).all()


def test_the_disputed_jableh_blasts_keep_both_claims(dataset):
    jableh = dataset.events[dataset.events["incident_id"] == "INC-2023-07-JABLEH"]
    assert set(jableh["claimed_by"]) == {"Syrian state television", "Activists in Jableh"}
    assert set(jableh["sub_event_type"]) == {"Military exercise", "Disrupted weapons use"}
    assert set(jableh["status"]) == {"disputed"}


def test_dates_not_given_by_the_articles_are_coarse(dataset):
    events = dataset.events.set_index("event_id")
    assert events.loc["EV0026", "date_precision"] == "year"       # "in 2018"
    assert events.loc["EV0007", "date_precision"] == "month"      # "last month"
    assert events.loc["EV0005", "date_precision"] == "day"        # "late on April 24"


def test_coastal_events_get_a_governorate_despite_the_coarse_coastline(dataset):
    assert (dataset.events["admin1"] != "").all()
    tartus_port = dataset.events.set_index("event_id").loc["EV0015"]
    assert tartus_port["admin1"] == "Tartous"


# Each base's position against two independent references (see data/README.md).
REFERENCES = {
    "khmeimim": [(35.4011, 35.9487), (35.41167, 35.94500)],   # OurAirports OSLK; Wikipedia
    "tartus": [(34.915, 35.875), (34.91385, 35.87408)],        # Wikipedia; encyclopedia copy
    "qamishli": [(37.020599, 41.191399), (37.02056, 41.19139)],  # OurAirports OSKL; Wikipedia
    "al-tanf": [(33.50583, 38.61778)],                          # only one reference agrees
}


@pytest.mark.parametrize("site_id", sorted(REFERENCES))
def test_bases_are_within_1_km_of_their_references(dataset, site_id):
    site = dataset.sites.set_index("site_id").loc[site_id]
    for lat, lon in REFERENCES[site_id]:
        assert haversine_km(site["latitude"], site["longitude"], lat, lon) < 1.0


def test_the_four_bases_and_their_kinds(dataset):
    kinds = dict(zip(dataset.sites["site_id"], dataset.sites["kind"]))
    assert kinds == {"khmeimim": "air base", "tartus": "naval base", "al-tanf": "garrison", "qamishli": "airport"}
    khmeimim = dataset.sites.set_index("site_id").loc["khmeimim"]
    assert "Hmeimim" in khmeimim["alt_names"] and "S-400" in khmeimim["reported"]


def test_known_distance_khmeimim_to_tartus():
    assert haversine_km(35.4064, 35.9469, 34.9150, 35.8750) == pytest.approx(55, abs=3)


def test_sources_list_the_five_seed_articles(dataset):
    assert len(dataset.sources) == 5
    assert set(dataset.sources["seed_file"]) == {p.name for p in SEEDS.glob("0*.txt")}
    assert pd.api.types.is_datetime64_any_dtype(dataset.sources["published"])


def test_every_event_knows_its_distance_to_each_base(dataset):
    events = dataset.events.set_index("event_id")
    assert events.loc["EV0005", "dist_km_khmeimim"] == pytest.approx(0, abs=0.01)
    assert events.loc["EV0005", "nearest_site"] == "Khmeimim air base"
    assert events.loc["EV0011", "dist_km_khmeimim"] == pytest.approx(55, abs=3)
    assert events.loc["EV0027", "nearest_site"] == "Qamishli airport"
    assert events.loc["EV0027", "nearest_site_km"] < 5
