"""Keep the page still when a map inside a frame is clicked.

Leaflet's keyboard handler focuses the map container on every mousedown. When
the map sits in a frame (st_folium) whose bottom edge is below the window,
that focus scrolls the page to show the whole frame, between the mouse going
down and coming up: the button comes up over another spot, and the marker that
was pressed never gets its click (measured in the load test: the page moved
3 to 26 px and the popup did not open). This element makes the handler focus
the map with ``preventScroll``; keyboard panning and zooming work as before.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["FocusWithoutScrolling"]


class FocusWithoutScrolling(MacroElement):
    """Add to a folium map: a press on the map focuses it without scrolling the page."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var keyboard = {{ this._parent.get_name() }}.keyboard;
            if (!keyboard || !keyboard.enabled()) { return; }
            keyboard.disable();  // its mousedown listener is bound when enabled: swap it, then bind again
            keyboard._onMouseDown = function() {
                if (this._focused) { return; }
                this._map.getContainer().focus({preventScroll: true});
            };
            keyboard.enable();
        })();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScrolling"
