"""Self-check of a held-out article set (tests/data/articlesN): form, names, vocabularies and overlap with the other sets.

Run from the repository root: PYTHONPATH=. .venv/bin/python tests/data/selfcheck.py articles16 [articles15 ...]
Written by the author of set 14 as tests/data/articles14/selfcheck.py and copied, adapted, by the authors of sets 15
and 16; one script for every set since 2026-12-02 (the checks unchanged; the overlap is with every other gold file,
so a later set counts too). tests/test_data_sets.py runs it on sets 14 to 17. It reads the sets' files only.
"""

from __future__ import annotations

import glob
import re
import sys
from pathlib import Path

import pandas as pd

from utils.core.schema import DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, STATUSES, SUB_EVENT_TYPES

DATA = Path(__file__).resolve().parent
LAT, LON = (32.0, 37.5), (35.5, 42.5)
WORDS = (250, 550)
TAG = "(written for the project)"


def check(folder: Path, data: Path = DATA) -> tuple[list[str], list[str], list[str]]:
    """(problems, notes, report lines) of the held-out set in ``folder`` (``articlesN``), compared with the other
    sets' gold files under ``data`` (and its ``seeds``)."""
    number = int(folder.name.removeprefix("articles"))
    prefix, reference = f"X{number}-", data / f"articles{number - 1}"
    problems: list[str] = []
    notes: list[str] = []
    lines: list[str] = []
    gold = pd.read_csv(folder / "gold_events.csv", dtype=str, keep_default_na=False)
    arts = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    ref_gold = pd.read_csv(reference / "gold_events.csv", dtype=str, nrows=0)
    ref_arts = pd.read_csv(reference / "articles.csv", dtype=str, nrows=0)
    if list(gold.columns) != list(ref_gold.columns):
        problems.append(f"gold columns differ from {reference.name}'s: {list(gold.columns)}")
    if list(arts.columns) != list(ref_arts.columns):
        problems.append(f"articles.csv columns differ from {reference.name}'s: {list(arts.columns)}")

    texts = sorted(p.name for p in folder.glob("*.txt"))
    if sorted(arts.article) != texts:
        problems.append(f"articles.csv {sorted(arts.article)} != texts {texts}")
    published = dict(zip(arts.article, arts.published))
    for _, a in arts.iterrows():
        body = (folder / a.article).read_text(encoding="utf-8")
        n = len(body.split())
        lines.append(f"{a.article}: {n} words, published {a.published}, {int((gold.article == a.article).sum())} rows")
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
        if r.incident and not r.incident.startswith(prefix):
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

    earlier = [f for f in sorted(glob.glob(str(data / "articles*" / "gold_events.csv"))) if Path(f).parent != folder]
    if (data / "seeds" / "gold_events.csv").exists():
        earlier.append(str(data / "seeds" / "gold_events.csv"))
    old = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False).assign(file=Path(f).parent.name)
                     for f in earlier])
    old_keys = set(zip(old.event_date.str[:7], old.location.str[:8].str.lower()))
    overlaps = sorted({(r.event_date[:7], r.location[:8]) for _, r in gold.iterrows()
                       if (r.event_date[:7], r.location[:8].lower()) in old_keys})
    for month, loc in overlaps:
        problems.append(f"overlap with another gold file: {month} {loc!r}")
    lines.append(f"other gold files compared: {len(earlier)} ({len(old)} rows)")

    lines.append(f"rows: {len(gold)} | articles: {len(arts)}")
    for col in ("status", "recalled", "geo_precision", "date_precision"):
        lines.append(f"{col}: {dict(sorted(gold[col].value_counts().items()))}")
    incidents = gold[gold.incident != ""].groupby("incident").size()
    disputed = sorted(gold.loc[gold.status == "disputed", "incident"].unique())
    lines.append(f"incidents: {len(incidents)} ({int(incidents.sum())} rows), with disputed accounts: {len([d for d in disputed if d])}")
    return problems, notes, lines


def main(argv: list[str]) -> int:
    for name in argv or ["articles16"]:
        problems, notes, lines = check(DATA / name)
        print("\n".join(lines))
        for n in notes:
            print("note:", n)
        print("problems:", "; ".join(problems) if problems else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
