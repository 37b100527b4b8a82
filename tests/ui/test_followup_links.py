"""Links pasted on the follow-up screen: a crafted one gets a message (the app goes on), a
real format-1 link from before format 2 starts the follow-up."""

from __future__ import annotations

import tomllib

from textual.widgets import Input

from kiosk.core.link import as_linked
from kiosk.core.plan import Plan
from tests.conftest import ROOT

FIXTURE = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))["links"]


async def paste(app, pilot, link: str) -> None:
    app.screen.query_one("#reference", Input).value = link
    await pilot.press("enter")
    await pilot.pause()


async def test_crafted_links_get_a_message_not_the_end_of_the_app(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        # created = 2**40 minutes (reliability trial): an OverflowError ended the app before
        for link in ("http://k/#.90PCCLEO/+T6C08T1000", "http://k/#" + "Z" * 5000, "http://k/#%%%"):
            await paste(app, pilot, link)
            assert type(app.screen).__name__ == "FollowUpScreen"
            message = app.screen.status
            assert message == app.screen.t("link.damaged"), link
        assert app.is_running


async def test_a_format_1_link_starts_the_follow_up(make_app):
    entry = next(e for e in FIXTURE if e["plan"]["deck"] == "innovationslek" and e["plan"]["mode"] == "workshop")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        await paste(app, pilot, entry["link"])
        assert type(app.screen).__name__ == "LobbyScreen"
        assert app.flow.follows == as_linked(Plan.from_dict(entry["plan"]))
