"""Uploaded bytes: size caps, and unpacking one data file from .gz, .bz2, .xz or .zip.

Other archives and office documents are refused with a message saying what
to do instead. Nothing here reads the data itself.
"""

from __future__ import annotations

import bz2
import io
import lzma
import zipfile
import zlib
from pathlib import PurePosixPath

from utils.core.problems import DataFileError

__all__ = ["MAX_UNPACKED_BYTES", "MAX_UPLOAD_MB", "DATA_SUFFIXES", "unpack"]

MAX_UPLOAD_MB = 200
"""The browser upload cap, MB; the same number as ``server.maxUploadSize`` in .streamlit/config.toml."""
MAX_UNPACKED_BYTES = 1_500_000_000
"""A compressed upload may unpack to at most this many bytes (about 3.5 million native rows)."""
DATA_SUFFIXES = (".csv", ".txt", ".tsv", ".json", ".geojson")

_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook or other Office file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def _limited(decompress, data: bytes, file: str, kind: str) -> bytes:
    out = decompress(data, MAX_UNPACKED_BYTES + 1)
    if len(out) > MAX_UNPACKED_BYTES:
        raise DataFileError(file, f"the {kind} file unpacks to more than {MAX_UNPACKED_BYTES / 1e9:.1f} GB; "
                                  "split it into smaller files.")
    return out


def _whole(decompressor, data: bytes, limit: int) -> bytes:
    out = decompressor.decompress(data, limit)
    if len(out) < limit and not decompressor.eof:
        raise EOFError("the compressed data ends early")
    return out


def _gunzip(data: bytes, limit: int) -> bytes:
    return _whole(zlib.decompressobj(16 + zlib.MAX_WBITS), data, limit)


def _bunzip(data: bytes, limit: int) -> bytes:
    return _whole(bz2.BZ2Decompressor(), data, limit)


def _unxz(data: bytes, limit: int) -> bytes:
    return _whole(lzma.LZMADecompressor(), data, limit)


def _unzip(data: bytes, file: str) -> tuple[bytes, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DataFileError(file, "the file looks like a ZIP archive but cannot be opened; it may be cut "
                                  "short. Upload it again, or upload the CSV itself.") from None
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
        raise DataFileError(file, f"{member.filename} in the archive is larger than "
                                  f"{MAX_UNPACKED_BYTES / 1e9:.1f} GB; split it into smaller files.")
    with archive.open(member) as handle:
        content = handle.read(MAX_UNPACKED_BYTES + 1)
    if len(content) > MAX_UNPACKED_BYTES:
        raise DataFileError(file, "the archive unpacks to more than the size limit; split it.")
    return content, f"{file}/{member.filename}"


def unpack(data: bytes, file: str, *, max_bytes: int | None = None) -> tuple[bytes, str, list[str]]:
    """Return the data file's bytes, the name to use in messages, and notes.

    ``max_bytes`` caps the upload itself (``None``: no cap). A .gz, .bz2, .xz
    or one-file .zip is unpacked; other archives and documents are refused.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise DataFileError(file, f"the file is {len(data) / 1e6:.1f} MB; uploads are limited to "
                                  f"{max_bytes / 1e6:.0f} MB. Compress it (.gz or .zip) or split it.")
    for magic, kind in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise DataFileError(file, f"this is {kind}, not a CSV or GeoJSON file. Export the data as CSV "
                                      "(UTF-8) or GeoJSON and upload that, or a .gz or .zip of it.")
    try:
        if data.startswith(b"\x1f\x8b"):
            content = _limited(_gunzip, data, file, "gzip")
            return content, file.removesuffix(".gz"), [f"{file}: unpacked from gzip."]
        if data.startswith(b"BZh"):
            content = _limited(_bunzip, data, file, "bzip2")
            return content, file.removesuffix(".bz2"), [f"{file}: unpacked from bzip2."]
        if data.startswith(b"\xfd7zXZ\x00"):
            content = _limited(_unxz, data, file, "xz")
            return content, file.removesuffix(".xz"), [f"{file}: unpacked from xz."]
    except (zlib.error, OSError, EOFError, lzma.LZMAError) as exc:
        raise DataFileError(file, f"the compressed file is damaged and cannot be unpacked ({exc}); "
                                  "compress it again or upload the CSV itself.") from None
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        content, name = _unzip(data, file)
        return content, name, [f"{file}: read {name.split('/', 1)[-1]} from the ZIP archive."]
    return data, file, []
