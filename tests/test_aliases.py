"""Outlets and claimants: several names in one cell, one name however a cell writes it (data/aliases.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from utils.core.problems import DataFileError
from utils.data.aliases import Aliases, load_aliases, name_key, split_names

SHIPPED = load_aliases(DATA / "aliases.csv")


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("SOHR; Airwars", ["SOHR", "Airwars"]),
        ("SOHR; Air Wars", ["SOHR", "Airwars"]),
        ("Air Wars", ["Airwars"]),
        ("airwars", ["Airwars"]),  # the same key as the table's name
        ("Syrian Observatory for Human Rights (SOHR)", ["SOHR"]),
        ("The Syrian Observatory for Human Rights", ["SOHR"]),
        ("SOHR, airwars", ["SOHR", "Airwars"]),
        ("SOHR/Waha Report", ["SOHR", "Waha Report"]),
        ("SOHR and airwars", ["SOHR", "Airwars"]),
        ("Sound and Picture, SOHR", ["Sound and Picture", "SOHR"]),
        ("SOHR Airwars", ["SOHR", "Airwars"]),  # an alias that names two
        ("SOHR; http://syria.liveuamap.com", ["SOHR", "Syria Live Map"]),
        ("Maj. Gen. Oleg Yegorov, Russian MoD Center for Reconciliation",
         ["Maj. Gen. Oleg Yegorov, Russian MoD Center for Reconciliation"]),  # no known name: one claimant
        ("US officials, via the Wall Street Journal", ["US officials, via the Wall Street Journal"]),
        ("SouthFront (no attribution)", ["SouthFront (no attribution)"]),
        ("SOHR; SOHR", ["SOHR"]),
        ("  ; ", []),
        ("", []),
    ],
)
def test_a_cell_holds_the_names_the_shipped_table_gives(cell, names):
    assert split_names(cell, SHIPPED) == names


@pytest.mark.parametrize(("one", "other"), [("Airwars", "airwars"), ("AIRWARS", "Airwars"),
                                            ("The Cradle", "cradle"), ("Hawar  News", "hawar news"),
                                            ("Ḥama", "Hama")])
def test_case_accents_and_a_leading_the_do_not_count(one, other):
    assert name_key(one) == name_key(other)


def test_an_empty_table_still_splits_on_semicolons_only():
    assert split_names("SOHR; Airwars", Aliases()) == ["SOHR", "Airwars"]
    assert split_names("SOHR, airwars", Aliases()) == ["SOHR, airwars"]


def test_a_missing_file_is_an_empty_table(tmp_path):
    assert load_aliases(tmp_path / "aliases.csv").name_of == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [("alias,name\nAir Wars,\n", "row 2"), ("alias,name\nAir Wars,Airwars\nair wars,SOHR\n", "already stands for"),
     ("spelling,name\nx,y\n", "required column")],
)
def test_a_table_with_a_mistake_is_refused_with_the_row(tmp_path: Path, text, message):
    path = tmp_path / "aliases.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_aliases(path, file_label="aliases.csv")


def test_the_shipped_table_loads_and_documents_its_columns():
    assert SHIPPED.name("Air Wars") == "Airwars" and SHIPPED.name("Human Rights Watch") == "HRW"
    assert "aliases.csv" in (DATA / "README.md").read_text(encoding="utf-8")
