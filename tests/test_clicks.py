"""Reading the clicked event or base from what st_folium returns."""

import pytest

from utils.map.clicks import Click, clicked_event_id, clicked_site_id, parse_click

IDS = ["EV0001", "EV0021"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, None),
        ("", None),
        ("event:0a1b2c3d4e5f6789:12", Click("event", 12, "0a1b2c3d4e5f6789")),
        ("  site:3 ", Click("site", 3)),
        ("event:0a1b:-1", None),
        ("event:<img src=x>:1", None),
        ("site:x", None),
        ("EV0021 · 2022-06-15 · Air/drone strike", None),
    ],
)
def test_parse_click(text, expected):
    assert parse_click({"last_object_clicked_tooltip": text}) == expected


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_object_clicked_tooltip": None}, None),
        ({"last_object_clicked_tooltip": "EV0021 · 2022-06-15 · Air/drone strike · Al-Tanf · claimed"}, "EV0021"),
        ({"last_object_clicked_tooltip": "  EV0001 · week of 2023-07-19 · +1 more at this point"}, "EV0001"),
        ({"last_object_clicked_tooltip": "EV9999 · 2022-06-15"}, None),
        ({"last_object_clicked_tooltip": "Khmeimim air base (air base, Russian Aerospace Forces)"}, None),
    ],
)
def test_clicked_event_id(returned, expected):
    assert clicked_event_id(returned, IDS) == expected


def test_clicked_site_id_matches_the_whole_tooltip():
    sites = {"khmeimim": "Khmeimim air base (air base, Russian Aerospace Forces)"}
    assert clicked_site_id({"last_object_clicked_tooltip": sites["khmeimim"]}, sites) == "khmeimim"
    assert clicked_site_id({"last_object_clicked_tooltip": "EV0001 · x"}, sites) is None
