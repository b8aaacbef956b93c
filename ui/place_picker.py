"""Choosing where an event happened: by name (offline gazetteer), by a click on the map, or by coordinates."""

from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from utils.core.coords import CoordinateError, format_pair, parse_coordinates
from utils.core.escaping import escape_text
from utils.core.geo import governorate_lookup, load_governorates
from utils.data.dataset import Dataset
from utils.data.gazetteer import Gazetteer, build_gazetteer, with_governorates
from utils.map.mapping import EVENTS_LAYER_NAME, build_base_map

BY_NAME, BY_CLICK, BY_COORDINATES = "By name", "Click on the map", "Type coordinates"
MODES = (BY_NAME, BY_CLICK, BY_COORDINATES)
MODE_KEY = "place_mode"
NAME_KEY = "place_query"
CANDIDATE_KEY = "place_candidate"
COORDS_KEY = "place_coords"
LOCATION_KEY = "new_location"
MAP_KEY = "place_map"
_SEEN_CLICK = "place_seen_click"
_SEEN_CANDIDATE = "place_seen_candidate"


@dataclass(frozen=True)
class PlaceChoice:
    """A chosen point: (latitude, longitude) in degrees, its governorate and how it was found."""

    latitude: float
    longitude: float
    governorate: str
    how: str
    name: str = ""


@st.cache_resource(show_spinner="Loading the offline gazetteer (bases, places in the data, GeoNames)...",
                   max_entries=2)
def _gazetteer(version: str, _dataset: Dataset) -> Gazetteer:
    return build_gazetteer(_dataset.sites, _dataset.events)


@st.cache_resource(max_entries=2)
def _lookup(folder: str):
    from pathlib import Path

    return governorate_lookup(load_governorates(Path(folder) / "basemap" / "syria_adm1_geoboundaries.geojson"))


def governorate_of(folder: str, latitude: float, longitude: float) -> str:
    """The governorate from the polygons ("" outside Syria, beyond 5 km of the coast)."""
    frame = pd.DataFrame({"latitude": [latitude], "longitude": [longitude]})
    return str(_lookup(folder)(frame).iloc[0])


def _take_map_click() -> None:
    """A new click on the map switches to 'click' mode (before the mode control is drawn)."""
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_clicked")
    if clicked and clicked != st.session_state.get(_SEEN_CLICK):
        st.session_state[_SEEN_CLICK] = clicked
        st.session_state[MODE_KEY] = BY_CLICK


def _candidate_layer(points: list[tuple[float, float, str]], chosen: tuple[float, float] | None) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=EVENTS_LAYER_NAME, overlay=True, control=False, show=True)
    for number, (lat, lon, name) in enumerate(points, start=1):
        folium.CircleMarker([lat, lon], radius=6, color="#1f4e79", weight=2, fill=True, fill_color="#9ecae1",
                            fill_opacity=0.9, tooltip=escape_text(f"{number}. {name}"),
                            class_name="place-candidate").add_to(group)
    if chosen is not None:
        folium.CircleMarker(list(chosen), radius=10, color="#d62728", weight=4, fill=False,
                            tooltip="chosen place", class_name="place-chosen").add_to(group)
    return group


def pick_place(dataset: Dataset, folder: str) -> PlaceChoice | None:
    """Draw the place controls and the map; return the chosen place, or ``None`` with a message."""
    _take_map_click()
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = BY_NAME
    mode = st.segmented_control("Place the event", MODES, key=MODE_KEY, persist_state="session") or BY_NAME
    choice: PlaceChoice | None = None
    points: list[tuple[float, float, str]] = []
    left, right = st.columns([2, 3], gap="medium")
    with left:
        if mode == BY_NAME:
            query = st.text_input("Place name", key=NAME_KEY, persist_state="session",
                                  placeholder="e.g. Hmeimim, Jableh, Tartous",
                                  help="Looked up offline: the bases, places in the data, GeoNames places in "
                                       "Syria and its neighbours. Spelling variants match.")
            if query.strip():
                candidates = with_governorates(_gazetteer(dataset.version, dataset).search(query, limit=8),
                                               _lookup(folder))
                if not candidates:
                    st.warning("No place matches that name. Try another spelling, click the map or type "
                               "coordinates.")
                else:
                    labels = [f"{n}. {c.label}" for n, c in enumerate(candidates, start=1)]
                    picked = st.radio("Candidates (numbered on the map)", range(len(candidates)),
                                      format_func=lambda i: escape_text(labels[i]), key=CANDIDATE_KEY)
                    points = [(c.place.latitude, c.place.longitude, c.place.name) for c in candidates]
                    best = candidates[picked or 0]
                    choice = PlaceChoice(best.place.latitude, best.place.longitude, best.place.governorate,
                                         f"gazetteer ({best.place.source})", best.place.name)
        elif mode == BY_CLICK:
            clicked = st.session_state.get(_SEEN_CLICK)
            if clicked:
                lat, lon = float(clicked["lat"]), float(clicked["lng"])
                choice = PlaceChoice(lat, lon, governorate_of(folder, lat, lon), "map click")
            else:
                st.info("Click the map where the event happened (zoom in first for precision).")
        else:
            text = st.text_input("Coordinates (latitude, longitude)", key=COORDS_KEY, persist_state="session",
                                 placeholder="35.4064, 35.9469  or  35°24'23\"N 35°56'49\"E",
                                 help="Latitude first, then longitude; decimal degrees or degrees, minutes, "
                                      "seconds; N/S/E/W letters or a minus sign.")
            if text.strip():
                try:
                    lat, lon = parse_coordinates(text)
                    choice = PlaceChoice(lat, lon, governorate_of(folder, lat, lon), "typed coordinates")
                except CoordinateError as error:
                    st.error(escape_text(str(error)), icon=":material/error:")
        if choice is not None:
            where = choice.governorate or "outside Syria's governorates"
            st.caption(escape_text(f"Chosen: {format_pair(choice.latitude, choice.longitude)} (lat, lon), "
                                   f"{where}; by {choice.how}."))
            if choice.name and st.session_state.get(_SEEN_CANDIDATE) != (choice.name, choice.latitude):
                st.session_state[_SEEN_CANDIDATE] = (choice.name, choice.latitude)
                st.session_state[LOCATION_KEY] = choice.name
    with right:
        chosen = (choice.latitude, choice.longitude) if choice else None
        center = chosen or (points[0][:2] if points else None)
        st_folium(build_base_map(dataset.basemap, dataset.sites), key=MAP_KEY,
                  feature_group_to_add=_candidate_layer(points, chosen),
                  center=center, zoom=9 if center else None, returned_objects=["last_clicked"],
                  use_container_width=True, height=380)
    return choice
