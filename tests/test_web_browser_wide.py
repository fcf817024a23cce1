"""The open event on a wide screen (issue 13): it opens beside the list, not below the fold,
and stays in sight while the list scrolls; on a narrower screen it goes under the list.
Fixtures and the database: tests/browser_support.py."""

from __future__ import annotations

from typing import Any

from browser_support import ARTIFACTS, open_page

WIDE = {"width": 1400, "height": 1000}  # the `page` fixture's window
NARROW = {"width": 1100, "height": 1000}  # under app.css's 1200 px: one column of panels


def _box(page: Any, selector: str) -> dict[str, float]:
    found: dict[str, float] = page.locator(selector).evaluate(
        "e => { const b = e.getBoundingClientRect();"
        " return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; }"
    )
    return found


def _open_row(page: Any, n: int) -> str:
    row = page.locator("#events tbody tr").nth(n)
    event_id: str = row.get_attribute("data-id")
    row.click()
    page.wait_for_selector(f"#detail[data-event='{event_id}']")
    page.wait_for_function("() => document.activeElement.id === 'detail-title'")
    return event_id


def _overflow(page: Any) -> int:
    width: int = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return width


def test_an_event_opens_beside_the_list_on_a_wide_screen(page: Any, served: dict[str, Any]) -> None:
    open_page(page, served["base"])
    closed_list, closed_map = _box(page, "#list-panel"), _box(page, "#map-panel")
    assert closed_map["right"] <= closed_list["left"]  # map | list while nothing is open

    event_id = _open_row(page, 30)
    detail, listed = _box(page, "#detail"), _box(page, "#list-panel")
    row = _box(page, f"#events tbody tr[data-id='{event_id}']")
    assert detail["left"] >= listed["right"]  # beside the list, not under it
    assert 0 <= detail["top"] < WIDE["height"] / 2  # the view's top is on screen
    assert row["top"] >= 0 and row["bottom"] <= WIDE["height"]  # the chosen row too
    assert _box(page, "#map-panel")["top"] >= listed["bottom"]  # the map moved under the list
    assert _overflow(page) <= 0
    page.screenshot(path=str(ARTIFACTS / "event-wide.png"))  # a synthetic event: our own text

    # scrolled down to the map under the list, the view stays in sight beside it (sticky); a
    # row further down the list opens there too
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("() => window.scrollY") > 300
    assert 0 <= _box(page, "#detail")["top"] < WIDE["height"] / 2
    later = _open_row(page, 90)
    detail, row = _box(page, "#detail"), _box(page, f"#events tbody tr[data-id='{later}']")
    assert later != event_id
    assert 0 <= detail["top"] < WIDE["height"] / 2 and detail["left"] >= listed["right"]
    assert row["top"] >= 0 and row["bottom"] <= WIDE["height"]

    page.click("#detail-close")
    page.wait_for_selector("#detail", state="hidden")
    reopened_list, reopened_map = _box(page, "#list-panel"), _box(page, "#map-panel")
    assert reopened_map["right"] <= reopened_list["left"]  # back to map | list


def test_an_event_opens_under_the_list_below_the_wide_width(
    page: Any, served: dict[str, Any]
) -> None:
    page.set_viewport_size(NARROW)
    open_page(page, served["base"])
    _open_row(page, 30)
    detail, listed = _box(page, "#detail"), _box(page, "#list-panel")
    assert detail["top"] >= listed["bottom"]  # a line of its own under the list
    assert 0 <= detail["top"] < NARROW["height"]  # scrolled into sight
    assert detail["right"] - detail["left"] >= 0.9 * NARROW["width"] - 40  # the full width
    assert _overflow(page) <= 0
