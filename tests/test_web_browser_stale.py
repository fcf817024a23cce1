"""The analyst page when answers arrive out of order (issue 13): a slow answer to an older
filter must not overwrite the newer filter's list, timeline or map. Playwright holds the
older filter's answers back until the newer filter is drawn (tests/browser_support.py)."""

from __future__ import annotations

from typing import Any

from browser_support import api_json, open_page, wait_ready

OLD, NEW = "UKR", "ISR"
PANELS = ("/api/events?", "/api/timeline?", "/api/map?")


def _filter(page: Any, country: str) -> None:
    page.fill("#filters input[name=country]", country)
    page.press("#filters input[name=country]", "Enter")


def _shown(page: Any) -> dict[str, str | None]:
    return {
        "list": page.locator("#list-note").get_attribute("data-total"),
        "map": page.locator("#map-note").get_attribute("data-total"),
        "rows": str(page.locator("#events tbody tr").count()),
        "first": page.locator("#events tbody tr").first.get_attribute("data-id"),
    }


def test_a_slow_answer_to_an_older_filter_does_not_overwrite_the_newer(
    page: Any, served: dict[str, Any]
) -> None:
    base = served["base"]
    old_total = api_json(page, base, f"/api/events?country={OLD}&limit=1")["total"]
    new_list = api_json(page, base, f"/api/events?country={NEW}&limit=100")
    assert old_total != new_list["total"]  # else the test could not tell them apart
    open_page(page, base)
    held: list[Any] = []

    def hold_old(route: Any) -> None:
        url = route.request.url
        if f"country={OLD}" in url and any(p in url for p in PANELS):
            held.append(route)  # answered only after the newer filter is drawn
        else:
            route.continue_()

    page.route("**/api/**", hold_old)
    _filter(page, OLD)
    while len(held) < len(PANELS):
        page.wait_for_timeout(50)
    _filter(page, NEW)
    wait_ready(page)
    drawn = _shown(page)
    assert drawn["list"] == drawn["map"] == str(new_list["total"])
    assert drawn["first"] == new_list["events"][0]["id"]
    timeline = page.locator("#timeline-note").inner_text()
    for route in held:  # now the older filter's answers arrive, last
        with page.expect_response(lambda r, u=route.request.url: r.url == u):
            route.continue_()
    page.wait_for_timeout(300)  # time to (wrongly) redraw
    assert _shown(page) == drawn
    assert page.locator("#timeline-note").inner_text() == timeline
    page.unroute("**/api/**")
