"""The phone page in real Chromium as a 360x640 phone (Selenium with Debian's
chromium-driver) against the real server on loopback: join, vote, the thank-you, the
results after the reveal, a reload that cannot vote twice; axe-core finds no WCAG 2.1 AA
violation in any state, light or dark."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from kiosk.core.ballotbox import BallotBox
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store
from kiosk.web.server import KioskServer

pytestmark = pytest.mark.e2e
webdriver = pytest.importorskip("selenium.webdriver")
axe_selenium = pytest.importorskip("axe_core_python.selenium")
DECK = Shelf().get("innovationslek", "sv")
AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def phone_browser(width: int = 360, height: int = 640):
    if shutil.which("chromedriver") is None or shutil.which("chromium") is None:
        pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
    ):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}}
    )
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_script_timeout(30)
    return driver


def violations(driver, dark: bool = False) -> list[str]:
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]},
    )
    result = axe_selenium.Axe().run(driver, options=AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


def check_both_schemes(driver, state: str) -> None:
    for dark in (False, True):
        found = violations(driver, dark)
        assert found == [], f"{state} ({'dark' if dark else 'light'}): {found}"


def text_of(driver, element_id: str) -> str:
    return driver.find_element("id", element_id).text


def wait_text(driver, element_id: str, text: str, seconds: float = 5.0) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds).until(lambda d: text in d.find_element("id", element_id).text)


@pytest.fixture
async def served(tmp_path):
    store = Store.open(tmp_path / "data")
    session = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", group_size=5))
    box = BallotBox(session)
    server = KioskServer("page", "127.0.0.1", 0).open()
    await server.ready.wait()
    server.add_room(box)
    yield box, f"{server.local_url()}V/{box.room}"
    await server.close()
    store.close()


def vote_in_browser(driver, url: str, box: BallotBox) -> dict:
    """Drive the page like a person; returns what was seen on the way."""
    seen: dict = {}
    driver.get(url)
    wait_text(driver, "title", "Sluten omröstning")
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 5).until(lambda d: d.find_elements("id", "send"))
    seen["legends"] = [e.text for e in driver.find_elements("css selector", "legend")]
    seen["statements"] = [e.text for e in driver.find_elements("css selector", ".statements li")]
    check_both_schemes(driver, "ballot")
    driver.find_element("id", "send").click()  # nothing answered yet
    wait_text(driver, "message", "Varje fråga behöver ett svar")
    check_both_schemes(driver, "incomplete")
    for question in box.session.round.questions:
        step = 2 if question.id == "level" else 4
        label = driver.find_element("css selector", f"label[for='{question.id}-{step}']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
    seen["target_heights"] = [e.size["height"] for e in driver.find_elements("css selector", "label.option")]
    driver.find_element("id", "send").click()
    wait_text(driver, "title", "Tack! Din röst är sparad.")
    wait_text(driver, "count", "1 har röstat")
    seen["waiting"] = driver.find_element("tag name", "body").text
    check_both_schemes(driver, "stored")
    return seen


async def test_a_phone_votes_sees_thanks_and_results(served):
    box, url = served
    driver = await asyncio.to_thread(phone_browser)
    try:
        seen = await asyncio.to_thread(vote_in_browser, driver, url, box)
        assert seen["legends"][1].endswith(DECK.require_model().principles[0].name)
        assert DECK.require_model().levels[0].statements[0] in seen["statements"]
        assert min(seen["target_heights"]) >= 44  # big enough for a thumb
        assert "1 har röstat" in seen["waiting"] and "Medel" not in seen["waiting"]  # no results yet
        assert box.session.votes_cast == 1 and box.phone_ballots == 1
        stored = box.session.round.entries[0].answers
        assert stored["level"] == "innovative" and stored[DECK.require_model().principles[0].id] == 4

        # A reload keeps the token: the phone is back on the waiting page, not the ballot.
        await asyncio.to_thread(driver.refresh)
        await asyncio.to_thread(wait_text, driver, "title", "Tack! Din röst är sparad.", 2.0)
        assert not driver.find_elements("id", "send")
        assert box.issued == 1  # no second token for the same phone

        box.session.round.reveal()  # the facilitator shows the results
        await asyncio.to_thread(wait_text, driver, "title", "Resultat", 3.0)
        body = await asyncio.to_thread(lambda: driver.find_element("tag name", "body").text)
        assert DECK.require_model().principles[0].name in body and "Medel 4 av 5" in body
        await asyncio.to_thread(check_both_schemes, driver, "results")

        # Landscape: the same page still works.
        await asyncio.to_thread(driver.set_window_size, 640, 360)
        await asyncio.to_thread(check_both_schemes, driver, "results, landscape")
    finally:
        await asyncio.to_thread(driver.quit)


async def test_unknown_room_and_closed_vote_are_said_plainly(served):
    box, url = served
    driver = await asyncio.to_thread(phone_browser)
    try:
        await asyncio.to_thread(driver.get, url.rsplit("/", 1)[0] + "/NOSUCHROOM0000")
        # An unknown room is a 404 with a sentence, not a blank page.
        body = await asyncio.to_thread(lambda: driver.find_element("tag name", "body").text)
        assert "Här finns ingen omröstning" in body and "There is no vote here" in body
        await asyncio.to_thread(check_both_schemes, driver, "unknown room")
        box.close()
        await asyncio.to_thread(driver.get, url)
        await asyncio.to_thread(wait_text, driver, "message", "Omröstningen är stängd.")
        await asyncio.to_thread(check_both_schemes, driver, "closed")
    finally:
        await asyncio.to_thread(driver.quit)


def test_page_is_small_and_self_contained():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "kiosk" / "web" / "phone.html").read_bytes()
    assert len(page) < 50_000
    for external in (b"http://", b"https://", b"//cdn", b"@import", b"<link", b"src="):
        assert external not in page
