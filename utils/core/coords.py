"""Reading coordinates typed by a person: decimal degrees or degrees-minutes-seconds.

A pair is read **latitude first, then longitude** ("35.4064, 35.9469"), unless
hemisphere letters say otherwise ("35°56'49\"E 35°24'23\"N" is read as
longitude then latitude). Accepted forms of one angle:

* decimal degrees: ``35.4064``, ``-35.4064``, ``35.4064N``, ``N 35.4064``
* degrees and decimal minutes: ``35 24.38``, ``35°24.38'``
* degrees, minutes, seconds: ``35°24'23"``, ``35 24 23 N``, ``35d 24m 23s``

S and W, or a minus sign, make the value negative. A decimal comma is refused
(it cannot be told from the comma between latitude and longitude).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CoordinateError", "format_degrees", "format_pair", "parse_angle", "parse_coordinates"]

LIMITS: dict[str, float] = {"latitude": 90.0, "longitude": 180.0}
_AXIS_LETTERS: dict[str, str] = {"N": "latitude", "S": "latitude", "E": "longitude", "W": "longitude"}
_SYMBOLS = str.maketrans({"º": "°", "˚": "°", "′": "'", "’": "'", "‘": "'", "´": "'", "″": '"', "”": '"',
                          "“": '"'})
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_ANGLE_ALLOWED = re.compile(r"^[\s\d.+\-°'\"DMSNEW:]*$")


class CoordinateError(ValueError):
    """Typed coordinates that cannot be read; the message says how to write them."""


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_SYMBOLS).replace("''", '"')
    # "35d 24m 23s": unit letters become symbols, only when a "d" follows the degrees (so "23 S" stays south).
    if re.search(r"\d\s*[dD](?![a-zA-Z])", text):
        text = re.sub(r"(\d)\s*[dD](?![a-zA-Z])", r"\1°", text)
        text = re.sub(r"(\d)\s*[mM](?![a-zA-Z])", r"\1'", text)
        text = re.sub(r"(\d)\s*[sS](?![a-zA-Z])(?=\s*[\d,;NSEWnsew]|\s*$)", r'\1"', text)
    return text.upper().strip()


def _hemisphere(text: str) -> tuple[str | None, str]:
    letters = re.findall(r"[NSEW]", text)
    if len(letters) > 1:
        raise CoordinateError(f"{text!r} has more than one hemisphere letter ({', '.join(letters)}); "
                              "give one N, S, E or W per value.")
    return (letters[0] if letters else None), re.sub(r"[NSEW]", " ", text)


def parse_angle(text: str, axis: str | None = None) -> float:
    """Read one angle in decimal degrees or degrees-minutes-seconds; return decimal degrees.

    ``axis`` is ``"latitude"``, ``"longitude"`` or ``None`` (decided by the
    hemisphere letter, if any). Raises :class:`CoordinateError` with a message
    saying what is wrong and how to write it.
    """
    return _parse_angle(_normalise(text), axis)[0]


def _parse_angle(text: str, axis: str | None) -> tuple[float, str | None]:
    """(degrees, axis named by a hemisphere letter or ``None``) from normalised text."""
    original = text
    if not text:
        raise CoordinateError("the value is blank; type degrees, for example 35.4064 or 35°24'23\"N.")
    if not _ANGLE_ALLOWED.match(text):
        bad = next(ch for ch in text if not _ANGLE_ALLOWED.match(ch))
        hint = " Use a point for decimals, not a comma." if bad == "," else ""
        raise CoordinateError(f"{original!r}: the character {bad!r} cannot be read in a coordinate.{hint}")
    letter, rest = _hemisphere(text)
    letter_axis = _AXIS_LETTERS[letter] if letter else None
    if axis and letter_axis and axis != letter_axis:
        raise CoordinateError(f"{original!r}: {letter} is a {letter_axis} letter, but this is the {axis}.")
    numbers = _NUMBER.findall(rest)
    leftover = _NUMBER.sub(" ", rest)
    if re.search(r"[-+.]", leftover):
        raise CoordinateError(f"{original!r}: a stray sign or point; write for example -35.4064 or 35 24 23.")
    if not 1 <= len(numbers) <= 3:
        raise CoordinateError(f"{original!r}: expected degrees, degrees and minutes, or degrees, minutes and "
                              f"seconds, but found {len(numbers)} numbers.")
    values = [float(n) for n in numbers]
    if any("." in n for n in numbers[:-1]):
        raise CoordinateError(f"{original!r}: only the last part may have decimals "
                              "(35 24.38 or 35 24 23.5, not 35.5 24).")
    if any(n.startswith(("-", "+")) for n in numbers[1:]):
        raise CoordinateError(f"{original!r}: minutes and seconds cannot carry a sign; put it on the degrees.")
    for name, value in zip(("minutes", "seconds"), values[1:]):
        if not 0 <= value < 60:
            raise CoordinateError(f"{original!r}: {name} must be from 0 to under 60, not {value:g}.")
    negative = numbers[0].startswith("-")
    if negative and letter in ("N", "E", "S", "W"):
        raise CoordinateError(f"{original!r}: give a minus sign or a hemisphere letter, not both.")
    degrees = abs(values[0]) + sum(v / 60 ** i for i, v in enumerate(values[1:], start=1))
    if len(values) > 1 and abs(values[0]) % 1:
        raise CoordinateError(f"{original!r}: degrees with minutes must be a whole number.")
    if negative or letter in ("S", "W"):
        degrees = -degrees
    checked_axis = axis or letter_axis
    if checked_axis:
        limit = LIMITS[checked_axis]
        if not -limit <= degrees <= limit:
            raise CoordinateError(f"{checked_axis} {degrees:g} is out of range: it must be between {-limit:g} "
                                  f"and {limit:g}. Coordinates are latitude first, then longitude.")
    return degrees, letter_axis


def _split_pair(text: str) -> list[str]:
    """Split normalised text into two angle texts."""
    parts = [p.strip() for p in re.split(r"[,;/]", text) if p.strip()]
    if len(parts) == 2:
        return parts
    if len(parts) > 2:
        raise CoordinateError(f"{text!r} has more than one comma or semicolon; write latitude, longitude "
                              "(for example 35.4064, 35.9469) and use a point for decimals.")
    if re.search(r"[NSEW]", text):
        # A letter before the numbers (N 35 E 36) starts an angle; after them (35 N 36 E) it ends one.
        pieces = re.split(r"(?=[NSEW])", text) if re.match(r"[NSEW]", text) else re.split(r"(?<=[NSEW])", text)
        pieces = [p.strip() for p in pieces if p.strip()]
        if len(pieces) == 2:
            return pieces
    if "°" in text:
        pieces = [p.strip() for p in re.split(r"\s+(?=[-+]?\d+(?:\.\d+)?\s*°)", text) if p.strip()]
        if len(pieces) == 2:
            return pieces
    numbers = text.split()
    if len(numbers) in (2, 4, 6) and all(_NUMBER.fullmatch(n) for n in numbers):
        half = len(numbers) // 2
        return [" ".join(numbers[:half]), " ".join(numbers[half:])]
    raise CoordinateError(f"{text!r}: cannot tell latitude from longitude; separate them with a comma, "
                          "for example 35.4064, 35.9469 or 35°24'23\"N, 35°56'49\"E.")


def parse_coordinates(text: str) -> tuple[float, float]:
    """Read a typed (latitude, longitude) pair; return decimal degrees as (lat, lon).

    Latitude comes first unless hemisphere letters say the first value is a
    longitude. Raises :class:`CoordinateError` with a message that says how
    to fix the text.
    """
    normal = _normalise(text or "")
    if not normal:
        raise CoordinateError("no coordinates typed; write latitude, longitude, for example 35.4064, 35.9469.")
    comma = re.fullmatch(r"[-+]?\d+,(\d+)", normal)
    if comma and (len(comma.group(1)) >= 4 or int(comma.group(1)) > 180):
        raise CoordinateError(f"{text!r} looks like one number with a decimal comma; use a point for decimals "
                              "and a comma between latitude and longitude: 35.4064, 35.9469.")
    first, second = _split_pair(normal)
    _, first_axis = _parse_angle(first, None)
    _, second_axis = _parse_angle(second, None)
    if first_axis and first_axis == second_axis:
        raise CoordinateError(f"{text!r}: both values carry a {first_axis} letter; one must be N/S and "
                              "the other E/W.")
    if first_axis == "longitude" or second_axis == "latitude":
        first, second = second, first
    lat, _ = _parse_angle(first, "latitude")
    lon, _ = _parse_angle(second, "longitude")
    if lat == 0 and lon == 0:
        raise CoordinateError("0, 0 is a placeholder, not a place; type the event's coordinates.")
    return lat, lon


def format_pair(lat: float, lon: float) -> str:
    """'35.40640, 35.94690' (latitude, longitude; five decimals is about 1 m)."""
    return f"{lat:.5f}, {lon:.5f}"


def format_degrees(value: float) -> str:
    """Decimal degrees for the CSV: five decimals at most (about 1 m), no trailing zeros: '35.4064'."""
    return f"{value:.5f}".rstrip("0").rstrip(".")
