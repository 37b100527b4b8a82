"""Confirmations live on their screen's status line: they never cover content and never
outlive the screen they confirm (a toast did both: the lobby's thank-you sat over the
results' button row at 80x24)."""

from __future__ import annotations

from kiosk.ui.widgets.statusline import StatusLine


def overlaps(app, line: StatusLine) -> list[str]:
    """Widgets on the screen whose region shares a cell with the status line."""
    region = line.region
    return [
        repr(w)
        for w in app.screen.query("*")
        if w is not line and w.display and w.region.area and not w.children and w.region.overlaps(region)
    ]


async def test_thank_you_stays_on_the_lobby_and_not_over_the_results(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter", *"3123451234", "enter")
        await pilot.pause()
        lobby = app.screen
        assert type(lobby).__name__ == "LobbyScreen"
        assert lobby.status == lobby.t("ballot.saved", n=1)
        line = lobby.query_one(StatusLine)
        assert line.has_class("-success")
        assert overlaps(app, line) == []
        assert not app._notifications  # no toast anywhere
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        results = app.screen
        assert type(results).__name__ == "ResultsScreen"
        assert results.status == ""
        assert not app._notifications
        # The results' own content (its deal button) is clear of the status line.
        assert overlaps(app, results.query_one(StatusLine)) == []


async def test_undo_and_choose_confirm_on_their_own_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert app.screen.status == app.screen.t("lobby.nothing_to_undo")
        await pilot.press("enter", *"3123451234", "enter")
        await pilot.pause()
        await pilot.press("ctrl+u", "right", "enter")
        await pilot.pause()
        assert app.screen.status == app.screen.t("lobby.undone")
        await pilot.press("ctrl+r")  # no votes left: refused, said on the lobby
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        assert app.screen.status == app.screen.t("lobby.no_votes")
        await pilot.press("enter", *"3123451234", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the deal
        await pilot.pause()
        await pilot.press("enter")  # read the first card
        await pilot.pause()
        card = app.screen
        assert type(card).__name__ == "CardScreen"
        await pilot.press("space")
        await pilot.pause()
        assert card.status == card.t("card.chosen")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.status == ""  # the deal has said nothing
        assert not app._notifications


async def test_status_line_shows_text_as_text(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.say("[bold]not markup[/bold] [link=x]")
        await pilot.pause()
        assert "[bold]not markup[/bold] [link=x]" in app.screen.query_one(StatusLine).render().plain
