"""The exercise screen as a facilitator and a room see it: every step listed with the
current one marked, and the time left as the largest thing on screen at every size."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from kiosk.ui.screens.exercise import ExerciseScreen
from kiosk.ui.widgets.bigdigits import BigDigits
from kiosk.ui.widgets.steplist import MARK, StepList


async def open_exercise(app, pilot, pick=lambda session: session.hand[0].id):
    await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter")
    await pilot.pause()
    session = app.session
    card_id = pick(session)
    await app.push_screen(ExerciseScreen("sv", session, card_id, clock=app.clock))
    await pilot.pause()
    return app.screen


def largest_thing(screen) -> Widget:
    leaves: list[Widget] = [w for w in screen.query("*") if not w.children and w.display and w.region.area]
    return max(leaves, key=lambda w: w.region.area)


def longest_card(session) -> str:
    cards = [c for c in session.deck.cards if getattr(c, "steps", None)]
    return max(cards, key=lambda c: (len(c.steps), sum(len(s.text) for s in c.steps))).id


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_every_step_listed_and_the_time_is_the_largest_thing(make_app, size):
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        screen = await open_exercise(app, pilot, longest_card)
        steps = screen.query_one(StepList)
        lines = steps.render().plain.splitlines()
        numbered = [line for line in lines if line[2:].lstrip()[:1].isdigit()]
        assert len(numbered) == len(screen.card.steps)
        assert numbered[0].startswith(MARK)
        assert all(not line.startswith(MARK) for line in numbered[1:])
        # The current step is whole even where the others are cut to a line.
        first = screen.card.steps[0].text
        assert " ".join(" ".join(lines).split()).find(" ".join(first.split())) >= 0
        digits = screen.query_one("#time", BigDigits)
        assert largest_thing(screen) is digits
        assert digits.region.height >= 4
        assert steps.region.bottom <= size[1] - 1  # the list is not cut off by the key bar
        await pilot.press("n")
        await pilot.pause()
        numbered = [line for line in steps.render().plain.splitlines() if line[2:].lstrip()[:1].isdigit()]
        assert numbered[1].startswith(MARK) and not numbered[0].startswith(MARK)
        assert largest_thing(screen) is digits
