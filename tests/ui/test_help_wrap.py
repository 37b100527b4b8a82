"""A long meaning in the help wraps in its own column, under its first words, never under
the key (the walk-up help at 80x24 wrapped 'besvarade' to the left margin)."""

from __future__ import annotations

from kiosk.ui.screens.help import HelpRow


async def test_a_wrapped_meaning_stays_in_its_column_at_80x24(make_app):
    app = make_app(mode="walkup", kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the attract screen: to the ballot
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        rows = list(app.screen.query(HelpRow))
        wrapped = [row for row in rows if row.region.height > 1]
        assert wrapped, [row.plain() for row in rows]  # the case in question: a meaning on two lines
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        for row in wrapped:
            text_x = row.query_one(".help-text").region.x
            for y in range(row.region.y + 1, row.region.bottom):
                line = lines[y]
                assert line[row.region.x : text_x].strip() == "", line  # nothing under the key
                assert line[text_x:].strip(), line  # the meaning goes on in its column
