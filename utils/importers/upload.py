"""Uploads: size caps, and unpacking one data file from .gz, .bz2, .xz or .zip, streamed to disk.

A compressed file is unpacked a megabyte at a time into a temporary file and
refused as soon as it passes :data:`MAX_UNPACKED_BYTES`, so memory stays
bounded whatever it unpacks to (a gzip "bomb" included). Other archives and
office documents are refused with a message saying what to do instead.
Nothing here reads the data itself.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from utils.core.problems import DataFileError

__all__ = ["DATA_SUFFIXES", "MAX_GEOJSON_BYTES", "MAX_UNPACKED_BYTES", "MAX_UPLOAD_BYTES", "MAX_UPLOAD_MB",
           "head_bytes", "save_upload", "source_size", "unpack"]

MAX_UPLOAD_MB = 1024
"""The browser upload cap in Streamlit's megabytes (MiB); the same number as ``server.maxUploadSize`` in
.streamlit/config.toml (a test checks)."""
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
"""The upload cap in bytes, as Streamlit counts it (1 GiB)."""
MAX_UNPACKED_BYTES = MAX_UPLOAD_BYTES
"""A compressed file may unpack to at most what an uncompressed upload may be."""
MAX_GEOJSON_BYTES = 256 * 1024 * 1024
"""GeoJSON is one JSON document, read whole; above this size convert it to CSV (read row by row)."""
DATA_SUFFIXES = (".csv", ".txt", ".tsv", ".json", ".geojson")
_PIECE = 1 << 20

Source = bytes | Path
"""A file's content: its bytes, or the path of a file on disk."""


def source_size(source: Source) -> int:
    """Size in bytes of ``source``."""
    return len(source) if isinstance(source, bytes) else Path(source).stat().st_size


def head_bytes(source: Source, count: int = 4096) -> bytes:
    """The first ``count`` bytes of ``source``."""
    if isinstance(source, bytes):
        return source[:count]
    with open(source, "rb") as handle:
        return handle.read(count)


def _open(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")


def save_upload(read: Callable[[int], bytes], target: Path, *, size: int,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy an upload (``read(n)`` returns up to n bytes) to ``target`` a megabyte at a time; returns ``target``.

    ``progress(done, size)`` is called after each piece. Memory: one piece.
    """
    done = 0
    with open(target, "wb") as out:
        while True:
            piece = read(8 * _PIECE)
            if not piece:
                break
            out.write(piece)
            done += len(piece)
            if progress is not None:
                progress(done, size)
    return target


def _too_big(file: str, kind: str) -> DataFileError:
    return DataFileError(file, f"the {kind} unpacks to more than {MAX_UNPACKED_BYTES / 1e9:.2f} GB, the largest "
                               "file the dashboard reads (the upload limit); split it into smaller files, or "
                               "check that it is the file you meant (it may be a compression bomb).")


def _copy_limited(reader: BinaryIO, target: Path, file: str, kind: str) -> Path:
    """Copy ``reader`` to ``target`` a megabyte at a time; refuse past :data:`MAX_UNPACKED_BYTES`."""
    written = 0
    with open(target, "wb") as out:
        while True:
            piece = reader.read(_PIECE)
            if not piece:
                break
            written += len(piece)
            if written > MAX_UNPACKED_BYTES:
                out.close()
                target.unlink(missing_ok=True)
                raise _too_big(file, kind)
            out.write(piece)
    return target


_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook or other Office file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def _unzip(source: Source, file: str, folder: Path) -> tuple[Path, str]:
    try:
        archive = zipfile.ZipFile(_open(source))
    except zipfile.BadZipFile:
        raise DataFileError(file, "the file looks like a ZIP archive but cannot be opened; it may be cut "
                                  "short. Upload it again, or upload the CSV itself.") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        names = [m.filename for m in members]
        if any(name.startswith("xl/") for name in names) or "word/document.xml" in names:
            raise DataFileError(file, "this is an Excel or Word document, not a CSV. In Excel use "
                                      "File > Save As > CSV UTF-8, then upload that file.")
        data_members = [m for m in members if PurePosixPath(m.filename).suffix.lower() in DATA_SUFFIXES
                        and not PurePosixPath(m.filename).name.startswith(".")]
        if len(data_members) != 1:
            listed = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
            raise DataFileError(file, f"the ZIP archive holds {len(data_members)} CSV or GeoJSON files "
                                      f"({listed or 'none'}); it must hold exactly one.")
        member = data_members[0]
        if member.file_size > MAX_UNPACKED_BYTES:
            raise _too_big(file, f"file {member.filename} in the archive")
        with archive.open(member) as handle:
            target = _copy_limited(handle, folder / "unpacked", file, "ZIP archive")
    return target, f"{file}/{member.filename}"


_COMPRESSED: tuple[tuple[bytes, str, str, Callable[[BinaryIO], BinaryIO]], ...] = (
    (b"\x1f\x8b", "gzip", ".gz", lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")),
    (b"BZh", "bzip2", ".bz2", lambda raw: bz2.BZ2File(raw, mode="rb")),
    (b"\xfd7zXZ\x00", "xz", ".xz", lambda raw: lzma.LZMAFile(raw, mode="rb")),  # noqa: SIM115 (used in a with)
)


def unpack(source: Source, file: str, *, folder: Path, max_bytes: int | None = None) -> tuple[Source, str, list[str]]:
    """Return the data file (``source`` itself, or a file unpacked into ``folder``), its name and notes.

    ``max_bytes`` caps the upload itself (``None``: no cap). A .gz, .bz2, .xz
    or one-file .zip is unpacked, streamed to disk (memory stays at about a
    megabyte); other archives and documents are refused.
    """
    size = source_size(source)
    if max_bytes is not None and size > max_bytes:
        raise DataFileError(file, f"the file is {size / 1e6:,.1f} MB; uploads are limited to "
                                  f"{max_bytes / 1e6:,.0f} MB. Compress it (.gz or .zip) or split it.")
    head = head_bytes(source, 16)
    for magic, kind in _REFUSED_MAGIC:
        if head.startswith(magic):
            raise DataFileError(file, f"this is {kind}, not a CSV or GeoJSON file. Export the data as CSV "
                                      "(UTF-8) or GeoJSON and upload that, or a .gz or .zip of it.")
    for magic, kind, suffix, opener in _COMPRESSED:
        if head.startswith(magic):
            try:
                with _open(source) as raw, opener(raw) as reader:
                    target = _copy_limited(reader, folder / "unpacked", file, f"{kind} file")
            except (zlib.error, OSError, EOFError, lzma.LZMAError) as exc:
                raise DataFileError(file, f"the compressed file is damaged and cannot be unpacked ({exc}); "
                                          "compress it again or upload the CSV itself.") from None
            return target, file.removesuffix(suffix), [f"{file}: unpacked from {kind}."]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        target, name = _unzip(source, file, folder)
        return target, name, [f"{file}: read {name.split('/', 1)[-1]} from the ZIP archive."]
    return source, file, []
