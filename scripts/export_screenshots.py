"""Screenshots of each export format for the README (docs/export-*.png), made by the exporter itself.

Run:  python3 scripts/export_screenshots.py [--out docs]

Exports the bundled events of 2025-03-01..2025-04-30 (framed on the events, banner TLP:CLEAR) as the
PNG slide, the PNG A4 (scaled to half size for the README), the PDF (page 1 rendered with Debian's
pdftoppm, `apt-get install poppler-utils`) and the HTML (opened offline in Chromium, top of the page).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from utils.analysis.filters import EventFilter  # noqa: E402
from utils.data.dataset import load_dataset  # noqa: E402
from utils.export.briefing import Briefing  # noqa: E402
from utils.export.outputs import export_file  # noqa: E402
from utils.export.render import CHROMIUM_ARGS, chromium_path  # noqa: E402


def html_screenshot(html: str, width: int = 1500, height: int = 1000) -> bytes:
    """The top ``width`` x ``height`` CSS px of the HTML export, opened with every outside request refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.abort())
            page.set_content(html)
            page.wait_for_function("document.documentElement.getAttribute('data-ready') === '1'")
            return page.screenshot(type="png")
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs")
    arguments = parser.parse_args()
    from PIL import Image

    briefing = Briefing(load_dataset(PROJECT / "data"), EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)),
                        title="Coast, March and April 2025", banner="TLP:CLEAR",
                        base_url="https://events.example.org/")
    out = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "export-slide.png").write_bytes(export_file(briefing, "png"))
    a4 = Image.open(io.BytesIO(export_file(briefing, "png-a4")))
    a4.resize((a4.width // 2, a4.height // 2), Image.LANCZOS).save(out / "export-a4.png", optimize=True)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "export.pdf"
            pdf.write_bytes(export_file(briefing, "pdf"))
            subprocess.run([pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(Path(folder) / "page")], check=True)
            shutil.copy(Path(folder) / "page.png", out / "export-pdf.png")
    else:
        print("pdftoppm not found (apt-get install poppler-utils): no PDF screenshot", file=sys.stderr)
    (out / "export-html.png").write_bytes(html_screenshot(export_file(briefing, "html").decode("utf-8")))
    for name in ("export-slide.png", "export-a4.png", "export-pdf.png", "export-html.png"):
        if (out / name).exists():
            print(f"wrote {out / name} ({(out / name).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
