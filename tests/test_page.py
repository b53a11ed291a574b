"""The web page in a real headless Chromium (Debian's, driven by Playwright) against the real
server (uvicorn on a free local port): type a location, pick it from the suggestions with the
keyboard, submit, read the controller, the sources and the legs, and see the map drawn.

Chromium missing is a failure, not a skip: `.ci/run` installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.facts import POLICY_DATE

CHROMIUM = os.environ.get("XBORDER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).with_name("artifacts")
HTDG_NAME = "Huawei Technologies Deutschland GmbH"
MAP_READY = ("() => { const w = document.getElementById('map').contentWindow;"
             " return !!(w && w.xborderMap && w.xborderMap.ready); }")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "xborder.api.http:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"the server did not start: {err}")
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer /healthz within 30 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package "
                    "(apt-get install -y chromium; .ci/run does) or set XBORDER_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith((server, "data:", "about:"))
          else outside.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.base = server
    yield pg
    context.close()
    assert outside == [], f"the page fetched from elsewhere: {outside}"
    assert errors == [], f"script errors: {errors}"


def test_type_pick_submit_and_see_controller_sources_legs_and_map(page):
    page.goto(page.base + "/")
    page.fill("#at", POLICY_DATE)
    page.locator("#location").press_sequentially("Réun", delay=30)
    option = page.locator("#location-list [role=option]").first
    option.wait_for()
    assert "Réunion" in option.inner_text() and "RE" in option.inner_text()
    assert page.get_attribute("#location", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#location", "aria-activedescendant") == "location-opt-0"
    page.keyboard.press("Enter")  # picks the suggestion, does not submit
    assert page.input_value("#location") == "Réunion"
    assert page.is_hidden("#results")
    page.select_option("#org", "huawei")  # 22 organisations: the picker is shown
    page.select_option("#service", "consumer-cloud")
    page.focus("#submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#results:not([hidden])")
    assert page.inner_text("#controller") == HTDG_NAME
    assert "(DE" in page.inner_text("#controller-country")
    assert "Réunion (RE)" in page.inner_text("#context")
    chain = page.inner_text("#chain")
    assert "RE (Réunion) is part of FR" in chain and "Rule 10.1" in chain
    sources = page.inner_text("#sources")
    assert "is controlled by Huawei Technologies Deutschland, GmbH." in sources
    legs = page.inner_text("#legs")
    assert "DE → CN" in legs and "safeguards-required" in legs and "same-area" in legs
    assert page.evaluate("document.activeElement.id") == "results"
    assert "location=RE" in page.url and "at=2017-06-01" in page.url

    page.wait_for_function(MAP_READY)
    frame = page.frame_locator("#map")
    canvas = frame.locator("#map canvas")
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    counts = page.evaluate("(() => { const m = document.getElementById('map')"
                           ".contentWindow.xborderMap; return [m.nodes, m.edges]; })()")
    assert counts[0] >= 4 and counts[1] >= 3  # RE → controller → recipients
    drawn = page.evaluate(
        "(() => { const c = document.getElementById('map').contentDocument"
        ".querySelector('#map canvas'); const d = c.getContext('2d').getImageData("
        "0, 0, c.width, c.height).data; let ink = 0; for (let i = 0; i < d.length; i += 4)"
        " { if (d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 600) ink++; } return ink; })()")
    assert drawn > 1000  # boxes and lines were painted
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page.png"), full_page=True)


def test_ambiguous_location_offers_the_candidates(page):
    page.goto(page.base + "/?service=consumer-cloud&at=2017-06-01")
    page.fill("#location", "Korea")
    page.keyboard.press("Escape")
    page.click("#submit")
    alert = page.locator("#problem")
    alert.wait_for()
    assert "Ambiguous location" in alert.inner_text()
    buttons = alert.locator("button")
    names = [buttons.nth(i).inner_text() for i in range(buttons.count())]
    assert any("(KR)" in n for n in names) and any("(KP)" in n for n in names)
    alert.locator("button", has_text="(KR)").click()
    page.wait_for_selector("#results:not([hidden])")
    assert page.inner_text("#controller") == HTDG_NAME
    assert page.is_hidden("#problem")


def test_link_with_the_question_answers_it_and_shows_the_other_reading(page):
    page.goto(page.base + "/?location=GB&service=consumer-cloud&at=2020-06-01")
    page.wait_for_selector("#results:not([hidden])")
    assert page.inner_text("#controller") == "Huawei Device Co., Ltd."
    # in 2020 the April 2018 statement names Aspiegel Limited for the EEA (section IX)
    assert "Aspiegel Limited" in page.inner_text("#alternatives")


def test_every_control_has_a_label_and_the_page_loads_nothing_from_elsewhere(page):
    page.goto(page.base + "/")
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input, select, textarea')]"
        ".filter(e => !e.hidden && !e.closest('[hidden]') && e.labels.length === 0)"
        ".map(e => e.id)")
    assert unlabelled == []
    assert page.get_attribute("html", "lang") == "en"
    assert page.title().startswith("xborder")
    assert page.evaluate("document.querySelector('#map').getAttribute('title')")


# Screenshots go to tests/artifacts/; `XBORDER_SCREENSHOTS=docs` refreshes the ones the README
# shows (docs/*.png) — a test run never rewrites tracked files by itself.
DOCS = (Path(__file__).resolve().parent.parent / "docs" if os.environ.get("XBORDER_SCREENSHOTS")
        == "docs" else Path(__file__).resolve().parent / "artifacts")


def test_legs_name_their_instrument_and_caveats(page):
    page.goto(page.base + "/?org=huawei&location=RE&service=consumer-cloud&at=2017-06-01")
    page.wait_for_selector("#results:not([hidden])")
    page.wait_for_selector("#legs .plain")
    legs = page.inner_text("#legs")
    assert "Commission Implementing Decision (EU) 2016/1250" in legs  # the Privacy Shield
    assert "certified under the EU-U.S. Privacy Shield" in legs  # its scope limit
    assert "May go to China only under SCCs" in legs and "the policy names" in legs
    assert "Caveat" in legs and "note 1" in legs
    assert "Huawei" in page.inner_text("#answer-head")
    page.wait_for_selector("#world svg path.country")
    page.wait_for_selector("#timelines li")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(DOCS / "page.png"), full_page=False)
    page.locator("#legs").screenshot(path=str(DOCS / "page-legs.png"))


def test_two_dates_compared_name_the_judgment(page):
    page.goto(page.base + "/?org=huawei&location=DE&service=consumer-cloud&at=2020-07-17")
    page.wait_for_selector("#results:not([hidden])")
    page.fill("#before", "2020-07-15")
    page.fill("#after", "2020-07-17")
    page.click("#compare-submit")
    page.wait_for_selector("#changes .change-list li")
    text = page.inner_text("#changes")
    assert "C-311/18" in text and "adequacy → safeguards-required" in text
    page.locator("#compare").screenshot(path=str(DOCS / "change-report.png"))


def test_world_map_colours_the_countries(page):
    page.goto(page.base + "/v1/maps/huawei/world.svg?at=2020-07-17&service=consumer-cloud")
    fills = page.evaluate("[...document.querySelectorAll('path.country')]"
                          ".map(p => p.getAttribute('fill'))")
    assert len(fills) > 150 and len(set(fills)) >= 2  # one colour per controller
    de = page.evaluate("document.querySelector('path.country[data-code=DE]').getAttribute('fill')")
    cn = page.evaluate("document.querySelector('path.country[data-code=CN]').getAttribute('fill')")
    assert de != cn
    assert page.locator("path.flow").count() >= 1
    page.screenshot(path=str(DOCS / "world-map.png"))


def test_at_400_px_the_status_and_why_are_visible(browser, server):
    context = browser.new_context(viewport={"width": 400, "height": 800}, locale="en-GB")
    pg = context.new_page()
    try:
        pg.goto(server + "/?org=huawei&location=RE&service=consumer-cloud&at=2017-06-01")
        pg.wait_for_selector("#legs .plain")
        badge = pg.locator("#legs .badge").first
        box = badge.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 400
        plain = pg.locator("#legs .plain").nth(1).bounding_box()
        assert plain is not None and plain["x"] + plain["width"] <= 400
        assert pg.evaluate("document.documentElement.scrollWidth") <= 420
        pg.locator("#legs").screenshot(path=str(DOCS / "page-400px.png"))
    finally:
        context.close()


def test_docs_render_the_endpoint_list_with_the_network_blocked(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def block(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    pg = context.new_page()
    try:
        pg.goto(server + "/docs")
        pg.wait_for_selector(".opblock-summary-path", timeout=30_000)
        paths = pg.locator(".opblock-summary-path").all_inner_texts()
        assert any("/v1/changes" in p for p in paths) and any("/v1/resolve" in p for p in paths)
        assert outside == []
    finally:
        context.close()


def test_no_service_shows_the_controller_per_service(page):
    page.goto(page.base + "/?org=huawei&location=DE&at=2020-01-01")
    page.wait_for_selector("#per-service:not([hidden])")
    text = page.inner_text("#per-service")
    assert "depends on the service" in text and "Aspiegel Limited" in text
    assert "--service" not in page.inner_text("#results")
    page.locator("#per-service-list button", has_text="Consumer Cloud").click()
    page.wait_for_function("document.getElementById('controller').textContent"
                           " === 'Aspiegel Limited'")
