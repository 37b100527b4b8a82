"""Defects found by using the real program as a Norwegian and a Danish user would, in the
light theme and at sizes between the usual ones (trial 4): each test repeats what was done
at the keyboard and asserts what the user must see."""

from __future__ import annotations

from kiosk.ui.screens.deal import DealScreen
from kiosk.ui.widgets.footer import shown_bindings


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def shown_keys(screen) -> list[str]:
    return [key for key, _action, _label, _display, enabled, _tip in shown_bindings(screen) if enabled]


# -- the walk-up deal: no key in the bar that does nothing ----------------------------------


async def test_walkup_deal_does_not_offer_c_which_does_nothing_there(make_app):
    """At the walk-up (da, 100x30) the deal's key bar said "c Videre"; pressing c did nothing
    (a visitor goes on by picking a card on its own screen)."""
    app = make_app(mode="walkup", language="da")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "enter", *"233423143", "enter", "enter")
        assert isinstance(app.screen, DealScreen)
        keys = shown_keys(app.screen)
        assert "c" not in keys
        assert "enter" in keys
        await press(pilot, "c")
        assert isinstance(app.screen, DealScreen)


async def test_workshop_deal_still_offers_c(make_app):
    app = make_app(mode="workshop", language="nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter")
        assert isinstance(app.screen, DealScreen)
        assert "c" in shown_keys(app.screen)


# -- the lobby: no invented group of 30 ---------------------------------------------------


async def wait_for(pilot, condition) -> None:
    for _ in range(40):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def test_lobby_without_a_group_size_does_not_speak_of_a_group_of_30(make_app):
    """A check-in (nb, 100x30, no group size asked) said "0 av 33 plasser (gruppen 30 + 3
    ekstra)": nobody said the group was 30; the places are a default."""
    app = make_app(mode="checkin", language="nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, *"Team Nord", "enter")
        assert type(app.screen).__name__ == "LobbyScreen"
        await wait_for(pilot, lambda: bool(app.screen.query_one("#join-tokens").render().plain))
        tokens = app.screen.query_one("#join-tokens").render().plain
        assert "0 av 33 plasser" in tokens
        assert "gruppen" not in tokens and "30" not in tokens


async def test_lobby_with_a_group_size_still_shows_the_group_and_the_margin(make_app):
    app = make_app(mode="workshop", language="nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "tab", "tab", "tab", "tab", "8", "ctrl+s")
        assert type(app.screen).__name__ == "LobbyScreen"
        await wait_for(pilot, lambda: bool(app.screen.query_one("#join-tokens").render().plain))
        assert "0 av 11 plasser (gruppen 8 + 3 ekstra)" in app.screen.query_one("#join-tokens").render().plain


# -- Norwegian wording: one word for a step -------------------------------------------------


async def test_nb_exercise_key_bar_speaks_of_steg_as_the_screen_does(make_app):
    """The nb exercise said "Steg 1 av 5" above the timer and "n/p Bytt trinn" in the key
    bar (and the deal "og 2 trinn til"): two words for one thing on one screen."""
    from textual.widgets._footer import FooterKey

    app = make_app(mode="workshop", language="nb")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter")
        assert isinstance(app.screen, DealScreen)
        await press(pilot, "enter", "t")
        assert type(app.screen).__name__ == "ExerciseScreen"
        labels = " ".join(str(key.render()) for key in app.screen.query(FooterKey))
        assert "Bytt steg" in labels and "trinn" not in labels


# -- big card titles: a long word breaks where a reader would break it ----------------------


import pytest  # noqa: E402

from kiosk.ui.widgets.bigtitle import CELL, GAP, big_lines  # noqa: E402
from kiosk.ui.widgets.cardtile import break_word, poster_title  # noqa: E402


@pytest.mark.parametrize(
    ("word", "letters", "pieces"),
    [
        ("Fiskebensdiagram", 10, ["Fiskebens-", "diagram"]),  # da 160x50 showed FISKEBEN- SDIAGRAM
        ("Fiskbensdiagram", 9, ["Fiskbens-", "diagram"]),
        ("Beslutningsmandat", 12, ["Beslutnings-", "mandat"]),  # was BESLUTNIN- GSMANDAT
        ("Ansvarsmatrise", 9, ["Ansvars-", "matrise"]),
        ("Drømmescenario", 9, ["Drømme-", "scenario"]),  # was DRØMMES- CENARIO
        ("Effektkjede", 9, ["Effekt-", "kjede"]),  # was EFFEK- TKJEDE
        ("Brainwriting", 9, ["Brain-", "writing"]),  # was BRAINW- RITING
        ("1-2-4-alle", 8, ["1-2-4-", "alle"]),  # was 1-2-4- -ALLE, a doubled hyphen
        ("Användarintervju", 15, ["Användar-", "intervju"]),  # as before: no rule against it
        ("%-løsninger", 10, ["%-", "løsninger"]),
    ],
)
def test_a_long_word_breaks_where_a_reader_would(word, letters, pieces):
    assert break_word(word, letters) == pieces


def test_a_word_without_an_acceptable_break_is_not_drawn_big():
    """Rather the name in plain letters than a piece no reader can say (XXXX- XXXX...)."""
    assert break_word("Xxxxxxxxxxxx", 8) is None
    assert poster_title("Xxxxxxxxxxxx", 8 * CELL - GAP) is None


def test_the_poster_title_uses_the_better_break():
    width = 10 * CELL - GAP
    assert poster_title("Fiskebensdiagram", width) == big_lines("Fiskebens- diagram", width)


async def test_the_walk_up_deal_help_does_not_name_c(make_app):
    """The key bar no longer offers "c" to a visitor; the help says the same."""
    from kiosk.ui.screens.help import HelpRow

    app = make_app(mode="walkup")
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ["enter", *"123451234", "enter", "enter"]:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "DealScreen"
        await pilot.press("f1")
        await pilot.pause()
        rows = [row.plain() for row in app.screen.query(HelpRow)]
        assert rows and not any(row.startswith("c ") for row in rows), rows
