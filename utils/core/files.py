"""Files written whole or not at all: to a temporary file beside the target, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]


def write_atomically(path: Path, write: Callable[[BinaryIO], None], *, mode: int | None = None) -> None:
    """Call ``write`` with a binary file beside ``path`` (hidden, ``.<name>.*.tmp``), then rename it to ``path``:
    a reader sees the old file or the whole new one, and a failure leaves no half file. ``mode``: the new file's
    permission bits (the temporary file's own, owner-only, when None). Raises ``OSError`` when the folder is
    missing or not writable."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
