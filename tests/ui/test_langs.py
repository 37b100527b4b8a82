"""Every language at 80x24 (the longest language sets the widths): the results show each
principle name whole with bars that carry the picture, and the room's screens cut no text
that has room."""

from __future__ import annotations

import re

import pytest

from kiosk.ui.widgets.bars import BarChart, columns, name_lines
from tests.ui.conftest import BALLOTS, to_results

LANGUAGES = ["sv", "en", "nb", "da"]
# Three voters who disagree on some principles (level answer first, then the nine).
CUT = re.compile(r"\w(\.\.\.|…)(\s|$)")  # a word that stops in an ellipsis
WIDE_BARS = 22  # at 80x24 a bar gets about a third of the row, more than the longest name's leftovers


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


def screen_text(app) -> list[str]:
    """The screen as the terminal shows it, one string per row (what a snapshot holds)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False).splitlines()


def cut_lines(app) -> list[str]:
    """Rows where a text was shortened ("Acceptera och lära av..."); the screens below all
    have the room to show every text whole at 80x24."""
    return [row for row in screen_text(app) if CUT.search(row)]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_room_screens_cut_no_text_at_80x24(make_app, language):
    app = make_app(language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")  # the help over the setup
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen" and cut_lines(app) == []
        await pilot.press("escape")
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen" and cut_lines(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BallotScreen" and cut_lines(app) == []
        for row in range(9):  # every principle's name whole as the cursor walks down
            await pilot.press("2")
            await pilot.pause()
            assert cut_lines(app) == [], row
        await pilot.press("3", "enter")
        await pilot.pause()
        await to_results_from_lobby(app, pilot)
        assert cut_lines(app) == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_show_of_hands_cuts_no_text_at_80x24(make_app, language):
    from textual.widgets import Input

    from kiosk.ui.widgets.choice import Choice

    hands = make_app(language=language, mode="workshop")
    async with hands.run_test(size=(80, 24)) as pilot:
        hands.screen.query_one("#group", Input).value = "5"
        hands.screen.query_one("#secret", Choice).value = "hands"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(hands.screen).__name__ == "HandsScreen"
        for _ in range(2):  # the level question, then a principle on the scale
            assert cut_lines(hands) == []
            await pilot.press("1", "enter", "1", "enter", "1", "enter")
            await pilot.pause()


async def to_results_from_lobby(app, pilot) -> None:
    for ballot in BALLOTS[1:]:
        await pilot.press("enter", *ballot, "enter")
        await pilot.pause()
    await pilot.press("ctrl+r", "right", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen"


def test_level_answers_wrap_between_answers_never_inside_one():
    from kiosk.ui.widgets.phrases import pack

    phrases = ["Where are we today?", "Bureaucracy with limited innovation: 1", "Innovative bureaucracy: 2"]
    assert pack(phrases, 76) == [
        "Where are we today?   Bureaucracy with limited innovation: 1",
        "Innovative bureaucracy: 2",
    ]
    assert pack(phrases, 200) == ["   ".join(phrases)]
    assert pack(["a b c d"], 3) == ["a b", "c d"]  # wider than the screen: between its words


@pytest.mark.parametrize("language", LANGUAGES)
async def test_day_view_without_votes_says_so(make_app, language):
    from kiosk.core.i18n import t

    app = make_app(language=language, mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        await pilot.click("#day")
        await pilot.pause()
        assert type(app.screen).__name__ == "DayViewScreen"
        assert not app.screen.query(BarChart)
        assert any(t(language, "langs.day_no_votes") in row for row in screen_text(app))


@pytest.mark.parametrize("size", [(120, 40), (200, 60)])
async def test_lobby_phone_panel_reads_as_one_group(make_app, size):
    from kiosk.ui.widgets.phonejoin import PhoneJoin
    from kiosk.ui.widgets.qr import QRWidget

    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        await pilot.pause()
        panel = app.screen.query_one(PhoneJoin)
        title = panel.query_one(".title")
        qr = panel.query_one("#join-qr", QRWidget)
        tokens = panel.query_one("#join-tokens")
        lines = qr.lines()
        assert lines is not None
        # The code's box is as tall as the code (and the address under it), so the title,
        # the code and the count touch: no stretch of empty panel between them ...
        assert qr.region.height == len(lines) + (1 if qr.caption else 0)
        assert qr.region.y == title.region.bottom and tokens.region.y == qr.region.bottom
        # ... and the group sits in the middle of the panel, not spread over it.
        above, below = title.region.y - panel.region.y, panel.region.bottom - tokens.region.bottom
        assert above > 0 and abs(above - below) <= 2


@pytest.mark.parametrize("language", ["en", "da"])
async def test_follow_up_bars_show_what_moved_at_80x24(make_app, store, language):
    """At 80x24 the table of changes starts below the fold: each bar says its change itself."""
    from datetime import date

    from kiosk.core.plan import Action
    from kiosk.core.session import Session, SessionSettings

    deck = make_app().shelf.get("innovationslek", language)
    ids = deck.require_model().principle_ids
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", language=language))
    first.cast({"level": "limited", **{p: 2 for p in ids}})
    code = first.save_plan(first.make_plan([Action(what="Try it")], date(2027, 1, 10)))
    app = make_app(language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", *code.lower(), "enter")
        await pilot.pause()
        await pilot.press("enter", "2", *"421333333", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ResultsScreen"
        chart = app.screen.query_one(BarChart)
        moved = {"4": "+2.0", "2": "+0.0", "1": "-1.0", "3": "+1.0"}  # from 2 to the new answer
        answers = dict(zip(ids, "421333333", strict=True))
        by_name = {deck.require_model().principle(p).name: moved[a] for p, a in answers.items()}
        label = columns(chart.size.width, chart.label_width, chart.tag_width).label
        rows = [line for line in chart.render().plain.splitlines() if line[label + 1 :].strip()]
        assert len(rows) == len(ids)
        for row in chart.rows:  # the change on the bar's own line, beside the mean
            line = next(line for line in rows if line.startswith(name_lines(row.label, label)[0] + " "))
            assert f"{row.mean:.1f} {by_name[row.label]}" in line, line
        assert sorted(chart_names(chart)) == sorted(by_name)
