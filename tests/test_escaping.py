"""The one escaping function: table-driven cases and a property that it round-trips."""

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils.core.escaping import escape_text, safe_http_url


@pytest.mark.parametrize(
    ("raw", "must_not_contain"),
    [
        ("<script>alert(1)</script>", ["<", ">"]),
        ('<img src=x onerror="alert(1)">', ["<", '"']),
        ("${alert(1)}", ["$", "{"]),
        ("\\`; alert(1); `", ["\\", "`"]),
        ("</script><script>alert(1)</script>", ["</script"]),
        ("[link](javascript:alert(1))", ["[", "(", ":"]),
        (":red[colour] **bold** _it_", [":", "*", "_", "["]),
        ("line one\n# heading", ["\n", "# heading"]),
        ("' onmouseover='alert(1)", ["'"]),
    ],
)
def test_escape_text_leaves_no_active_character(raw, must_not_contain):
    escaped = escape_text(raw)
    for fragment in must_not_contain:
        assert fragment not in escaped
    assert html.unescape(escaped) == raw


@pytest.mark.parametrize(("value", "expected"), [(None, ""), (float("nan"), ""), (12, "12"), ("Jableh", "Jableh")])
def test_escape_text_of_plain_values(value, expected):
    assert escape_text(value) == expected


@given(st.text())
def test_escaped_text_decodes_to_exactly_the_input(text):
    escaped = escape_text(text)
    assert not set("<>`$\\\"'") & set(escaped)
    assert html.unescape(escaped) == text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://southfront.press/x", "https://southfront.press/x"),
        ("  http://example.org/a  ", "http://example.org/a"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("https://", None),
        ("https://exa mple.org", None),
        (None, None),
    ],
)
def test_links_are_made_only_from_http_urls(url, expected):
    assert safe_http_url(url) == expected
