"""Where the records of a UTF-8 CSV file begin and end, found without splitting it into cells.

A record ends at a line feed, a carriage return + line feed, or a lone
carriage return that is outside quotes (as Python's :mod:`csv` reader and
spreadsheets read them). The scan also says whether the file's quotes are
*regular*: every quote either opens a value (at the start of a cell) or closes
one (before a comma, a line end or the end of the file), ``""`` inside a quoted
value standing for one quote, and no quote left open at the end. In a regular
file every reader splits records the same way, so the fast reader may be used;
any other file goes to the exact reader. Vectorised over chunks (numpy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Records", "scan_records"]

_QUOTE, _COMMA, _LF, _CR = 34, 44, 10, 13
_CHUNK = 1 << 24


@dataclass(frozen=True)
class Records:
    """The records of a file: ``starts`` and ``ends`` byte offsets (end excludes the line ending).

    ``regular``: the quotes are regular (see the module docstring).
    ``newline_in_quotes``: some quoted value holds a line break.
    """

    starts: np.ndarray
    ends: np.ndarray
    regular: bool
    newline_in_quotes: bool

    @property
    def lengths(self) -> np.ndarray:
        return self.ends - self.starts


def _quote_rules(array: np.ndarray, quotes: np.ndarray, parity: int, previous: int, following: int,
                 at_file_start: bool) -> bool:
    """True when every quote of this chunk opens at a cell start or closes before a cell end."""
    if len(quotes) == 0:
        return True
    opening = (np.arange(len(quotes)) + parity) % 2 == 0
    before = np.empty(len(quotes), dtype=np.int16)
    inner = quotes > 0
    before[inner] = array[quotes[inner] - 1]
    before[~inner] = -1 if at_file_start else previous
    after = np.empty(len(quotes), dtype=np.int16)
    last = quotes == len(array) - 1
    after[~last] = array[quotes[~last] + 1]
    after[last] = following
    opens_well = np.isin(before, (-1, _COMMA, _LF, _CR, _QUOTE))
    closes_well = np.isin(after, (-1, _COMMA, _LF, _CR, _QUOTE))
    return bool(np.all(np.where(opening, opens_well, closes_well)))


def scan_records(data: bytes | memoryview) -> Records:
    """Find the records of ``data`` (UTF-8 bytes, no byte-order mark)."""
    array = np.frombuffer(data, dtype=np.uint8)
    size = len(array)
    has_returns = data.find(b"\r") >= 0 if isinstance(data, (bytes, bytearray)) else True  # memchr: fast
    parity = 0
    regular = True
    newline_in_quotes = False
    separators: list[np.ndarray] = []
    widths: list[np.ndarray] = []
    for start in range(0, size, _CHUNK):
        chunk = array[start:start + _CHUNK]
        previous = int(array[start - 1]) if start else -1
        following = int(array[start + len(chunk)]) if start + len(chunk) < size else -1
        quotes = np.flatnonzero(chunk == _QUOTE)
        if regular:
            regular = _quote_rules(chunk, quotes, parity, previous, following, start == 0)
        feeds = np.flatnonzero(chunk == _LF)
        returns = np.flatnonzero(chunk == _CR) if has_returns else feeds[:0]  # most files have no CR at all
        if len(returns):
            next_byte = np.where(returns + 1 < len(chunk), chunk[np.minimum(returns + 1, len(chunk) - 1)],
                                 following)
            lone = returns[next_byte != _LF]
            crlf = returns[next_byte == _LF]
        else:
            lone = crlf = returns
        breaks = np.union1d(feeds, lone) if len(lone) else feeds
        inside = (np.searchsorted(quotes, breaks) + parity) % 2 == 1
        if inside.any():
            newline_in_quotes = True
        ends = breaks[~inside]
        # a CR + LF ends its record at the CR: the record's text excludes both
        width = np.ones(len(ends), dtype=np.int64)
        if len(crlf):
            width[np.isin(ends - 1, crlf)] = 2
        # a CR + LF split across chunks: the CR is the previous chunk's last byte
        if start and len(ends) and ends[0] == 0 and previous == _CR and chunk[0] == _LF:
            width[0] = 2
        separators.append(ends + start)
        widths.append(width)
        parity = (parity + len(quotes)) % 2
    if parity:
        regular = False
    ends = np.concatenate(separators) if separators else np.array([], dtype=np.int64)
    width = np.concatenate(widths) if widths else np.array([], dtype=np.int64)
    starts = np.concatenate(([0], ends + 1)).astype(np.int64)
    content_ends = np.concatenate((ends + 1 - width, [size])).astype(np.int64)
    if len(starts) and starts[-1] >= size:  # the file ends with a line ending: no record after it
        starts, content_ends = starts[:-1], content_ends[:-1]
    return Records(starts=starts, ends=content_ends, regular=regular, newline_in_quotes=newline_in_quotes)
