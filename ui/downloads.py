"""Download buttons whose file may fail to build: a failure is said, logged, and the page goes on."""

from __future__ import annotations

from collections.abc import Callable

from ui.errors import log


def safe_download_button(container, label: str, make_bytes: Callable[[], bytes], *, file_name: str, mime: str,
                         key: str | None = None) -> bool:
    """A download button for ``make_bytes()``; if building the file fails, a message and a disabled button.

    ``container`` is where to draw (``st`` or a column). Returns True when the file was built.
    """
    try:
        data = make_bytes()
    except Exception as error:
        log.exception("building %s for download failed", file_name)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
        container.download_button(label, b"", file_name=file_name, mime=mime, disabled=True, key=key,
                                  icon=":material/download:")
        container.error(f"{file_name} could not be made ({reason}). The rest of the page still works; "
                        "try again, or narrow the filters. The details are in the server log.",
                        icon=":material/error:")
        return False
    # on_click="ignore": a click that also reran the page could drop the file before the browser fetched it
    # (a 404 seen in the load test)
    container.download_button(label, data, file_name=file_name, mime=mime, key=key, icon=":material/download:",
                              on_click="ignore")
    return True
