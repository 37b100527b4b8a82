"""Defects found by using the real program as a facilitator and a visitor would (trial 3):
each test repeats what was done at the keyboard and asserts what the user must see."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.core.deck import MethodCard
from kiosk.ui.screens.deal import DealScreen
from kiosk.ui.screens.plan import PlanScreen
from kiosk.ui.widgets.cardtile import CardTile

WORKSHOP_TO_DEAL = ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter"]


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def at_deal(app, pilot) -> DealScreen:
    await press(pilot, *WORKSHOP_TO_DEAL)
    assert isinstance(app.screen, DealScreen)
    return app.screen


def focused_slot(app) -> int:
    assert isinstance(app.focused, CardTile)
    return app.focused.slot


# -- the deal: the arrows follow the table ------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_down_goes_to_the_card_below_not_the_next_one(make_app, size):
    """Two by two, Down from card 1 went to card 2 (beside it) and Down from card 2 to card 3
    (below card 1): the arrows walked the list, not the table the room sees."""
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        screen = await at_deal(app, pilot)
        tiles = list(screen.query(CardTile))
        assert len(tiles) == 4 and len({tile.region.y for tile in tiles}) == 2  # two by two
        assert focused_slot(app) == 0
        await press(pilot, "down")
        assert focused_slot(app) == 2, "card 3 is below card 1"
        await press(pilot, "right")
        assert focused_slot(app) == 3
        await press(pilot, "up")
        assert focused_slot(app) == 1, "card 2 is above card 4"
        await press(pilot, "up")
        assert focused_slot(app) == 1, "no row above: the focus stays"
        await press(pilot, "left")
        assert focused_slot(app) == 0
        await press(pilot, "left")
        assert focused_slot(app) == 3, "left and right go round the table"


async def test_on_one_row_down_and_up_still_move_card_by_card(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 30)) as pilot:
        screen = await at_deal(app, pilot)
        tiles = list(screen.query(CardTile))
        assert len({tile.region.y for tile in tiles}) == 1  # side by side
        await press(pilot, "down", "down")
        assert focused_slot(app) == 2
        await press(pilot, "up")
        assert focused_slot(app) == 1


# -- text fields: an accent typed as a second character -----------------------------------


async def test_an_accent_typed_after_its_letter_makes_one_letter_the_plan_keeps(make_app, store):
    """'e' then U+0301 (how a Mac pastes 'é') was refused as a character the console cannot
    show; composed, it is the 'é' the console has, and the plan saves."""
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await at_deal(app, pilot)
        await press(pilot, "space", "c")
        assert isinstance(app.screen, PlanScreen)
        field = app.screen.query_one("#how", Input)
        field.focus()
        for ch in "Zoe\u0308 och Rene\u0301":  # key by key, as a terminal delivers them
            field.insert_text_at_cursor(ch)
            await pilot.pause()
        assert field.value == "Zoë och René"
        assert not field.has_class("-invalid")
        field.value = ""
        field.insert_text_at_cursor("Cafe\u0301 \u00e5")  # a paste of decomposed and composed text
        assert field.value == "Café å"
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, PlanScreen), "the plan was saved"


# -- the walk-up deal: the visitor's weakest principle ------------------------------------


@pytest.mark.parametrize("seed", [1, 42, 7])
async def test_a_visitors_weakest_principle_gets_its_card_when_only_one_fits(make_app, seed):
    """A visitor who rated 'accepting and learning from failure' lowest (1, the rest 2 or
    more) was dealt three cards for other principles: one card for it fits a visitor alone,
    too few for a hand, and the hand was dealt again from the whole deck without it."""
    app = make_app(mode="walkup", seed=seed)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "enter", *"234234123", "enter", "enter")
        assert isinstance(app.screen, DealScreen)
        session = app.screen.session
        assert session.focus_principles() == ("lara_av_misslyckanden",)
        hand = [tile.card for tile in app.screen.query(CardTile)]
        assert len(hand) == 3 and all(isinstance(card, MethodCard) for card in hand)
        first = hand[0]
        assert isinstance(first, MethodCard)
        assert "lara_av_misslyckanden" in first.principles, [card.id for card in hand]


# -- the plan: a field that has not the focus shows the start of its text -----------------


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_long_prefilled_what_reads_from_its_start_once_the_focus_moves_on(make_app):
    """At 80x24 the prefilled "What" (Testa <two card titles>) is longer than its field: when
    the focus went on to "How" it still showed its tail, 'a "Hur skulle vi kunna…?", PDSA...'."""
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_deal(app, pilot)
        await press(pilot, "1", "space", "2", "space", "3", "space", "4", "space", "c")
        assert isinstance(app.screen, PlanScreen)
        what = app.screen.query_one("#what", Input)
        assert what.has_focus and len(what.value) > what.content_region.width
        await press(pilot, "tab", "w", "tab")
        assert app.screen.query_one("#how", Input).value == "w"
        region = what.content_region
        shown = screen_lines(app)[region.y][region.x : region.right].strip()
        assert what.value.startswith(shown[:20]) and shown.startswith(what.value.split()[0]), shown


# -- the card: a long step wraps under its own text ---------------------------------------


async def test_a_long_step_on_the_card_wraps_under_its_text_not_its_number(make_app):
    """At 80x24 a step longer than the line went on at the left edge, under its number:
    ' 2. Skriv om varje insikt till en fråga som börjar med "Hur skulle vi' / '  kunna…"'."""
    from kiosk.ui.screens.card import CardScreen

    app = make_app(mode="workshop", seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_deal(app, pilot)
        continued = 0
        for slot in "1234":
            await press(pilot, slot, "enter")
            assert isinstance(app.screen, CardScreen)
            await pilot.pause()
            lines = screen_lines(app)
            steps = [n for n, line in enumerate(lines) if line.strip() == "Så gör ni"]
            assert steps, lines
            for line in lines[steps[0] + 1 :]:
                if not line.strip() or line.strip().startswith("Tryck m"):
                    break
                number = line.lstrip()[:3].rstrip(". ").isdigit()
                if not number:
                    continued += 1
                    assert line.startswith(" " * 6), f"a step's next line starts under its text: {line!r}"
            await press(pilot, "escape")
        assert continued, "one of the cards has a step longer than a line"


# -- the plan: a move is said, not the last thing done before it --------------------------


async def test_moving_an_action_says_so_instead_of_still_saying_it_was_added(make_app):
    """Ctrl+N then Ctrl+Up: the status line still said 'Action 3 added.' after the move."""
    from kiosk.ui.widgets.statusline import StatusLine

    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_deal(app, pilot)
        await press(pilot, "space", "c", "ctrl+n", "x", "ctrl+n", "y")
        assert isinstance(app.screen, PlanScreen)
        line = app.screen.query_one(StatusLine)
        assert "Action 3 added" in str(line.render())
        await press(pilot, "ctrl+up")
        said = str(line.render())
        assert "added" not in said and "now action 2" in said, said
        whats = [f.value for f in app.screen.query(Input) if f.has_class("field-what")]
        assert whats[1:] == ["y", "x"]


# -- the exercise: after the last step ----------------------------------------------------


async def test_after_the_last_step_the_clock_reads_zero_and_offers_no_pause(make_app):
    """n past the last step said 'Done! Esc goes back.' under the last step's whole time
    (05:00), and the key bar still offered Space Pause, which flipped to Resume and back
    while nothing ran."""
    from kiosk.ui.screens.exercise import ExerciseScreen, clock_face
    from kiosk.ui.widgets.bigdigits import BigDigits
    from kiosk.ui.widgets.footer import KioskFooter

    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_deal(app, pilot)
        await app.push_screen(ExerciseScreen("en", app.session, app.session.hand[0].id, clock=app.clock))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)

        def keys() -> str:
            return " ".join(str(w.render()) for w in screen.query_one(KioskFooter).query("*"))

        assert "Pause" in keys()
        for _ in screen.countdown.steps:
            await press(pilot, "n")
        assert screen.countdown.finished
        assert screen.countdown.display_seconds() > 0  # the last step had time left ...
        assert screen.query_one("#time", BigDigits).value == clock_face(0)  # ... the clock says done
        assert "Pause" not in keys() and "Resume" not in keys() and "+/-" not in keys()
        running = screen.countdown.running
        await press(pilot, "space", "plus")
        assert screen.countdown.running == running and screen.countdown.finished
        await press(pilot, "p")  # back to the last step: the clock and its keys return
        assert not screen.countdown.finished
        assert "Resume" in keys() or "Pause" in keys()


# -- the follow-up: a long paste in the code field ----------------------------------------


async def test_a_long_paste_as_the_plan_code_leaves_room_for_what_is_wrong(make_app):
    """500 pasted characters were said back whole ('<500 characters>' is neither a code, a
    file nor a link): the status line showed three rows of the paste and never the words
    saying what was wrong."""
    from textual.events import Paste

    from kiosk.ui.widgets.statusline import StatusLine

    app = make_app(mode="followup", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.focus()
        paste = ("abc/../<script>[b]x[/b] " * 30)[:499] + "\x1b"
        field.post_message(Paste(paste))
        await pilot.pause()
        await press(pilot, "enter")
        said = str(app.screen.query_one(StatusLine).render())
        assert "is neither a code, a file nor a link" in said or "not a plan code" in said, said
        assert len(said) < 200 and "[b]x[/b]" in said  # said back short, as text
