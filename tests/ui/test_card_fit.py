"""Every method card's essentials (title, purpose, minutes and group size, the first two
steps) are on screen at 80x24 without scrolling, in every language of the deck."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.core.i18n import t
from kiosk.ui.screens.card import CardScreen


def wrapped(screen: CardScreen, width: int) -> list[str]:
    """The card body's lines as drawn at ``width`` (the text the body widget shows)."""
    return [line.plain for line in screen.body().wrap(screen.app.console, width)]


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
async def test_card_essentials_fit_80x24(make_app, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        deck = app.session.deck
        assert deck.language == language
        for card in deck.methods:
            screen = CardScreen(app.language, app.session, card.id)
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


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
async def test_second_page_shows_the_practical_fields_at_80x24(make_app, language):
    """Page two (m) shows the question, outcome, preparation, tip and source of every
    method card without scrolling; m again brings the steps back."""
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        deck = app.session.deck
        source_label = t(app.language, "deck2.source")
        for card in deck.methods:
            screen = CardScreen(app.language, app.session, card.id)
            await app.push_screen(screen)
            await pilot.pause()
            await pilot.press("m")
            await pilot.pause()
            body = screen.query_one("#card-body", Static)
            lines = wrapped(screen, body.content_region.width)
            text = "\n".join(lines)
            for value in filter(None, (card.question, card.outcome, card.prepare, card.tip)):
                assert value.split()[0] in text, (card.id, value)
            source_line = next(i for i, line in enumerate(lines) if line.lstrip().startswith(source_label + ":"))
            room = screen.query_one("#card").content_region.height - screen.query_one("#card-title").outer_size.height
            end = next(i for i in range(source_line, len(lines)) if not lines[i].strip())  # blank after it
            assert end <= room, f"{card.id}: the source ends on line {end}, {room} lines fit"
            await pilot.press("m")
            await pilot.pause()
            assert any(line.lstrip().startswith("1. ") for line in wrapped(screen, body.content_region.width))
            app.pop_screen()
            await pilot.pause()
