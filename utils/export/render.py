"""Rendering a self-contained HTML page to PNG or PDF with headless Chromium (Debian's package).

Playwright drives ``/usr/bin/chromium`` (or ``$CHROMIUM_PATH``); no browser
is downloaded. Every request the page makes outside itself is refused, so a
render never waits on the network, and every step has a time limit: a render
either returns or raises :class:`RenderError` saying what went wrong and, when
a part is missing, what to install.

The work runs on a thread of its own: Playwright's synchronous API refuses to
run on a thread that already has an asyncio loop (Streamlit's and pytest's
may), and the thread gives a hard deadline on top of Playwright's own.
"""

from __future__ import annotations

import io
import os
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "RenderError", "chromium_path", "missing_parts", "render_pdf", "render_png"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
INSTALL_CHROMIUM = "install Debian's Chromium: sudo apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)"
INSTALL_PLAYWRIGHT = ("install Playwright for Python: python3 -m pip install playwright==1.65.2 "
                      "(no `playwright install` needed: Debian's Chromium is used)")


PDF_VIEWPORT = (1062, 733)
"""The printable area of A4 landscape with 8 mm margins, in CSS pixels (96 per inch)."""


class RenderError(RuntimeError):
    """A PNG or PDF could not be made; the message says why and how to fix it."""


def chromium_path() -> Path:
    """``$CHROMIUM_PATH`` if set, else Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def missing_parts() -> list[str]:
    """What to install before PNG and PDF exports work (empty when nothing is missing)."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append(INSTALL_PLAYWRIGHT)
    if not os.access(chromium_path(), os.X_OK):
        missing.append(f"{chromium_path()} not found: {INSTALL_CHROMIUM}")
    return missing


def _is_inside(url: str) -> bool:
    return url.startswith(("data:", "about:", "blob:"))


def _run(job, *, width: int, height: int, scale: float, timeout_s: float) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    timeout_ms = timeout_s * 1000
    deadline = time.monotonic() + timeout_s
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS,
                                                 timeout=timeout_ms)
            try:
                context = browser.new_context(viewport={"width": width, "height": height},
                                              device_scale_factor=scale, java_script_enabled=True)
                context.set_default_timeout(timeout_ms)
                context.route(lambda url: not _is_inside(url), lambda route: route.abort())
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                return job(page, deadline, errors)
            finally:
                browser.close()
    except PlaywrightError as error:
        raise RenderError(f"Chromium could not render the export: {str(error).splitlines()[0]}") from error


def _load(page, html: str, deadline: float, errors: list[str]) -> None:
    remaining_ms = max(1.0, deadline - time.monotonic()) * 1000
    page.set_content(html, wait_until="load", timeout=remaining_ms)
    remaining_ms = max(1.0, deadline - time.monotonic()) * 1000
    page.wait_for_function("document.documentElement.getAttribute('data-ready') === '1'", timeout=remaining_ms)
    if errors:
        raise RenderError(f"the export page failed in Chromium: {errors[0]}")


def _on_thread(work, timeout_s: float) -> bytes:
    missing = missing_parts()
    if missing:
        raise RenderError("PNG and PDF exports need Chromium and Playwright; " + "; ".join(missing))
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-render")
    try:
        return pool.submit(work).result(timeout=timeout_s + 15)
    except FutureTimeout as error:
        raise RenderError(f"rendering took longer than {timeout_s:g} s and was abandoned; try fewer events "
                          "or a longer time limit") from error
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def render_png(html: str, *, width: int, height: int, scale: float = 1, dpi: int | None = None,
               timeout_s: float = 90) -> bytes:
    """A PNG of exactly ``width`` x ``height`` device pixels of the page ``html``.

    The page is laid out in a window of ``width/scale`` x ``height/scale`` CSS
    pixels and drawn at ``scale`` device pixels per CSS pixel (rounded up,
    then cropped to size). ``dpi`` is written into the file's metadata.
    """
    from PIL import Image

    css_width, css_height = -(-width // scale), -(-height // scale)

    def job(page, deadline, errors):
        _load(page, html, deadline, errors)
        return page.screenshot(type="png", full_page=False, timeout=max(1.0, deadline - time.monotonic()) * 1000)

    def work() -> bytes:
        shot = _run(job, width=int(css_width), height=int(css_height), scale=scale, timeout_s=timeout_s)
        image = Image.open(io.BytesIO(shot))
        if image.size != (width, height):
            image = image.crop((0, 0, width, height))
        out = io.BytesIO()
        image.save(out, format="PNG", dpi=(dpi, dpi) if dpi else None, optimize=False)
        return out.getvalue()

    return _on_thread(work, timeout_s)


def render_pdf(html: str, *, timeout_s: float = 90, header_html: str = "", footer_html: str = "") -> bytes:
    """Print the page ``html`` to PDF as Chromium does (real text; the page size and margins come from its CSS
    ``@page``). ``header_html`` / ``footer_html`` (already escaped) are printed in the top and bottom margins of
    every page, e.g. a handling banner."""

    def job(page, deadline, errors):
        _load(page, html, deadline, errors)
        options = {}
        if header_html or footer_html:
            options = {"display_header_footer": True, "header_template": header_html or "<span></span>",
                       "footer_template": footer_html or "<span></span>"}
        return page.pdf(prefer_css_page_size=True, print_background=True, format="A4", landscape=True, **options)

    return _on_thread(lambda: _run(job, width=PDF_VIEWPORT[0], height=PDF_VIEWPORT[1], scale=1, timeout_s=timeout_s), timeout_s)
