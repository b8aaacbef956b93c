"""From an uploaded or pasted article to clean plain text: decoding, HTML stripping, boilerplate, checks.

Every refusal is an :class:`ArticleError` whose message says what is wrong and how to fix it (never a
traceback). The text returned is what the extractor reads and what the review shows, so evidence
offsets (character positions) refer to it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

__all__ = ["MAX_ARTICLE_BYTES", "MAX_ARTICLE_CHARS", "ArticleError", "article_text", "decode_article",
           "english_share", "strip_html"]

MAX_ARTICLE_BYTES = 4_000_000
"""A file larger than this (bytes) is refused: a news page, even with its markup, is rarely over 1 MB."""
MAX_ARTICLE_CHARS = 100_000
"""Clean text longer than this (characters, about 15,000 words) is refused: paste one article."""
MIN_ARTICLE_WORDS = 8
MIN_ENGLISH_SHARE = 0.12
"""Share of words that are common English words below which a text is taken for another language."""

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"{\\rtf", "an RTF document"),
)
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form",
                 "iframe", "object", "button", "select", "math", "canvas"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
               "article", "header", "blockquote", "figcaption", "figure", "dd", "dt", "pre", "hr", "main"}
_INVISIBLE = dict.fromkeys([*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x00AD])
"""Zero-width characters, bidirectional overrides and soft hyphens: dropped, they only hide or reorder text."""
_BOILERPLATE_LINE = re.compile(
    r"^\s*(follow .{0,40} on google news|credit:|photo credit|\(photo credit|share this|read more:?$|"
    r"subscribe|advertisement$|updated at:?\s*$)", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*[_=\-*]{10,}\s*$")
"""A rule of 10+ underscores (or = - *): what follows is the outlet's footer and reader comments."""
_ENGLISH_WORDS = (
    "the a an of to in on at and or but is are was were be been has have had that this these those it its by "
    "for with from as not no he she they we his her their said says after before near over since which who "
    "will would could also more than about into other")
_ENGLISH = frozenset(_ENGLISH_WORDS.split())


class ArticleError(ValueError):
    """An article that cannot be read; the message says why and how to fix it."""


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML page; script, style and navigation are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS and not self._skip_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment (a doctype, <html>, or several block tags)."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(?:p|div|br|span|a|h[1-6]|li|article|body)\b[^>]*>", text[:200_000], re.I)) >= 3


def strip_html(page: str) -> str:
    """The visible text of an HTML page: paragraphs on their own lines, entities decoded, no markup."""
    parser = _TextParser()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


def decode_article(data: bytes, name: str = "the file") -> str:
    """Decode an uploaded file to text (UTF-8, with or without a byte-order mark; UTF-16 with one).

    Raises :class:`ArticleError` for an empty, binary, oversized or undecodable file.
    """
    if not data or not data.strip():
        raise ArticleError(f"{name} is empty. Paste the article's text or upload a .txt or .html file that holds it.")
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name} is {len(data) / 1e6:.1f} MB; an article is read up to "
                           f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB. Save only the article's text (or its page without "
                           "images) and upload that, or paste the text.")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ArticleError(f"{name} is {what}, not text. Copy the article's text and paste it, or save it as "
                               ".txt or .html.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(f"{name} says it is UTF-16 but is not valid UTF-16 at byte {error.start}. "
                               "Save it again as UTF-8 text.") from None
    if b"\x00" in data[:100_000]:
        raise ArticleError(f"{name} holds NUL bytes: it is a binary file, not text. Copy the article's text and "
                           "paste it, or save it as .txt or .html.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name} is not valid UTF-8 (byte {error.start}). Save it as UTF-8 text (most editors "
                           "offer it under 'Save as'), or paste the text.") from None


def _clean_lines(text: str) -> str:
    """Normalise spaces and line breaks, drop invisible characters, boilerplate lines and the footer."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    lines: list[str] = []
    for line in text.split("\n"):
        if _SEPARATOR.match(line):
            break
        line = re.sub(r" {2,}", " ", line).strip()
        if _BOILERPLATE_LINE.match(line):
            continue
        lines.append(line)
    cleaned = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()


def english_share(text: str) -> float:
    """Share (0..1) of the words in ``text`` that are common English function words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    return sum(word in _ENGLISH for word in words) / len(words)


def article_text(raw: str | bytes, *, name: str = "the text", is_html: bool | None = None) -> str:
    """Clean article text from pasted text or an uploaded file's bytes (HTML stripped when it is HTML).

    Raises :class:`ArticleError` (with how to fix it) for empty, binary, oversized, too short or
    non-English input.
    """
    text = decode_article(raw, name) if isinstance(raw, bytes) else str(raw or "")
    if not text.strip():
        raise ArticleError(f"{name} is empty. Paste the article's text or upload a .txt or .html file that holds it.")
    if len(text) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name} is {len(text):,} characters; an article is read up to "
                           f"{MAX_ARTICLE_BYTES:,}. Paste only the article.")
    if is_html is None:
        is_html = name.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(text)
    if is_html:
        text = strip_html(text)
    elif "&" in text and re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I):
        text = html.unescape(text)
    text = _clean_lines(text)
    words = re.findall(r"[^\W\d_]+", text)
    if not text or not words:
        raise ArticleError(f"{name} holds no words" + (" once its HTML markup is removed" if is_html else "")
                           + ". Paste the article's text.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{name} is {len(text):,} characters of text once cleaned; the extractor reads one "
                           f"article, up to {MAX_ARTICLE_CHARS:,} characters. Paste only the article you want "
                           "to read.")
    if len(words) < MIN_ARTICLE_WORDS:
        raise ArticleError(f"{name} has only {len(words)} word(s); paste the whole article (at least "
                           f"{MIN_ARTICLE_WORDS} words) so its dates and places can be read.")
    latin = sum(1 for ch in text if ch.isalpha() and ch.isascii())
    letters = sum(1 for ch in text if ch.isalpha())
    share = english_share(text)
    if letters and (latin / letters < 0.5 or (len(words) >= 30 and share < MIN_ENGLISH_SHARE)):
        raise ArticleError(f"{name} does not look like English ({share:.0%} of its words are common English "
                           "words). The extractor reads English only: paste an English version of the article.")
    return text
