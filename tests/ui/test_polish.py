"""Defects a new-user trial found (issues 15 and 21): each test here failed before its fix."""

from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.widgets.phonejoin import PhoneJoin

BALLOT = [*"3123451234", "enter"]


async def to_lobby(app, pilot, group: str) -> None:
    app.screen.query_one("#group", Input).value = group
    app.screen.query_one("#secret").value = "secret"
    await pilot.press("ctrl+s")
    await pilot.pause()


# -- 1. the lobby ---------------------------------------------------------------------------
async def test_a_ballot_past_the_group_size_says_so_and_is_still_allowed(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.status == ""  # vote 1 of 2: nothing to say
        await pilot.press(*BALLOT, "enter", *BALLOT)
        await pilot.pause()
        assert app.session.votes_cast == 2
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BallotScreen"  # a latecomer may still vote
        assert "Alla 2 har röstat" in app.screen.status and "nummer 3" in app.screen.status
        await pilot.press(*BALLOT)
        await pilot.pause()
        assert app.session.votes_cast == 3


async def test_the_thank_you_goes_when_the_next_ballot_opens(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "5")
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        assert app.screen.status.startswith("Tack!")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # the next voter changes their mind
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        assert app.screen.status == ""


async def test_the_phone_panel_says_it_counts_phone_votes_only(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "5")
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        panel = app.screen.query_one(PhoneJoin)
        tokens = panel.query_one("#join-tokens").render().plain
        assert "0 har röstat med telefon" in tokens
        assert "1 av 5 har röstat" in str(app.screen.query_one("#count-label").render())
