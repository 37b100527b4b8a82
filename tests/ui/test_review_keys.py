"""The follow-up's review: the arrows stop at the first and the last action. Marking moves on
by itself, so a Down out of habit on the last action must not go round to the first (where
the next mark would change an action already marked)."""

from __future__ import annotations

from tests.ui.test_room_followup import earlier_plan, names


async def test_down_on_the_last_action_stays_there(make_app, store):
    app = make_app(mode="followup")
    code = earlier_plan(app, store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        await pilot.press("enter", "2", *"444444444", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        await pilot.press("enter", "space", "c")  # deal, choose, on to the review
        await pilot.pause()
        assert names(app)[-1] == "ReviewScreen"
        await pilot.press("1", "1")  # the first two done; the last is highlighted
        await pilot.press("down", "3")  # Down on the last: stays, and the last is dropped
        await pilot.pause()
        assert app.screen.statuses == ["done", "done", "dropped"]
        await pilot.press("up", "up", "up", "up", "2")  # Up stops at the first
        await pilot.pause()
        assert app.screen.statuses == ["not_done", "done", "dropped"]
