"""Every language at 80x24 (the longest language sets the widths): the results show each
principle name whole with bars that carry the picture, and the room's screens cut no text
that has room."""

from __future__ import annotations

import pytest

from kiosk.ui.widgets.bars import BarChart, columns

LANGUAGES = ["sv", "en", "nb", "da"]
# Three voters who disagree on some principles (level answer first, then the nine).
BALLOTS = ["2342312312", "1325214135", "2431325242"]
WIDE_BARS = 22  # at 80x24 a bar gets about a third of the row, more than the longest name's leftovers


async def to_results(app, pilot) -> None:
    await pilot.press("2", "ctrl+s")
    await pilot.pause()
    for ballot in BALLOTS:
        await pilot.press("enter", *ballot, "enter")
        await pilot.pause()
    await pilot.press("ctrl+r", "right", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen"


def chart_names(chart: BarChart) -> list[str]:
    """The names as the chart shows them, a wrapped name's lines joined again."""
    label = columns(chart.size.width, chart.label_width, chart.tag_width).label
    names: list[str] = []
    lines = chart.render().plain.splitlines()
    for line in lines:
        name = line[:label].strip()
        if not name:
            continue
        starts_row = line[label + 1 :].strip() != ""  # the bar's line; a name's rest has none
        if starts_row or not names:
            names.append(name)
        else:
            names[-1] += " " + name
    return names


@pytest.mark.parametrize("language", LANGUAGES)
async def test_results_show_every_name_whole_beside_wide_bars_at_80x24(make_app, language):
    app = make_app(language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(app, pilot)
        chart = app.screen.query_one(BarChart)
        print(chart.render().plain)
        names = [p.name for p in app.session.deck.require_model().principles]
        assert sorted(chart_names(chart)) == sorted(names)
        assert columns(chart.size.width, chart.label_width, chart.tag_width).bar >= WIDE_BARS
        # The chart fits without scrolling, and the deal button stays in view.
        assert chart.region.bottom <= app.screen.query_one("#deal").region.y
        assert app.screen.query_one("#deal").region.bottom <= 24 - 1
