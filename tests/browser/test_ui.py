"""The web app in headless Chromium, used as an analyst would."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def ready(page: Any) -> None:
    page.wait_for_function("document.body.dataset.ready === 'true' && document.body.dataset.hash === location.hash")


def open_view(page: Any, hash_: str) -> None:
    page.goto("/#/" + hash_)
    ready(page)


def test_events_table_filters_and_pages(page: Any, shoot: Any) -> None:
    open_view(page, "events")
    total = int(page.inner_text("#event-total").split()[0])
    assert total > 50 and page.locator("#events-table tbody tr").count() == 50
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=actor]", "RUS")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=ASSAULT')")
    ready(page)
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < total
    for i in range(rows.count()):
        assert rows.nth(i).locator("td").nth(1).inner_text().startswith("ASSAULT")
        cells = rows.nth(i).locator("td")
        assert "RUS" in cells.nth(2).inner_text() + cells.nth(3).inner_text()
    shoot("events-filtered")
    open_view(page, "events")
    page.click("text=Next ›")
    page.wait_for_function("location.hash.includes('offset=50')")
    ready(page)
    assert "51–" in page.inner_text(".pager")
    shoot("events")
    assert not page.problems


def test_event_page_highlights_every_kind_of_span(page: Any, shoot: Any) -> None:
    open_view(page, "events?type=MOBILIZE")
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_function("location.hash.startsWith('#/event/')")
    ready(page)
    text = page.locator("#article-text")
    for kind in ("trigger", "source", "evidence"):
        assert text.locator(f".k-{kind}").count() >= 1, kind
    legend = page.inner_text("#legend")
    assert "Trigger" in legend and "Source actor" in legend
    trigger = text.locator(".k-trigger").first
    colour = trigger.evaluate("el => getComputedStyle(el).backgroundColor")
    source_colour = text.locator(".k-source").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != source_colour and colour not in ("rgba(0, 0, 0, 0)", "transparent")
    shoot("event")
    assert not page.problems


def test_event_with_place_date_and_attribution(page: Any, base_url: str, shoot: Any) -> None:
    import httpx

    events = httpx.get(base_url + "/api/events", params={"limit": 500}).json()["events"]
    located = [
        e for e in events if e["location_name"] and e["date_value"] and e["date_precision"] != "publication"
    ]
    details = [httpx.get(base_url + f"/api/events/{e['id']}").json() for e in located]
    richest = max(
        details,
        key=lambda d: (
            {"date", "place", "source"} <= {s["kind"] for s in d["spans"]},
            len({s["kind"] for s in d["spans"]}),
        ),
    )
    expected = {s["kind"] for s in richest["spans"]}
    assert {"trigger", "source", "date", "place", "evidence"} <= expected
    open_view(page, "event/" + richest["event"]["id"])
    shown = set(page.eval_on_selector_all("#article-text .hl", "els => els.flatMap(e => e.dataset.kinds.split(' '))"))
    assert shown == expected
    legend = {k for k in page.eval_on_selector_all("#legend .key", "els => els.map(e => e.dataset.kind)")}
    assert legend == expected
    colours = page.evaluate(
        """kinds => kinds.map(k => { const el = document.createElement('span'); el.className = 'hl k-' + k;
             document.body.append(el); const c = getComputedStyle(el).backgroundColor; el.remove(); return c; })""",
        ["trigger", "source", "target", "date", "place", "attribution_source", "attribution_cue", "evidence"],
    )
    assert len(set(colours)) == len(colours)
    shoot("event-all-spans")
    assert not page.problems


def test_article_markup_shows_as_text(page: Any, base_url: str, shoot: Any) -> None:
    import httpx

    found = httpx.get(base_url + "/api/articles", params={"search": "onerror"}).json()["articles"]
    article_id = found[0]["id"]
    open_view(page, "article/" + article_id)
    body = page.inner_text("#article-text")
    assert "<script>document.title='pwned'</script>" in body
    assert "onerror=" in body
    assert page.locator("#view script").count() == 0 and page.locator("#view img").count() == 0
    assert "<script>" in page.inner_text("h1")
    assert page.title() == "Tacitus"
    assert page.locator("a[href^='javascript']").count() == 0
    event_id = httpx.get(base_url + f"/api/articles/{article_id}").json()["events"][0]["id"]
    open_view(page, "event/" + event_id)
    assert "onerror=" in page.inner_text("#article-text")
    assert page.locator("#view img, #view script").count() == 0
    assert page.title() == "Tacitus"
    shoot("hostile-article")
    assert not [p for p in page.problems if "dialog" in p or "page error" in p]


def test_timeline_chart_renders(page: Any, shoot: Any) -> None:
    open_view(page, "timeline?interval=year")
    canvas = page.locator("#timeline-chart")
    box = canvas.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    painted = canvas.evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"
    )
    assert painted > 5000
    datasets = page.evaluate("Chart.getChart('timeline-chart').data.datasets.length")
    assert datasets > 3
    page.select_option("#series-by", "quad_class")
    page.wait_for_function("location.hash.includes('by=quad_class')")
    ready(page)
    assert page.evaluate("Chart.getChart('timeline-chart').data.datasets.length") <= 4
    shoot("timeline")
    page.click("#nav a[data-view=events]")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=ASSAULT')")
    ready(page)
    assaults = int(page.inner_text("#event-total").split()[0])
    page.click("#nav a[data-view=timeline]")
    page.wait_for_function("location.hash.startsWith('#/timeline') && location.hash.includes('type=ASSAULT')")
    ready(page)
    shown = page.evaluate("Chart.getChart('timeline-chart').data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)")
    assert shown == assaults
    assert not page.problems


def test_network_draws_actors_and_links(page: Any, shoot: Any) -> None:
    open_view(page, "network")
    assert page.locator("#network-svg circle.node").count() >= 4
    assert page.locator("#network-svg line.link").count() >= 2
    shoot("network")
    page.locator("#network-svg circle.node").first.click(force=True)
    page.wait_for_function("location.hash.startsWith('#/events') && location.hash.includes('actor=')")
    ready(page)
    assert page.locator("#events-table tbody tr").count() > 0
    assert not page.problems


def test_map_plots_event_locations_on_country_outlines(page: Any, shoot: Any) -> None:
    open_view(page, "map")
    page.wait_for_selector("#map path.place-marker")
    assert page.locator("#map path.place-marker").count() >= 5
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # countries and markers
    page.locator("#map path.place-marker").first.click(force=True)
    page.wait_for_selector(".map-popup")
    assert "events" in page.inner_text(".map-popup")
    shoot("map")
    assert not page.problems


def test_articles_list_and_bad_filter_message(page: Any, shoot: Any) -> None:
    open_view(page, "articles")
    assert page.locator("#articles-table tbody tr").count() > 20
    shoot("articles")
    open_view(page, "events?since=2020-02-30")
    assert "since must be an ISO date" in page.inner_text("#error")
    assert not [p for p in page.problems if "page error" in p]


def test_every_view_works_under_the_content_security_policy(browser: Any, base_url: str) -> None:
    """Real users get the CSP: no view may need inline script, eval or another host."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=base_url)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        for view, selector in (
            ("events", "#events-table tbody tr"),
            ("timeline", "#timeline-chart"),
            ("network", "#network-svg circle.node"),
            ("map", "#map path.place-marker"),
            ("articles", "#articles-table tbody tr"),
        ):
            page.goto(f"/#/{view}")
            page.wait_for_selector(f"body[data-view={view}][data-ready=true] {selector}")
        page.locator("#articles-table tbody tr a").first.click()
        page.wait_for_selector("body[data-view=article][data-ready=true] #article-text")
    finally:
        context.close()
    assert not problems
