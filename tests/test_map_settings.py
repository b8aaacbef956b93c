"""Map display settings: range rings, heatmap and colours, in the link and in words."""

import pytest

from utils.map.settings import MapSettings, parse_rings


@pytest.mark.parametrize(
    ("text", "rings", "message"),
    [
        ("3, 10, 70", (3.0, 10.0, 70.0), None),
        ("70km; 3 km,10", (3.0, 10.0, 70.0), None),
        ("10, 10, 5", (5.0, 10.0), None),
        ("", (), None),
        ("ten", (), "not a distance"),
        ("-5, 0, 3", (3.0,), "outside 0-1000 km"),
        ("1,2,3,4,5,6,7,8,9", (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), "at most 8"),
    ],
)
def test_parse_rings(text, rings, message):
    parsed, messages = parse_rings(text)
    assert parsed == rings
    assert (message is None and not messages) or any(message in m for m in messages)


def test_settings_round_trip_through_the_link_and_say_what_they_show():
    settings = MapSettings(color_by="status", heatmap=True, rings_km=(70, 3, 10))
    assert MapSettings.from_query(settings.to_query()) == (settings, [])
    assert settings.describe() == "shown as a heatmap; range rings at 3, 10, 70 km"
    assert MapSettings().to_query() == {} and MapSettings().describe() == ""


def test_a_bad_colour_in_a_link_is_ignored_with_a_message():
    settings, messages = MapSettings.from_query({"colour": "<b>x</b>"})
    assert settings.color_by == "event_type" and "not one of" in messages[0]
