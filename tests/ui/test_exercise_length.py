"""A minute added to (or taken from) a step shows in the step list as well as on the clock:
the list says how long each step now is, not what the card planned."""

from __future__ import annotations

from kiosk.ui.widgets.steplist import StepList
from tests.ui.test_exercise80 import open_card, screen_lines


def lengths(app) -> list[str]:
    return [length for _, length in app.screen.query_one(StepList).steps]


async def test_a_minute_added_shows_in_the_list(make_app, store):
    app = make_app(mode="workshop", language="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_card(app, pilot, store, "sv", "roti")
        planned = [step.minutes for step in screen.card.steps]
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert lengths(app) == [f"{planned[0] + 2} min", *(f"{m} min" for m in planned[1:])]
        assert any(f"{planned[0] + 2} min" in row for row in screen_lines(app))
        await pilot.press("minus")
        await pilot.pause()
        assert lengths(app)[0] == f"{planned[0] + 1} min"
        # The next step keeps its own length until it is changed.
        await pilot.press("n", "plus")
        await pilot.pause()
        assert lengths(app) == [f"{planned[0] + 1} min", f"{planned[1] + 1} min", *(f"{m} min" for m in planned[2:])]
