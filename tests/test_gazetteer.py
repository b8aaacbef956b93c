"""The offline gazetteer: transliterations of the same place find it, with its governorate."""

from pathlib import Path

import pytest

from utils.core.geo import governorate_lookup, load_governorates
from utils.data.dataset import load_dataset
from utils.data.gazetteer import (
    GEONAMES_COUNTRIES,
    Place,
    build_gazetteer,
    consonant_key,
    fold_name,
    geonames_places,
    with_governorates,
)

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def gazetteer(dataset):
    return build_gazetteer(dataset.sites, dataset.events)


@pytest.fixture(scope="module")
def lookup():
    return governorate_lookup(load_governorates(DATA / "basemap" / "syria_adm1_geoboundaries.geojson"))


@pytest.mark.parametrize(
    "variants",
    [
        ("Hmeimim", "Khmeimim", "Humaymim", "Ḩumaymīm"),
        ("Jableh", "Jablah", "Jebleh", "Jabla"),
        ("Tartus", "Tartous", "Ţarţūs"),
        ("Qamishli", "Kamishli", "Al-Qāmishlī", "el Qamishli"),
    ],
)
def test_transliterations_share_their_consonants(variants):
    # vowels vary most between spellings (Hmeimim / Humaymim); the consonant key is what they share
    assert len({consonant_key(fold_name(v)) for v in variants}) == 1, {v: fold_name(v) for v in variants}


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hmeimim", "Khmeimim"), ("Jableh", "Jablah"), ("Jableh", "Jebleh"), ("Tartus", "Tartous"),
     ("Qamishli", "Kamishli"), ("Qamishli", "Al-Qāmishlī"), ("Deir ez-Zor", "Dayr az Zawr")],
)
def test_transliterations_fold_to_the_same_name(a, b):
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(
    ("query", "name", "governorate", "position"),
    [
        ("Hmeimim", "Khmeimim air base", "Lattakia", (35.4064, 35.9469)),
        ("Khmeimim", "Khmeimim air base", "Lattakia", (35.4064, 35.9469)),
        ("Humaymim", "Khmeimim air base", "Lattakia", (35.4064, 35.9469)),
        ("Jableh", "Jableh", "Lattakia", (35.35, 35.917)),
        ("Jablah", "Jableh", "Lattakia", (35.35, 35.917)),
        ("Jebleh", "Jableh", "Lattakia", (35.35, 35.917)),
        ("Tartus", "Tartus naval base", "Tartous", (34.915, 35.875)),
        ("Tartous", "Tartus naval base", "Tartous", (34.915, 35.875)),
        ("Qamishli", "Qamishli airport", "Al-Hasakeh", (37.0206, 41.1914)),
        ("Kamishli", "Qamishli airport", "Al-Hasakeh", (37.0206, 41.1914)),
    ],
)
def test_each_variant_finds_the_place_first(gazetteer, lookup, query, name, governorate, position):
    candidates = with_governorates(gazetteer.search(query), lookup)
    best = candidates[0]
    assert best.place.name == name, [c.label for c in candidates]
    assert best.place.governorate == governorate
    assert (best.place.latitude, best.place.longitude) == pytest.approx(position, abs=1e-4)


@pytest.mark.parametrize(
    ("query", "geonames_name", "governorate"),
    [("Jebleh", "Jablah", "Lattakia"), ("Tartous", "Ţarţūs", "Tartous"), ("Kamishli", "Al Qāmishlī", "Al-Hasakeh"),
     ("Palmyra", "Tadmur", "Homs"), ("Deir ez-Zor", "Deir ez-Zor", "Deir-ez-Zor")],
)
def test_geonames_places_match_their_variants_too(gazetteer, lookup, query, geonames_name, governorate):
    candidates = with_governorates(gazetteer.search(query), lookup)
    geonames = [c for c in candidates if c.place.source == "GeoNames"]
    assert geonames and geonames[0].place.name == geonames_name, [c.label for c in candidates]
    assert geonames[0].place.governorate == governorate


def test_geonames_covers_syria_and_its_neighbours_only():
    places = geonames_places()
    countries = {p.country for p in places}
    assert countries <= set(GEONAMES_COUNTRIES)
    assert {"SY", "LB", "TR", "IQ", "JO"} <= countries
    assert sum(p.country == "SY" for p in places) > 250
    # GeoNames lists names in every script; only Latin spellings are kept for matching
    assert all(name.isascii() or any(ch.isalpha() for ch in name) for p in places for name in p.alt_names)


def test_bases_rank_before_places_in_the_data_and_geonames(gazetteer):
    sources = [c.place.source for c in gazetteer.search("Tartus")[:2]]
    assert sources == ["base", "GeoNames"]


def test_an_unknown_or_blank_name_gives_no_candidates(gazetteer):
    assert gazetteer.search("Brxlfmptgn") == []
    assert gazetteer.search("   ") == []


def test_a_small_gazetteer_without_geonames():
    places = [Place("Al-Bab", 36.37, 37.52, "GeoNames"), Place("Bab al-Hawa", 36.23, 36.67, "GeoNames")]
    from utils.data.gazetteer import Gazetteer

    found = Gazetteer(places).search("el-Bab")
    assert found[0].place.name == "Al-Bab" and found[0].score == 1.0
