"""Names of outlets and claimants: one name however a cell writes it, several names in one cell.

A cell such as "SOHR; Airwars" names two sources; "Air Wars", "airwars" and
"Airwars" name one. :class:`Aliases` holds the editable table shipped as
``data/aliases.csv`` (columns ``alias``, ``name``: "Air Wars" is "Airwars",
"Syrian Observatory for Human Rights" is "SOHR"); :func:`split_names` cuts a
cell into the names it holds. The events keep their original text; only the
filter's facets read the names.

Splitting follows the data's own separators: ";" always (ACLED's and UCDP's
list of sources), and ",", "/", "&" or " and " only when a piece is a name the
table knows, so "Maj. Gen. Oleg Yegorov, Russian MoD Center for
Reconciliation" stays one claimant while "SOHR, airwars" becomes two.
Names are compared by :func:`name_key`: case, accents, a leading "the" and
punctuation do not count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from utils.core.problems import DataFileError, Problem
from utils.data.csv_read import ROW_COLUMN, read_csv_table

__all__ = ["ALIAS_COLUMNS", "Aliases", "load_aliases", "name_key", "split_names"]

ALIAS_COLUMNS: tuple[str, ...] = ("alias", "name")
"""Columns of ``data/aliases.csv``: a spelling found in the data, and the one name it stands for."""

_STRONG = re.compile(r"\s*;\s*")
_WEAK = (re.compile(r"\s*(?:,|/+|&|\+)\s*"), re.compile(r"\s+and\s+", re.IGNORECASE))
_EDGES = re.compile(r"^(?:and\s+)|[\s.,:;]+$", re.IGNORECASE)


def name_key(text: str) -> str:
    """The key names are compared by: 'The Syrian Observatory ...' and 'syrian observatory ...' share one."""
    folded = unicodedata.normalize("NFKD", str(text))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    words = re.findall(r"\w+", folded)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Aliases:
    """Spellings (by :func:`name_key`) -> the name they stand for; ``names`` are the table's own names."""

    name_of: dict[str, str] = field(default_factory=dict)
    file: str = ""

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, str]], file: str = "") -> Aliases:
        name_of: dict[str, str] = {}
        for _alias, name in pairs:
            name_of[name_key(name)] = name
        for alias, name in pairs:
            name_of[name_key(alias)] = name
        return cls(name_of=name_of, file=file)

    def knows(self, text: str) -> bool:
        """True when the table lists ``text`` as a name or an alias."""
        return name_key(text) in self.name_of

    def name(self, text: str) -> str | None:
        """The name ``text`` stands for, or ``None`` when the table does not list it."""
        return self.name_of.get(name_key(text))


def _clean(piece: str) -> str:
    return _EDGES.sub("", piece.strip()).strip()


def _pieces(text: str, aliases: Aliases, level: int) -> list[str]:
    if aliases.knows(text) or level >= len(_WEAK):
        return [text]
    parts = [_clean(p) for p in _WEAK[level].split(text)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and any(aliases.knows(p) for p in parts):
        return [q for p in parts for q in _pieces(p, aliases, level + 1)]
    return _pieces(text, aliases, level + 1) if level + 1 < len(_WEAK) else [text]


def split_names(cell: str, aliases: Aliases) -> list[str]:
    """The names one cell holds, in order, each as the table names it (or as written when unknown).

    An alias may itself name several ("SOHR Airwars" -> "SOHR; Airwars"); a name
    given twice counts once. A blank cell holds none.
    """
    names: list[str] = []
    for part in _STRONG.split(str(cell)):
        part = _clean(part)
        if not part:
            continue
        for piece in _pieces(part, aliases, 0):
            named = aliases.name(piece)
            if named is not None and ";" in named:
                names.extend(_clean(n) for n in _STRONG.split(named) if _clean(n))
            else:
                names.append(named or piece)
    return list(dict.fromkeys(names))


def load_aliases(path: str | Path, *, file_label: str | None = None) -> Aliases:
    """Read ``aliases.csv``; a missing file is an empty table (nothing is renamed).

    A row with a blank cell, or an alias given two different names, refuses
    the file with a message naming the row (the table is short and edited by
    hand, so a mistake is shown, not guessed around).
    """
    file = file_label or str(path)
    if not Path(path).exists():
        return Aliases(file=file)
    table = read_csv_table(path, file)
    missing = [c for c in ALIAS_COLUMNS if c not in table.frame.columns]
    if missing:
        raise DataFileError(file, f"required column(s) missing: {', '.join(missing)}. The header must be: "
                                  "alias,name", row=1)
    problems = list(table.problems)
    pairs: list[tuple[str, str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for record in table.frame.to_dict("records"):
        row = int(record[ROW_COLUMN])
        alias, name = str(record["alias"]).strip(), str(record["name"]).strip()
        for column, value in (("alias", alias), ("name", name)):
            if not value:
                problems.append(Problem(file, row, column, value, "this cell is blank; give the spelling found "
                                                                   "in the data and the name it stands for."))
        if not alias or not name:
            continue
        earlier = seen.get(name_key(alias))
        if earlier is not None and name_key(earlier[1]) != name_key(name):
            problems.append(Problem(file, row, "alias", alias, f"this alias already stands for {earlier[1]!r} "
                                                               f"(row {earlier[0]}); keep one of the two rows."))
            continue
        seen[name_key(alias)] = (row, name)
        pairs.append((alias, name))
    if problems:
        first = problems[0]
        raise DataFileError(file, f"{first.reason} ({len(problems)} problem(s) in all)", row=first.row,
                            column=first.column, value=first.value)
    return Aliases.from_pairs(pairs, file=file)
