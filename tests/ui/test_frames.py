"""Text fields are framed with line drawing in every theme but the console's own: Textual's
tall frame is drawn with one-eighth blocks, which leave stray line pieces beside a field in
many terminals."""

from __future__ import annotations

import pytest
from textual.widgets import Input

EIGHTHS = set("▔▁▊▎▌▐")


def field_glyphs(app) -> set[str]:
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    seen: set[str] = set()
    for field in app.screen.query(Input):
        r = field.region
        for y in range(r.y, r.bottom):
            seen |= set(lines[y][r.x : r.right])
    return seen


@pytest.mark.parametrize("theme", ["kiosk-dark", "kiosk-light"])
@pytest.mark.parametrize("mode", ["workshop", "checkin", "followup"])
async def test_fields_have_line_drawn_frames(make_app, mode, theme):
    app = make_app(mode=mode, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert list(app.screen.query(Input))
        glyphs = field_glyphs(app)
        assert "╭" in glyphs and not glyphs & EIGHTHS, glyphs & EIGHTHS


async def test_a_refused_value_still_shows_in_the_frame(make_app):
    app = make_app(mode="followup")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.add_class("-invalid")
        await pilot.pause()
        assert field.styles.border.top[0] == "round"
        assert field.styles.border.top[1] != app.screen.query_one(Input).styles.background
        error = app.theme_variables["error"].lower()
        assert field.styles.border.top[1].hex.lower() == error
