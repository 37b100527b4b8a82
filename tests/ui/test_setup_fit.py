"""The workshop's setup fits an 80x24 terminal in every language: each setting on one row
and the start button in view, with nothing to scroll. On a taller screen the fields keep
their frames."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button

from kiosk.ui.screens.setup import SetupScreen
from kiosk.ui.widgets.textfield import TextField


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
async def test_the_whole_setup_fits_at_80x24(make_app, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        form = app.screen.query_one("#setup", VerticalScroll)
        assert form.max_scroll_y == 0
        start = app.screen.query_one("#start", Button)
        assert start.region.bottom <= 23  # above the key bar
        assert all(field.compact and field.region.height == 1 for field in app.screen.query(TextField))


async def test_a_tall_setup_keeps_framed_fields(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert all(not field.compact and field.region.height == 3 for field in app.screen.query(TextField))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert all(field.compact for field in app.screen.query(TextField))
