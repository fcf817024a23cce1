"""The analyst page on a phone, for keyboard and screen-reader users, and against hostile data
(tests/browser_support.py builds the database: seeds, 5,000 synthetic events, hostile ones).
"""

from __future__ import annotations

import csv
import io
import os
from typing import Any

import pytest
from browser_support import (
    ARTIFACTS,
    FORMULA_OUTLET,
    HOSTILE_DAY,
    IMG_PLACE,
    PAYLOAD_ARTICLE,
    PAYLOAD_DAY,
    PAYLOAD_OUTLET,
    RLO_OUTLET,
    SCRIPT_NAME,
    api_json,
    contrast,
    open_page,
)

PHONE_WIDTH = 390
SCREENSHOTS = (
    "map.png",
    "timeline.png",
    "timeline-days.png",
    "event.png",
    "event-wide.png",
    "phone.png",
    "phone-event.png",
    "payload.png",
)

# the colour behind an element: the first ancestor with an opaque background
BACKGROUND_JS = """e => { let n = e; while (n) { const b = getComputedStyle(n).backgroundColor;
  if (b && b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') return b; n = n.parentElement; }
  return 'rgb(255, 255, 255)'; }"""


def _overflow(page: Any) -> int:
    width: int = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return width


def test_phone_layout_has_no_sideways_scrolling_and_readable_text(
    phone: Any, served: dict[str, Any]
) -> None:
    open_page(phone, served["base"])
    assert _overflow(phone) <= 0
    sizes = phone.locator("#timeline .axis text").evaluate_all(
        "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )
    assert sizes and min(sizes) >= 11, sizes
    assert phone.locator("#legend").bounding_box()["height"] <= 110  # compact: a few lines
    rows = phone.locator("#events tbody tr").evaluate_all(
        "rs => rs.slice(0, 20).map(r => { const b = r.getBoundingClientRect();"
        " return {right: b.right, display: getComputedStyle(r.cells[0]).display,"
        " font: parseFloat(getComputedStyle(r).fontSize)}; })"
    )
    assert all(r["right"] <= PHONE_WIDTH and r["display"] == "block" for r in rows)
    assert all(r["font"] >= 12 for r in rows)
    phone.screenshot(path=str(ARTIFACTS / "phone.png"))

    # the text tables behind the timeline and the map, opened, scroll inside their own box
    for box in ("#timeline-table-box", "#map-table-box"):
        phone.click(f"{box} summary")
        phone.wait_for_function(f"() => document.querySelector('{box} tbody tr')")
        assert _overflow(phone) <= 0, box
    for box in ("#timeline-table-box", "#map-table-box"):
        phone.click(f"{box} summary")

    phone.locator("#events tbody tr").nth(3).click()
    phone.wait_for_function("() => document.activeElement.id === 'detail-title'")
    top = phone.evaluate("() => document.activeElement.getBoundingClientRect().top")
    assert 0 <= top < 844
    assert _overflow(phone) <= 0
    phone.screenshot(path=str(ARTIFACTS / "phone-event.png"))


def test_landmarks_text_tables_contrast_and_focus(page: Any, served: dict[str, Any]) -> None:
    base = served["base"]
    open_page(page, base)
    assert page.locator("main").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('skip')")
    # text alternatives behind the timeline and the map
    page.click("#timeline-table-box summary")
    data = api_json(page, base, "/api/timeline?bucket=auto")
    periods = {r["day"] for r in data["series"]}
    assert page.locator("#timeline-table tbody tr").count() == len(periods)
    page.click("#map-table-box summary")
    places = api_json(page, base, "/api/map?zoom=3")["places"]
    assert page.locator("#map-table tbody tr").count() == len(places)
    assert page.locator("#map-table tbody button").count() == len(places)  # reachable
    # text contrast at least 4.5:1 everywhere it is drawn over a panel
    selectors = (
        "h2 small",
        ".hint",
        ".legend .key",
        "#events td",
        "#events .type",
        ".filters label",
        "#summary",
        "table.data caption",
    )
    for sel in selectors:
        pairs = page.locator(sel).evaluate_all(
            f"es => es.slice(0, 30).map(e => [getComputedStyle(e).color, ({BACKGROUND_JS})(e)])"
        )
        assert pairs, sel
        worst = min(contrast(fg, bg) for fg, bg in pairs)
        assert worst >= 4.5, (sel, worst)
    # a visible focus ring
    row = page.locator("#events tbody tr").first
    row.focus()
    outline = row.evaluate(
        "r => [getComputedStyle(r).outlineStyle, getComputedStyle(r).outlineWidth]"
    )
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2


def test_hostile_values_stay_text_isolated_and_neutralised(
    page: Any, served: dict[str, Any]
) -> None:
    base = served["base"]
    query = f"?since={HOSTILE_DAY}&until={HOSTILE_DAY}"
    open_page(page, base, query)
    rows = page.locator("#events tbody")
    assert SCRIPT_NAME in rows.inner_text() and IMG_PLACE in rows.inner_text()
    assert page.locator("#events img, #events script").count() == 0
    page.locator("#events tr[data-id='evhostilescript1']").click()
    page.wait_for_selector("#sources li")
    assert FORMULA_OUTLET in page.locator("#sources").inner_text()
    assert "<script>x</script>" in page.locator("#sources").inner_text()

    page.locator("#events tr[data-id='evhostilerlo0001']").click()
    page.wait_for_function(
        "() => document.getElementById('detail').dataset.event === 'evhostilerlo0001'"
    )
    assert RLO_OUTLET in page.locator("#sources").inner_text()
    isolated = page.evaluate(
        """() => {
          const out = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walk.nextNode()) {
            const t = walk.currentNode;
            if (!t.data.includes('\\u202e')) continue;
            const p = t.parentElement;
            out.push(p.tagName === 'BDI' || getComputedStyle(p).unicodeBidi.includes('isolate'));
          }
          return out;
        }"""
    )
    assert isolated and all(isolated), isolated
    # the date after the outlet still reads left to right: "(" before the year, ")" after
    order = page.evaluate(
        """d => {
          const li = document.querySelector('#sources li');
          const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
          while (walk.nextNode()) {
            const t = walk.currentNode, i = t.data.indexOf('(' + d);
            if (i < 0) continue;
            const at = (k) => { const r = document.createRange(); r.setStart(t, k);
              r.setEnd(t, k + 1); return r.getBoundingClientRect().left; };
            return [at(i), at(i + 1), at(i + d.length)];
          }
          return null;
        }""",
        HOSTILE_DAY,
    )
    assert order and order[0] < order[1] < order[2], order
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 3  # d3, topojson-client, main.js

    # the downloaded CSV: the formula is a plain string there (the cell is neutralised)
    href = page.locator("#download-csv").get_attribute("href")
    body = page.request.get(base + href).body().decode("utf-8")
    cells = [c for row in csv.reader(io.StringIO(body)) for c in row if "HYPERLINK" in c]
    assert cells and all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_an_article_with_script_in_its_title_text_and_link_stays_inert(
    page: Any, served: dict[str, Any]
) -> None:
    base = served["base"]
    open_page(page, base, f"?since={PAYLOAD_DAY}&until={PAYLOAD_DAY}&type=warning_shots")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#sources li")
    assert "<script>window.__pwned=1</script>" in page.locator("#sources").inner_text()
    assert PAYLOAD_OUTLET in page.locator("#sources").inner_text()
    page.wait_for_selector("#article-text mark.sentence")
    shown = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert '<img src=x onerror="window.__pwned=1">' in shown
    assert page.locator("#article-title").inner_text() == PAYLOAD_ARTICLE["title"]
    assert "<b onmouseover" in page.locator("#article-meta").inner_text()
    # its javascript: address never becomes a link
    hrefs = page.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href') || '')")
    assert not any(h.lower().startswith("javascript") for h in hrefs), hrefs
    page.wait_for_timeout(300)  # give a payload every chance to run
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text img, #detail img, #article-text script").count() == 0
    assert page.locator("script").count() == 3
    # the article alone, from the address
    article = page.locator("#article").get_attribute("data-article")
    open_page(page, base, f"?article={article}")
    assert page.locator("#article-title").inner_text().startswith("<script>")
    page.locator("#article").screenshot(path=str(ARTIFACTS / "payload.png"))


def test_artifacts_are_saved() -> None:
    if not ARTIFACTS.exists():
        pytest.skip("browser tests did not run")
    for name in SCREENSHOTS:
        path = ARTIFACTS / name
        if not path.exists() and not os.environ.get("CI"):
            pytest.skip(f"{name} not made")
        assert 5_000 < path.stat().st_size < 300_000, name
