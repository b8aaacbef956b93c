"""A claimant's name carries no date before it and no footnote mark after it (issue 17).

Seen by the twenty-eighth pass: 'March 2014 Syrian state television' (a guidebook's "In March 2014 Syrian state
television said ...") and "District's local council [3]" (a note's footnote mark). The claimant column is what the
analyst reads and what the Claims page groups by, so stray words there split one source into two. Over all 28 gold
sets no row of the benchmark changes (``benchmarks/extract_bench.py --set all --runs 1``, 12:30 UTC). Sentences written
for these tests.
"""

from __future__ import annotations

import pytest
from extraction import candidates


@pytest.mark.parametrize("text, published, claimant", [
    # positive rows (fail before: the date or the mark stayed in the name)
    ("In March 2014 Syrian state television said army units shelled rebel positions in Yabroud, killing 12 fighters.",
     "2014-03-20", "Syrian state television"),
    ("On 3 May 2016 the Syrian Observatory for Human Rights said air strikes killed 14 people in Kafr Nabl.",
     "2016-05-10", "Syrian Observatory for Human Rights"),
    ("The district's local council [3] said government shelling killed nine people in Homs on Tuesday.",
     "2017-03-20", "District's local council"),
    # guards: a name that begins with a month's word, and a plain name, are left as they are
    ("The May 15 Brigade said its fighters repelled an attack on Daraa on Sunday.", "2013-06-10", "May 15 Brigade"),
    ("The Syrian Observatory for Human Rights said air strikes killed 14 people in Kafr Nabl on Monday.",
     "2016-05-10", "Syrian Observatory for Human Rights"),
])
def test_a_claimants_name_has_no_date_before_it_nor_a_footnote_mark_after_it(text, published, claimant):
    rows = candidates(text, published)
    assert rows and rows[0]["claimed_by"] == claimant, [(r["location"], r["claimed_by"]) for r in rows]
