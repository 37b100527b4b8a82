"""The results as the room sees them: the weakest and the most divided principles first,
every name whole at 80x24 in the language with the longest names, the bars taking the rest."""

from __future__ import annotations

import pytest

from kiosk.core.names import longest_principle_name
from kiosk.core.results import PrincipleResult, ResultsView
from kiosk.core.shelf import Shelf
from kiosk.ui.screens.results import first_what_matters
from kiosk.ui.widgets.bars import BAR_SHARE, MIN_BAR, BarChart, bar_shape, columns
from tests.ui.conftest import to_results
from tests.ui.test_langs import chart_names

# Three voters who disagree on some principles (level answer first, then the nine).


def test_order_puts_weakest_then_divided_then_the_rest():
    def view(weakest, divided):
        principles = [PrincipleResult(name, (1,), 1.0, name in weakest, name in divided) for name in "abcde"]
        return ResultsView(
            votes=1,
            principles=principles,
            scale=["x"],
            level_question="",
            level=[],
            weakest=weakest,
            divided=divided,
            since_plan=[],
            trend=[],
            trend_sessions=0,
            team="",
        )

    assert [p.name for p in first_what_matters(view(["d", "b"], ["b", "e"]))] == ["d", "b", "e", "a", "c"]
    assert [p.name for p in first_what_matters(view([], []))] == list("abcde")


def test_columns_keep_the_label_and_give_the_bar_the_rest():
    cols = columns(116, 35, 20)
    assert cols.label == 35 and cols.bar == 116 - 35 - 7 - 20
    narrow = columns(76, 35, 20)  # 80x24: the label gives way (names wrap), the bar keeps its share
    assert narrow.bar == int((76 - 7 - 20) * BAR_SHARE) and narrow.label + narrow.bar + 7 + 20 == 76
    squeezed = columns(50, 35, 20)  # too narrow for half: the bar keeps its minimum
    assert squeezed.bar == MIN_BAR and squeezed.label + squeezed.bar + 7 + 20 == 50


def test_bars_thicken_on_a_projector():
    assert bar_shape(24) == (1, 0)
    assert bar_shape(40) == (1, 1)
    assert bar_shape(60)[0] >= 2


def test_longest_name_is_over_all_languages():
    shelf = Shelf()
    decks = [shelf.get("innovationslek", lang) for lang in shelf.languages("innovationslek")]
    assert longest_principle_name(decks) == max(len(p.name) for d in decks for p in d.require_model().principles)


@pytest.mark.parametrize("language", ["sv", "en"])
async def test_names_whole_and_weakest_first_at_80x24(make_app, language):
    app = make_app(language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "ResultsScreen"
        chart = screen.query_one(BarChart)
        lines = chart.render().plain.splitlines()
        model = app.session.deck.model
        names = [p.name for p in model.principles]
        # Every name whole (a long one wrapped onto a second line), and the bars at least MIN_BAR wide.
        shown = chart_names(chart)
        assert sorted(shown) == sorted(names)
        assert chart.size.width <= 80 and all(len(line) <= chart.size.width for line in lines)
        weakest = app.session.weakest(3)
        divided = app.session.most_divided(3)
        top = [model.principle(p).name for p in dict.fromkeys([*weakest, *divided])]
        assert shown[: len(top)] == top
        assert screen.t("results.weakest") in lines[0]
        # The deal button is on screen without scrolling.
        button = screen.query_one("#deal")
        assert button.region.bottom <= 24 - 1


async def test_follow_up_results_keep_names_whole_and_start_at_the_top(make_app, store):
    from datetime import date

    from kiosk.core.plan import Action
    from kiosk.core.session import Session, SessionSettings
    from kiosk.ui.widgets.trend import TrendTable

    deck = make_app().shelf.get("innovationslek", "sv")
    ids = deck.require_model().principle_ids
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Bygglov"))
    first.cast({"level": "limited", **{p: 2 for p in ids}})
    code = first.save_plan(first.make_plan([Action(what="Prova nytt formulär")], date(2027, 1, 10)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", *code.lower(), "enter")
        await pilot.pause()
        await pilot.press("enter", "2", *"421333333", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ResultsScreen"
        names = [p.name for p in deck.require_model().principles]
        assert sorted(chart_names(screen.query_one(BarChart))) == sorted(names)
        text = screen.query_one(TrendTable).render().plain
        assert "..." not in text and "…" not in text
        assert all(name in text for name in names)
        # The deal button has focus, and the chart's first row is still in view.
        assert screen.focused is screen.query_one("#deal")
        assert screen.query_one("#results").scroll_y == 0
