"""The share screen's plan keeps a free column before its scrollbar (at 80x24 the vote
values and the actions ran right up to it)."""

from __future__ import annotations

from textual.containers import VerticalScroll

from kiosk.ui.widgets.plansummary import PlanSummary

TO_SHARE = ["enter", *"123451234", "enter", "enter", "enter", "enter", "down", "enter", "3", "enter"]


async def test_the_plan_keeps_a_column_before_the_scrollbar(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        for key in TO_SHARE:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "ShareScreen"
        side = app.screen.query_one("#plan-side", VerticalScroll)
        assert side.show_vertical_scrollbar  # the case in question: the plan is longer than the screen
        summary = app.screen.query_one(PlanSummary)
        scrollbar_x = side.vertical_scrollbar.region.x
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        for y in range(summary.region.y, min(summary.region.bottom, side.region.bottom)):
            assert lines[y][scrollbar_x - 1] == " ", lines[y]
