"""Self-check of the sixteenth held-out set: form, names, vocabularies and overlap with earlier sets.

Run from the repository root: PYTHONPATH=. .venv/bin/python tests/data/articles16/selfcheck.py
It reads the set's own files and the earlier gold files only; it runs nothing else.
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pandas as pd

from utils.core.schema import DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, STATUSES, SUB_EVENT_TYPES

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
LAT, LON = (32.0, 37.5), (35.5, 42.5)
WORDS = (250, 550)
PREFIX = "X16-"
TAG = "(written for the project)"


def main() -> None:
    problems: list[str] = []
    notes: list[str] = []
    gold = pd.read_csv(HERE / "gold_events.csv", dtype=str, keep_default_na=False)
    arts = pd.read_csv(HERE / "articles.csv", dtype=str, keep_default_na=False)
    ref_gold = pd.read_csv(DATA / "articles15" / "gold_events.csv", dtype=str, nrows=0)
    ref_arts = pd.read_csv(DATA / "articles15" / "articles.csv", dtype=str, nrows=0)
    if list(gold.columns) != list(ref_gold.columns):
        problems.append(f"gold columns differ from articles15's: {list(gold.columns)}")
    if list(arts.columns) != list(ref_arts.columns):
        problems.append(f"articles.csv columns differ from articles15's: {list(arts.columns)}")

    texts = sorted(p.name for p in HERE.glob("*.txt"))
    if sorted(arts.article) != texts:
        problems.append(f"articles.csv {sorted(arts.article)} != texts {texts}")
    published = dict(zip(arts.article, arts.published))
    for _, a in arts.iterrows():
        body = (HERE / a.article).read_text(encoding="utf-8")
        n = len(body.split())
        print(f"{a.article}: {n} words, published {a.published}, {int((gold.article == a.article).sum())} rows")
        if not WORDS[0] <= n <= WORDS[1]:
            problems.append(f"{a.article}: {n} words")
        if not a.article.startswith("x"):
            problems.append(f"{a.article}: file name does not begin with x")
        if not a.outlet.startswith("Test "):
            problems.append(f"{a.article}: outlet {a.outlet!r}")
        if not a.headline.endswith(TAG) or a.headline not in body:
            problems.append(f"{a.article}: headline not tagged or not in the text")
        if a.outlet not in body:
            problems.append(f"{a.article}: outlet not named in the text")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published):
            problems.append(f"{a.article}: published {a.published!r}")
        if not (gold.article == a.article).any():
            problems.append(f"{a.article}: no gold rows")

    for i, r in gold.iterrows():
        where = f"row {i + 2} ({r.article})"
        if r.article not in published:
            problems.append(f"{where}: article not in articles.csv")
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.event_date):
            problems.append(f"{where}: date {r.event_date!r}")
        elif r.event_date > published[r.article]:
            problems.append(f"{where}: event after publication")
        if r.date_precision not in DATE_PRECISIONS:
            problems.append(f"{where}: date_precision {r.date_precision!r}")
        if r.event_type not in EVENT_TYPES or r.sub_event_type not in SUB_EVENT_TYPES.get(r.event_type, ()):
            problems.append(f"{where}: type {r.event_type!r} / {r.sub_event_type!r}")
        if r.status not in STATUSES:
            problems.append(f"{where}: status {r.status!r}")
        if r.recalled not in ("yes", "no"):
            problems.append(f"{where}: recalled {r.recalled!r}")
        if not r.geo_precision.isdigit() or int(r.geo_precision) not in GEO_PRECISIONS:
            problems.append(f"{where}: geo_precision {r.geo_precision!r}")
        try:
            lat, lon = float(r.latitude), float(r.longitude)
            if not (LAT[0] <= lat <= LAT[1] and LON[0] <= lon <= LON[1]):
                problems.append(f"{where}: coordinates {lat}, {lon} outside the box")
        except ValueError:
            problems.append(f"{where}: coordinates {r.latitude!r}, {r.longitude!r}")
        if r.fatalities and not r.fatalities.isdigit():
            problems.append(f"{where}: fatalities {r.fatalities!r}")
        for col in ("actor1", "location", "claimed_by", "notes"):
            if not r[col].strip():
                problems.append(f"{where}: blank {col}")
        if r.incident and not r.incident.startswith(PREFIX):
            problems.append(f"{where}: incident {r.incident!r}")
        if r.status == "disputed" and not r.incident:
            notes.append(f"{where}: disputed with no second account ({r.location})")

    for inc, g in gold[gold.incident != ""].groupby("incident"):
        if len(g) < 2:
            problems.append(f"incident {inc} has one row")
        if g.status.eq("disputed").any() and not g.status.eq("disputed").all():
            problems.append(f"incident {inc} mixes disputed and not")
        if g.article.nunique() > 1:
            problems.append(f"incident {inc} spans articles")

    earlier = [f for f in sorted(glob.glob(str(DATA / "articles*" / "gold_events.csv"))) if "articles16" not in f]
    earlier.append(str(DATA / "seeds" / "gold_events.csv"))
    old = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False).assign(file=Path(f).parent.name)
                     for f in earlier])
    old_keys = set(zip(old.event_date.str[:7], old.location.str[:8].str.lower()))
    overlaps = sorted({(r.event_date[:7], r.location[:8]) for _, r in gold.iterrows()
                       if (r.event_date[:7], r.location[:8].lower()) in old_keys})
    for month, loc in overlaps:
        problems.append(f"overlap with an earlier gold file: {month} {loc!r}")
    print(f"earlier gold files compared: {len(earlier)} ({len(old)} rows)")

    print("rows:", len(gold), "| articles:", len(arts))
    for col in ("status", "recalled", "geo_precision", "date_precision"):
        print(f"{col}:", dict(sorted(gold[col].value_counts().items())))
    incidents = gold[gold.incident != ""].groupby("incident").size()
    disputed = sorted(gold.loc[gold.status == "disputed", "incident"].unique())
    print(f"incidents: {len(incidents)} ({int(incidents.sum())} rows), with disputed accounts: {len([d for d in disputed if d])}")
    for n in notes:
        print("note:", n)
    print("problems:", "; ".join(problems) if problems else "none")


if __name__ == "__main__":
    main()
