"""The exercise runs in the light theme (it ended in 'unexpected error' there)."""

from __future__ import annotations

import pytest

KEYS = ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter", "t"]


@pytest.mark.parametrize("theme", ["kiosk-light", "kiosk-dark", "console"])
@pytest.mark.parametrize("size", [(100, 30), (120, 40), (80, 24), (200, 60)])
async def test_the_exercise_runs_in_every_theme(make_app, theme, size):
    app = make_app(mode="workshop", theme=theme, seed=2)
    async with app.run_test(size=size) as pilot:
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "ExerciseScreen"
        await pilot.press("space", "plus", "n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExerciseScreen"


@pytest.mark.parametrize("theme", ["kiosk-light", "kiosk-dark", "console"])
async def test_the_progress_track_shows_on_its_background(make_app, theme):
    """The track was drawn in the panel colour, all but white on the light theme's white."""
    from kiosk.ui.widgets.progress import ProgressLine

    app = make_app(mode="workshop", theme=theme, seed=2)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
        track = app.screen.query_one(ProgressLine).get_component_rich_style("progress--track")
        assert track.color is not None and track.bgcolor is not None
        ink, paper = track.color.get_truecolor(), track.bgcolor.get_truecolor()
        assert sum(abs(a - b) for a, b in zip(ink, paper, strict=True)) > 150, (ink, paper)
