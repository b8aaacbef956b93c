"""Typed coordinates: decimal degrees, degrees-minutes-seconds, hemisphere letters, out-of-range."""

import pytest

from utils.core.coords import CoordinateError, format_degrees, parse_angle, parse_coordinates

KHMEIMIM = (35.4064, 35.9469)
DMS_LAT = 35 + 24 / 60 + 23 / 3600
DMS_LON = 35 + 56 / 60 + 49 / 3600


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35.4064, 35.9469", KHMEIMIM),
        ("35.4064 35.9469", KHMEIMIM),
        ("  35.4064 ;35.9469 ", KHMEIMIM),
        ("-33.5, -38.6", (-33.5, -38.6)),
        ("35.4064N 35.9469E", KHMEIMIM),
        ("N35.4064 E35.9469", KHMEIMIM),
        ("35.4064 n, 35.9469 e", KHMEIMIM),
        ("35.9469E 35.4064N", KHMEIMIM),  # letters say longitude came first
        ("35°24'23\"N 35°56'49\"E", (DMS_LAT, DMS_LON)),
        ("35°24′23″N, 35°56′49″E", (DMS_LAT, DMS_LON)),
        ("35 24 23 N, 35 56 49 E", (DMS_LAT, DMS_LON)),
        ("35d 24m 23s N 35d 56m 49s E", (DMS_LAT, DMS_LON)),
        ("35°24'23\" 35°56'49\"", (DMS_LAT, DMS_LON)),
        ("35 24 23 35 56 49", (DMS_LAT, DMS_LON)),
        ("35°56'49\"E 35°24'23\"N", (DMS_LAT, DMS_LON)),
        ("35 24.5, 35 56.5", (35 + 24.5 / 60, 35 + 56.5 / 60)),
        ("33 30 21 S 38 37 4 W", (-(33 + 30 / 60 + 21 / 3600), -(38 + 37 / 60 + 4 / 3600))),
    ],
)
def test_readable_coordinates(text, expected):
    lat, lon = parse_coordinates(text)
    assert lat == pytest.approx(expected[0], abs=1e-9)
    assert lon == pytest.approx(expected[1], abs=1e-9)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("135, 35", "latitude 135 is out of range"),
        ("35, 200", "longitude 200 is out of range"),
        ("95N 10E", "latitude 95 is out of range"),
        ("-91, 10", "latitude -91 is out of range"),
        ("35 61 0 N, 35 0 0 E", "minutes must be from 0 to under 60"),
        ("35 24 60 N, 35 0 0 E", "seconds must be from 0 to under 60"),
        ("35,4064", "decimal comma"),
        ("35,4 35,9", "use a point for decimals"),
        ("N 35 N 36", "both values carry a latitude letter"),
        ("-35 S, 35 E", "not both"),
        ("35.5 24, 35 0", "only the last part may have decimals"),
        ("0, 0", "placeholder"),
        ("Jableh", "cannot be read"),
        ("", "no coordinates typed"),
        ("35.4064", "cannot tell latitude from longitude"),
    ],
)
def test_unreadable_coordinates_say_why(text, words):
    with pytest.raises(CoordinateError, match=words):
        parse_coordinates(text)


def test_out_of_range_message_states_the_order():
    with pytest.raises(CoordinateError, match="latitude first, then longitude"):
        parse_coordinates("135.9, 35.4")


@pytest.mark.parametrize(
    ("text", "axis", "expected"),
    [("35.4064", "latitude", 35.4064), ("35°24'23\"S", "latitude", -DMS_LAT), ("W 38.5", "longitude", -38.5),
     ("179.9", "longitude", 179.9)],
)
def test_one_angle(text, axis, expected):
    assert parse_angle(text, axis) == pytest.approx(expected)


def test_a_letter_of_the_other_axis_is_refused():
    with pytest.raises(CoordinateError, match="E is a longitude letter"):
        parse_angle("35.9E", "latitude")


@pytest.mark.parametrize(("value", "text"), [(35.4064, "35.4064"), (35.0, "35"), (35.123456, "35.12346"),
                                             (-38.6, "-38.6")])
def test_degrees_are_written_without_trailing_zeros(value, text):
    assert format_degrees(value) == text
