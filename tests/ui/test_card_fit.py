"""Every method card's essentials (title, purpose, minutes and group size, the first two
steps) are on screen at 80x24 without scrolling, in every language of the deck."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.ui.screens.card import CardScreen


def wrapped(screen: CardScreen, width: int) -> list[str]:
    """The card body's lines as drawn at ``width`` (the text the body widget shows)."""
    return [line.plain for line in screen.body().wrap(screen.app.console, width)]


@pytest.mark.parametrize("language", ["sv", "en"])
async def test_card_essentials_fit_80x24(make_app, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        deck = app.session.deck
        assert deck.language == language
        for card in deck.methods:
            screen = CardScreen(card.id)
            await app.push_screen(screen)
            await pilot.pause()
            title = screen.query_one("#card-title", Static)
            body = screen.query_one("#card-body", Static)
            lines = wrapped(screen, body.content_region.width)
            step_two = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2. "))
            scroller = screen.query_one("#card")
            room = scroller.content_region.height - title.outer_size.height
            assert step_two < room, f"{card.id}: step 2 is on line {step_two}, {room} lines fit"
            assert card.purpose.split()[0] in "\n".join(lines)
            app.pop_screen()
            await pilot.pause()
