"""The phone ballot in every language on a 390 px wide phone: the five answers of a
principle line up (radio beside radio, digit beside digit) however long a step's name is,
and no name breaks inside a word: a name too wide for its box ("Genomsyrar oss") sends the
names to a key under the row."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.core.ballotbox import BallotBox
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store
from kiosk.web.server import KioskServer
from tests.e2e.test_phone_browser import phone_browser

pytestmark = pytest.mark.e2e

POSITIONS = """
return Array.from(document.querySelectorAll('.options.scale')).map((box) => {
  const at = (sel) => Array.from(box.querySelectorAll(sel)).map((e) => Math.round(e.getBoundingClientRect().top));
  const inside = Array.from(box.querySelectorAll('label.option')).every((label) => {
    const edge = label.getBoundingClientRect().right + 1;
    return Array.from(label.querySelectorAll('span')).every((s) => s.getBoundingClientRect().right <= edge);
  });
  const names = Array.from(box.querySelectorAll('.step-name'));
  const key = box.parentElement.querySelector('.scale-key');
  return {radios: at('input[type=radio]'), digits: at('.step'), inside: inside,
          whole: names.every((n) => n.getClientRects().length <= 2 && n.scrollWidth <= n.clientWidth + 1),
          keyed: box.closest('form').classList.contains('keyed'),
          key: key && key.offsetParent !== null ? key.innerText : ''};
});
"""


def scale_positions(url: str) -> list[dict]:
    from selenium.webdriver.support.ui import WebDriverWait

    driver = phone_browser(390, 844)
    try:
        driver.get(url)
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "send"))
        return driver.execute_script(POSITIONS)
    finally:
        driver.quit()


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
async def test_the_five_answers_line_up_on_a_phone(tmp_path, language):
    store = Store.open(tmp_path / "data")
    deck = Shelf().get("innovationslek", language)
    settings = SessionSettings(mode="workshop", group_size=5, language=language)
    box = BallotBox(Session(store=store, deck=deck, settings=settings))
    server = KioskServer("page", "127.0.0.1", 0).open()
    try:
        await server.ready.wait()
        server.add_room(box)
        scales = await asyncio.to_thread(scale_positions, f"{server.local_url()}V/{box.room}")
    finally:
        await server.close()
        store.close()
    assert len(scales) == len(deck.require_model().principles)
    for scale in scales:
        assert len(scale["radios"]) == 5 and len(set(scale["radios"])) == 1, scale
        assert len(set(scale["digits"])) == 1, scale
        assert scale["inside"], scale  # no step name runs out of its box
        # Each name whole in its box, or (too narrow for one) all of them in a key below.
        assert scale["key"] if scale["keyed"] else scale["whole"], scale


def vote_and_read_count(url: str) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    driver = phone_browser(390, 844)
    try:
        driver.get(url)
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "send"))
        driver.execute_script(
            "document.querySelectorAll('.options').forEach((o) => o.querySelector('input').checked = true);"
        )
        driver.find_element("id", "send").click()
        # Read in one step: the page redraws the count as the kiosk's events come in.
        read = "const c = document.getElementById('count'); return c ? c.textContent : '';"
        # The waiting page may first show the count it had (0), then the kiosk's next one.
        return WebDriverWait(driver, 10).until(
            lambda d: (d.execute_script(read) or "").startswith("1") and d.execute_script(read)
        )
    finally:
        driver.quit()


async def test_the_first_phone_vote_reads_in_the_singular(tmp_path):
    store = Store.open(tmp_path / "data")
    deck = Shelf().get("innovationslek", "en")
    settings = SessionSettings(mode="workshop", group_size=5, language="en")
    box = BallotBox(Session(store=store, deck=deck, settings=settings))
    server = KioskServer("page", "127.0.0.1", 0).open()
    try:
        await server.ready.wait()
        server.add_room(box)
        count = await asyncio.to_thread(vote_and_read_count, f"{server.local_url()}V/{box.room}")
    finally:
        await server.close()
        store.close()
    assert count == "1 has voted"
