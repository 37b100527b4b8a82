"""The facilitator menu's one-line buttons show their labels (in one line the variants' tall
borders used to take the only row, leaving blank bars)."""

from __future__ import annotations

import pytest
from textual.widgets import Button


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_every_menu_button_shows_its_label(make_app, size):
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert type(app.screen).__name__ == "FacilitatorScreen"
        buttons = list(app.screen.query(Button))
        assert len(buttons) >= 7
        for button in buttons:
            assert button.content_region.height >= 1, button.id
            label = str(button.label)
            line = "".join(seg.text for seg in button.render_line(0 if button.size.height == 1 else 1))
            assert label in line, (button.id, line)
