"""The walk-up's mini plan names Enter in its key bar: "Välj" on the lists, "Spara" on the
confirmation, so a visitor knows what the key does at each point."""

from __future__ import annotations

from kiosk.ui.widgets.footer import KioskFooter

TO_MINI_PLAN = ["enter", *"123451234", "enter", "enter", "enter", "enter"]


def key_bar(app) -> str:
    footer = app.screen.query_one(KioskFooter)
    rows = [strip.text for strip in app.screen._compositor.render_strips()]
    return " ".join(rows[footer.region.y : footer.region.bottom])


async def test_enter_is_named_for_what_it_does(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        for key in TO_MINI_PLAN:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "MiniPlanScreen"
        assert "Enter Välj" in key_bar(app) and "Spara" not in key_bar(app)
        await pilot.press("1", "2")  # what, then when: the confirmation has the focus
        await pilot.pause()
        assert "Enter Spara" in key_bar(app) and "Välj" not in key_bar(app)
        assert app.session.plan is None  # named, not yet pressed
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ShareScreen"
